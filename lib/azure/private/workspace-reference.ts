import { IConstruct } from "constructs";
import { DefenderValidationError } from "../../core/errors";
import { IDefenderWorkspace } from "../defender-workspace";

/** The workspace props of a construct that takes either `workspace` or the deprecated `workspaceResourceId`. */
export interface WorkspaceProps {
  readonly workspace?: IDefenderWorkspace;
  readonly workspaceResourceId?: string;
}

/**
 * The workspace resource ID from `workspace`, or from the deprecated `workspaceResourceId`: exactly one
 * of them must be given, so the two cannot disagree.
 */
export function workspaceResourceIdOf(scope: IConstruct, props: WorkspaceProps): string {
  if (props.workspace !== undefined && props.workspaceResourceId !== undefined) {
    throw new DefenderValidationError(scope, "workspace: got both workspace and workspaceResourceId; expected workspace alone (workspaceResourceId is deprecated).");
  }
  const id = props.workspace?.workspaceResourceId ?? props.workspaceResourceId;
  if (id === undefined) {
    throw new DefenderValidationError(scope, "workspace: got undefined; expected an IDefenderWorkspace: a DefenderWorkspace, or DefenderWorkspace.fromAttributes(...) for an existing one.");
  }
  return id;
}
