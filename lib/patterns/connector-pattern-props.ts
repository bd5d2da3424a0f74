import { TerraformProvider } from "cdktf";
import { SensorFeatures } from "../core/sensor-features";
import { HelmDefenderSensorProps } from "../kubernetes/helm-defender-sensor";

// Props shared by the multicloud patterns (GKE, EKS): the Azure security connector, the
// capabilities it turns on and the Helm sensor. The Azure-only patterns use DefenderPatternProps.

/**
 * More props of the `HelmDefenderSensor` a multicloud pattern installs on each cluster: every prop
 * of the sensor except the five the pattern sets (connector, cluster, chart version, provider, and the
 * features, which are `sensorFeatures` on every pattern). The one place sensor options pass through,
 * so a new typed sensor option reaches EKS and GKE alike.
 */
export interface PatternSensorOptions extends Omit<HelmDefenderSensorProps, "connector" | "cluster" | "version" | "provider" | "features"> {}

/**
 * Props the multicloud patterns share: where the Azure security connector goes, the Defender for
 * Containers capabilities it turns on (on the cloud side and in the connector alike), and the Helm
 * sensor on each cluster.
 */
export interface ConnectorPatternProps {
  /** Resource group of the security connector, e.g. `/subscriptions/<GUID>/resourceGroups/rg-security`. */
  readonly connectorResourceGroupId: string;
  /** Azure region of the security connector, e.g. `westeurope` (also the sensor's legacy `Region` value). */
  readonly connectorLocation: string;
  /**
   * Name of the security connector.
   * @default - `gcp-<projectId>` / `aws-<accountId>`
   */
  readonly connectorName?: string;
  /**
   * Kubernetes audit logs: the cloud-side identities that read them and the connector's
   * `enableAuditLogsAutoProvisioning`.
   * @default true
   */
  readonly auditLogs?: boolean;
  /**
   * Agentless discovery of the clusters' Kubernetes API: its identity and `mdcContainersAgentlessDiscoveryK8s`.
   * @default true
   */
  readonly agentlessDiscovery?: boolean;
  /**
   * Agentless vulnerability assessment of registry images: its identity and `mdcContainersImageAssessment`.
   * @default true
   */
  readonly imageAssessment?: boolean;
  /**
   * Install the Defender sensor with Helm (`HelmDefenderSensor`) on every cluster.
   * @default true
   */
  readonly sensor?: boolean;
  /**
   * Sensor chart version, `0.<minor>.<patch>[-preview]`.
   * @default - HelmDefenderSensor's pinned default ("0.10.5")
   */
  readonly sensorChartVersion?: string;
  /**
   * More props of every sensor (values, legacy values, release name, repository mirror…).
   * @default - HelmDefenderSensor defaults
   */
  readonly sensorOptions?: PatternSensorOptions;
  /**
   * Optional sensor features on every cluster (anti-malware, misconfiguration enforcement, the
   * private-cluster preview), as chart values; the same prop as on the AKS and Arc patterns.
   * @default - none
   */
  readonly sensorFeatures?: SensorFeatures;
  /**
   * azapi provider (alias) of the connector's subscription.
   * @default - the stack's default azapi provider
   */
  readonly azapiProvider?: TerraformProvider;
}
