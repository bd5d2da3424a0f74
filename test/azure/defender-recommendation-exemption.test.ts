import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { TerraformStack } from "cdktf";
import {
  DefenderRecommendation,
  DefenderRecommendationExemption,
  DefenderRecommendationExemptionProps,
  ExemptionCategory,
  ExemptionScopeType,
  PolicyScopeType,
  SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY,
} from "../../lib/azure";
import { annotationsOf, azureStack, onlyResourceOf, synthesize, unresolved } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-dev`;
const CLUSTER = `${RG}/providers/Microsoft.ContainerService/managedClusters/aks-dev`;
const MG = "/providers/Microsoft.Management/managementGroups/platform";
const MCSB = `/subscriptions/${SUB}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn`;
const base: DefenderRecommendationExemptionProps = {
  scope: CLUSTER,
  name: "aks-dev-running-images",
  recommendations: [DefenderRecommendation.RUNNING_IMAGE_VULNERABILITIES],
  category: ExemptionCategory.WAIVER,
  justification: "Dev cluster, no customer data; SEC-1234 accepted by the CISO",
  expiresOn: "2026-12-31T23:59:59Z",
};

const only = (type: string, props: Partial<DefenderRecommendationExemptionProps>, context?: Record<string, unknown>) =>
  onlyResourceOf(synthesize((stack) => new DefenderRecommendationExemption(stack, "exemption", { ...base, ...props }), context), type);
const make = (props: Partial<DefenderRecommendationExemptionProps>, stack: TerraformStack = azureStack()) => () =>
  new DefenderRecommendationExemption(stack, "exemption", { ...base, ...props });

describe("DefenderRecommendationExemption", () => {
  test("a resource: azurerm_resource_policy_exemption against the subscription's MCSB assignment", () => {
    expect(only("azurerm_resource_policy_exemption", {})).toEqual({
      name: "aks-dev-running-images",
      display_name: "aks-dev-running-images",
      resource_id: CLUSTER,
      policy_assignment_id: MCSB,
      policy_definition_reference_ids: ["kubernetesRunningImagesVulnerabilityMDVMAssessment"],
      exemption_category: "Waiver",
      description: "Dev cluster, no customer data; SEC-1234 accepted by the CISO",
      expires_on: "2026-12-31T23:59:59Z",
    });
  });

  test("a resource group, a subscription and a management group get their own resource types", () => {
    expect(only("azurerm_resource_group_policy_exemption", { scope: RG, category: ExemptionCategory.MITIGATED })).toMatchObject({
      resource_group_id: RG,
      policy_assignment_id: MCSB,
      exemption_category: "Mitigated",
    });
    expect(only("azurerm_subscription_policy_exemption", { scope: `/subscriptions/${SUB}` })).toMatchObject({ subscription_id: `/subscriptions/${SUB}`, policy_assignment_id: MCSB });
    const mgAssignment = `${MG}/providers/Microsoft.Authorization/policyAssignments/mcsb-platform`;
    expect(only("azurerm_management_group_policy_exemption", { scope: MG, policyAssignmentId: mgAssignment })).toMatchObject({
      management_group_id: MG,
      policy_assignment_id: mgAssignment,
    });
  });

  test("a cluster of the app by reference, with scopeType", () => {
    const out = synthesize((stack) => {
      const cluster = new KubernetesCluster(stack, "aks", {
        name: "aks-dev",
        location: "westeurope",
        resourceGroupName: "rg-dev",
        dnsPrefix: "aks-dev",
        defaultNodePool: { name: "system", vmSize: "Standard_D2s_v5", nodeCount: 1 },
        identity: { type: "SystemAssigned" },
      });
      new DefenderRecommendationExemption(stack, "exemption", { ...base, scope: cluster.id, scopeType: ExemptionScopeType.RESOURCE, policyAssignmentId: MCSB });
    });
    expect(onlyResourceOf(out, "azurerm_resource_policy_exemption").resource_id).toBe("${azurerm_kubernetes_cluster.aks.id}");
  });

  test("neverExpires: no expires_on, the waiver's justification is added to the description", () => {
    const exemption = only("azurerm_resource_policy_exemption", {
      expiresOn: undefined,
      neverExpires: true,
      neverExpiresJustification: "Scanner in this cluster is a third-party product",
    });
    expect(exemption.expires_on).toBeUndefined();
    expect(exemption.description).toBe("Dev cluster, no customer data; SEC-1234 accepted by the CISO | Never expires: Scanner in this cluster is a third-party product");
  });

  test("expiry validation is the suppression rule's: required, a real UTC instant, not both", () => {
    expect(make({ expiresOn: undefined })).toThrow(
      "[test/exemption] expiresOn: got undefined; expected an ISO-8601 UTC date-time such as 2026-12-31T23:59:59Z — exemptions must expire. To waive this, set neverExpires: true with a neverExpiresJustification.",
    );
    expect(make({ expiresOn: "2026-02-30T00:00:00Z" })).toThrow('[test/exemption] expiresOn: got "2026-02-30T00:00:00Z"; expected an ISO-8601 UTC date-time such as 2026-12-31T23:59:59Z that exists on the calendar.');
    expect(make({ expiresOn: "31.12.2026" })).toThrow('[test/exemption] expiresOn: got "31.12.2026"; expected an ISO-8601 UTC date-time');
    expect(make({ neverExpires: true, neverExpiresJustification: "long enough justification here" })).toThrow(
      '[test/exemption] neverExpires: got true together with expiresOn "2026-12-31T23:59:59Z"; expected one or the other.',
    );
    expect(make({ expiresOn: undefined, neverExpires: true, neverExpiresJustification: "because" })).toThrow(
      '[test/exemption] neverExpiresJustification: got "because"; expected a justification of at least 20 characters when neverExpires is true.',
    );
  });

  test("an expiry on or before the reference date in context is a warning", () => {
    const stack = azureStack({ [SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY]: "2027-01-01" });
    make({}, stack)();
    expect(annotationsOf(stack, "warning").map((a) => a.message)).toEqual([
      "expiresOn 2026-12-31T23:59:59Z is not after the reference date 2027-01-01: the exemption has ended and the recommendations apply again. Extend the date or remove the exemption.",
    ]);
  });

  test("a justification is required", () => {
    expect(make({ justification: "dev" })).toThrow('[test/exemption] justification: got "dev"; expected a justification of at least 20 characters.');
    expect(make({ justification: "   " })).toThrow('[test/exemption] justification: got "   "; expected a justification of at least 20 characters.');
  });

  test("recommendations: at least one, each once, no blanks", () => {
    expect(make({ recommendations: [] })).toThrow("[test/exemption] recommendations: got []; expected at least one recommendation.");
    expect(make({ recommendations: [DefenderRecommendation.ALLOWED_IMAGES, DefenderRecommendation.ALLOWED_IMAGES] })).toThrow(
      '[test/exemption] recommendations[1]: got "ensureAllowedContainerImagesInKubernetesCluster"; expected each recommendation once.',
    );
    expect(make({ recommendations: ["running images"] })).toThrow('[test/exemption] recommendations[0]: got "running images"; expected a policyDefinitionReferenceId');
  });

  test("category and name", () => {
    expect(make({ category: "Accepted" as ExemptionCategory })).toThrow('[test/exemption] category: got "Accepted"; expected one of Waiver, Mitigated.');
    expect(make({ name: "dev.cluster" })).toThrow('[test/exemption] name: got "dev.cluster"; expected 1-64 characters without < > * % & : \\ ? . + /, not ending with a space.');
    expect(make({ name: "x".repeat(65) })).toThrow(/\[test\/exemption\] name: got "x{65}"; expected 1-64 characters/);
    expect(make({ name: "trailing " })).toThrow(/\[test\/exemption\] name: got "trailing "; expected/);
  });

  test("scope: a known form; scopeType needed for references and must agree with literals", () => {
    expect(make({ scope: "aks-dev" })).toThrow('[test/exemption] scope: got "aks-dev"; expected a subscription ID (/subscriptions/<GUID>)');
    expect(make({ scope: unresolved("aks.id"), policyAssignmentId: MCSB })).toThrow(
      "[test/exemption] scopeType: got undefined; expected an ExemptionScopeType when scope is an unresolved reference",
    );
    expect(make({ scopeType: ExemptionScopeType.SUBSCRIPTION })).toThrow(
      `[test/exemption] scopeType: got "subscription" but scope "${CLUSTER}" is a resource ID; expected them to agree (or leave scopeType unset).`,
    );
    expect(make({ scope: RG, scopeType: ExemptionScopeType.RESOURCE })).toThrow(`[test/exemption] scope: got "${RG}"; expected a resource ID`);
    expect(make({ scopeType: "cluster" as ExemptionScopeType })).toThrow('[test/exemption] scopeType: got "cluster"; expected one of resource, resourceGroup, subscription, managementGroup.');
  });

  test("policyAssignmentId: required for a management group or a referenced scope; an assignment ID at or above the scope", () => {
    expect(make({ scope: MG })).toThrow(
      "[test/exemption] policyAssignmentId: got undefined; expected the ID of the initiative assignment to exempt from. A management group has no default Defender assignment",
    );
    expect(make({ scope: unresolved("aks.id"), scopeType: ExemptionScopeType.RESOURCE })).toThrow(
      "[test/exemption] policyAssignmentId: got undefined; expected the ID of the initiative assignment to exempt from. The default (the subscription's SecurityCenterBuiltIn assignment) needs a literal scope.",
    );
    expect(make({ policyAssignmentId: "SecurityCenterBuiltIn" })).toThrow('[test/exemption] policyAssignmentId: got "SecurityCenterBuiltIn"; expected a policy assignment ID');
    const other = "/subscriptions/99999999-2222-3333-4444-555555555555/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn";
    expect(make({ policyAssignmentId: other })).toThrow(
      `[test/exemption] policyAssignmentId: got "${other}", assigned at /subscriptions/99999999-2222-3333-4444-555555555555; expected an assignment at or above the exempted scope ${CLUSTER}.`,
    );
  });
});

test("the container scope types have PolicyScopeType's values", () => {
  expect([ExemptionScopeType.RESOURCE_GROUP, ExemptionScopeType.SUBSCRIPTION, ExemptionScopeType.MANAGEMENT_GROUP]).toEqual([
    PolicyScopeType.RESOURCE_GROUP,
    PolicyScopeType.SUBSCRIPTION,
    PolicyScopeType.MANAGEMENT_GROUP,
  ]);
});
