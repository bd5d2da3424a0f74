import { Token } from "cdktf";
import { DefenderWorkspace, DefenderWorkspaceAssignment, DefenderWorkspaceAssignmentProps, TargetClusters } from "../../lib/azure";
import { onlyResourceOf, resourcesOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const OTHER = "99999999-8888-7777-6666-555555555555";
const SCOPE = `/subscriptions/${SUB}`;
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const POLICY = (name: string) => `/providers/Microsoft.Authorization/policyDefinitions/${name}`;
const ROLE_DEF = (role: string, sub = SUB) => `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${role}`;
const SENSOR_ROLE = "5e93ba01-8f92-4c7a-b12a-801e3df23824";
const OPERATOR_ROLE = "8bb6f106-b146-4ee6-a3f9-b9c5a96e0ae5";
const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
const LA_CONTRIBUTOR = "92aaf0da-9dab-42b6-94a3-d43ce8d16293";

function build(props: Partial<DefenderWorkspaceAssignmentProps> = {}) {
  return synthesize(
    (stack) =>
      new DefenderWorkspaceAssignment(stack, "assignment", {
        scopeId: SCOPE,
        location: "West Europe",
        logAnalyticsWorkspaceResourceId: WORKSPACE,
        ...props,
      }),
  );
}
const assignmentsOf = (synth: any, type = "azurerm_subscription_policy_assignment") =>
  Object.fromEntries(Object.values(resourcesOf(synth, type)).map((a: any) => [a.policy_definition_id.split("/").pop(), a]));

describe("DefenderWorkspaceAssignment", () => {
  test("assigns the AKS and Arc Defender policies with the workspace, identity and location", () => {
    const assignments = assignmentsOf(build());
    const aks = assignments["64def556-fbad-4622-930e-72d1d5589bf5"];
    const arc = assignments["708b60a6-d253-4fe0-9114-4be4c00f012c"];
    expect(aks).toMatchObject({
      name: "mdc-aks-defender",
      subscription_id: SCOPE,
      policy_definition_id: POLICY("64def556-fbad-4622-930e-72d1d5589bf5"),
      identity: { type: "SystemAssigned" },
      location: "westeurope",
    });
    expect(JSON.parse(aks.parameters)).toEqual({ effect: { value: "DeployIfNotExists" }, logAnalyticsWorkspaceResourceId: { value: WORKSPACE } });
    expect(arc.name).toBe("mdc-arc-defender");
    expect(JSON.parse(arc.parameters)).toEqual({
      effect: { value: "DeployIfNotExists" },
      logAnalyticsWorkspaceResourceId: { value: WORKSPACE },
      excludedDistributions: { value: ["aks", "aks_management", "eks", "gke"] },
    });
  });

  test("grants each identity the current roles at the scope only, when the workspace is inside it", () => {
    const synth = build();
    const roles = Object.values(resourcesOf(synth, "azurerm_role_assignment"));
    expect(roles).toHaveLength(4);
    for (const role of roles) expect(role.scope).toBe(SCOPE);
    const byPrincipal = (kind: string) =>
      roles.filter((r) => r.principal_id.includes(`assignment_${kind}_assignment`)).map((r) => r.role_definition_id).sort();
    expect(byPrincipal("aks")).toEqual([ROLE_DEF(SENSOR_ROLE), ROLE_DEF(OPERATOR_ROLE)]);
    expect(byPrincipal("arc")).toEqual([ROLE_DEF(SENSOR_ROLE), ROLE_DEF(OPERATOR_ROLE)]);
  });

  test("legacyRoles grants Contributor + Log Analytics Contributor instead", () => {
    const roles = Object.values(resourcesOf(build({ legacyRoles: true, clusters: TargetClusters.AKS }), "azurerm_role_assignment"));
    expect(roles.map((r) => r.role_definition_id).sort()).toEqual([ROLE_DEF(LA_CONTRIBUTOR), ROLE_DEF(CONTRIBUTOR)].sort());
  });

  test("a workspace in another subscription also gets the roles, with its own subscription's role IDs", () => {
    const elsewhere = WORKSPACE.replace(SUB, OTHER);
    const roles = Object.values(resourcesOf(build({ logAnalyticsWorkspaceResourceId: elsewhere, clusters: TargetClusters.ARC }), "azurerm_role_assignment"));
    expect(roles.filter((r) => r.scope === elsewhere).map((r) => r.role_definition_id).sort()).toEqual([
      ROLE_DEF(SENSOR_ROLE, OTHER),
      ROLE_DEF(OPERATOR_ROLE, OTHER),
    ]);
    expect(roles).toHaveLength(4);
  });

  test("a workspace outside a resource group scope gets the roles; grantOnWorkspace: false turns that off", () => {
    const rgScope = `/subscriptions/${SUB}/resourceGroups/rg-clusters`;
    expect(Object.values(resourcesOf(build({ scopeId: rgScope, clusters: TargetClusters.AKS }), "azurerm_role_assignment"))).toHaveLength(4);
    expect(
      Object.values(resourcesOf(build({ scopeId: rgScope, clusters: TargetClusters.AKS, grantOnWorkspace: false }), "azurerm_role_assignment")),
    ).toHaveLength(2);
    const sameGroup = `/subscriptions/${SUB}/resourceGroups/RG-SEC`;
    expect(Object.values(resourcesOf(build({ scopeId: sameGroup, clusters: TargetClusters.AKS }), "azurerm_role_assignment"))).toHaveLength(2);
  });

  test("a workspace created in the app is referenced and granted (its place is unknown at synth)", () => {
    const synth = synthesize((stack) => {
      const workspace = new DefenderWorkspace(stack, "ws", { resourceGroupName: "rg-sec", location: "westeurope" });
      new DefenderWorkspaceAssignment(stack, "assignment", {
        scopeId: SCOPE,
        location: "westeurope",
        clusters: TargetClusters.AKS,
        logAnalyticsWorkspaceResourceId: workspace.workspaceResourceId,
      });
    });
    const assignment = onlyResourceOf(synth, "azurerm_subscription_policy_assignment");
    expect(JSON.parse(assignment.parameters).logAnalyticsWorkspaceResourceId.value).toBe("${azurerm_log_analytics_workspace.ws_workspace_CBA56DD6.id}");
    expect(Object.values(resourcesOf(synth, "azurerm_role_assignment")).map((r) => r.scope)).toContain("${azurerm_log_analytics_workspace.ws_workspace_CBA56DD6.id}");
  });

  test("clusters: AKS or ARC assigns one policy; a management group uses its resource types", () => {
    const mg = "/providers/Microsoft.Management/managementGroups/mg-platform";
    const synth = build({ scopeId: mg, clusters: TargetClusters.ARC });
    expect(Object.keys(assignmentsOf(synth, "azurerm_management_group_policy_assignment"))).toEqual(["708b60a6-d253-4fe0-9114-4be4c00f012c"]);
    expect(Object.keys(assignmentsOf(build({ clusters: TargetClusters.AKS })))).toEqual(["64def556-fbad-4622-930e-72d1d5589bf5"]);
  });

  test("excludedDistributions overrides the Arc parameter; an empty list excludes nothing", () => {
    const arc = (list: string[]) =>
      JSON.parse(assignmentsOf(build({ excludedDistributions: list, clusters: TargetClusters.ARC }))["708b60a6-d253-4fe0-9114-4be4c00f012c"].parameters)
        .excludedDistributions.value;
    expect(arc(["aks", "k3s"])).toEqual(["aks", "k3s"]);
    expect(arc([])).toEqual([]);
  });

  test("remediation tasks re-evaluate compliance and come after the role assignments", () => {
    const synth = build({ remediate: true, clusters: TargetClusters.AKS });
    const remediation = onlyResourceOf(synth, "azurerm_subscription_policy_remediation");
    expect(remediation.resource_discovery_mode).toBe("ReEvaluateCompliance");
    expect(remediation.subscription_id).toBe(SCOPE);
    expect(remediation.policy_assignment_id).toMatch(/^\$\{azurerm_subscription_policy_assignment\.assignment_aks_assignment_[0-9A-F]+\.id\}$/);
    expect(remediation.depends_on).toHaveLength(2);
  });

  test("normalizes the casing of a literal workspace ID", () => {
    const lower = WORKSPACE.replace("resourceGroups", "resourcegroups").replace("Microsoft.OperationalInsights", "microsoft.operationalinsights");
    const aks = assignmentsOf(build({ logAnalyticsWorkspaceResourceId: lower, clusters: TargetClusters.AKS }))["64def556-fbad-4622-930e-72d1d5589bf5"];
    expect(JSON.parse(aks.parameters).logAnalyticsWorkspaceResourceId.value).toBe(WORKSPACE);
  });

  describe("validation", () => {
    test("a scope that is not a subscription, management group or resource group is an error", () => {
      const aks = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`;
      expect(() => build({ scopeId: aks })).toThrow(`[test/assignment] scopeId: got "${aks}"; expected a subscription ID (/subscriptions/<GUID>)`);
    });
    test("a workspace ID that is not a workspace ID is an error", () => {
      expect(() => build({ logAnalyticsWorkspaceResourceId: "law-sec" })).toThrow(
        '[test/assignment] logAnalyticsWorkspaceResourceId: got "law-sec"; expected a Log Analytics workspace resource ID',
      );
    });
    test("a bad region is an error", () => {
      expect(() => build({ location: "westeurop" })).toThrow('[test/assignment] location: got "westeurop"; expected an Azure region name');
    });
    test("a reference scope needs scopeType", () => {
      expect(() => build({ scopeId: Token.asString({ ref: "var.scope" }) })).toThrow("[test/assignment] scopeType: got undefined;");
    });
    test("a prefix that makes names too long for a management group is an error", () => {
      expect(() => build({ scopeId: "/providers/Microsoft.Management/managementGroups/mg", namePrefix: "platform-team" })).toThrow(
        '[test/assignment] namePrefix: got "platform-team", which makes the assignment name "platform-team-aks-defender" 26 characters long; expected names of at most 24 characters at managementGroup scope.',
      );
    });
    test("a duplicate or malformed excluded distribution is an error", () => {
      expect(() => build({ excludedDistributions: ["aks", "AKS"] })).toThrow(
        '[test/assignment] excludedDistributions[1]: got "AKS"; expected each distribution once. It is also excludedDistributions[0].',
      );
      expect(() => build({ excludedDistributions: ["open shift"] })).toThrow('[test/assignment] excludedDistributions[0]: got "open shift"; expected a distribution name');
    });
    test("a notScope that is not a resource ID is an error", () => {
      expect(() => build({ notScopes: ["rg-sandbox"] })).toThrow('[test/assignment] notScopes[0]: got "rg-sandbox"; expected an Azure resource ID');
    });
  });
});
