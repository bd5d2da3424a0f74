import { Construct } from "constructs";
import { ArcDefenderSensor, ArcReleaseTrain } from "../azure/arc-defender-sensor";
import { ArcPolicyExtension } from "../azure/arc-policy-extension";
import { TargetClusters } from "../azure/dine-policy-assignment";
import { FleetKey } from "../core/cluster-fleet";
import { SensorFeatures } from "../core/sensor-features";
import { DefenderPatternProps } from "./defender-pattern-props";
import { AzureDefenderPattern } from "./private/azure-defender-pattern";
import { checkPropsBeforeSuper } from "../core/check-props";

/** Props of {@link ArcDefenderForContainers}. */
export interface ArcDefenderForContainersProps extends DefenderPatternProps {
  /**
   * Connected clusters (literal IDs) that get the sensor and, with `policyExtension`, the Azure
   * Policy extension directly — one `for_each` resource each.
   * @default - none
   */
  readonly clusterIds?: string[];
  /**
   * How `for_each` keys are formed from `clusterIds`.
   * @default FleetKey.CLUSTER_NAME
   */
  readonly fleetKey?: FleetKey;
  /**
   * Azure Policy for the clusters: the extension on `clusterIds`, and the extension DINE
   * assignment (`0adc5395…`) when `policyScopeId` is set.
   * @default true
   */
  readonly policyExtension?: boolean;
  /**
   * Distributions the Arc Defender policy skips.
   * @default ["aks", "aks_management", "eks", "gke"]
   */
  readonly excludedDistributions?: string[];
  /**
   * kube-apiserver audit log path on the clusters.
   * @default "/var/log/kube-apiserver/audit.log"
   */
  readonly auditLogPath?: string;
  /**
   * Release train of the extensions.
   * @default ArcReleaseTrain.STABLE
   */
  readonly releaseTrain?: ArcReleaseTrain;
  /**
   * Optional sensor features on `clusterIds` (anti-malware; private-cluster components, preview,
   * which put the sensor on the Preview train unless `releaseTrain` says otherwise).
   * @default - none
   */
  readonly sensorFeatures?: SensorFeatures;
  /**
   * @deprecated Use `workspace: DefenderWorkspace.fromAttributes({ workspaceResourceId, workspaceId, primarySharedKey })`; kept until 0.2.
   * Workspace ID for the sensor's protected settings, with an existing `workspaceResourceId`.
   * @default - the created workspace's ID; none for an existing workspace
   */
  readonly workspaceId?: string;
  /**
   * @deprecated Use `workspace` (see `workspaceId`); kept until 0.2.
   * Workspace key for the sensor's protected settings, with an existing `workspaceResourceId`.
   * @default - the created workspace's primary key; none for an existing workspace
   */
  readonly workspaceKey?: string;
  /**
   * Assignment name prefix.
   * @default "mdc"
   */
  readonly namePrefix?: string;
}

/**
 * Defender for Containers for Arc-enabled (on-premises / IaaS) Kubernetes: the plan, a dedicated
 * workspace, the Defender sensor and Azure Policy extensions on the listed connected clusters (one
 * `for_each` resource per extension, keyed by cluster name), and — for every other connected
 * cluster of a scope — the Arc custom-workspace and policy-extension DINE assignments with
 * remediation. Every inner construct is exposed for further settings.
 */
export class ArcDefenderForContainers extends AzureDefenderPattern {
  /** The sensor extension on `clusterIds`. */
  public readonly sensor?: ArcDefenderSensor;
  /** The policy extension on `clusterIds`. */
  public readonly policyExtension?: ArcPolicyExtension;

  constructor(scope: Construct, id: string, props: ArcDefenderForContainersProps) {
    checkPropsBeforeSuper(scope, id, props, "ArcDefenderForContainersProps");
    const policyExtension = props.policyExtension ?? true;
    super(scope, id, props, { clusters: TargetClusters.ARC, addon: policyExtension, addonAssignmentId: "policy-extension-assignment", namePrefix: props.namePrefix, excludedDistributions: props.excludedDistributions });

    if (props.clusterIds !== undefined) {
      const targets = { clusterIds: props.clusterIds, fleetKey: props.fleetKey, releaseTrain: props.releaseTrain, provider: props.provider };
      this.sensor = new ArcDefenderSensor(this, "sensor", {
        ...targets,
        workspaceResourceId: this.workspaceResourceId,
        workspaceId: props.workspaceId ?? (this.workspace ?? props.workspace)?.workspaceId,
        workspaceKey: props.workspaceKey ?? (this.workspace ?? props.workspace)?.primarySharedKey,
        auditLogPath: props.auditLogPath,
        features: props.sensorFeatures,
        plan: this.plan,
      });
      if (policyExtension) this.policyExtension = new ArcPolicyExtension(this, "policy-extension", targets);
    }
  }
}
