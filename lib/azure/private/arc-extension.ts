import { ArcKubernetesClusterExtension, ArcKubernetesClusterExtensionConfig } from "@cdktf/provider-azurerm/lib/arc-kubernetes-cluster-extension";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { AzureResourceIdFormats, parseAzureResourceId } from "../../core/azure-resource-id";
import { checkFleetKeys, FleetKey, fleetMembersFromIds } from "../../core/cluster-fleet";
import { invalidValue } from "../../core/errors";
import { isUnresolved, validatePattern } from "../../core/validation";
import type { ArcClusterTargets } from "../arc-defender-sensor";

// Shared by ArcDefenderSensor and ArcPolicyExtension: one extension resource for one cluster, or
// one resource with for_each over a fleet. Not exported from the package.

/** The extension resource and the clusters it covers. */
export interface ArcExtensionResult {
  readonly extension: ArcKubernetesClusterExtension;
  /** for_each keys, sorted; empty for a single cluster. */
  readonly clusterKeys: string[];
  /** Cluster IDs (canonical casing for literals), in key order. */
  readonly clusterIds: string[];
}

/** Validates the targets and creates the extension resource with construct ID `extension`. */
export function newArcExtension(
  scope: Construct,
  targets: ArcClusterTargets,
  config: Omit<ArcKubernetesClusterExtensionConfig, "clusterId" | "forEach">,
): ArcExtensionResult {
  validateReleaseTrainAndVersion(scope, config);
  if (targets.clusterId !== undefined && targets.clusterIds !== undefined) {
    invalidValue(scope, "clusterIds", targets.clusterIds, "clusterIds or clusterId, not both");
  }
  if (targets.clusterId === undefined && targets.clusterIds === undefined) {
    invalidValue(scope, "clusterIds", undefined, "clusterId (one cluster) or clusterIds (a fleet)");
  }
  if (targets.clusterId !== undefined) {
    const parsed = parseAzureResourceId(scope, "clusterId", targets.clusterId, AzureResourceIdFormats.CONNECTED_CLUSTER);
    const clusterId = parsed?.id ?? targets.clusterId;
    const extension = new ArcKubernetesClusterExtension(scope, "extension", { ...config, clusterId });
    return { extension, clusterKeys: [], clusterIds: [clusterId] };
  }
  const fleetKey = targets.fleetKey ?? FleetKey.CLUSTER_NAME;
  const members = checkFleetKeys(
    scope,
    fleetMembersFromIds(scope, "clusterIds", targets.clusterIds, AzureResourceIdFormats.CONNECTED_CLUSTER, fleetKey, "connected cluster"),
    fleetKey,
  );
  const iterator = TerraformIterator.fromMap(Object.fromEntries(members.map((m) => [m.key, m.clusterId])));
  const extension = new ArcKubernetesClusterExtension(scope, "extension", { ...config, forEach: iterator, clusterId: iterator.value });
  return { extension, clusterKeys: members.map((m) => m.key), clusterIds: members.map((m) => m.clusterId) };
}

const RELEASE_TRAINS = ["Stable", "Preview"];
const EXTENSION_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** The release trains Arc extensions publish (azurerm docs), and a semantic version when pinned. */
function validateReleaseTrainAndVersion(scope: Construct, config: { releaseTrain?: string; version?: string }): void {
  if (config.releaseTrain !== undefined && !isUnresolved(config.releaseTrain) && !RELEASE_TRAINS.includes(config.releaseTrain)) {
    invalidValue(scope, "releaseTrain", config.releaseTrain, `one of ${RELEASE_TRAINS.map((t) => JSON.stringify(t)).join(", ")} (ArcReleaseTrain)`);
  }
  if (config.version !== undefined) validatePattern(scope, "version", config.version, EXTENSION_VERSION, "an extension version such as 0.7.12 or 1.2.3-preview");
}
