import { ManagementGroupPolicyRemediation } from "@cdktf/provider-azurerm/lib/management-group-policy-remediation";
import { ResourceGroupPolicyRemediation } from "@cdktf/provider-azurerm/lib/resource-group-policy-remediation";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { SubscriptionPolicyRemediation } from "@cdktf/provider-azurerm/lib/subscription-policy-remediation";
import { TerraformProvider, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { BuiltInPolicy, builtInPolicyDefinitionId, BuiltInPolicyParameter, BuiltInRole } from "../core/catalog";
import { PolicyScope, PolicyScopeType, roleDefinitionIdAtScope, validateNotScopes } from "../core/policy-scope";
import { validateAzureRegion } from "../core/region";
import { assignPolicy, PolicyAssignmentResource, validatePolicyAssignmentName } from "./private/policy-assignment";
import { checkProps } from "../core/check-props";

/** Effect of a DeployIfNotExists policy assignment. */
export enum DineEffect {
  /** Deploy the missing setting on non-compliant resources (the policies' default). */
  DEPLOY_IF_NOT_EXISTS = "DeployIfNotExists",
  /** Keep the assignment but evaluate nothing. */
  DISABLED = "Disabled",
}

/** How a remediation task finds the resources to fix. */
export enum RemediationDiscoveryMode {
  /**
   * Re-evaluate compliance first, then remediate. Right after an assignment is created no
   * compliance scan has run yet, so this is the mode that finds the existing clusters.
   */
  RE_EVALUATE_COMPLIANCE = "ReEvaluateCompliance",
  /** Remediate what the last compliance scan reported as non-compliant. */
  EXISTING_NON_COMPLIANT = "ExistingNonCompliant",
}

/** Props of {@link DinePolicyAssignment}. */
export interface DinePolicyAssignmentProps {
  /** The built-in policy to assign (from `BuiltInPolicies`). */
  readonly policy: BuiltInPolicy;
  /** Where to assign it, from `resolvePolicyScope`. */
  readonly policyScope: PolicyScope;
  /**
   * Assignment name: 1-64 characters (1-24 at a management group), none of `< > * % & : \ ? . + /`,
   * not ending in a space (ARM naming rules for `Microsoft.Authorization/policyAssignments`).
   */
  readonly name: string;
  /** Region of the assignment's managed identity, e.g. `westeurope` (DINE assignments need one). */
  readonly location: string;
  /**
   * Policy parameters by name; each is written as `{"<name>": {"value": <value>}}`, in the given order.
   * @default - none (the policy's defaults)
   */
  readonly parameters?: Record<string, unknown>;
  /**
   * Role definition names (GUIDs) the identity gets, at the assignment scope and at each of
   * `additionalRoleScopes`.
   * @default - the policy's current `roleDefinitionIds`
   */
  readonly roleDefinitionIds?: readonly string[];
  /**
   * More scopes that need the same roles, by a label used in construct IDs, e.g. `{ workspace: <id> }`
   * for a workspace outside the assignment scope (what the portal does for parameters marked `assignPermissions`).
   * @default - none
   */
  readonly additionalRoleScopes?: Record<string, string>;
  /**
   * Effect parameter.
   * @default DineEffect.DEPLOY_IF_NOT_EXISTS
   */
  readonly effect?: DineEffect;
  /**
   * Create a remediation task so clusters that already exist are fixed, not only new or updated ones.
   * @default false
   */
  readonly remediate?: boolean;
  /**
   * Discovery mode of the remediation task. Management-group remediations do not support it and
   * always use the last compliance scan.
   * @default RemediationDiscoveryMode.RE_EVALUATE_COMPLIANCE
   */
  readonly remediationDiscoveryMode?: RemediationDiscoveryMode;
  /**
   * Resource IDs inside the scope the assignment skips.
   * @default - none
   */
  readonly notScopes?: readonly string[];
  /**
   * Display name of the assignment.
   * @default - the policy's display name
   */
  readonly displayName?: string;
  /**
   * azurerm provider for every resource.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}


/**
 * One DeployIfNotExists assignment of a built-in policy with everything it needs to work: a
 * system-assigned identity and `location`, a role assignment per role the policy's deployment
 * uses, and optionally a remediation task (ordered after the role assignments, so its first
 * deployments do not fail on missing permissions).
 *
 * The azurerm resource type follows the scope: `azurerm_subscription_policy_assignment`,
 * `azurerm_management_group_policy_assignment` or `azurerm_resource_group_policy_assignment`
 * (and the matching `*_policy_remediation`).
 */
export class DinePolicyAssignment extends Construct {
  /** The policy assignment resource. */
  public readonly assignment: PolicyAssignmentResource;
  /** ID of the assignment. */
  public readonly assignmentId: string;
  /** Principal (object) ID of the assignment's system-assigned identity. */
  public readonly principalId: string;
  /** Role assignments of the identity, in creation order. */
  public readonly roleAssignments: RoleAssignment[] = [];
  /** The remediation task, when `remediate` is on. */
  public readonly remediation?: TerraformResource;

  constructor(scope: Construct, id: string, props: DinePolicyAssignmentProps) {
    super(scope, id);
    checkProps(this, props, "DinePolicyAssignmentProps");
    const { policyScope, provider } = props;
    const atManagementGroup = policyScope.type === PolicyScopeType.MANAGEMENT_GROUP;
    validatePolicyAssignmentName(this, "name", props.name, policyScope.type);
    validateNotScopes(this, "notScopes", props.notScopes, policyScope);

    const location = validateAzureRegion(this, "location", props.location);
    const parameters = { [BuiltInPolicyParameter.EFFECT]: props.effect ?? DineEffect.DEPLOY_IF_NOT_EXISTS, ...props.parameters };
    const common = {
      name: props.name,
      policyDefinitionId: builtInPolicyDefinitionId(props.policy),
      displayName: props.displayName ?? props.policy.displayName,
      description: `Defender for Containers (cdktf-defender-for-containers): built-in policy ${props.policy.name}.`,
      location,
      identity: { type: "SystemAssigned" },
      parameters: JSON.stringify(Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, { value }]))),
      notScopes: props.notScopes?.length ? [...props.notScopes] : undefined,
      provider,
    };
    this.assignment = assignPolicy(this, "assignment", { ...common, scope: policyScope });
    this.assignmentId = this.assignment.id;
    this.principalId = this.assignment.identity.principalId;

    const roles = props.roleDefinitionIds ?? props.policy.roleDefinitionIds;
    const extraScopes = Object.entries(props.additionalRoleScopes ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const scopes: [string, string, boolean][] = [["", policyScope.id, atManagementGroup], ...extraScopes.map(([label, scopeId]): [string, string, boolean] => [`-${label}`, scopeId, false])];
    for (const [suffix, scopeId, isManagementGroup] of scopes) {
      for (const role of roles) {
        this.roleAssignments.push(
          new RoleAssignment(this, `role-${roleSlug(role)}${suffix}`, {
            scope: scopeId,
            roleDefinitionId: roleDefinitionIdAtScope(role, scopeId, isManagementGroup),
            principalId: this.principalId,
            // The identity is created in the same apply; skip the directory lookup that fails on replication lag.
            skipServicePrincipalAadCheck: true,
            description: `Identity of policy assignment ${props.name} (built-in policy ${props.policy.name}).`,
            provider,
          }),
        );
      }
    }

    if (props.remediate) {
      const remediation = {
        name: `${props.name}-remediation`,
        policyAssignmentId: this.assignmentId,
        dependsOn: this.roleAssignments,
        provider,
      };
      const resourceDiscoveryMode = props.remediationDiscoveryMode ?? RemediationDiscoveryMode.RE_EVALUATE_COMPLIANCE;
      switch (policyScope.type) {
        case PolicyScopeType.SUBSCRIPTION:
          this.remediation = new SubscriptionPolicyRemediation(this, "remediation", { ...remediation, subscriptionId: policyScope.id, resourceDiscoveryMode });
          break;
        case PolicyScopeType.MANAGEMENT_GROUP:
          this.remediation = new ManagementGroupPolicyRemediation(this, "remediation", { ...remediation, managementGroupId: policyScope.id });
          break;
        case PolicyScopeType.RESOURCE_GROUP:
          this.remediation = new ResourceGroupPolicyRemediation(this, "remediation", { ...remediation, resourceGroupId: policyScope.id, resourceDiscoveryMode });
          break;
      }
    }
  }
}

