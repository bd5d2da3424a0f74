import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { TerraformIterator, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AzureResourceIdFormats, isAzureResourceId } from "../core/azure-resource-id";
import { SensorExclusionTag } from "../core/catalog/sensor-exclusion";
import { checkFleetKeys, FleetKey, fleetMembersFromIds } from "../core/cluster-fleet";
import { invalidValue } from "../core/errors";
import { tagClustersForSensorExclusion } from "../core/sensor-exclusion";
import { azapiProviderOrDefault } from "./azapi/provider";
import { AzapiResourceAction } from "./azapi/resource-action";

/**
 * `Microsoft.Resources/tags` at a resource's scope: PATCH with `operation: "Merge"` adds tags and
 * leaves the others alone (ARM "Tags - Update At Scope"); a PUT would replace every tag.
 */
const TAGS_AT_SCOPE_TYPE = "Microsoft.Resources/tags@2021-04-01";

/** Props of {@link AksSensorExclusion}. */
export interface AksSensorExclusionProps {
  /**
   * AKS clusters defined in this app: the tag is added to their `tags` (kept with the tags they
   * already have). Set a cluster's own tags before this construct: assigning `tags` later replaces them.
   * @default - none
   */
  readonly clusters?: KubernetesCluster[];
  /**
   * Existing AKS clusters, by literal resource ID: the tag is merged into each cluster's tags with
   * one `azapi_resource_action` (`for_each`, keyed by cluster name) that PATCHes
   * `<cluster>/providers/Microsoft.Resources/tags/default` with `operation: "Merge"`, leaving the
   * cluster itself and its other tags untouched. A second action on destroy deletes the tag again.
   * If the cluster's tags are managed by Terraform elsewhere, add the tag there instead: that
   * configuration would remove it on its next apply.
   * @default - none
   */
  readonly existingClusterIds?: string[];
  /**
   * How the `for_each` keys of existing clusters are formed.
   * @default FleetKey.CLUSTER_NAME
   */
  readonly fleetKey?: FleetKey;
  /**
   * azapi provider for the existing clusters' actions.
   * @default - the stack's default azapi provider (one is added if the stack has none)
   */
  readonly azapiProvider?: TerraformProvider;
}

/**
 * Keeps Defender's automatic sensor deployment off AKS clusters with the documented tag
 * `ms_defender_container_exclude_sensors = "true"` (defender-docs
 * `defender-for-containers-exclude-cluster.md`): "mixed deployment", where the plan keeps
 * auto-provisioning on and the excluded clusters get the sensor another way, or not at all.
 *
 * Tag a cluster before auto-provisioning reaches it: the tag does not remove a sensor that is
 * already deployed (turn it off with `AksDefenderSensor` `enabled: false`). The tag stops the
 * sensor only; the plan still bills the cluster's vCores (see docs/exemptions-and-exclusion.md).
 * Arc-enabled clusters are refused: Microsoft does not support the tag on on-premises Arc clusters.
 */
export class AksSensorExclusion extends Construct {
  /** The clusters of the app that got the tag. */
  public readonly clusters: readonly KubernetesCluster[];
  /** The tag merges on existing clusters (one resource, `for_each` keyed by cluster), if any. */
  public readonly tagMerge?: AzapiResourceAction;
  /** The tag removals on destroy, if any. */
  public readonly tagRemoval?: AzapiResourceAction;

  constructor(scope: Construct, id: string, props: AksSensorExclusionProps) {
    super(scope, id);
    const clusters = props.clusters ?? [];
    const existing = props.existingClusterIds ?? [];
    if (clusters.length === 0 && existing.length === 0) {
      invalidValue(this, "clusters", clusters, "at least one cluster of the app or one existing cluster ID (existingClusterIds)");
    }
    this.clusters = clusters.length === 0 ? [] : tagClustersForSensorExclusion(this, clusters, (c) => c.tagsInput, (c, tags) => (c.tags = tags), "tags");
    if (existing.length === 0) return;

    existing.forEach((clusterId, i) => {
      if (typeof clusterId === "string" && isAzureResourceId(clusterId, AzureResourceIdFormats.CONNECTED_CLUSTER)) {
        invalidValue(
          this,
          `existingClusterIds[${i}]`,
          clusterId,
          "an AKS cluster ID",
          "Exclusion tags aren't supported for Arc-enabled clusters in on-premises environments (defender-docs defender-for-containers-exclude-cluster.md); for EKS and GKE clusters tag the cluster in AWS or GCP (EksSensorExclusion, GkeSensorExclusion).",
        );
      }
    });
    const fleetKey = props.fleetKey ?? FleetKey.CLUSTER_NAME;
    const members = checkFleetKeys(this, fleetMembersFromIds(this, "existingClusterIds", existing, AzureResourceIdFormats.AKS_CLUSTER, fleetKey, "cluster"), fleetKey);
    const iterator = TerraformIterator.fromMap(Object.fromEntries(members.map((m) => [m.key, `${m.clusterId}/providers/Microsoft.Resources/tags/default`])));
    const provider = azapiProviderOrDefault(this, props.azapiProvider);
    // Merge on apply; delete the same tag when this construct is destroyed.
    const action = (id: string, operation: "Merge" | "Delete", when?: "destroy") =>
      new AzapiResourceAction(this, id, {
        forEach: iterator,
        type: TAGS_AT_SCOPE_TYPE,
        resourceId: iterator.value,
        method: "PATCH",
        body: { operation, properties: { tags: { [SensorExclusionTag.KEY]: SensorExclusionTag.VALUE } } },
        when,
        provider,
      });
    this.tagMerge = action("tag", "Merge");
    this.tagRemoval = action("untag-on-destroy", "Delete", "destroy");
  }
}
