import { Construct } from "constructs";
import { BuiltInPolicies } from "../core/catalog";
import { ClusterPolicyAssignmentProps, DinePolicyAssignment } from "./dine-policy-assignment";
import { createClusterAssignments, resolveClusterAssignment } from "./private/cluster-policy-assignments";
import { checkProps } from "../core/check-props";

/** Props of {@link PolicyAddonAssignment}. */
export interface PolicyAddonAssignmentProps extends ClusterPolicyAssignmentProps {}

/**
 * Installs Azure Policy on every cluster of a scope through DeployIfNotExists assignments: the
 * AKS add-on ("Deploy Azure Policy Add-on to AKS clusters", `a8eff44f…`; roles AKS Contributor
 * Role + AKS Policy Add-on Deployment) and/or the Arc extension ("Configure Arc-enabled clusters
 * to install the Azure Policy extension", `0adc5395…`; role Kubernetes Extension Contributor).
 * Defender for Containers needs it for its Kubernetes data-plane recommendations.
 *
 * Same scope handling, identity, roles and remediation as {@link DefenderWorkspaceAssignment}.
 */
export class PolicyAddonAssignment extends Construct {
  /** The AKS assignment (`a8eff44f…`), unless only Arc clusters are targeted. */
  public readonly aks?: DinePolicyAssignment;
  /** The Arc assignment (`0adc5395…`), unless only AKS clusters are targeted. */
  public readonly arc?: DinePolicyAssignment;

  constructor(scope: Construct, id: string, props: PolicyAddonAssignmentProps) {
    super(scope, id);
    checkProps(this, props, "PolicyAddonAssignmentProps");
    const resolved = resolveClusterAssignment(this, props);
    const created = createClusterAssignments(this, props, resolved, {
      aks: { policy: BuiltInPolicies.AKS_POLICY_ADDON, nameSuffix: "aks-policy-addon" },
      arc: { policy: BuiltInPolicies.ARC_POLICY_EXTENSION, nameSuffix: "arc-policy-ext" },
    });
    this.aks = created.aks;
    this.arc = created.arc;
  }
}
