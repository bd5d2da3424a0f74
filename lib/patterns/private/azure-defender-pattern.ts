import { Construct } from "constructs";
import { DefenderForContainersPlan } from "../../azure/defender-for-containers-plan";
import { DefenderWorkspace } from "../../azure/defender-workspace";
import { DefenderWorkspaceAssignment } from "../../azure/defender-workspace-assignment";
import { TargetClusters } from "../../azure/dine-policy-assignment";
import { PolicyAddonAssignment } from "../../azure/policy-addon-assignment";
import { DefenderPatternProps } from "../defender-pattern-props";
import { planAndWorkspace } from "./plan-and-workspace";

/** How a pattern governs the clusters of `policyScopeId`. */
export interface PatternPolicyOptions {
  /** The kind of cluster the assignments target. */
  readonly clusters: TargetClusters;
  /** Assign the add-on / extension policy too. */
  readonly addon: boolean;
  /** Construct ID of that assignment (kept per pattern: it is part of the Terraform addresses). */
  readonly addonAssignmentId: string;
  /** Assignment name prefix. */
  readonly namePrefix?: string;
  /** `excludedDistributions` of the Arc Defender policy. */
  readonly excludedDistributions?: string[];
}

/**
 * What the Azure patterns (AKS, Arc) share: the plan and the workspace, created or given, and the
 * DINE assignments at `policyScopeId`. Not exported from the package.
 */
export abstract class AzureDefenderPattern extends Construct {
  /** The plan (created or given). */
  public readonly plan: DefenderForContainersPlan;
  /** The workspace, when the pattern created it. */
  public readonly workspace?: DefenderWorkspace;
  /** The workspace the sensors and assignments use. */
  public readonly workspaceResourceId: string;
  /** The custom-workspace assignment, with `policyScopeId` (and `sensorPolicy`, default on). */
  public readonly workspaceAssignment?: DefenderWorkspaceAssignment;
  /** The policy add-on / extension assignment, with `policyScopeId`. */
  public readonly policyAddonAssignment?: PolicyAddonAssignment;

  protected constructor(scope: Construct, id: string, props: DefenderPatternProps, policy: PatternPolicyOptions) {
    super(scope, id);
    const base = planAndWorkspace(this, props);
    this.plan = base.plan;
    this.workspace = base.workspace;
    this.workspaceResourceId = base.workspaceResourceId;

    if (props.policyScopeId === undefined) return;
    const common = {
      scopeId: props.policyScopeId,
      scopeType: props.policyScopeType,
      location: props.location,
      clusters: policy.clusters,
      remediate: props.remediate ?? true,
      namePrefix: policy.namePrefix,
      provider: props.provider,
    };
    if (props.sensorPolicy ?? true) {
      this.workspaceAssignment = new DefenderWorkspaceAssignment(this, "workspace-assignment", {
        ...common,
        logAnalyticsWorkspaceResourceId: this.workspaceResourceId,
        excludedDistributions: policy.excludedDistributions,
      });
    }
    if (policy.addon) this.policyAddonAssignment = new PolicyAddonAssignment(this, policy.addonAssignmentId, common);
  }
}
