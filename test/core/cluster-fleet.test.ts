import { Token } from "cdktf";
import { AzureResourceIdFormats, checkFleetKeys, FleetKey, fleetMembersFromIds } from "../../lib/core";
import { newStack } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const arc = (rg: string, name: string, sub = SUB) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const FORMAT = AzureResourceIdFormats.CONNECTED_CLUSTER;

describe("fleet members", () => {
  const scope = newStack();
  const members = (ids: string[] | undefined, key = FleetKey.CLUSTER_NAME) =>
    checkFleetKeys(scope, fleetMembersFromIds(scope, "clusterIds", ids, FORMAT, key, "connected cluster"), key);

  test("are keyed by name, sorted, with canonical IDs and subscriptions", () => {
    const lower = arc("rg", "b").replace("Microsoft.Kubernetes/connectedClusters", "microsoft.kubernetes/connectedclusters");
    expect(members([lower, arc("rg", "a")])).toEqual([
      { key: "a", clusterId: arc("rg", "a"), subscriptionId: SUB, source: "clusterIds[1]" },
      { key: "b", clusterId: arc("rg", "b"), subscriptionId: SUB, source: "clusterIds[0]" },
    ]);
  });

  test("can be keyed by resource group and name", () => {
    expect(members([arc("rg-1", "edge"), arc("rg-2", "edge")], FleetKey.RESOURCE_GROUP_AND_NAME).map((m) => m.key)).toEqual(["rg-1/edge", "rg-2/edge"]);
  });

  test("an empty or missing list is an error", () => {
    expect(() => members([])).toThrow("[test] clusterIds: got []; expected at least one connected cluster.");
    expect(() => members(undefined)).toThrow("[test] clusterIds: got []; expected at least one connected cluster.");
  });

  test("the same cluster twice (in any casing) is an error", () => {
    expect(() => members([arc("rg", "a"), arc("RG", "A").replace("resourceGroups", "resourcegroups")])).toThrow(
      `[test] clusterIds[1]: got "${arc("RG", "A")}"; expected each connected cluster once. It is also clusterIds[0].`,
    );
  });

  test("two clusters with the same name in different groups collide on the name key", () => {
    expect(() => members([arc("rg-1", "edge"), arc("rg-2", "edge")])).toThrow(
      `[test] clusterIds[1]: got "${arc("rg-2", "edge")}", whose for_each key "edge" is also the key of clusterIds[0] ("${arc("rg-1", "edge")}"); expected every cluster to have its own key. Set fleetKey: FleetKey.RESOURCE_GROUP_AND_NAME`,
    );
  });

  test("same group and name in two subscriptions collide even on the group/name key", () => {
    const other = "99999999-2222-3333-4444-555555555555";
    expect(() => members([arc("rg", "edge"), arc("rg", "edge", other)], FleetKey.RESOURCE_GROUP_AND_NAME)).toThrow(
      /whose for_each key "rg\/edge" is also the key of clusterIds\[0\].*need separate constructs/,
    );
  });

  test("an ID of another type is an error naming its index", () => {
    const aks = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`;
    expect(() => members([arc("rg", "a"), aks])).toThrow(
      `[test] clusterIds[1]: got "${aks}"; expected an Arc-enabled Kubernetes cluster resource ID such as`,
    );
  });

  test("a reference is an error: its key is unknown at synth", () => {
    expect(() => members([Token.asString({ ref: "var.id" })])).toThrow(
      /^\[test\] clusterIds\[0\]: got "<unresolved reference>"; expected a literal value: an Arc-enabled Kubernetes cluster resource ID/,
    );
  });
});
