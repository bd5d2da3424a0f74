import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
import { VirtualNetwork } from "@cdktf/provider-azurerm/lib/virtual-network";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  AksDefenderSensor,
  AksPolicyAddon,
  AzapiProvider,
  DefenderForContainersPlan,
  DefenderPrivateLink,
  DefenderWorkspace,
} from "cdktf-defender-for-containers/azure";
import { exampleSetting } from "../settings";

/**
 * The AKS example on a private network: a VNet with a node subnet and a private-endpoint subnet,
 * the plan, a workspace, the cluster with the sensor and the policy add-on, and a
 * {@link DefenderPrivateLink} (Microsoft Security Private Link, the default in the public cloud)
 * whose endpoint and `privatelink.cloud.defender.microsoft.com` zone keep the sensor's traffic
 * inside the VNet.
 *
 * The plan is per subscription: deploying this stack next to the `aks` example in the same
 * subscription needs `importExisting: true` and `subscriptionId` on one of the two plans.
 */
export class AksPrivateExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A relative state path keeps the synthesized JSON the same on every machine; use a remote backend for real use.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const subscriptionId = exampleSetting(this, "subscriptionId");
    const location = exampleSetting(this, "location");
    const prefix = exampleSetting(this, "namePrefix");

    const azurerm = new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId });
    // The Security Private Link is an ARM type azurerm lacks; DefenderPrivateLink uses this default azapi provider.
    new AzapiProvider(this, "azapi", { subscriptionId });

    const plan = new DefenderForContainersPlan(this, "containers-plan", { provider: azurerm });

    const group = new ResourceGroup(this, "group", { name: `${prefix}-aks-private`, location });
    const vnet = new VirtualNetwork(this, "vnet", {
      name: `${prefix}-vnet`,
      location,
      resourceGroupName: group.name,
      addressSpace: ["10.20.0.0/16"],
    });
    const nodes = new Subnet(this, "nodes", {
      name: "aks-nodes",
      resourceGroupName: group.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: ["10.20.0.0/22"],
    });
    const endpoints = new Subnet(this, "endpoints", {
      name: "private-endpoints",
      resourceGroupName: group.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: ["10.20.8.0/24"],
    });

    const workspace = new DefenderWorkspace(this, "workspace", {
      name: `${prefix}-defender-private`,
      resourceGroupName: group.name,
      location,
      retentionInDays: 90,
    });

    const cluster = new KubernetesCluster(this, "cluster", {
      name: `${prefix}-aks-private`,
      location,
      resourceGroupName: group.name,
      dnsPrefix: `${prefix}-aks-private`,
      defaultNodePool: { name: "system", nodeCount: 2, vmSize: "Standard_D4s_v5", vnetSubnetId: nodes.id },
      identity: { type: "SystemAssigned" },
      roleBasedAccessControlEnabled: true,
      networkProfile: { networkPlugin: "azure", networkPluginMode: "overlay" },
    });
    new AksDefenderSensor(this, "sensor", { cluster, workspaceResourceId: workspace.workspaceResourceId, plan });
    new AksPolicyAddon(this, "policy-addon", { cluster });

    // The subnet is created here (a reference), so the VNet to link the new zone to is named explicitly.
    // Hub-and-spoke: pass existingDnsZoneIds: { "privatelink.cloud.defender.microsoft.com": <hub zone ID> } instead.
    const privateLink = new DefenderPrivateLink(this, "private-link", {
      name: `${prefix}-defender`,
      resourceGroupId: group.id,
      location,
      subnetId: endpoints.id,
      virtualNetworkLinks: { [`${prefix}-vnet`]: vnet.id },
      provider: azurerm,
    });

    new TerraformOutput(this, "cluster_id", { value: cluster.id });
    new TerraformOutput(this, "private_endpoint_id", { value: privateLink.privateEndpoint.id });
  }
}
