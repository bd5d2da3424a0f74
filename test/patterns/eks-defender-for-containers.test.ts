import { EksCluster, EksClusterConfig } from "@cdktf/provider-aws/lib/eks-cluster";
import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { App, TerraformStack, TerraformVariable } from "cdktf";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Construct } from "constructs";
import { AzapiProvider } from "../../lib/azure/azapi/provider";
import { planOffline } from "../../lib/testing/offline-plan";
import { findExecutable } from "../../lib/testing/offline-plan/plan-offline";
import { defaultSchemaRegistry } from "../../lib/testing/schema/registry";
import { EksDefenderCluster, EksDefenderForContainers, EksDefenderForContainersProps } from "../../lib/patterns";
import { ACCOUNT, PROVIDER_ARN, rolesByName, TENANT } from "../aws/fixtures";
import { awsAzapiStack, onlyResourceOf, resourcesOf, synthesizeStack, SynthesizedStack } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-security`;
const BASE = { accountId: ACCOUNT, azureTenantId: TENANT, region: "eu-west-1", connectorResourceGroupId: RG, connectorLocation: "westeurope" };

/** An `aws_eks_cluster` of the app (construct ID = name), access entries enabled unless overridden. */
function appCluster(scope: Construct, name: string, config: Partial<EksClusterConfig> = {}): EksCluster {
  return new EksCluster(scope, name, {
    name,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/eks-cluster`,
    vpcConfig: { subnetIds: ["subnet-1", "subnet-2"] },
    accessConfig: { authenticationMode: "API_AND_CONFIG_MAP" },
    ...config,
  });
}

/** Synthesizes the pattern (ID `eks`) with one app cluster `app` and one existing cluster `legacy`, unless `clusters` is given. */
function build(props: Partial<EksDefenderForContainersProps> = {}, clusters?: (stack: TerraformStack) => EksDefenderCluster[]): SynthesizedStack {
  const stack = awsAzapiStack();
  new EksDefenderForContainers(stack, "eks", {
    ...BASE,
    clusters: clusters ? clusters(stack) : [EksDefenderCluster.fromCluster(appCluster(stack, "app")), EksDefenderCluster.fromName("legacy")],
    ...props,
  });
  return synthesizeStack(stack);
}

/** Constructs the pattern (no synth) in a fresh stack; for validation tests. */
const construct = (props: Partial<EksDefenderForContainersProps>, clusters?: (stack: TerraformStack) => EksDefenderCluster[]) => () => {
  const stack = awsAzapiStack();
  new EksDefenderForContainers(stack, "eks", { ...BASE, clusters: clusters ? clusters(stack) : [EksDefenderCluster.fromName("app")], ...props });
};

const offeringOf = (synth: SynthesizedStack) => onlyResourceOf(synth, "azapi_resource").body.properties.offerings[0];
const roleArnRef = (synth: SynthesizedStack, name: string) => {
  const id = Object.entries(resourcesOf(synth, "aws_iam_role")).find(([, role]) => role.name === name)?.[0];
  if (!id) throw new Error(`no role ${name}`);
  return `\${aws_iam_role.${id}.arn}`;
};
const idOf = (synth: SynthesizedStack, type: string) => Object.keys(resourcesOf(synth, type));
const releasesByCluster = (synth: SynthesizedStack) =>
  Object.fromEntries(Object.values(resourcesOf(synth, "helm_release")).map((r: any) => [JSON.parse(r.values[0]).global.cloudIdentifiers.AWS.clusterName, r]));
const helmProviders = (synth: SynthesizedStack) => Object.fromEntries((synth.provider?.helm ?? []).map((p: any) => [p.alias, p]));

