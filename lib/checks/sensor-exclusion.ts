import { hasSensorExclusionTag } from "../core/sensor-exclusion";
import { TerraformType } from "./resource-types";
import { SynthesizedResource } from "./synthesized-config";

/** The argument that holds a cluster's tags (AKS, EKS) or labels (GKE). */
const TAG_ARGUMENT: Readonly<Record<string, string>> = {
  [TerraformType.AKS_CLUSTER]: "tags",
  [TerraformType.EKS_CLUSTER]: "tags",
  [TerraformType.GKE_CLUSTER]: "resource_labels",
};

/**
 * True when a synthesized AKS, EKS or GKE cluster carries the documented sensor exclusion tag
 * (`ms_defender_container_exclude_sensors = "true"`): such a cluster is left out of automatic
 * sensor deployment on purpose, so a missing sensor is "excluded", not a gap.
 */
export function clusterExcludedFromSensor(resource: SynthesizedResource): boolean {
  const argument = TAG_ARGUMENT[resource.type];
  return argument !== undefined && hasSensorExclusionTag(resource.config[argument]);
}
