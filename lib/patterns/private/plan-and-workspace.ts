import { Construct } from "constructs";
import { DefenderForContainersPlan } from "../../azure/defender-for-containers-plan";
import { DefenderWorkspace, IDefenderWorkspace } from "../../azure/defender-workspace";
import { workspaceResourceIdOf } from "../../azure/private/workspace-reference";
import { DefenderValidationError } from "../../core/errors";
import { DefenderPatternProps } from "../defender-pattern-props";

// Shared by the environment patterns: the plan and the workspace. Not exported from the package.

/** The plan and workspace a pattern uses. */
export interface PlanAndWorkspace {
  readonly plan: DefenderForContainersPlan;
  readonly workspace?: DefenderWorkspace;
  /** The `workspace` prop: a workspace the pattern did not create. */
  readonly existingWorkspace?: IDefenderWorkspace;
  readonly workspaceResourceId: string;
}

/** Creates (or takes) the plan and the workspace, with construct IDs `plan` and `workspace`. */
export function planAndWorkspace(scope: Construct, props: DefenderPatternProps): PlanAndWorkspace {
  const plan =
    props.plan ??
    new DefenderForContainersPlan(scope, "plan", {
      sensorAutoProvisioning: props.policyScopeId === undefined,
      provider: props.provider,
      ...props.planOptions,
    });
  if (props.workspace !== undefined || props.workspaceResourceId !== undefined) {
    return { plan, existingWorkspace: props.workspace, workspaceResourceId: workspaceResourceIdOf(scope, props) };
  }
  const resourceGroupName = props.workspaceOptions?.resourceGroupName ?? props.workspaceResourceGroupName;
  if (resourceGroupName === undefined) {
    throw new DefenderValidationError(
      scope,
      "workspaceResourceGroupName: got undefined; expected the resource group of the workspace to create, or workspaceResourceId of an existing workspace.",
    );
  }
  const workspace = new DefenderWorkspace(scope, "workspace", {
    location: props.location,
    provider: props.provider,
    ...props.workspaceOptions,
    resourceGroupName,
  });
  return { plan, workspace, workspaceResourceId: workspace.workspaceResourceId };
}
