// A user's Azure-only app, compiled against the packed tarball (see ../run.sh) with only azurerm installed.
// Provider imports end in /index.js so that they resolve under "module": "NodeNext" as well as CommonJS.
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider/index.js";
import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster/index.js";
import { App, TerraformStack } from "cdktf";
import { AksDefenderForContainers, ArcDefenderForContainers, DefenderForContainersPlan } from "cdktf-defender-for-containers/azure";

const app = new App();
const stack = new TerraformStack(app, "smoke-azure");
new AzurermProvider(stack, "azurerm", { features: [{}] });
const plan = new DefenderForContainersPlan(stack, "plan");
const cluster = new KubernetesCluster(stack, "aks", {
  name: "aks-smoke",
  location: "westeurope",
  resourceGroupName: "rg-smoke",
  dnsPrefix: "aks-smoke",
  defaultNodePool: { name: "system", vmSize: "Standard_D2s_v5", nodeCount: 1 },
  identity: { type: "SystemAssigned" },
});
const aks = new AksDefenderForContainers(stack, "aks-defender", { plan, clusters: [cluster], location: "westeurope", workspaceResourceGroupName: "rg-smoke" });
// One workspace for both: a second pattern creating its own would be a second owner of the same
// workspace name, which synth refuses.
new ArcDefenderForContainers(stack, "arc-defender", {
  plan,
  location: "westeurope",
  workspace: aks.workspace,
  clusterIds: ["/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-arc/providers/Microsoft.Kubernetes/connectedClusters/arc-1"],
});
app.synth();
