import { ArcKubernetesClusterExtension } from "@cdktf/provider-azurerm/lib/arc-kubernetes-cluster-extension";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { validateSecretReference } from "../core/formats";
import { ARC_DEFAULT_AUDIT_LOG_PATH, ArcDefenderSetting, ArcExtension } from "../core/catalog";
import { AzureResourceIdFormats, parseAzureResourceId } from "../core/azure-resource-id";
import { FleetKey } from "../core/cluster-fleet";
import { DefenderValidationError } from "../core/errors";
import { SensorFeatures, sensorFeatureArcSettings } from "../core/sensor-features";
import { validateGuid, validatePattern } from "../core/validation";
import { IDefenderPlan } from "./defender-for-containers-plan";
import { IDefenderWorkspace } from "./defender-workspace";
import { newArcExtension } from "./private/arc-extension";
import { checkProps } from "../core/check-props";
import { workspaceResourceIdOf } from "./private/workspace-reference";

/** Release train of an Arc cluster extension. */
export enum ArcReleaseTrain {
  /** Generally available versions (what the DINE policies install). */
  STABLE = "Stable",
  /** Preview versions. */
  PREVIEW = "Preview",
}

/** The Arc-enabled clusters an extension goes on: one, or a fleet. */
export interface ArcClusterTargets {
  /**
   * One connected cluster (`/subscriptions/…/resourceGroups/…/providers/Microsoft.Kubernetes/connectedClusters/<name>`),
   * literal or a reference (e.g. `ArcKubernetesCluster.id`). Emits a plain resource.
   * @default - use `clusterIds`
   */
  readonly clusterId?: string;
  /**
   * A fleet of connected clusters: literal IDs, non-empty, each once. Emits ONE resource with
   * `for_each` keyed by `fleetKey`, so removing a cluster from the list destroys only its instance.
   * @default - use `clusterId`
   */
  readonly clusterIds?: string[];
  /**
   * How `for_each` keys are formed from `clusterIds`.
   * @default FleetKey.CLUSTER_NAME
   */
  readonly fleetKey?: FleetKey;
}

/** Props of {@link ArcDefenderSensor}. */
export interface ArcDefenderSensorProps extends ArcClusterTargets {
  /**
   * The Log Analytics workspace the sensor reports to: a `DefenderWorkspace`, or
   * `DefenderWorkspace.fromAttributes(...)`. Its resource ID is `logAnalyticsWorkspaceResourceID`; when it
   * has both a workspace ID and a shared key (a `DefenderWorkspace` does), they are sent as the protected
   * settings, as the DINE policy's template does.
   * @default - none; required unless `workspaceResourceId` is given
   */
  readonly workspace?: IDefenderWorkspace;
  /**
   * @deprecated Use `workspace` (an `IDefenderWorkspace`); kept until 0.2.
   * Log Analytics workspace the sensor reports to (`logAnalyticsWorkspaceResourceID`). A literal ID
   * is checked and normalized to canonical casing.
   */
  readonly workspaceResourceId?: string;
  /**
   * @deprecated Use `workspace`; kept until 0.2.
   * Workspace (customer) ID, e.g. `DefenderWorkspace.workspaceId`, sent as the protected setting
   * `omsagent.secret.wsid` as the DINE policy's template does. Give it together with `workspaceKey`.
   * @default - not sent
   */
  readonly workspaceId?: string;
  /**
   * @deprecated Use `workspace`; kept until 0.2.
   * Workspace primary shared key, e.g. `DefenderWorkspace.primarySharedKey`, sent only as the
   * protected setting `omsagent.secret.key` (sensitive in state, never in an output).
   * @default - not sent
   */
  readonly workspaceKey?: string;
  /**
   * Path of the kube-apiserver audit log on the control-plane nodes (`auditLogPath`).
   * @default "/var/log/kube-apiserver/audit.log"
   */
  readonly auditLogPath?: string;
  /**
   * Release train.
   * @default ArcReleaseTrain.STABLE, or ArcReleaseTrain.PREVIEW with `features.privateClusterPreview`
   */
  readonly releaseTrain?: ArcReleaseTrain;
  /**
   * Optional sensor features, written as configuration settings: anti-malware
   * (`collectors.antimalwareCollector.enable`) and the private-cluster components (preview:
   * `inventoryCollector.enabled`, `configController.enabled`; Preview train unless `releaseTrain` is set).
   * Misconfiguration enforcement has no extension setting and is refused.
   * @default - none written
   */
  readonly features?: SensorFeatures;
  /**
   * Pin an extension version. Unpinned, Azure installs the latest of the train and upgrades it.
   * @default - latest, auto-upgraded
   */
  readonly version?: string;
  /**
   * The plan of the clusters' subscription; the extension is created after it.
   * @default - no explicit dependency
   */
  readonly plan?: IDefenderPlan;
  /**
   * azurerm provider.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * The Defender sensor on Arc-enabled Kubernetes clusters: the `microsoft.azuredefender.kubernetes`
 * cluster extension (`azurerm_arc_kubernetes_cluster_extension`, namespace `mdc`,
 * system-assigned identity), configured as the built-in policy 708b60a6… would install it.
 *
 * For a fleet (`clusterIds`) it emits one resource with `for_each`, keyed by cluster name.
 */
export class ArcDefenderSensor extends Construct {
  /** The extension resource (with `for_each` for a fleet). */
  public readonly extension: ArcKubernetesClusterExtension;
  /** The `for_each` keys, sorted; empty for a single cluster. */
  public readonly clusterKeys: string[];
  /** The cluster IDs (canonical casing for literals), in key order. */
  public readonly clusterIds: string[];
  /** The workspace ID written to the extension (normalized when it was a literal). */
  public readonly workspaceResourceId: string;

