import { Fn } from "cdktf";
import { IConstruct } from "constructs";
import { AzureResourceIdFormats, isAzureResourceId, parseAzureResourceId, ParsedAzureResourceId } from "./azure-resource-id";
import { builtInRoleDefinitionId } from "./catalog/azure";
import { DefenderValidationError, invalidValue } from "./errors";
import { isUnresolved } from "./validation";

/** Where an Azure Policy assignment is made; decides which azurerm resource type carries it. */
export enum PolicyScopeType {
  /** `azurerm_subscription_policy_assignment`, scope `/subscriptions/<id>`. */
  SUBSCRIPTION = "subscription",
  /** `azurerm_management_group_policy_assignment`, scope `/providers/Microsoft.Management/managementGroups/<id>`. */
  MANAGEMENT_GROUP = "managementGroup",
  /** `azurerm_resource_group_policy_assignment`, scope `/subscriptions/<id>/resourceGroups/<name>`. */
  RESOURCE_GROUP = "resourceGroup",
}

/** A validated policy assignment scope. */
export interface PolicyScope {
  readonly type: PolicyScopeType;
  /** The scope ID, in canonical casing when it was a literal. */
  readonly id: string;
  /** Parts of a literal ID; undefined for an unresolved reference. */
  readonly parsed?: ParsedAzureResourceId;
}

const FORMATS = [
  [PolicyScopeType.SUBSCRIPTION, AzureResourceIdFormats.SUBSCRIPTION],
  [PolicyScopeType.MANAGEMENT_GROUP, AzureResourceIdFormats.MANAGEMENT_GROUP],
  [PolicyScopeType.RESOURCE_GROUP, AzureResourceIdFormats.RESOURCE_GROUP],
] as const;

const SCOPE_FORM =
  "a subscription ID (/subscriptions/<GUID>), a management group ID (/providers/Microsoft.Management/managementGroups/<id>) or a resource group ID (/subscriptions/<GUID>/resourceGroups/<name>)";

/**
 * Validates a policy assignment scope and tells which kind it is from the ID's form. An unresolved
 * reference cannot be classified at synth, so it needs `type` (named `typeProp` in errors); a
 * literal given together with a `type` must be of that type.
 */
export function resolvePolicyScope(scope: IConstruct, prop: string, value: string, type?: PolicyScopeType, typeProp = "scopeType"): PolicyScope {
  if (isUnresolved(value)) {
    if (type === undefined) {
      invalidValue(scope, typeProp, type, `a PolicyScopeType when ${prop} is an unresolved reference, since the assignment resource type is chosen from the ID's form`);
    }
    return { type, id: value };
  }
  for (const [candidate, format] of FORMATS) {
    if (!isAzureResourceId(value, format)) continue;
    if (type !== undefined && type !== candidate) {
      throw new DefenderValidationError(scope, `${typeProp}: got "${type}" but ${prop} ${JSON.stringify(value)} is a ${candidate} ID; expected them to agree (or leave ${typeProp} unset).`);
    }
    const parsed = parseAzureResourceId(scope, prop, value, format)!;
    return { type: candidate, id: parsed.id, parsed };
  }
  invalidValue(scope, prop, value, SCOPE_FORM);
}

/** The subscription ID of a policy scope, if known at synth. */
export function subscriptionOfScope(policyScope: PolicyScope): string | undefined {
  if (!policyScope.parsed) return undefined;
  return policyScope.type === PolicyScopeType.SUBSCRIPTION ? policyScope.parsed.name : policyScope.parsed.subscriptionId;
}

/**
 * The role definition ID of a built-in role in the form ARM returns for a role assignment at
 * `scopeId`: subscription-qualified below a subscription, unqualified at a management group.
 * `azurerm_role_assignment.role_definition_id` is ForceNew and only case differences are
 * suppressed, so the other form would replace the assignment on every plan.
 * For an unresolved scope inside a subscription the subscription is cut from the ID by Terraform.
 */
export function roleDefinitionIdAtScope(roleName: string, scopeId: string, atManagementGroup: boolean): string {
  if (atManagementGroup) return builtInRoleDefinitionId(roleName);
  if (isUnresolved(scopeId)) {
    return `${Fn.join("/", Fn.slice(Fn.split("/", scopeId), 0, 3))}${builtInRoleDefinitionId(roleName)}`;
  }
  const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(scopeId)?.[1];
  return builtInRoleDefinitionId(roleName, subscriptionId);
}

const ARM_SCOPE = /^\/(?:subscriptions\/[^/]+|providers\/Microsoft\.Management\/managementGroups\/[^/]+)(?:\/[^/]+\/[^/]+)*$/i;

/**
 * Validates the `notScopes` of an assignment at `policyScope`: ARM scope IDs, each once, each strictly
 * inside the assignment's scope. An excluded scope equal to the assignment's scope, or above it (the
 * subscription of a resource-group assignment), switches the assignment off everywhere while it still
 * shows as assigned. Below a management group the children are not visible in the IDs, so only the
 * group itself is refused there. Tokens pass through.
 */
export function validateNotScopes(scope: IConstruct, prop: string, notScopes: readonly string[] | undefined, policyScope: PolicyScope): void {
  if (notScopes === undefined || isUnresolved(notScopes) || isUnresolved(policyScope.id)) return;
  const own = policyScope.id.toLowerCase().replace(/\/+$/, "");
  const seen = new Map<string, number>();
  notScopes.forEach((notScope, index) => {
    if (isUnresolved(notScope)) return;
    const at = `${prop}[${index}]`;
    if (typeof notScope !== "string" || !ARM_SCOPE.test(notScope)) {
      invalidValue(scope, at, notScope, "an Azure scope ID such as /subscriptions/<GUID>/resourceGroups/<name>");
    }
    const folded = notScope.toLowerCase().replace(/\/+$/, "");
    const first = seen.get(folded);
    if (first !== undefined) invalidValue(scope, at, notScope, "each excluded scope once", `It is also ${prop}[${first}].`);
    seen.set(folded, index);
    const inside = policyScope.type === PolicyScopeType.MANAGEMENT_GROUP ? folded !== own : folded.startsWith(`${own}/`);
    if (!inside) {
      invalidValue(
        scope,
        at,
        notScope,
        `a scope inside the assignment's scope ${policyScope.id}`,
        "Excluding the assignment's own scope, or a scope above it, switches the assignment off everywhere.",
      );
    }
  });
}
