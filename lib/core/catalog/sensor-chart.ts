/**
 * The Defender sensor Helm chart for clusters outside AKS/Arc (EKS, GKE, others).
 *
 * Sources: facts "Resolutions §8" and "D" — MS-Docs deploy-helm.md (2026-05), the install script
 * linked from MS-Docs (gist matannov/00c0bc43…, `install_defender_sensor_mc.sh`) and
 * microsoft/Microsoft-Defender-For-Containers `scripts/`.
 */
export const SensorChart = {
  /** OCI repository holding the chart (public, stable). */
  REPOSITORY: "oci://mcr.microsoft.com/azuredefender",
  /** Preview repository (`--devel` releases). */
  PREVIEW_REPOSITORY: "oci://mcr.microsoft.com/azuredefender-preview",
  /** Chart name. */
  CHART: "microsoft-defender-for-containers",
  /** Release name used by Microsoft's install scripts. */
  RELEASE_NAME: "microsoft-defender-for-containers",
  /** Namespace the sensor runs in on Arc and Helm installs. */
  NAMESPACE: "mdc",
} as const;

/**
 * Chart version used when none is given: the newest GA patch Microsoft's sensor changelog names
 * (facts "Resolutions §8", ASD defender-sensor-change-log.md: 0.10.5 GA May 2026; the 0.10 line is
 * supported until Apr 2027). 0.11 is preview-only (`0.11.X-preview`) until its GA in Jul 2026.
 */
export const SENSOR_CHART_DEFAULT_VERSION = "0.10.5";

/** Chart versions are `0.<minor>.<patch>`, with `-preview` for preview builds; there is no 1.x (changelog). */
export const SENSOR_CHART_VERSION_PATTERN = /^0\.\d+\.\d+(?:-preview)?$/;

/** The install scripts' pseudo-version for "newest, previews included" (`--devel`). */
export const SENSOR_CHART_LATEST = "latest";

/**
 * Value paths of the current documentation (ASD deploy-helm.md since 2026-05-06): the cluster's
 * identity in its own cloud, under `global.cloudIdentifiers.<cloud>`.
 */
export const SensorChartValue = {
  AWS_ACCOUNT_ID: "global.cloudIdentifiers.AWS.accountId",
  AWS_REGION: "global.cloudIdentifiers.AWS.region",
  AWS_CLUSTER_NAME: "global.cloudIdentifiers.AWS.clusterName",
  GCP_PROJECT_ID: "global.cloudIdentifiers.GCP.projectId",
  GCP_LOCATION: "global.cloudIdentifiers.GCP.location",
  GCP_CLUSTER_NAME: "global.cloudIdentifiers.GCP.clusterName",
  /** EKS Auto Mode nodes need the collectors to run as `super_t` (install script, `eksautomode`). */
  COLLECTORS_SELINUX_TYPE: "collectors.seLinuxOptions.type",
} as const;

/** SELinux type the install script sets for EKS Auto Mode. */
export const SENSOR_EKS_AUTO_MODE_SELINUX_TYPE = "super_t";

/**
 * Value paths Microsoft's install script still sets (gist matannov/00c0bc43…, `install_defender_sensor_mc.sh`):
 * the connector as the cluster's Azure identity. Whether current charts still read them is unverified.
 */
export const SensorChartLegacyValue = {
  KUBERNETES_DISTRO: "microsoft-defender-for-containers-sensor.Azure.Cluster.kubernetesDistro",
  SECURITY_CONNECTOR_RESOURCE_ID: "microsoft-defender-for-containers-sensor.Azure.SecurityConnectorResourceId",
  /** `eks` | `gke`. */
  DISTRIBUTION: "microsoft-defender-for-containers-sensor.Azure.Cluster.Distribution",
  /** `aws` | `gcp` (lower case). */
  INFRASTRUCTURE: "microsoft-defender-for-containers-sensor.Azure.Cluster.Infrastructure",
  /** The security connector's Azure location (the script reads it from the connector). */
  REGION: "microsoft-defender-for-containers-sensor.Azure.Cluster.Region",
  /** `AWS` | `GCP` (upper case). */
  ADMISSION_CONTROLLER_INFRASTRUCTURE: "defender-admission-controller.global.azure.cluster.infrastructure",
  ADMISSION_CONTROLLER_RESOURCE_ID: "defender-admission-controller.global.azure.cluster.resourceId",
  /** Sensitive: Log Analytics workspace ID (customer ID). */
  WORKSPACE_ID: "microsoft-defender-for-containers-sensor.omsagent.secret.wsid",
  /** Sensitive: Log Analytics workspace primary key. */
  WORKSPACE_KEY: "microsoft-defender-for-containers-sensor.omsagent.secret.key",
} as const;

/** `kubernetesDistro` the install script sets for EKS and GKE. */
export const SENSOR_LEGACY_KUBERNETES_DISTRO = "generic";
