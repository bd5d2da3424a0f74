import { Construct } from "constructs";
import { DefenderForContainersPlan, DefenderWorkspace } from "../../azure";
import { DefenderPatternProps } from "../defender-pattern-props";
import { planAndWorkspace } from "./plan-and-workspace";

/** What the Azure patterns (AKS, Arc) share: the plan and the workspace, created or given. Not exported from the package. */
export abstract class AzureDefenderPattern extends Construct {
  /** The plan (created or given). */
  public readonly plan: DefenderForContainersPlan;
  /** The workspace, when the pattern created it. */
  public readonly workspace?: DefenderWorkspace;
  /** The workspace the sensors and assignments use. */
  public readonly workspaceResourceId: string;

  protected constructor(scope: Construct, id: string, props: DefenderPatternProps) {
    super(scope, id);
    const base = planAndWorkspace(this, props);
    this.plan = base.plan;
    this.workspace = base.workspace;
    this.workspaceResourceId = base.workspaceResourceId;
  }
}
