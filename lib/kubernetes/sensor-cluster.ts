import { Fn } from "cdktf";
import { isUnresolved } from "../core/validation";

/** Kubernetes distribution of a cluster the Helm sensor is installed on (legacy `Azure.Cluster.Distribution`). */
export enum SensorDistribution {
  /** Amazon EKS. */
  EKS = "eks",
  /** Google GKE. */
  GKE = "gke",
  /** Azure AKS, with the chart instead of the AKS security profile (`install_defender_sensor_aks.sh`). */
  AKS = "aks",
  /**
   * A self-managed cluster on AWS or GCP infrastructure. Microsoft's install script only knows
   * `eks` and `gke`; whether the chart accepts `other` is unverified.
   */
  OTHER = "other",
}

/** Cloud a cluster runs in: selects `global.cloudIdentifiers.<cloud>` and the legacy infrastructure values. */
export enum SensorInfrastructure {
  AWS = "AWS",
  GCP = "GCP",
  AZURE = "Azure",
}

/** An EKS cluster. */
export interface EksSensorClusterProps {
  /** AWS account of the cluster (12 digits). */
  readonly accountId: string;
  /** AWS region of the cluster, e.g. `eu-west-1`. */
  readonly region: string;
  /** EKS cluster name. */
  readonly clusterName: string;
  /**
   * The cluster runs EKS Auto Mode: the collectors then need SELinux type `super_t`
   * (`collectors.seLinuxOptions.type`, as Microsoft's install script sets for `eksautomode`).
   * @default false
   */
  readonly autoMode?: boolean;
}

/** A GKE cluster. */
export interface GkeSensorClusterProps {
  /** GCP project ID of the cluster. */
  readonly projectId: string;
  /** Region or zone of the cluster, e.g. `europe-west1` or `europe-west1-b`. */
  readonly location: string;
  /** GKE cluster name. */
  readonly clusterName: string;
}

/** An AKS cluster. */
export interface AksSensorClusterProps {
  /**
   * Resource ID of the managed cluster, literal or a reference such as `KubernetesCluster.id`:
   * `/subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/<name>`.
   * The chart's subscription, resource group and cluster name are taken from it.
   */
  readonly clusterId: string;
  /** Azure region of the cluster, e.g. `westeurope` (or `KubernetesCluster.location`). */
  readonly location: string;
  /**
   * The cluster is AKS Automatic: the chart then goes into `kube-system`, the only namespace in
   * which gated deployment works on AKS Automatic (deploy-helm.md).
   * @default false
   */
  readonly automatic?: boolean;
}

/** How an AKS cluster is named in the chart values (from {@link SensorCluster.aks}). */
export interface AksClusterIdentity {
  /** The resource ID as given (validated by the sensor). */
  readonly clusterId: string;
  /** Its subscription segment (a literal, or a `split` expression for a reference). */
  readonly subscriptionId: string;
  /** Its resource group segment. */
  readonly resourceGroupName: string;
  /** AKS Automatic. */
  readonly automatic: boolean;
}

/** A self-managed cluster on AWS or GCP. */
export interface OtherSensorClusterProps {
  /** The cloud it runs in. */
  readonly infrastructure: SensorInfrastructure;
  /** Cluster name. */
  readonly clusterName: string;
  /** AWS region, or GCP region or zone. */
  readonly region: string;
  /**
   * AWS account ID. Required on AWS.
   * @default - none
   */
  readonly accountId?: string;
  /**
   * GCP project ID. Required on GCP.
   * @default - none
   */
  readonly projectId?: string;
}

/**
 * The cluster a {@link HelmDefenderSensor} is installed on, by distribution. Validated by the sensor
 * (errors name `cluster.<prop>`).
 *
 * @example
 * SensorCluster.eks({ accountId: "123456789012", region: "eu-west-1", clusterName: "prod" })
 */
export class SensorCluster {
  /** An EKS cluster. */
  public static eks(props: EksSensorClusterProps): SensorCluster {
    return new SensorCluster(SensorDistribution.EKS, SensorInfrastructure.AWS, props.clusterName, props.region, props.accountId, undefined, props.autoMode ?? false);
  }

  /** A GKE cluster. */
  public static gke(props: GkeSensorClusterProps): SensorCluster {
    return new SensorCluster(SensorDistribution.GKE, SensorInfrastructure.GCP, props.clusterName, props.location, undefined, props.projectId, false);
  }

  /** A self-managed cluster on AWS or GCP. */
  public static other(props: OtherSensorClusterProps): SensorCluster {
    return new SensorCluster(SensorDistribution.OTHER, props.infrastructure, props.clusterName, props.region, props.accountId, props.projectId, false);
  }

  /**
   * An AKS cluster, identified by its Azure resource ID (no security connector). For a reference
   * the name parts are read with Terraform's `split` at plan time.
   */
  public static aks(props: AksSensorClusterProps): SensorCluster {
    const id = props.clusterId;
    const part = (index: number): string => (isUnresolved(id) ? Fn.element(Fn.split("/", id), index) : (id.split("/")[index] ?? ""));
    return new SensorCluster(SensorDistribution.AKS, SensorInfrastructure.AZURE, part(8), props.location, undefined, undefined, false, {
      clusterId: id,
      subscriptionId: part(2),
      resourceGroupName: part(4),
      automatic: props.automatic ?? false,
    });
  }

  private constructor(
    /** Distribution. */
    public readonly distribution: SensorDistribution,
    /** Cloud the cluster runs in. */
    public readonly infrastructure: SensorInfrastructure,
    /** Cluster name. */
    public readonly clusterName: string,
    /** AWS region, or GCP region or zone. */
    public readonly region: string,
    /** AWS account ID (AWS only). */
    public readonly accountId: string | undefined,
    /** GCP project ID (GCP only). */
    public readonly projectId: string | undefined,
    /** EKS Auto Mode. */
    public readonly eksAutoMode: boolean,
    /** AKS only: the cluster's resource ID and its parts, and whether it is AKS Automatic. */
    public readonly aks?: AksClusterIdentity,
  ) {}
}
