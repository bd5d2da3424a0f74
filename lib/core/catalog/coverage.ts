import { AGENTLESS_DISCOVERY_ROLE_NAME_PREFIX, DefenderAwsRoleName, EKS_AUDIT_LOG_TYPE } from "./aws";
import { DefenderGcpServiceAccount } from "./gcp";
import { SensorChartValue } from "./sensor-chart";

/**
 * Names the coverage checks and the coverage report recognise Defender's pieces by, when those
 * pieces were created by other constructs, other stacks or by hand. Each points at the catalog
 * entry it comes from, so there is one source for every name.
 */
export const CoverageSignal = {
  /** Default name of the IAM role Defender's agentless discovery uses on EKS. */
  AWS_AGENTLESS_DISCOVERY_ROLE: DefenderAwsRoleName.AGENTLESS_DISCOVERY,
  /** Prefix every agentless-discovery role name must have (AWS). */
  AWS_AGENTLESS_DISCOVERY_ROLE_PREFIX: AGENTLESS_DISCOVERY_ROLE_NAME_PREFIX,
  /** Account ID of the GCP service account Defender's agentless discovery impersonates. */
  GCP_AGENTLESS_DISCOVERY_SERVICE_ACCOUNT: DefenderGcpServiceAccount.K8S_OPERATOR.accountId,
  /** `tier` of a plan that is on (facts A1: azurerm `tier` = `Free` | `Standard`). */
  STANDARD_PRICING_TIER: "Standard",
  /** The `enabled_cluster_log_types` entry Defender reads EKS audit logs from. */
  EKS_AUDIT_LOG_TYPE,
  /** Sensor chart values that name the cluster a release runs on. */
  SENSOR_CLUSTER_NAME_VALUE: {
    AWS: SensorChartValue.AWS_CLUSTER_NAME,
    GCP: SensorChartValue.GCP_CLUSTER_NAME,
  },
} as const;
