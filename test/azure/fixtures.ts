import { KubernetesCluster, KubernetesClusterConfig } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { Construct } from "constructs";

/** A minimal AKS cluster for tests. */
export function testCluster(scope: Construct, id = "cluster", extra: Partial<KubernetesClusterConfig> = {}): KubernetesCluster {
  return new KubernetesCluster(scope, id, {
    name: `aks-${id}`,
    location: "westeurope",
    resourceGroupName: "rg-aks",
    dnsPrefix: `aks-${id}`,
    defaultNodePool: { name: "system", nodeCount: 1, vmSize: "Standard_D2s_v5" },
    identity: { type: "SystemAssigned" },
    ...extra,
  });
}
