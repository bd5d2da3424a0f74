import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ArcDefenderForContainers } from "cdktf-defender-for-containers";
import { exampleSetting } from "../settings";

/**
 * Arc-enabled clusters (on-premises / IaaS) that already exist and are connected to Azure: the
 * Containers plan, a dedicated workspace, the Defender sensor and Azure Policy extensions on a
 * fleet of listed clusters (one `for_each` resource per extension, keyed by cluster name), and
 * DINE assignments on the subscription so every other connected cluster gets both as well.
 */
export class ArcExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A relative state path keeps the synthesized JSON the same on every machine; use a remote backend for real use.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const subscriptionId = exampleSetting(this, "arcSubscriptionId");
    const location = exampleSetting(this, "location");
    const prefix = exampleSetting(this, "namePrefix");
    const clusterIds = exampleSetting(this, "arcClusterIds")
      .split(",")
      .map((clusterId) => clusterId.trim())
      .filter((clusterId) => clusterId.length > 0);

    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId });
    const group = new ResourceGroup(this, "group", { name: `${prefix}-arc`, location });

    // Removing an ID from arcClusterIds later destroys only that cluster's extension instances.
    const defender = new ArcDefenderForContainers(this, "defender", {
      location,
      workspaceResourceGroupName: group.name,
      workspaceOptions: { name: `${prefix}-arc-defender`, retentionInDays: 90 },
      clusterIds,
      policyScopeId: `/subscriptions/${subscriptionId}`,
    });

    new TerraformOutput(this, "workspace_resource_id", { value: defender.workspaceResourceId });
    new TerraformOutput(this, "protected_clusters", { value: defender.sensor?.clusterKeys ?? [] });
  }
}
