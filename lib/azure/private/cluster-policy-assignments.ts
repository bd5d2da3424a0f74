import { Construct } from "constructs";
import { BuiltInPolicy } from "../../core/catalog";
import { DefenderValidationError } from "../../core/errors";
import { PolicyScope, PolicyScopeType, resolvePolicyScope } from "../../core/policy-scope";
import { validateAzureRegion } from "../../core/region";
import { isUnresolved, validatePattern } from "../../core/validation";
import { ClusterPolicyAssignmentProps, DinePolicyAssignment, TargetClusters } from "../dine-policy-assignment";

// Shared by DefenderWorkspaceAssignment and PolicyAddonAssignment: validation of the common props
// and one DinePolicyAssignment per cluster kind. Not exported from the package.

/** The common props, validated. */
export interface ResolvedClusterAssignment {
  readonly policyScope: PolicyScope;
  readonly location: string;
  readonly targets: TargetClusters;
}

/** What to assign for one cluster kind. */
export interface ClusterPolicySpec {
  readonly policy: BuiltInPolicy;
  /** Appended to `<namePrefix>-`. */
  readonly nameSuffix: string;
  readonly parameters?: Record<string, unknown>;
  readonly roleDefinitionIds?: readonly string[];
  readonly additionalRoleScopes?: Record<string, string>;
}

const RESOURCE_ID = /^\/(?:subscriptions|providers)\/.+[^/]$/;

/** Validates the common props (scope, location, notScopes) eagerly, in the wrapper's own path. */
export function resolveClusterAssignment(scope: Construct, props: ClusterPolicyAssignmentProps): ResolvedClusterAssignment {
  const policyScope = resolvePolicyScope(scope, "scopeId", props.scopeId, props.scopeType);
  const location = validateAzureRegion(scope, "location", props.location);
  (props.notScopes ?? []).forEach((notScope, i) =>
    validatePattern(scope, `notScopes[${i}]`, notScope, RESOURCE_ID, "an Azure resource ID starting with /subscriptions/ or /providers/"),
  );
  return { policyScope, location, targets: props.clusters ?? TargetClusters.AKS_AND_ARC };
}

/** One assignment per requested cluster kind, with construct IDs `aks` and `arc`. */
export function createClusterAssignments(
  scope: Construct,
  props: ClusterPolicyAssignmentProps,
  resolved: ResolvedClusterAssignment,
  specs: { readonly aks: ClusterPolicySpec; readonly arc: ClusterPolicySpec },
): { aks?: DinePolicyAssignment; arc?: DinePolicyAssignment } {
  const prefix = props.namePrefix ?? "mdc";
  const maxLength = resolved.policyScope.type === PolicyScopeType.MANAGEMENT_GROUP ? 24 : 64;
  const kinds = (["aks", "arc"] as const).filter((kind) => resolved.targets === TargetClusters.AKS_AND_ARC || resolved.targets === kind);
  for (const kind of kinds) {
    const name = `${prefix}-${specs[kind].nameSuffix}`;
    if (!isUnresolved(prefix) && name.length > maxLength) {
      throw new DefenderValidationError(
        scope,
        `namePrefix: got ${JSON.stringify(prefix)}, which makes the assignment name ${JSON.stringify(name)} ${name.length} characters long; expected names of at most ${maxLength} characters at ${resolved.policyScope.type} scope.`,
      );
    }
  }
  const result: { aks?: DinePolicyAssignment; arc?: DinePolicyAssignment } = {};
  for (const kind of kinds) {
    const spec = specs[kind];
    result[kind] = new DinePolicyAssignment(scope, kind, {
      policy: spec.policy,
      policyScope: resolved.policyScope,
      name: `${prefix}-${spec.nameSuffix}`,
      location: resolved.location,
      parameters: spec.parameters,
      roleDefinitionIds: spec.roleDefinitionIds,
      additionalRoleScopes: spec.additionalRoleScopes,
      effect: props.effect,
      remediate: props.remediate,
      remediationDiscoveryMode: props.remediationDiscoveryMode,
      notScopes: props.notScopes,
      provider: props.provider,
    });
  }
  return result;
}
