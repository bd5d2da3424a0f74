// Settings Defender needs on an `aws_eks_cluster` defined in the same app. Functions, not
// constructs: they change the cluster's own arguments, so there is nothing new to emit.
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { Annotations, Fn } from "cdktf";
import { DEFENDER_API_SERVER_SOURCE_CIDRS, EKS_AUDIT_LOG_TYPE } from "../core/catalog";
import { isUnresolved } from "../core/validation";

/**
 * Adds `"audit"` to the cluster's `enabled_cluster_log_types`, keeping the types already there.
 *
 * Defender reads EKS audit logs from CloudWatch and turns `audit` logging on itself
 * (`eks:UpdateClusterConfig`); a cluster whose Terraform list lacks `audit` would have it turned
 * off again by the next apply, and Defender on again: a perpetual diff and gaps in the logs.
 * Idempotent; a list given as a token is merged in Terraform (`distinct(concat(...))`).
 */
export function enableEksAuditLogs(cluster: EksCluster): void {
  const current = cluster.enabledClusterLogTypesInput;
  if (current === undefined) {
    cluster.enabledClusterLogTypes = [EKS_AUDIT_LOG_TYPE];
  } else if (isUnresolved(current)) {
    cluster.enabledClusterLogTypes = Fn.distinct(Fn.concat([current, [EKS_AUDIT_LOG_TYPE]]));
  } else if (!current.includes(EKS_AUDIT_LOG_TYPE)) {
    cluster.enabledClusterLogTypes = [...current, EKS_AUDIT_LOG_TYPE];
  }
}

/**
 * Lets Defender's agentless discovery reach the cluster's public API endpoint: when
 * `vpc_config.public_access_cidrs` restricts it, adds Defender's source CIDRs
 * (`172.212.245.192/28`, `48.209.1.192/28`; MS-Docs defender-for-containers-network-access).
 * Defender adds them itself through `eks:UpdateClusterConfig`, so listing them here also keeps
 * Terraform from removing them again.
 *
 * An unrestricted endpoint (no list, or `0.0.0.0/0`) is left as it is. A cluster without a
 * public endpoint gets a synth warning: Defender cannot reach it from those CIDRs.
 */
export function allowDefenderEksApiServerAccess(cluster: EksCluster): void {
  const vpc = cluster.vpcConfig;
  if (vpc.endpointPublicAccessInput === false) {
    Annotations.of(cluster).addWarning(
      "endpoint_public_access is false: Defender's agentless discovery reaches API servers from " +
        `${DEFENDER_API_SERVER_SOURCE_CIDRS.join(", ")} over the public endpoint and cannot reach this cluster.`,
    );
    return;
  }
  const current = vpc.publicAccessCidrsInput;
  if (current === undefined) return;
  if (isUnresolved(current)) {
    vpc.publicAccessCidrs = Fn.distinct(Fn.concat([current, [...DEFENDER_API_SERVER_SOURCE_CIDRS]]));
    return;
  }
  if (current.includes("0.0.0.0/0")) return;
  const missing = DEFENDER_API_SERVER_SOURCE_CIDRS.filter((cidr) => !current.includes(cidr));
  if (missing.length > 0) vpc.publicAccessCidrs = [...current, ...missing];
}
