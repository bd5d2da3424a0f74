import type { Release } from "@cdktf/provider-helm/lib/release";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { validateSecretReference } from "../core/formats";
import { validateAwsAccountId, validateAwsRegion, validateEksClusterName } from "../core/aws-identifiers";
import { AzureResourceIdFormats, parseAzureResourceId } from "../core/azure-resource-id";
import {
  SENSOR_CHART_DEFAULT_VERSION,
  SENSOR_CHART_LATEST,
  SENSOR_CHART_VERSION_PATTERN,
  SENSOR_AKS_AUTOMATIC_NAMESPACE,
  SENSOR_EKS_AUTO_MODE_SELINUX_TYPE,
  SENSOR_LEGACY_AKS,
  SENSOR_LEGACY_KUBERNETES_DISTRO,
  SensorChart,
  SensorChartLegacyValue,
  SensorChartValue,
} from "../core/catalog/sensor-chart";
import { DefenderValidationError, invalidValue } from "../core/errors";
import { validateGcpLocation, validateGcpProjectId, validateGkeClusterName } from "../core/gcp-identifiers";
import { validateAzureRegion } from "../core/region";
import { isUnresolved, validateGuid, validatePattern } from "../core/validation";
import { checkPrivateClusterValues, SensorFeatures, sensorFeatureHelmValues } from "../core/sensor-features";
import { mergeValues, setValuePath, stableValuesDocument, ValueTree } from "../core/values";
import { newHelmRelease } from "./private/lazy-helm";
import { SensorCluster, SensorDistribution, SensorInfrastructure } from "./sensor-cluster";
import { checkProps } from "../core/check-props";

/**
 * The security connector a sensor reports through. `AwsSecurityConnector` and
 * `GcpSecurityConnector` have both members; for a connector made elsewhere pass its ID and location.
 */
export interface SecurityConnectorReference {
  /** Resource ID `/subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Security/securityConnectors/<name>`. */
  readonly connectorId: string;
  /** Azure region of the connector resource. */
  readonly location: string;
}

/** Props of {@link HelmDefenderSensor}. */
export interface HelmDefenderSensorProps {
  /**
   * The account's or project's security connector. Required for EKS, GKE and other clusters on
   * AWS or GCP; not used for AKS, which is identified by its own resource ID.
   * @default - none (AKS only)
   */
  readonly connector?: SecurityConnectorReference;
  /** The cluster: `SensorCluster.eks(...)`, `.gke(...)`, `.aks(...)` or `.other(...)`. */
  readonly cluster: SensorCluster;
  /**
   * Optional sensor features: anti-malware, misconfiguration enforcement, private-cluster
   * components (preview). Checked against `version`.
   * @default - none written (the chart's defaults)
   */
  readonly features?: SensorFeatures;
  /**
   * Chart version, `0.<minor>.<patch>` or `0.<minor>.<patch>-preview`. `"latest"` (newest build,
   * previews included, like the install script's `--devel`) needs `allowLatestVersion`.
   * @default "0.10.5" (newest GA patch in Microsoft's sensor changelog)
   */
  readonly version?: string;
  /**
   * Allow `version: "latest"`. Unpinned releases change what runs in the cluster without a code
   * change, and every plan may show an upgrade.
   * @default false
   */
  readonly allowLatestVersion?: boolean;
  /**
   * Also write the values Microsoft's install script sets (`microsoft-defender-for-containers-sensor.Azure.*`,
   * `defender-admission-controller.global.azure.cluster.*`), next to the current `global.cloudIdentifiers`.
   * Helm ignores values a chart does not read, so both sets together work with older and newer charts.
   * @default true
   */
  readonly legacyValues?: boolean;
  /**
   * Extra chart values, merged over the construct's values (maps merge key by key; anything else
   * replaces). Strings may be references; keys are written sorted.
   * @default - none
   */
  readonly values?: { [key: string]: any };
  /**
   * Log Analytics workspace ID (customer ID, a GUID) for charts that still read
   * `omsagent.secret.wsid`. Written with `set_sensitive` only. Requires `workspaceKey`.
   * @default - none (current charts need no workspace)
   */
  readonly workspaceId?: string;
  /**
   * Log Analytics workspace primary key (`omsagent.secret.key`), e.g. `DefenderWorkspace.primarySharedKey`.
   * Written with `set_sensitive` only. Requires `workspaceId`.
   * @default - none
   */
  readonly workspaceKey?: string;
  /**
   * Helm release name. Changing it installs a second copy: uninstall the old release first.
   * @default "microsoft-defender-for-containers" (Microsoft's install script)
   */
  readonly releaseName?: string;
  /**
   * OCI repository holding the chart, e.g. a mirror in a private registry.
   * @default "oci://mcr.microsoft.com/azuredefender"
   */
  readonly repository?: string;
  /**
   * helm provider configured for this cluster.
   * @default - the stack's default helm provider
   */
  readonly provider?: TerraformProvider;
}

