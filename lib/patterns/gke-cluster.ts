import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { ITerraformDependable, TerraformProvider } from "cdktf";

/** Per-cluster settings of a {@link GkeCluster}. */
export interface GkeClusterOptions {
  /**
   * helm provider configured for this cluster (an alias). Give one to control how Terraform
   * authenticates to the cluster (e.g. `exec` with `gke-gcloud-auth-plugin`, or a kubeconfig context).
   * @default - the pattern creates one from the cluster's endpoint and CA certificate and the
   * google provider's access token (`google_client_config`)
   */
  readonly helmProvider?: TerraformProvider;
  /**
   * Key of the cluster in the pattern: construct IDs (`sensor-<key>`), the created helm provider's
   * alias and the pattern's maps. 1-40 lowercase letters, digits or hyphens, starting with a letter.
   * Set it when two clusters share a name (in different locations), or when the name is a reference.
   * Changing it changes the sensor's Terraform address (Helm reinstalls it).
   * @default - the cluster name
   */
  readonly key?: string;
  /**
   * Resources the sensor's `helm_release` waits for besides the cluster, e.g. the cluster's
   * `google_container_node_pool` (the release waits for the sensor pods, which need nodes).
   * @default - none
   */
  readonly sensorDependsOn?: ITerraformDependable[];
}

/** An existing GKE cluster, not defined in this app. */
export interface ExistingGkeClusterProps extends GkeClusterOptions {
  /** Cluster name. */
  readonly name: string;
  /** Region or zone of the cluster, e.g. `europe-west1` or `europe-west1-b`. */
  readonly location: string;
}

/**
 * A GKE cluster of a {@link GkeDefenderForContainers} pattern: a `google_container_cluster`
 * defined in this app, or an existing one by name and location. Validated by the pattern (errors
 * name `clusters[<index>]…`).
 *
 * @example
 * GkeCluster.fromContainerCluster(cluster)
 * GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b" })
 */
export class GkeCluster {
  /** A `google_container_cluster` defined in this app. */
  public static fromContainerCluster(cluster: ContainerCluster, options: GkeClusterOptions = {}): GkeCluster {
    return new GkeCluster(cluster.nameInput ?? cluster.name, cluster.locationInput ?? cluster.location, cluster, options);
  }

  /** An existing cluster, by name and location (read with a `google_container_cluster` data source when the pattern makes its helm provider). */
  public static fromName(props: ExistingGkeClusterProps): GkeCluster {
    const { name, location, ...options } = props;
    return new GkeCluster(name, location, undefined, options);
  }

  private constructor(
    /** Cluster name (a reference when the app's cluster takes it from one). */
    public readonly name: string,
    /** Region or zone (a reference when the app's cluster leaves it to the provider). */
    public readonly location: string,
    /** The cluster construct, for clusters defined in this app. */
    public readonly containerCluster: ContainerCluster | undefined,
    /** Per-cluster settings. */
    public readonly options: GkeClusterOptions,
  ) {}
}
