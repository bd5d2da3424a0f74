import { AksPolicyAddon } from "../../lib/azure";
import { onlyResourceOf, synthesize } from "../util";
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
