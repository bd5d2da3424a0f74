import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { rmSync } from "fs";
import { DefenderForContainersAwsRoles, DefenderOidcProvider, AwsImageAssessmentAccess } from "../../lib/aws";
import { AksAgentlessDiscovery, DefenderWorkspaceAssignment, PolicyAddonAssignment, TargetClusters } from "../../lib/azure";
import { BuiltInRole } from "../../lib/core";
import { DefenderForContainersGcpServiceAccounts, DefenderWorkloadIdentity, GcpImageAssessmentAccess } from "../../lib/gcp";
import { DOCUMENTED_GCP_CUSTOM_ROLES as GCP_CUSTOM_ROLES } from "../gcp/documented-permissions";
import { azureStack } from "../util";
import { stacksIn, synthesizeExamples } from "./examples-output";

/*
 * Every permission the library grants, checked against an allow-list tied to Microsoft's
 * documentation. A new permission fails this test until it is added here with its source.
 */

/** AWS statements allowed to use a wildcard action, by action (MDC-repo MultiCloud/AWS/AwsOnboarding.tf). */
const AWS_WILDCARD_ACTIONS = new Set(["firehose:*", "sqs:*", "s3:*"]);

/** The region field of a regional ARN: any (`*`, as Microsoft's template) or one region (`regions` narrows it). */
const REGION = String.raw`(\*|[a-z]{2}(-gov)?-[a-z]+-\d)`;

/** Resource shapes allowed to contain `*`: Defender's own name patterns and its documented scopes. */
const AWS_WILDCARD_RESOURCES = [
  new RegExp(`^arn:aws(-cn|-us-gov)?:firehose:${REGION}:\\d{12}:deliverystream/(azuredefender|ms-defender)-\\*$`), // pipeline, template
  new RegExp(`^arn:aws(-cn|-us-gov)?:sqs:${REGION}:\\d{12}:(azuredefender|ms-defender)-\\*$`), // pipeline queues, template
  /^arn:aws(-cn|-us-gov)?:s3:::(azuredefender|ms-defender)-\*$/, // pipeline buckets, template
  new RegExp(`^arn:aws(-cn|-us-gov)?:logs:${REGION}:\\d{12}:log-group:\\*:\\*$`), // EKS control-plane log groups, template
  new RegExp(`^arn:aws(-cn|-us-gov)?:eks:${REGION}:\\d{12}:\\*$`), // clusters of the account, template + network-access doc
  /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/(azuredefender|msdefender|DefenderForCloud)-\*$/, // legacy PassRole patterns, template
];

/** AWS managed policies the image-assessment role may get (containers-permissions doc). */
const AWS_MANAGED_POLICIES = new Set([
  "AmazonEC2ContainerRegistryPowerUser",
  "AmazonElasticContainerRegistryPublicPowerUser",
  "AmazonEC2ContainerRegistryReadOnly",
  "AmazonElasticContainerRegistryPublicReadOnly",
]);

/** EKS access policies an access entry may associate (Resolutions §2: cluster admin, or the view-only option). */
const EKS_ACCESS_POLICIES = /:cluster-access-policy\/(AmazonEKSClusterAdminPolicy|AmazonEKSAdminViewPolicy)$/;

/** Predefined GCP roles the service accounts may hold (MDC GCPOnboarding.tf; containers-permissions doc). */
const GCP_ROLES = new Set([
  "roles/container.admin",
  "roles/pubsub.admin",
  "roles/pubsub.publisher",
  "roles/container.viewer",
  "roles/iam.workloadIdentityUser",
  "roles/storage.objectUser",
  "roles/artifactregistry.writer",
  "roles/artifactregistry.reader",
  "roles/storage.objectViewer",
]);

