import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { dependable } from "cdktf";
import { Construct } from "constructs";
import { AzureResourceIdFormats, parseAzureResourceId } from "../core/azure-resource-id";
import { DefenderValidationError } from "../core/errors";
import { addIgnoreChanges, ignoresAttribute } from "../core/lifecycle";
import { checkProps } from "../core/check-props";
import { IDefenderPlan } from "./defender-for-containers-plan";
import { IDefenderWorkspace } from "./defender-workspace";
import { workspaceResourceIdOf } from "./private/workspace-reference";

/** Props of {@link AksDefenderSensor}. */
export interface AksDefenderSensorProps {
  /** An `azurerm_kubernetes_cluster` defined in this app. */
  readonly cluster: KubernetesCluster;
  /**
   * @deprecated Use `workspace` (an `IDefenderWorkspace`); kept until 0.2.
   * Log Analytics workspace the sensor reports to, e.g. `DefenderWorkspace.workspaceResourceId`.
   * A literal ID is checked and its fixed segments are normalized to canonical casing
   * (`resourceGroups`, `Microsoft.OperationalInsights`), the form azurerm reads back, so a
   * differently-cased ID copied from the portal does not cause a perpetual diff.
   */
  readonly workspaceResourceId?: string;
  /**
   * The Log Analytics workspace the sensor reports to: a `DefenderWorkspace`, or
   * `DefenderWorkspace.fromAttributes(...)` for an existing one. Give this or (deprecated) `workspaceResourceId`.
   * @default - none; required unless `workspaceResourceId` is given
   */
  readonly workspace?: IDefenderWorkspace;
  /**
   * The plan of the cluster's subscription. When given, the cluster is created after the plan
   * (the sensor needs the plan on; Microsoft's quickstart orders them the same way).
   * @default - no explicit dependency
   */
  readonly plan?: IDefenderPlan;
  /**
   * Add `microsoft_defender` to the cluster's `lifecycle.ignore_changes`. Use this when the
   * cluster is also governed by the DINE policy 64def556… or sensor auto-provisioning, which
   * rewrite the Defender profile and would otherwise show a diff on every plan (azurerm #17663,
   * terraform-azurerm-aks #329/#495). Terraform then sets the block on create only.
   * @default false
   */
  readonly ignorePolicyChanges?: boolean;
  /**
   * `false` turns the sensor off: the construct writes no `microsoft_defender` block, and azurerm,
   * seeing the block removed from a cluster that had it, sends `securityMonitoring.enabled = false`
   * (the equivalent of `az aks update --disable-defender`). The `microsoft-defender-*` pods leave
   * `kube-system` within minutes; the workspace and its data, the plan and any policy assignment
   * stay. Turn the plan's `sensorAutoProvisioning` off (and remove any 64def556… assignment)
   * as well, or Defender installs the sensor again.
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * Turns the Defender sensor on for an AKS cluster defined in the same app by setting the
 * cluster's `microsoft_defender { log_analytics_workspace_id }` block
 * (ARM `securityProfile.defender`).
 *
 * Removing this construct later, or setting `enabled: false`, removes the block, and azurerm then
 * actively disables the sensor on the cluster (it sends `securityMonitoring.enabled = false`;
 * facts Resolutions §7).
 */
export class AksDefenderSensor extends Construct {
  /** The cluster the sensor was turned on (or off) for. */
  public readonly cluster: KubernetesCluster;
  /** The workspace ID written to the cluster (normalized when it was a literal). */
  public readonly workspaceResourceId: string;
  /** Whether the sensor is on. */
  public readonly enabled: boolean;

  constructor(scope: Construct, id: string, props: AksDefenderSensorProps) {
    super(scope, id);
    checkProps(this, props, "AksDefenderSensorProps");
    this.cluster = props.cluster;
    const workspaceResourceId = workspaceResourceIdOf(this, props);
    const parsed = parseAzureResourceId(this, "workspaceResourceId", workspaceResourceId, AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE);
    this.workspaceResourceId = parsed?.id ?? workspaceResourceId;
    this.enabled = props.enabled ?? true;

    if (props.cluster.microsoftDefenderInput !== undefined) {
      throw new DefenderValidationError(
        this,
        `cluster: got ${props.cluster.node.path}, which already has a microsoft_defender block; expected a cluster without one (use one AksDefenderSensor per cluster and do not set microsoftDefender on the cluster yourself).`,
      );
    }
    if (!this.enabled) {
      if (props.ignorePolicyChanges) {
        throw new DefenderValidationError(
          this,
          "ignorePolicyChanges: got true with enabled false; expected false — ignore_changes on microsoft_defender would hide the block's removal, and the sensor would stay on.",
        );
      }
      // Checked at synth: another construct may add the guard after this one.
      this.node.addValidation({ validate: () => this.guardErrors() });
      return;
    }
    props.cluster.putMicrosoftDefender({ logAnalyticsWorkspaceId: this.workspaceResourceId });
    // dependable() renders a bare address ("type.name"), which is what depends_on takes in Terraform JSON.
    if (props.plan?.pricing) props.cluster.dependsOn = [...new Set([...(props.cluster.dependsOn ?? []), dependable(props.plan.pricing)])];
    if (props.ignorePolicyChanges) addIgnoreChanges(props.cluster, ["microsoft_defender"]);
  }

  /** With the sensor off, nothing may make Terraform ignore the removed block. */
  private guardErrors(): string[] {
    if (this.cluster.microsoftDefenderInput !== undefined) {
      return [`enabled: got false, but ${this.cluster.node.path} has a microsoft_defender block set elsewhere; expected no block, or the sensor stays on.`];
    }
    return ignoresAttribute(this.cluster, "microsoft_defender")
      ? [`enabled: got false, but ${this.cluster.node.path} ignores changes to microsoft_defender; expected no such lifecycle.ignore_changes entry, or the removal is not applied and the sensor stays on.`]
      : [];
  }
}
