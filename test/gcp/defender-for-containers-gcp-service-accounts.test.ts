import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { ProjectIamMember } from "@cdktf/provider-google/lib/project-iam-member";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import {
  DefenderForContainersGcpServiceAccounts,
  DefenderForContainersGcpServiceAccountsProps,
  DefenderGcpAccount,
  DefenderWorkloadIdentity,
  DefenderWorkloadIdentityProps,
  GcpImageAssessmentAccess,
} from "../../lib/gcp";
import { googleStack, onlyResourceOf, SynthesizedStack, synthesizeStack } from "../util";
import { DOCUMENTED_GCP_CUSTOM_ROLES } from "./documented-permissions";

const PROJECT = "prod-gke";
const POOL_ID = "8efa1c55953c42dfa19dd4599e4c64d4";
const PRINCIPAL_SET = `principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/${POOL_ID}/*`;
const WIF = { projectId: PROJECT, projectNumber: "123456789012", tenantId: "8efa1c55-953c-42df-a19d-d4599e4c64d4" };

const SA = "google_service_account";
const ROLE = "google_project_iam_custom_role";
const MEMBER = "google_project_iam_member";
const SA_MEMBER = "google_service_account_iam_member";
const SERVICE = "google_project_service";
const POOL = "google_iam_workload_identity_pool";

const email = (id: string) => `${id}@${PROJECT}.iam.gserviceaccount.com`;
const saMember = (id: string) => `serviceAccount:${email(id)}`;

type Props = Omit<DefenderForContainersGcpServiceAccountsProps, "workloadIdentity">;

function build(props: Props = {}, wifProps: Partial<DefenderWorkloadIdentityProps> = {}, stack: TerraformStack = googleStack()) {
  const wif = new DefenderWorkloadIdentity(stack, "wif", { ...WIF, ...wifProps });
  const accounts = new DefenderForContainersGcpServiceAccounts(stack, "accounts", { workloadIdentity: wif, ...props });
  return { stack, wif, accounts, synth: synthesizeStack(stack) };
}

const forEachOf = (synth: SynthesizedStack, type: string) => onlyResourceOf(synth, type).for_each;

