import { ManagementGroupPolicyAssignment } from "@cdktf/provider-azurerm/lib/management-group-policy-assignment";
import { ResourceGroupPolicyAssignment } from "@cdktf/provider-azurerm/lib/resource-group-policy-assignment";
import { SubscriptionPolicyAssignment } from "@cdktf/provider-azurerm/lib/subscription-policy-assignment";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AzureResourceIdFormat, AzureResourceIdFormats, isAzureResourceId, parseAzureResourceId } from "../core/azure-resource-id";
import { DefenderValidationError, invalidValue } from "../core/errors";
import { isUnresolved } from "../core/validation";

// Small shared helper: "assign a policy at a scope". Picks the azurerm assignment resource from
// the form of the scope ID. Kept internal (only PolicyScopeKind is public) so it can be unified
// with the DINE assignment code of DefenderWorkspaceAssignment / PolicyAddonAssignment later.

/** Where a policy assignment lives. */
export enum PolicyScopeKind {
  /** `/subscriptions/<id>` → `azurerm_subscription_policy_assignment`. */
  SUBSCRIPTION = "subscription",
  /** `/providers/Microsoft.Management/managementGroups/<id>` → `azurerm_management_group_policy_assignment`. */
  MANAGEMENT_GROUP = "managementGroup",
  /** `/subscriptions/<id>/resourceGroups/<name>` → `azurerm_resource_group_policy_assignment`. */
  RESOURCE_GROUP = "resourceGroup",
}

const FORMAT_OF: Record<PolicyScopeKind, AzureResourceIdFormat> = {
  [PolicyScopeKind.SUBSCRIPTION]: AzureResourceIdFormats.SUBSCRIPTION,
  [PolicyScopeKind.MANAGEMENT_GROUP]: AzureResourceIdFormats.MANAGEMENT_GROUP,
  [PolicyScopeKind.RESOURCE_GROUP]: AzureResourceIdFormats.RESOURCE_GROUP,
};

/** A validated assignment scope. */
export interface PolicyScope {
  readonly kind: PolicyScopeKind;
  /** The scope ID, normalized to canonical casing when it was a literal. */
  readonly id: string;
}

const SCOPE_FORMS =
  "a subscription ID (/subscriptions/<GUID>), a management group ID (/providers/Microsoft.Management/managementGroups/<id>) or a resource group ID (/subscriptions/<GUID>/resourceGroups/<name>)";

/**
 * Resolves the kind of an assignment scope from its ID. A token cannot be inspected, so its kind
 * must be given; a literal must match the given kind when both are present.
 */
export function resolvePolicyScope(scope: Construct, prop: string, value: string, kind?: PolicyScopeKind, kindProp = "scopeKind"): PolicyScope {
  if (isUnresolved(value)) {
    if (kind === undefined) {
      throw new DefenderValidationError(
        scope,
        `${kindProp}: got undefined with ${prop} an unresolved reference; expected ${kindProp} to be set, since the kind of scope cannot be read from a reference.`,
      );
    }
    return { kind, id: value };
  }
  if (kind !== undefined) {
    const parsed = parseAzureResourceId(scope, prop, value, FORMAT_OF[kind]);
    return { kind, id: parsed?.id ?? value };
  }
  const found = (Object.keys(FORMAT_OF) as PolicyScopeKind[]).find((k) => isAzureResourceId(value, FORMAT_OF[k]));
  if (found === undefined) invalidValue(scope, prop, value, SCOPE_FORMS);
  return { kind: found, id: parseAzureResourceId(scope, prop, value, FORMAT_OF[found])?.id ?? value };
}

// Assignment names: ARM allows 64 characters at subscription and resource group scope, 24 at
// management group scope, and none of <>*%&:\?.+/ (learn.microsoft.com … policy/concepts/assignment-structure).
const NAME_FORBIDDEN = /[<>*%&:\\?.+/]/;

/** Validates a policy assignment name for a scope kind. Tokens pass through. */
export function validatePolicyAssignmentName(scope: Construct, prop: string, name: string, kind: PolicyScopeKind): string {
  if (isUnresolved(name)) return name;
  const max = kind === PolicyScopeKind.MANAGEMENT_GROUP ? 24 : 64;
  if (typeof name !== "string" || name.length === 0 || name.length > max || NAME_FORBIDDEN.test(name) || name.endsWith(" ")) {
    invalidValue(scope, prop, name, `an assignment name of 1-${max} characters (${kind} scope) without < > * % & : \\ ? . + / or a trailing space`);
  }
  return name;
}

/** What {@link assignPolicy} writes. */
export interface PolicyAssignmentArgs {
  readonly scope: PolicyScope;
  readonly name: string;
  readonly policyDefinitionId: string;
  readonly displayName?: string;
  readonly description?: string;
  /** JSON of the assignment's parameters (`{"name":{"value":…}}`). */
  readonly parameters?: string;
  readonly enforce?: boolean;
  readonly notScopes?: string[];
  readonly provider?: TerraformProvider;
}

/** Any of the three azurerm assignment resources. */
export type PolicyAssignmentResource = SubscriptionPolicyAssignment | ManagementGroupPolicyAssignment | ResourceGroupPolicyAssignment;

/** Creates the assignment resource that matches the scope kind, with the construct ID `id`. */
export function assignPolicy(scope: Construct, id: string, args: PolicyAssignmentArgs): PolicyAssignmentResource {
  const common = {
    name: args.name,
    policyDefinitionId: args.policyDefinitionId,
    displayName: args.displayName,
    description: args.description,
    parameters: args.parameters,
    enforce: args.enforce,
    notScopes: args.notScopes,
    provider: args.provider,
  };
  switch (args.scope.kind) {
    case PolicyScopeKind.SUBSCRIPTION:
      return new SubscriptionPolicyAssignment(scope, id, { ...common, subscriptionId: args.scope.id });
    case PolicyScopeKind.MANAGEMENT_GROUP:
      return new ManagementGroupPolicyAssignment(scope, id, { ...common, managementGroupId: args.scope.id });
    case PolicyScopeKind.RESOURCE_GROUP:
      return new ResourceGroupPolicyAssignment(scope, id, { ...common, resourceGroupId: args.scope.id });
  }
}
