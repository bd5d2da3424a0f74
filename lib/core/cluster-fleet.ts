import { IConstruct } from "constructs";
import { AzureResourceIdFormat, parseAzureResourceId } from "./azure-resource-id";
import { DefenderValidationError, invalidValue } from "./errors";
import { isUnresolved, validateNonEmptyUnique } from "./validation";

/**
 * How a cluster's `for_each` key is formed when many clusters share one resource. Keys are
 * Terraform instance addresses (`resource.x["edge-01"]`): they must stay the same when other
 * clusters are added or removed, so they come from each cluster's own ID, never from its position.
 */
export enum FleetKey {
  /** The cluster name, e.g. `edge-01`. Two clusters with the same name in different groups are an error. */
  CLUSTER_NAME = "name",
  /** `<resource group>/<cluster name>`, e.g. `rg-stores/edge-01`, for fleets that reuse names across groups. */
  RESOURCE_GROUP_AND_NAME = "resourceGroup/name",
}

/** One cluster of a fleet. */
export interface FleetMember {
  /** The `for_each` key. */
  readonly key: string;
  /** The cluster resource ID (canonical casing when it was a literal, else a reference). */
  readonly clusterId: string;
  /** The cluster's subscription, when known at synth. */
  readonly subscriptionId?: string;
  /** Where the member came from, for error messages (e.g. `clusterIds[2]`). */
  readonly source: string;
  /** How to show the member in error messages when its ID is a reference (e.g. the construct path). */
  readonly label?: string;
}

/** The `for_each` key of a cluster. */
export function fleetKeyOf(fleetKey: FleetKey, resourceGroupName: string, clusterName: string): string {
  return fleetKey === FleetKey.RESOURCE_GROUP_AND_NAME ? `${resourceGroupName}/${clusterName}` : clusterName;
}

/**
 * Validates a list of literal cluster IDs of one format (non-empty, each once, right type) and
 * returns them as fleet members keyed by `fleetKey`. References are rejected: a `for_each` key
 * must be known at plan time, and a reference's name is not known at synth.
 */
export function fleetMembersFromIds(
  scope: IConstruct,
  prop: string,
  clusterIds: readonly string[] | undefined,
  format: AzureResourceIdFormat,
  fleetKey: FleetKey,
  what: string,
): FleetMember[] {
  const members = (clusterIds ?? []).map((id, index): FleetMember => {
    const source = `${prop}[${index}]`;
    if (isUnresolved(id)) {
      invalidValue(
        scope,
        source,
        "<unresolved reference>",
        `a literal value: ${format.description}`,
        "Its name becomes the for_each key, which Terraform needs at plan time; give such a cluster its own construct with the single-cluster property.",
      );
    }
    const parsed = parseAzureResourceId(scope, source, id, format)!;
    return {
      key: fleetKeyOf(fleetKey, parsed.resourceGroupName!, parsed.name),
      clusterId: parsed.id,
      subscriptionId: parsed.subscriptionId,
      source,
    };
  });
  validateNonEmptyUnique(scope, prop, members, (member) => member.clusterId, what);
  return members;
}

/**
 * Checks that no two members share a `for_each` key (compared case-insensitively, as Azure names
 * are) and returns the members sorted by key, so the output does not depend on input order.
 */
export function checkFleetKeys(scope: IConstruct, members: readonly FleetMember[], fleetKey: FleetKey): FleetMember[] {
  const seen = new Map<string, FleetMember>();
  for (const member of members) {
    const folded = member.key.toLowerCase();
    const first = seen.get(folded);
    if (first) {
      const hint =
        fleetKey === FleetKey.CLUSTER_NAME
          ? `Set fleetKey: FleetKey.RESOURCE_GROUP_AND_NAME to key clusters by "<resource group>/<name>".`
          : "Clusters with the same group and name in different subscriptions need separate constructs.";
      throw new DefenderValidationError(
        scope,
        `${member.source}: got ${JSON.stringify(member.label ?? member.clusterId)}, whose for_each key "${member.key}" is also the key of ${first.source} (${JSON.stringify(first.label ?? first.clusterId)}); expected every cluster to have its own key. ${hint}`,
      );
    }
    seen.set(folded, member);
  }
  return [...members].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
