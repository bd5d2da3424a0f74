import { IConstruct } from "constructs";
import { ArcSensorFeatureSetting, SensorFeatureMinimumChart, SensorFeatureValue } from "./catalog/sensor-chart";
import { invalidValue } from "./errors";
import { isUnresolved } from "./validation";
import { setValuePath, ValueTree } from "./values";

// The optional sensor features, one vocabulary for every way the sensor is installed: the Helm
// chart (AKS, EKS, GKE, other clusters) and the Arc extension. Cloud-neutral on purpose, so the
// AKS, Arc and multicloud constructs map the same options to their own settings.

/**
 * Optional features of the Defender sensor. Each is off unless turned on; a feature left
 * undefined writes nothing, so the chart's or extension's own default applies.
 */
export interface SensorFeatures {
  /**
   * Runtime anti-malware detection and blocking (GA in sensor 0.10.5). Adds requests of 50m CPU /
   * 128Mi memory and limits of 300m / 500Mi to the collector. Anti-malware policies (alert, block,
   * ignore) are set in the portal (Management > Security rules).
   * @default - not written (off in the chart and the extension)
   */
  readonly antimalware?: boolean;
  /**
   * Kubernetes misconfiguration enforcement in the admission controller (Helm only; needs a 0.11
   * chart, Kubernetes 1.30 or later for validating admission policies, and a commercial cloud).
   * The rules (audit or block) are set in the portal.
   * @default - not written
   */
  readonly misconfigurationEnforcement?: boolean;
  /**
   * Private-cluster components (preview): the inventory collector and the config controller, for
   * clusters whose API server the service cannot reach. Needs a 0.11 chart or later (Microsoft
   * published them with `0.11.<patch>-preview` charts); on Arc the extension defaults to the
   * `Preview` release train.
   * @default false
   */
  readonly privateClusterPreview?: boolean;
}

/** `0.<minor>.<patch>[-preview]` as numbers, or undefined for a reference or an unpinned chart. */
function chartMinorPatch(version: string | undefined): [number, number] | undefined {
  if (version === undefined || isUnresolved(version)) return undefined;
  const match = /^0\.(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function atLeast(actual: [number, number], minimum: readonly [number, number]): boolean {
  return actual[0] > minimum[0] || (actual[0] === minimum[0] && actual[1] >= minimum[1]);
}

function requireChart(scope: IConstruct, feature: keyof typeof SensorFeatureMinimumChart, prop: string, version: string | undefined): void {
  const actual = chartMinorPatch(version);
  const minimum = SensorFeatureMinimumChart[feature];
  if (actual !== undefined && !atLeast(actual, minimum)) {
    invalidValue(scope, prop, true, `false, or a chart version 0.${minimum[0]}.${minimum[1]} or later (got version "${version}")`, "Set version to a newer chart.");
  }
}

/**
 * The Helm values of `features` for a chart `version` (`undefined` when unpinned). Checks each
 * feature's minimum chart version when the version is a literal. Errors name `<prefix>.<feature>`.
 */
export function sensorFeatureHelmValues(scope: IConstruct, features: SensorFeatures | undefined, version: string | undefined, prefix = "features"): ValueTree {
  const values: ValueTree = {};
  if (features === undefined) return values;
  if (features.antimalware !== undefined) {
    if (features.antimalware) requireChart(scope, "ANTIMALWARE", `${prefix}.antimalware`, version);
    setValuePath(values, SensorFeatureValue.ANTIMALWARE, features.antimalware);
  }
  if (features.misconfigurationEnforcement !== undefined) {
    if (features.misconfigurationEnforcement) requireChart(scope, "MISCONFIGURATION_ENFORCEMENT", `${prefix}.misconfigurationEnforcement`, version);
    setValuePath(values, SensorFeatureValue.MISCONFIGURATION_POLICIES, features.misconfigurationEnforcement);
  }
  if (features.privateClusterPreview) {
    requireChart(scope, "PRIVATE_CLUSTER", `${prefix}.privateClusterPreview`, version);
    setValuePath(values, SensorFeatureValue.INVENTORY_COLLECTOR, true);
    setValuePath(values, SensorFeatureValue.CONFIG_CONTROLLER, true);
  }
  return values;
}

/**
 * Throws when `values` turn on the private-cluster components without `privateClusterPreview`:
 * a preview is only installed when asked for by name.
 */
export function checkPrivateClusterValues(scope: IConstruct, values: ValueTree, features: SensorFeatures | undefined, prop = "values"): void {
  if (features?.privateClusterPreview) return;
  for (const path of [SensorFeatureValue.INVENTORY_COLLECTOR, SensorFeatureValue.CONFIG_CONTROLLER]) {
    let node: unknown = values;
    for (const key of path.split(".")) node = typeof node === "object" && node !== null ? (node as ValueTree)[key] : undefined;
    if (node === true || node === "true") {
      invalidValue(scope, `${prop}.${path}`, node, "unset without features.privateClusterPreview", "The private-cluster components are a preview: turn them on with features: { privateClusterPreview: true }.");
    }
  }
}

/**
 * The Arc extension configuration settings of `features` (string values). Misconfiguration
 * enforcement has no documented extension setting and is refused.
 */
export function sensorFeatureArcSettings(scope: IConstruct, features: SensorFeatures | undefined, prefix = "features"): Record<string, string> {
  const settings: Record<string, string> = {};
  if (features === undefined) return settings;
  if (features.antimalware !== undefined) settings[ArcSensorFeatureSetting.ANTIMALWARE] = String(features.antimalware);
  if (features.misconfigurationEnforcement) {
    invalidValue(
      scope,
      `${prefix}.misconfigurationEnforcement`,
      true,
      "false or unset on the Arc extension",
      "Microsoft documents no extension setting for it: on Arc-enabled clusters it comes with the plan's Kubernetes API access (DefenderForContainersPlan agentlessDiscovery).",
    );
  }
  if (features.privateClusterPreview) {
    settings[ArcSensorFeatureSetting.INVENTORY_COLLECTOR] = "true";
    settings[ArcSensorFeatureSetting.CONFIG_CONTROLLER] = "true";
  }
  return settings;
}
