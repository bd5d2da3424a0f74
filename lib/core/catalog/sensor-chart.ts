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
  /** AKS (deploy-helm.md, 2026-04-27: `global.cloudIdentifiers.Azure.*`). */
  AZURE_SUBSCRIPTION_ID: "global.cloudIdentifiers.Azure.subscriptionId",
  AZURE_RESOURCE_GROUP_NAME: "global.cloudIdentifiers.Azure.resourceGroupName",
  AZURE_CLUSTER_NAME: "global.cloudIdentifiers.Azure.clusterName",
  AZURE_REGION: "global.cloudIdentifiers.Azure.region",
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
  /**
   * AKS only (`install_defender_sensor_aks.sh`, the AKS variant of the install script): the
   * cluster's own resource ID, where EKS/GKE send the connector's.
   */
  CLUSTER_RESOURCE_ID: "microsoft-defender-for-containers-sensor.Azure.Cluster.ResourceId",
  /** AKS only (`install_defender_sensor_aks.sh`): the cluster's region for the admission controller. */
  ADMISSION_CONTROLLER_REGION: "defender-admission-controller.global.azure.cluster.region",
  /** Sensitive: Log Analytics workspace ID (customer ID). */
  WORKSPACE_ID: "microsoft-defender-for-containers-sensor.omsagent.secret.wsid",
  /** Sensitive: Log Analytics workspace primary key. */
  WORKSPACE_KEY: "microsoft-defender-for-containers-sensor.omsagent.secret.key",
} as const;

/** `kubernetesDistro` the install script sets for EKS and GKE. */
export const SENSOR_LEGACY_KUBERNETES_DISTRO = "generic";

/** Legacy `Distribution` and `Infrastructure` the AKS install script writes (`aks`, `Azure`). */
export const SENSOR_LEGACY_AKS = { DISTRIBUTION: "aks", INFRASTRUCTURE: "Azure" } as const;

/**
 * Namespace of the chart on AKS Automatic: deploy-helm.md (MicrosoftDocs/defender-docs,
 * 2026-04-27) "For AKS Automatic only: set the namespace to kube-system", and gated deployment on
 * AKS Automatic works only with the chart in `kube-system`.
 */
export const SENSOR_AKS_AUTOMATIC_NAMESPACE = "kube-system";

/**
 * Chart values of the optional sensor features ({@link SensorFeatures}).
 *
 * - `ANTIMALWARE`: Microsoft's install scripts (`install_defender_sensor_aks.sh`,
 *   `install_defender_sensor_mc.sh`; their `--antimalware` flag) set
 *   `microsoft-defender-for-containers-sensor.collectors.antimalwareCollector.enable`.
 * - `MISCONFIGURATION_POLICIES`: defender-docs `kubernetes-misconfiguration-enforcement.md`
 *   (2026-06-03) "defender-admission-controller.enableMisconfigurationPolicies=true".
 * - `INVENTORY_COLLECTOR`, `CONFIG_CONTROLLER`: defender-docs
 *   `defender-for-containers-private-clusters.md` (2026-06-01), the private-cluster components.
 */
export const SensorFeatureValue = {
  ANTIMALWARE: "microsoft-defender-for-containers-sensor.collectors.antimalwareCollector.enable",
  MISCONFIGURATION_POLICIES: "defender-admission-controller.enableMisconfigurationPolicies",
  INVENTORY_COLLECTOR: "microsoft-defender-for-containers-sensor.inventoryCollector.enabled",
  CONFIG_CONTROLLER: "microsoft-defender-for-containers-sensor.configController.enabled",
} as const;

/**
 * Configuration settings of the Defender Arc extension for the same features (string values).
 * Anti-malware: the Arc command of Microsoft's anti-malware troubleshooting guide
 * (`--configuration-settings collectors.antimalwareCollector.enable='true'`); private clusters:
 * defender-docs `defender-for-containers-private-clusters.md` (2026-06-01), with
 * `--release-train Preview`. No Arc setting is documented for misconfiguration enforcement.
 */
export const ArcSensorFeatureSetting = {
  ANTIMALWARE: "collectors.antimalwareCollector.enable",
  INVENTORY_COLLECTOR: "inventoryCollector.enabled",
  CONFIG_CONTROLLER: "configController.enabled",
} as const;

/**
 * Lowest chart version of each feature, `[minor, patch]` of `0.<minor>.<patch>` (a `-preview`
 * build of that version counts):
 * - anti-malware arrived in sensor 0.10.2 (preview, Feb 2026; GA in 0.10.5, May 2026;
 *   defender-sensor-change-log.md, 2026-04-29);
 * - misconfiguration enforcement needs sensor 0.11 (kubernetes-misconfiguration-enforcement.md);
 * - private clusters: `0.11.X-preview` charts in defender-docs
 *   `defender-for-containers-private-clusters.md` (2026-06-01), "0.11.X chart versions" in the page
 *   as published on 2026-07-03 (after 0.11's GA in July 2026). Both are 0.11 or later.
 */
export const SensorFeatureMinimumChart = {
  ANTIMALWARE: [10, 2],
  MISCONFIGURATION_ENFORCEMENT: [11, 0],
  PRIVATE_CLUSTER: [11, 0],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * Kubernetes minor version from which validating admission policies, which misconfiguration
 * enforcement uses, are on by default (kubernetes-misconfiguration-enforcement.md: "Kubernetes 1.30
 * and later versions enable these policies by default").
 */
export const MISCONFIGURATION_MIN_KUBERNETES_VERSION = "1.30";

/**
 * What anti-malware adds to the sensor's collector pods, on top of the sensor's own requests and
 * limits (anti-malware.md, requirements table).
 */
export const ANTIMALWARE_RESOURCES = {
  requests: { cpu: "50m", memory: "128Mi" },
  limits: { cpu: "300m", memory: "500Mi" },
} as const;
