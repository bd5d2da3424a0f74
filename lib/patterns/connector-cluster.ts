import { ITerraformDependable, TerraformProvider } from "cdktf";

/**
 * Per-cluster settings every connector-cloud pattern takes (`EksDefenderCluster`,
 * `GkeDefenderCluster`); each cloud adds its own.
 */
export interface ConnectorClusterOptions {
  /**
   * Key of the cluster in the pattern: construct IDs (`sensor-<key>`, `helm-<key>`), the created
   * helm provider's alias and the pattern's maps. 1-40 lowercase letters, digits or hyphens,
   * starting with a letter. Set it when two clusters share a name (in different locations), or when
   * the name is a reference. Changing it changes the sensor's Terraform address (Helm reinstalls it).
   * @default - the cluster name
   */
  readonly key?: string;
  /**
   * Install the sensor on this cluster.
   * @default - the pattern's `sensor`
   */
  readonly sensor?: boolean;
  /**
   * helm provider configured for this cluster (an alias), e.g. one with `exec` authentication
   * (`aws eks get-token`, `gke-gcloud-auth-plugin`) or a kubeconfig context.
   * @default - a helm provider the pattern creates from the cluster's endpoint, CA certificate and
   * the cloud's token (`aws_eks_cluster_auth`, `google_client_config`)
   */
  readonly helmProvider?: TerraformProvider;
  /**
   * Resources the sensor's `helm_release` waits for besides the connector, e.g. the cluster's node
   * groups or node pools (the release is atomic and waits for the sensor pods, which need nodes).
   * @default - none
   */
  readonly sensorDependsOn?: ITerraformDependable[];
}

/** What both clouds' cluster references expose (`EksDefenderCluster`, `GkeDefenderCluster`). */
export interface IConnectorCluster {
  /** The cluster name (a reference when the app's cluster takes it from one). */
  readonly name: string;
  /** Per-cluster settings. */
  readonly options: ConnectorClusterOptions;
}
