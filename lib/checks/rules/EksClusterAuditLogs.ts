import { CoverageSignal } from "../../core/catalog/coverage";
import { TerraformType } from "../resource-types";
import { complianceOf, ResourceCoverageRule } from "../rule";
import { listHoldsOrUnresolved, SynthesizedConfig } from "../synthesized-config";

/** True when an `aws_eks_cluster` sends `audit` logs to CloudWatch (`enabled_cluster_log_types`). */
export function eksClusterHasAuditLogs(config: SynthesizedConfig): boolean {
  return listHoldsOrUnresolved(config.enabled_cluster_log_types, CoverageSignal.EKS_AUDIT_LOG_TYPE);
}

/** MDC-EKS-1: an EKS cluster without `audit` control-plane logs. */
export const EksClusterAuditLogs: ResourceCoverageRule = {
  id: "MDC-EKS-1",
  name: "EksClusterAuditLogs",
  info: 'The EKS cluster does not send "audit" control-plane logs to CloudWatch (enabled_cluster_log_types).',
  explanation:
    'Defender reads EKS audit logs from CloudWatch for control-plane threat detection. Defender turns the log type on itself through eks:UpdateClusterConfig, so a Terraform-managed list without "audit" also drifts on every plan. Add "audit" to enabled_cluster_log_types.',
  resourceTypes: [TerraformType.EKS_CLUSTER],
  checkResource: (resource) => complianceOf(eksClusterHasAuditLogs(resource.config)),
};
