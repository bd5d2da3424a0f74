import { Token } from "cdktf";
import { AksDefenderSensor, AksPolicyAddon, DefenderForContainersPlan } from "../../lib/azure";
import { onlyResourceOf, synthesize } from "../util";
import { testCluster } from "./fixtures";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const AKS = "azurerm_kubernetes_cluster";

describe("AksDefenderSensor", () => {
  test("sets the cluster's microsoft_defender block to the workspace", () => {
    const cluster = onlyResourceOf(
      synthesize((stack) => new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspaceResourceId: WORKSPACE })),
      AKS,
    );
    expect(cluster.microsoft_defender).toEqual({ log_analytics_workspace_id: WORKSPACE });
    expect(cluster.lifecycle).toBeUndefined();
    expect(cluster.depends_on).toBeUndefined();
  });

  test("normalizes the casing of a literal workspace ID", () => {
    const lower = WORKSPACE.replace("resourceGroups", "resourcegroups").replace("Microsoft.OperationalInsights", "microsoft.operationalinsights");
    const cluster = onlyResourceOf(
      synthesize((stack) => new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspaceResourceId: lower })),
      AKS,
    );
    expect(cluster.microsoft_defender.log_analytics_workspace_id).toBe(WORKSPACE);
  });

  test("passes a workspace reference through", () => {
    const cluster = onlyResourceOf(
      synthesize((stack) =>
        new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspaceResourceId: Token.asString({ ref: "var.ws" }) }),
      ),
      AKS,
    );
    expect(cluster.microsoft_defender.log_analytics_workspace_id).toBeDefined();
  });

  test("orders the cluster after the plan", () => {
    const synth = synthesize((stack) => {
      const plan = new DefenderForContainersPlan(stack, "plan");
      new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspaceResourceId: WORKSPACE, plan });
    });
    expect(onlyResourceOf(synth, AKS).depends_on).toEqual([
      `azurerm_security_center_subscription_pricing.${Object.keys(synth.resource!.azurerm_security_center_subscription_pricing)[0]}`,
    ]);
  });

  test("ignorePolicyChanges guards microsoft_defender and merges with the policy add-on's guard", () => {
    const synth = synthesize((stack) => {
      const cluster = testCluster(stack);
      cluster.lifecycle = { ignoreChanges: ["tags"], createBeforeDestroy: false };
      new AksDefenderSensor(stack, "sensor", { cluster, workspaceResourceId: WORKSPACE, ignorePolicyChanges: true });
      new AksPolicyAddon(stack, "addon", { cluster, ignorePolicyChanges: true });
    });
    expect(onlyResourceOf(synth, AKS).lifecycle).toEqual({
      create_before_destroy: false,
      ignore_changes: ["azure_policy_enabled", "microsoft_defender", "tags"],
    });
  });

  test("ignore_changes = all is left alone", () => {
    const synth = synthesize((stack) => {
      const cluster = testCluster(stack);
      cluster.lifecycle = { ignoreChanges: "all" };
      new AksDefenderSensor(stack, "sensor", { cluster, workspaceResourceId: WORKSPACE, ignorePolicyChanges: true });
    });
    expect(onlyResourceOf(synth, AKS).lifecycle).toEqual({ ignore_changes: "all" });
  });

  describe("validation", () => {
    test("a workspace ID that is not a Log Analytics workspace ID is an error", () => {
      expect(() =>
        synthesize((stack) => new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspaceResourceId: "law-sec" })),
      ).toThrow(/^\[test\/sensor\] workspaceResourceId: got "law-sec"; expected a Log Analytics workspace resource ID/);
    });

    test("a workspace ID of another resource type says which type it is", () => {
      const aks = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1`;
      expect(() =>
        synthesize((stack) => new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspaceResourceId: aks })),
      ).toThrow(/The value is a Microsoft\.ContainerService\/managedClusters ID\./);
    });

    test("a second sensor on the same cluster is an error", () => {
      expect(() =>
        synthesize((stack) => {
          const cluster = testCluster(stack);
          new AksDefenderSensor(stack, "a", { cluster, workspaceResourceId: WORKSPACE });
          new AksDefenderSensor(stack, "b", { cluster, workspaceResourceId: WORKSPACE });
        }),
      ).toThrow(/^\[test\/b\] cluster: got test\/cluster, which already has a microsoft_defender block/);
    });
  });
});
