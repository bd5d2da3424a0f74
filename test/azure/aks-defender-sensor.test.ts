import { AksDefenderSensor, AksPolicyAddon, DefenderForContainersPlan } from "../../lib/azure";
import { newStack, onlyResourceOf, synthesize, unresolved } from "../util";
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
        new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspaceResourceId: unresolved("var.ws") }),
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

describe("AksDefenderSensor enabled: false (turning the sensor off)", () => {
  /** The same app twice, differing only in the flag, as a user flips it in code. */
  function synthWith(enabled: boolean) {
    return synthesize((stack) => {
      const plan = new DefenderForContainersPlan(stack, "plan", { sensorAutoProvisioning: enabled });
      const cluster = testCluster(stack);
      new AksDefenderSensor(stack, "sensor", { cluster, workspaceResourceId: WORKSPACE, plan, enabled });
      new AksPolicyAddon(stack, "addon", { cluster });
    });
  }
  const on = synthWith(true);
  const off = synthWith(false);

  test("the microsoft_defender block and the plan dependency disappear; the cluster and its other settings stay", () => {
    const before = onlyResourceOf(on, AKS);
    const after = onlyResourceOf(off, AKS);
    expect(before.microsoft_defender).toEqual({ log_analytics_workspace_id: WORKSPACE });
    expect(after.microsoft_defender).toBeUndefined();
    expect(after.depends_on).toBeUndefined();
    const { microsoft_defender: _m, depends_on: _d, ...rest } = before;
    expect(after).toEqual(rest);
  });

  test("the same resources remain at the same addresses; only the plan's auto-provisioning changes", () => {
    expect(Object.keys(off.resource!).sort()).toEqual(Object.keys(on.resource!).sort());
    for (const type of Object.keys(on.resource!)) expect(Object.keys(off.resource![type])).toEqual(Object.keys(on.resource![type]));
    const sensorProperties = (synth: typeof on) =>
      onlyResourceOf(synth, "azurerm_security_center_subscription_pricing").extension.find((e: any) => e.name === "ContainerSensor").additional_extension_properties;
    expect(sensorProperties(on).AutoProvisioning).toBe("True");
    expect(sensorProperties(off).AutoProvisioning).toBe("False");
    expect(onlyResourceOf(off, "azurerm_security_center_subscription_pricing").lifecycle).toEqual({ prevent_destroy: true });
  });

  test("exposes the flag", () => {
    const stack = newStack();
    expect(new AksDefenderSensor(stack, "on", { cluster: testCluster(stack, "c1"), workspaceResourceId: WORKSPACE }).enabled).toBe(true);
    expect(new AksDefenderSensor(stack, "off", { cluster: testCluster(stack, "c2"), workspaceResourceId: WORKSPACE, enabled: false }).enabled).toBe(false);
  });

  test("ignorePolicyChanges with enabled false is an error (ignore_changes would keep the sensor on)", () => {
    const stack = newStack();
    expect(() => new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspaceResourceId: WORKSPACE, enabled: false, ignorePolicyChanges: true })).toThrow(
      "[test/sensor] ignorePolicyChanges: got true with enabled false; expected false — ignore_changes on microsoft_defender would hide the block's removal, and the sensor would stay on.",
    );
  });

  test.each([
    ["lists microsoft_defender", ["microsoft_defender"]],
    ["is all", "all"],
  ])("a cluster whose ignore_changes %s fails synth", (_case, ignoreChanges) => {
    expect(() =>
      synthesize((stack) => {
        const cluster = testCluster(stack);
        new AksDefenderSensor(stack, "sensor", { cluster, workspaceResourceId: WORKSPACE, enabled: false });
        cluster.lifecycle = { ignoreChanges: ignoreChanges as any };
      }),
    ).toThrow(/\[test\/sensor\] enabled: got false, but test\/cluster ignores changes to microsoft_defender/);
  });

  test("a microsoft_defender block set on the cluster afterwards fails synth", () => {
    expect(() =>
      synthesize((stack) => {
        const cluster = testCluster(stack);
        new AksDefenderSensor(stack, "sensor", { cluster, workspaceResourceId: WORKSPACE, enabled: false });
        cluster.putMicrosoftDefender({ logAnalyticsWorkspaceId: WORKSPACE });
      }),
    ).toThrow(/\[test\/sensor\] enabled: got false, but test\/cluster has a microsoft_defender block set elsewhere/);
  });

  test("the workspace ID is still validated", () => {
    const stack = newStack();
    expect(() => new AksDefenderSensor(stack, "sensor", { cluster: testCluster(stack), workspaceResourceId: "law", enabled: false })).toThrow(
      /^\[test\/sensor\] workspaceResourceId: got "law"/,
    );
  });
});
