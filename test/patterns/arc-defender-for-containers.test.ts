import { ArcDefenderForContainers, ArcDefenderForContainersProps } from "../../lib/patterns";
import { onlyResourceOf, resourcesOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const arc = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-edge/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const EXT = "azurerm_arc_kubernetes_cluster_extension";

function build(props: Partial<ArcDefenderForContainersProps>) {
  return synthesize((stack) => new ArcDefenderForContainers(stack, "arc", { location: "westeurope", workspaceResourceGroupName: "rg-sec", ...props }));
}
const extensionsByType = (synth: any) => Object.fromEntries(Object.values(resourcesOf(synth, EXT)).map((e: any) => [e.extension_type, e]));

describe("ArcDefenderForContainers", () => {
  test("a listed fleet gets both extensions as for_each resources; the created workspace's key goes to protected settings", () => {
    const synth = build({ clusterIds: [arc("b"), arc("a")] });
    const { "microsoft.azuredefender.kubernetes": sensor, "microsoft.policyinsights": policy } = extensionsByType(synth);
    expect(sensor.for_each).toEqual({ a: arc("a"), b: arc("b") });
    expect(policy.for_each).toEqual({ a: arc("a"), b: arc("b") });
    expect(Object.keys(sensor.configuration_protected_settings).sort()).toEqual(["omsagent.secret.key", "omsagent.secret.wsid"]);
    expect(resourcesOf(synth, "azurerm_subscription_policy_assignment")).toEqual({});
    expect(onlyResourceOf(synth, "azurerm_log_analytics_workspace").lifecycle).toEqual({ prevent_destroy: true });
  });

  test("the policy path assigns the Arc policies with excludedDistributions and remediation", () => {
    const mg = "/providers/Microsoft.Management/managementGroups/mg-edge";
    const synth = build({ policyScopeId: mg, excludedDistributions: ["aks", "eks", "gke", "openshift"] });
    const assignments = Object.values(resourcesOf(synth, "azurerm_management_group_policy_assignment"));
    const byPolicy = Object.fromEntries(assignments.map((a) => [a.policy_definition_id.split("/").pop(), a]));
    expect(Object.keys(byPolicy).sort()).toEqual(["0adc5395-9169-4b9b-8687-af838d69410a", "708b60a6-d253-4fe0-9114-4be4c00f012c"]);
    expect(JSON.parse(byPolicy["708b60a6-d253-4fe0-9114-4be4c00f012c"].parameters).excludedDistributions.value).toEqual(["aks", "eks", "gke", "openshift"]);
    expect(Object.values(resourcesOf(synth, "azurerm_management_group_policy_remediation"))).toHaveLength(2);
    expect(resourcesOf(synth, EXT)).toEqual({});
  });

  test("an existing workspace: no secrets unless given; policyExtension: false; audit log path and release train pass through", () => {
    const synth = build({ workspaceResourceId: WORKSPACE, clusterIds: [arc("a")], policyExtension: false, auditLogPath: "/var/log/audit.log" });
    const sensor = onlyResourceOf(synth, EXT);
    expect(sensor.configuration_protected_settings).toBeUndefined();
    expect(sensor.configuration_settings).toEqual({ logAnalyticsWorkspaceResourceID: WORKSPACE, auditLogPath: "/var/log/audit.log" });
    expect(resourcesOf(synth, "azurerm_log_analytics_workspace")).toEqual({});
  });

  test("fleet validation is reported by the sensor's path", () => {
    expect(() => build({ clusterIds: [arc("a"), arc("a")] })).toThrow(`[test/arc/sensor] clusterIds[1]: got "${arc("a")}"; expected each connected cluster once.`);
  });
});