/** Azure built-in roles the policy identities and Defender's operator may get (Policy-repo roleDefinitionIds, MS-Docs). */
const AZURE_ROLES = new Set<string>([
  BuiltInRole.DEFENDER_CONTAINERS_SENSOR,
  BuiltInRole.DEFENDER_KUBERNETES_AGENT_OPERATOR,
  BuiltInRole.AKS_CONTRIBUTOR,
  BuiltInRole.AKS_POLICY_ADDON_DEPLOYMENT,
  BuiltInRole.KUBERNETES_EXTENSION_CONTRIBUTOR,
  BuiltInRole.KUBERNETES_AGENTLESS_OPERATOR,
  // The security-gating identity on the registries it reads (gated-deployment-infrastructure-as-code.md).
  BuiltInRole.ACR_PULL,
  // Legacy role set of policies 64def556 ≤ 4.2 / 708b60a6 ≤ 7.1, only with `legacyRoles: true`.
  BuiltInRole.CONTRIBUTOR,
  BuiltInRole.LOG_ANALYTICS_CONTRIBUTOR,
]);

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Everything wrong with the permissions in one synthesized stack. */
function violations(stack: any): string[] {
  const found: string[] = [];
  const resources = stack.resource ?? {};
  const each = (type: string, visit: (address: string, body: any) => void) =>
    Object.entries<any>(resources[type] ?? {}).forEach(([name, body]) => visit(`${type}.${name}`, body));

  for (const type of ["aws_iam_role_policy", "aws_iam_policy"]) {
    each(type, (address, body) => {
      for (const statement of asArray(JSON.parse(body.policy).Statement) as any[]) {
        if (statement.Effect !== "Allow") continue;
        const actions = asArray<string>(statement.Action);
        for (const action of actions) {
          if (action.includes("*") && !AWS_WILDCARD_ACTIONS.has(action)) found.push(`${address}: action ${action}`);
        }
        for (const resource of asArray<string>(statement.Resource)) {
          if (resource.includes("*") && !AWS_WILDCARD_RESOURCES.some((r) => r.test(resource))) found.push(`${address}: resource ${resource}`);
        }
        if (statement.NotAction || statement.NotResource) found.push(`${address}: NotAction/NotResource`);
      }
    });
  }
  each("aws_iam_role", (address, body) => {
    for (const statement of asArray(JSON.parse(body.assume_role_policy).Statement) as any[]) {
      if (JSON.stringify(statement.Principal ?? "*").includes('"*"') || statement.Principal === "*") found.push(`${address}: trust principal *`);
      if (statement.Principal?.Federated && !statement.Condition) found.push(`${address}: web-identity trust without conditions`);
    }
    if (body.managed_policy_arns) found.push(`${address}: managed_policy_arns`);
  });
  each("aws_iam_role_policy_attachment", (address, body) => {
    const name = String(body.policy_arn).split("/").pop()!;
    if (!/^arn:aws(-cn|-us-gov)?:iam::aws:policy\//.test(body.policy_arn) || !AWS_MANAGED_POLICIES.has(name)) found.push(`${address}: policy ${body.policy_arn}`);
  });
  each("aws_eks_access_policy_association", (address, body) => {
    if (!EKS_ACCESS_POLICIES.test(body.policy_arn)) found.push(`${address}: access policy ${body.policy_arn}`);
  });

  for (const type of Object.keys(resources)) {
    if (/^google_.*_iam_(binding|policy)$/.test(type)) found.push(`${type}: authoritative GCP IAM resource`);
  }
  each("google_project_iam_custom_role", (address, body) => {
    for (const permission of body.permissions ?? []) if (permission.includes("*")) found.push(`${address}: permission ${permission}`);
    // for_each entries: each role ID must carry exactly its documented permissions, no more, no fewer.
    for (const [key, entry] of Object.entries<any>(body.for_each ?? {})) {
      const documented = GCP_CUSTOM_ROLES[entry?.role_id];
      const granted = [...(entry?.permissions ?? [])].sort().join(",");
      if (documented === undefined) found.push(`${address}["${key}"]: undocumented role ${entry?.role_id}`);
      else if (granted !== [...documented].sort().join(",")) found.push(`${address}["${key}"]: permissions of ${entry.role_id} differ from the documented ones`);
    }
  });
  for (const type of ["google_project_iam_member", "google_service_account_iam_member"]) {
    each(type, (address, body) => {
      // A role is a literal on the resource, or one per for_each entry (the resource then says each.value.role).
      const roles = [body.role, ...Object.values<any>(body.for_each ?? {}).map((entry) => entry?.role)];
      for (const role of roles.filter((r): r is string => typeof r === "string" && !r.includes("${"))) {
        if (!role.startsWith("projects/") && !GCP_ROLES.has(role)) found.push(`${address}: role ${role}`);
      }
    });
  }

  each("azurerm_role_assignment", (address, body) => {
    if (body.role_definition_name) found.push(`${address}: role by name ${body.role_definition_name}`);
    const guid = /roleDefinitions\/([0-9a-f-]{36})$/i.exec(String(body.role_definition_id ?? ""))?.[1];
    if (guid && !AZURE_ROLES.has(guid.toLowerCase())) found.push(`${address}: role ${guid}`);
  });
  return found;
}

const SUB = "11111111-2222-3333-4444-555555555555";

/** Every permission-granting construct with every option that widens access turned on. */
function widestConfiguration(): any {
  const stack: TerraformStack = azureStack();
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  new GoogleProvider(stack, "google", { project: "my-project-1" });
  const oidc = new DefenderOidcProvider(stack, "oidc");
  new DefenderForContainersAwsRoles(stack, "roles", {
    oidcProvider: oidc,
    accountId: "123456789012",
    azureTenantId: SUB,
    imageAssessmentAccess: AwsImageAssessmentAccess.POWER_USER,
    dataCollectionExternalId: "b6d36db8-eda7-4617-9d4f-41149b899dc7",
  });
  const wif = new DefenderWorkloadIdentity(stack, "wif", { projectId: "my-project-1", projectNumber: "123456789012", tenantId: SUB });
  new DefenderForContainersGcpServiceAccounts(stack, "sas", { workloadIdentity: wif, imageAssessmentAccess: GcpImageAssessmentAccess.DEFAULT });
  const scope = { scopeId: `/subscriptions/${SUB}`, location: "westeurope", clusters: TargetClusters.AKS_AND_ARC, remediate: true };
  new DefenderWorkspaceAssignment(stack, "ws", {
    ...scope,
    logAnalyticsWorkspaceResourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-1`,
    legacyRoles: true,
  });
  new PolicyAddonAssignment(stack, "addon", scope);
  new AksAgentlessDiscovery(stack, "discovery", {
    clusterIds: [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-1`],
    operatorPrincipalId: "99999999-2222-3333-4444-555555555555",
    operatorRoleSubscriptionIds: [SUB],
  });
  return JSON.parse(Testing.synth(stack, true));
}

