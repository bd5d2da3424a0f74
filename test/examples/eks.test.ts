import { EksExampleStack } from "../../examples/eks/eks-stack";
import { EXAMPLE_DEFAULTS } from "../../examples/settings";
import { addressesOf, exampleApp, onlyResourceOf, resourcesOf, synthesizeStack } from "../util";

// Context pins every setting, so the snapshot does not depend on DEFENDER_* variables in the shell.
const synth = synthesizeStack(new EksExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS }), "eks"));
const ACCOUNT = EXAMPLE_DEFAULTS.awsAccountId;
const CONNECTOR = "azapi_resource.defender_connector_8BD7040A";
const role = (id: string) => `\${aws_iam_role.defender_roles_${id}.arn}`;
const releases = resourcesOf(synth, "helm_release");

describe("examples/eks", () => {
  test("matches the snapshot", () => {
    expect(synth).toMatchSnapshot();
  });

  test("Terraform addresses are stable", () => {
    expect(addressesOf(synth)).toEqual([
      "aws_eks_access_entry.defender_discovery-access-eu-west-1_access-entry_7FA7693E",
      "aws_eks_access_policy_association.defender_discovery-access-eu-west-1_policy-association_5914555E",
      "aws_eks_cluster.cluster",
      "aws_eks_node_group.nodes",
      "aws_iam_openid_connect_provider.defender_oidc-provider_215670B3",
      "aws_iam_role.defender_roles_agentless-discovery-role_7312C47B",
      "aws_iam_role.defender_roles_cloudwatch-to-kinesis-role_8017C65E",
      "aws_iam_role.defender_roles_data-collection-role_E8F3192A",
      "aws_iam_role.defender_roles_image-assessment-role_5F0441B5",
      "aws_iam_role.defender_roles_kinesis-to-s3-role_6D41A71E",
      "aws_iam_role.defender_roles_kubernetes-role_9F4825B5",
      "aws_iam_role_policy.defender_roles_agentless-discovery-policy_D7F49B29",
      "aws_iam_role_policy.defender_roles_cloudwatch-to-kinesis-policy_46E15074",
      "aws_iam_role_policy.defender_roles_data-collection-policy_48373C79",
      "aws_iam_role_policy.defender_roles_kinesis-to-s3-policy_9986DB50",
      "aws_iam_role_policy.defender_roles_kubernetes-policy_BA21EB47",
      "aws_iam_role_policy_attachment.defender_roles_image-assessment-ecr-public_93041C35",
      "aws_iam_role_policy_attachment.defender_roles_image-assessment-ecr_4F35FFBC",
      CONNECTOR,
      "data.aws_eks_cluster.defender_existing-clusters_9E4DA539",
      "data.aws_eks_cluster_auth.defender_cluster-auth_37433422",
      "helm_release.defender_sensor-mdc-example-eks_release_1C5088CC",
      "helm_release.defender_sensor-payments-prod_release_DAADD8DD",
      "helm_release.defender_sensor-search-prod_release_AC10A335",
    ]);
  });

  test("providers: the account's aws provider, azapi in the connector's subscription, one helm provider per cluster", () => {
    expect(synth.provider!.aws).toEqual([{ region: "eu-west-1", allowed_account_ids: [ACCOUNT] }]);
    expect(synth.provider!.azapi).toEqual([{ subscription_id: "00000000-0000-0000-0000-000000000000" }]);
    expect(synth.provider!.helm.map((p: any) => p.alias)).toEqual(["defender-mdc-example-eks", "defender-payments-prod", "defender-search-prod"]);
    const own = synth.provider!.helm[0].kubernetes;
    expect(own.host).toBe("${aws_eks_cluster.cluster.endpoint}");
    expect(own.token).toBe('${data.aws_eks_cluster_auth.defender_cluster-auth_37433422["mdc-example-eks"].token}');
    expect(synth.provider!.helm[1].kubernetes.host).toBe('${data.aws_eks_cluster.defender_existing-clusters_9E4DA539["payments-prod"].endpoint}');
  });

  test("the connector connects the account with the roles' ARNs, scanning the clusters' region, after the access entries", () => {
    const connector = onlyResourceOf(synth, "azapi_resource");
    expect(connector).toMatchObject({ name: `aws-${ACCOUNT}`, parent_id: EXAMPLE_DEFAULTS.awsConnectorResourceGroupId, location: "westeurope" });
    const properties = connector.body.properties;
    expect(properties.hierarchyIdentifier).toBe(ACCOUNT);
    expect(properties.environmentData.regions).toEqual(["eu-west-1"]);
    expect(properties.offerings[0]).toMatchObject({
      offeringType: "DefenderForContainersAws",
      kubernetesService: { cloudRoleArn: role("kubernetes-role_9F4825B5") },
      kubernetesDataCollection: { cloudRoleArn: role("data-collection-role_E8F3192A") },
      cloudWatchToKinesis: { cloudRoleArn: role("cloudwatch-to-kinesis-role_8017C65E") },
      kinesisToS3: { cloudRoleArn: role("kinesis-to-s3-role_6D41A71E") },
      mdcContainersAgentlessDiscoveryK8s: { enabled: true, cloudRoleArn: role("agentless-discovery-role_7312C47B") },
      mdcContainersImageAssessment: { enabled: true, cloudRoleArn: role("image-assessment-role_5F0441B5") },
      enableDefenderAgentAutoProvisioning: false,
    });
    expect(connector.depends_on).toEqual(["aws_eks_access_policy_association.defender_discovery-access-eu-west-1_policy-association_5914555E"]);
  });

  test("every cluster, defined here or existing, gets an access entry for the discovery role", () => {
    const entry = onlyResourceOf(synth, "aws_eks_access_entry");
    expect(entry.for_each).toEqual({ "mdc-example-eks": "mdc-example-eks", "payments-prod": "payments-prod", "search-prod": "search-prod" });
    expect(entry.principal_arn).toBe(role("agentless-discovery-role_7312C47B"));
    expect(entry.depends_on).toEqual(["aws_eks_cluster.cluster"]);
  });

  test("the cluster defined here has audit logs and a mode that takes access entries", () => {
    const cluster = onlyResourceOf(synth, "aws_eks_cluster");
    expect(cluster.enabled_cluster_log_types).toEqual(["audit"]);
    expect(cluster.access_config.authentication_mode).toBe("API_AND_CONFIG_MAP");
    expect(cluster.vpc_config.subnet_ids).toEqual(EXAMPLE_DEFAULTS.eksSubnetIds.split(","));
  });

  test("the sensors are keyed to the connector; the cluster's release waits for its nodes", () => {
    for (const [id, release] of Object.entries<any>(releases)) {
      const values = JSON.parse(release.values[0]);
      expect(values["microsoft-defender-for-containers-sensor"].Azure.SecurityConnectorResourceId).toBe(`\${${CONNECTOR}.id}`);
      expect(values.global.cloudIdentifiers.AWS).toMatchObject({ accountId: ACCOUNT, region: "eu-west-1" });
      expect(release).toMatchObject({ namespace: "mdc", version: "0.10.5", atomic: true });
      expect(id).toContain(values.global.cloudIdentifiers.AWS.clusterName);
    }
    // Every release waits for the connector (as on GKE); the app cluster's also for its nodes.
    expect(releases["defender_sensor-mdc-example-eks_release_1C5088CC"].depends_on).toEqual([CONNECTOR, "aws_eks_node_group.nodes"]);
    expect(releases["defender_sensor-payments-prod_release_DAADD8DD"].depends_on).toEqual([CONNECTOR]);
  });

  test("settings come from context", () => {
    const other = synthesizeStack(
      new EksExampleStack(
        exampleApp({
          ...EXAMPLE_DEFAULTS,
          awsRegion: "us-east-1",
          eksClusterNames: " legacy ,",
          awsConnectorResourceGroupId: "/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg-sec",
        }),
        "eks",
      ),
    );
    expect(other.provider!.aws[0].region).toBe("us-east-1");
    expect(other.provider!.azapi[0].subscription_id).toBe("99999999-0000-0000-0000-000000000000");
    expect(onlyResourceOf(other, "aws_eks_access_entry").for_each).toEqual({ legacy: "legacy", "mdc-example-eks": "mdc-example-eks" });
    expect(onlyResourceOf(other, "azapi_resource").body.properties.environmentData.regions).toEqual(["us-east-1"]);
  });

  test("a connector resource group that is not an ID is an error", () => {
    expect(() => new EksExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS, awsConnectorResourceGroupId: "rg-sec" }), "eks")).toThrow(
      'example setting awsConnectorResourceGroupId: got "rg-sec"; expected /subscriptions/<GUID>/resourceGroups/<name>.',
    );
  });
});
