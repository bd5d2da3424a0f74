import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AzapiProvider, EksDefenderCluster, EksDefenderForContainers } from "cdktf-defender-for-containers";
import { exampleSetting } from "../settings";

/**
 * One AWS account with several EKS clusters, protected end to end from one stack: Defender's OIDC
 * provider and roles in the account, the AWS security connector in Azure, access entries for
 * agentless discovery on every cluster, and the sensor with Helm on each cluster.
 *
 * One cluster is defined here (it also gets `audit` control-plane logs); the others already exist
 * and are given by name. The cluster's IAM roles and subnets are prerequisites this example takes
 * as given. Synthesizing needs no credentials; `plan` needs AWS and Azure credentials and reads the
 * existing clusters' endpoints and tokens through data sources.
 */
export class EksExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A relative state path keeps the synthesized JSON the same on every machine; use a remote backend for real use.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const accountId = exampleSetting(this, "awsAccountId");
    const region = exampleSetting(this, "awsRegion");
    const azureTenantId = exampleSetting(this, "azureTenantId");
    const location = exampleSetting(this, "location");
    const prefix = exampleSetting(this, "namePrefix");
    const connectorResourceGroupId = exampleSetting(this, "awsConnectorResourceGroupId");
    const existingClusterNames = list(exampleSetting(this, "eksClusterNames"));
    const subnetIds = list(exampleSetting(this, "eksSubnetIds"));

    // allowedAccountIds: credentials of another account fail the plan instead of creating roles there.
    const aws = new AwsProvider(this, "aws", { region, allowedAccountIds: [accountId] });
    const azapi = new AzapiProvider(this, "azapi", { subscriptionId: subscriptionOf(connectorResourceGroupId) });

    const cluster = new EksCluster(this, "cluster", {
      name: `${prefix}-eks`,
      roleArn: `arn:aws:iam::${accountId}:role/${prefix}-eks-cluster`,
      vpcConfig: { subnetIds },
      // Access entries need API or API_AND_CONFIG_MAP (the pattern sets API_AND_CONFIG_MAP when left unset);
      // the creator's admin entry lets Terraform install the sensor.
      accessConfig: { authenticationMode: "API_AND_CONFIG_MAP", bootstrapClusterCreatorAdminPermissions: true },
    });
    const nodes = new EksNodeGroup(this, "nodes", {
      clusterName: cluster.name,
      nodeGroupName: "system",
      nodeRoleArn: `arn:aws:iam::${accountId}:role/${prefix}-eks-nodes`,
      subnetIds,
      scalingConfig: { desiredSize: 2, minSize: 2, maxSize: 3 },
    });

    const defender = new EksDefenderForContainers(this, "defender", {
      accountId,
      azureTenantId,
      region,
      // Defender scans (and the roles allow) only the region the clusters are in.
      regions: [region],
      connectorResourceGroupId,
      connectorLocation: location,
      clusters: [
        // The release waits for the nodes: it is atomic, and its pods need somewhere to run.
        EksDefenderCluster.fromCluster(cluster, { sensorDependsOn: [nodes] }),
        ...existingClusterNames.map((name) => EksDefenderCluster.fromName(name)),
      ],
      awsProvider: aws,
      azapiProvider: azapi,
    });

    new TerraformOutput(this, "connector_id", { value: defender.connector.connectorId });
    new TerraformOutput(this, "agentless_discovery_role_arn", { value: defender.roles.agentlessDiscoveryRoleArn });
    new TerraformOutput(this, "protected_clusters", { value: defender.clusterKeys });
  }
}

/** A comma-separated setting as a list, blanks dropped. */
function list(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** The subscription of a resource group ID, for the azapi provider of the connector. */
function subscriptionOf(resourceGroupId: string): string {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/[^/]+\/?$/i.exec(resourceGroupId);
  if (!match) throw new Error(`example setting awsConnectorResourceGroupId: got ${JSON.stringify(resourceGroupId)}; expected /subscriptions/<GUID>/resourceGroups/<name>.`);
  return match[1];
}
