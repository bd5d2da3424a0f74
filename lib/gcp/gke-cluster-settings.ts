// Settings Defender needs on a `google_container_cluster` defined in the same app. A function, not
// a construct: it changes the cluster's own arguments, so there is nothing new to emit.
import { ContainerCluster, ContainerClusterMasterAuthorizedNetworksConfigCidrBlocks } from "@cdktf/provider-google/lib/container-cluster";
import { Annotations } from "cdktf";
import { DEFENDER_API_SERVER_SOURCE_CIDRS, GKE_DEFENDER_AUTHORIZED_NETWORK_DISPLAY_NAME } from "../core/catalog";
import { isUnresolved } from "../core/validation";

/**
 * Lets Defender's agentless discovery reach the cluster's public control-plane endpoint: when
 * `master_authorized_networks_config` restricts it, adds Defender's source CIDRs
 * (`172.212.245.192/28`, `48.209.1.192/28`; MS-Docs defender-for-containers-network-access) as
 * authorized networks. Defender adds them itself through `MDCGkeClusterWriteRole`
 * (`container.clusters.update`), so listing them here also keeps Terraform from removing them again.
 *
 * A cluster without authorized networks (endpoint open) or with `0.0.0.0/0` is left as it is.
 * A private endpoint, or `cidr_blocks` given as a reference, gets a synth warning instead: the
 * first cannot be reached from those CIDRs, the second cannot be merged at synth. Idempotent.
 *
 * @param displayName display name of the added entries
 */
export function allowDefenderGkeApiServerAccess(cluster: ContainerCluster, displayName: string = GKE_DEFENDER_AUTHORIZED_NETWORK_DISPLAY_NAME): void {
  const cidrs = DEFENDER_API_SERVER_SOURCE_CIDRS.join(", ");
  if (cluster.privateClusterConfig.enablePrivateEndpointInput === true) {
    Annotations.of(cluster).addWarning(
      `private_cluster_config.enable_private_endpoint is true: Defender's agentless discovery reaches control planes from ${cidrs} over the public endpoint and cannot reach this cluster.`,
    );
    return;
  }
  const networks = cluster.masterAuthorizedNetworksConfig;
  if (networks.internalValue === undefined) return;
  const current = networks.cidrBlocksInput;
  if (isUnresolved(current)) {
    Annotations.of(cluster).addWarning(
      `master_authorized_networks_config.cidr_blocks is a reference: add ${cidrs} to it for Defender's agentless discovery, or Terraform and Defender will keep changing it.`,
    );
    return;
  }
  const blocks = (current ?? []) as ContainerClusterMasterAuthorizedNetworksConfigCidrBlocks[];
  if (blocks.some((block) => block.cidrBlock === "0.0.0.0/0")) return;
  const missing = DEFENDER_API_SERVER_SOURCE_CIDRS.filter((cidr) => !blocks.some((block) => block.cidrBlock === cidr));
  if (missing.length > 0) networks.putCidrBlocks([...blocks, ...missing.map((cidrBlock) => ({ cidrBlock, displayName }))]);
}
