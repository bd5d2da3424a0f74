import { PolicyAddonAssignment, PolicyAddonAssignmentProps, TargetClusters } from "../../lib/azure";
import { resourcesOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-clusters`;
const ROLE_DEF = (role: string) => `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${role}`;

function build(props: Partial<PolicyAddonAssignmentProps> = {}) {
  return synthesize((stack) => new PolicyAddonAssignment(stack, "addon", { scopeId: RG, location: "westeurope", ...props }));
}

describe("PolicyAddonAssignment", () => {
  test("assigns the AKS add-on and Arc extension policies at a resource group with identity and their roles", () => {
    const synth = build({ remediate: true });
    const assignments = Object.values(resourcesOf(synth, "azurerm_resource_group_policy_assignment"));
    const byPolicy = Object.fromEntries(assignments.map((a) => [a.policy_definition_id.split("/").pop(), a]));
    expect(Object.keys(byPolicy).sort()).toEqual(["0adc5395-9169-4b9b-8687-af838d69410a", "a8eff44f-8c92-45c3-a3fb-9880802d67a7"]);
    for (const a of assignments) {
      expect(a).toMatchObject({ resource_group_id: RG, identity: { type: "SystemAssigned" }, location: "westeurope" });
      expect(JSON.parse(a.parameters)).toEqual({ effect: { value: "DeployIfNotExists" } });
    }
    expect(byPolicy["a8eff44f-8c92-45c3-a3fb-9880802d67a7"].name).toBe("mdc-aks-policy-addon");
    expect(byPolicy["0adc5395-9169-4b9b-8687-af838d69410a"].name).toBe("mdc-arc-policy-ext");

    const roles = Object.values(resourcesOf(synth, "azurerm_role_assignment"));
    const rolesOf = (kind: string) => roles.filter((r) => r.principal_id.includes(`addon_${kind}_assignment`)).map((r) => r.role_definition_id).sort();
    expect(rolesOf("aks")).toEqual([ROLE_DEF("18ed5180-3e48-46fd-8541-4ea054d57064"), ROLE_DEF("ed7f3fbd-7b88-4dd4-9017-9adb7ce333f8")]);
    expect(rolesOf("arc")).toEqual([ROLE_DEF("85cb6faf-e071-4c9b-8136-154b5a04f717")]);
    for (const r of roles) expect(r.scope).toBe(RG);
    expect(Object.values(resourcesOf(synth, "azurerm_resource_group_policy_remediation")).map((r) => r.name).sort()).toEqual([
      "mdc-aks-policy-addon-remediation",
      "mdc-arc-policy-ext-remediation",
    ]);
  });

  test("clusters: AKS assigns the add-on policy only, with a custom prefix", () => {
    const synth = build({ clusters: TargetClusters.AKS, namePrefix: "sec" });
    const assignments = Object.values(resourcesOf(synth, "azurerm_resource_group_policy_assignment"));
    expect(assignments.map((a) => a.name)).toEqual(["sec-aks-policy-addon"]);
  });

  test("a scope ID of the wrong kind is an error", () => {
    const workspace = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law`;
    expect(() => build({ scopeId: workspace })).toThrow(`[test/addon] scopeId: got "${workspace}"; expected a subscription ID`);
  });
});
