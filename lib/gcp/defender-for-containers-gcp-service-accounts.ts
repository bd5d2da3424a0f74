import { ProjectIamCustomRole } from "@cdktf/provider-google/lib/project-iam-custom-role";
import { ProjectIamMember } from "@cdktf/provider-google/lib/project-iam-member";
import { ProjectService } from "@cdktf/provider-google/lib/project-service";
import { ServiceAccount } from "@cdktf/provider-google/lib/service-account";
import { ServiceAccountIamMember } from "@cdktf/provider-google/lib/service-account-iam-member";
import { dependable, ITerraformDependable, TerraformIterator, TerraformProvider, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import {
  DEFENDER_GCP_CUSTOM_ROLE_STAGE,
  DEFENDER_GCP_SERVICES,
  DefenderGcpCustomRole,
  DefenderGcpServiceAccount,
  GCP_CLOUD_LOGS_MEMBER,
  GcpPredefinedRole,
} from "../core/catalog";
import { DefenderValidationError, invalidValue } from "../core/errors";
import {
  gcpProjectCustomRoleName,
  gcpServiceAccountEmail,
  gcpServiceAccountResourceName,
  validateGcpCustomRoleId,
  validateGcpServiceAccountId,
  validateGcpServiceName,
} from "../core/gcp-identifiers";
import { isUnresolved } from "../core/validation";
import { DefenderWorkloadIdentity } from "./defender-workload-identity";

/** What `mdc-containers-artifact-assess` may do in registries and buckets. */
export enum GcpImageAssessmentAccess {
  /** Defender's documented default access: `roles/artifactregistry.writer` + `roles/storage.objectUser`. */
  DEFAULT = "Default",
  /**
   * Read registries: `roles/artifactregistry.reader` + `roles/storage.objectViewer` (the
   * containers-permissions role table). The account still holds `MDCWritingGarAssessmentsRole`,
   * which only writes assessment results (network-access doc, "Google Artifact Registry").
   */
  LEAST_PRIVILEGE = "LeastPrivilege",
}

/**
 * Keys of the Defender accounts. They key the `for_each` maps (so they appear in Terraform
 * addresses, e.g. `google_service_account.<id>["k8s-operator"]`) and never change with names.
 */
export enum DefenderGcpAccount {
  /** `microsoft-defender-containers`: audit logs (log sink, Pub/Sub topic, Kubernetes access). */
  CONTAINERS = "containers",
  /** `ms-defender-containers-stream`: data collection from the Pub/Sub subscriptions. */
  CONTAINERS_STREAM = "containers-stream",
  /** `mdc-containers-k8s-operator`: agentless discovery for Kubernetes. */
  K8S_OPERATOR = "k8s-operator",
  /** `mdc-containers-artifact-assess`: agentless image vulnerability assessment. */
  ARTIFACT_ASSESS = "artifact-assess",
}

/** Service account IDs (the part of the email before `@`), each 6-30 characters. */
export interface DefenderGcpAccountIds {
  /** @default "microsoft-defender-containers" */
  readonly containers?: string;
  /** @default "ms-defender-containers-stream" */
  readonly containersStream?: string;
  /** @default "mdc-containers-k8s-operator" */
  readonly k8sOperator?: string;
  /** @default "mdc-containers-artifact-assess" */
  readonly artifactAssess?: string;
}

/** Custom role IDs (3-64 letters, digits, underscores or periods). */
export interface DefenderGcpCustomRoleIds {
  /** @default "MicrosoftDefenderContainersRole" */
  readonly containers?: string;
  /** @default "MicrosoftDefenderContainersDataCollectionRole" */
  readonly dataCollection?: string;
  /** @default "MDCGkeClusterWriteRole" */
  readonly gkeClusterWrite?: string;
  /** @default "MDCGkeContainerInventoryCollectionRole" */
  readonly gkeContainerInventoryCollection?: string;
  /** @default "MDCGkeContainerResponseActionsRole" */
  readonly gkeContainerResponseActions?: string;
  /** @default "MDCWritingGarAssessmentsRole" */
  readonly writingGarAssessments?: string;
}

/** What the security connector's `DefenderForContainersGcp` offering needs for one account. */
export interface GcpConnectorIdentity {
  /** `serviceAccountEmailAddress`. */
  readonly serviceAccountEmailAddress: string;
  /** `workloadIdentityProviderId`: the provider ID (`containers` or `containers-streams`), not its full name. */
  readonly workloadIdentityProviderId: string;
}

/** Props of {@link DefenderForContainersGcpServiceAccounts}. */
export interface DefenderForContainersGcpServiceAccountsProps {
  /** The pool and providers Defender signs in through; the accounts are created in its project. */
  readonly workloadIdentity: DefenderWorkloadIdentity;
  /**
   * Kubernetes audit logs and data collection: `microsoft-defender-containers` (custom
   * `MicrosoftDefenderContainersRole`, `roles/container.admin`, `roles/pubsub.admin`),
   * `ms-defender-containers-stream` (custom `MicrosoftDefenderContainersDataCollectionRole`) and
   * `roles/pubsub.publisher` for Cloud Logging's `cloud-logs@system.gserviceaccount.com`.
   * Needs the pool's `containers-streams` provider.
   * @default true
   */
  readonly auditLogs?: boolean;
  /**
   * Agentless discovery for Kubernetes: `mdc-containers-k8s-operator` with `roles/container.viewer`
   * and the custom roles `MDCGkeClusterWriteRole` (`container.clusters.update`: authorized networks),
   * `MDCGkeContainerInventoryCollectionRole` (inventory collection) and
   * `MDCGkeContainerResponseActionsRole` (response actions), as the network-access doc lists them.
   * @default true
   */
  readonly agentlessDiscovery?: boolean;
  /**
   * Agentless image vulnerability assessment: `mdc-containers-artifact-assess`, with the roles of
   * `imageAssessmentAccess` and custom `MDCWritingGarAssessmentsRole` (writes assessment results
   * back to Artifact Registry for gated deployment).
   * @default true
   */
  readonly imageAssessment?: boolean;
  /**
   * Roles of the image-assessment account.
   * @default GcpImageAssessmentAccess.DEFAULT
   */
  readonly imageAssessmentAccess?: GcpImageAssessmentAccess;
  /**
   * Service account IDs, when Microsoft's names are taken or your naming rules differ. The
   * connector is told the emails, so any name works.
   * @default - Microsoft's names (see {@link DefenderGcpAccountIds})
   */
  readonly accountIds?: DefenderGcpAccountIds;
  /**
   * Custom role IDs. GCP soft-deletes custom roles: within 7 days of a destroy the provider
   * undeletes the old role, but from day 7 to day 37 the ID cannot be used at all, so a re-create
   * in that window (or a project where Microsoft's portal script already made the roles) needs
   * other IDs.
   * @default - Microsoft's role IDs (see {@link DefenderGcpCustomRoleIds})
   */
  readonly customRoleIds?: DefenderGcpCustomRoleIds;
  /**
   * Enable the APIs Defender needs (`google_project_service`, `disable_on_destroy = false`).
   * Turn off when another team owns the project's APIs.
   * @default true
   */
  readonly enableServices?: boolean;
  /**
   * More APIs to enable with Defender's, e.g. `pubsub.googleapis.com` in organizations that do
   * not enable it on new projects.
   * @default - none
   */
  readonly additionalServices?: string[];
  /**
   * google provider (usually an alias) of the project.
   * @default - the workload identity's provider
   */
  readonly provider?: TerraformProvider;
}

/** Keys of the custom roles in their `for_each` map and in project member keys. */
const CUSTOM_ROLE_KEY = {
  containers: "containers-role",
  dataCollection: "data-collection-role",
  gkeClusterWrite: "gke-cluster-write-role",
  gkeContainerInventoryCollection: "gke-inventory-collection-role",
  gkeContainerResponseActions: "gke-response-actions-role",
  writingGarAssessments: "gar-assessments-write-role",
} as const;

interface AccountPlan {
  readonly key: DefenderGcpAccount;
  readonly accountId: string;
  readonly displayName: string;
  readonly providerId: string;
}

interface CustomRolePlan {
  readonly key: string;
  readonly roleId: string;
  readonly title: string;
  readonly description: string;
  readonly permissions: readonly string[];
}

/**
 * The GCP service accounts, roles and bindings Defender for Containers impersonates, per
 * capability (audit logs and data collection, agentless discovery, image assessment), and the
 * project APIs it needs.
 *
 * Every grant is additive (`google_project_iam_member`, `google_service_account_iam_member`):
 * unlike the `_binding` resources of Microsoft's template, nothing here removes members that
 * others granted the same role. Each resource type is ONE resource with `for_each` over a map
 * keyed by stable names ({@link DefenderGcpAccount}, `<account>/<role>`), so turning a capability
 * off removes only its instances.
 *
 * When `enableServices` is on, the pool, accounts and roles wait for the APIs.
 */
export class DefenderForContainersGcpServiceAccounts extends Construct {
  /** The service accounts: one resource, `for_each` keyed by {@link DefenderGcpAccount}. */
  public readonly serviceAccounts: ServiceAccount;
  /** The custom roles (one resource, `for_each`); undefined when no capability needs one. */
  public readonly customRoles?: ProjectIamCustomRole;
  /** Project-level grants (one resource, `for_each` keyed by `<account>/<role>`). */
  public readonly projectMembers: ProjectIamMember;
  /** `roles/iam.workloadIdentityUser` for the pool's principalSet on each account (`for_each` keyed by account). */
  public readonly workloadIdentityUsers: ServiceAccountIamMember;
  /** The enabled APIs (`for_each` keyed by service name); undefined when `enableServices` is off. */
  public readonly services?: ProjectService;
  /** Emails of the accounts created, by account key. */
  public readonly serviceAccountEmails: Readonly<Partial<Record<DefenderGcpAccount, string>>>;
  /** Connector `nativeCloudConnection` (audit logs account); undefined when `auditLogs` is off. */
  public readonly nativeCloudConnection?: GcpConnectorIdentity;
  /** Connector `dataPipelineNativeCloudConnection` (data-collection account); undefined when `auditLogs` is off. */
  public readonly dataPipelineNativeCloudConnection?: GcpConnectorIdentity;
  /** Connector `mdcContainersAgentlessDiscoveryK8s`; undefined when `agentlessDiscovery` is off. */
  public readonly agentlessDiscoveryConnection?: GcpConnectorIdentity;
  /** Connector `mdcContainersImageAssessment`; undefined when `imageAssessment` is off. */
  public readonly imageAssessmentConnection?: GcpConnectorIdentity;
  /** Project members granted, as `<account>/<role>` keys, sorted (for reviews and tests). */
  public readonly projectMemberKeys: string[];
  /** APIs enabled, sorted (empty when `enableServices` is off). */
  public readonly enabledServices: string[];

  constructor(scope: Construct, id: string, props: DefenderForContainersGcpServiceAccountsProps) {
    super(scope, id);
    const wif = props.workloadIdentity;
    const projectId = wif.projectId;
    const provider = props.provider ?? wif.provider;
    const auditLogs = props.auditLogs ?? true;
    const agentlessDiscovery = props.agentlessDiscovery ?? true;
    const imageAssessment = props.imageAssessment ?? true;
    if (!auditLogs && !agentlessDiscovery && !imageAssessment) {
      throw new DefenderValidationError(
        this,
        "auditLogs, agentlessDiscovery, imageAssessment: got false for all three; expected at least one capability on (otherwise remove this construct).",
      );
    }
    if (auditLogs && wif.containersStreamsProviderId === undefined) {
      throw new DefenderValidationError(
        this,
        `auditLogs: got true while workloadIdentity ${wif.node.path} has dataCollection off; expected the containers-streams provider, which the data-collection account signs in through (turn dataCollection on, or auditLogs off).`,
      );
    }

    const accounts = this.planAccounts(props, auditLogs, agentlessDiscovery, imageAssessment);
    const roles = this.planCustomRoles(props, auditLogs, agentlessDiscovery, imageAssessment);
    const emails = Object.fromEntries(accounts.map((a) => [a.key, gcpServiceAccountEmail(a.accountId, projectId)])) as Record<DefenderGcpAccount, string>;
    this.serviceAccountEmails = Object.freeze({ ...emails });
    const connection = (key: DefenderGcpAccount): GcpConnectorIdentity | undefined => {
      const account = accounts.find((a) => a.key === key);
      return account && { serviceAccountEmailAddress: emails[key], workloadIdentityProviderId: account.providerId };
    };
    this.nativeCloudConnection = connection(DefenderGcpAccount.CONTAINERS);
    this.dataPipelineNativeCloudConnection = connection(DefenderGcpAccount.CONTAINERS_STREAM);
    this.agentlessDiscoveryConnection = connection(DefenderGcpAccount.K8S_OPERATOR);
    this.imageAssessmentConnection = connection(DefenderGcpAccount.ARTIFACT_ASSESS);

    // APIs first: creating accounts, roles or the pool fails while iam.googleapis.com is off.
    this.enabledServices = (props.enableServices ?? true) ? this.planServices(props) : [];
    if (props.enableServices ?? true) {
      const eachService = TerraformIterator.fromList(this.enabledServices);
      this.services = new ProjectService(this, "services", {
        forEach: eachService,
        project: projectId,
        service: eachService.value,
        // Destroying Defender must not turn off APIs other workloads in the project use.
        disableOnDestroy: false,
        provider,
      });
      addDependsOn(wif.pool, [this.services]);
    }
    const afterServices: ITerraformDependable[] | undefined = this.services ? [this.services] : undefined;

    const accountMap = sortedMap(accounts.map((a) => [a.key, { account_id: a.accountId, display_name: a.displayName }]));
    const eachAccount = TerraformIterator.fromMap(accountMap);
    this.serviceAccounts = new ServiceAccount(this, "service-accounts", {
      forEach: eachAccount,
      project: projectId,
      accountId: eachAccount.getString("account_id"),
      displayName: eachAccount.getString("display_name"),
      description: "Impersonated by Microsoft Defender for Containers through workload identity federation.",
      dependsOn: afterServices,
      provider,
    });

    if (roles.length > 0) {
      const eachRole = TerraformIterator.fromMap(
        sortedMap(roles.map((r) => [r.key, { role_id: r.roleId, title: r.title, description: r.description, permissions: [...r.permissions] }])),
      );
      this.customRoles = new ProjectIamCustomRole(this, "custom-roles", {
        forEach: eachRole,
        project: projectId,
        roleId: eachRole.getString("role_id"),
        title: eachRole.getString("title"),
        description: eachRole.getString("description"),
        permissions: eachRole.getList("permissions"),
        stage: DEFENDER_GCP_CUSTOM_ROLE_STAGE,
        dependsOn: afterServices,
        provider,
      });
    }

    const members = this.planProjectMembers(projectId, emails, roles, props.imageAssessmentAccess ?? GcpImageAssessmentAccess.DEFAULT);
    this.projectMemberKeys = Object.keys(members).sort();
    const eachMember = TerraformIterator.fromMap(members);
    this.projectMembers = new ProjectIamMember(this, "project-members", {
      forEach: eachMember,
      project: projectId,
      role: eachMember.getString("role"),
      member: eachMember.getString("member"),
      // Roles and members are literal names (readable in the plan), so order explicitly.
      dependsOn: [this.serviceAccounts, ...(this.customRoles ? [this.customRoles] : [])],
      provider,
    });

    const eachUser = TerraformIterator.fromMap(
      sortedMap(accounts.map((a) => [a.key, { service_account_id: gcpServiceAccountResourceName(projectId, emails[a.key]) }])),
    );
    this.workloadIdentityUsers = new ServiceAccountIamMember(this, "workload-identity-users", {
      forEach: eachUser,
      serviceAccountId: eachUser.getString("service_account_id"),
      role: GcpPredefinedRole.WORKLOAD_IDENTITY_USER,
      member: wif.principalSet,
      dependsOn: [this.serviceAccounts, wif.pool],
      provider,
    });
  }

  private planAccounts(props: DefenderForContainersGcpServiceAccountsProps, auditLogs: boolean, discovery: boolean, images: boolean): AccountPlan[] {
    const ids = props.accountIds ?? {};
    const wanted: [boolean, DefenderGcpAccount, keyof DefenderGcpAccountIds, DefenderGcpServiceAccount][] = [
      [auditLogs, DefenderGcpAccount.CONTAINERS, "containers", DefenderGcpServiceAccount.CONTAINERS],
      [auditLogs, DefenderGcpAccount.CONTAINERS_STREAM, "containersStream", DefenderGcpServiceAccount.CONTAINERS_STREAM],
      [discovery, DefenderGcpAccount.K8S_OPERATOR, "k8sOperator", DefenderGcpServiceAccount.K8S_OPERATOR],
      [images, DefenderGcpAccount.ARTIFACT_ASSESS, "artifactAssess", DefenderGcpServiceAccount.ARTIFACT_ASSESS],
    ];
    const plans: AccountPlan[] = [];
    const seen = new Map<string, string>();
    for (const [on, key, prop, defaults] of wanted) {
      const accountId = validateGcpServiceAccountId(this, `accountIds.${prop}`, ids[prop] ?? defaults.accountId);
      if (!on) continue;
      if (!isUnresolved(accountId)) {
        const other = seen.get(accountId);
        if (other) invalidValue(this, `accountIds.${prop}`, accountId, "a service account ID no other Defender account uses", `It is also accountIds.${other}.`);
        seen.set(accountId, prop);
      }
      plans.push({ key, accountId, displayName: defaults.displayName, providerId: defaults.providerId });
    }
    return plans;
  }

  private planCustomRoles(props: DefenderForContainersGcpServiceAccountsProps, auditLogs: boolean, discovery: boolean, images: boolean): CustomRolePlan[] {
    const ids = props.customRoleIds ?? {};
    const wanted: [boolean, string, keyof DefenderGcpCustomRoleIds, DefenderGcpCustomRole][] = [
      [auditLogs, CUSTOM_ROLE_KEY.containers, "containers", DefenderGcpCustomRole.CONTAINERS],
      [auditLogs, CUSTOM_ROLE_KEY.dataCollection, "dataCollection", DefenderGcpCustomRole.DATA_COLLECTION],
      [discovery, CUSTOM_ROLE_KEY.gkeClusterWrite, "gkeClusterWrite", DefenderGcpCustomRole.GKE_CLUSTER_WRITE],
      [discovery, CUSTOM_ROLE_KEY.gkeContainerInventoryCollection, "gkeContainerInventoryCollection", DefenderGcpCustomRole.GKE_CONTAINER_INVENTORY_COLLECTION],
      [discovery, CUSTOM_ROLE_KEY.gkeContainerResponseActions, "gkeContainerResponseActions", DefenderGcpCustomRole.GKE_CONTAINER_RESPONSE_ACTIONS],
      [images, CUSTOM_ROLE_KEY.writingGarAssessments, "writingGarAssessments", DefenderGcpCustomRole.WRITING_GAR_ASSESSMENTS],
    ];
    const plans: CustomRolePlan[] = [];
    const seen = new Map<string, string>();
    for (const [on, key, prop, defaults] of wanted) {
      const roleId = validateGcpCustomRoleId(this, `customRoleIds.${prop}`, ids[prop] ?? defaults.roleId);
      if (!on) continue;
      if (!isUnresolved(roleId)) {
        const other = seen.get(roleId);
        if (other) invalidValue(this, `customRoleIds.${prop}`, roleId, "a role ID no other Defender custom role uses", `It is also customRoleIds.${other}.`);
        seen.set(roleId, prop);
      }
      plans.push({ key, roleId, title: defaults.title, description: defaults.description, permissions: defaults.permissions });
    }
    return plans;
  }

  private planProjectMembers(
    projectId: string,
    emails: Partial<Record<DefenderGcpAccount, string>>,
    roles: CustomRolePlan[],
    access: GcpImageAssessmentAccess,
  ): Record<string, { role: string; member: string }> {
    const customRole = (key: string) => {
      const role = roles.find((r) => r.key === key);
      return role && gcpProjectCustomRoleName(projectId, role.roleId);
    };
    const grants: [DefenderGcpAccount, string, string | undefined][] = [
      [DefenderGcpAccount.CONTAINERS, CUSTOM_ROLE_KEY.containers, customRole(CUSTOM_ROLE_KEY.containers)],
      [DefenderGcpAccount.CONTAINERS, GcpPredefinedRole.CONTAINER_ADMIN, GcpPredefinedRole.CONTAINER_ADMIN],
      [DefenderGcpAccount.CONTAINERS, GcpPredefinedRole.PUBSUB_ADMIN, GcpPredefinedRole.PUBSUB_ADMIN],
      [DefenderGcpAccount.CONTAINERS_STREAM, CUSTOM_ROLE_KEY.dataCollection, customRole(CUSTOM_ROLE_KEY.dataCollection)],
      [DefenderGcpAccount.K8S_OPERATOR, CUSTOM_ROLE_KEY.gkeClusterWrite, customRole(CUSTOM_ROLE_KEY.gkeClusterWrite)],
      [DefenderGcpAccount.K8S_OPERATOR, GcpPredefinedRole.CONTAINER_VIEWER, GcpPredefinedRole.CONTAINER_VIEWER],
      [DefenderGcpAccount.K8S_OPERATOR, CUSTOM_ROLE_KEY.gkeContainerInventoryCollection, customRole(CUSTOM_ROLE_KEY.gkeContainerInventoryCollection)],
      [DefenderGcpAccount.K8S_OPERATOR, CUSTOM_ROLE_KEY.gkeContainerResponseActions, customRole(CUSTOM_ROLE_KEY.gkeContainerResponseActions)],
      [DefenderGcpAccount.ARTIFACT_ASSESS, CUSTOM_ROLE_KEY.writingGarAssessments, customRole(CUSTOM_ROLE_KEY.writingGarAssessments)],
      ...(access === GcpImageAssessmentAccess.LEAST_PRIVILEGE
        ? [GcpPredefinedRole.ARTIFACT_REGISTRY_READER, GcpPredefinedRole.STORAGE_OBJECT_VIEWER]
        : [GcpPredefinedRole.ARTIFACT_REGISTRY_WRITER, GcpPredefinedRole.STORAGE_OBJECT_USER]
      ).map((role): [DefenderGcpAccount, string, string] => [DefenderGcpAccount.ARTIFACT_ASSESS, role, role]),
    ];
    const members: Record<string, { role: string; member: string }> = {};
    for (const [account, label, role] of grants) {
      const email = emails[account];
      if (email === undefined || role === undefined) continue;
      members[`${account}/${label}`] = { role, member: `serviceAccount:${email}` };
    }
    // Cloud Logging publishes the audit-log sink's output to Defender's topics.
    if (emails[DefenderGcpAccount.CONTAINERS] !== undefined) {
      members[`cloud-logs/${GcpPredefinedRole.PUBSUB_PUBLISHER}`] = { role: GcpPredefinedRole.PUBSUB_PUBLISHER, member: GCP_CLOUD_LOGS_MEMBER };
    }
    return sortedMap(Object.entries(members));
  }

  private planServices(props: DefenderForContainersGcpServiceAccountsProps): string[] {
    (props.additionalServices ?? []).forEach((s, i) => validateGcpServiceName(this, `additionalServices[${i}]`, s));
    return [...new Set([...DEFENDER_GCP_SERVICES, ...(props.additionalServices ?? [])])].sort();
  }
}

function sortedMap<T>(entries: [string, T][]): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Adds `depends_on` entries (rendered as `type.name`, the form Terraform requires), keeping existing ones. */
function addDependsOn(resource: TerraformResource, dependencies: ITerraformDependable[]): void {
  resource.dependsOn = [...(resource.dependsOn ?? []), ...dependencies.map((d) => dependable(d))];
}
