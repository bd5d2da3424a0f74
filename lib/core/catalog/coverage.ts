/**
 * Names the coverage checks and the coverage report recognise Defender's pieces by, when those
 * pieces were created by other constructs, other stacks or by hand.
 *
 * Sources (stored copies, see ../shared/reference/defender-facts.md):
 *  - "AWS": facts §B and Resolutions §2 (MS-Docs containers-permissions, defender-for-containers-network-access)
 *  - "GCP": facts §C and Resolutions §4 (MDC-repo `MultiCloud/GCP/Local/GCPOnboarding.tf`, MS-Docs containers-permissions)
 *  - "Helm": facts Resolutions §8 (MS-Docs deploy-helm.md since 2026-05-06)
 *
 * The AWS role and GCP account names repeat the defaults of the aws/gcp catalogs (built in
 * parallel): once both are merged these should point at them instead of repeating the strings.
 */
export const CoverageSignal = {
  /** Default name of the IAM role Defender's agentless discovery uses on EKS (AWS; the name must start with `MDC`). */
  AWS_AGENTLESS_DISCOVERY_ROLE: "MDCContainersAgentlessDiscoveryK8sRole",
  /** Prefix every agentless-discovery role name must have (AWS). */
  AWS_AGENTLESS_DISCOVERY_ROLE_PREFIX: "MDC",
  /** Account ID of the GCP service account Defender's agentless discovery impersonates (GCP). */
  GCP_AGENTLESS_DISCOVERY_SERVICE_ACCOUNT: "mdc-containers-k8s-operator",
  /** `tier` of a plan that is on (facts A1: azurerm `tier` = `Free` | `Standard`; `PlanTier.STANDARD` in the plan construct). */
  STANDARD_PRICING_TIER: "Standard",
  /** The `enabled_cluster_log_types` entry Defender reads EKS audit logs from (AWS: CloudWatch `audit` log). */
  EKS_AUDIT_LOG_TYPE: "audit",
  /** Sensor chart values that name the cluster a release runs on (Helm: `global.cloudIdentifiers.<cloud>.clusterName`). */
  SENSOR_CLUSTER_NAME_VALUE: {
    AWS: "global.cloudIdentifiers.AWS.clusterName",
    GCP: "global.cloudIdentifiers.GCP.clusterName",
  },
} as const;
