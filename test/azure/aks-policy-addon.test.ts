import { AksPolicyAddon } from "../../lib/azure";
import { newStack, onlyResourceOf, synthesize } from "../util";
import { testCluster } from "./fixtures";

const AKS = "azurerm_kubernetes_cluster";

describe("AksPolicyAddon", () => {
  test("turns azure_policy_enabled on without guarding it", () => {
    const cluster = onlyResourceOf(synthesize((stack) => new AksPolicyAddon(stack, "addon", { cluster: testCluster(stack) })), AKS);
    expect(cluster.azure_policy_enabled).toBe(true);
    expect(cluster.lifecycle).toBeUndefined();
  });

  test("ignorePolicyChanges guards azure_policy_enabled", () => {
    const cluster = onlyResourceOf(
      synthesize((stack) => new AksPolicyAddon(stack, "addon", { cluster: testCluster(stack), ignorePolicyChanges: true })),
      AKS,
    );
    expect(cluster.lifecycle).toEqual({ ignore_changes: ["azure_policy_enabled"] });
  });
});

describe("AksPolicyAddon enabled: false (turning the add-on off)", () => {
  const synthWith = (enabled: boolean) => synthesize((stack) => new AksPolicyAddon(stack, "addon", { cluster: testCluster(stack), enabled }));

  test("azure_policy_enabled goes from true to an explicit false; everything else on the cluster stays", () => {
    const on = onlyResourceOf(synthWith(true), AKS);
    const off = onlyResourceOf(synthWith(false), AKS);
    expect(on.azure_policy_enabled).toBe(true);
    expect(off.azure_policy_enabled).toBe(false);
    expect({ ...off, azure_policy_enabled: true }).toEqual(on);
  });

  test("exposes the flag", () => {
    const stack = newStack();
    expect(new AksPolicyAddon(stack, "addon", { cluster: testCluster(stack), enabled: false }).enabled).toBe(false);
  });

  test("ignorePolicyChanges with enabled false is an error", () => {
    const stack = newStack();
    expect(() => new AksPolicyAddon(stack, "addon", { cluster: testCluster(stack), enabled: false, ignorePolicyChanges: true })).toThrow(
      "[test/addon] ignorePolicyChanges: got true with enabled false; expected false — ignore_changes on azure_policy_enabled would keep the add-on on.",
    );
  });

  test("a guard added on the cluster by another construct fails synth", () => {
    expect(() =>
      synthesize((stack) => {
        const cluster = testCluster(stack);
        new AksPolicyAddon(stack, "addon", { cluster, enabled: false });
        cluster.lifecycle = { ignoreChanges: ["azure_policy_enabled"] };
      }),
    ).toThrow(/\[test\/addon\] enabled: got false, but test\/cluster ignores changes to azure_policy_enabled/);
  });
});