describe("EksDefenderForContainers", () => {
  describe("defaults: one account, an app cluster and an existing one", () => {
    const synth = build();

    test("the connector carries every role ARN, the account and the capabilities", () => {
      const connector = onlyResourceOf(synth, "azapi_resource");
      expect(connector).toMatchObject({ type: "Microsoft.Security/securityConnectors@2024-08-01-preview", name: `aws-${ACCOUNT}`, parent_id: RG, location: "westeurope" });
      expect(connector.body.properties).toMatchObject({ hierarchyIdentifier: ACCOUNT, environmentName: "AWS", environmentData: { environmentType: "AwsAccount", scanInterval: 4 } });
      expect(connector.body.properties.environmentData).not.toHaveProperty("regions");
      expect(offeringOf(synth)).toEqual({
        offeringType: "DefenderForContainersAws",
        kubernetesService: { cloudRoleArn: roleArnRef(synth, "MDCContainersK8sRole") },
        kubernetesDataCollection: { cloudRoleArn: roleArnRef(synth, "MDCContainersK8sDataCollectionRole") },
        cloudWatchToKinesis: { cloudRoleArn: roleArnRef(synth, "MDCContainersK8sCloudWatchToKinesisRole") },
        kinesisToS3: { cloudRoleArn: roleArnRef(synth, "MDCContainersK8sKinesisToS3Role") },
        kubeAuditRetentionTime: 30,
        enableAuditLogsAutoProvisioning: true,
        enableDefenderAgentAutoProvisioning: false,
        enablePolicyAgentAutoProvisioning: false,
        mdcContainersImageAssessment: { enabled: true, cloudRoleArn: roleArnRef(synth, "MDCContainersImageAssessmentRole") },
        mdcContainersAgentlessDiscoveryK8s: { enabled: true, cloudRoleArn: roleArnRef(synth, "MDCContainersAgentlessDiscoveryK8sRole") },
      });
    });

    test("the roles trust the OIDC provider the pattern creates, for sessions of the Azure tenant", () => {
      const oidcId = idOf(synth, "aws_iam_openid_connect_provider");
      expect(oidcId).toHaveLength(1);
      const trust = JSON.parse(rolesByName(synth)["MDCContainersAgentlessDiscoveryK8sRole"].assume_role_policy);
      expect(trust.Statement[0].Principal.Federated).toBe(`\${aws_iam_openid_connect_provider.${oidcId[0]}.arn}`);
      expect(trust.Statement[0].Condition.StringEquals["sts:RoleSessionName"]).toBe(`MicrosoftDefenderForClouds_${TENANT}`);
      expect(Object.keys(rolesByName(synth)).sort()).toEqual([
        "MDCContainersAgentlessDiscoveryK8sRole",
        "MDCContainersImageAssessmentRole",
        "MDCContainersK8sCloudWatchToKinesisRole",
        "MDCContainersK8sDataCollectionRole",
        "MDCContainersK8sKinesisToS3Role",
        "MDCContainersK8sRole",
      ]);
    });

    test("access entries: one for_each resource keyed by cluster name, after the app's clusters; the connector waits for them", () => {
      const entry = onlyResourceOf(synth, "aws_eks_access_entry");
      expect(entry.for_each).toEqual({ app: "app", legacy: "legacy" });
      expect(entry).toMatchObject({ cluster_name: "${each.key}", region: "eu-west-1", type: "STANDARD", principal_arn: roleArnRef(synth, "MDCContainersAgentlessDiscoveryK8sRole") });
      expect(entry.depends_on).toEqual(["aws_eks_cluster.app"]);
      const association = onlyResourceOf(synth, "aws_eks_access_policy_association");
      expect(association.policy_arn).toBe("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
      expect(onlyResourceOf(synth, "azapi_resource").depends_on).toEqual([`aws_eks_access_policy_association.${idOf(synth, "aws_eks_access_policy_association")[0]}`]);
    });

    test("the app's cluster gets audit logs; an unrestricted endpoint is left alone", () => {
      const cluster = onlyResourceOf(synth, "aws_eks_cluster");
      expect(cluster.enabled_cluster_log_types).toEqual(["audit"]);
      expect(cluster.vpc_config).toEqual({ subnet_ids: ["subnet-1", "subnet-2"] });
    });

    test("one sensor per cluster, values keyed to the connector, each through its own created helm provider", () => {
      const connectorId = `\${azapi_resource.${idOf(synth, "azapi_resource")[0]}.id}`;
      const releases = releasesByCluster(synth);
      expect(Object.keys(releases).sort()).toEqual(["app", "legacy"]);
      for (const [name, release] of Object.entries<any>(releases)) {
        const values = JSON.parse(release.values[0]);
        expect(values.global.cloudIdentifiers.AWS).toEqual({ accountId: ACCOUNT, region: "eu-west-1", clusterName: name });
        expect(values["microsoft-defender-for-containers-sensor"].Azure.SecurityConnectorResourceId).toBe(connectorId);
        expect(values["microsoft-defender-for-containers-sensor"].Azure.Cluster.Region).toBe("westeurope");
        expect(values["defender-admission-controller"].global.azure.cluster.resourceId).toBe(connectorId);
        expect(release).toMatchObject({ namespace: "mdc", version: "0.10.5", provider: `helm.eks-${name}` });
      }
    });

    test("helm providers: the app cluster's attributes, the existing cluster's data source, tokens from aws_eks_cluster_auth", () => {
      const auth = Object.keys(synth.data!.aws_eks_cluster_auth);
      const lookup = Object.keys(synth.data!.aws_eks_cluster);
      expect(auth).toHaveLength(1);
      expect(lookup).toHaveLength(1);
      expect(synth.data!.aws_eks_cluster_auth[auth[0]]).toMatchObject({
        for_each: { app: { name: "app", region: "eu-west-1" }, legacy: { name: "legacy", region: "eu-west-1" } },
        name: "${each.value.name}",
        region: "${each.value.region}",
      });
      expect(synth.data!.aws_eks_cluster[lookup[0]].for_each).toEqual({ legacy: { name: "legacy", region: "eu-west-1" } });
      expect(helmProviders(synth)).toEqual({
        "eks-app": {
          alias: "eks-app",
          kubernetes: {
            host: "${aws_eks_cluster.app.endpoint}",
            cluster_ca_certificate: "${base64decode(aws_eks_cluster.app.certificate_authority[0].data)}",
            token: `\${data.aws_eks_cluster_auth.${auth[0]}["app"].token}`,
          },
        },
        "eks-legacy": {
          alias: "eks-legacy",
          kubernetes: {
            host: `\${data.aws_eks_cluster.${lookup[0]}["legacy"].endpoint}`,
            cluster_ca_certificate: `\${base64decode(data.aws_eks_cluster.${lookup[0]}["legacy"].certificate_authority[0].data)}`,
            token: `\${data.aws_eks_cluster_auth.${auth[0]}["legacy"].token}`,
          },
        },
      });
    });
  });

  test("cluster settings are merged into the app's cluster: audit after existing log types, Defender CIDRs on a restricted endpoint", () => {
    const synth = build({}, (stack) => [
      EksDefenderCluster.fromCluster(
        appCluster(stack, "app", { enabledClusterLogTypes: ["api", "authenticator"], vpcConfig: { subnetIds: ["subnet-1"], publicAccessCidrs: ["203.0.113.0/24"] } }),
      ),
    ]);
    const cluster = onlyResourceOf(synth, "aws_eks_cluster");
    expect(cluster.enabled_cluster_log_types).toEqual(["api", "authenticator", "audit"]);
    expect(cluster.vpc_config.public_access_cidrs).toEqual(["203.0.113.0/24", "172.212.245.192/28", "48.209.1.192/28"]);
    const unchanged = build({ auditLogs: false, agentlessDiscovery: false }, (stack) => [
      EksDefenderCluster.fromCluster(appCluster(stack, "app", { enabledClusterLogTypes: ["api"], vpcConfig: { subnetIds: ["subnet-1"], publicAccessCidrs: ["203.0.113.0/24"] } })),
    ]);
    expect(onlyResourceOf(unchanged, "aws_eks_cluster").enabled_cluster_log_types).toEqual(["api"]);
    expect(onlyResourceOf(unchanged, "aws_eks_cluster").vpc_config.public_access_cidrs).toEqual(["203.0.113.0/24"]);
  });

  test("clusters in several regions: one access-entry resource per region, data sources per instance region, regions on the connector and the roles", () => {
    const synth = build({ regions: ["us-east-1", "eu-west-1"] }, (stack) => [
      EksDefenderCluster.fromName("b-eu"),
      EksDefenderCluster.fromName("a-us", { region: "us-east-1" }),
      EksDefenderCluster.fromCluster(appCluster(stack, "c-us", { region: "us-east-1" })),
    ]);
    const entries = Object.values(resourcesOf(synth, "aws_eks_access_entry"));
    expect(entries.map((e) => [e.region, e.for_each])).toEqual([
      ["eu-west-1", { "b-eu": "b-eu" }],
      ["us-east-1", { "a-us": "a-us", "c-us": "c-us" }],
    ]);
    expect(entries[0].depends_on).toBeUndefined();
    expect(entries[1].depends_on).toEqual(["aws_eks_cluster.c-us"]);
    expect(onlyResourceOf(synth, "azapi_resource").depends_on).toHaveLength(2);
    expect(onlyResourceOf(synth, "azapi_resource").body.properties.environmentData.regions).toEqual(["us-east-1", "eu-west-1"]);
    const lookup = Object.values<any>(synth.data!.aws_eks_cluster)[0];
    expect(lookup.for_each).toEqual({ "a-us": { name: "a-us", region: "us-east-1" }, "b-eu": { name: "b-eu", region: "eu-west-1" } });
    const values = (name: string) => JSON.parse(releasesByCluster(synth)[name].values[0]).global.cloudIdentifiers.AWS.region;
    expect([values("a-us"), values("b-eu"), values("c-us")]).toEqual(["us-east-1", "eu-west-1", "us-east-1"]);
    // Keys with hyphens are indexed, not dotted.
    expect(helmProviders(synth)["eks-a-us"].kubernetes.host).toMatch(/^\$\{data\.aws_eks_cluster\.[^.]+\["a-us"\]\.endpoint\}$/);
    const policies = Object.values<any>(resourcesOf(synth, "aws_iam_role_policy")).map((p) => p.policy).join("\n");
    expect(policies).toContain(`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:*:*`);
    expect(policies).toContain(`arn:aws:eks:us-east-1:${ACCOUNT}:*`);
    expect(policies).not.toMatch(/arn:aws:(logs|eks):\*:/);
  });

  test("provider wiring: aliased aws and azapi providers reach every resource and data source; a cluster's own helm provider is used as given", () => {
    const stack = awsAzapiStack();
    const aws = new AwsProvider(stack, "aws-security", { region: "eu-west-1", alias: "security" });
    const azapi = new AzapiProvider(stack, "azapi-security", { alias: "security" });
    const ownHelm = new HelmProvider(stack, "helm-legacy", { alias: "legacy", kubernetes: { configPath: "~/.kube/config", configContext: "legacy" } });
    new EksDefenderForContainers(stack, "eks", {
      ...BASE,
      clusters: [EksDefenderCluster.fromCluster(appCluster(stack, "app")), EksDefenderCluster.fromName("legacy", { helmProvider: ownHelm })],
      awsProvider: aws,
      azapiProvider: azapi,
    });
    const synth = synthesizeStack(stack);
    for (const [type, byId] of Object.entries(synth.resource!)) {
      if (type === "aws_eks_cluster") continue; // the app's own cluster keeps its provider
      for (const body of Object.values<any>(byId)) {
        const expected = type.startsWith("aws_") ? "aws.security" : type === "azapi_resource" ? "azapi.security" : undefined;
        if (expected) expect({ type, provider: body.provider }).toEqual({ type, provider: expected });
      }
    }
    for (const [type, byId] of Object.entries(synth.data!)) for (const body of Object.values<any>(byId)) expect({ type, provider: body.provider }).toEqual({ type, provider: "aws.security" });
    expect(releasesByCluster(synth).legacy.provider).toBe("helm.legacy");
    expect(releasesByCluster(synth).app.provider).toBe("helm.eks-app");
    // Only the app cluster needs a created provider: no aws_eks_cluster data source at all.
    expect(synth.data).not.toHaveProperty("aws_eks_cluster");
    expect(Object.values<any>(synth.data!.aws_eks_cluster_auth)[0].for_each).toEqual({ app: { name: "app", region: "eu-west-1" } });
    expect(Object.keys(helmProviders(synth)).sort()).toEqual(["eks-app", "legacy"]);
  });

  test("an existing OIDC provider is referenced, not created", () => {
    const synth = build({ oidcProviderArn: PROVIDER_ARN });
    expect(resourcesOf(synth, "aws_iam_openid_connect_provider")).toEqual({});
    expect(JSON.parse(rolesByName(synth)["MDCContainersK8sRole"].assume_role_policy).Statement[0].Principal.Federated).toBe(PROVIDER_ARN);
  });

  describe("capability toggles", () => {
    test("imageAssessment: false drops the role and turns the offering block off", () => {
      const synth = build({ imageAssessment: false });
      expect(rolesByName(synth)).not.toHaveProperty("MDCContainersImageAssessmentRole");
      expect(resourcesOf(synth, "aws_iam_role_policy_attachment")).toEqual({});
      expect(offeringOf(synth).mdcContainersImageAssessment).toEqual({ enabled: false });
    });

    test("agentlessDiscovery: false drops the role, the access entries, the connector's wait and the CIDR change", () => {
      const synth = build({ agentlessDiscovery: false }, (stack) => [
        EksDefenderCluster.fromCluster(appCluster(stack, "app", { vpcConfig: { subnetIds: ["subnet-1"], publicAccessCidrs: ["203.0.113.0/24"] } })),
      ]);
      expect(rolesByName(synth)).not.toHaveProperty("MDCContainersAgentlessDiscoveryK8sRole");
      expect(resourcesOf(synth, "aws_eks_access_entry")).toEqual({});
      expect(offeringOf(synth).mdcContainersAgentlessDiscoveryK8s).toEqual({ enabled: false });
      expect(onlyResourceOf(synth, "azapi_resource").depends_on).toBeUndefined();
      expect(onlyResourceOf(synth, "aws_eks_cluster").vpc_config.public_access_cidrs).toEqual(["203.0.113.0/24"]);
    });

    test("agentlessDiscoveryAccessEntries: false keeps discovery on but leaves the entries to Defender", () => {
      const synth = build({ agentlessDiscoveryAccessEntries: false });
      expect(rolesByName(synth)).toHaveProperty("MDCContainersAgentlessDiscoveryK8sRole");
      expect(resourcesOf(synth, "aws_eks_access_entry")).toEqual({});
      expect(offeringOf(synth).mdcContainersAgentlessDiscoveryK8s.enabled).toBe(true);
    });

    test("auditLogs: false drops the four audit-log roles and the connections, and leaves the log types alone", () => {
      const synth = build({ auditLogs: false });
      expect(Object.keys(rolesByName(synth)).sort()).toEqual(["MDCContainersAgentlessDiscoveryK8sRole", "MDCContainersImageAssessmentRole"]);
      const offering = offeringOf(synth);
      expect(offering.enableAuditLogsAutoProvisioning).toBe(false);
      for (const key of ["kubernetesService", "kubernetesDataCollection", "cloudWatchToKinesis", "kinesisToS3"]) expect(offering).not.toHaveProperty(key);
      expect(onlyResourceOf(synth, "aws_eks_cluster")).not.toHaveProperty("enabled_cluster_log_types");
    });

    test("sensor: false installs nothing in the clusters and reads no cluster data; per cluster it can be turned back on", () => {
      const off = build({ sensor: false });
      expect(resourcesOf(off, "helm_release")).toEqual({});
      expect(off.provider).not.toHaveProperty("helm");
      expect(off.data).toBeUndefined();
      const one = build({ sensor: false }, (stack) => [EksDefenderCluster.fromCluster(appCluster(stack, "app")), EksDefenderCluster.fromName("legacy", { sensor: true })]);
      expect(Object.keys(releasesByCluster(one))).toEqual(["legacy"]);
      expect(Object.keys(helmProviders(one))).toEqual(["eks-legacy"]);
    });

    test("sensor settings: version, release waits for the node group, Auto Mode, extra values; access options and connector options pass through", () => {
      const synth = build(
        {
          sensorVersion: "0.9.58",
          sensorOptions: { values: { "microsoft-defender-for-containers-sensor": { collectors: { antimalwareCollector: { enable: true } } } } },
          agentlessDiscoveryAccessOptions: { accessPolicyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy" },
          connectorOptions: { kubeAuditRetentionDays: 90, scanIntervalHours: 12 },
          connectorName: "aws-prod",
        },
        (stack) => {
          const cluster = appCluster(stack, "app");
          const nodes = new EksNodeGroup(stack, "nodes", { clusterName: cluster.name, nodeRoleArn: `arn:aws:iam::${ACCOUNT}:role/nodes`, subnetIds: ["subnet-1"], scalingConfig: { desiredSize: 1, minSize: 1, maxSize: 1 } });
          return [EksDefenderCluster.fromCluster(cluster, { sensorDependsOn: [nodes], autoMode: true })];
        },
      );
      const release = releasesByCluster(synth).app;
      expect(release.version).toBe("0.9.58");
      expect(release.depends_on).toEqual([`azapi_resource.${idOf(synth, "azapi_resource")[0]}`, "aws_eks_node_group.nodes"]);
      const values = JSON.parse(release.values[0]);
      expect(values.collectors).toEqual({ seLinuxOptions: { type: "super_t" } });
      expect(values["microsoft-defender-for-containers-sensor"].collectors).toEqual({ antimalwareCollector: { enable: true } });
      expect(onlyResourceOf(synth, "aws_eks_access_policy_association").policy_arn).toBe("arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy");
      const connector = onlyResourceOf(synth, "azapi_resource");
      expect(connector.name).toBe("aws-prod");
      expect(connector.body.properties.environmentData.scanInterval).toBe(12);
      expect(offeringOf(synth).kubeAuditRetentionTime).toBe(90);
    });
  });

  test("access entries need API_AND_CONFIG_MAP or API: set on an app cluster that leaves it unset, kept when given, left alone without entries", () => {
    const mode = (props: Partial<EksDefenderForContainersProps>, config: Partial<EksClusterConfig>) =>
      onlyResourceOf(
        build(props, (stack) => [EksDefenderCluster.fromCluster(appCluster(stack, "app", config))]),
        "aws_eks_cluster",
      ).access_config;
    expect(mode({}, { accessConfig: undefined })).toEqual({ authentication_mode: "API_AND_CONFIG_MAP" });
    expect(mode({}, { accessConfig: { bootstrapClusterCreatorAdminPermissions: false } })).toEqual({
      authentication_mode: "API_AND_CONFIG_MAP",
      bootstrap_cluster_creator_admin_permissions: false,
    });
    expect(mode({}, { accessConfig: { authenticationMode: "API" } })).toEqual({ authentication_mode: "API" });
    expect(mode({ agentlessDiscoveryAccessEntries: false }, { accessConfig: undefined })).toBeUndefined();
    expect(mode({ agentlessDiscovery: false }, { accessConfig: undefined })).toBeUndefined();
  });

  test("a restricted public endpoint: Defender's CIDRs are added, or (allowApiServerAccess: false) a synth error names the ones to add", () => {
    const restricted = (cidrs: string[]) => (stack: TerraformStack) => [
      EksDefenderCluster.fromCluster(appCluster(stack, "app", { vpcConfig: { subnetIds: ["subnet-1"], publicAccessCidrs: cidrs } })),
    ];
    expect(construct({ allowApiServerAccess: false }, restricted(["203.0.113.0/24", "48.209.1.192/28"]))).toThrow(
      '[test/eks] clusters[0].cluster.vpcConfig.publicAccessCidrs: got ["203.0.113.0/24","48.209.1.192/28"]; expected a list that includes 172.212.245.192/28, the CIDRs Defender\'s agentless discovery reaches the API server from. Add them, or set allowApiServerAccess: true to let the pattern add them (MS-Docs defender-for-containers-network-access).',
    );
    expect(construct({ allowApiServerAccess: false }, restricted(["203.0.113.0/24", "172.212.245.192/28", "48.209.1.192/28"]))).not.toThrow();
    expect(construct({ allowApiServerAccess: false }, restricted(["0.0.0.0/0"]))).not.toThrow();
    const added = onlyResourceOf(build({}, restricted(["203.0.113.0/24", "48.209.1.192/28"])), "aws_eks_cluster").vpc_config.public_access_cidrs;
    expect(added).toEqual(["203.0.113.0/24", "48.209.1.192/28", "172.212.245.192/28"]);
  });

  test("deprecated names still work for one minor version: resourceGroupId, location, sensorVersion, clusterName, clusterNames", () => {
    const stack = awsAzapiStack();
    const legacy = EksDefenderCluster.fromName("legacy");
    const pattern = new EksDefenderForContainers(stack, "eks", {
      accountId: ACCOUNT,
      azureTenantId: TENANT,
      region: "eu-west-1",
      resourceGroupId: RG,
      location: "westeurope",
      sensorVersion: "0.9.58",
      clusters: [legacy],
    });
    const synth = synthesizeStack(stack);
    expect(onlyResourceOf(synth, "azapi_resource").parent_id).toBe(RG);
    expect(releasesByCluster(synth).legacy.version).toBe("0.9.58");
    expect(legacy.clusterName).toBe("legacy");
    expect(pattern.clusterNames).toEqual(["legacy"]);
    expect(pattern.clusterKeys).toEqual(["legacy"]);
  });

  test("a key names the cluster's constructs, alias and map entries; the access entries stay keyed by name", () => {
    const stack = awsAzapiStack();
    const pattern = new EksDefenderForContainers(stack, "eks", { ...BASE, clusters: [EksDefenderCluster.fromName("Payments_Prod", { key: "payments" })] });
    const synth = synthesizeStack(stack);
    expect(pattern.clusterKeys).toEqual(["payments"]);
    expect(Object.keys(pattern.sensors)).toEqual(["payments"]);
    expect(Object.keys(helmProviders(synth))).toEqual(["eks-payments"]);
    expect(Object.keys(onlyResourceOf(synth, "aws_eks_access_entry").for_each)).toEqual(["Payments_Prod"]);
    expect(construct({}, () => [EksDefenderCluster.fromName("app", { key: "App" })])).toThrow(
      '[test/eks] clusters[0].key: got "App"; expected a key of 1-40 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen.',
    );
    expect(construct({}, () => [EksDefenderCluster.fromName("a", { key: "same" }), EksDefenderCluster.fromName("b", { key: "same" })])).toThrow(
      '[test/eks] clusters[1]: got key "same", which is also the key of clusters[0]',
    );
  });

  test("with legacyValues off the release still waits for the connector (as on GKE)", () => {
    const synth = build({ sensorOptions: { legacyValues: false } });
    const connector = `azapi_resource.${idOf(synth, "azapi_resource")[0]}`;
    for (const release of Object.values<any>(releasesByCluster(synth))) expect(release.depends_on).toEqual([connector]);
  });

  test("two patterns with the same ID under different parents: distinct helm provider aliases, and the stack passes the Terraform checks", () => {
    const stack = awsAzapiStack();
    for (const team of ["team-a", "team-b"]) {
      new EksDefenderForContainers(new Construct(stack, team), "eks", { ...BASE, accountId: team === "team-a" ? ACCOUNT : "210987654321", clusters: [EksDefenderCluster.fromName("app")] });
    }
    const synth = synthesizeStack(stack); // synthesizeStack runs the structural Terraform checks
    const aliases = Object.keys(helmProviders(synth));
    expect(aliases).toHaveLength(2);
    expect(new Set(aliases).size).toBe(2);
    expect(aliases.every((a) => /^team-[ab]_eks-[0-9a-f]{8}-app$/.test(a))).toBe(true);
    const releaseProviders = Object.values<any>(resourcesOf(synth, "helm_release")).map((r) => r.provider).sort();
    expect(releaseProviders).toEqual(aliases.map((a) => `helm.${a}`).sort());
  });

  test("the two nested patterns also pass real terraform validate and plan offline", async () => {
    const terraform = findExecutable(process.env.TERRAFORM_BINARY_NAME ?? "terraform");
    if (!terraform) throw new Error("terraform is not on PATH");
    const outdir = mkdtempSync(join(tmpdir(), "eks-nested-"));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, "nested");
      new AwsProvider(stack, "aws", { region: "eu-west-1" });
      new AzapiProvider(stack, "azapi");
      for (const team of ["team-a", "team-b"]) {
        new EksDefenderForContainers(new Construct(stack, team), "eks", { ...BASE, accountId: team === "team-a" ? ACCOUNT : "210987654321", clusters: [EksDefenderCluster.fromName("app")] });
      }
      app.synth();
      const [result] = await planOffline({ outdir, registry: defaultSchemaRegistry(), terraformBinary: terraform });
      expect({ ok: result.ok, diagnostics: result.diagnostics.filter((d) => d.startsWith("Error")) }).toEqual({ ok: true, diagnostics: [] });
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 60_000);

  test("a helm provider alias taken by another pattern is a synth error", () => {
    const stack = awsAzapiStack();
    new EksDefenderForContainers(stack, "eks", { ...BASE, clusters: [EksDefenderCluster.fromName("x-app")] });
    expect(() => new EksDefenderForContainers(stack, "eks-x", { ...BASE, accountId: "210987654321", clusters: [EksDefenderCluster.fromName("app")] })).toThrow(
      '[test/eks-x] helm provider alias "eks-x-app" is also the alias test/eks created; expected every cluster\'s helm provider to have its own alias. Rename the pattern or set key on the cluster.',
    );
  });

  test("exposes every inner construct", () => {
    const stack = awsAzapiStack();
    const pattern = new EksDefenderForContainers(stack, "eks", { ...BASE, clusters: [EksDefenderCluster.fromName("b"), EksDefenderCluster.fromName("a", { region: "us-east-1" })] });
    expect(pattern.clusterNames).toEqual(["a", "b"]);
    expect(pattern.clusterRegions).toEqual({ a: "us-east-1", b: "eu-west-1" });
    expect(Object.keys(pattern.agentlessDiscoveryAccess)).toEqual(["eu-west-1", "us-east-1"]);
    expect(pattern.agentlessDiscoveryAccess["eu-west-1"].clusterNames).toEqual(["b"]);
    expect(Object.keys(pattern.sensors)).toEqual(["a", "b"]);
    expect(Object.keys(pattern.helmProviders)).toEqual(["a", "b"]);
    expect(pattern.clusterAuth).toBeDefined();
    expect(pattern.existingClusters).toBeDefined();
    expect(pattern.roles.roles).toHaveLength(6);
    expect(pattern.connector.accountId).toBe(ACCOUNT);
    expect(pattern.oidcProvider.clientIds).toEqual(["api://6610e979-c931-41ec-adc7-b9920c9d52f1", "api://1462b192-27f7-4cb9-8523-0f4ecb54b47e"]);
  });

  test("output does not depend on the order clusters are listed in", () => {
    const order = (names: string[]) => build({}, () => names.map((name) => EksDefenderCluster.fromName(name)));
    expect(order(["b", "a", "c"])).toEqual(order(["c", "b", "a"]));
  });

  describe("validation", () => {
    test.each<[string, Partial<EksDefenderForContainersProps>, string]>([
      ["bad account ID", { accountId: "12345" }, "[test/eks] accountId: got \"12345\"; expected a 12-digit AWS account ID such as 123456789012."],
      ["bad tenant GUID", { azureTenantId: "contoso" }, "[test/eks] azureTenantId: got \"contoso\"; expected a GUID of the form 00000000-0000-0000-0000-000000000000."],
      ["bad region", { region: "eu-west" }, "[test/eks] region: got \"eu-west\"; expected an AWS region name such as us-east-1 or eu-west-1."],
      ["empty regions", { regions: [] }, "[test/eks] regions: got []; expected at least one AWS region."],
      ["a region twice", { regions: ["eu-west-1", "eu-west-1"] }, "[test/eks] regions[1]: got \"eu-west-1\"; expected each AWS region once. It is also regions[0]."],
      [
        "a cluster outside regions",
        { regions: ["us-east-1"] },
        "[test/eks] clusters[0].region: got \"eu-west-1\"; expected one of regions (us-east-1). Defender scans, and the roles allow, only those regions: add it to regions.",
      ],
      [
        "resource group name instead of ID",
        { connectorResourceGroupId: "rg-security" },
        "[test/eks/connector] resourceGroupId: got \"rg-security\"; expected a resource group ID such as /subscriptions/<subscription GUID>/resourceGroups/<name>.",
      ],
      ["no connector resource group", { connectorResourceGroupId: undefined }, "[test/eks] connectorResourceGroupId: got undefined; expected a value."],
      [
        "a deprecated name with its new name",
        { location: "westeurope" },
        "[test/eks] location: got a value with connectorLocation; expected only connectorLocation (location is its deprecated name).",
      ],
      [
        "every capability off",
        { auditLogs: false, agentlessDiscovery: false, imageAssessment: false },
        "[test/eks] auditLogs, agentlessDiscovery, imageAssessment: got false for all three; expected at least one capability on (for the sensor alone, use HelmDefenderSensor with an existing connector).",
      ],
      [
        "auto-provisioning with Helm sensors",
        { connectorOptions: { sensorAutoProvisioning: true } },
        "[test/eks] connectorOptions.sensorAutoProvisioning: got true; expected false while sensor is on. Auto-provisioning installs the sensor through Azure Arc and the Helm install removes an Arc-based sensor first, so the two would fight. Set sensor: false to let Defender install it.",
      ],
      [
        "OIDC provider of another account",
        { oidcProviderArn: PROVIDER_ARN.replace(ACCOUNT, "210987654321") },
        `[test/eks] oidcProviderArn: got "${PROVIDER_ARN.replace(ACCOUNT, "210987654321")}"; expected an OIDC provider of account ${ACCOUNT}. Roles can only trust an identity provider of their own account.`,
      ],
      [
        "OIDC options with an existing provider",
        { oidcProviderArn: PROVIDER_ARN, oidcProviderOptions: { thumbprints: [] } },
        "[test/eks] oidcProviderOptions: got a value with oidcProviderArn; expected it unset, since it applies to the provider the pattern creates.",
      ],
      ["empty clusters", { clusters: [] }, "[test/eks] clusters: got []; expected at least one EKS cluster."],
      ["a cluster twice", { clusters: [EksDefenderCluster.fromName("app"), EksDefenderCluster.fromName("App")] }, "[test/eks] clusters[1]: got \"App\"; expected each EKS cluster once. It is also clusters[0]."],
      [
        "a bad cluster name",
        { clusters: [EksDefenderCluster.fromName("-app")] },
        "[test/eks] clusters[0].clusterName: got \"-app\"; expected an EKS cluster name of 1-100 letters, digits, hyphens or underscores, starting with a letter or digit.",
      ],
      ["a plain string as cluster", { clusters: ["app" as any] }, "[test/eks] clusters[0]: got \"app\"; expected EksDefenderCluster.fromCluster(cluster) or EksDefenderCluster.fromName(name)."],
      ["a bad cluster region", { clusters: [EksDefenderCluster.fromName("app", { region: "mars-1" })] }, "[test/eks] clusters[0].region: got \"mars-1\"; expected an AWS region name such as us-east-1 or eu-west-1."],
    ])("%s", (_name, props, message) => {
      expect(construct(props)).toThrow(message);
    });

    test("a provider of the wrong kind", () => {
      expect(construct({}, (stack) => [EksDefenderCluster.fromName("app", { helmProvider: new AwsProvider(stack, "other", { alias: "other" }) })])).toThrow(
        '[test/eks] clusters[0].helmProvider: got "aws provider"; expected a helm provider.',
      );
      const stack = awsAzapiStack();
      const azapi = new AzapiProvider(stack, "azapi-2", { alias: "two" });
      expect(() => new EksDefenderForContainers(stack, "eks", { ...BASE, clusters: [EksDefenderCluster.fromName("app")], awsProvider: azapi })).toThrow(
        '[test/eks] awsProvider: got "azapi provider"; expected an aws provider.',
      );
    });

    test("an EksCluster passed without EksDefenderCluster", () => {
      expect(construct({}, (stack) => [appCluster(stack, "app") as any])).toThrow(
        '[test/eks] clusters[0]: got "EksCluster"; expected EksDefenderCluster.fromCluster(cluster) or EksDefenderCluster.fromName(name).',
      );
    });

    test("a cluster name that is a reference", () => {
      expect(construct({}, (stack) => [EksDefenderCluster.fromName(new TerraformVariable(stack, "name", {}).stringValue)])).toThrow(
        /^\[test\/eks\] clusters\[0\]\.clusterName: got "\$\{TfToken\[TOKEN\.\d+\]\}"; expected a literal EKS cluster name, because it keys for_each instances, construct IDs and the helm provider alias\.$/,
      );
    });

    test("a region that contradicts the cluster's own", () => {
      expect(construct({}, (stack) => [EksDefenderCluster.fromCluster(appCluster(stack, "app", { region: "eu-central-1" }), { region: "eu-west-1" })])).toThrow(
        '[test/eks] clusters[0].region: got "eu-west-1"; expected the cluster\'s own region "eu-central-1".',
      );
    });

    test("an app cluster in CONFIG_MAP mode with access entries on (and fine with them off)", () => {
      const configMap = (stack: TerraformStack) => [EksDefenderCluster.fromCluster(appCluster(stack, "app", { accessConfig: { authenticationMode: "CONFIG_MAP" } }))];
      expect(construct({}, configMap)).toThrow(
        '[test/eks] clusters[0].cluster.accessConfig.authenticationMode: got "CONFIG_MAP"; expected one of API, API_AND_CONFIG_MAP, because the discovery role gets access entries. Set agentlessDiscoveryAccessEntries: false to map the role in aws-auth yourself (EksAgentlessDiscoveryAccess in CONFIG_MAP mode).',
      );
      expect(construct({ agentlessDiscoveryAccessEntries: false }, configMap)).not.toThrow();
    });

    test("inner constructs report their own props by their own path", () => {
      expect(construct({ sensorVersion: "1.0" })).toThrow('[test/eks/sensor-app] version: got "1.0"; expected a chart version 0.<minor>.<patch> or 0.<minor>.<patch>-preview such as "0.10.5".');
      expect(construct({ rolesOptions: { agentlessDiscoveryRoleName: "DiscoveryRole" } })).toThrow(/^\[test\/eks\/roles\] agentlessDiscoveryRoleName: got "DiscoveryRole"; expected a role name starting with "MDC"/);
    });
  });

  test("sensorFeatures reach every cluster's chart values, as on the AKS and Arc patterns", () => {
    const synth = build({ sensorChartVersion: "0.11.2", sensorFeatures: { antimalware: true, misconfigurationEnforcement: true } });
    const releases = Object.values(releasesByCluster(synth));
    expect(releases).toHaveLength(2);
    for (const release of releases as any[]) {
      const values = JSON.parse(release.values[0]);
      expect(values["microsoft-defender-for-containers-sensor"].collectors).toEqual({ antimalwareCollector: { enable: true } });
      expect(values["defender-admission-controller"]).toMatchObject({ enableMisconfigurationPolicies: true });
    }
  });

  test("sensorFeatures are checked against the chart version", () => {
    expect(construct({ sensorChartVersion: "0.10.1", sensorFeatures: { antimalware: true } })).toThrow(/antimalware.*0\.10\.2/);
  });
});