/** `5e93ba01-…` → `defender-containers-sensor` (readable Terraform addresses); unknown roles keep their GUID. */
function roleSlug(roleName: string): string {
  const entry = Object.entries(BuiltInRole).find(([, guid]) => guid === roleName);
  return entry ? entry[0].toLowerCase().replace(/_/g, "-") : roleName.toLowerCase();
}

/** Which clusters a fleet-wide policy assignment governs. */
export enum TargetClusters {
  /** AKS clusters (`Microsoft.ContainerService/managedClusters`). */
  AKS = "aks",
  /** Arc-enabled clusters (`Microsoft.Kubernetes/connectedClusters`). */
  ARC = "arc",
  /** Both: one assignment per policy. */
  AKS_AND_ARC = "aks-and-arc",
}

/** Props shared by the fleet-wide assignments ({@link DefenderWorkspaceAssignment}, {@link PolicyAddonAssignment}). */
export interface ClusterPolicyAssignmentProps {
  /**
   * Where to assign: a subscription ID (`/subscriptions/<GUID>`), a management group ID
   * (`/providers/Microsoft.Management/managementGroups/<id>`) or a resource group ID. The form of
   * the ID picks the azurerm resource type.
   */
  readonly scopeId: string;
  /**
   * The kind of `scopeId`. Only needed when `scopeId` is a reference (e.g. `resourceGroup.id`),
   * whose form is unknown at synth.
   * @default - taken from the form of `scopeId`
   */
  readonly scopeType?: PolicyScopeType;
  /** Region of the assignments' managed identities, e.g. `westeurope` (DINE assignments need one). */
  readonly location: string;
  /**
   * Which clusters to govern.
   * @default TargetClusters.AKS_AND_ARC
   */
  readonly clusters?: TargetClusters;
  /**
   * Effect of the assignments.
   * @default DineEffect.DEPLOY_IF_NOT_EXISTS
   */
  readonly effect?: DineEffect;
  /**
   * Create remediation tasks so clusters that already exist are fixed too. Off by default here
   * because a remediation starts deployments on every non-compliant cluster at apply; the patterns
   * turn it on.
   * @default false
   */
  readonly remediate?: boolean;
  /**
   * Discovery mode of the remediation tasks (subscription and resource group scopes only).
   * @default RemediationDiscoveryMode.RE_EVALUATE_COMPLIANCE
   */
  readonly remediationDiscoveryMode?: RemediationDiscoveryMode;
  /**
   * Prefix of the assignment names (`<prefix>-aks-…`, `<prefix>-arc-…`). Names are at most 24
   * characters at a management group, so keep it short there.
   * @default "mdc"
   */
  readonly namePrefix?: string;
  /**
   * Resource IDs inside the scope to leave out (e.g. a sandbox resource group).
   * @default - none
   */
  readonly notScopes?: string[];
  /**
   * azurerm provider for every resource.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}
