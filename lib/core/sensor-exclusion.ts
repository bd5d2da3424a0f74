import { Fn, Token } from "cdktf";
import { IConstruct } from "constructs";
import { SensorExclusionTag } from "./catalog/sensor-exclusion";
import { DefenderValidationError } from "./errors";
import { isUnresolved, validateNonEmptyUnique } from "./validation";

/** A map of tags or labels as the prebuilt providers type it. */
export type TagMap = { [key: string]: string };

/**
 * `current` plus the sensor exclusion tag (`ms_defender_container_exclude_sensors = "true"`).
 * A map known only at plan time is merged in Terraform (`merge(...)`). A literal map that already
 * sets the key to something else is an error: the cluster would silently stay included.
 */
export function withSensorExclusionTag(scope: IConstruct, prop: string, current: TagMap | undefined): TagMap {
  const tag = { [SensorExclusionTag.KEY]: SensorExclusionTag.VALUE };
  if (current === undefined) return tag;
  if (isUnresolved(current)) return Token.asStringMap(Fn.merge([current, tag]));
  const existing = current[SensorExclusionTag.KEY];
  if (existing !== undefined && !isUnresolved(existing) && existing !== SensorExclusionTag.VALUE) {
    throw new DefenderValidationError(
      scope,
      `${prop}: got ${SensorExclusionTag.KEY} = ${JSON.stringify(existing)}; expected "${SensorExclusionTag.VALUE}" (or no such tag) on a cluster excluded from the sensor.`,
    );
  }
  return { ...current, ...tag };
}

/** True when a synthesized tag or label map holds the exclusion tag (an expression does not count: its value is unknown). */
export function hasSensorExclusionTag(tags: unknown): boolean {
  return tags !== null && typeof tags === "object" && !Array.isArray(tags) && (tags as Record<string, unknown>)[SensorExclusionTag.KEY] === SensorExclusionTag.VALUE;
}

/**
 * Adds the exclusion tag to each cluster of the app (non-empty, each once) through the given
 * accessors of its tag or label map (`tags`, `resourceLabels`). Returns the clusters.
 */
export function tagClustersForSensorExclusion<C extends IConstruct>(
  scope: IConstruct,
  clusters: readonly C[] | undefined,
  tagsOf: (cluster: C) => TagMap | undefined,
  setTags: (cluster: C, tags: TagMap) => void,
  tagsArgument: string,
): readonly C[] {
  validateNonEmptyUnique(scope, "clusters", clusters, (cluster) => cluster.node.path, "cluster");
  clusters!.forEach((cluster, i) => setTags(cluster, withSensorExclusionTag(scope, `clusters[${i}].${tagsArgument}`, tagsOf(cluster))));
  return clusters!;
}
