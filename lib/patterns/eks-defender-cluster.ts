import type { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { ConnectorClusterOptions, IConnectorCluster } from "./connector-cluster";

/** Per-cluster settings of an {@link EksDefenderCluster}. */
export interface EksDefenderClusterOptions extends ConnectorClusterOptions {
  /**
   * AWS region of the cluster.
   * @default - the cluster's literal `region` argument (clusters of the app), else the pattern's `region`
   */
  readonly region?: string;
  /**
   * The cluster runs EKS Auto Mode (the sensor's collectors then need SELinux type `super_t`).
   * @default false
   */
  readonly autoMode?: boolean;
}

/**
 * One EKS cluster of an `EksDefenderForContainers` account: an `aws_eks_cluster` of this app
 * ({@link EksDefenderCluster.fromCluster}), or an existing cluster by name
 * ({@link EksDefenderCluster.fromName}). The same factories and attributes as `GkeDefenderCluster`.
 * Validated by the pattern (errors name `clusters[<i>]…`).
 *
 * @example
 * clusters: [EksDefenderCluster.fromCluster(prodCluster), EksDefenderCluster.fromName("legacy-eks", { region: "us-east-1" })]
 */
export class EksDefenderCluster implements IConnectorCluster {
  /**
   * An `aws_eks_cluster` defined in this app. The pattern adds `audit` to its
   * `enabled_cluster_log_types`, sets (or checks) the authentication mode access entries need and,
   * with agentless discovery, adds Defender's CIDRs to a restricted public endpoint. Its `name` must
   * be a literal: it keys `for_each` instances, construct IDs and the helm provider alias.
   */
  public static fromCluster(cluster: EksCluster, options: EksDefenderClusterOptions = {}): EksDefenderCluster {
    return new EksDefenderCluster(cluster?.nameInput as string, cluster, options);
  }

  /** An existing EKS cluster this app does not define, by its (literal) name. */
  public static fromName(name: string, options: EksDefenderClusterOptions = {}): EksDefenderCluster {
    return new EksDefenderCluster(name, undefined, options);
  }

  private constructor(
    /** The cluster name. */
    public readonly name: string,
    /** The cluster construct, for a cluster of this app. */
    public readonly cluster: EksCluster | undefined,
    /** Per-cluster settings. */
    public readonly options: EksDefenderClusterOptions,
  ) {}

  /**
   * The cluster name.
   * @deprecated Use {@link EksDefenderCluster.name}; removed in 0.2.0.
   */
  public get clusterName(): string {
    return this.name;
  }
}
