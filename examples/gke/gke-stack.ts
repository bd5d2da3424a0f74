import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { GkeDefenderCluster, GkeDefenderForContainers } from "cdktf-defender-for-containers";
import { AzapiProvider } from "cdktf-defender-for-containers/azure";
import { exampleSetting } from "../settings";

/**
 * One GCP project with several GKE clusters, connected to Defender for Cloud: two clusters this
 * app defines (one with master authorized networks, which get Defender's source CIDRs) and the
 * existing clusters listed in `gkeExistingClusters`. The pattern creates the workload identity
 * pool, Defender's service accounts and roles, the Azure security connector wired to them, and
 * the Helm sensor on every cluster, each through a helm provider built from the cluster's endpoint
 * and the google provider's access token.
 *
 * Synthesizes without credentials; `plan` needs Google credentials (ADC) and Azure credentials.
 */
export class GkeExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A relative state path keeps the synthesized JSON the same on every machine; use a remote backend for real use.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const projectId = exampleSetting(this, "gcpProjectId");
    const region = exampleSetting(this, "gcpRegion");
    const connectorResourceGroupId = exampleSetting(this, "gcpConnectorResourceGroupId");
    const existing = parseExistingClusters(exampleSetting(this, "gkeExistingClusters"));

    new GoogleProvider(this, "google", { project: projectId, region });
    // The connector's subscription is the one in its resource group ID.
    new AzapiProvider(this, "azapi", { subscriptionId: connectorResourceGroupId.split("/")[2] });

    // Minimal clusters; a real one would set networking, node pools and release channel.
    const prod = new ContainerCluster(this, "prod", { name: "prod-gke", location: region, initialNodeCount: 1 });
    const payments = new ContainerCluster(this, "payments", {
      name: "payments-gke",
      location: region,
      initialNodeCount: 1,
      masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "10.0.0.0/8", displayName: "corporate" }] },
    });

    const defender = new GkeDefenderForContainers(this, "defender", {
      projectId,
      projectNumber: exampleSetting(this, "gcpProjectNumber"),
      azureTenantId: exampleSetting(this, "azureTenantId"),
      connectorResourceGroupId,
      connectorLocation: exampleSetting(this, "location"),
      clusters: [
        GkeDefenderCluster.fromCluster(prod),
        GkeDefenderCluster.fromCluster(payments),
        ...existing.map(({ name, location }) => GkeDefenderCluster.fromName(name, { location })),
      ],
    });

    new TerraformOutput(this, "connector_id", { value: defender.connector.connectorId });
    new TerraformOutput(this, "workload_identity_pool", { value: defender.workloadIdentity.poolName });
    new TerraformOutput(this, "service_account_emails", { value: defender.serviceAccounts.serviceAccountEmails });
    new TerraformOutput(this, "protected_clusters", { value: defender.clusterKeys });
  }
}

/** `name:location,name:location` → clusters. */
function parseExistingClusters(setting: string): { name: string; location: string }[] {
  return setting
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const [name, location, ...rest] = entry.split(":");
      if (!name || !location || rest.length > 0) {
        throw new Error(`example setting gkeExistingClusters: got ${JSON.stringify(entry)}; expected <name>:<region or zone>, e.g. legacy-gke:europe-west1-b.`);
      }
      return { name, location };
    });
}
