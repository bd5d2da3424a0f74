import { TerraformOutput, TerraformVariable, Testing, Token } from "cdktf";
import { PolicyScopeType, resolvePolicyScope, roleDefinitionIdAtScope, subscriptionOfScope } from "../../lib/core";
import { newStack } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";

describe("resolvePolicyScope", () => {
  const scope = newStack();

  test.each([
    [`/subscriptions/${SUB}`, PolicyScopeType.SUBSCRIPTION, `/subscriptions/${SUB}`],
    [`/Subscriptions/${SUB}/`, PolicyScopeType.SUBSCRIPTION, `/subscriptions/${SUB}`],
    ["/providers/microsoft.management/managementgroups/mg-platform", PolicyScopeType.MANAGEMENT_GROUP, "/providers/Microsoft.Management/managementGroups/mg-platform"],
    [`/subscriptions/${SUB}/resourcegroups/rg-aks`, PolicyScopeType.RESOURCE_GROUP, `/subscriptions/${SUB}/resourceGroups/rg-aks`],
  ])("classifies %s and normalizes its casing", (value, type, id) => {
    const resolved = resolvePolicyScope(scope, "scopeId", value);
    expect(resolved.type).toBe(type);
    expect(resolved.id).toBe(id);
  });

  test("knows the subscription of subscription and resource group scopes only", () => {
    expect(subscriptionOfScope(resolvePolicyScope(scope, "scopeId", `/subscriptions/${SUB}`))).toBe(SUB);
    expect(subscriptionOfScope(resolvePolicyScope(scope, "scopeId", `/subscriptions/${SUB}/resourceGroups/rg`))).toBe(SUB);
    expect(subscriptionOfScope(resolvePolicyScope(scope, "scopeId", "/providers/Microsoft.Management/managementGroups/mg"))).toBeUndefined();
  });

  test.each([
    SUB,
    `/subscriptions/not-a-guid`,
    `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`,
    "/providers/Microsoft.Management/managementGroups/",
  ])("rejects %j", (value) => {
    expect(() => resolvePolicyScope(scope, "scopeId", value)).toThrow(
      `[test] scopeId: got ${JSON.stringify(value)}; expected a subscription ID (/subscriptions/<GUID>), a management group ID`,
    );
  });

  test("a reference needs the scope type", () => {
    const ref = Token.asString({ ref: "var.scope" });
    expect(() => resolvePolicyScope(scope, "scopeId", ref)).toThrow(/^\[test\] scopeType: got undefined; expected a PolicyScopeType when scopeId is an unresolved reference/);
    expect(resolvePolicyScope(scope, "scopeId", ref, PolicyScopeType.RESOURCE_GROUP)).toEqual({ type: PolicyScopeType.RESOURCE_GROUP, id: ref });
  });

  test("a literal that contradicts the scope type is an error", () => {
    expect(() => resolvePolicyScope(scope, "scopeId", `/subscriptions/${SUB}`, PolicyScopeType.MANAGEMENT_GROUP)).toThrow(
      `[test] scopeType: got "managementGroup" but scopeId "/subscriptions/${SUB}" is a subscription ID; expected them to agree (or leave scopeType unset).`,
    );
  });
});

describe("roleDefinitionIdAtScope", () => {
  const ROLE = "85cb6faf-e071-4c9b-8136-154b5a04f717";
  test("is subscription-qualified below a subscription, as ARM returns it", () => {
    expect(roleDefinitionIdAtScope(ROLE, `/subscriptions/${SUB}/resourceGroups/rg`, false)).toBe(
      `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${ROLE}`,
    );
  });
  test("is unqualified at a management group", () => {
    expect(roleDefinitionIdAtScope(ROLE, "/providers/Microsoft.Management/managementGroups/mg", true)).toBe(
      `/providers/Microsoft.Authorization/roleDefinitions/${ROLE}`,
    );
  });
  test("cuts the subscription out of a reference with Terraform functions", () => {
    const stack = newStack();
    const scopeId = new TerraformVariable(stack, "scope", { type: "string" }).stringValue;
    new TerraformOutput(stack, "id", { value: roleDefinitionIdAtScope(ROLE, scopeId, false) });
    expect(JSON.parse(Testing.synth(stack)).output.id.value).toBe(`\${join("/", slice(split("/", var.scope), 0, 3))}/providers/Microsoft.Authorization/roleDefinitions/${ROLE}`);
  });
});
