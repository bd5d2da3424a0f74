import { ArcPolicyExtension, ArcReleaseTrain } from "../../lib/azure";
import { onlyResourceOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const arc = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-edge/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const EXT = "azurerm_arc_kubernetes_cluster_extension";

describe("ArcPolicyExtension", () => {
  test("one cluster: the azurepolicy extension in kube-system", () => {
    const extension = onlyResourceOf(synthesize((stack) => new ArcPolicyExtension(stack, "policy", { clusterId: arc("edge-01") })), EXT);
    expect(extension).toEqual({
      cluster_id: arc("edge-01"),
      name: "azurepolicy",
      extension_type: "microsoft.policyinsights",
      release_namespace: "kube-system",
      release_train: "Stable",
      identity: { type: "SystemAssigned" },
    });
  });

  test("a fleet is one for_each resource keyed by name; release train and version are passed", () => {
    const extension = onlyResourceOf(
      synthesize((stack) => new ArcPolicyExtension(stack, "policy", { clusterIds: [arc("b"), arc("a")], releaseTrain: ArcReleaseTrain.PREVIEW, version: "1.2.3" })),
      EXT,
    );
    expect(extension.for_each).toEqual({ a: arc("a"), b: arc("b") });
    expect(extension.cluster_id).toBe("${each.value}");
    expect(extension.release_train).toBe("Preview");
    expect(extension.version).toBe("1.2.3");
  });

  test("a duplicate cluster and a wrong-type ID are errors", () => {
    expect(() => synthesize((stack) => new ArcPolicyExtension(stack, "policy", { clusterIds: [arc("a"), arc("A")] }))).toThrow(
      `[test/policy] clusterIds[1]: got "${arc("A")}"; expected each connected cluster once. It is also clusterIds[0].`,
    );
    const rg = `/subscriptions/${SUB}/resourceGroups/rg-edge`;
    expect(() => synthesize((stack) => new ArcPolicyExtension(stack, "policy", { clusterIds: [rg] }))).toThrow(
      `[test/policy] clusterIds[0]: got "${rg}"; expected an Arc-enabled Kubernetes cluster resource ID`,
    );
  });
});
