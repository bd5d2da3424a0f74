import { ArcExampleStack } from "../../examples/arc/arc-stack";
import { EXAMPLE_DEFAULTS } from "../../examples/settings";
import { addressesOf, exampleApp, onlyResourceOf, resourcesOf, synthesizeStack } from "../util";

// Context pins every setting, so the snapshot does not depend on DEFENDER_* variables in the shell.
const synth = synthesizeStack(new ArcExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS }), "arc"));
const SUB = EXAMPLE_DEFAULTS.arcSubscriptionId;
const EXT = "azurerm_arc_kubernetes_cluster_extension";

describe("examples/arc", () => {
  test("matches the snapshot", () => {
    expect(synth).toMatchSnapshot();
  });

  test("Terraform addresses are stable", () => {
    expect(addressesOf(synth)).toEqual([
      "azurerm_arc_kubernetes_cluster_extension.defender_policy-extension_AB7A1B11",
      "azurerm_arc_kubernetes_cluster_extension.defender_sensor_extension_85CA5E1C",
      "azurerm_log_analytics_workspace.defender_workspace_44A70592",
      "azurerm_resource_group.group",
      "azurerm_role_assignment.defender_policy-extension-assignment_arc_role-kubernetes-extension-contributor_7F8FF523",
      "azurerm_role_assignment.defender_workspace-assignment_arc_role-defender-containers-sensor-workspace_0326BB6B",
      "azurerm_role_assignment.defender_workspace-assignment_arc_role-defender-containers-sensor_D1D0A1B3",
      "azurerm_role_assignment.defender_workspace-assignment_arc_role-defender-kubernetes-agent-operator-workspace_BB138E2D",
      "azurerm_role_assignment.defender_workspace-assignment_arc_role-defender-kubernetes-agent-operator_7DF6C396",
      "azurerm_security_center_subscription_pricing.defender_plan_pricing_58735D4F",
      "azurerm_subscription_policy_assignment.defender_policy-extension-assignment_arc_assignment_ACB75083",
      "azurerm_subscription_policy_assignment.defender_workspace-assignment_arc_assignment_F4B7035D",
      "azurerm_subscription_policy_remediation.defender_policy-extension-assignment_arc_remediation_F5FACE9B",
      "azurerm_subscription_policy_remediation.defender_workspace-assignment_arc_remediation_C88C0930",
    ]);
  });

  test("the fleet is one for_each resource per extension, keyed by cluster name", () => {
    const extensions = resourcesOf(synth, EXT);
    const sensor = extensions["defender_sensor_extension_85CA5E1C"];
    const policy = extensions["defender_policy-extension_AB7A1B11"];
    const fleet = Object.fromEntries(EXAMPLE_DEFAULTS.arcClusterIds.split(",").map((id) => [id.split("/").pop(), id]));
    expect(Object.keys(fleet)).toHaveLength(3);
    expect(sensor.for_each).toEqual(fleet);
    expect(policy.for_each).toEqual(fleet);
    expect(sensor.cluster_id).toBe("${each.value}");
    expect(sensor.extension_type).toBe("microsoft.azuredefender.kubernetes");
    expect(sensor.release_namespace).toBe("mdc");
    expect(sensor.configuration_settings.logAnalyticsWorkspaceResourceID).toBe("${azurerm_log_analytics_workspace.defender_workspace_44A70592.id}");
    expect(policy.extension_type).toBe("microsoft.policyinsights");
  });

  test("the workspace key is only in protected settings, never in an output", () => {
    const sensor = resourcesOf(synth, EXT)["defender_sensor_extension_85CA5E1C"];
    expect(sensor.configuration_protected_settings["omsagent.secret.key"]).toBe(
      "${azurerm_log_analytics_workspace.defender_workspace_44A70592.primary_shared_key}",
    );
    expect(JSON.stringify(synth.output)).not.toContain("primary_shared_key");
    expect(JSON.stringify(sensor.configuration_settings)).not.toContain("primary_shared_key");
  });

  test("every other connected cluster of the subscription is governed by the Arc policies", () => {
    const assignments = Object.values(resourcesOf(synth, "azurerm_subscription_policy_assignment"));
    expect(assignments.map((a) => a.policy_definition_id).sort()).toEqual([
      "/providers/Microsoft.Authorization/policyDefinitions/0adc5395-9169-4b9b-8687-af838d69410a",
      "/providers/Microsoft.Authorization/policyDefinitions/708b60a6-d253-4fe0-9114-4be4c00f012c",
    ]);
    for (const assignment of assignments) expect(assignment.subscription_id).toBe(`/subscriptions/${SUB}`);
    // The pattern's own assignment replaces Defender's default-workspace auto-provisioning.
    const pricing = onlyResourceOf(synth, "azurerm_security_center_subscription_pricing");
    const sensorExtension = pricing.extension.find((e: any) => e.name === "ContainerSensor");
    expect(sensorExtension.additional_extension_properties.AutoProvisioning).toBe("False");
  });

  test("settings come from context, including the fleet", () => {
    const one = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/lab-1`;
    const other = synthesizeStack(new ArcExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS, arcClusterIds: ` ${one} ,` }), "arc"));
    expect(resourcesOf(other, EXT)["defender_sensor_extension_85CA5E1C"].for_each).toEqual({ "lab-1": one });
    expect(other.provider!.azurerm[0].subscription_id).toBe(SUB);
  });
});
