import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { AksDefenderSensor, AksPolicyAddon, ArcDefenderSensor, AzapiProvider, DefenderForContainersPlan, DefenderWorkspace, SecurityContact } from "../../lib/azure";
import { EksDefenderCluster, EksDefenderForContainers } from "../../lib/patterns";
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

describe("provider wiring does not depend on construct order (issue 16)", () => {
  test("an aws resource added below an EKS pattern after it was built gets the pattern's aws provider; other providers' resources are left alone", () => {
    const stack = azureStack();
    new KubernetesProvider(stack, "kubernetes", {});
    new HelmProvider(stack, "helm", {});
    new AzapiProvider(stack, "azapi");
    const regional = new AwsProvider(stack, "aws-eu", { region: "eu-west-1", alias: "eu" });
    const pattern = new EksDefenderForContainers(stack, "eks", {
      accountId: "123456789012",
      azureTenantId: "aaaaaaaa-1111-2222-3333-444444444444",
      region: "eu-west-1",
      resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-security`,
      location: "westeurope",
      clusters: [EksDefenderCluster.fromName("prod")],
      awsProvider: regional,
    });
    new IamRole(pattern, "added-later", { name: "added-later", assumeRolePolicy: "{}" });
    const synth = JSON.parse(Testing.synth(stack, true));
    expect(Object.values(synth.resource.aws_iam_role).find((r: any) => r.name === "added-later")).toMatchObject({ provider: "aws.eu" });
    for (const connector of Object.values(synth.resource.azapi_resource) as any[]) expect(connector.provider).toBeUndefined();
  });
});
