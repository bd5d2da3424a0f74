import { TerraformVariable } from "cdktf";
import { AksDefenderSensor, ArcDefenderSensor, DefenderForContainersPlan, DefenderWorkspace, PlanTier } from "../../lib/azure";
import { AksDefenderForContainers } from "../../lib/patterns";
import { newStack, onlyResourceOf, resourcesOf, synthesize } from "../util";
import { testCluster } from "./fixtures";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const ARC = `/subscriptions/${SUB}/resourceGroups/rg-arc/providers/Microsoft.Kubernetes/connectedClusters/arc-1`;
const WORKSPACE_GUID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

describe("IDefenderWorkspace", () => {
  test("a DefenderWorkspace is passed as workspace, not as an ID", () => {
    const synth = synthesize((stack) => {
      const workspace = new DefenderWorkspace(stack, "workspace", { resourceGroupName: "rg-sec", location: "westeurope" });
      new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspace });
    });
    const cluster = onlyResourceOf(synth, "azurerm_kubernetes_cluster");
    expect(cluster.microsoft_defender.log_analytics_workspace_id).toMatch(/^\$\{azurerm_log_analytics_workspace\.workspace_[A-Za-z0-9_]+\.id\}$/);
  });

  test("fromAttributes: an existing workspace, its literal ID normalized like the deprecated prop", () => {
    const lower = WORKSPACE.replace("resourceGroups", "resourcegroups");
    const cluster = onlyResourceOf(
      synthesize((stack) => new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspace: DefenderWorkspace.fromAttributes(stack, "law", { workspaceResourceId: lower }) })),
      "azurerm_kubernetes_cluster",
    );
    expect(cluster.microsoft_defender).toEqual({ log_analytics_workspace_id: WORKSPACE });
  });

  test("fromAttributes rejects an ID that is not a workspace and a workspace ID that is not a GUID", () => {
    expect(() => DefenderWorkspace.fromAttributes(newStack(), "law", { workspaceResourceId: "law-sec" })).toThrow(
      /^\[test\/law\] workspaceResourceId: got "law-sec"; expected a Log Analytics workspace resource ID/,
    );
    expect(() => DefenderWorkspace.fromAttributes(newStack(), "law", { workspaceResourceId: WORKSPACE, workspaceId: "ws-1" })).toThrow(/^\[test\/law\] workspaceId: got "ws-1"; expected /);
  });

  test("the Arc sensor takes the workspace ID and key from the reference into its protected settings", () => {
    const ext = onlyResourceOf(
      synthesize((stack) => {
        const key = new TerraformVariable(stack, "workspace_key", { type: "string", sensitive: true });
        new ArcDefenderSensor(stack, "sensor", {
          clusterId: ARC,
          workspace: DefenderWorkspace.fromAttributes(stack, "law", { workspaceResourceId: WORKSPACE, workspaceId: WORKSPACE_GUID, primarySharedKey: key.stringValue }),
        });
      }),
      "azurerm_arc_kubernetes_cluster_extension",
    );
    expect(ext.configuration_settings).toMatchObject({ logAnalyticsWorkspaceResourceID: WORKSPACE });
    expect(Object.values(ext.configuration_protected_settings).sort()).toEqual(["${var.workspace_key}", WORKSPACE_GUID].sort());
  });

  test("neither workspace nor workspaceResourceId, or both, is an error naming the prop", () => {
    expect(() => new AksDefenderSensor(newStack(), "sensor", { cluster: testCluster(newStack()) })).toThrow(
      "[test/sensor] workspace: got undefined; expected an IDefenderWorkspace: a DefenderWorkspace, or DefenderWorkspace.fromAttributes(...) for an existing one.",
    );
    const stack = newStack();
    const workspace = DefenderWorkspace.fromAttributes(stack, "law", { workspaceResourceId: WORKSPACE });
    expect(() => new ArcDefenderSensor(stack, "sensor", { clusterId: ARC, workspace, workspaceResourceId: WORKSPACE })).toThrow(
      "[test/sensor] workspace: got both workspace and workspaceResourceId; expected workspace alone (workspaceResourceId is deprecated).",
    );
  });

  test("a pattern uses a given workspace instead of creating one", () => {
    const synth = synthesize((stack) => {
      new AksDefenderForContainers(stack, "defender", {
        location: "westeurope",
        clusters: [testCluster(stack)],
        workspace: DefenderWorkspace.fromAttributes(stack, "law", { workspaceResourceId: WORKSPACE }),
      });
    });
    expect(resourcesOf(synth, "azurerm_log_analytics_workspace")).toEqual({});
    expect(onlyResourceOf(synth, "azurerm_kubernetes_cluster").microsoft_defender).toEqual({ log_analytics_workspace_id: WORKSPACE });
  });
});

describe("IDefenderPlan", () => {
  test("a plan this app manages orders the sensor after its pricing; one from fromAttributes adds no dependency", () => {
    const managed = onlyResourceOf(
      synthesize((stack) => new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspaceResourceId: WORKSPACE, plan: new DefenderForContainersPlan(stack, "plan") })),
      "azurerm_kubernetes_cluster",
    );
    expect(managed.depends_on).toEqual([expect.stringMatching(/^azurerm_security_center_subscription_pricing\./)]);
    const elsewhere = onlyResourceOf(
      synthesize((stack) => new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspaceResourceId: WORKSPACE, plan: DefenderForContainersPlan.fromAttributes() })),
      "azurerm_kubernetes_cluster",
    );
    expect(elsewhere.depends_on).toBeUndefined();
    expect(DefenderForContainersPlan.fromAttributes({ tier: PlanTier.FREE })).toEqual({ tier: PlanTier.FREE, enabledExtensions: [] });
  });

  test("preventDestroy is the plan's name for prevent_destroy; protectFromDestroy still works until 0.2", () => {
    const lifecycle = (props: object) =>
      onlyResourceOf(synthesize((stack) => new DefenderForContainersPlan(stack, "plan", props)), "azurerm_security_center_subscription_pricing").lifecycle;
    expect(lifecycle({})).toEqual({ prevent_destroy: true });
    expect(lifecycle({ preventDestroy: false })?.prevent_destroy ?? false).toBe(false);
    expect(lifecycle({ protectFromDestroy: false })?.prevent_destroy ?? false).toBe(false);
  });
});