const RELEASE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,51}[a-z0-9])?$/;

/**
 * The Defender sensor installed with Helm (`helm_release` of
 * `oci://mcr.microsoft.com/azuredefender/microsoft-defender-for-containers` in namespace `mdc`):
 * on EKS, GKE or other clusters keyed to the account's or project's security connector, or on AKS
 * keyed to the cluster's resource ID (in `kube-system` on AKS Automatic).
 *
 * On AKS the chart replaces the security-profile sensor: turn that off (no `AksDefenderSensor`),
 * remove 64def556 assignments and the plan's auto-provisioning, and clean up the CRDs an earlier
 * add-on left (deploy-helm.md). Upgrades are yours: bump `version`.
 *
 * Values are written as one JSON document in `values` (valid YAML, keys sorted, strings stay
 * strings: an account ID like `012345678901` is not turned into a number as `set` would).
 * Workspace ID and key go only into `set_sensitive`.
 *
 * One release per cluster: each cluster needs its own helm provider configuration, and Terraform
 * cannot pick providers per `for_each` instance.
 */
export class HelmDefenderSensor extends Construct {
  /** The `helm_release`. */
  public readonly release: Release;
  /** The non-sensitive chart values written to `values`. */
  public readonly values: ValueTree;
  /** The chart version, or `undefined` for `latest`. */
  public readonly version?: string;
  /** AKS only: the cluster's region, normalized (`West Europe` → `westeurope`). */
  private aksRegion?: string;

  constructor(scope: Construct, id: string, props: HelmDefenderSensorProps) {
    super(scope, id);
    checkProps(this, props, "HelmDefenderSensorProps");
    this.validateCluster(props.cluster);
    const connector = this.validateConnector(props);
    this.version = this.resolveVersion(props);
    const releaseName = validatePattern(this, "releaseName", props.releaseName ?? SensorChart.RELEASE_NAME, RELEASE_NAME, "a Helm release name of 1-53 lowercase letters, digits or hyphens");
    const repository = props.repository ?? SensorChart.REPOSITORY;
    if (!isUnresolved(repository) && !/^(?:oci|https?):\/\/\S+$/.test(repository)) invalidValue(this, "repository", repository, "a chart repository URL such as oci://mcr.microsoft.com/azuredefender");

    let values = this.clusterValues(props.cluster);
    if (props.legacyValues ?? true) {
      const legacy = connector ? this.legacyClusterValues(props.cluster, connector.id, connector.location) : this.legacyAksValues(props.cluster);
      values = mergeValues(values, legacy);
    }
    values = mergeValues(values, sensorFeatureHelmValues(this, props.features, this.version));
    if (props.values !== undefined) {
      if (typeof props.values !== "object" || props.values === null || Array.isArray(props.values)) invalidValue(this, "values", props.values, "a map of chart values");
      checkPrivateClusterValues(this, props.values, props.features);
      values = mergeValues(values, props.values);
    }
    this.values = values;
    const namespace = props.cluster.aks?.automatic ? SENSOR_AKS_AUTOMATIC_NAMESPACE : SensorChart.NAMESPACE;

    this.release = newHelmRelease(this, "release", {
      name: releaseName,
      repository,
      chart: SensorChart.CHART,
      version: this.version,
      devel: this.version === undefined ? true : undefined,
      namespace,
      // kube-system always exists.
      createNamespace: namespace === SensorChart.NAMESPACE,
      // Roll back a failed upgrade, as Microsoft's install script does (`--atomic`).
      atomic: true,
      values: [stableValuesDocument(values)],
      setSensitive: this.workspaceSettings(props),
      provider: props.provider,
    }, "HelmDefenderSensor (the sensor's Helm release)");
  }

