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
