import { DataGoogleClientConfig } from "@cdktf/provider-google/lib/data-google-client-config";
import { DataGoogleContainerCluster } from "@cdktf/provider-google/lib/data-google-container-cluster";
import { ProjectIamAuditConfig } from "@cdktf/provider-google/lib/project-iam-audit-config";
import { dependable, Fn, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { GcpSecurityConnector, GcpSecurityConnectorProps } from "../azure/gcp-security-connector";
import { GKE_AUDIT_LOG_SERVICE, GKE_DEFENDER_AUDIT_LOG_TYPES } from "../core/catalog/gcp";
import { invalidValue } from "../core/errors";
import { validateGcpLocation, validateGcpProjectId, validateGcpProjectNumber, validateGkeClusterName } from "../core/gcp-identifiers";
import { isUnresolved, validateGuid, validateNonEmptyUnique, validatePattern } from "../core/validation";
import { DefenderForContainersGcpServiceAccounts, DefenderForContainersGcpServiceAccountsProps } from "../gcp/defender-for-containers-gcp-service-accounts";
import { DefenderWorkloadIdentity, DefenderWorkloadIdentityProps } from "../gcp/defender-workload-identity";
import { allowDefenderGkeApiServerAccess } from "../gcp/gke-cluster-settings";
import { HelmDefenderSensor } from "../kubernetes/helm-defender-sensor";
import { SensorCluster } from "../kubernetes/sensor-cluster";
import { newHelmProvider } from "../kubernetes/private/lazy-helm";
import { ConnectorPatternProps } from "./connector-pattern-props";
import { GkeCluster } from "./gke-cluster";
import { checkClusterKeys, checkSensorAutoProvisioning, helmProviderAlias, installSensor, KeyedCluster, validateClusterKey } from "./private/helm-sensors";

/** More props of the workload identity pool the pattern creates. */
export interface GkeWorkloadIdentityOptions extends Pick<DefenderWorkloadIdentityProps, "poolId" | "displayName"> {}

/** More props of the service accounts the pattern creates. */
export interface GkeServiceAccountOptions
  extends Pick<DefenderForContainersGcpServiceAccountsProps, "imageAssessmentAccess" | "accountIds" | "customRoleIds" | "enableServices" | "additionalServices"> {}

/** More props of the security connector the pattern creates. */
export interface GkeConnectorOptions
  extends Pick<GcpSecurityConnectorProps, "scanIntervalHours" | "sensorAutoProvisioning" | "policyAddonAutoProvisioning" | "additionalOfferings" | "tags"> {}

/** Props of {@link GkeDefenderForContainers}. */
export interface GkeDefenderForContainersProps extends ConnectorPatternProps {
  /** ID of the GCP project that holds the clusters. */
  readonly projectId: string;
  /** Number of that project (the connector's `hierarchyIdentifier`, and part of the pool's principalSet). */
  readonly projectNumber: string;
  /**
   * Your Azure (Entra) tenant GUID, the tenant of the connector's subscription. The workload
   * identity pool ID is derived from it (hyphens removed).
   */
  readonly azureTenantId: string;
  /**
   * The project's GKE clusters: `GkeCluster.fromContainerCluster(cluster)` for clusters this app
   * defines, `GkeCluster.fromName({ name, location })` for existing ones. Each gets the sensor;
   * required (non-empty, each cluster once) while `sensor` is on. Audit logs, agentless discovery
   * and image assessment cover every cluster of the project whether it is listed or not.
   * @default - none (only with `sensor: false`)
   */
  readonly clusters?: GkeCluster[];
  /**
   * Emit `google_project_iam_audit_config` for `container.googleapis.com` with `ADMIN_READ`,
   * `DATA_READ` and `DATA_WRITE` (the Data Access audit logs Defender's own onboarding turns on).
   * Off by default: the resource is authoritative for that service's audit config in the project
   * (it replaces log types and exemptions set elsewhere, and two configurations managing it fight),
   * and Data Access logs of the Kubernetes API add Cloud Logging cost. Admin Activity logs, which
   * record every write to the Kubernetes API, are always on and need no setting. Turn on when this
   * app owns the project's audit config for GKE and it is not set at the folder or organization.
   * @default false
   */
  readonly dataAccessAuditLogs?: boolean;
  /**
   * Members exempted from every log type of that audit config (e.g. a noisy CI service account),
   * such as `serviceAccount:ci@my-project.iam.gserviceaccount.com`. Only with `dataAccessAuditLogs`.
   * @default - none
   */
  readonly dataAccessAuditLogExemptedMembers?: string[];
  /**
   * Add Defender's source CIDRs to the master authorized networks of clusters this app defines,
   * when those restrict the public endpoint (`allowDefenderGkeApiServerAccess`). Defender adds
   * them itself; listing them keeps Terraform from removing them again.
   * @default - true when agentlessDiscovery is on
   */
  readonly allowApiServerAccess?: boolean;
  /**
   * More props of the workload identity pool (pool ID, display name).
   * @default - DefenderWorkloadIdentity defaults
   */
  readonly workloadIdentityOptions?: GkeWorkloadIdentityOptions;
  /**
   * More props of the service accounts (account and role IDs, image assessment access, APIs).
   * @default - DefenderForContainersGcpServiceAccounts defaults
   */
  readonly serviceAccountOptions?: GkeServiceAccountOptions;
  /**
   * More props of the security connector (scan interval, tags, other offerings, auto-provisioning).
   * @default - GcpSecurityConnector defaults
   */
  readonly connectorOptions?: GkeConnectorOptions;
  /**
   * google provider (alias) of the project: pool, accounts, audit config and the data sources the
   * created helm providers read.
   * @default - the stack's default google provider
   */
  readonly googleProvider?: TerraformProvider;
}

/** One listed cluster, validated. */
interface ResolvedGkeCluster extends KeyedCluster {
  readonly cluster: GkeCluster;
}

const IAM_MEMBER = /^(?:user|serviceAccount|group|domain|principal|principalSet):\S+$/;

/**
 * Defender for Containers for the GKE clusters of one GCP project: the workload identity pool
 * Defender signs in through, its service accounts and roles, the Azure security connector wired to
 * their emails and provider IDs, and the Helm sensor on each listed cluster (each through its own
 * helm provider: given, or created from the cluster's endpoint and the google provider's token).
 * Optionally the project's Data Access audit config for GKE. Every inner construct is exposed.
 *
 * Synth needs no credentials: the helm providers the pattern creates read the cluster through
 * data sources and `google_client_config`, which only run at plan time.
 */
export class GkeDefenderForContainers extends Construct {
  /** The project ID. */
  public readonly projectId: string;
  /** The project number. */
  public readonly projectNumber: string;
  /** The workload identity pool and its OIDC providers. */
  public readonly workloadIdentity: DefenderWorkloadIdentity;
  /** The service accounts, custom roles, grants and APIs. */
  public readonly serviceAccounts: DefenderForContainersGcpServiceAccounts;
  /** The Azure security connector of the project. */
  public readonly connector: GcpSecurityConnector;
  /** The Data Access audit config for GKE, with `dataAccessAuditLogs`. */
  public readonly auditConfig?: ProjectIamAuditConfig;
  /** Keys of the listed clusters, sorted. */
  public readonly clusterKeys: string[];
  /** The sensor per cluster key (empty with `sensor: false`). */
  public readonly sensors: Readonly<Record<string, HelmDefenderSensor>>;
  /** The helm provider each sensor uses (given or created), per cluster key. */
  public readonly helmProviders: Readonly<Record<string, TerraformProvider>>;
  /** The `google_container_cluster` data source per key of an existing cluster whose helm provider the pattern created. */
  public readonly clusterDataSources: Readonly<Record<string, DataGoogleContainerCluster>>;
  /** The `google_client_config` whose access token the created helm providers use; undefined when none was created. */
  public readonly clientConfig?: DataGoogleClientConfig;

  constructor(scope: Construct, id: string, props: GkeDefenderForContainersProps) {
    super(scope, id);
    this.projectId = validateGcpProjectId(this, "projectId", props.projectId);
    this.projectNumber = validateGcpProjectNumber(this, "projectNumber", props.projectNumber);
    const tenantId = validateGuid(this, "azureTenantId", props.azureTenantId);
    const auditLogs = props.auditLogs ?? true;
    const agentlessDiscovery = props.agentlessDiscovery ?? true;
    const imageAssessment = props.imageAssessment ?? true;
    const sensor = props.sensor ?? true;
    checkSensorAutoProvisioning(this, props, props.connectorOptions?.sensorAutoProvisioning);
    const exemptedMembers = this.validateAuditConfig(props, auditLogs);
    const clusters = this.resolveClusters(props, sensor);
    this.clusterKeys = clusters.map((c) => c.key);
    const google = props.googleProvider;

    this.workloadIdentity = new DefenderWorkloadIdentity(this, "workload-identity", {
      ...props.workloadIdentityOptions,
      projectId: this.projectId,
      projectNumber: this.projectNumber,
      tenantId,
      // The containers-streams provider serves the data-collection account only.
      dataCollection: auditLogs,
      provider: google,
    });
    this.serviceAccounts = new DefenderForContainersGcpServiceAccounts(this, "service-accounts", {
      ...props.serviceAccountOptions,
      workloadIdentity: this.workloadIdentity,
      auditLogs,
      agentlessDiscovery,
      imageAssessment,
      provider: google,
    });

    const accounts = this.serviceAccounts;
    this.connector = new GcpSecurityConnector(this, "connector", {
      ...props.connectorOptions,
      resourceGroupId: props.connectorResourceGroupId,
      location: props.connectorLocation,
      name: props.connectorName,
      projectId: this.projectId,
      projectNumber: this.projectNumber,
      auditLogs,
      agentlessDiscovery,
      imageAssessment,
      nativeCloudConnectionServiceAccountEmail: accounts.nativeCloudConnection?.serviceAccountEmailAddress,
      nativeCloudConnectionProviderId: accounts.nativeCloudConnection?.workloadIdentityProviderId,
      dataPipelineServiceAccountEmail: accounts.dataPipelineNativeCloudConnection?.serviceAccountEmailAddress,
      dataPipelineProviderId: accounts.dataPipelineNativeCloudConnection?.workloadIdentityProviderId,
      agentlessDiscoveryServiceAccountEmail: accounts.agentlessDiscoveryConnection?.serviceAccountEmailAddress,
      agentlessDiscoveryProviderId: accounts.agentlessDiscoveryConnection?.workloadIdentityProviderId,
      imageAssessmentServiceAccountEmail: accounts.imageAssessmentConnection?.serviceAccountEmailAddress,
      imageAssessmentProviderId: accounts.imageAssessmentConnection?.workloadIdentityProviderId,
      provider: props.azapiProvider,
    });
    // The emails are literal strings, so nothing orders the connector after the identities it
    // names: create it once Defender can sign in, and delete it before they go.
    this.connector.resource.dependsOn = [
      ...(this.connector.resource.dependsOn ?? []),
      ...[this.workloadIdentity.providers, accounts.projectMembers, accounts.workloadIdentityUsers].map((r) => dependable(r)),
    ];

    if (props.dataAccessAuditLogs) {
      this.auditConfig = new ProjectIamAuditConfig(this, "audit-config", {
        project: this.projectId,
        service: GKE_AUDIT_LOG_SERVICE,
        auditLogConfig: GKE_DEFENDER_AUDIT_LOG_TYPES.map((logType) => ({ logType, exemptedMembers })),
        provider: google,
      });
    }

    if (props.allowApiServerAccess ?? agentlessDiscovery) {
      for (const { cluster } of clusters) if (cluster.containerCluster) allowDefenderGkeApiServerAccess(cluster.containerCluster);
    }

    const sensors: Record<string, HelmDefenderSensor> = {};
    const helmProviders: Record<string, TerraformProvider> = {};
    const dataSources: Record<string, DataGoogleContainerCluster> = {};
    let clientConfig: DataGoogleClientConfig | undefined;
    if (sensor) {
      for (const { key, cluster } of clusters) {
        let provider = cluster.options.helmProvider;
        if (provider === undefined) {
          clientConfig ??= new DataGoogleClientConfig(this, "client-config", { provider: google });
          let endpoint: string;
          let caCertificate: string;
          if (cluster.containerCluster) {
            endpoint = cluster.containerCluster.endpoint;
            caCertificate = cluster.containerCluster.masterAuth.clusterCaCertificate;
          } else {
            const data = new DataGoogleContainerCluster(this, `cluster-${key}`, { name: cluster.name, location: cluster.location, project: this.projectId, provider: google });
            dataSources[key] = data;
            endpoint = data.endpoint;
            caCertificate = data.masterAuth.get(0).clusterCaCertificate;
          }
          provider = newHelmProvider(this, `helm-${key}`, {
            alias: helmProviderAlias(this, key),
            kubernetes: { host: `https://${endpoint}`, token: clientConfig.accessToken, clusterCaCertificate: Fn.base64decode(caCertificate) },
          }, "GkeDefenderForContainers (a helm provider per cluster for the sensor)");
        }
        helmProviders[key] = provider;
        const sensorCluster = SensorCluster.gke({ projectId: this.projectId, location: cluster.location, clusterName: cluster.name });
        sensors[key] = installSensor(this, key, sensorCluster, provider, this.connector, props, cluster.options.sensorDependsOn);
      }
    }
    this.sensors = Object.freeze(sensors);
    this.helmProviders = Object.freeze(helmProviders);
    this.clusterDataSources = Object.freeze(dataSources);
    this.clientConfig = clientConfig;
  }

  private validateAuditConfig(props: GkeDefenderForContainersProps, auditLogs: boolean): string[] | undefined {
    const members = props.dataAccessAuditLogExemptedMembers;
    if (props.dataAccessAuditLogs && !auditLogs) {
      invalidValue(this, "dataAccessAuditLogs", true, "false while auditLogs is false", "Data Access audit logs only serve Defender's audit-log collection.");
    }
    if (members === undefined) return undefined;
    if (!props.dataAccessAuditLogs) {
      invalidValue(this, "dataAccessAuditLogExemptedMembers", members, "none while dataAccessAuditLogs is off", "Exemptions belong to the audit config the pattern only writes with dataAccessAuditLogs: true.");
    }
    members.forEach((member, index) =>
      validatePattern(this, `dataAccessAuditLogExemptedMembers[${index}]`, member, IAM_MEMBER, "an IAM member such as serviceAccount:ci@my-project.iam.gserviceaccount.com or group:ops@example.com"),
    );
    return [...members].sort();
  }

  /** Validates the listed clusters and returns them sorted by key. */
  private resolveClusters(props: GkeDefenderForContainersProps, sensor: boolean): ResolvedGkeCluster[] {
    const clusters = props.clusters;
    if (clusters === undefined && !sensor) return [];
    if (clusters === undefined || clusters.length === 0) {
      invalidValue(
        this,
        "clusters",
        clusters ?? [],
        "at least one GkeCluster (GkeCluster.fromContainerCluster(...) or GkeCluster.fromName(...))",
        sensor ? "The sensor is installed on each listed cluster; set sensor: false to connect the project without it." : undefined,
      );
    }
    const resolved = clusters.map((cluster, index): ResolvedGkeCluster => {
      const source = `clusters[${index}]`;
      if (!(cluster instanceof GkeCluster)) invalidValue(this, source, cluster, "GkeCluster.fromContainerCluster(...) or GkeCluster.fromName(...)");
      validateGkeClusterName(this, `${source}.name`, cluster.name);
      validateGcpLocation(this, `${source}.location`, cluster.location);
      const project = cluster.containerCluster?.projectInput;
      if (project !== undefined && !isUnresolved(project) && !isUnresolved(this.projectId) && project !== this.projectId) {
        invalidValue(this, `${source}.project`, project, `"${this.projectId}", the pattern's projectId`, "One pattern covers one project: give each project its own pattern.");
      }
      const key = validateClusterKey(this, `${source}.key`, cluster.options.key ?? cluster.name);
      return { key, source, cluster };
    });
    validateNonEmptyUnique(this, "clusters", resolved, identityOf, "GKE cluster");
    // One provider points at one cluster: two releases of the same name through it would collide.
    const providerOwners = new Map<TerraformProvider, string>();
    for (const { cluster, source } of resolved) {
      const provider = cluster.options.helmProvider;
      if (provider === undefined) continue;
      const owner = providerOwners.get(provider);
      if (owner !== undefined) {
        invalidValue(this, `${source}.helmProvider`, provider.node.path, "a helm provider of this cluster only", `It is also the helmProvider of ${owner}.`);
      }
      providerOwners.set(provider, source);
    }
    return checkClusterKeys(this, resolved);
  }
}

/** What makes two listed clusters the same cluster: location and name; the construct (or key) when either is a reference. */
function identityOf({ cluster, key }: ResolvedGkeCluster): string {
  if (!isUnresolved(cluster.name) && !isUnresolved(cluster.location)) return `${cluster.location}/${cluster.name}`;
  return cluster.containerCluster?.node.path ?? `key ${key}`;
}
