import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { TerraformStack, Testing } from "cdktf";
import { AksDefenderSensor, AksPolicyAddon, ArcDefenderSensor, DefenderForContainersPlan, DefenderWorkspace, SecurityContact } from "../../lib/azure";
import { azureStack } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const arc = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-arc/providers/Microsoft.Kubernetes/connectedClusters/${name}`;

/** The same constructs, created in the given order; returns the synthesized JSON text. */
function synthInOrder(order: readonly string[], clusterIds: string[] = [arc("b"), arc("a"), arc("c")]): string {
  const stack: TerraformStack = azureStack();
  let plan: DefenderForContainersPlan | undefined;
  let workspace: DefenderWorkspace | undefined;
  const cluster = new KubernetesCluster(stack, "cluster", {
    name: "aks",
    location: "westeurope",
    resourceGroupName: "rg",
    dnsPrefix: "aks",
    defaultNodePool: { name: "system", nodeCount: 1, vmSize: "Standard_D2s_v5" },
    identity: { type: "SystemAssigned" },
  });
  const steps: Record<string, () => void> = {
    plan: () => (plan = new DefenderForContainersPlan(stack, "plan")),
    workspace: () => (workspace = new DefenderWorkspace(stack, "workspace", { resourceGroupName: "rg", location: "westeurope" })),
    contact: () => new SecurityContact(stack, "contact", { emails: ["secops@contoso.example"] }),
    arc: () => new ArcDefenderSensor(stack, "arc", { clusterIds, workspaceResourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-1` }),
    addon: () => new AksPolicyAddon(stack, "addon", { cluster, ignorePolicyChanges: true }),
  };
  for (const step of order) steps[step]();
  // The sensor needs the plan and the workspace: created last in both orders.
  new AksDefenderSensor(stack, "sensor", { cluster, workspaceResourceId: workspace!.workspaceResourceId, plan, ignorePolicyChanges: true });
  return Testing.synth(stack, true);
}

describe("construct order", () => {
  test("creating independent constructs in another order gives byte-identical output", () => {
    const forward = synthInOrder(["plan", "workspace", "contact", "arc", "addon"]);
    expect(synthInOrder(["addon", "arc", "contact", "workspace", "plan"])).toBe(forward);
    expect(synthInOrder(["contact", "plan", "addon", "workspace", "arc"])).toBe(forward);
  });

  test("the order of a fleet's cluster list does not change its for_each map", () => {
    const order = ["plan", "workspace", "contact", "arc", "addon"];
    expect(synthInOrder(order, [arc("c"), arc("b"), arc("a")])).toBe(synthInOrder(order, [arc("a"), arc("b"), arc("c")]));
  });

  test("ignore_changes merged from two constructs is sorted whichever runs first", () => {
    const a = JSON.parse(synthInOrder(["plan", "workspace", "addon"])).resource.azurerm_kubernetes_cluster.cluster.lifecycle;
    expect(a.ignore_changes).toEqual(["azure_policy_enabled", "microsoft_defender"]);
  });
});
