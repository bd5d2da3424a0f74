import type { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { ITerraformDependable, TerraformProvider } from "cdktf";

/** Per-cluster settings of an {@link EksDefenderCluster}. */
export interface EksDefenderClusterOptions {
  /**
   * AWS region of the cluster.
   * @default - the cluster's literal `region` argument (clusters of the app), else the pattern's `region`
   */
  readonly region?: string;
  /**
   * Install the sensor on this cluster.
   * @default - the pattern's `sensor`
   */
  readonly sensor?: boolean;
  /**
   * helm provider configured for this cluster, e.g. one with `exec` authentication
   * (`aws eks get-token`) or a kubeconfig context.
   * @default - a helm provider the pattern creates from the cluster's endpoint and CA and an
   * `aws_eks_cluster_auth` token
   */
  readonly helmProvider?: TerraformProvider;
  /**
   * Resources the sensor's Helm release waits for, e.g. the cluster's node groups (the release
   * is atomic: without nodes its pods never become ready and the install is rolled back).
   * @default - none
   */
  readonly sensorDependsOn?: ITerraformDependable[];
  /**
   * The cluster runs EKS Auto Mode (the sensor's collectors then need SELinux type `super_t`).
   * @default false
   */
  readonly autoMode?: boolean;
}

/**
 * One EKS cluster of an `EksDefenderForContainers` account: an `aws_eks_cluster` of this app
 * ({@link EksDefenderCluster.fromCluster}), or an existing cluster by name
 * ({@link EksDefenderCluster.fromName}). Validated by the pattern (errors name `clusters[<i>]…`).
 *
 * @example
 * clusters: [EksDefenderCluster.fromCluster(prodCluster), EksDefenderCluster.fromName("legacy-eks", { region: "us-east-1" })]
 */
export class EksDefenderCluster {
  /**
   * An `aws_eks_cluster` defined in this app. The pattern adds `audit` to its
   * `enabled_cluster_log_types` and, with agentless discovery, Defender's CIDRs to a restricted
   * public endpoint. Its `name` must be a literal: it keys `for_each` instances, construct IDs
   * and the helm provider alias.
   */
  public static fromCluster(cluster: EksCluster, options: EksDefenderClusterOptions = {}): EksDefenderCluster {
    return new EksDefenderCluster(cluster?.nameInput as string, cluster, options);
  }

  /** An existing EKS cluster this app does not define, by its (literal) name. */
  public static fromName(clusterName: string, options: EksDefenderClusterOptions = {}): EksDefenderCluster {
    return new EksDefenderCluster(clusterName, undefined, options);
  }

  private constructor(
    /** The cluster name. */
    public readonly clusterName: string,
    /** The cluster construct, for a cluster of this app. */
    public readonly cluster: EksCluster | undefined,
    /** Per-cluster settings. */
    public readonly options: EksDefenderClusterOptions,
  ) {}
}