describe("DefenderForContainersGcpServiceAccounts", () => {
  describe("defaults (every capability on)", () => {
    const { synth, accounts, wif } = build();

    test("four service accounts, one resource keyed by account, Microsoft's names (microsoft-defender-containers, not ms-defender-containers)", () => {
      const sa = onlyResourceOf(synth, SA);
      expect(sa.for_each).toEqual({
        "artifact-assess": { account_id: "mdc-containers-artifact-assess", display_name: "Microsoft Defender Containers Artifact Assess" },
        containers: { account_id: "microsoft-defender-containers", display_name: "Microsoft Defender Containers" },
        "containers-stream": { account_id: "ms-defender-containers-stream", display_name: "Microsoft Defender Data Collector" },
        "k8s-operator": { account_id: "mdc-containers-k8s-operator", display_name: "Microsoft Defender Containers K8s Operator" },
      });
      expect(sa.account_id).toBe("${each.value.account_id}");
      expect(sa.project).toBe(PROJECT);
    });

    test("six custom roles with exactly the documented permissions (network-access doc 2026-04-16)", () => {
      const roles = onlyResourceOf(synth, ROLE);
      const byId = Object.fromEntries(Object.values(roles.for_each as Record<string, any>).map((r) => [r.role_id, r.permissions]));
      expect(byId).toEqual(DOCUMENTED_GCP_CUSTOM_ROLES);
      expect(Object.keys(roles.for_each)).toEqual([
        "containers-role",
        "data-collection-role",
        "gar-assessments-write-role",
        "gke-cluster-write-role",
        "gke-inventory-collection-role",
        "gke-response-actions-role",
      ]);
      expect(roles.permissions).toBe("${each.value.permissions}");
      expect(roles.stage).toBe("ALPHA");
      expect(roles.project).toBe(PROJECT);
    });

    test("project members: one resource, for_each keyed <account>/<role>, additive members only", () => {
      const members = onlyResourceOf(synth, MEMBER);
      expect(members.for_each).toEqual({
        "artifact-assess/gar-assessments-write-role": {
          role: `projects/${PROJECT}/roles/MDCWritingGarAssessmentsRole`,
          member: saMember("mdc-containers-artifact-assess"),
        },
        "artifact-assess/roles/artifactregistry.writer": { role: "roles/artifactregistry.writer", member: saMember("mdc-containers-artifact-assess") },
        "artifact-assess/roles/storage.objectUser": { role: "roles/storage.objectUser", member: saMember("mdc-containers-artifact-assess") },
        "cloud-logs/roles/pubsub.publisher": { role: "roles/pubsub.publisher", member: "serviceAccount:cloud-logs@system.gserviceaccount.com" },
        "containers-stream/data-collection-role": {
          role: `projects/${PROJECT}/roles/MicrosoftDefenderContainersDataCollectionRole`,
          member: saMember("ms-defender-containers-stream"),
        },
        "containers/containers-role": { role: `projects/${PROJECT}/roles/MicrosoftDefenderContainersRole`, member: saMember("microsoft-defender-containers") },
        "containers/roles/container.admin": { role: "roles/container.admin", member: saMember("microsoft-defender-containers") },
        "containers/roles/pubsub.admin": { role: "roles/pubsub.admin", member: saMember("microsoft-defender-containers") },
        "k8s-operator/gke-cluster-write-role": { role: `projects/${PROJECT}/roles/MDCGkeClusterWriteRole`, member: saMember("mdc-containers-k8s-operator") },
        "k8s-operator/gke-inventory-collection-role": {
          role: `projects/${PROJECT}/roles/MDCGkeContainerInventoryCollectionRole`,
          member: saMember("mdc-containers-k8s-operator"),
        },
        "k8s-operator/gke-response-actions-role": {
          role: `projects/${PROJECT}/roles/MDCGkeContainerResponseActionsRole`,
          member: saMember("mdc-containers-k8s-operator"),
        },
        "k8s-operator/roles/container.viewer": { role: "roles/container.viewer", member: saMember("mdc-containers-k8s-operator") },
      });
      expect(members.role).toBe("${each.value.role}");
      expect(members.member).toBe("${each.value.member}");
      expect(members.project).toBe(PROJECT);
      expect(accounts.projectMemberKeys).toEqual(Object.keys(members.for_each));
    });

    test("project members wait for the accounts and the custom roles they name", () => {
      const dependsOn: string[] = onlyResourceOf(synth, MEMBER).depends_on;
      expect(dependsOn).toHaveLength(2);
      expect(dependsOn[0]).toMatch(/^google_service_account\.accounts_service-accounts_[0-9A-F]+$/);
      expect(dependsOn[1]).toMatch(/^google_project_iam_custom_role\.accounts_custom-roles_[0-9A-F]+$/);
    });

    test("workloadIdentityUser for the pool's principalSet on each account, keyed by account", () => {
      const users = onlyResourceOf(synth, SA_MEMBER);
      expect(users.role).toBe("roles/iam.workloadIdentityUser");
      expect(users.member).toBe(PRINCIPAL_SET);
      expect(users.member).toBe(wif.principalSet);
      expect(users.service_account_id).toBe("${each.value.service_account_id}");
      expect(users.for_each).toEqual({
        "artifact-assess": { service_account_id: `projects/${PROJECT}/serviceAccounts/${email("mdc-containers-artifact-assess")}` },
        containers: { service_account_id: `projects/${PROJECT}/serviceAccounts/${email("microsoft-defender-containers")}` },
        "containers-stream": { service_account_id: `projects/${PROJECT}/serviceAccounts/${email("ms-defender-containers-stream")}` },
        "k8s-operator": { service_account_id: `projects/${PROJECT}/serviceAccounts/${email("mdc-containers-k8s-operator")}` },
      });
      expect(users.depends_on).toEqual([expect.stringMatching(/^google_service_account\./), expect.stringMatching(/^google_iam_workload_identity_pool\./)]);
    });

    test("enables Defender's APIs without disabling them on destroy", () => {
      const services = onlyResourceOf(synth, SERVICE);
      expect(services.disable_on_destroy).toBe(false);
      expect(services.disable_dependent_services).toBeUndefined();
      expect(services.service).toBe("${each.value}");
      expect(services.project).toBe(PROJECT);
      const list = [
        "cloudresourcemanager.googleapis.com",
        "compute.googleapis.com",
        "container.googleapis.com",
        "iam.googleapis.com",
        "iamcredentials.googleapis.com",
        "logging.googleapis.com",
        "sts.googleapis.com",
      ];
      expect(services.for_each).toBe(`\${toset([${list.map((s) => JSON.stringify(s)).join(", ")}])}`);
      expect(accounts.enabledServices).toEqual(list);
    });

    test("accounts, roles and the pool wait for the APIs", () => {
      const servicesAddress = expect.stringMatching(/^google_project_service\.accounts_services_[0-9A-F]+$/);
      expect(onlyResourceOf(synth, SA).depends_on).toEqual([servicesAddress]);
      expect(onlyResourceOf(synth, ROLE).depends_on).toEqual([servicesAddress]);
      expect(onlyResourceOf(synth, POOL).depends_on).toEqual([servicesAddress]);
    });

    test("exposes every email and the provider ID the connector pairs with it", () => {
      expect(accounts.serviceAccountEmails).toEqual({
        [DefenderGcpAccount.CONTAINERS]: email("microsoft-defender-containers"),
        [DefenderGcpAccount.CONTAINERS_STREAM]: email("ms-defender-containers-stream"),
        [DefenderGcpAccount.K8S_OPERATOR]: email("mdc-containers-k8s-operator"),
        [DefenderGcpAccount.ARTIFACT_ASSESS]: email("mdc-containers-artifact-assess"),
      });
      expect(accounts.nativeCloudConnection).toEqual({ serviceAccountEmailAddress: email("microsoft-defender-containers"), workloadIdentityProviderId: "containers" });
      expect(accounts.dataPipelineNativeCloudConnection).toEqual({
        serviceAccountEmailAddress: email("ms-defender-containers-stream"),
        workloadIdentityProviderId: "containers-streams",
      });
      expect(accounts.agentlessDiscoveryConnection).toEqual({ serviceAccountEmailAddress: email("mdc-containers-k8s-operator"), workloadIdentityProviderId: "containers" });
      expect(accounts.imageAssessmentConnection).toEqual({ serviceAccountEmailAddress: email("mdc-containers-artifact-assess"), workloadIdentityProviderId: "containers" });
    });
  });

  test("matches the jest adapter's resource matcher", () => {
    const stack = googleStack();
    const wif = new DefenderWorkloadIdentity(stack, "wif", WIF);
    new DefenderForContainersGcpServiceAccounts(stack, "accounts", { workloadIdentity: wif });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ProjectIamMember, { project: PROJECT, role: "${each.value.role}" });
  });

  describe("capabilities can be turned off", () => {
    test("auditLogs: false drops both audit accounts, their roles and the cloud-logs publisher", () => {
      const { synth, accounts } = build({ auditLogs: false });
      expect(Object.keys(forEachOf(synth, SA))).toEqual(["artifact-assess", "k8s-operator"]);
      expect(Object.keys(forEachOf(synth, ROLE))).toEqual(["gar-assessments-write-role", "gke-cluster-write-role", "gke-inventory-collection-role", "gke-response-actions-role"]);
      expect(Object.keys(forEachOf(synth, MEMBER))).toEqual([
        "artifact-assess/gar-assessments-write-role",
        "artifact-assess/roles/artifactregistry.writer",
        "artifact-assess/roles/storage.objectUser",
        "k8s-operator/gke-cluster-write-role",
        "k8s-operator/gke-inventory-collection-role",
        "k8s-operator/gke-response-actions-role",
        "k8s-operator/roles/container.viewer",
      ]);
      expect(accounts.nativeCloudConnection).toBeUndefined();
      expect(accounts.dataPipelineNativeCloudConnection).toBeUndefined();
    });

    test("auditLogs: false works with a pool without containers-streams", () => {
      const { synth } = build({ auditLogs: false }, { dataCollection: false });
      expect(Object.keys(forEachOf(synth, "google_iam_workload_identity_pool_provider"))).toEqual(["containers"]);
    });

    test("agentlessDiscovery: false drops mdc-containers-k8s-operator and its three custom roles", () => {
      const { synth, accounts } = build({ agentlessDiscovery: false });
      expect(Object.keys(forEachOf(synth, SA))).toEqual(["artifact-assess", "containers", "containers-stream"]);
      expect(Object.keys(forEachOf(synth, ROLE))).toEqual(["containers-role", "data-collection-role", "gar-assessments-write-role"]);
      expect(Object.keys(forEachOf(synth, MEMBER)).filter((k) => k.startsWith("k8s-operator/"))).toEqual([]);
      expect(Object.keys(forEachOf(synth, SA_MEMBER))).toEqual(["artifact-assess", "containers", "containers-stream"]);
      expect(accounts.agentlessDiscoveryConnection).toBeUndefined();
    });

    test("imageAssessment: false drops mdc-containers-artifact-assess", () => {
      const { synth, accounts } = build({ imageAssessment: false });
      expect(Object.keys(forEachOf(synth, SA))).toEqual(["containers", "containers-stream", "k8s-operator"]);
      expect(Object.keys(forEachOf(synth, MEMBER)).filter((k) => k.startsWith("artifact-assess/"))).toEqual([]);
      expect(accounts.imageAssessmentConnection).toBeUndefined();
    });

    test("image assessment only: MDCWritingGarAssessmentsRole is the only custom role", () => {
      const { synth, accounts } = build({ auditLogs: false, agentlessDiscovery: false });
      expect(Object.keys(forEachOf(synth, ROLE))).toEqual(["gar-assessments-write-role"]);
      expect(accounts.customRoles).toBeDefined();
    });

    test("imageAssessment: false drops MDCWritingGarAssessmentsRole", () => {
      const { synth } = build({ imageAssessment: false });
      expect(Object.keys(forEachOf(synth, ROLE))).not.toContain("gar-assessments-write-role");
    });

    test("the other capabilities keep their for_each keys (Terraform addresses) when one is turned off", () => {
      const all = Object.keys(forEachOf(build().synth, MEMBER));
      const withoutImages = Object.keys(forEachOf(build({ imageAssessment: false }).synth, MEMBER));
      expect(withoutImages).toEqual(all.filter((k) => !k.startsWith("artifact-assess/")));
    });
  });

  test("least-privilege image assessment: artifactregistry.reader + storage.objectViewer", () => {
    const { synth } = build({ imageAssessmentAccess: GcpImageAssessmentAccess.LEAST_PRIVILEGE });
    const members = forEachOf(synth, MEMBER);
    expect(Object.keys(members).filter((k) => k.startsWith("artifact-assess/"))).toEqual([
      "artifact-assess/gar-assessments-write-role",
      "artifact-assess/roles/artifactregistry.reader",
      "artifact-assess/roles/storage.objectViewer",
    ]);
    expect(members["artifact-assess/roles/artifactregistry.reader"].member).toBe(saMember("mdc-containers-artifact-assess"));
  });

  test("account and role names can be overridden; for_each keys stay the same", () => {
    const { synth, accounts } = build({
      accountIds: { containers: "defender-containers", k8sOperator: "defender-k8s-operator" },
      customRoleIds: { gkeClusterWrite: "DefenderGkeClusterWrite" },
    });
    const sa = forEachOf(synth, SA);
    expect(sa.containers.account_id).toBe("defender-containers");
    expect(sa["k8s-operator"].account_id).toBe("defender-k8s-operator");
    expect(sa["containers-stream"].account_id).toBe("ms-defender-containers-stream");
    expect(forEachOf(synth, ROLE)["gke-cluster-write-role"].role_id).toBe("DefenderGkeClusterWrite");
    expect(forEachOf(synth, MEMBER)["k8s-operator/gke-cluster-write-role"]).toEqual({
      role: `projects/${PROJECT}/roles/DefenderGkeClusterWrite`,
      member: saMember("defender-k8s-operator"),
    });
    expect(accounts.nativeCloudConnection?.serviceAccountEmailAddress).toBe(email("defender-containers"));
  });

  test("enableServices: false emits no google_project_service and no dependency on it", () => {
    const { synth, accounts } = build({ enableServices: false });
    expect(synth.resource?.[SERVICE]).toBeUndefined();
    expect(accounts.services).toBeUndefined();
    expect(accounts.enabledServices).toEqual([]);
    expect(onlyResourceOf(synth, SA).depends_on).toBeUndefined();
    expect(onlyResourceOf(synth, POOL).depends_on).toBeUndefined();
  });

  test("additionalServices are merged, de-duplicated and sorted", () => {
    const { accounts } = build({ additionalServices: ["pubsub.googleapis.com", "container.googleapis.com"] });
    expect(accounts.enabledServices).toContain("pubsub.googleapis.com");
    expect(accounts.enabledServices.filter((s) => s === "container.googleapis.com")).toHaveLength(1);
    expect(accounts.enabledServices).toEqual([...accounts.enabledServices].sort());
  });

  test("uses the workload identity's provider alias by default", () => {
    const stack = googleStack();
    const alias = new GoogleProvider(stack, "other", { alias: "other" });
    const { synth } = build({}, { provider: alias }, stack);
    for (const type of [SA, ROLE, MEMBER, SA_MEMBER, SERVICE]) expect(onlyResourceOf(synth, type).provider).toBe("google.other");
  });

  test("account ID tokens pass through", () => {
    const stack = googleStack();
    const name = new TerraformVariable(stack, "sa_name", { type: "string" });
    const { synth } = build({ accountIds: { artifactAssess: name.stringValue } }, {}, stack);
    expect(forEachOf(synth, SA)["artifact-assess"].account_id).toBe("${var.sa_name}");
  });

  test("two synths are byte-identical", () => {
    const once = () => {
      const stack = googleStack();
      const wif = new DefenderWorkloadIdentity(stack, "wif", WIF);
      new DefenderForContainersGcpServiceAccounts(stack, "accounts", { workloadIdentity: wif, additionalServices: ["pubsub.googleapis.com"] });
      return Testing.synth(stack);
    };
    expect(once()).toBe(once());
  });

  test("never emits an authoritative IAM resource (_iam_binding / _iam_policy), in any configuration", () => {
    const configs: Props[] = [
      {},
      { auditLogs: false },
      { agentlessDiscovery: false },
      { imageAssessment: false, imageAssessmentAccess: GcpImageAssessmentAccess.LEAST_PRIVILEGE },
      { enableServices: false },
    ];
    for (const props of configs) {
      const types = Object.keys(build(props).synth.resource ?? {});
      expect(types.filter((t) => /_iam_(binding|policy)$/.test(t))).toEqual([]);
      expect(types.filter((t) => t.includes("_iam_"))).toEqual(expect.arrayContaining([MEMBER]));
    }
  });

  describe("rejects bad input", () => {
    const make = (props: Props, wifProps: Partial<DefenderWorkloadIdentityProps> = {}) => () => build(props, wifProps);

    test("an account ID over 30 characters says how long it is", () => {
      expect(make({ accountIds: { containersStream: "microsoft-defender-containers-stream" } })).toThrow(
        '[test/accounts] accountIds.containersStream: got "microsoft-defender-containers-stream"; expected a service account ID of 6-30 lowercase letters, digits or hyphens, starting with a letter. It has 36 characters.',
      );
    });

    test("an account ID that is too short or badly formed", () => {
      expect(make({ accountIds: { k8sOperator: "mdc" } })).toThrow('[test/accounts] accountIds.k8sOperator: got "mdc"; expected a service account ID of 6-30');
      expect(make({ accountIds: { artifactAssess: "MDC_Artifacts" } })).toThrow('[test/accounts] accountIds.artifactAssess: got "MDC_Artifacts"; expected a service account ID');
    });

    test("an account ID is checked even when its capability is off", () => {
      expect(make({ imageAssessment: false, accountIds: { artifactAssess: "x" } })).toThrow('accountIds.artifactAssess: got "x"');
    });

    test("two accounts with the same ID", () => {
      expect(make({ accountIds: { k8sOperator: "microsoft-defender-containers" } })).toThrow(
        '[test/accounts] accountIds.k8sOperator: got "microsoft-defender-containers"; expected a service account ID no other Defender account uses. It is also accountIds.containers.',
      );
    });

    test("a custom role ID with a hyphen", () => {
      expect(make({ customRoleIds: { containers: "defender-containers" } })).toThrow(
        '[test/accounts] customRoleIds.containers: got "defender-containers"; expected a custom role ID of 3-64 letters, digits, underscores or periods.',
      );
    });

    test("two custom roles with the same ID", () => {
      expect(make({ customRoleIds: { dataCollection: "MicrosoftDefenderContainersRole" } })).toThrow(
        "customRoleIds.dataCollection: got \"MicrosoftDefenderContainersRole\"; expected a role ID no other Defender custom role uses. It is also customRoleIds.containers.",
      );
    });

    test("a 2026 custom role that reuses another role's ID", () => {
      expect(make({ customRoleIds: { writingGarAssessments: "MDCGkeContainerResponseActionsRole" } })).toThrow(
        'customRoleIds.writingGarAssessments: got "MDCGkeContainerResponseActionsRole"; expected a role ID no other Defender custom role uses. It is also customRoleIds.gkeContainerResponseActions.',
      );
    });

    test("an invalid ID for a 2026 custom role", () => {
      expect(make({ customRoleIds: { gkeContainerInventoryCollection: "x" } })).toThrow("customRoleIds.gkeContainerInventoryCollection: got \"x\"");
    });

    test("a service name that is not a Google API", () => {
      expect(make({ additionalServices: ["pubsub"] })).toThrow(
        '[test/accounts] additionalServices[0]: got "pubsub"; expected a Google API service name such as container.googleapis.com.',
      );
    });

    test("every capability off", () => {
      expect(make({ auditLogs: false, agentlessDiscovery: false, imageAssessment: false })).toThrow(
        "[test/accounts] auditLogs, agentlessDiscovery, imageAssessment: got false for all three; expected at least one capability on",
      );
    });

    test("audit logs with a pool that has no containers-streams provider", () => {
      expect(make({}, { dataCollection: false })).toThrow(
        "[test/accounts] auditLogs: got true while workloadIdentity test/wif has dataCollection off; expected the containers-streams provider",
      );
    });
  });
});