  private resolveVersion(props: HelmDefenderSensorProps): string | undefined {
    const version = props.version ?? SENSOR_CHART_DEFAULT_VERSION;
    if (version === SENSOR_CHART_LATEST) {
      if (!props.allowLatestVersion) {
        throw new DefenderValidationError(
          this,
          `version: got "${SENSOR_CHART_LATEST}" without allowLatestVersion; expected a pinned version such as "${SENSOR_CHART_DEFAULT_VERSION}", or allowLatestVersion: true.`,
        );
      }
      return undefined;
    }
    return validatePattern(this, "version", version, SENSOR_CHART_VERSION_PATTERN, `a chart version 0.<minor>.<patch> or 0.<minor>.<patch>-preview such as "${SENSOR_CHART_DEFAULT_VERSION}"`);
  }

  private validateCluster(cluster: SensorCluster): void {
    if (!(cluster instanceof SensorCluster)) invalidValue(this, "cluster", cluster, "SensorCluster.eks(...), SensorCluster.gke(...), SensorCluster.aks(...) or SensorCluster.other(...)");
    if (cluster.infrastructure === SensorInfrastructure.AZURE) {
      parseAzureResourceId(this, "cluster.clusterId", cluster.aks!.clusterId, AzureResourceIdFormats.AKS_CLUSTER);
      this.aksRegion = validateAzureRegion(this, "cluster.location", cluster.region);
      return;
    }
    const aws = cluster.infrastructure === SensorInfrastructure.AWS;
    const [needed, unwanted] = aws ? (["accountId", "projectId"] as const) : (["projectId", "accountId"] as const);
    if (cluster[needed] === undefined) invalidValue(this, `cluster.${needed}`, undefined, `a value, because the cluster runs on ${cluster.infrastructure}`);
    if (cluster[unwanted] !== undefined) invalidValue(this, `cluster.${unwanted}`, cluster[unwanted], `no ${unwanted} for a cluster on ${cluster.infrastructure}`);
    if (aws) {
      validateAwsAccountId(this, "cluster.accountId", cluster.accountId!);
      validateAwsRegion(this, "cluster.region", cluster.region);
    } else {
      validateGcpProjectId(this, "cluster.projectId", cluster.projectId!);
      validateGcpLocation(this, cluster.distribution === SensorDistribution.GKE ? "cluster.location" : "cluster.region", cluster.region);
    }
    if (cluster.distribution === SensorDistribution.EKS) validateEksClusterName(this, "cluster.clusterName", cluster.clusterName);
    else if (cluster.distribution === SensorDistribution.GKE) validateGkeClusterName(this, "cluster.clusterName", cluster.clusterName);
    else if (!isUnresolved(cluster.clusterName) && !cluster.clusterName) invalidValue(this, "cluster.clusterName", cluster.clusterName, "a cluster name");
  }

  /** The connector's normalized ID and location; none for AKS, required for the other clusters. */
  private validateConnector(props: HelmDefenderSensorProps): { id: string; location: string } | undefined {
    const azure = props.cluster.infrastructure === SensorInfrastructure.AZURE;
    if (azure) {
      if (props.connector !== undefined) {
        invalidValue(this, "connector", props.connector.connectorId, "no connector for an AKS cluster", "AKS clusters report through their own resource ID (SensorCluster.aks); security connectors are for AWS and GCP.");
      }
      return undefined;
    }
    if (props.connector === undefined) {
      invalidValue(this, "connector", undefined, `the security connector of the cluster's ${props.cluster.infrastructure} account or project (connectorId and location)`);
    }
    const { connectorId, location } = props.connector;
    const id = parseAzureResourceId(this, "connector.connectorId", connectorId, AzureResourceIdFormats.SECURITY_CONNECTOR)?.id ?? connectorId;
    return { id, location: validateAzureRegion(this, "connector.location", location) };
  }