  constructor(scope: Construct, id: string, props: ArcDefenderSensorProps) {
    super(scope, id);
    checkProps(this, props, "ArcDefenderSensorProps");
    const workspaceResourceId = workspaceResourceIdOf(this, props);
    const fromReference = props.workspace?.workspaceId !== undefined && props.workspace.primarySharedKey !== undefined;
    const workspaceId = props.workspaceId ?? (fromReference ? props.workspace!.workspaceId : undefined);
    const workspaceKey = props.workspaceKey ?? (fromReference ? props.workspace!.primarySharedKey : undefined);
    const workspace = parseAzureResourceId(this, "workspaceResourceId", workspaceResourceId, AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE);
    this.workspaceResourceId = workspace?.id ?? workspaceResourceId;
    const auditLogPath = props.auditLogPath ?? ARC_DEFAULT_AUDIT_LOG_PATH;
    validatePattern(this, "auditLogPath", auditLogPath, /^\/[^\0]*[^/]$/, "an absolute file path such as /var/log/kube-apiserver/audit.log");
    if ((workspaceId === undefined) !== (workspaceKey === undefined)) {
      const [given, missing] = workspaceId === undefined ? ["workspaceKey", "workspaceId"] : ["workspaceId", "workspaceKey"];
      throw new DefenderValidationError(this, `${missing}: got undefined while ${given} is set; expected both or neither (the sensor needs the ID and key together).`);
    }
    if (workspaceId !== undefined) validateGuid(this, "workspaceId", workspaceId);
    if (workspaceKey !== undefined) {
      validateSecretReference(this, "workspaceKey", workspaceKey, "DefenderWorkspace.primarySharedKey or a sensitive TerraformVariable");
    }

    // Private clusters: Microsoft's instructions of 2026-06-01 install from the Preview train; the
    // page as published on 2026-07-03 no longer names a train. Preview by default, Stable allowed.
    const releaseTrain = props.releaseTrain ?? (props.features?.privateClusterPreview ? ArcReleaseTrain.PREVIEW : ArcReleaseTrain.STABLE);
    const featureSettings = sensorFeatureArcSettings(this, props.features);

    const result = newArcExtension(this, props, {
      name: ArcExtension.DEFENDER.name,
      extensionType: ArcExtension.DEFENDER.extensionType,
      releaseNamespace: ArcExtension.DEFENDER.releaseNamespace,
      releaseTrain,
      version: props.version,
      identity: { type: "SystemAssigned" },
      configurationSettings: {
        [ArcDefenderSetting.WORKSPACE_RESOURCE_ID]: this.workspaceResourceId,
        [ArcDefenderSetting.AUDIT_LOG_PATH]: auditLogPath,
        ...featureSettings,
      },
      // Protected settings are write-only in ARM and sensitive in state; they never reach outputs.
      configurationProtectedSettings:
        workspaceId !== undefined && workspaceKey !== undefined
          ? { [ArcDefenderSetting.WORKSPACE_ID]: workspaceId, [ArcDefenderSetting.WORKSPACE_KEY]: workspaceKey }
          : undefined,
      dependsOn: props.plan?.pricing ? [props.plan.pricing] : undefined,
      provider: props.provider,
    });
    this.extension = result.extension;
    this.clusterKeys = result.clusterKeys;
    this.clusterIds = result.clusterIds;
  }
}
