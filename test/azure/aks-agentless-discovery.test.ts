import { AksAgentlessDiscovery, AksAgentlessDiscoveryProps, DefenderForContainersPlan } from "../../lib/azure";
import { FleetKey } from "../../lib/core";
import { onlyResourceOf, resourcesOf, synthesize } from "../util";
import { testCluster } from "./fixtures";

const SUB = "11111111-2222-3333-4444-555555555555";
const SUB2 = "99999999-2222-3333-4444-555555555555";
const aks = (name: string, sub = SUB, rg = "rg-aks") => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.ContainerService/managedClusters/${name}`;
const SOURCE = (sub: string) => `/subscriptions/${sub}/providers/Microsoft.Security/pricings/Containers/securityOperators/DefenderForContainersSecurityOperator`;
const BINDING = "azurerm_kubernetes_cluster_trusted_access_role_binding";
const OPERATOR = "dddddddd-0000-0000-0000-000000000001";

function build(props: Partial<AksAgentlessDiscoveryProps>) {
  return synthesize((stack) => new AksAgentlessDiscovery(stack, "discovery", props));
}

describe("AksAgentlessDiscovery", () => {
  test("one cluster: the Containers security operator bound with the Defender operator role", () => {
    expect(onlyResourceOf(build({ clusterId: aks("aks-1") }), BINDING)).toEqual({
      kubernetes_cluster_id: aks("aks-1"),
      name: "defender-containers",
      roles: ["Microsoft.Security/pricings/microsoft-defender-operator"],
      source_resource_id: SOURCE(SUB),
    });
  });

  test("IDs and clusters of the app share ONE for_each resource keyed by name, each with its own subscription's operator", () => {
    const synth = synthesize((stack) => {
      new AksAgentlessDiscovery(stack, "discovery", { clusterIds: [aks("b", SUB2), aks("a")], clusters: [testCluster(stack, "app")] });
    });
    const binding = onlyResourceOf(synth, BINDING);
    expect(binding.for_each).toEqual({
      a: aks("a"),
      "aks-app": "${azurerm_kubernetes_cluster.app.id}",
      b: aks("b", SUB2),
    });
    expect(binding.kubernetes_cluster_id).toBe("${each.value}");
    // Clusters in several subscriptions: each binding's source is derived from its cluster ID.
    expect(binding.source_resource_id).toBe(SOURCE('${element(split("/", each.value), 2)}'));
  });

  test("clusters of one subscription share one literal source resource ID", () => {
    const synth = synthesize((stack) => {
      new AksAgentlessDiscovery(stack, "discovery", { clusterIds: [aks("b"), aks("a")] });
    });
    const binding = onlyResourceOf(synth, BINDING);
    expect(binding.for_each).toEqual({ a: aks("a"), b: aks("b") });
    expect(binding.source_resource_id).toBe(SOURCE(SUB));
  });

  test("binding name, roles and the plan dependency", () => {
    const synth = synthesize((stack) => {
      const plan = new DefenderForContainersPlan(stack, "plan");
      new AksAgentlessDiscovery(stack, "discovery", {
        clusterId: aks("aks-1"),
        bindingName: "mdc-discovery",
        roles: ["Microsoft.Security/pricings/microsoft-defender-operator", "Microsoft.Security/pricings/mdc-response-operator"],
        plan,
      });
    });
    const binding = onlyResourceOf(synth, BINDING);
    expect(binding.name).toBe("mdc-discovery");
    expect(binding.roles).toHaveLength(2);
    expect(binding.depends_on).toEqual([expect.stringMatching(/^azurerm_security_center_subscription_pricing\.plan_pricing_/)]);
  });

  test("the operator role assignment goes on each cluster subscription, keyed by subscription", () => {
    const role = onlyResourceOf(build({ clusterIds: [aks("a"), aks("b", SUB2), aks("c")], operatorPrincipalId: OPERATOR }), "azurerm_role_assignment");
    expect(role.for_each).toEqual({ [SUB]: `/subscriptions/${SUB}`, [SUB2]: `/subscriptions/${SUB2}` });
    expect(role.scope).toBe("${each.value}");
    expect(role.role_definition_id).toBe("${each.value}/providers/Microsoft.Authorization/roleDefinitions/d5a2ae44-610b-4500-93be-660a0c5f5ca6");
    expect(role.principal_id).toBe(OPERATOR);
  });

  test("no role assignment without operatorPrincipalId", () => {
    expect(resourcesOf(build({ clusterId: aks("a") }), "azurerm_role_assignment")).toEqual({});
  });

  describe("validation", () => {
    test("an app cluster whose name is a reference is an error", () => {
      expect(() =>
        synthesize((stack) => {
          const cluster = testCluster(stack);
          const other = testCluster(stack, "other");
          other.name = cluster.fqdn;
          new AksAgentlessDiscovery(stack, "discovery", { clusters: [cluster, other] });
        }),
      ).toThrow('[test/discovery] clusters[1]: got "test/other"; expected a cluster whose name is a literal.');
    });
    test.each(["", "defender_containers", "a-binding-name-that-is-too-long"])("binding name %j is an error", (bindingName) => {
      expect(() => build({ clusterId: aks("a"), bindingName })).toThrow(`[test/discovery] bindingName: got ${JSON.stringify(bindingName)}; expected 1-24 letters, digits or hyphens.`);
    });
    test("an empty list and no cluster are errors", () => {
      expect(() => build({ clusterIds: [] })).toThrow("[test/discovery] clusterIds: got []; expected at least one AKS cluster.");
      expect(() => build({})).toThrow("[test/discovery] clusterIds: got []; expected at least one AKS cluster.");
    });
    test("the same cluster by ID twice is an error", () => {
      expect(() => build({ clusterIds: [aks("a"), aks("a")] })).toThrow(`[test/discovery] clusterIds[1]: got "${aks("a")}"; expected each AKS cluster once.`);
    });
    test("a connected-cluster ID is not an AKS ID", () => {
      const arc = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/edge`;
      expect(() => build({ clusterIds: [arc] })).toThrow(`[test/discovery] clusterIds[0]: got "${arc}"; expected an AKS cluster resource ID`);
    });
    test("an app cluster and an ID with the same name collide; the group/name key separates them", () => {
      expect(() =>
        synthesize((stack) => new AksAgentlessDiscovery(stack, "discovery", { clusterIds: [aks("aks-app", SUB, "rg-other")], clusters: [testCluster(stack, "app")] })),
      ).toThrow(/^\[test\/discovery\] clusters\[0\]: got "test\/app", whose for_each key "aks-app" is also the key of clusterIds\[0\]/);
      const synth = synthesize(
        (stack) =>
          new AksAgentlessDiscovery(stack, "discovery", {
            clusterIds: [aks("aks-app", SUB, "rg-other")],
            clusters: [testCluster(stack, "app")],
            fleetKey: FleetKey.RESOURCE_GROUP_AND_NAME,
          }),
      );
      expect(Object.keys(onlyResourceOf(synth, BINDING).for_each)).toEqual(["rg-aks/aks-app", "rg-other/aks-app"]);
    });
    test("clusterId with clusterIds is an error", () => {
      expect(() => build({ clusterId: aks("a"), clusterIds: [aks("b")] })).toThrow(`[test/discovery] clusterId: got "${aks("a")}"; expected clusterId alone`);
    });
    test("the operator principal must be a GUID", () => {
      expect(() => build({ clusterId: aks("a"), operatorPrincipalId: "operator" })).toThrow('[test/discovery] operatorPrincipalId: got "operator"; expected a GUID');
    });
    test("app clusters need explicit subscriptions for the operator role", () => {
      expect(() => synthesize((stack) => new AksAgentlessDiscovery(stack, "discovery", { clusters: [testCluster(stack)], operatorPrincipalId: OPERATOR }))).toThrow(
        "[test/discovery] operatorRoleSubscriptionIds: got undefined; expected the subscription IDs for the operator role",
      );
      const synth = synthesize(
        (stack) => new AksAgentlessDiscovery(stack, "discovery", { clusters: [testCluster(stack)], operatorPrincipalId: OPERATOR, operatorRoleSubscriptionIds: [SUB] }),
      );
      expect(Object.keys(onlyResourceOf(synth, "azurerm_role_assignment").for_each)).toEqual([SUB]);
    });
  });
});
