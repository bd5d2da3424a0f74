import { SensorChart } from "../../core/catalog/sensor-chart";
import { TerraformType } from "../resource-types";
import { complianceOf, ResourceCoverageRule, RuleCompliance } from "../rule";
import { clusterExcludedFromSensor } from "../sensor-exclusion";
import { isExpression, SynthesizedConfig } from "../synthesized-config";

/**
 * True when a `helm_release` installs the Defender sensor chart: `chart` is the chart name (with
 * `repository` set to its OCI repository) or the full `oci://…/microsoft-defender-for-containers`
 * reference. A chart given as a reference counts as the sensor.
 */
export function isSensorHelmRelease(config: SynthesizedConfig): boolean {
  const chart = config.chart;
  if (isExpression(chart)) return true;
  if (typeof chart !== "string") return false;
  const name = chart.toLowerCase();
  return name === SensorChart.CHART || name.endsWith(`/${SensorChart.CHART}`);
}

/**
 * MDC-HELM-1 (opt-in): an EKS or GKE cluster in a stack without any `helm_release` of the sensor chart.
 *
 * Off by default: on EKS and GKE the security connector can auto-provision the sensor, and the
 * release often lives in a separate stack (the helm provider needs the cluster to exist). At
 * synth the link between a release and its cluster is an unresolved token, so the rule asks for a
 * sensor release anywhere in the stack; the coverage report ties releases to clusters.
 */
export const ClusterSensorHelmRelease: ResourceCoverageRule = {
  id: "MDC-HELM-1",
  name: "ClusterSensorHelmRelease",
  info: `The stack defines this EKS/GKE cluster but no helm_release of the Defender sensor chart (${SensorChart.CHART}).`,
  explanation:
    "Runtime protection on EKS and GKE comes from the sensor chart. Add HelmDefenderSensor for the cluster, or rely on the connector's auto-provisioning and leave this rule off. " +
    "Clusters tagged ms_defender_container_exclude_sensors=true (EksSensorExclusion, GkeSensorExclusion) are not reported.",
  optIn: true,
  resourceTypes: [TerraformType.EKS_CLUSTER, TerraformType.GKE_CLUSTER],
  checkResource: (resource, stack) =>
    clusterExcludedFromSensor(resource)
      ? RuleCompliance.NOT_APPLICABLE
      : complianceOf(stack.ofType(TerraformType.HELM_RELEASE).some((release) => isSensorHelmRelease(release.config))),
};
