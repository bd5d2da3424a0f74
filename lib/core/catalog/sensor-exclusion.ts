/**
 * The tag that keeps Defender's automatic sensor deployment off a cluster ("mixed deployment").
 *
 * Sources: MicrosoftDocs/defender-docs
 *  - `defender-for-cloud/defender-for-containers-exclude-cluster.md` (ms.date 2026-05-05): tag
 *    `ms_defender_container_exclude_sensors` = `true` on an AKS cluster (Azure tag), an EKS cluster
 *    (AWS tag) or a GKE cluster (GCP label); "Exclusion tags aren't supported for Arc-enabled
 *    Kubernetes clusters in on-premises environments"; add the tag before automatic provisioning
 *    deploys the sensor — adding it later does not remove a deployed sensor.
 *  - `defender-for-cloud/defender-for-containers-deployment-planning.md` (ms.date 2026-03-16):
 *    "Mixed deployment: automatic provisioning is enabled, but specific AKS, EKS, or GKE clusters
 *    are excluded and deployed manually."
 *
 * The key and value are valid GCP labels too (lower-case letters, digits, `_` and `-`; key starts
 * with a letter; at most 63 characters).
 */
export const SensorExclusionTag = {
  KEY: "ms_defender_container_exclude_sensors",
  VALUE: "true",
} as const;
