import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { IConstruct } from "constructs";
import { allowDefenderEksApiServerAccess } from "../../aws/eks-cluster-settings";
import { DEFENDER_API_SERVER_SOURCE_CIDRS, EKS_ACCESS_ENTRY_AUTHENTICATION_MODES, EKS_DEFENDER_AUTHENTICATION_MODE } from "../../core/catalog";
import { invalidValue } from "../../core/errors";
import { isUnresolved } from "../../core/validation";

// What the EKS pattern checks or sets on the aws_eks_cluster resources of the app, with errors
// named by the pattern's props. Not exported from the package.

/**
 * For a pattern with agentless discovery: adds Defender's CIDRs (`add`), or, when the caller
 * manages `public_access_cidrs` itself, refuses a restricted endpoint that lacks them, naming the
 * CIDRs to add (`<prop>.cluster.vpcConfig.publicAccessCidrs`). Lists given as references pass.
 */
export function checkDefenderEksApiServerAccess(scope: IConstruct, prop: string, cluster: EksCluster, add: boolean): void {
  if (add) {
    allowDefenderEksApiServerAccess(cluster);
    return;
  }
  const current = cluster.vpcConfig.publicAccessCidrsInput;
  if (current === undefined || isUnresolved(current) || current.includes("0.0.0.0/0") || cluster.vpcConfig.endpointPublicAccessInput === false) return;
  const missing = DEFENDER_API_SERVER_SOURCE_CIDRS.filter((cidr) => !current.includes(cidr));
  if (missing.length === 0) return;
  invalidValue(
    scope,
    `${prop}.cluster.vpcConfig.publicAccessCidrs`,
    current,
    `a list that includes ${missing.join(" and ")}, the CIDRs Defender's agentless discovery reaches the API server from`,
    "Add them, or set allowApiServerAccess: true to let the pattern add them (MS-Docs defender-for-containers-network-access).",
  );
}

/**
 * Access entries need authentication mode `API_AND_CONFIG_MAP` or `API`. Sets
 * `access_config.authentication_mode = "API_AND_CONFIG_MAP"` on a cluster that leaves it unset (the
 * switch Defender makes itself; it is one-way, and `aws-auth` keeps working) and refuses
 * `CONFIG_MAP` (`<prop>.cluster.accessConfig.authenticationMode`). A mode given as a reference passes.
 */
export function ensureEksAccessEntryAuthenticationMode(scope: IConstruct, prop: string, cluster: EksCluster): void {
  const config = cluster.accessConfigInput;
  const mode = config?.authenticationMode;
  if (mode === undefined) {
    if (config === undefined) cluster.putAccessConfig({ authenticationMode: EKS_DEFENDER_AUTHENTICATION_MODE });
    else cluster.accessConfig.authenticationMode = EKS_DEFENDER_AUTHENTICATION_MODE;
    return;
  }
  if (isUnresolved(mode) || EKS_ACCESS_ENTRY_AUTHENTICATION_MODES.includes(mode)) return;
  invalidValue(
    scope,
    `${prop}.cluster.accessConfig.authenticationMode`,
    mode,
    `one of ${EKS_ACCESS_ENTRY_AUTHENTICATION_MODES.join(", ")}, because the discovery role gets access entries`,
    "Set agentlessDiscoveryAccessEntries: false to map the role in aws-auth yourself (EksAgentlessDiscoveryAccess in CONFIG_MAP mode).",
  );
}