describe("least privilege", () => {
  test("the widest configuration of every construct grants only documented permissions", () => {
    const synth = widestConfiguration();
    // The walk must have something to walk: guard against a refactor that renames the resource types.
    expect(Object.keys(synth.resource)).toEqual(
      expect.arrayContaining(["aws_iam_role_policy", "aws_iam_role_policy_attachment", "google_project_iam_custom_role", "google_project_iam_member", "azurerm_role_assignment"]),
    );
    expect(violations(synth)).toEqual([]);
    // The 2026 GKE and GAR roles are part of the widest configuration.
    const roleIds = Object.values<any>(synth.resource.google_project_iam_custom_role)
      .flatMap((r) => Object.values<any>(r.for_each ?? {}))
      .map((e) => e.role_id)
      .sort();
    expect(roleIds).toEqual(Object.keys(GCP_CUSTOM_ROLES).sort());
  });

  test("every example stack grants only documented permissions", () => {
    const outdir = synthesizeExamples();
    try {
      for (const [name, stack] of Object.entries(stacksIn(outdir))) expect({ name, violations: violations(stack) }).toEqual({ name, violations: [] });
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 120_000);

  test("the walk catches what it must catch", () => {
    const policy = (statement: object) => ({ resource: { aws_iam_role_policy: { p: { policy: JSON.stringify({ Statement: [statement] }) } } } });
    expect(violations(policy({ Effect: "Allow", Action: "*", Resource: "*" }))).toEqual(["aws_iam_role_policy.p: action *", "aws_iam_role_policy.p: resource *"]);
    expect(violations(policy({ Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::123456789012:role/x" }))).toEqual(["aws_iam_role_policy.p: action iam:*"]);
    expect(violations({ resource: { google_project_iam_binding: { b: {} } } })).toEqual(["google_project_iam_binding: authoritative GCP IAM resource"]);
    expect(violations({ resource: { google_project_iam_custom_role: { r: { permissions: ["container.*"] } } } })).toEqual([
      "google_project_iam_custom_role.r: permission container.*",
    ]);
    const customRole = (role_id: string, permissions: string[]) => ({ resource: { google_project_iam_custom_role: { r: { for_each: { k: { role_id, permissions } } } } } });
    expect(violations(customRole("MDCGkeContainerInventoryCollectionRole", ["container.nodes.proxy", "container.secrets.list", "container.secrets.get"]))).toEqual([
      'google_project_iam_custom_role.r["k"]: permissions of MDCGkeContainerInventoryCollectionRole differ from the documented ones',
    ]);
    expect(violations(customRole("MDCWritingGarAssessmentsRole", ["artifactregistry.repositories.uploadArtifacts"]))).toEqual([
      'google_project_iam_custom_role.r["k"]: permissions of MDCWritingGarAssessmentsRole differ from the documented ones',
    ]);
    expect(violations(customRole("MyRole", ["container.pods.get"]))).toEqual(['google_project_iam_custom_role.r["k"]: undocumented role MyRole']);
    expect(violations({ resource: { google_project_iam_member: { m: { role: "roles/owner" } } } })).toEqual(["google_project_iam_member.m: role roles/owner"]);
    expect(violations({ resource: { google_project_iam_member: { m: { role: "${each.value.role}", for_each: { a: { role: "roles/editor" } } } } } })).toEqual([
      "google_project_iam_member.m: role roles/editor",
    ]);
    expect(violations({ resource: { azurerm_role_assignment: { a: { role_definition_id: `/providers/Microsoft.Authorization/roleDefinitions/${BuiltInRole.OWNER}` } } } })).toEqual([
      `azurerm_role_assignment.a: role ${BuiltInRole.OWNER}`,
    ]);
    expect(violations({ resource: { aws_iam_role_policy_attachment: { a: { policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" } } } })).toEqual([
      "aws_iam_role_policy_attachment.a: policy arn:aws:iam::aws:policy/AdministratorAccess",
    ]);
  });
});
