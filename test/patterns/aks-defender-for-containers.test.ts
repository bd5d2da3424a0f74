import { DefenderForContainersPlan } from "../../lib/azure";
import { AksDefenderForContainers, AksDefenderForContainersProps } from "../../lib/patterns";
import { testCluster } from "../azure/fixtures";
import { onlyResourceOf, resourcesOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const sensorProps = (synth: any) =>
  onlyResourceOf(synth, "azurerm_security_center_subscription_pricing").extension.find((e: any) => e.name === "ContainerSensor").additional_extension_properties;

function build(props: Partial<AksDefenderForContainersProps>, withCluster = true) {
  return synthesize((stack) => {
    new AksDefenderForContainers(stack, "defender", {
      location: "westeurope",
      workspaceResourceGroupName: "rg-sec",
      clusters: withCluster ? [testCluster(stack)] : undefined,
      ...props,
    });
  });
}

describe("AksDefenderForContainers", () => {
  test("clusters of the app: plan, protected workspace, sensor and add-on; no policy, no bindings", () => {
    const synth = build({});
    const cluster = onlyResourceOf(synth, "azurerm_kubernetes_cluster");
    const workspace = onlyResourceOf(synth, "azurerm_log_analytics_workspace");
    expect(workspace).toMatchObject({ resource_group_name: "rg-sec", location: "westeurope", lifecycle: { prevent_destroy: true } });
    expect(cluster.microsoft_defender.log_analytics_workspace_id).toMatch(/^\$\{azurerm_log_analytics_workspace\.defender_workspace_[0-9A-F]+\.id\}$/);
    expect(cluster.azure_policy_enabled).toBe(true);
    expect(cluster.lifecycle).toBeUndefined();
    expect(cluster.depends_on).toEqual([expect.stringMatching(/^azurerm_security_center_subscription_pricing\.defender_plan_pricing_/)]);
    expect(sensorProps(synth).AutoProvisioning).toBe("True");
    expect(resourcesOf(synth, "azurerm_subscription_policy_assignment")).toEqual({});
    expect(resourcesOf(synth, "azurerm_kubernetes_cluster_trusted_access_role_binding")).toEqual({});
  });

  test("the policy path: AKS assignments with remediation, auto-provisioning off, app clusters guarded", () => {
    const synth = build({ policyScopeId: `/subscriptions/${SUB}` });
    const assignments = Object.values(resourcesOf(synth, "azurerm_subscription_policy_assignment"));
    expect(assignments.map((a) => a.policy_definition_id.split("/").pop()).sort()).toEqual([
      "64def556-fbad-4622-930e-72d1d5589bf5",
      "a8eff44f-8c92-45c3-a3fb-9880802d67a7",
    ]);
    expect(Object.values(resourcesOf(synth, "azurerm_subscription_policy_remediation"))).toHaveLength(2);
    expect(sensorProps(synth).AutoProvisioning).toBe("False");
    expect(onlyResourceOf(synth, "azurerm_kubernetes_cluster").lifecycle).toEqual({ ignore_changes: ["azure_policy_enabled", "microsoft_defender"] });
  });

  test("an existing workspace and plan are used as given; planOptions win over the pattern's defaults", () => {
    const synth = synthesize((stack) => {
      const plan = new DefenderForContainersPlan(stack, "shared-plan");
      new AksDefenderForContainers(stack, "defender", { location: "westeurope", workspaceResourceId: WORKSPACE, plan, clusters: [testCluster(stack)] });
    });
    expect(resourcesOf(synth, "azurerm_log_analytics_workspace")).toEqual({});
    expect(Object.keys(resourcesOf(synth, "azurerm_security_center_subscription_pricing"))).toEqual([expect.stringMatching(/^shared-plan_pricing_/)]);
    expect(onlyResourceOf(synth, "azurerm_kubernetes_cluster").microsoft_defender.log_analytics_workspace_id).toBe(WORKSPACE);
    const options = build({ policyScopeId: `/subscriptions/${SUB}`, planOptions: { sensorAutoProvisioning: true } });
    expect(sensorProps(options).AutoProvisioning).toBe("True");
  });

  test("policyAddon: false leaves the add-on out on both paths", () => {
    const synth = build({ policyScopeId: `/subscriptions/${SUB}`, policyAddon: false });
    expect(onlyResourceOf(synth, "azurerm_kubernetes_cluster").azure_policy_enabled).toBeUndefined();
    expect(onlyResourceOf(synth, "azurerm_subscription_policy_assignment").name).toBe("mdc-aks-defender");
  });

  test("agentless discovery bindings for app clusters and existing IDs", () => {
    const existing = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/legacy`;
    const binding = onlyResourceOf(build({ agentlessDiscoveryBindings: true, agentlessDiscoveryClusterIds: [existing] }), "azurerm_kubernetes_cluster_trusted_access_role_binding");
    expect(Object.keys(binding.for_each)).toEqual(["aks-cluster", "legacy"]);
  });

  test("without a workspace group or ID it is an error", () => {
    expect(() => build({ workspaceResourceGroupName: undefined })).toThrow(
      "[test/defender] workspaceResourceGroupName: got undefined; expected the resource group of the workspace to create, or workspaceResourceId of an existing workspace.",
    );
  });

  test("a bad policy scope is reported by the inner construct's path", () => {
    expect(() => build({ policyScopeId: "my-subscription" })).toThrow('[test/defender/workspace-assignment] scopeId: got "my-subscription"');
  });
});
