import { TerraformProvider } from "cdktf";
import { DefenderForContainersPlan, DefenderForContainersPlanProps } from "../azure/defender-for-containers-plan";
import { DefenderWorkspaceProps, IDefenderWorkspace } from "../azure/defender-workspace";
import { PolicyScopeType } from "../core/policy-scope";

/** Props every environment pattern shares: the plan, the workspace and the policy path. */
export interface DefenderPatternProps {
  /** Region of the workspace the pattern creates and of the policy assignments' identities, e.g. `westeurope`. */
  readonly location: string;
  /**
   * Use this plan instead of creating one (a subscription has exactly one Containers plan: share it
   * between patterns of the same subscription).
   * @default - a new DefenderForContainersPlan
   */
  readonly plan?: DefenderForContainersPlan;
  /**
   * Props of the plan the pattern creates. Unless set here, `sensorAutoProvisioning` is turned off
   * when `policyScopeId` is set: auto-provisioning assigns the same policy with Defender's default
   * workspace, and the two would race for each new cluster.
   * @default - every extension on
   */
  readonly planOptions?: DefenderForContainersPlanProps;
  /**
   * Use this workspace instead of creating one: `DefenderWorkspace.fromAttributes(...)` for an existing
   * one, or a `DefenderWorkspace` shared with another pattern.
   * @default - a new DefenderWorkspace in `workspaceResourceGroupName`
   */
  readonly workspace?: IDefenderWorkspace;
  /**
   * @deprecated Use `workspace` (`DefenderWorkspace.fromAttributes({ workspaceResourceId })`); kept until 0.2.
   * Use an existing Log Analytics workspace instead of creating one.
   * @default - a new DefenderWorkspace in `workspaceResourceGroupName`
   */
  readonly workspaceResourceId?: string;
  /**
   * Resource group of the workspace the pattern creates; required unless `workspaceResourceId` is given.
   * @default - none
   */
  readonly workspaceResourceGroupName?: string;
  /**
   * More props of the workspace the pattern creates (name, retention, tags…).
   * @default - DefenderWorkspace defaults (prevent_destroy on, 30 days)
   */
  readonly workspaceOptions?: Partial<DefenderWorkspaceProps>;
  /**
   * Govern every cluster in this scope (subscription, management group or resource group ID)
   * through Azure Policy: the custom-workspace assignment and the policy add-on assignment,
   * with remediation. This is the path for clusters this app does not define.
   * @default - no policy assignments
   */
  readonly policyScopeId?: string;
  /**
   * With `policyScopeId`: assign the custom-workspace (Defender sensor) policy. Turn off to assign
   * only the policy add-on / extension policy at that scope.
   * @default true
   */
  readonly sensorPolicy?: boolean;
  /**
   * The kind of `policyScopeId`, when it is a reference.
   * @default - taken from the form of `policyScopeId`
   */
  readonly policyScopeType?: PolicyScopeType;
  /**
   * Create remediation tasks with the assignments, so existing clusters are fixed too.
   * @default true
   */
  readonly remediate?: boolean;
  /**
   * azurerm provider for everything the pattern creates.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}
