import { DefenderAudience } from "./multicloud";

/**
 * Microsoft constants for Defender for Containers on a GCP project: the workload identity pool
 * and OIDC providers Defender signs in through, its service accounts, custom roles, predefined
 * roles and the APIs it needs. Defender's tenant, issuer and audiences live in `./multicloud`.
 *
 * Sources (stored copies, see ../shared/reference/defender-facts.md §C, §A7, Resolutions §3-4):
 *  - "Template": MDC-repo (Azure/Microsoft-Defender-for-Cloud) `MultiCloud/GCP/Local/GCPOnboarding.tf`
 *    and `variables.tf` @ 2b0497fc^ (Microsoft's own Terraform onboarding of a GCP project)
 *  - "Permissions doc": MS-Docs defender-for-cloud `containers-permissions` / "GCP default access"
 *  - "Remove doc": MS-Docs defender-for-containers-remove.md (GCP resources created by onboarding)
 *  - "Az.Security": `New-AzSecurityDefenderForContainersGcpOfferingObject` examples (connector values)
 */

/** Workload identity pool Defender's tokens are exchanged in (Template). */
export const DefenderGcpPool = {
  DISPLAY_NAME: "Microsoft Defender for Cloud",
  DESCRIPTION: "Microsoft defender for cloud provisioner workload identity pool",
  /**
   * Default pool ID: the customer's Azure tenant GUID without hyphens, lowercase (32 hex
   * characters, the GCP maximum). Template `workload_pool_id` = "customer MS tenant id"; MDC-repo
   * `MultiCloud/README.md` "workload pool id is the tenant id on Azure"; a portal-generated
   * script uses `8efa1c55953c42dfa19dd4599e4c64d4` (facts Resolutions §3). Literal GUIDs only.
   */
  poolIdFromTenantId(tenantId: string): string {
    return tenantId.replace(/-/g, "").toLowerCase();
  },
} as const;

/** `attribute_mapping` of every Defender OIDC provider (Template). */
export const DEFENDER_GCP_ATTRIBUTE_MAPPING: Readonly<Record<string, string>> = Object.freeze({ "google.subject": "assertion.sub" });

/** An OIDC provider in the Defender pool. */
export interface DefenderGcpOidcProvider {
  /** Provider ID (the connector's `workloadIdentityProviderId`). */
  readonly id: string;
  /** The single allowed audience (`aud` of Defender's tokens). */
  readonly audience: string;
  readonly description: string;
}

/** OIDC providers Defender for Containers uses (Template; Remove doc lists both as created by onboarding). */
export const DefenderGcpProvider = {
  /** Audit logs / Kubernetes access, agentless discovery and image assessment accounts. */
  CONTAINERS: { id: "containers", audience: DefenderAudience.CONTAINERS, description: "OIDC identity pool provider for Containers." },
  /** The data-collection (Pub/Sub stream) account. */
  CONTAINERS_STREAMS: {
    id: "containers-streams",
    audience: DefenderAudience.CONTAINERS_STREAMS_GCP,
    description: "OIDC identity pool provider for Containers Data Collection.",
  },
} as const satisfies Record<string, DefenderGcpOidcProvider>;

/** A service account Defender impersonates. */
export interface DefenderGcpServiceAccount {
  /** Default account ID (the part of the email before `@`). */
  readonly accountId: string;
  readonly displayName: string;
  /** ID of the OIDC provider the connector pairs with this account (Az.Security example). */
  readonly providerId: string;
}

/** Service accounts of Defender for Containers (facts Resolutions §4). */
export const DefenderGcpServiceAccount = {
  /**
   * Audit logs: creates the log sink and Pub/Sub topic per cluster. CONFLICT resolved: the Remove
   * doc says `ms-defender-containers`, but the Template, the Az.Security examples/tests and the
   * Permissions doc all use `microsoft-defender-containers`; the Remove doc is treated as an error.
   */
  CONTAINERS: { accountId: "microsoft-defender-containers", displayName: "Microsoft Defender Containers", providerId: DefenderGcpProvider.CONTAINERS.id },
  /** Data collection: consumes the Pub/Sub subscriptions. `ms-` keeps the ID within GCP's 30 characters (Template). */
  CONTAINERS_STREAM: {
    accountId: "ms-defender-containers-stream",
    displayName: "Microsoft Defender Data Collector",
    providerId: DefenderGcpProvider.CONTAINERS_STREAMS.id,
  },
  /** Agentless discovery for Kubernetes (Permissions doc; display name is ours, none is documented). */
  K8S_OPERATOR: {
    accountId: "mdc-containers-k8s-operator",
    displayName: "Microsoft Defender Containers K8s Operator",
    providerId: DefenderGcpProvider.CONTAINERS.id,
  },
  /** Agentless image vulnerability assessment of GAR/GCR (Permissions doc; display name is ours). */
  ARTIFACT_ASSESS: {
    accountId: "mdc-containers-artifact-assess",
    displayName: "Microsoft Defender Containers Artifact Assess",
    providerId: DefenderGcpProvider.CONTAINERS.id,
  },
} as const satisfies Record<string, DefenderGcpServiceAccount>;

