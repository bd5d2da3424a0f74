import { Construct } from "constructs";
import { ARC_DEFENDER_POLICY_DEFAULT_EXCLUDED_DISTRIBUTIONS, BuiltInPolicies, BuiltInPolicy, BuiltInPolicyParameter } from "../core/catalog";
import { AzureResourceIdFormats, parseAzureResourceId, ParsedAzureResourceId } from "../core/azure-resource-id";
import { PolicyScope, PolicyScopeType } from "../core/policy-scope";
import { isUnresolved, validateNonEmptyUnique, validatePattern } from "../core/validation";
import { ClusterPolicyAssignmentProps, DinePolicyAssignment } from "./dine-policy-assignment";
import { createClusterAssignments, resolveClusterAssignment } from "./private/cluster-policy-assignments";
import { checkProps } from "../core/check-props";

/** Props of {@link DefenderWorkspaceAssignment}. */
export interface DefenderWorkspaceAssignmentProps extends ClusterPolicyAssignmentProps {
  /**
   * The Log Analytics workspace the sensor reports to, e.g. `DefenderWorkspace.workspaceResourceId`
   * (the policies' `logAnalyticsWorkspaceResourceId` parameter). A literal ID is checked and its
   * fixed segments normalized to canonical casing, as {@link AksDefenderSensor} does.
   */
  readonly logAnalyticsWorkspaceResourceId: string;
  /**
   * Arc cluster distributions the Arc policy skips (its `excludedDistributions` parameter).
   * @default ["aks", "aks_management", "eks", "gke"] — the policy's default: those get the sensor another way
   */
  readonly excludedDistributions?: string[];
  /**
   * Grant the roles of policy versions before 2024-07 (Contributor + Log Analytics Contributor)
   * instead of the current pair (Defender Containers Sensor `5e93ba01…` + Defender Kubernetes Agent
   * Operator `8bb6f106…`). Only for tenants whose reviews or tooling expect the older set (as
   * Microsoft's `terraform-azure-mdc-defender-plans-azure` module still grants); Contributor is far broader.
   * @default false
   */
  readonly legacyRoles?: boolean;
  /**
   * Also grant the roles on the workspace when it may lie outside the assignment scope (another
   * subscription or resource group, or a reference whose place is unknown at synth). The policy
   * deployment reads the workspace's keys; the portal does the same for this parameter
   * (`assignPermissions: true`).
   * @default true
   */
  readonly grantOnWorkspace?: boolean;
}

/**
 * The custom-workspace assignment of Defender for Containers through Azure Policy: DeployIfNotExists
 * assignments of "Configure AKS clusters to enable Defender profile" (`64def556…`) and/or "Configure
 * Arc-enabled clusters to install the Defender extension" (`708b60a6…`) with your workspace, so every
 * cluster in the scope — including those this app does not define — reports to it.
 *
 * Each assignment gets a system-assigned identity, the role assignments the policy's deployment
 * needs, and optionally a remediation task for clusters that already exist.
 *
 * Turn the plan's sensor auto-provisioning off (`DefenderForContainersPlan` `sensorAutoProvisioning: false`)
 * where this is used: auto-provisioning assigns the same AKS policy with Defender's default
 * workspace, and the two would race for each new cluster.
 */
export class DefenderWorkspaceAssignment extends Construct {
  /** The AKS assignment (`64def556…`), unless only Arc clusters are targeted. */
  public readonly aks?: DinePolicyAssignment;
  /** The Arc assignment (`708b60a6…`), unless only AKS clusters are targeted. */
  public readonly arc?: DinePolicyAssignment;
  /** The workspace ID written to the assignments (normalized when it was a literal). */
  public readonly logAnalyticsWorkspaceResourceId: string;

  constructor(scope: Construct, id: string, props: DefenderWorkspaceAssignmentProps) {
    super(scope, id);
    checkProps(this, props, "DefenderWorkspaceAssignmentProps");
    const resolved = resolveClusterAssignment(this, props);
    const workspace = parseAzureResourceId(
      this,
      "logAnalyticsWorkspaceResourceId",
      props.logAnalyticsWorkspaceResourceId,
      AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE,
    );
    this.logAnalyticsWorkspaceResourceId = workspace?.id ?? props.logAnalyticsWorkspaceResourceId;
    const excludedDistributions = props.excludedDistributions ?? [...ARC_DEFENDER_POLICY_DEFAULT_EXCLUDED_DISTRIBUTIONS];
    if (props.excludedDistributions !== undefined && props.excludedDistributions.length > 0) {
      validateNonEmptyUnique(this, "excludedDistributions", excludedDistributions, (d) => d, "distribution");
      excludedDistributions.forEach((d, i) =>
        validatePattern(this, `excludedDistributions[${i}]`, d, /^[A-Za-z0-9_.-]+$/, "a distribution name such as aks, eks, gke, k3s or openshift"),
      );
    }

    const grantOnWorkspace = (props.grantOnWorkspace ?? true) && !workspaceInsideScope(workspace, resolved.policyScope);
    const roles = (policy: BuiltInPolicy) => (props.legacyRoles ? policy.legacyRoleDefinitionIds : policy.roleDefinitionIds);
    const additionalRoleScopes = grantOnWorkspace ? { workspace: this.logAnalyticsWorkspaceResourceId } : undefined;
    const workspaceParameter = { [BuiltInPolicyParameter.LOG_ANALYTICS_WORKSPACE_RESOURCE_ID]: this.logAnalyticsWorkspaceResourceId };

    const created = createClusterAssignments(this, props, resolved, {
      aks: {
        policy: BuiltInPolicies.AKS_DEFENDER_PROFILE,
        nameSuffix: "aks-defender",
        parameters: workspaceParameter,
        roleDefinitionIds: roles(BuiltInPolicies.AKS_DEFENDER_PROFILE),
        additionalRoleScopes,
      },
      arc: {
        policy: BuiltInPolicies.ARC_DEFENDER_EXTENSION,
        nameSuffix: "arc-defender",
        parameters: { ...workspaceParameter, [BuiltInPolicyParameter.EXCLUDED_DISTRIBUTIONS]: excludedDistributions },
        roleDefinitionIds: roles(BuiltInPolicies.ARC_DEFENDER_EXTENSION),
        additionalRoleScopes,
      },
    });
    this.aks = created.aks;
    this.arc = created.arc;
  }
}

/** True when the workspace is known to lie inside the assignment scope (its roles then cover it). */
function workspaceInsideScope(workspace: ParsedAzureResourceId | undefined, policyScope: PolicyScope): boolean {
  const parsed = policyScope.parsed;
  if (!workspace || !parsed || isUnresolved(policyScope.id)) return false;
  const sameSubscription = (sub: string | undefined) => sub !== undefined && sub.toLowerCase() === workspace.subscriptionId?.toLowerCase();
  switch (policyScope.type) {
    case PolicyScopeType.SUBSCRIPTION:
      return sameSubscription(parsed.name);
    case PolicyScopeType.RESOURCE_GROUP:
      return sameSubscription(parsed.subscriptionId) && parsed.name.toLowerCase() === workspace.resourceGroupName?.toLowerCase();
    default:
      // A management group's subscriptions are not known at synth.
      return false;
  }
}
