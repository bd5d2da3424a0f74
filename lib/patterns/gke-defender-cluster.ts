import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { ConnectorClusterOptions, IConnectorCluster } from "./connector-cluster";

/** Per-cluster settings of a {@link GkeDefenderCluster}. */
export interface GkeClusterOptions extends ConnectorClusterOptions {}

/** Settings of an existing GKE cluster ({@link GkeDefenderCluster.fromName}). */
export interface ExistingGkeClusterOptions extends GkeClusterOptions {
  /** Region or zone of the cluster, e.g. `europe-west1` or `europe-west1-b`. */
  readonly location: string;
}

/**
 * An existing GKE cluster, not defined in this app: name and settings in one object.
 * @deprecated Use `GkeDefenderCluster.fromName(name, { location, ... })`; removed in 0.2.0.
 */
export interface ExistingGkeClusterProps extends ExistingGkeClusterOptions {
  /** Cluster name. */
  readonly name: string;
}

/**
 * A GKE cluster of a {@link GkeDefenderForContainers} pattern: a `google_container_cluster`
 * defined in this app ({@link GkeDefenderCluster.fromCluster}), or an existing one by name and
 * location ({@link GkeDefenderCluster.fromName}). The same factories and attributes as
 * `EksDefenderCluster`. Validated by the pattern (errors name `clusters[<index>]…`).
 *
 * @example
 * GkeDefenderCluster.fromCluster(cluster)
 * GkeDefenderCluster.fromName("legacy-gke", { location: "europe-west1-b" })
 */
export class GkeDefenderCluster implements IConnectorCluster {
  /** A `google_container_cluster` defined in this app. */
  public static fromCluster(cluster: ContainerCluster, options: GkeClusterOptions = {}): GkeDefenderCluster {
    return new GkeDefenderCluster(cluster?.nameInput ?? cluster?.name, cluster?.locationInput ?? cluster?.location, cluster, options);
  }

  /**
   * A `google_container_cluster` defined in this app.
   * @deprecated Use {@link GkeDefenderCluster.fromCluster}; removed in 0.2.0.
   */
  public static fromContainerCluster(cluster: ContainerCluster, options: GkeClusterOptions = {}): GkeDefenderCluster {
    return GkeDefenderCluster.fromCluster(cluster, options);
  }

  /**
   * An existing cluster, by name and location (read with a `google_container_cluster` data source
   * when the pattern makes its helm provider). The one-object form `fromName({ name, location })`
   * is deprecated and removed in 0.2.0.
   */
  public static fromName(name: string | ExistingGkeClusterProps, options?: ExistingGkeClusterOptions): GkeDefenderCluster {
    if (typeof name === "object" && name !== null) {
      const { name: clusterName, location, ...rest } = name;
      return new GkeDefenderCluster(clusterName, location, undefined, rest);
    }
    const { location, ...rest } = options ?? ({} as ExistingGkeClusterOptions);
    return new GkeDefenderCluster(name, location, undefined, rest);
  }

  private constructor(
    /** Cluster name (a reference when the app's cluster takes it from one). */
    public readonly name: string,
    /** Region or zone (a reference when the app's cluster leaves it to the provider). */
    public readonly location: string,
    /** The cluster construct, for clusters defined in this app. */
    public readonly cluster: ContainerCluster | undefined,
    /** Per-cluster settings. */
    public readonly options: GkeClusterOptions,
  ) {}

  /**
   * The cluster construct, for clusters defined in this app.
   * @deprecated Use {@link GkeDefenderCluster.cluster}; removed in 0.2.0.
   */
  public get containerCluster(): ContainerCluster | undefined {
    return this.cluster;
  }
}

/**
 * The former name of {@link GkeDefenderCluster}.
 * @deprecated Use `GkeDefenderCluster`; removed in 0.2.0.
 */
export const GkeCluster = GkeDefenderCluster;
/** @deprecated Use `GkeDefenderCluster`; removed in 0.2.0. */
export type GkeCluster = GkeDefenderCluster;
