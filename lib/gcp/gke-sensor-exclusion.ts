import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { Construct } from "constructs";
import { tagClustersForSensorExclusion } from "../core/sensor-exclusion";

/** Props of {@link GkeSensorExclusion}. */
export interface GkeSensorExclusionProps {
  /**
   * GKE clusters defined in this app: the label is added to their `resource_labels`, next to the labels
   * they have. Set a cluster's own labels before this construct: assigning `resourceLabels` later replaces them.
   */
  readonly clusters: ContainerCluster[];
}

/**
 * Keeps Defender's automatic sensor deployment (through the GCP connector) off GKE clusters of
 * the app with the documented label `ms_defender_container_exclude_sensors = "true"`
 * (defender-docs `defender-for-containers-exclude-cluster.md`, "GKE" tab). The key and value are
 * valid GCP labels (lower-case letters, digits and underscores; at most 63 characters).
 *
 * Existing clusters cannot be labelled from here without adopting them as `google_container_cluster`;
 * label them with `gcloud container clusters update <name> --update-labels
 * ms_defender_container_exclude_sensors=true` or in the configuration that owns them. Label before
 * the connector deploys the sensor: the label does not remove a deployed sensor.
 */
export class GkeSensorExclusion extends Construct {
  /** The clusters that got the label. */
  public readonly clusters: readonly ContainerCluster[];

  constructor(scope: Construct, id: string, props: GkeSensorExclusionProps) {
    super(scope, id);
    this.clusters = tagClustersForSensorExclusion(
      this,
      props.clusters,
      (c) => c.resourceLabelsInput,
      (c, labels) => (c.resourceLabels = labels),
      "resourceLabels",
    );
  }
}
