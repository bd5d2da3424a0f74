import { DataGoogleClientConfig } from "@cdktf/provider-google/lib/data-google-client-config";
import { DataGoogleContainerCluster } from "@cdktf/provider-google/lib/data-google-container-cluster";
import { ProjectIamAuditConfig } from "@cdktf/provider-google/lib/project-iam-audit-config";
import { dependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { GcpSecurityConnector, GcpSecurityConnectorProps } from "../azure/gcp-security-connector";
import { GKE_AUDIT_LOG_SERVICE, GKE_DEFENDER_AUDIT_LOG_TYPES } from "../core/catalog/gcp";
import { invalidValue } from "../core/errors";
import { validateGcpLocation, validateGcpProjectId, validateGcpProjectNumber, validateGkeClusterName } from "../core/gcp-identifiers";
import { isUnresolved, validateGuid, validateNonEmptyUnique, validatePattern } from "../core/validation";
import { DefenderForContainersGcpServiceAccounts, DefenderForContainersGcpServiceAccountsProps } from "../gcp/defender-for-containers-gcp-service-accounts";
import { DefenderWorkloadIdentity, DefenderWorkloadIdentityProps } from "../gcp/defender-workload-identity";
import { allowDefenderGkeApiServerAccess } from "../gcp/gke-cluster-settings";
import { SensorCluster } from "../kubernetes/sensor-cluster";
import { ConnectorPatternProps } from "./connector-pattern-props";
import { GkeDefenderCluster } from "./gke-defender-cluster";
import { ConnectorDefenderPattern, KeyedCluster, validateClusterKey } from "./private/connector-defender-pattern";
import { checkProviderType } from "./private/providers";

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
   * The project's GKE clusters: `GkeDefenderCluster.fromCluster(cluster)` for clusters this app
   * defines, `GkeDefenderCluster.fromName(name, { location })` for existing ones. Each gets the sensor;
   * required (non-empty, each cluster once) while `sensor` is on. Audit logs, agentless discovery
   * and image assessment cover every cluster of the project whether it is listed or not.
   * @default - none (only with `sensor: false`)
   */
  readonly clusters?: GkeDefenderCluster[];
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
  readonly cluster: GkeDefenderCluster;
}

const CLUSTER_FORM = "GkeDefenderCluster.fromCluster(...) or GkeDefenderCluster.fromName(...)";

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
export class GkeDefenderForContainers extends ConnectorDefenderPattern {
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
  /** The `google_container_cluster` data source per key of an existing cluster whose helm provider the pattern created. */
  public readonly clusterDataSources: Readonly<Record<string, DataGoogleContainerCluster>>;
  /** The `google_client_config` whose access token the created helm providers use; undefined when none was created. */
  public readonly clientConfig?: DataGoogleClientConfig;

  constructor(scope: Construct, id: string, props: GkeDefenderForContainersProps) {
    super(scope, id, props);
    this.projectId = validateGcpProjectId(this, "projectId", props.projectId);
    this.projectNumber = validateGcpProjectNumber(this, "projectNumber", props.projectNumber);
    const tenantId = validateGuid(this, "azureTenantId", props.azureTenantId);
    const { auditLogs, agentlessDiscovery, imageAssessment, sensor } = this.capabilities;
    const exemptedMembers = this.validateAuditConfig(props, auditLogs);
    const clusters = this.resolveClusters(props, sensor);
    this.checkSensorAutoProvisioning(clusters, props.connectorOptions?.sensorAutoProvisioning);
    const google = checkProviderType(this, "googleProvider", props.googleProvider, "google");

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
      ...this.connectorPlacement(props),
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
      for (const { cluster } of clusters) if (cluster.cluster) allowDefenderGkeApiServerAccess(cluster.cluster);
    }

    const dataSources: Record<string, DataGoogleContainerCluster> = {};
    if (this.clustersNeedingHelmProvider(clusters).length > 0) this.clientConfig = new DataGoogleClientConfig(this, "client-config", { provider: google });
    this.installSensors(
      this.connector,
      clusters,
      props,
      ({ key, cluster }) => {
        let endpoint: string;
        let caCertificate: string;
        if (cluster.cluster) {
          endpoint = cluster.cluster.endpoint;
          caCertificate = cluster.cluster.masterAuth.clusterCaCertificate;
        } else {
          const data = new DataGoogleContainerCluster(this, `cluster-${key}`, { name: cluster.name, location: cluster.location, project: this.projectId, provider: google });
          dataSources[key] = data;
          endpoint = data.endpoint;
          caCertificate = data.masterAuth.get(0).clusterCaCertificate;
        }
        return { host: `https://${endpoint}`, token: this.clientConfig!.accessToken, clusterCaCertificateBase64: caCertificate };
      },
      ({ cluster }) => SensorCluster.gke({ projectId: this.projectId, location: cluster.location, clusterName: cluster.name }),
    );
    this.clusterDataSources = Object.freeze(dataSources);
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
        `at least one GkeDefenderCluster (${CLUSTER_FORM})`,
        sensor ? "The sensor is installed on each listed cluster; set sensor: false to connect the project without it." : undefined,
      );
    }
    const resolved = clusters.map((cluster, index): ResolvedGkeCluster => {
      const source = `clusters[${index}]`;
      if (!(cluster instanceof GkeDefenderCluster)) invalidValue(this, source, cluster, CLUSTER_FORM);
      validateGkeClusterName(this, `${source}.name`, cluster.name);
      validateGcpLocation(this, `${source}.location`, cluster.location);
      const project = cluster.cluster?.projectInput;
      if (project !== undefined && !isUnresolved(project) && !isUnresolved(this.projectId) && project !== this.projectId) {
        invalidValue(this, `${source}.project`, project, `"${this.projectId}", the pattern's projectId`, "One pattern covers one project: give each project its own pattern.");
      }
      const key = validateClusterKey(this, `${source}.key`, cluster.options.key ?? cluster.name);
      return { key, source, cluster, options: cluster.options, sensor: cluster.options.sensor ?? sensor };
    });
    validateNonEmptyUnique(this, "clusters", resolved, identityOf, "GKE cluster");
    return this.keyClusters(resolved);
  }
}

/** What makes two listed clusters the same cluster: location and name; the construct (or key) when either is a reference. */
function identityOf({ cluster, key }: ResolvedGkeCluster): string {
  if (!isUnresolved(cluster.name) && !isUnresolved(cluster.location)) return `${cluster.location}/${cluster.name}`;
  return cluster.cluster?.node.path ?? `key ${key}`;
}