  /** `global.cloudIdentifiers` of the current documentation, plus the EKS Auto Mode setting. */
  private clusterValues(cluster: SensorCluster): ValueTree {
    const values: ValueTree = {};
    const V = SensorChartValue;
    if (cluster.aks) {
      setValuePath(values, V.AZURE_SUBSCRIPTION_ID, cluster.aks.subscriptionId);
      setValuePath(values, V.AZURE_RESOURCE_GROUP_NAME, cluster.aks.resourceGroupName);
      setValuePath(values, V.AZURE_CLUSTER_NAME, cluster.clusterName);
      setValuePath(values, V.AZURE_REGION, this.aksRegion);
    } else if (cluster.infrastructure === SensorInfrastructure.AWS) {
      setValuePath(values, V.AWS_ACCOUNT_ID, cluster.accountId);
      setValuePath(values, V.AWS_REGION, cluster.region);
      setValuePath(values, V.AWS_CLUSTER_NAME, cluster.clusterName);
    } else {
      setValuePath(values, V.GCP_PROJECT_ID, cluster.projectId);
      setValuePath(values, V.GCP_LOCATION, cluster.region);
      setValuePath(values, V.GCP_CLUSTER_NAME, cluster.clusterName);
    }
    if (cluster.eksAutoMode) setValuePath(values, V.COLLECTORS_SELINUX_TYPE, SENSOR_EKS_AUTO_MODE_SELINUX_TYPE);
    return values;
  }

  /** The values `install_defender_sensor_mc.sh` sets. */
  private legacyClusterValues(cluster: SensorCluster, connectorId: string, connectorLocation: string): ValueTree {
    const values: ValueTree = {};
    const L = SensorChartLegacyValue;
    setValuePath(values, L.KUBERNETES_DISTRO, SENSOR_LEGACY_KUBERNETES_DISTRO);
    setValuePath(values, L.SECURITY_CONNECTOR_RESOURCE_ID, connectorId);
    setValuePath(values, L.DISTRIBUTION, cluster.distribution);
    setValuePath(values, L.INFRASTRUCTURE, cluster.infrastructure.toLowerCase());
    setValuePath(values, L.REGION, connectorLocation);
    setValuePath(values, L.ADMISSION_CONTROLLER_INFRASTRUCTURE, cluster.infrastructure);
    setValuePath(values, L.ADMISSION_CONTROLLER_RESOURCE_ID, connectorId);
    return values;
  }

  /** The values the AKS install script (`install_defender_sensor_aks.sh`) sets: the cluster's own ID, not a connector's. */
  private legacyAksValues(cluster: SensorCluster): ValueTree {
    const values: ValueTree = {};
    const L = SensorChartLegacyValue;
    const clusterId = parseAzureResourceId(this, "cluster.clusterId", cluster.aks!.clusterId, AzureResourceIdFormats.AKS_CLUSTER)?.id ?? cluster.aks!.clusterId;
    setValuePath(values, L.KUBERNETES_DISTRO, SENSOR_LEGACY_KUBERNETES_DISTRO);
    setValuePath(values, L.REGION, this.aksRegion);
    setValuePath(values, L.CLUSTER_RESOURCE_ID, clusterId);
    setValuePath(values, L.DISTRIBUTION, SENSOR_LEGACY_AKS.DISTRIBUTION);
    setValuePath(values, L.INFRASTRUCTURE, SENSOR_LEGACY_AKS.INFRASTRUCTURE);
    setValuePath(values, L.ADMISSION_CONTROLLER_REGION, this.aksRegion);
    setValuePath(values, L.ADMISSION_CONTROLLER_RESOURCE_ID, clusterId);
    setValuePath(values, L.ADMISSION_CONTROLLER_INFRASTRUCTURE, SENSOR_LEGACY_AKS.INFRASTRUCTURE);
    return values;
  }

  private workspaceSettings(props: HelmDefenderSensorProps): { name: string; value: string; type: string }[] | undefined {
    const { workspaceId, workspaceKey } = props;
    if (workspaceId === undefined && workspaceKey === undefined) return undefined;
    if (workspaceId === undefined) invalidValue(this, "workspaceId", undefined, "the workspace ID (a GUID), because workspaceKey is set");
    if (workspaceKey === undefined) invalidValue(this, "workspaceKey", undefined, "the workspace primary key, because workspaceId is set");
    validateGuid(this, "workspaceId", workspaceId);
    validateSecretReference(this, "workspaceKey", workspaceKey, "DefenderWorkspace.primarySharedKey or a sensitive TerraformVariable");
    return [
      { name: SensorChartLegacyValue.WORKSPACE_ID, value: workspaceId, type: "string" },
      { name: SensorChartLegacyValue.WORKSPACE_KEY, value: workspaceKey, type: "string" },
    ];
  }
}