/** A project-level custom role Defender's accounts hold. */
export interface DefenderGcpCustomRole {
  /** Default role ID. */
  readonly roleId: string;
  readonly title: string;
  readonly description: string;
  readonly permissions: readonly string[];
}

/**
 * Launch stage of the custom roles: the Template creates them as `ALPHA`. The stage is a label
 * only (it does not limit what the role grants); kept so roles match the ones Microsoft's
 * onboarding creates.
 */
export const DEFENDER_GCP_CUSTOM_ROLE_STAGE = "ALPHA";

/** Custom roles of Defender for Containers. */
export const DefenderGcpCustomRole = {
  /**
   * Held by `microsoft-defender-containers` (Template). The Permissions doc also lists
   * `resourcemanager.organizations.getIamPolicy`; it is left out: it applies to the organization
   * resource, which a project-level custom role cannot grant on (GCP IAM "custom roles": such
   * permissions are not supported at project level), and the Template (project onboarding) does
   * not include it either.
   */
  CONTAINERS: {
    roleId: "MicrosoftDefenderContainersRole",
    title: "Microsoft Defender Containers Custom Role",
    description: "Microsoft Defender Containers Custom Role.",
    permissions: [
      "logging.sinks.list",
      "logging.sinks.get",
      "logging.sinks.create",
      "logging.sinks.update",
      "logging.sinks.delete",
      "resourcemanager.projects.getIamPolicy",
      "iam.serviceAccounts.get",
      "iam.workloadIdentityPoolProviders.get",
    ],
  },
  /** Held by `ms-defender-containers-stream` (Template; Permissions doc). */
  DATA_COLLECTION: {
    roleId: "MicrosoftDefenderContainersDataCollectionRole",
    title: "Microsoft Defender Containers Data Collection Custom Role",
    description: "Microsoft Defender Containers Data Collection Custom Role.",
    permissions: ["pubsub.subscriptions.consume", "pubsub.subscriptions.get"],
  },
  /**
   * Held by `mdc-containers-k8s-operator`: lets Defender add its source CIDRs to a cluster's
   * authorized networks (Permissions doc "Update GKE clusters to support IP restriction").
   * Title and description are ours; none is documented.
   */
  GKE_CLUSTER_WRITE: {
    roleId: "MDCGkeClusterWriteRole",
    title: "MDC GKE Cluster Write Role",
    description: "Microsoft Defender for Containers: update GKE clusters (authorized networks for agentless discovery).",
    permissions: ["container.clusters.update"],
  },
  /**
   * Held by `mdc-containers-k8s-operator`: Kubernetes inventory collection through the API server
   * (MS-Docs defender-for-containers-network-access, ms.date 2026-04-16, "Google Kubernetes Engine
   * (GKE)" permissions; also containers-permissions "GCP Agentless threat protection permissions").
   * Title and description are ours; none is documented.
   */
  GKE_CONTAINER_INVENTORY_COLLECTION: {
    roleId: "MDCGkeContainerInventoryCollectionRole",
    title: "MDC GKE Container Inventory Collection Role",
    description: "Microsoft Defender for Containers: Kubernetes inventory collection (node proxy, secret listing).",
    permissions: ["container.nodes.proxy", "container.secrets.list"],
  },
  /**
   * Held by `mdc-containers-k8s-operator`: response actions on workloads (update or delete pods,
   * isolate them with network policies) (MS-Docs defender-for-containers-network-access, 2026-04-16).
   * Title and description are ours.
   */
  GKE_CONTAINER_RESPONSE_ACTIONS: {
    roleId: "MDCGkeContainerResponseActionsRole",
    title: "MDC GKE Container Response Actions Role",
    description: "Microsoft Defender for Containers: response actions (pods, network policies).",
    permissions: [
      "container.pods.update",
      "container.pods.delete",
      "container.networkPolicies.create",
      "container.networkPolicies.update",
      "container.networkPolicies.delete",
    ],
  },
  /**
   * Held by `mdc-containers-artifact-assess`: publishes vulnerability assessment results back to
   * Artifact Registry for gated deployment; Defender does not modify images (MS-Docs
   * defender-for-containers-network-access, 2026-04-16, "Google Artifact Registry (GAR)").
   * Title and description are ours.
   */
  WRITING_GAR_ASSESSMENTS: {
    roleId: "MDCWritingGarAssessmentsRole",
    title: "MDC Writing GAR Assessments Role",
    description: "Microsoft Defender for Containers: write vulnerability assessment results to Artifact Registry.",
    permissions: ["artifactregistry.repositories.uploadArtifacts", "artifactregistry.repositories.deleteArtifacts"],
  },
} as const satisfies Record<string, DefenderGcpCustomRole>;

