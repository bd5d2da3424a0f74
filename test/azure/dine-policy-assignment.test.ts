import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { BuiltInPolicies, PolicyScopeType, resolvePolicyScope } from "../../lib/core";
import { DineEffect, DinePolicyAssignment, RemediationDiscoveryMode } from "../../lib/azure/dine-policy-assignment";
import { onlyResourceOf, resourcesOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const MG = "/providers/Microsoft.Management/managementGroups/mg-platform";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-clusters`;
const ROLE_DEF = (role: string, sub?: string) => `${sub ? `/subscriptions/${sub}` : ""}/providers/Microsoft.Authorization/roleDefinitions/${role}`;

function assign(scopeId: string, extra: Partial<ConstructorParameters<typeof DinePolicyAssignment>[2]> = {}) {
  return synthesize((stack) => {
    new DinePolicyAssignment(stack, "dine", {
      policy: BuiltInPolicies.ARC_POLICY_EXTENSION,
      policyScope: resolvePolicyScope(stack, "scopeId", scopeId),
      name: "mdc-arc-policy-ext",
      location: "westeurope",
      ...extra,
    });
  });
}

describe("DinePolicyAssignment", () => {
  test("picks the management group resource types and unqualified role definition IDs at a management group", () => {
    const synth = assign(MG, { remediate: true });
    const assignment = onlyResourceOf(synth, "azurerm_management_group_policy_assignment");
    expect(assignment).toMatchObject({
      management_group_id: MG,
      name: "mdc-arc-policy-ext",
      policy_definition_id: "/providers/Microsoft.Authorization/policyDefinitions/0adc5395-9169-4b9b-8687-af838d69410a",
      identity: { type: "SystemAssigned" },
      location: "westeurope",
      parameters: '{"effect":{"value":"DeployIfNotExists"}}',
    });
    const role = onlyResourceOf(synth, "azurerm_role_assignment");
    expect(role.scope).toBe(MG);
    expect(role.role_definition_id).toBe(ROLE_DEF("85cb6faf-e071-4c9b-8136-154b5a04f717"));
    const remediation = onlyResourceOf(synth, "azurerm_management_group_policy_remediation");
    expect(remediation.management_group_id).toBe(MG);
    expect(remediation.resource_discovery_mode).toBeUndefined();
    expect(remediation.depends_on).toEqual([`azurerm_role_assignment.${Object.keys(resourcesOf(synth, "azurerm_role_assignment"))[0]}`]);
  });

  test("picks the resource group resource types with subscription-qualified role definition IDs", () => {
    const synth = assign(RG, { remediate: true, remediationDiscoveryMode: RemediationDiscoveryMode.EXISTING_NON_COMPLIANT });
    expect(onlyResourceOf(synth, "azurerm_resource_group_policy_assignment").resource_group_id).toBe(RG);
    expect(onlyResourceOf(synth, "azurerm_role_assignment")).toMatchObject({
      scope: RG,
      role_definition_id: ROLE_DEF("85cb6faf-e071-4c9b-8136-154b5a04f717", SUB),
      skip_service_principal_aad_check: true,
    });
    expect(onlyResourceOf(synth, "azurerm_resource_group_policy_remediation")).toMatchObject({
      resource_group_id: RG,
      resource_discovery_mode: "ExistingNonCompliant",
      name: "mdc-arc-policy-ext-remediation",
    });
  });

  test("no remediation unless asked; effect, notScopes and extra role scopes are written", () => {
    const ws = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law`;
    const synth = assign(`/subscriptions/${SUB}`, {
      effect: DineEffect.DISABLED,
      notScopes: [`${RG}`],
      additionalRoleScopes: { workspace: ws },
    });
    expect(resourcesOf(synth, "azurerm_subscription_policy_remediation")).toEqual({});
    const assignment = onlyResourceOf(synth, "azurerm_subscription_policy_assignment");
    expect(assignment.parameters).toBe('{"effect":{"value":"Disabled"}}');
    expect(assignment.not_scopes).toEqual([RG]);
    expect(Object.values(resourcesOf(synth, "azurerm_role_assignment")).map((r) => r.scope).sort()).toEqual([`/subscriptions/${SUB}`, ws]);
  });

  test("a resource group given by reference works with scopeType", () => {
    const synth = synthesize((stack) => {
      const group = new ResourceGroup(stack, "group", { name: "rg", location: "westeurope" });
      new DinePolicyAssignment(stack, "dine", {
        policy: BuiltInPolicies.AKS_POLICY_ADDON,
        policyScope: resolvePolicyScope(stack, "scopeId", group.id, PolicyScopeType.RESOURCE_GROUP),
        name: "addon",
        location: "westeurope",
      });
    });
    expect(onlyResourceOf(synth, "azurerm_resource_group_policy_assignment").resource_group_id).toBe("${azurerm_resource_group.group.id}");
    const roles = Object.values(resourcesOf(synth, "azurerm_role_assignment"));
    expect(roles.map((r) => r.role_definition_id).sort()).toEqual([
      '${join("/", slice(split("/", azurerm_resource_group.group.id), 0, 3))}/providers/Microsoft.Authorization/roleDefinitions/18ed5180-3e48-46fd-8541-4ea054d57064',
      '${join("/", slice(split("/", azurerm_resource_group.group.id), 0, 3))}/providers/Microsoft.Authorization/roleDefinitions/ed7f3fbd-7b88-4dd4-9017-9adb7ce333f8',
    ]);
  });

  describe("validation", () => {
    test("a name longer than 24 characters at a management group is an error", () => {
      expect(() => assign(MG, { name: "a-very-long-assignment-name" })).toThrow(
        '[test/dine] name: got "a-very-long-assignment-name"; expected an assignment name of 1-24 characters (managementGroup scope) without < > * % & : \\ ? . + / or a trailing space. It has 27 characters.',
      );
    });
    test("the same name is fine at a subscription", () => {
      expect(onlyResourceOf(assign(`/subscriptions/${SUB}`, { name: "a-very-long-assignment-name" }), "azurerm_subscription_policy_assignment").name).toBe(
        "a-very-long-assignment-name",
      );
    });
    test("a bad location is an error", () => {
      expect(() => assign(MG, { location: "europe" })).toThrow('[test/dine] location: got "europe"; expected an Azure region name');
    });
    test.each(["mdc/arc", "mdc.arc", "trailing ", ""])("a name with forbidden characters (%j) is an error", (name) => {
      expect(() => assign(`/subscriptions/${SUB}`, { name })).toThrow(`[test/dine] name: got ${JSON.stringify(name)}; expected an assignment name of 1-64 characters (subscription scope) without`);
    });
  });
});

