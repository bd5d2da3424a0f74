import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AksDefenderForContainers } from "cdktf-defender-for-containers/azure";

/** An AKS cluster with Defender for Containers: plan, workspace, sensor and Azure Policy add-on. */
export class QuickstartStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}] });

    const group = new ResourceGroup(this, "group", { name: "rg-quickstart", location: "westeurope" });
    const cluster = new KubernetesCluster(this, "cluster", {
      name: "aks-quickstart",
      location: group.location,
      resourceGroupName: group.name,
      dnsPrefix: "aks-quickstart",
      defaultNodePool: { name: "system", vmSize: "Standard_D2s_v5", nodeCount: 2 },
      identity: { type: "SystemAssigned" },
    });

    // The subscription's Containers plan, a Log Analytics workspace for the sensor, the sensor and
    // the policy add-on on the cluster. Plan already on? Pass planOptions: { importExisting: true, subscriptionId }.
    new AksDefenderForContainers(this, "defender", {
      clusters: [cluster],
      location: group.location,
      workspaceResourceGroupName: group.name,
    });
  }
}
