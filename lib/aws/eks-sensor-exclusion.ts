import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { Construct } from "constructs";
import { tagClustersForSensorExclusion } from "../core/sensor-exclusion";

/** Props of {@link EksSensorExclusion}. */
export interface EksSensorExclusionProps {
  /**
   * EKS clusters defined in this app: the tag is added to their `tags`, next to the tags they have.
   * Set a cluster's own tags before this construct: assigning `tags` later replaces them.
   */
  readonly clusters: EksCluster[];
}

/**
 * Keeps Defender's automatic sensor deployment (through the AWS connector) off EKS clusters of
 * the app with the documented AWS tag `ms_defender_container_exclude_sensors = "true"`
 * (defender-docs `defender-for-containers-exclude-cluster.md`, "EKS" tab).
 *
 * Existing clusters cannot be tagged from here: the aws provider has no resource that tags an EKS
 * cluster without managing it (`aws_ec2_tag` is for EC2 resources), and adopting the cluster as
 * `aws_eks_cluster` would put its whole configuration under this app. Tag them with
 * `aws eks tag-resource --resource-arn <cluster ARN> --tags ms_defender_container_exclude_sensors=true`
 * or in the configuration that owns them (docs/exemptions-and-exclusion.md).
 * Tag before the connector deploys the sensor: the tag does not remove a deployed sensor.
 */
export class EksSensorExclusion extends Construct {
  /** The clusters that got the tag. */
  public readonly clusters: readonly EksCluster[];

  constructor(scope: Construct, id: string, props: EksSensorExclusionProps) {
    super(scope, id);
    this.clusters = tagClustersForSensorExclusion(this, props.clusters, (c) => c.tagsInput, (c, tags) => (c.tags = tags), "tags");
  }
}