describe("notScopes inside the assignment's scope (issue 16: an excluded scope could switch the assignment off everywhere)", () => {
  test.each([
    ["the assignment's own subscription", `/subscriptions/${SUB}`, `/subscriptions/${SUB}`],
    ["the subscription above a resource-group assignment", RG, `/subscriptions/${SUB}`],
    ["another subscription", `/subscriptions/${SUB}`, "/subscriptions/99999999-2222-3333-4444-555555555555/resourceGroups/rg"],
    ["the management group itself", MG, MG.toUpperCase()],
  ])("%s is refused", (_name, scopeId, notScope) => {
    expect(() => assign(scopeId, { notScopes: [notScope] })).toThrow(
      `notScopes[0]: got "${notScope}"; expected a scope inside the assignment's scope ${scopeId}. Excluding the assignment's own scope, or a scope above it, switches the assignment off everywhere.`,
    );
  });

  test("the same excluded scope twice is refused; scopes inside are written", () => {
    expect(() => assign(`/subscriptions/${SUB}`, { notScopes: [RG, RG.toUpperCase()] })).toThrow(`notScopes[1]: got "${RG.toUpperCase()}"; expected each excluded scope once. It is also notScopes[0].`);
    const synth = assign(MG, { notScopes: [`/subscriptions/${SUB}`, RG] });
    expect(onlyResourceOf(synth, "azurerm_management_group_policy_assignment").not_scopes).toEqual([`/subscriptions/${SUB}`, RG]);
  });
});