/** Predefined GCP roles Defender's accounts hold (Template; Permissions doc). */
export const GcpPredefinedRole = {
  /** `microsoft-defender-containers` (Template). */
  CONTAINER_ADMIN: "roles/container.admin",
  /** `microsoft-defender-containers`: creates the per-cluster topic and subscription (Template). */
  PUBSUB_ADMIN: "roles/pubsub.admin",
  /** `mdc-containers-k8s-operator` (Permissions doc). */
  CONTAINER_VIEWER: "roles/container.viewer",
  /** `mdc-containers-artifact-assess`, Defender's default access (Permissions doc "GCP default access"). */
  STORAGE_OBJECT_USER: "roles/storage.objectUser",
  /** `mdc-containers-artifact-assess`, Defender's default access. */
  ARTIFACT_REGISTRY_WRITER: "roles/artifactregistry.writer",
  /** `mdc-containers-artifact-assess`, least privilege (Permissions doc role table). */
  ARTIFACT_REGISTRY_READER: "roles/artifactregistry.reader",
  /** `mdc-containers-artifact-assess`, least privilege. */
  STORAGE_OBJECT_VIEWER: "roles/storage.objectViewer",
  /** Cloud Logging's writer: publishes audit logs to Defender's topics (Template). */
  PUBSUB_PUBLISHER: "roles/pubsub.publisher",
  /** Granted on each Defender account to the pool's principalSet (Template). */
  WORKLOAD_IDENTITY_USER: "roles/iam.workloadIdentityUser",
} as const;

/** Cloud Logging's system account, which writes log sink output to Pub/Sub (Template). */
export const GCP_CLOUD_LOGS_MEMBER = "serviceAccount:cloud-logs@system.gserviceaccount.com";

/**
 * APIs Defender for Containers needs on the project. The Template's default `enable_apis` is
 * cloudresourcemanager, iam, sts, iamcredentials, compute, container, sqladmin, apikeys and
 * cloudkms for all offerings; sqladmin (Defender for Databases), apikeys and cloudkms (CSPM /
 * servers disk scanning) serve other plans and are left out. `logging` is added: the Remove doc
 * lists it as enabled by the Containers onboarding (audit logs go through a log sink).
 */
export const DEFENDER_GCP_SERVICES: readonly string[] = Object.freeze([
  "cloudresourcemanager.googleapis.com",
  "compute.googleapis.com",
  "container.googleapis.com",
  "iam.googleapis.com",
  "iamcredentials.googleapis.com",
  "logging.googleapis.com",
  "sts.googleapis.com",
]);

/**
 * Cloud Audit Logs service of the Kubernetes Engine API: Data Access audit logs of GKE clusters
 * (Kubernetes API reads and writes) are configured under this service name.
 */
export const GKE_AUDIT_LOG_SERVICE = "container.googleapis.com";

/**
 * Log types Defender's GCP onboarding turns on for {@link GKE_AUDIT_LOG_SERVICE}: the onboarding
 * helper "Enable GKE Data Access Logs" (run by the GCP connector creation, "needed for agentless
 * threat protection in the Containers plan") adds `ADMIN_READ`, `DATA_READ` and `DATA_WRITE` to the
 * project's `auditConfigs`; the GKE remove doc lists this audit config as created by onboarding
 * (facts C). The helper's repository could not be identified from the stored copy: UNCONFIRMED.
 */
export const GKE_DEFENDER_AUDIT_LOG_TYPES: readonly string[] = Object.freeze(["ADMIN_READ", "DATA_READ", "DATA_WRITE"]);

/**
 * Display name of the authorized-network entries this library adds for Defender's source CIDRs
 * (`DEFENDER_API_SERVER_SOURCE_CIDRS`) on GKE. Ours: the name Defender itself uses when it adds
 * them (through `MDCGkeClusterWriteRole`) is not documented.
 */
export const GKE_DEFENDER_AUTHORIZED_NETWORK_DISPLAY_NAME = "Microsoft Defender for Containers";
