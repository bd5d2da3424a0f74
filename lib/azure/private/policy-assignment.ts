import { ManagementGroupPolicyAssignment } from "@cdktf/provider-azurerm/lib/management-group-policy-assignment";
import { ResourceGroupPolicyAssignment } from "@cdktf/provider-azurerm/lib/resource-group-policy-assignment";
import { SubscriptionPolicyAssignment } from "@cdktf/provider-azurerm/lib/subscription-policy-assignment";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { invalidValue } from "../../core/errors";
import { PolicyScope, PolicyScopeType } from "../../core/policy-scope";
import { isUnresolved } from "../../core/validation";

// Assignment names: ARM allows 64 characters at subscription and resource group scope, 24 at
// management group scope, and none of <>*%&:\?.+/ nor a trailing space
// (learn.microsoft.com … governance/policy/concepts/assignment-structure).
const NAME_FORBIDDEN = /[<>*%&:\\?.+/]/;

/** Validates a policy assignment name for a scope type. Tokens pass through. */
export function validatePolicyAssignmentName(scope: Construct, prop: string, name: string, type: PolicyScopeType): string {
  if (isUnresolved(name)) return name;
  const max = type === PolicyScopeType.MANAGEMENT_GROUP ? 24 : 64;
  if (typeof name !== "string" || name.length === 0 || name.length > max || NAME_FORBIDDEN.test(name) || name.endsWith(" ")) {
    const length = typeof name === "string" && name.length > max ? ` It has ${name.length} characters.` : "";
    invalidValue(scope, prop, name, `an assignment name of 1-${max} characters (${type} scope) without < > * % & : \\ ? . + / or a trailing space`, length.trim() || undefined);
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
  /** Required with an identity (DINE/Modify policies). */
  readonly location?: string;
  readonly identity?: { readonly type: string };
  readonly provider?: TerraformProvider;
}

/** Any of the three azurerm assignment resources. */
export type PolicyAssignmentResource = SubscriptionPolicyAssignment | ManagementGroupPolicyAssignment | ResourceGroupPolicyAssignment;

/**
 * Creates the azurerm assignment resource that matches the scope type, with construct ID `id`:
 * the one place that maps a scope to `azurerm_{subscription,management_group,resource_group}_policy_assignment`.
 */
export function assignPolicy(scope: Construct, id: string, args: PolicyAssignmentArgs): PolicyAssignmentResource {
  const common = {
    name: args.name,
    policyDefinitionId: args.policyDefinitionId,
    displayName: args.displayName,
    description: args.description,
    parameters: args.parameters,
    enforce: args.enforce,
    notScopes: args.notScopes,
    location: args.location,
    identity: args.identity,
    provider: args.provider,
  };
  switch (args.scope.type) {
    case PolicyScopeType.SUBSCRIPTION:
      return new SubscriptionPolicyAssignment(scope, id, { ...common, subscriptionId: args.scope.id });
    case PolicyScopeType.MANAGEMENT_GROUP:
      return new ManagementGroupPolicyAssignment(scope, id, { ...common, managementGroupId: args.scope.id });
    case PolicyScopeType.RESOURCE_GROUP:
      return new ResourceGroupPolicyAssignment(scope, id, { ...common, resourceGroupId: args.scope.id });
  }
}
