import { BuiltInPolicies } from "../../core/catalog/azure";
import { TerraformType } from "../resource-types";
import { ResourceCoverageRule, RuleCompliance } from "../rule";
import { clusterExcludedFromSensor } from "../sensor-exclusion";
import { blockOf, isExpression, isSetString, referencedIds, StackResources, SynthesizedConfig } from "../synthesized-config";
import { isSensorHelmRelease } from "./ClusterSensorHelmRelease";

/**
 * True when an `azurerm_kubernetes_cluster` has the Defender sensor: a `microsoft_defender` block
 * with a `log_analytics_workspace_id` (ARM `securityProfile.defender`). A reference counts as set.
 */
export function aksClusterHasDefenderSensor(config: SynthesizedConfig): boolean {
  const block = blockOf(config, "microsoft_defender");
  if (block === undefined) return false;
  if (isExpression(block)) return true;
  return isSetString((block as Record<string, unknown>).log_analytics_workspace_id);
}

/**
 * True when a sensor `helm_release` of the stack references the AKS cluster `logicalId` (the chart on
 * AKS, `HelmDefenderSensor` with `SensorCluster.aks`, names the cluster's resource ID in its values).
 */
export function aksClusterHasSensorChart(logicalId: string, stack: StackResources): boolean {
  return stack
    .ofType(TerraformType.HELM_RELEASE)
    .some(
      (release) =>
        isSensorHelmRelease(release.config) &&
        (referencedIds(release.config, TerraformType.AKS_CLUSTER).includes(logicalId) ||
          (release.references ?? []).some((address) => address.startsWith(`${TerraformType.AKS_CLUSTER}.${logicalId}.`))),
    );
}

/** MDC-AKS-1: an AKS cluster without the Defender sensor (not applicable to clusters tagged for exclusion). */
export const AksClusterDefenderSensor: ResourceCoverageRule = {
  id: "MDC-AKS-1",
  name: "AksClusterDefenderSensor",
  info: "The AKS cluster has no Defender sensor (no microsoft_defender block with a log_analytics_workspace_id, and no sensor helm_release that names the cluster).",
  explanation:
    "Without the sensor Defender gets no runtime threat detection from the nodes. Add AksDefenderSensor (or HelmDefenderSensor with SensorCluster.aks) for the cluster; " +
    `if policy ${BuiltInPolicies.AKS_DEFENDER_PROFILE.name} or auto-provisioning installs the sensor instead, acknowledge the finding. ` +
    "A cluster kept off the sensor on purpose carries ms_defender_container_exclude_sensors=true (AksSensorExclusion) and is not reported.",
  resourceTypes: [TerraformType.AKS_CLUSTER],
  checkResource: (resource, stack) =>
    aksClusterHasDefenderSensor(resource.config) || aksClusterHasSensorChart(resource.logicalId, stack)
      ? RuleCompliance.COMPLIANT
      : clusterExcludedFromSensor(resource)
        ? RuleCompliance.NOT_APPLICABLE
        : RuleCompliance.NON_COMPLIANT,
};
