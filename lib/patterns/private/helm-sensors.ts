import { dependable, ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { SecurityConnector } from "../../azure/security-connector";
import { DefenderValidationError, invalidValue } from "../../core/errors";
import { isUnresolved, validatePattern } from "../../core/validation";
import { HelmDefenderSensor } from "../../kubernetes/helm-defender-sensor";
import { SensorCluster } from "../../kubernetes/sensor-cluster";
import { ConnectorPatternProps } from "../connector-pattern-props";

// Shared by the multicloud patterns (GKE, EKS): cluster keys, the sensor per cluster and the
// checks around it. Cloud-neutral; not exported from the package.

/** A cluster of a multicloud pattern, by key. */
export interface KeyedCluster {
  /** Names the cluster's constructs (`sensor-<key>`), its helm provider alias and map entries. */
  readonly key: string;
  /** Where the cluster came from, for messages, e.g. `clusters[2]`. */
  readonly source: string;
}

const CLUSTER_KEY = /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const CLUSTER_KEY_FORM = "a key of 1-40 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen";

/** Validates a cluster key; a reference is an error, since construct IDs and aliases are fixed at synth. */
export function validateClusterKey(scope: Construct, prop: string, key: string): string {
  if (isUnresolved(key)) {
    invalidValue(scope, prop, "<unresolved reference>", `a literal key: ${CLUSTER_KEY_FORM}`, "The key names constructs and a provider alias, so it must be known at synth: set key on the cluster.");
  }
  return validatePattern(scope, prop, key, CLUSTER_KEY, CLUSTER_KEY_FORM);
}

/** Throws when two clusters share a key; returns the clusters sorted by key. */
export function checkClusterKeys<T extends KeyedCluster>(scope: Construct, clusters: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const cluster of clusters) {
    const first = seen.get(cluster.key);
    if (first) {
      throw new DefenderValidationError(
        scope,
        `${cluster.source}: got key "${cluster.key}", which is also the key of ${first.source}; expected every cluster to have its own key. Set key on one of them (two clusters may share a name in different locations).`,
      );
    }
    seen.set(cluster.key, cluster);
  }
  return [...clusters].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Throws when the connector would auto-provision the sensor while the pattern installs it with Helm:
 * auto-provisioning installs it through Azure Arc, and Microsoft's Helm install removes an Arc-based
 * sensor first, so the two would fight.
 */
export function checkSensorAutoProvisioning(scope: Construct, props: ConnectorPatternProps, sensorAutoProvisioning: boolean | undefined): void {
  if ((props.sensor ?? true) && sensorAutoProvisioning === true) {
    invalidValue(
      scope,
      "connectorOptions.sensorAutoProvisioning",
      true,
      "false while sensor is on",
      "Auto-provisioning installs the sensor through Azure Arc and the Helm install removes an Arc-based sensor first, so the two would fight. Set sensor: false to let Defender install it.",
    );
  }
}

/** Alias of a helm provider a pattern creates for a cluster: `<pattern id>-<key>`, a valid Terraform name. */
export function helmProviderAlias(scope: Construct, key: string): string {
  const prefix = scope.node.id.replace(/[^A-Za-z0-9_-]/g, "-");
  return /^[A-Za-z_]/.test(prefix) ? `${prefix}-${key}` : `p-${prefix}-${key}`;
}

/**
 * Installs the sensor on one cluster (construct ID `sensor-<key>`), keyed to the connector and
 * ordered after it and `dependsOn`.
 */
export function installSensor(
  scope: Construct,
  key: string,
  cluster: SensorCluster,
  provider: TerraformProvider,
  connector: SecurityConnector,
  props: ConnectorPatternProps,
  dependsOn: readonly ITerraformDependable[] = [],
): HelmDefenderSensor {
  const sensor = new HelmDefenderSensor(scope, `sensor-${key}`, {
    ...props.sensorOptions,
    version: props.sensorChartVersion,
    connector,
    cluster,
    provider,
  });
  // The sensor reports through the connector: install it after the connector even when no value
  // references the connector (legacyValues off), and uninstall it first.
  const after = [connector.resource, ...dependsOn].map((d) => dependable(d));
  sensor.release.dependsOn = [...new Set([...(sensor.release.dependsOn ?? []), ...after])];
  return sensor;
}
