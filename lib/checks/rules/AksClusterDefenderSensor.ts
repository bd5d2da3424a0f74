import { BuiltInPolicies } from "../../core/catalog/azure";
import { TerraformType } from "../resource-types";
import { ResourceCoverageRule, RuleCompliance } from "../rule";
import { clusterExcludedFromSensor } from "../sensor-exclusion";
import { blockOf, isExpression, isSetString, SynthesizedConfig } from "../synthesized-config";

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

/** MDC-AKS-1: an AKS cluster without the Defender sensor (not applicable to clusters tagged for exclusion). */
export const AksClusterDefenderSensor: ResourceCoverageRule = {
  id: "MDC-AKS-1",
  name: "AksClusterDefenderSensor",
  info: "The AKS cluster has no Defender sensor (no microsoft_defender block with a log_analytics_workspace_id).",
  explanation:
    "Without the sensor Defender gets no runtime threat detection from the nodes. Add AksDefenderSensor for the cluster; " +
    `if policy ${BuiltInPolicies.AKS_DEFENDER_PROFILE.name} or auto-provisioning installs the sensor instead, acknowledge the finding. ` +
    "A cluster kept off the sensor on purpose carries ms_defender_container_exclude_sensors=true (AksSensorExclusion) and is not reported.",
  resourceTypes: [TerraformType.AKS_CLUSTER],
  checkResource: (resource) =>
    aksClusterHasDefenderSensor(resource.config)
      ? RuleCompliance.COMPLIANT
      : clusterExcludedFromSensor(resource)
        ? RuleCompliance.NOT_APPLICABLE
        : RuleCompliance.NON_COMPLIANT,
};
