import { dependable, Fn, ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { SecurityConnector, SecurityConnectorProps } from "../../azure/security-connector";
import { DefenderValidationError, invalidValue } from "../../core/errors";
import { isUnresolved, validatePattern } from "../../core/validation";
import { HelmDefenderSensor } from "../../kubernetes/helm-defender-sensor";
import { newHelmProvider } from "../../kubernetes/private/lazy-helm";
import { SensorCluster } from "../../kubernetes/sensor-cluster";
import { ConnectorClusterOptions } from "../connector-cluster";
import { ConnectorPatternProps } from "../connector-pattern-props";
import { checkProviderType, helmProviderAlias } from "./providers";

// The base of the connector-cloud patterns (EKS, GKE), as AzureDefenderPattern is for AKS and Arc:
// capabilities, cluster keys, helm providers and the Helm sensor, in one place. Not exported from
// the package.

/** A listed cluster as the base handles it. */
export interface KeyedCluster {
  /** Names the cluster's constructs (`sensor-<key>`, `helm-<key>`), its helm provider alias and map entries. */
  readonly key: string;
  /** Where the cluster came from, for messages, e.g. `clusters[2]`. */
  readonly source: string;
  /** Install the sensor on this cluster. */
  readonly sensor: boolean;
  /** Per-cluster options (helm provider, waits). */
  readonly options: ConnectorClusterOptions;
}

/** How a created helm provider reaches one cluster. */
export interface HelmConnection {
  /** API server URL. */
  readonly host: string;
  /** Base64 cluster CA certificate (decoded by the pattern). */
  readonly clusterCaCertificateBase64: string;
  /** Bearer token. */
  readonly token: string;
}

/** The capabilities of a connector pattern, with defaults applied. */
export interface ConnectorPatternCapabilities {
  readonly auditLogs: boolean;
  readonly agentlessDiscovery: boolean;
  readonly imageAssessment: boolean;
  readonly sensor: boolean;
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

/**
 * Installs the sensor on one cluster (construct ID `sensor-<key>`), keyed to the connector and
 * ordered after it and `dependsOn`.
 */
function installSensor(
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
    features: props.sensorFeatures,
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

/**
 * What the connector-cloud patterns (EKS, GKE) share: the capability props, the cluster keys, the
 * helm provider per cluster (given, or created with the alias rule of {@link helmProviderAlias}) and
 * the Helm sensor, installed after the security connector on every cloud.
 */
export abstract class ConnectorDefenderPattern extends Construct {
  /** The capabilities, with defaults applied. */
  public readonly capabilities: ConnectorPatternCapabilities;
  private _clusterKeys: string[] = [];
  private _sensors: Record<string, HelmDefenderSensor> = {};
  private _helmProviders: Record<string, TerraformProvider> = {};

  protected constructor(scope: Construct, id: string, props: Pick<ConnectorPatternProps, "auditLogs" | "agentlessDiscovery" | "imageAssessment" | "sensor" | "azapiProvider">) {
    super(scope, id);
    this.capabilities = {
      auditLogs: props.auditLogs ?? true,
      agentlessDiscovery: props.agentlessDiscovery ?? true,
      imageAssessment: props.imageAssessment ?? true,
      sensor: props.sensor ?? true,
    };
    const c = this.capabilities;
    if (!c.auditLogs && !c.agentlessDiscovery && !c.imageAssessment) {
      throw new DefenderValidationError(
        this,
        "auditLogs, agentlessDiscovery, imageAssessment: got false for all three; expected at least one capability on (for the sensor alone, use HelmDefenderSensor with an existing connector).",
      );
    }
    checkProviderType(this, "azapiProvider", props.azapiProvider, "azapi");
  }

  /** Keys of the listed clusters, sorted. */
  public get clusterKeys(): string[] {
    return [...this._clusterKeys];
  }

  /** The sensor per cluster key (clusters with the sensor off are absent). */
  public get sensors(): Readonly<Record<string, HelmDefenderSensor>> {
    return Object.freeze({ ...this._sensors });
  }

  /** The helm provider each sensor uses (given or created), per cluster key. */
  public get helmProviders(): Readonly<Record<string, TerraformProvider>> {
    return Object.freeze({ ...this._helmProviders });
  }

  /**
   * Throws when the connector would auto-provision the sensor while the pattern installs it with
   * Helm: auto-provisioning installs it through Azure Arc, and Microsoft's Helm install removes an
   * Arc-based sensor first, so the two would fight.
   */
  protected checkSensorAutoProvisioning(clusters: readonly KeyedCluster[], sensorAutoProvisioning: boolean | undefined): void {
    if (sensorAutoProvisioning === true && (clusters.some((c) => c.sensor) || (clusters.length === 0 && this.capabilities.sensor))) {
      invalidValue(
        this,
        "connectorOptions.sensorAutoProvisioning",
        true,
        "false while sensor is on",
        "Auto-provisioning installs the sensor through Azure Arc and the Helm install removes an Arc-based sensor first, so the two would fight. Set sensor: false to let Defender install it.",
      );
    }
  }

  /**
   * Checks what every cloud's clusters share (unique keys, helm providers of the right type and
   * one cluster per provider) and returns them sorted by key: construct order, and so the order of
   * the helm provider blocks, does not depend on list order.
   */
  protected keyClusters<T extends KeyedCluster>(clusters: readonly T[]): T[] {
    const keys = new Map<string, T>();
    const providerOwners = new Map<TerraformProvider, string>();
    for (const cluster of clusters) {
      const first = keys.get(cluster.key);
      if (first) {
        throw new DefenderValidationError(
          this,
          `${cluster.source}: got key "${cluster.key}", which is also the key of ${first.source}; expected every cluster to have its own key. Set key on one of them (two clusters may share a name in different locations).`,
        );
      }
      keys.set(cluster.key, cluster);
      const provider = checkProviderType(this, `${cluster.source}.helmProvider`, cluster.options.helmProvider, "helm");
      if (provider === undefined) continue;
      // One provider points at one cluster: two releases of the same name through it would collide.
      const owner = providerOwners.get(provider);
      if (owner !== undefined) invalidValue(this, `${cluster.source}.helmProvider`, provider.node.path, "a helm provider of this cluster only", `It is also the helmProvider of ${owner}.`);
      providerOwners.set(provider, cluster.source);
    }
    const sorted = [...clusters].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this._clusterKeys = sorted.map((c) => c.key);
    return sorted;
  }

  /** Where the connector goes, from the pattern's props: the same four connector props on every cloud. */
  protected connectorPlacement(props: ConnectorPatternProps): Pick<SecurityConnectorProps, "resourceGroupId" | "location" | "name" | "provider"> {
    return { resourceGroupId: props.connectorResourceGroupId, location: props.connectorLocation, name: props.connectorName, provider: props.azapiProvider };
  }

  /** The clusters that get the sensor through a helm provider the pattern creates. */
  protected clustersNeedingHelmProvider<T extends KeyedCluster>(clusters: readonly T[]): T[] {
    return clusters.filter((c) => c.sensor && c.options.helmProvider === undefined);
  }

  /**
   * The Helm sensor on every cluster with `sensor` on, each through its own helm provider (given,
   * or `helm-<key>` created from `connect`), installed after the connector.
   */
  protected installSensors<T extends KeyedCluster>(
    connector: SecurityConnector,
    clusters: readonly T[],
    props: ConnectorPatternProps,
    connect: (cluster: T) => HelmConnection,
    sensorCluster: (cluster: T) => SensorCluster,
  ): void {
    for (const cluster of clusters.filter((c) => c.sensor)) {
      let provider = cluster.options.helmProvider;
      if (provider === undefined) {
        const connection = connect(cluster);
        provider = newHelmProvider(this, `helm-${cluster.key}`, {
          alias: helmProviderAlias(this, cluster.key),
          kubernetes: { host: connection.host, token: connection.token, clusterCaCertificate: Fn.base64decode(connection.clusterCaCertificateBase64) },
        }, `${this.constructor.name} (a helm provider per cluster for the sensor)`);
      }
      this._helmProviders[cluster.key] = provider;
      this._sensors[cluster.key] = installSensor(this, cluster.key, sensorCluster(cluster), provider, connector, props, cluster.options.sensorDependsOn);
    }
  }
}
