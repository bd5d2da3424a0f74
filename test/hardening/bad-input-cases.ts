import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack, TerraformVariable, Token } from "cdktf";
import { Construct } from "constructs";
import { parse, stringify } from "yaml";
import {
  AwsImageAssessmentAccess,
  DefenderForContainersAwsRoles,
  DefenderForContainersAwsRolesProps,
  DefenderOidcProvider,
  DefenderOidcProviderProps,
  EksAccessMode,
  EksAgentlessDiscoveryAccess,
  EksAgentlessDiscoveryAccessProps,
  EksSensorExclusion,
} from "../../lib/aws";
import {
  AksAgentlessDiscovery,
  AksAgentlessDiscoveryProps,
  AksDefenderSensor,
  AksPolicyAddon,
  AksSecurityGating,
  AksSensorExclusion,
  AlertExport,
  AlertExportProps,
  AlertSeverity,
  AlertSuppressionRule,
  AlertSuppressionRuleProps,
  AmplsAccessMode,
  ArcDefenderSensor,
  ArcDefenderSensorProps,
  ArcPolicyExtension,
  ArcPolicyExtensionProps,
  AwsSecurityConnector,
  AwsSecurityConnectorProps,
  AzapiProvider,
  AzureCloud,
  DefenderEgressFirewallRules,
  DefenderEgressFirewallRulesProps,
  DefenderForContainersPlan,
  DefenderPrivateLink,
  DefenderPrivateLinkProps,
  DefenderRecommendation,
  DefenderRecommendationExemption,
  DefenderRecommendationExemptionProps,
  DefenderWorkspace,
  DefenderWorkspaceAssignment,
  DefenderWorkspaceAssignmentProps,
  DockerHubSecurityConnector,
  DockerHubSecurityConnectorProps,
  EgressComponent,
  ExemptionCategory,
  ExportSource,
  GcpSecurityConnector,
  GcpSecurityConnectorProps,
  JFrogSecurityConnector,
  JFrogSecurityConnectorProps,
  PlanTier,
  PodSecurityBaseline,
  PodSecurityBaselineProps,
  PolicyAddonAssignment,
  PolicyAddonAssignmentProps,
  PrivateLinkMode,
  SecurityContact,
  SecurityContactProps,
  SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY,
  SuppressionReason,
} from "../../lib/azure";
import { DinePolicyAssignment, DinePolicyAssignmentProps } from "../../lib/azure/dine-policy-assignment";
import { AwsPartition, BuiltInPolicies, PolicyScopeType, resolvePolicyScope } from "../../lib/core";
import { parseEstateDescription } from "../../lib/estate";
import {
  DefenderForContainersGcpServiceAccounts,
  DefenderForContainersGcpServiceAccountsProps,
  DefenderWorkloadIdentity,
  DefenderWorkloadIdentityProps,
  GkeSensorExclusion,
} from "../../lib/gcp";
import { AwsAuthRoleMapping, AwsAuthRoleMappingProps, HelmDefenderSensor, HelmDefenderSensorProps, SensorCluster, SensorInfrastructure } from "../../lib/kubernetes";
import { AksDefenderForContainers, AksDefenderForContainersProps, ArcDefenderForContainers, ArcDefenderForContainersProps } from "../../lib/patterns";
import { testCluster } from "../azure/fixtures";
import { EksDefenderCluster, EksDefenderForContainers, EksDefenderForContainersProps, GkeCluster, GkeDefenderForContainers, GkeDefenderForContainersProps } from "../../lib/patterns";
import { VALID_ESTATE } from "../estate/fixtures";

/** One bad input: what is fed to which construct, and the message it must fail with. */
export interface BadInputCase {
  /** The public construct (or function) receiving the input. */
  readonly construct: string;
  /** What is wrong, in a few words. */
  readonly input: string;
  /** Builds the failing construct in `stack` (construct ID "subject" where possible). */
  readonly build: (stack: TerraformStack) => void;
  /** The exact error message, or a pattern for long ones. */
  readonly message: string | RegExp;
}

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const AKS_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1`;
const ACR_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contosoimages`;
const GUID_FORM = "a GUID of the form 00000000-0000-0000-0000-000000000000";

/**
 * One row of a construct's cases: what is wrong, the props laid over the group's valid base props
 * (or a function of the stack returning them, for props that are constructs or references), and
 * the expected message.
 */
type Row<P> = readonly [input: string, props: P | ((stack: TerraformStack) => P), message: string | RegExp];

/** The cases of one construct: each row runs `make(stack, props)`, which builds the construct with ID "subject". */
function casesOf<P>(construct: string, make: (stack: TerraformStack, props: P) => unknown, rows: readonly Row<P>[]): BadInputCase[] {
  return rows.map(([input, props, message]) => ({
    construct,
    input,
    message,
    build: (stack) => make(stack, typeof props === "function" ? (props as (stack: TerraformStack) => P)(stack) : props),
  }));
}

// Providers beyond the stack's azurerm one, so that a case fails on its own input and never on a
// missing provider should its validation ever stop throwing.
const awsProvider = (stack: TerraformStack) => new AwsProvider(stack, "aws", { region: "us-east-1" });
const googleProvider = (stack: TerraformStack) => new GoogleProvider(stack, "google", {});
const kubernetesProvider = (stack: TerraformStack) => new KubernetesProvider(stack, "kubernetes", {});
const helmProvider = (stack: TerraformStack) => new HelmProvider(stack, "helm", {});
const azapiProvider = (stack: TerraformStack) => new AzapiProvider(stack, "azapi");

const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg-sec`;
const MG_ID = "/providers/Microsoft.Management/managementGroups/mg-platform";
const arcId = (name: string, group = "rg-edge") => `/subscriptions/${SUB}/resourceGroups/${group}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const aksId = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/${name}`;
const ACCOUNT = "123456789012";
const TENANT = "aaaaaaaa-1111-2222-3333-444444444444";
const DEFENDER_TENANT = "33e01921-4d64-4f8c-a055-5bdaffd5e33d";
const roleArn = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:role/${name}`;
const ROLE_ARN_FORM = "an IAM role ARN such as arn:aws:iam::123456789012:role/MDCContainersAgentlessDiscoveryK8sRole";
const GCP_PROJECT_FORM = "a GCP project ID of 6-30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen";
const WORKSPACE_FORM =
  "a Log Analytics workspace resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<name> (name: 4-63 letters, digits or hyphens)";
const POLICY_SCOPE_FORM =
  "a subscription ID (/subscriptions/<GUID>), a management group ID (/providers/Microsoft.Management/managementGroups/<id>) or a resource group ID (/subscriptions/<GUID>/resourceGroups/<name>)";
const AKS_FORM = "an AKS cluster resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/<name>";

// ───────────────────────────── lib/aws ─────────────────────────────

// DefenderOidcProvider and DefenderOidcProvider.fromArn
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/sts.windows.net/${DEFENDER_TENANT}/`;
const PROVIDER_ARN_FORM = `the ARN of the IAM OIDC provider for Defender's issuer, such as ${PROVIDER_ARN}`;
const OTHER_ISSUER_HINT = `Defender's tokens are issued by https://sts.windows.net/${DEFENDER_TENANT}/ (trailing slash included); a provider for another URL does not accept them.`;
const CONTAINERS_AUD = "api://6610e979-c931-41ec-adc7-b9920c9d52f1";
const DATA_COLLECTION_AUD = "api://1462b192-27f7-4cb9-8523-0f4ecb54b47e";

const oidcProvider = (stack: TerraformStack, props: DefenderOidcProviderProps) => {
  awsProvider(stack);
  return new DefenderOidcProvider(stack, "subject", props);
};

const OIDC_PROVIDER_CASES: BadInputCase[] = [
  ...casesOf("DefenderOidcProvider", oidcProvider, [
    ["empty client ID list", { clientIds: [] }, "[test/subject] clientIds: got []; expected at least one client ID (audience)."],
    ["client ID with a space", { additionalClientIds: ["api://x y"] }, `[test/subject] additionalClientIds[0]: got "api://x y"; expected a client ID (audience) such as ${CONTAINERS_AUD}.`],
    ["thumbprint of 8 characters", { thumbprints: ["626d44e7"] }, '[test/subject] thumbprints[0]: got "626d44e7"; expected a certificate thumbprint of 40 hexadecimal characters.'],
  ]),
  ...casesOf("DefenderOidcProvider.fromArn", (stack, arn: string) => DefenderOidcProvider.fromArn(stack, "subject", { arn }), [
    ["role ARN instead of a provider ARN", roleArn("x"), `[test/subject] arn: got "${roleArn("x")}"; expected ${PROVIDER_ARN_FORM}.`],
    ["issuer host name instead of an ARN", "sts.windows.net", `[test/subject] arn: got "sts.windows.net"; expected ${PROVIDER_ARN_FORM}.`],
    ["provider ARN without the trailing slash", PROVIDER_ARN.slice(0, -1), `[test/subject] arn: got "${PROVIDER_ARN.slice(0, -1)}"; expected ${PROVIDER_ARN_FORM}. ${OTHER_ISSUER_HINT}`],
    [
      "provider ARN of another issuer",
      `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
      `[test/subject] arn: got "arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com"; expected ${PROVIDER_ARN_FORM}. ${OTHER_ISSUER_HINT}`,
    ],
    // The other-issuer hint is added although the issuer part of this ARN is right.
    ["provider ARN with a 4-digit account", PROVIDER_ARN.replace(ACCOUNT, "1234"), `[test/subject] arn: got "${PROVIDER_ARN.replace(ACCOUNT, "1234")}"; expected ${PROVIDER_ARN_FORM}. ${OTHER_ISSUER_HINT}`],
  ]),
];

// DefenderForContainersAwsRoles
const awsRoles = (stack: TerraformStack, props: Partial<DefenderForContainersAwsRolesProps>) => {
  awsProvider(stack);
  return new DefenderForContainersAwsRoles(stack, "subject", { oidcProvider: new DefenderOidcProvider(stack, "oidc"), accountId: ACCOUNT, azureTenantId: TENANT, ...props });
};
const LONG_ROLE_NAME = `MDC${"x".repeat(62)}`;

const AWS_ROLES_CASES = casesOf("DefenderForContainersAwsRoles", awsRoles, [
  ["account ID of 5 digits", { accountId: "12345" }, '[test/subject] accountId: got "12345"; expected a 12-digit AWS account ID such as 123456789012.'],
  ["tenant domain instead of tenant GUID", { azureTenantId: "contoso.onmicrosoft.com" }, `[test/subject] azureTenantId: got "contoso.onmicrosoft.com"; expected ${GUID_FORM}.`],
  ["missing tenant (JavaScript caller)", { azureTenantId: undefined }, "[test/subject] azureTenantId: got undefined; expected a string. It is required."],
  ["Azure region in the AWS region list", { regions: ["us-east-1", "westeurope"] }, '[test/subject] regions[1]: got "westeurope"; expected an AWS region name such as us-east-1 or eu-west-1.'],
  ["empty region list", { regions: [] }, "[test/subject] regions: got []; expected at least one region."],
  ["same region twice", { regions: ["us-east-1", "us-east-1"] }, '[test/subject] regions[1]: got "us-east-1"; expected each region once. It is also regions[0].'],
  ["role name of 65 characters", { kubernetesRoleName: LONG_ROLE_NAME }, `[test/subject] kubernetesRoleName: got "${LONG_ROLE_NAME}"; expected an IAM role name of 1-64 letters, digits or +=,.@_- characters.`],
  [
    "discovery role name without the MDC prefix",
    { agentlessDiscoveryRoleName: "DefenderDiscovery" },
    '[test/subject] agentlessDiscoveryRoleName: got "DefenderDiscovery"; expected a role name starting with "MDC". Microsoft requires the agentless-discovery role name to start with MDC.',
  ],
  [
    "two roles with the same name (case-insensitive)",
    { dataCollectionRoleName: "mdccontainersk8srole" },
    '[test/subject] dataCollectionRoleName: got "mdccontainersk8srole"; expected a name no other Defender role uses. kubernetesRoleName has the same name.',
  ],
  [
    "every capability off",
    { auditLogs: false, agentlessDiscovery: false, imageAssessment: false },
    "[test/subject] auditLogs, agentlessDiscovery, imageAssessment: got false for all three; expected at least one capability on (otherwise remove the construct).",
  ],
  [
    "OIDC provider without the data-collection audience",
    (stack) => ({ oidcProvider: DefenderOidcProvider.fromArn(stack, "existing", { arn: PROVIDER_ARN, clientIds: [CONTAINERS_AUD] }) }),
    `[test/subject] oidcProvider: got ["${CONTAINERS_AUD}"]; expected an OIDC provider whose client IDs include ${DATA_COLLECTION_AUD}. IAM rejects Defender's tokens for an audience the provider does not list.`,
  ],
  // The example in the expected form is a role ARN, not a managed policy ARN.
  ["permissions boundary that is a name", { permissionsBoundaryArn: "boundary" }, '[test/subject] permissionsBoundaryArn: got "boundary"; expected a managed policy ARN such as arn:aws:iam::123456789012:policy/name.'],
  ["external ID of one character", { dataCollectionExternalId: "x" }, '[test/subject] dataCollectionExternalId: got "x"; expected an external ID of 2-1224 letters, digits or +=,.@:/_- characters.'],
  [
    "legacy external ID outside the commercial partition",
    { dataCollectionExternalId: "abc", partition: AwsPartition.AWS_CN },
    '[test/subject] dataCollectionExternalId: got "abc"; expected no legacy trust in partition "aws-cn". Defender\'s legacy IAM user exists in the commercial partition only.',
  ],
  ["partition outside the enum", { partition: "aws-iso" as AwsPartition }, '[test/subject] partition: got "aws-iso"; expected one of aws, aws-cn, aws-us-gov (AwsPartition).'],
  ["image access level outside the enum", { imageAssessmentAccess: "ADMIN" as AwsImageAssessmentAccess }, '[test/subject] imageAssessmentAccess: got "ADMIN"; expected one of POWER_USER, READ_ONLY (AwsImageAssessmentAccess).'],
]);

// EksAgentlessDiscoveryAccess
const DISCOVERY_ROLE_ARN = roleArn("MDCContainersAgentlessDiscoveryK8sRole");
const eksAccess = (stack: TerraformStack, props: Partial<EksAgentlessDiscoveryAccessProps>) => {
  awsProvider(stack);
  kubernetesProvider(stack);
  return new EksAgentlessDiscoveryAccess(stack, "subject", { roleArn: DISCOVERY_ROLE_ARN, clusterNames: ["prod", "dev"], ...props });
};
const CONFIG_MAP = { mode: EksAccessMode.CONFIG_MAP, clusterNames: ["prod"], existingRoleMappings: [] };

const EKS_ACCESS_CASES = casesOf("EksAgentlessDiscoveryAccess", eksAccess, [
  ["empty cluster list", { clusterNames: [] }, "[test/subject] clusterNames: got []; expected at least one cluster name."],
  ["same cluster twice", { clusterNames: ["prod", "dev", "prod"] }, '[test/subject] clusterNames[2]: got "prod"; expected each cluster name once. It is also clusterNames[0].'],
  ["cluster name with a dot", { clusterNames: ["prod", "eks.prod"] }, '[test/subject] clusterNames[1]: got "eks.prod"; expected an EKS cluster name of 1-100 letters, digits, hyphens or underscores, starting with a letter or digit.'],
  ["role name instead of role ARN", { roleArn: "MDCContainersAgentlessDiscoveryK8sRole" }, `[test/subject] roleArn: got "MDCContainersAgentlessDiscoveryK8sRole"; expected ${ROLE_ARN_FORM}.`],
  ["IAM user ARN instead of role ARN", { roleArn: `arn:aws:iam::${ACCOUNT}:user/someone` }, `[test/subject] roleArn: got "arn:aws:iam::123456789012:user/someone"; expected ${ROLE_ARN_FORM}.`],
  [
    "IAM managed policy as EKS access policy",
    { accessPolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
    '[test/subject] accessPolicyArn: got "arn:aws:iam::aws:policy/AdministratorAccess"; expected an EKS access policy ARN such as arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy.',
  ],
  ["region without its number", { region: "eu-west" }, '[test/subject] region: got "eu-west"; expected an AWS region name such as us-east-1 or eu-west-1.'],
  ["mode outside the enum", { mode: "AWS_AUTH" as EksAccessMode }, '[test/subject] mode: got "AWS_AUTH"; expected one of ACCESS_ENTRIES, CONFIG_MAP (EksAccessMode).'],
  // These two messages say "a value" instead of showing it.
  [
    "CONFIG_MAP prop in ACCESS_ENTRIES mode",
    { existingRoleMappings: [] },
    "[test/subject] existingRoleMappings: got [] in ACCESS_ENTRIES mode; expected it unset, since it applies to CONFIG_MAP mode only.",
  ],
  [
    "ACCESS_ENTRIES prop in CONFIG_MAP mode",
    { ...CONFIG_MAP, accessPolicyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy" },
    '[test/subject] accessPolicyArn: got "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy" in CONFIG_MAP mode; expected it unset, since it applies to ACCESS_ENTRIES mode only.',
  ],
  [
    "two clusters in CONFIG_MAP mode",
    { ...CONFIG_MAP, clusterNames: ["a", "b"] },
    '[test/subject] clusterNames: got ["a","b"]; expected exactly one cluster in CONFIG_MAP mode. A kubernetes provider talks to one cluster: use one EksAgentlessDiscoveryAccess (and one provider) per cluster.',
  ],
  [
    "CONFIG_MAP mode without the mappings to keep",
    { ...CONFIG_MAP, existingRoleMappings: undefined },
    /^\[test\/subject\] existingRoleMappings: got undefined in CONFIG_MAP mode; expected every mapRoles entry of the cluster to keep/,
  ],
]);

// ───────────────────────────── lib/kubernetes ─────────────────────────────

// AwsAuthRoleMapping
const NODE_MAPPING = { roleArn: roleArn("eks-nodes"), username: "system:node:{{EC2PrivateDNSName}}", groups: ["system:bootstrappers", "system:nodes"] };
const awsAuth = (stack: TerraformStack, props: Partial<AwsAuthRoleMappingProps>) => {
  kubernetesProvider(stack);
  return new AwsAuthRoleMapping(stack, "subject", { roleArn: DISCOVERY_ROLE_ARN, existingRoleMappings: [NODE_MAPPING], ...props });
};

const AWS_AUTH_CASES = casesOf("AwsAuthRoleMapping", awsAuth, [
  [
    "role ARN with a path",
    { roleArn: roleArn("team/MDCDiscovery") },
    `[test/subject] roleArn: got "${roleArn("team/MDCDiscovery")}"; expected a role ARN without a path, such as arn:aws:iam::123456789012:role/name. aws-auth does not match role ARNs that include a path.`,
  ],
  ["role name in the existing mappings", { existingRoleMappings: [NODE_MAPPING, { roleArn: "eks-nodes" }] }, `[test/subject] existingRoleMappings[1].roleArn: got "eks-nodes"; expected ${ROLE_ARN_FORM}.`],
  [
    "Defender's role already in the existing mappings",
    { existingRoleMappings: [NODE_MAPPING, { roleArn: DISCOVERY_ROLE_ARN, groups: ["system:masters"] }] },
    `[test/subject] roleArn: got "${DISCOVERY_ROLE_ARN}"; expected each role mapped once. existingRoleMappings[1].roleArn maps it too.`,
  ],
  ["group with a space", { groups: ["system masters"] }, '[test/subject] groups[0]: got "system masters"; expected a Kubernetes group name without spaces.'],
  [
    "existing mappings missing (JavaScript caller)",
    { existingRoleMappings: undefined },
    "[test/subject] existingRoleMappings: got undefined; expected a list of AwsAuthRoleMappingEntry objects. It is required.",
  ],
]);

// HelmDefenderSensor
const CONNECTOR_ID = `${RG_ID}/providers/Microsoft.Security/securityConnectors/aws-${ACCOUNT}`;
const CONNECTOR = { connectorId: CONNECTOR_ID, location: "westeurope" };
const EKS = { accountId: "012345678901", region: "eu-west-1", clusterName: "prod-eks" };
const GKE = { projectId: "my-project", location: "europe-west1", clusterName: "prod-gke" };
const helmSensor = (stack: TerraformStack, props: Partial<HelmDefenderSensorProps>) => {
  helmProvider(stack);
  return new HelmDefenderSensor(stack, "subject", { connector: CONNECTOR, cluster: SensorCluster.eks(EKS), ...props });
};
const CHART_VERSION_FORM = 'a chart version 0.<minor>.<patch> or 0.<minor>.<patch>-preview such as "0.10.5"';

const HELM_SENSOR_CASES = casesOf("HelmDefenderSensor", helmSensor, [
  ["chart version 1.0.0", { version: "1.0.0" }, `[test/subject] version: got "1.0.0"; expected ${CHART_VERSION_FORM}.`],
  ["chart version with a v prefix", { version: "v0.10.5" }, `[test/subject] version: got "v0.10.5"; expected ${CHART_VERSION_FORM}.`],
  ["latest without allowLatestVersion", { version: "latest" }, '[test/subject] version: got "latest" without allowLatestVersion; expected a pinned version such as "0.10.5", or allowLatestVersion: true.'],
  [
    "resource group ID as connector ID",
    { connector: { connectorId: RG_ID, location: "westeurope" } },
    `[test/subject] connector.connectorId: got "${RG_ID}"; expected a security connector resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Security/securityConnectors/<name>.`,
  ],
  ["AWS region as connector location", { connector: { connectorId: CONNECTOR_ID, location: "eu-west-1" } }, /^\[test\/subject\] connector\.location: got "eu-west-1"; expected an Azure region name/],
  ["EKS account ID of 4 digits", { cluster: SensorCluster.eks({ ...EKS, accountId: "1234" }) }, '[test/subject] cluster.accountId: got "1234"; expected a 12-digit AWS account ID such as 123456789012.'],
  ["Azure region for an EKS cluster", { cluster: SensorCluster.eks({ ...EKS, region: "westeurope" }) }, '[test/subject] cluster.region: got "westeurope"; expected an AWS region name such as us-east-1 or eu-west-1.'],
  ["EKS cluster name starting with a hyphen", { cluster: SensorCluster.eks({ ...EKS, clusterName: "-bad" }) }, '[test/subject] cluster.clusterName: got "-bad"; expected an EKS cluster name of 1-100 letters, digits, hyphens or underscores, starting with a letter or digit.'],
  ["GKE project ID starting with a digit", { cluster: SensorCluster.gke({ ...GKE, projectId: "1project" }) }, `[test/subject] cluster.projectId: got "1project"; expected ${GCP_PROJECT_FORM}.`],
  ["Azure display name as GKE location", { cluster: SensorCluster.gke({ ...GKE, location: "West Europe" }) }, '[test/subject] cluster.location: got "West Europe"; expected a GCP region or zone such as europe-west1 or europe-west1-b.'],
  [
    "cluster on GCP without a project",
    { cluster: SensorCluster.other({ infrastructure: SensorInfrastructure.GCP, region: "europe-west1", clusterName: "c" }) },
    "[test/subject] cluster.projectId: got undefined; expected a value, because the cluster runs on GCP.",
  ],
  [
    "cluster on AWS with a GCP project",
    { cluster: SensorCluster.other({ infrastructure: SensorInfrastructure.AWS, accountId: "012345678901", projectId: "my-project", region: "us-east-1", clusterName: "c" }) },
    '[test/subject] cluster.projectId: got "my-project"; expected no projectId for a cluster on AWS.',
  ],
  ["workspace ID without its key", { workspaceId: "99999999-8888-7777-6666-555555555555" }, "[test/subject] workspaceKey: got undefined; expected the workspace primary key, because workspaceId is set."],
  ["workspace name as workspace ID", { workspaceId: "law-defender", workspaceKey: "k" }, `[test/subject] workspaceId: got "law-defender"; expected ${GUID_FORM}.`],
  ["release name with capitals and an underscore", { releaseName: "Defender_Sensor" }, '[test/subject] releaseName: got "Defender_Sensor"; expected a Helm release name of 1-53 lowercase letters, digits or hyphens.'],
  ["repository without a scheme", { repository: "mcr.microsoft.com/azuredefender" }, '[test/subject] repository: got "mcr.microsoft.com/azuredefender"; expected a chart repository URL such as oci://mcr.microsoft.com/azuredefender.'],
  ["chart values that are a list", { values: ["a"] as any }, '[test/subject] values: got ["a"]; expected a map of string keys to plain JSON-like data (strings, finite numbers, booleans, null, lists and maps; no constructs, functions or cycles).'],
]);

// ───────────────────────────── lib/gcp ─────────────────────────────

// DefenderWorkloadIdentity
const WIF_BASE: DefenderWorkloadIdentityProps = { projectId: "prod-gke", projectNumber: "123456789012", tenantId: TENANT };
const workloadIdentity = (stack: TerraformStack, props: Partial<DefenderWorkloadIdentityProps>) => {
  googleProvider(stack);
  return new DefenderWorkloadIdentity(stack, "subject", { ...WIF_BASE, ...props });
};
const POOL_ID_FORM = 'an ID of 4-32 lowercase letters, digits or hyphens, not starting with "gcp-"';

const WORKLOAD_IDENTITY_CASES: BadInputCase[] = [
  ...casesOf("DefenderWorkloadIdentity", workloadIdentity, [
    ["project ID with capitals and an underscore", { projectId: "Prod_GKE" }, `[test/subject] projectId: got "Prod_GKE"; expected ${GCP_PROJECT_FORM}.`],
    ["project ID as project number", { projectNumber: "prod-gke" }, '[test/subject] projectNumber: got "prod-gke"; expected a GCP project number (6-20 digits) such as 123456789012.'],
    ["tenant domain instead of tenant GUID", { tenantId: "contoso.onmicrosoft.com" }, `[test/subject] tenantId: got "contoso.onmicrosoft.com"; expected ${GUID_FORM}.`],
    ["Defender's own tenant instead of the customer's", { tenantId: DEFENDER_TENANT }, new RegExp(`^\\[test/subject\\] tenantId: got "${DEFENDER_TENANT}"; expected your own Azure tenant GUID\\. This is Microsoft Defender for Cloud's tenant`)],
    [
      "missing tenant and no pool ID",
      { tenantId: undefined },
      "[test/subject] tenantId: got undefined; expected your Azure tenant GUID (the default pool ID is derived from it), or poolId to name the pool yourself.",
    ],
    ["pool ID of 36 characters", { poolId: "defender-for-containers-pool-prod-01" }, `[test/subject] poolId: got "defender-for-containers-pool-prod-01"; expected ${POOL_ID_FORM}. It has 36 characters.`],
    ["tenant GUID with hyphens as pool ID", { poolId: TENANT }, new RegExp(`^\\[test/subject\\] poolId: got "${TENANT}"; expected .* It has 36 characters\\. A tenant GUID does not fit with its hyphens: pass it as tenantId`)],
    ["pool ID in Google's reserved gcp- prefix", { poolId: "gcp-defender" }, `[test/subject] poolId: got "gcp-defender"; expected ${POOL_ID_FORM}. The prefix "gcp-" is reserved by Google.`],
    ["display name of 41 characters", { displayName: "Microsoft Defender for Cloud (containers)" }, '[test/subject] displayName: got "Microsoft Defender for Cloud (containers)"; expected a display name of 1-32 characters.'],
  ]),
  {
    construct: "DefenderWorkloadIdentity.providerName",
    input: "provider the pool does not have",
    build: (stack) => workloadIdentity(stack, { dataCollection: false }).providerName("containers-streams"),
    message: '[test/subject] providerName: got "containers-streams"; expected one of containers.',
  },
];

// DefenderForContainersGcpServiceAccounts
type GcpAccountsProps = Omit<DefenderForContainersGcpServiceAccountsProps, "workloadIdentity">;
const gcpAccounts = (stack: TerraformStack, props: GcpAccountsProps & { wif?: Partial<DefenderWorkloadIdentityProps> }) => {
  googleProvider(stack);
  const { wif, ...rest } = props;
  const workloadIdentity = new DefenderWorkloadIdentity(stack, "wif", { ...WIF_BASE, ...wif });
  return new DefenderForContainersGcpServiceAccounts(stack, "subject", { workloadIdentity, ...rest });
};
const SERVICE_ACCOUNT_ID_FORM = "a service account ID of 6-30 lowercase letters, digits or hyphens, starting with a letter";

const GCP_ACCOUNTS_CASES = casesOf("DefenderForContainersGcpServiceAccounts", gcpAccounts, [
  [
    "account ID of 36 characters",
    { accountIds: { containersStream: "microsoft-defender-containers-stream" } },
    `[test/subject] accountIds.containersStream: got "microsoft-defender-containers-stream"; expected ${SERVICE_ACCOUNT_ID_FORM}. It has 36 characters.`,
  ],
  ["account ID with capitals and an underscore", { accountIds: { artifactAssess: "MDC_Artifacts" } }, `[test/subject] accountIds.artifactAssess: got "MDC_Artifacts"; expected ${SERVICE_ACCOUNT_ID_FORM}.`],
  [
    "two accounts with the same ID",
    { accountIds: { k8sOperator: "microsoft-defender-containers" } },
    '[test/subject] accountIds.k8sOperator: got "microsoft-defender-containers"; expected a service account ID no other Defender account uses. It is also accountIds.containers.',
  ],
  [
    "custom role ID with a hyphen",
    { customRoleIds: { containers: "defender-containers" } },
    '[test/subject] customRoleIds.containers: got "defender-containers"; expected a custom role ID of 3-64 letters, digits, underscores or periods.',
  ],
  [
    "two custom roles with the same ID",
    { customRoleIds: { dataCollection: "MicrosoftDefenderContainersRole" } },
    '[test/subject] customRoleIds.dataCollection: got "MicrosoftDefenderContainersRole"; expected a role ID no other Defender custom role uses. It is also customRoleIds.containers.',
  ],
  ["API name without googleapis.com", { additionalServices: ["pubsub"] }, '[test/subject] additionalServices[0]: got "pubsub"; expected a Google API service name such as container.googleapis.com.'],
  [
    "every capability off",
    { auditLogs: false, agentlessDiscovery: false, imageAssessment: false },
    /^\[test\/subject\] auditLogs, agentlessDiscovery, imageAssessment: got false for all three; expected at least one capability on/,
  ],
  [
    "audit logs with a pool lacking the containers-streams provider",
    { wif: { dataCollection: false } },
    /^\[test\/subject\] auditLogs: got true while workloadIdentity test\/wif has dataCollection off; expected the containers-streams provider/,
  ],
]);

// ───────────────────────────── lib/azure ─────────────────────────────

// AksPolicyAddon
const AKS_POLICY_ADDON_CASES: BadInputCase[] = [
  {
    construct: "AksPolicyAddon",
    input: "ignorePolicyChanges with the add-on off",
    build: (stack) => new AksPolicyAddon(stack, "subject", { cluster: testCluster(stack), enabled: false, ignorePolicyChanges: true }),
    message: "[test/subject] ignorePolicyChanges: got true with enabled false; expected false — ignore_changes on azure_policy_enabled would keep the add-on on.",
  },
  {
    construct: "AksPolicyAddon",
    input: "add-on off on a cluster that ignores azure_policy_enabled (checked at synth)",
    build: (stack) => {
      const cluster = testCluster(stack);
      new AksPolicyAddon(stack, "subject", { cluster, enabled: false });
      cluster.lifecycle = { ignoreChanges: ["azure_policy_enabled"] };
    },
    message: /^Validation failed with the following errors:\n {2}\[test\/subject\] enabled: got false, but test\/cluster ignores changes to azure_policy_enabled; expected no such lifecycle\.ignore_changes entry/,
  },
];

// AwsSecurityConnector
const AWS_CONNECTOR_BASE: AwsSecurityConnectorProps = {
  resourceGroupId: RG_ID,
  location: "westeurope",
  accountId: ACCOUNT,
  kubernetesServiceRoleArn: roleArn("MDCContainersK8sRole"),
  kubernetesDataCollectionRoleArn: roleArn("MDCContainersK8sDataCollectionRole"),
  cloudWatchToKinesisRoleArn: roleArn("MDCContainersK8sCloudWatchToKinesisRole"),
  kinesisToS3RoleArn: roleArn("MDCContainersK8sKinesisToS3Role"),
  imageAssessmentRoleArn: roleArn("MDCContainersImageAssessmentRole"),
  agentlessDiscoveryRoleArn: DISCOVERY_ROLE_ARN,
};
const awsConnector = (stack: TerraformStack, props: Partial<AwsSecurityConnectorProps>) => {
  azapiProvider(stack);
  return new AwsSecurityConnector(stack, "subject", { ...AWS_CONNECTOR_BASE, ...props });
};
const RESOURCE_GROUP_FORM = "a resource group ID such as /subscriptions/<subscription GUID>/resourceGroups/<name>";

const AWS_CONNECTOR_CASES = casesOf("AwsSecurityConnector", awsConnector, [
  ["account ID of 5 digits", { accountId: "12345" }, '[test/subject] accountId: got "12345"; expected a 12-digit AWS account ID such as 123456789012.'],
  ["external ID of one character", { dataCollectionExternalId: "x" }, '[test/subject] dataCollectionExternalId: got "x"; expected an external ID of 2-1224 letters, digits or +=,.@:/_- characters.'],
  [
    "role name instead of role ARN",
    { kinesisToS3RoleArn: "MDCContainersK8sKinesisToS3Role" },
    `[test/subject] kinesisToS3RoleArn: got "MDCContainersK8sKinesisToS3Role"; expected ${ROLE_ARN_FORM}.`,
  ],
  ["S3 bucket ARN as role ARN", { imageAssessmentRoleArn: "arn:aws:s3:::bucket-name" }, `[test/subject] imageAssessmentRoleArn: got "arn:aws:s3:::bucket-name"; expected ${ROLE_ARN_FORM}.`],
  [
    "role in another account",
    { agentlessDiscoveryRoleArn: roleArn("MDCContainersAgentlessDiscoveryK8sRole", "999999999999") },
    '[test/subject] agentlessDiscoveryRoleArn: got "arn:aws:iam::999999999999:role/MDCContainersAgentlessDiscoveryK8sRole"; expected a role in account 123456789012. The ARN names account 999999999999.',
  ],
  [
    "role ARN missing while its capability is on",
    { kubernetesServiceRoleArn: undefined },
    "[test/subject] kubernetesServiceRoleArn: got undefined; expected an IAM role ARN, because auditLogs is on. Set auditLogs: false to leave it out.",
  ],
  ["Azure region in the AWS region list", { regions: ["eu-west-1", "westeurope"] }, '[test/subject] regions[1]: got "westeurope"; expected an AWS region name such as us-east-1 or eu-west-1.'],
  ["same region twice, differing in case", { regions: ["eu-west-1", "EU-WEST-1"] }, '[test/subject] regions[1]: got "EU-WEST-1"; expected each AWS region once. It is also regions[0].'],
  ["empty region list", { regions: [] }, "[test/subject] regions: got []; expected at least one AWS region."],
  ["resource group name instead of ID", { resourceGroupId: "rg-security" }, `[test/subject] resourceGroupId: got "rg-security"; expected ${RESOURCE_GROUP_FORM}.`],
  ["Azure location with a typo", { location: "westeurop" }, /^\[test\/subject\] location: got "westeurop"; expected an Azure region name .* Did you mean "westeurope"\?/],
  [
    "retention of 45 days",
    { kubeAuditRetentionDays: 45 },
    "[test/subject] kubeAuditRetentionDays: got 45; expected a CloudWatch Logs retention in days: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653.",
  ],
  ["scan interval of 25 hours", { scanIntervalHours: 25 }, "[test/subject] scanIntervalHours: got 25; expected a whole number from 1 to 24."],
  ["connector name with a dot", { name: "aws.prod" }, '[test/subject] name: got "aws.prod"; expected a connector name of 1-260 letters, digits, hyphens or underscores.'],
  [
    "additional offering of the type the construct writes",
    { additionalOfferings: [{ offeringType: "DefenderForContainersAws" }] },
    '[test/subject] additionalOfferings[0].offeringType: got "DefenderForContainersAws"; expected each offering type once. The construct writes this offering itself.',
  ],
  [
    "same additional offering twice",
    { additionalOfferings: [{ offeringType: "CspmMonitorAws" }, { offeringType: "CspmMonitorAws" }] },
    '[test/subject] additionalOfferings[1].offeringType: got "CspmMonitorAws"; expected each offering type once. It is also additionalOfferings[0].',
  ],
]);

// GcpSecurityConnector
const serviceAccount = (name: string) => `${name}@my-project.iam.gserviceaccount.com`;
const GCP_CONNECTOR_BASE: GcpSecurityConnectorProps = {
  resourceGroupId: RG_ID,
  location: "westeurope",
  projectId: "my-project",
  projectNumber: "123456789012",
  nativeCloudConnectionServiceAccountEmail: serviceAccount("microsoft-defender-containers"),
  dataPipelineServiceAccountEmail: serviceAccount("ms-defender-containers-stream"),
  imageAssessmentServiceAccountEmail: serviceAccount("mdc-containers-artifact-assess"),
  agentlessDiscoveryServiceAccountEmail: serviceAccount("mdc-containers-k8s-operator"),
};
const gcpConnector = (stack: TerraformStack, props: Partial<GcpSecurityConnectorProps>) => {
  azapiProvider(stack);
  return new GcpSecurityConnector(stack, "subject", { ...GCP_CONNECTOR_BASE, ...props });
};

const GCP_CONNECTOR_CASES = casesOf("GcpSecurityConnector", gcpConnector, [
  [
    "project ID with capitals and an underscore",
    { projectId: "My_Project" },
    `[test/subject] projectId: got "My_Project"; expected ${GCP_PROJECT_FORM}.`,
  ],
  ["project ID as project number", { projectNumber: "my-project" }, '[test/subject] projectNumber: got "my-project"; expected a GCP project number (6-20 digits) such as 123456789012.'],
  [
    "service account ID instead of its email",
    { dataPipelineServiceAccountEmail: "ms-defender-containers-stream" },
    '[test/subject] dataPipelineServiceAccountEmail: got "ms-defender-containers-stream"; expected a service account email such as microsoft-defender-containers@my-project.iam.gserviceaccount.com.',
  ],
  ["workload identity provider ID with capitals", { imageAssessmentProviderId: "Containers!" }, `[test/subject] imageAssessmentProviderId: got "Containers!"; expected ${POOL_ID_FORM}.`],
  [
    "security connector ID as resource group ID",
    { resourceGroupId: `${RG_ID}/providers/Microsoft.Security/securityConnectors/x` },
    `[test/subject] resourceGroupId: got "${RG_ID}/providers/Microsoft.Security/securityConnectors/x"; expected ${RESOURCE_GROUP_FORM}. The value is a Microsoft.Security/securityConnectors ID.`,
  ],
  [
    "service account missing while its capability is on",
    { agentlessDiscoveryServiceAccountEmail: undefined },
    "[test/subject] agentlessDiscoveryServiceAccountEmail: got undefined; expected a service account email, because agentlessDiscovery is on. Set agentlessDiscovery: false to leave it out.",
  ],
]);

// DockerHubSecurityConnector, JFrogSecurityConnector
const dockerHubConnector = (stack: TerraformStack, props: Partial<DockerHubSecurityConnectorProps>) => {
  azapiProvider(stack);
  const token = new TerraformVariable(stack, "token", { type: "string", sensitive: true }).stringValue;
  // "__plain__" stands for a variable of the app that is not marked sensitive.
  const accessToken = props.accessToken === "__plain__" ? new TerraformVariable(stack, "plain_token", { type: "string" }).stringValue : (props.accessToken ?? token);
  return new DockerHubSecurityConnector(stack, "subject", { resourceGroupId: RG_ID, location: "westeurope", organization: "contoso", username: "mdcuser", ...props, accessToken });
};
const DOCKER_HUB_CONNECTOR_CASES = casesOf("DockerHubSecurityConnector", dockerHubConnector, [
  [
    "literal access token",
    { accessToken: "dckr_pat_secret" },
    '[test/subject] accessToken: got "<a literal string of 15 characters>"; expected a reference to a sensitive value, e.g. new TerraformVariable(stack, "token", { type: "string", sensitive: true }).stringValue. A literal token would be written to the synthesized JSON and to source control.',
  ],
  [
    "access token from a variable not marked sensitive",
    { accessToken: "__plain__" },
    '[test/subject] accessToken: got "<var.plain_token>"; expected a variable with sensitive: true (test/plain_token is not). Terraform would show the token in plans and logs.',
  ],
  ["organization with capitals", { organization: "Contoso" }, '[test/subject] organization: got "Contoso"; expected a Docker ID of 4-30 lowercase letters and digits.'],
  ["email as user name", { username: "mdc_user@contoso.com" }, '[test/subject] username: got "mdc_user@contoso.com"; expected a Docker ID of 4-30 lowercase letters and digits.'],
]);
const jfrogConnector = (stack: TerraformStack, props: Partial<JFrogSecurityConnectorProps>) => {
  azapiProvider(stack);
  return new JFrogSecurityConnector(stack, "subject", { resourceGroupId: RG_ID, location: "westeurope", host: "contoso.jfrog.io", ...props });
};
const JFROG_CONNECTOR_CASES = casesOf("JFrogSecurityConnector", jfrogConnector, [
  ["URL instead of host", { host: "https://contoso.jfrog.io" }, '[test/subject] host: got "https://contoso.jfrog.io"; expected a lowercase host name such as contoso.jfrog.io (no scheme, no path).'],
  ["scan interval of zero", { scanIntervalHours: 0 }, "[test/subject] scanIntervalHours: got 0; expected a whole number from 1 to 24."],
]);

// DefenderWorkspaceAssignment
const workspaceAssignment = (stack: TerraformStack, props: Partial<DefenderWorkspaceAssignmentProps>) =>
  new DefenderWorkspaceAssignment(stack, "subject", { scopeId: `/subscriptions/${SUB}`, location: "westeurope", logAnalyticsWorkspaceResourceId: WORKSPACE, ...props });

const WORKSPACE_ASSIGNMENT_CASES = casesOf("DefenderWorkspaceAssignment", workspaceAssignment, [
  ["AKS cluster ID as scope", { scopeId: AKS_ID }, `[test/subject] scopeId: got "${AKS_ID}"; expected ${POLICY_SCOPE_FORM}.`],
  ["workspace name instead of ID", { logAnalyticsWorkspaceResourceId: "law-sec" }, `[test/subject] logAnalyticsWorkspaceResourceId: got "law-sec"; expected ${WORKSPACE_FORM}.`],
  ["location with a typo", { location: "westeurop" }, /^\[test\/subject\] location: got "westeurop"; expected an Azure region name/],
  ["reference scope without scopeType", { scopeId: Token.asString({ ref: "var.scope" }) }, /^\[test\/subject\] scopeType: got undefined; expected a PolicyScopeType when scopeId is an unresolved reference/],
  [
    "name prefix too long for a management group",
    { scopeId: MG_ID, namePrefix: "platform-team" },
    '[test/subject] namePrefix: got "platform-team", which makes the assignment name "platform-team-aks-defender" 26 characters long; expected names of at most 24 characters at managementGroup scope.',
  ],
  ["same distribution twice, differing in case", { excludedDistributions: ["aks", "AKS"] }, '[test/subject] excludedDistributions[1]: got "AKS"; expected each distribution once. It is also excludedDistributions[0].'],
  ["distribution with a space", { excludedDistributions: ["open shift"] }, '[test/subject] excludedDistributions[0]: got "open shift"; expected a distribution name such as aks, eks, gke, k3s or openshift.'],
  ["resource group name as excluded scope", { notScopes: ["rg-sandbox"] }, '[test/subject] notScopes[0]: got "rg-sandbox"; expected an Azure resource ID starting with /subscriptions/ or /providers/.'],
]);

// PolicyAddonAssignment
const policyAddonAssignment = (stack: TerraformStack, props: Partial<PolicyAddonAssignmentProps>) =>
  new PolicyAddonAssignment(stack, "subject", { scopeId: `/subscriptions/${SUB}`, location: "westeurope", ...props });

const POLICY_ADDON_ASSIGNMENT_CASES = casesOf("PolicyAddonAssignment", policyAddonAssignment, [
  ["workspace ID as scope", { scopeId: WORKSPACE }, `[test/subject] scopeId: got "${WORKSPACE}"; expected ${POLICY_SCOPE_FORM}.`],
  ["AWS region as location", { location: "us-east-1" }, /^\[test\/subject\] location: got "us-east-1"; expected an Azure region name/],
  [
    "literal scope that disagrees with scopeType",
    { scopeType: PolicyScopeType.MANAGEMENT_GROUP },
    `[test/subject] scopeType: got "managementGroup" but scopeId "/subscriptions/${SUB}" is a subscription ID; expected them to agree (or leave scopeType unset).`,
  ],
  ["name prefix too long for a management group", { scopeId: MG_ID, namePrefix: "platform-team-x" }, /^\[test\/subject\] namePrefix: got "platform-team-x", which makes the assignment name ".*" \d+ characters long; expected names of at most 24 characters at managementGroup scope\.$/],
]);

// DinePolicyAssignment
const dineAssignment = (stack: TerraformStack, props: Partial<DinePolicyAssignmentProps> & { scopeId?: string }) => {
  const { scopeId = MG_ID, ...rest } = props;
  return new DinePolicyAssignment(stack, "subject", {
    policy: BuiltInPolicies.ARC_POLICY_EXTENSION,
    policyScope: resolvePolicyScope(stack, "scopeId", scopeId),
    name: "mdc-arc-policy-ext",
    location: "westeurope",
    ...rest,
  });
};
const assignmentNameForm = (max: number, scope: string) => `an assignment name of 1-${max} characters (${scope} scope) without < > * % & : \\ ? . + / or a trailing space`;

const DINE_ASSIGNMENT_CASES = casesOf("DinePolicyAssignment", dineAssignment, [
  [
    "name of 27 characters at a management group",
    { name: "a-very-long-assignment-name" },
    `[test/subject] name: got "a-very-long-assignment-name"; expected ${assignmentNameForm(24, "managementGroup")}. It has 27 characters.`,
  ],
  ["name with a slash", { scopeId: `/subscriptions/${SUB}`, name: "mdc/arc" }, `[test/subject] name: got "mdc/arc"; expected ${assignmentNameForm(64, "subscription")}.`],
  ["name with a trailing space", { scopeId: `/subscriptions/${SUB}`, name: "trailing " }, `[test/subject] name: got "trailing "; expected ${assignmentNameForm(64, "subscription")}.`],
  ["empty name", { scopeId: `/subscriptions/${SUB}`, name: "" }, `[test/subject] name: got ""; expected ${assignmentNameForm(64, "subscription")}.`],
  ["geography instead of region", { location: "europe" }, /^\[test\/subject\] location: got "europe"; expected an Azure region name/],
  [
    "excluded scope that is the assignment's own scope",
    { scopeId: `/subscriptions/${SUB}`, notScopes: [`/subscriptions/${SUB}`] },
    `[test/subject] notScopes[0]: got "/subscriptions/${SUB}"; expected a scope inside the assignment's scope /subscriptions/${SUB}. Excluding the assignment's own scope, or a scope above it, switches the assignment off everywhere.`,
  ],
]);

// ArcDefenderSensor and ArcPolicyExtension
const ARC_FORM = "an Arc-enabled Kubernetes cluster resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Kubernetes/connectedClusters/<name>";
const arcSensor = (stack: TerraformStack, props: Partial<ArcDefenderSensorProps>) => new ArcDefenderSensor(stack, "subject", { workspaceResourceId: WORKSPACE, ...props });
const arcPolicy = (stack: TerraformStack, props: ArcPolicyExtensionProps) => new ArcPolicyExtension(stack, "subject", props);

const ARC_SENSOR_CASES = casesOf("ArcDefenderSensor", arcSensor, [
  ["empty cluster list", { clusterIds: [] }, "[test/subject] clusterIds: got []; expected at least one connected cluster."],
  ["neither clusterId nor clusterIds", {}, "[test/subject] clusterIds: got undefined; expected clusterId (one cluster) or clusterIds (a fleet)."],
  ["both clusterId and clusterIds", { clusterId: arcId("a"), clusterIds: [arcId("b")] }, `[test/subject] clusterIds: got ["${arcId("b")}"]; expected clusterIds or clusterId, not both.`],
  ["same cluster twice", { clusterIds: [arcId("a"), arcId("b"), arcId("a")] }, `[test/subject] clusterIds[2]: got "${arcId("a")}"; expected each connected cluster once. It is also clusterIds[0].`],
  [
    "two clusters with the same name in different groups",
    { clusterIds: [arcId("edge", "rg-1"), arcId("edge", "rg-2")] },
    /^\[test\/subject\] clusterIds\[1\]: got ".*", whose for_each key "edge" is also the key of clusterIds\[0\] .*; expected every cluster to have its own key\. Set fleetKey: FleetKey\.RESOURCE_GROUP_AND_NAME/,
  ],
  ["AKS cluster ID as connected cluster", { clusterIds: [AKS_ID] }, `[test/subject] clusterIds[0]: got "${AKS_ID}"; expected ${ARC_FORM}. The value is a Microsoft.ContainerService/managedClusters ID.`],
  ["connected cluster ID as workspace", { clusterId: arcId("a"), workspaceResourceId: arcId("a") }, `[test/subject] workspaceResourceId: got "${arcId("a")}"; expected ${WORKSPACE_FORM}. The value is a Microsoft.Kubernetes/connectedClusters ID.`],
  ["workspace ID without its key", { clusterId: arcId("a"), workspaceId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" }, "[test/subject] workspaceKey: got undefined while workspaceId is set; expected both or neither (the sensor needs the ID and key together)."],
  ["workspace name as workspace ID", { clusterId: arcId("a"), workspaceId: "law-sec", workspaceKey: "k" }, `[test/subject] workspaceId: got "law-sec"; expected ${GUID_FORM}.`],
  ["relative audit log path", { clusterId: arcId("a"), auditLogPath: "audit.log" }, '[test/subject] auditLogPath: got "audit.log"; expected an absolute file path such as /var/log/kube-apiserver/audit.log.'],
]);

const ARC_POLICY_CASES = casesOf("ArcPolicyExtension", arcPolicy, [
  ["same cluster twice, differing in case", { clusterIds: [arcId("a"), arcId("A")] }, `[test/subject] clusterIds[1]: got "${arcId("A")}"; expected each connected cluster once. It is also clusterIds[0].`],
  ["resource group ID as connected cluster", { clusterIds: [RG_ID] }, `[test/subject] clusterIds[0]: got "${RG_ID}"; expected ${ARC_FORM}.`],
  ["AKS cluster ID as the one cluster", { clusterId: AKS_ID }, `[test/subject] clusterId: got "${AKS_ID}"; expected ${ARC_FORM}. The value is a Microsoft.ContainerService/managedClusters ID.`],
  ["neither clusterId nor clusterIds", {}, "[test/subject] clusterIds: got undefined; expected clusterId (one cluster) or clusterIds (a fleet)."],
]);

// AksAgentlessDiscovery
const agentlessDiscovery = (stack: TerraformStack, props: AksAgentlessDiscoveryProps) => new AksAgentlessDiscovery(stack, "subject", props);

const AKS_DISCOVERY_CASES = casesOf("AksAgentlessDiscovery", agentlessDiscovery, [
  ["binding name with an underscore", { clusterId: aksId("a"), bindingName: "defender_containers" }, '[test/subject] bindingName: got "defender_containers"; expected 1-24 letters, digits or hyphens.'],
  ["binding name of 31 characters", { clusterId: aksId("a"), bindingName: "a-binding-name-that-is-too-long" }, '[test/subject] bindingName: got "a-binding-name-that-is-too-long"; expected 1-24 letters, digits or hyphens.'],
  ["empty cluster list", { clusterIds: [] }, "[test/subject] clusterIds: got []; expected at least one AKS cluster."],
  // The message shows [] for a list that was not given at all.
  ["no cluster at all", {}, "[test/subject] clusterIds: got []; expected at least one AKS cluster."],
  ["same cluster twice", { clusterIds: [aksId("a"), aksId("a")] }, `[test/subject] clusterIds[1]: got "${aksId("a")}"; expected each AKS cluster once. It is also clusterIds[0].`],
  ["connected cluster ID as AKS cluster", { clusterIds: [arcId("edge")] }, `[test/subject] clusterIds[0]: got "${arcId("edge")}"; expected ${AKS_FORM}. The value is a Microsoft.Kubernetes/connectedClusters ID.`],
  ["clusterId together with clusterIds", { clusterId: aksId("a"), clusterIds: [aksId("b")] }, `[test/subject] clusterId: got "${aksId("a")}"; expected clusterId alone, or clusterIds/clusters, not both.`],
  ["operator principal that is a name", { clusterId: aksId("a"), operatorPrincipalId: "operator" }, `[test/subject] operatorPrincipalId: got "operator"; expected ${GUID_FORM}.`],
  [
    "app clusters and an operator without its subscriptions",
    (stack) => ({ clusters: [testCluster(stack)], operatorPrincipalId: "dddddddd-0000-0000-0000-000000000001" }),
    /^\[test\/subject\] operatorRoleSubscriptionIds: got undefined; expected the subscription IDs for the operator role/,
  ],
  [
    "app cluster whose name is a reference",
    (stack) => {
      const other = testCluster(stack, "other");
      other.name = Token.asString({ ref: "var.name" });
      return { clusters: [testCluster(stack), other] };
    },
    /^\[test\/subject\] clusters\[1\]: got "test\/other"; expected a cluster whose name is a literal\./,
  ],
  ["empty role list", { clusterId: aksId("a"), roles: [] }, "[test/subject] roles: got []; expected at least one role."],
]);

// DefenderPrivateLink
const VNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-aks`;
const PRIVATE_LINK_BASE: DefenderPrivateLinkProps = { resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-net`, location: "westeurope", subnetId: `${VNET}/subnets/private-endpoints` };
const AMPLS = { mode: PrivateLinkMode.AMPLS, workspaceResourceId: WORKSPACE };
const SPL_ZONE = "privatelink.cloud.defender.microsoft.com";
const hubZone = (zone: string) => `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/${zone}`;
const privateLink = (stack: TerraformStack, props: Partial<DefenderPrivateLinkProps>) => {
  azapiProvider(stack);
  return new DefenderPrivateLink(stack, "subject", { ...PRIVATE_LINK_BASE, ...props });
};

const PRIVATE_LINK_CASES = casesOf("DefenderPrivateLink", privateLink, [
  [
    "Security Private Link in a sovereign cloud",
    { cloud: AzureCloud.US_GOVERNMENT, location: "usgovvirginia", mode: PrivateLinkMode.SECURITY_PRIVATE_LINK },
    '[test/subject] mode: got "SecurityPrivateLink"; expected AzureMonitorPrivateLinkScope in the usgovernment cloud. Microsoft Security Private Link is not available in sovereign clouds.',
  ],
  ["region of another cloud", { location: "usgovvirginia" }, '[test/subject] location: got "usgovvirginia"; expected a region of the public cloud (cloud is "public"). Set cloud to "usgovernment" for this region.'],
  ["cloud outside the enum", { cloud: "germany" as AzureCloud }, '[test/subject] cloud: got "germany"; expected one of public, usgovernment, china (AzureCloud).'],
  ["virtual network ID as subnet ID", { subnetId: VNET }, new RegExp(`^\\[test/subject\\] subnetId: got "${VNET}"; expected a subnet resource ID .* The value is a Microsoft\\.Network/virtualNetworks ID\\.$`)],
  ["name starting with a hyphen", { name: "-bad" }, `[test/subject] name: got "-bad"; expected 1-50 letters, digits, '_', '.' or '-', starting with a letter or digit.`],
  ["AMPLS mode without a workspace", { mode: PrivateLinkMode.AMPLS }, "[test/subject] workspaceResourceId: got undefined; expected the Defender workspace's resource ID in mode AzureMonitorPrivateLinkScope."],
  [
    "AMPLS-only prop in Security Private Link mode",
    { queryAccessMode: AmplsAccessMode.PRIVATE_ONLY },
    '[test/subject] queryAccessMode: got "PrivateOnly"; expected no queryAccessMode in mode SecurityPrivateLink. It applies to mode AzureMonitorPrivateLinkScope only.',
  ],
  ["access mode outside the enum", { ...AMPLS, queryAccessMode: "Closed" as AmplsAccessMode }, '[test/subject] queryAccessMode: got "Closed"; expected one of Open, PrivateOnly (AmplsAccessMode).'],
  [
    "existing zone of the other mode",
    { existingDnsZoneIds: { "privatelink.monitor.azure.com": hubZone("privatelink.monitor.azure.com") } },
    `[test/subject] existingDnsZoneIds: got "privatelink.monitor.azure.com"; expected one of the SecurityPrivateLink zones of the public cloud: ${SPL_ZONE}.`,
  ],
  [
    "existing zone ID naming another zone",
    { existingDnsZoneIds: { [SPL_ZONE]: hubZone("privatelink.monitor.azure.com") } },
    `[test/subject] existingDnsZoneIds["${SPL_ZONE}"]: got "${hubZone("privatelink.monitor.azure.com")}"; expected the ID of a private DNS zone named ${SPL_ZONE}. The ID names privatelink.monitor.azure.com.`,
  ],
  ["empty virtual network links", { virtualNetworkLinks: {} }, "[test/subject] virtualNetworkLinks: got []; expected at least one virtual network."],
  [
    "same virtual network linked twice",
    { virtualNetworkLinks: { a: VNET, b: VNET.toLowerCase() } },
    `[test/subject] virtualNetworkLinks["b"]: got "${VNET}"; expected each virtual network once. It is also virtualNetworkLinks["a"].`,
  ],
  [
    "links when every zone already exists",
    { existingDnsZoneIds: { [SPL_ZONE]: hubZone(SPL_ZONE) }, virtualNetworkLinks: { spoke: VNET } },
    `[test/subject] virtualNetworkLinks: got {"spoke":"${VNET}"}; expected no links when every zone is an existing zone. Links of existing zones belong to their owner.`,
  ],
]);

// SecurityContact
const securityContact = (stack: TerraformStack, props: Partial<SecurityContactProps>) => new SecurityContact(stack, "subject", { emails: ["secops@contoso.com"], ...props });
const EMAIL_FORM = "one e-mail address such as secops@contoso.com (no lists: one address per entry)";

const SECURITY_CONTACT_CASES = casesOf("SecurityContact", securityContact, [
  ["two addresses in one string", { emails: ["a@contoso.com;b@contoso.com"] }, `[test/subject] emails[0]: got "a@contoso.com;b@contoso.com"; expected ${EMAIL_FORM}.`],
  ["address without a domain suffix", { emails: ["ok@contoso.com", "secops@contoso"] }, `[test/subject] emails[1]: got "secops@contoso"; expected ${EMAIL_FORM}.`],
  ["empty address list", { emails: [] }, "[test/subject] emails: got []; expected at least one e-mail address."],
  ["same address twice, differing in case", { emails: ["a@contoso.com", "A@Contoso.com"] }, '[test/subject] emails[1]: got "A@Contoso.com"; expected each e-mail address once. It is also emails[0].'],
  ["phone number in words", { phone: "call me" }, "[test/subject] phone: got \"call me\"; expected a phone number of 4-30 digits, spaces and ( ) . - with an optional leading +, e.g. +1-555-555-5555."],
  ["name prefix with a slash", { namePrefix: "a/b" }, '[test/subject] namePrefix: got "a/b"; expected 1-59 letters, digits, hyphens or underscores, starting with a letter or digit.'],
]);

// AlertExport
const EVENT_HUB = `${RG_ID}/providers/Microsoft.EventHub/namespaces/ns-security/eventhubs/defender`;
const LOGIC_APP = `${RG_ID}/providers/Microsoft.Logic/workflows/alert-handler`;
const SECRET_REF = Token.asString({ ref: "var.secret" });
const alertExport = (stack: TerraformStack, props: Partial<AlertExportProps>) =>
  new AlertExport(stack, "subject", { resourceGroupName: "rg-sec", location: "westeurope", scopes: [`/subscriptions/${SUB}`], workspaceResourceId: WORKSPACE, ...props });

const ALERT_EXPORT_CASES = casesOf("AlertExport", alertExport, [
  ["no destination", { workspaceResourceId: undefined }, "[test/subject] destination: got none; expected exactly one of workspaceResourceId, eventHub, logicApp."],
  [
    "two destinations",
    { logicApp: { logicAppResourceId: LOGIC_APP, triggerUrl: SECRET_REF } },
    "[test/subject] destination: got workspaceResourceId and logicApp; expected exactly one of workspaceResourceId, eventHub, logicApp.",
  ],
  ["AKS cluster ID as workspace", { workspaceResourceId: AKS_ID }, /^\[test\/subject\] workspaceResourceId: got ".*"; expected a Log Analytics workspace resource ID.*The value is a Microsoft\.ContainerService\/managedClusters ID\./],
  [
    "Event Hub namespace ID instead of event hub ID",
    { workspaceResourceId: undefined, eventHub: { eventHubResourceId: `${RG_ID}/providers/Microsoft.EventHub/namespaces/ns-security`, connectionString: SECRET_REF } },
    /^\[test\/subject\] eventHub\.eventHubResourceId: got ".*"; expected an Event Hub resource ID .*\(the event hub, not the namespace\)\. The value is a Microsoft\.EventHub\/namespaces ID\./,
  ],
  [
    "Logic App name instead of ID",
    { workspaceResourceId: undefined, logicApp: { logicAppResourceId: "alert-handler", triggerUrl: SECRET_REF } },
    "[test/subject] logicApp.logicAppResourceId: got \"alert-handler\"; expected a Logic App workflow resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Logic/workflows/<name>.",
  ],
  [
    "secret as literal: Event Hub connection string",
    { workspaceResourceId: undefined, eventHub: { eventHubResourceId: EVENT_HUB, connectionString: "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0" } },
    /^\[test\/subject\] eventHub\.connectionString: got a literal value \(not shown: it is a secret\); expected a reference to the secret(?!.*c2VjcmV0)/,
  ],
  [
    "secret as literal: Logic App trigger URL",
    { workspaceResourceId: undefined, logicApp: { logicAppResourceId: LOGIC_APP, triggerUrl: "https://prod.logic.azure.com/x?sig=abc" } },
    /^\[test\/subject\] logicApp\.triggerUrl: got a literal value \(not shown: it is a secret\); expected (?!.*sig=abc)/,
  ],
  ["empty scope list", { scopes: [] }, "[test/subject] scopes: got []; expected at least one scope."],
  ["subscription name as scope", { scopes: ["sub-1"] }, /^\[test\/subject\] scopes\[0\]: got "sub-1"; expected a subscription ID \(\/subscriptions\/<GUID>\) or a resource group ID/],
  ["workspace ID as scope", { scopes: [WORKSPACE] }, new RegExp(`^\\[test/subject\\] scopes\\[0\\]: got "${WORKSPACE}"; expected a subscription ID`)],
  ["recommendation severity Informational", { recommendationSeverities: [AlertSeverity.INFORMATIONAL] }, '[test/subject] recommendationSeverities[0]: got "Informational"; expected one of High, Medium, Low.'],
  ["severity outside the enum", { alertSeverities: ["Critical" as AlertSeverity] }, '[test/subject] alertSeverities[0]: got "Critical"; expected one of High, Medium, Low, Informational (AlertSeverity).'],
  ["same severity twice", { alertSeverities: [AlertSeverity.HIGH, AlertSeverity.HIGH] }, '[test/subject] alertSeverities[1]: got "High"; expected each severity once. It is also alertSeverities[0].'],
  [
    "alert severity filter without the alerts source",
    { sources: [ExportSource.RECOMMENDATIONS], alertSeverities: [AlertSeverity.HIGH] },
    '[test/subject] alertSeverities: got a filter without the ALERTS source; expected sources to include ExportSource.ALERTS ("Alerts").',
  ],
  ["empty source list", { sources: [] }, "[test/subject] sources: got []; expected at least one source."],
  ["name with a slash", { name: "export/alerts" }, '[test/subject] name: got "export/alerts"; expected 1-260 letters, digits, periods, hyphens or underscores, starting with a letter or digit.'],
]);

// AlertSuppressionRule
const SUPPRESSION_BASE: AlertSuppressionRuleProps = {
  subscriptionId: SUB,
  name: "dismiss-scanner",
  alertType: "K8S_ExposedDashboard",
  reason: SuppressionReason.FALSE_POSITIVE,
  expirationDateUtc: "2026-12-31T23:59:59Z",
};
const suppressionRule = (stack: TerraformStack, props: Partial<AlertSuppressionRuleProps>) => {
  azapiProvider(stack);
  return new AlertSuppressionRule(stack, "subject", { ...SUPPRESSION_BASE, ...props });
};
const DATE_FORM = "an ISO-8601 UTC date-time such as 2026-12-31T23:59:59Z";

// DefenderRecommendationExemption
const EXEMPTION_BASE: DefenderRecommendationExemptionProps = {
  scope: `/subscriptions/${SUB}/resourceGroups/rg-dev`,
  name: "dev-running-images",
  recommendations: [DefenderRecommendation.RUNNING_IMAGE_VULNERABILITIES],
  category: ExemptionCategory.WAIVER,
  justification: "Dev resource group, risk accepted in SEC-1234",
  expiresOn: "2026-12-31T23:59:59Z",
};
const EXEMPTION_CASES: BadInputCase[] = casesOf(
  "DefenderRecommendationExemption",
  (stack, props: Partial<DefenderRecommendationExemptionProps>) => new DefenderRecommendationExemption(stack, "subject", { ...EXEMPTION_BASE, ...props }),
  [
    [
      "no expiry date and no waiver",
      { expiresOn: undefined },
      "[test/subject] expiresOn: got undefined; expected an ISO-8601 UTC date-time such as 2026-12-31T23:59:59Z — exemptions must expire. To waive this, set neverExpires: true with a neverExpiresJustification.",
    ],
    ["a short justification", { justification: "dev" }, '[test/subject] justification: got "dev"; expected a justification of at least 20 characters.'],
    ["no recommendation (would exempt from the whole initiative)", { recommendations: [] }, "[test/subject] recommendations: got []; expected at least one recommendation."],
    [
      "a management group without its assignment",
      { scope: "/providers/Microsoft.Management/managementGroups/platform" },
      /^\[test\/subject\] policyAssignmentId: got undefined; expected the ID of the initiative assignment to exempt from\. A management group has no default Defender assignment/,
    ],
  ],
);

// AksSensorExclusion, EksSensorExclusion, GkeSensorExclusion
const ARC_CLUSTER_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/edge-01`;
const SENSOR_EXCLUSION_CASES: BadInputCase[] = [
  {
    construct: "AksSensorExclusion",
    input: "an on-premises Arc cluster (the tag is not supported there)",
    build: (stack) => new AksSensorExclusion(stack, "subject", { existingClusterIds: [ARC_CLUSTER_ID] }),
    message: /^\[test\/subject\] existingClusterIds\[0\]: got ".*connectedClusters\/edge-01"; expected an AKS cluster ID\. Exclusion tags aren't supported for Arc-enabled clusters in on-premises environments/,
  },
  {
    construct: "AksSensorExclusion",
    input: "no cluster at all",
    build: (stack) => new AksSensorExclusion(stack, "subject", {}),
    message: "[test/subject] clusters: got []; expected at least one cluster of the app or one existing cluster ID (existingClusterIds).",
  },
  {
    construct: "EksSensorExclusion",
    input: "no cluster",
    build: (stack) => new EksSensorExclusion(stack, "subject", { clusters: [] }),
    message: "[test/subject] clusters: got []; expected at least one cluster.",
  },
  {
    construct: "GkeSensorExclusion",
    input: "a cluster labelled ms_defender_container_exclude_sensors=false",
    build: (stack) =>
      new GkeSensorExclusion(stack, "subject", {
        clusters: [new ContainerCluster(stack, "gke", { name: "gke", location: "europe-west1", initialNodeCount: 1, resourceLabels: { ms_defender_container_exclude_sensors: "false" } })],
      }),
    message: '[test/subject] clusters[0].resourceLabels: got ms_defender_container_exclude_sensors = "false"; expected "true" (or no such tag) on a cluster excluded from the sensor.',
  },
];

const SUPPRESSION_RULE_CASES: BadInputCase[] = [
  ...casesOf("AlertSuppressionRule", suppressionRule, [
    [
      "no expiry date and no waiver",
      { expirationDateUtc: undefined },
      `[test/subject] expirationDateUtc: got undefined; expected ${DATE_FORM} — suppressions must expire. To waive this, set neverExpires: true with a neverExpiresJustification.`,
    ],
    ["expiry date without a time", { expirationDateUtc: "2026-12-31" }, `[test/subject] expirationDateUtc: got "2026-12-31"; expected ${DATE_FORM}.`],
    ["expiry date with an offset instead of Z", { expirationDateUtc: "2026-12-31T23:59:59+01:00" }, `[test/subject] expirationDateUtc: got "2026-12-31T23:59:59+01:00"; expected ${DATE_FORM}.`],
    ["expiry date that does not exist (29 February 2026)", { expirationDateUtc: "2026-02-29T00:00:00Z" }, `[test/subject] expirationDateUtc: got "2026-02-29T00:00:00Z"; expected ${DATE_FORM} that exists on the calendar.`],
    [
      "never-expiring rule with a short justification",
      { expirationDateUtc: undefined, neverExpires: true, neverExpiresJustification: "because" },
      '[test/subject] neverExpiresJustification: got "because"; expected a justification of at least 20 characters when neverExpires is true.',
    ],
    [
      "never-expiring rule with an expiry date",
      { neverExpires: true, neverExpiresJustification: "a long enough justification text" },
      '[test/subject] neverExpires: got true together with expirationDateUtc "2026-12-31T23:59:59Z"; expected one or the other.',
    ],
    ["name of 51 characters", { name: "x".repeat(51) }, `[test/subject] name: got "${"x".repeat(51)}"; expected 2-50 letters, digits, hyphens or underscores, starting with a letter or digit.`],
    ["subscription that is a name", { subscriptionId: "prod" }, `[test/subject] subscriptionId: got "prod"; expected ${GUID_FORM}.`],
    ["blank alert type", { alertType: " " }, '[test/subject] alertType: got " "; expected an alert type such as K8S_ExposedDashboard, or "*" with conditions.'],
    ["every alert type without conditions", { alertType: "*" }, '[test/subject] alertType: got "*" without conditions; expected a specific alert type, or at least one condition — a rule for every alert type and every entity switches alerting off.'],
    ["reason Other without a comment", { reason: SuppressionReason.OTHER }, '[test/subject] comment: got ""; expected a non-empty comment explaining the reason when reason is "Other".'],
    [
      "condition with both operators",
      { conditions: [{ field: "entities.ip.address", in: ["1.1.1.1"], contains: "1" }] },
      "[test/subject] conditions[0]: got both in and contains; expected exactly one of in (equals one of) or contains.",
    ],
    ["condition with an empty value list", { conditions: [{ field: "entities.ip.address", in: [] }] }, "[test/subject] conditions[0].in: got []; expected a non-empty list of non-empty values."],
    ["condition field with a space", { conditions: [{ field: "entities ip", contains: "x" }] }, '[test/subject] conditions[0].field: got "entities ip"; expected an entity field such as entities.ip.address (see SuppressionEntityField).'],
  ]),
  {
    construct: "AlertSuppressionRule",
    input: "reference date in context that is not YYYY-MM-DD",
    build: (stack) => {
      azapiProvider(stack);
      const dated = new Construct(stack, "dated");
      dated.node.setContext(SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY, "01/01/2027");
      return new AlertSuppressionRule(dated, "subject", SUPPRESSION_BASE);
    },
    message: `[test/dated/subject] context "${SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY}": got "01/01/2027"; expected a date YYYY-MM-DD.`,
  },
];

// PodSecurityBaseline
const podSecurityBaseline = (stack: TerraformStack, props: Partial<PodSecurityBaselineProps>) => new PodSecurityBaseline(stack, "subject", { scope: `/subscriptions/${SUB}`, ...props });
const NAMESPACE_FORM = "a Kubernetes namespace name (1-63 lowercase letters, digits or hyphens, starting and ending with a letter or digit)";

const POD_SECURITY_CASES = casesOf("PodSecurityBaseline", podSecurityBaseline, [
  ["bare subscription GUID as scope", { scope: SUB }, `[test/subject] scope: got "${SUB}"; expected ${POLICY_SCOPE_FORM}.`],
  ["subscription ID with a name instead of a GUID", { scope: "/subscriptions/prod" }, `[test/subject] scope: got "/subscriptions/prod"; expected ${POLICY_SCOPE_FORM}.`],
  ["AKS cluster ID as scope", { scope: AKS_ID }, `[test/subject] scope: got "${AKS_ID}"; expected ${POLICY_SCOPE_FORM}.`],
  ["reference scope without scopeType", (stack) => ({ scope: new TerraformVariable(stack, "scope", { type: "string" }).stringValue }), /^\[test\/subject\] scopeType: got undefined; expected a PolicyScopeType when scope is an unresolved reference/],
  [
    "literal scope that disagrees with scopeType",
    { scopeType: PolicyScopeType.MANAGEMENT_GROUP },
    `[test/subject] scopeType: got "managementGroup" but scope "/subscriptions/${SUB}" is a subscription ID; expected them to agree (or leave scopeType unset).`,
  ],
  ["name of 26 characters at a management group", { scope: MG_ID, name: "pod-security-baseline-prod" }, `[test/subject] name: got "pod-security-baseline-prod"; expected ${assignmentNameForm(24, "managementGroup")}. It has 26 characters.`],
  ["namespace with capitals", { excludedNamespaces: ["Kube-System"] }, `[test/subject] excludedNamespaces[0]: got "Kube-System"; expected ${NAMESPACE_FORM}.`],
  ["namespace of 64 characters", { namespaces: ["x".repeat(64)] }, `[test/subject] namespaces[0]: got "${"x".repeat(64)}"; expected ${NAMESPACE_FORM}.`],
  ["same namespace twice", { namespaces: ["web", "web"] }, '[test/subject] namespaces[1]: got "web" twice; expected each namespace once.'],
  ["empty namespace list", { namespaces: [] }, "[test/subject] namespaces: got []; expected at least one namespace, or leave namespaces unset for all namespaces."],
  ["namespace that is also excluded", { namespaces: ["kube-system"] }, '[test/subject] namespaces: got "kube-system", which is also excluded; expected a namespace that is not in excludedNamespaces.'],
  ["no excluded namespace at all", { replaceDefaultExcludedNamespaces: true, excludeSensorNamespace: false }, /^\[test\/subject\] excludedNamespaces: got an empty list with replaceDefaultExcludedNamespaces; expected at least one namespace/],
]);

// DefenderEgressFirewallRules
const FIREWALL_POLICY = `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/firewallPolicies/fwp-hub`;
const egressRules = (stack: TerraformStack, props: Partial<DefenderEgressFirewallRulesProps>) =>
  new DefenderEgressFirewallRules(stack, "subject", { firewallPolicyId: FIREWALL_POLICY, sourceAddresses: ["10.240.0.0/16"], priority: 500, ...props });

const EGRESS_CASES = casesOf("DefenderEgressFirewallRules", egressRules, [
  ["prefix length 33", { sourceAddresses: ["10.240.0.0/33"] }, '[test/subject] sourceAddresses[0]: got "10.240.0.0/33"; expected an IPv4 address or CIDR block such as 10.240.0.0/16.'],
  ["octet over 255", { sourceAddresses: ["300.1.1.1"] }, '[test/subject] sourceAddresses[0]: got "300.1.1.1"; expected an IPv4 address or CIDR block such as 10.240.0.0/16.'],
  ["host address with a prefix", { sourceAddresses: ["10.240.1.0/16"] }, '[test/subject] sourceAddresses[0]: got "10.240.1.0/16"; expected the network address of the block, 10.240.0.0/16.'],
  ["empty source list", { sourceAddresses: [] }, "[test/subject] sourceAddresses: got []; expected at least one source address."],
  ["same source twice", { sourceAddresses: ["10.0.0.0/8", "10.0.0.0/8"] }, '[test/subject] sourceAddresses[1]: got "10.0.0.0/8"; expected each source address once. It is also sourceAddresses[0].'],
  ["priority 99", { priority: 99 }, "[test/subject] priority: got 99; expected a whole number from 100 to 65000."],
  ["priority 65001", { priority: 65001 }, "[test/subject] priority: got 65001; expected a whole number from 100 to 65000."],
  [
    "firewall ID instead of firewall policy ID",
    { firewallPolicyId: `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/azureFirewalls/fw-hub` },
    /^\[test\/subject\] firewallPolicyId: got ".*"; expected an Azure Firewall policy resource ID .*The value is a Microsoft\.Network\/azureFirewalls ID\./,
  ],
  ["cloud outside the enum", { cloud: "mars" as AzureCloud }, '[test/subject] cloud: got "mars"; expected one of public, usgovernment, china (AzureCloud).'],
  ["component outside the enum", { components: ["dns" as EgressComponent] }, '[test/subject] components[0]: got "dns"; expected one of sensor, sensor-defender-endpoint, cluster-extensions, azure-policy, arc-agents, arc-cluster-connect (EgressComponent).'],
  [
    "component without endpoints in the cloud",
    { cloud: AzureCloud.CHINA, components: [EgressComponent.SENSOR_DEFENDER_ENDPOINT] },
    '[test/subject] components: got ["sensor-defender-endpoint"] for cloud "china"; expected components with documented endpoints in that cloud.',
  ],
  [
    "regional component without regions",
    { components: [EgressComponent.CLUSTER_EXTENSIONS] },
    "[test/subject] regions: got []; expected at least one Azure region of the clusters. These hosts depend on the region: <region>.dp.kubernetesconfiguration.azure.com.",
  ],
  // The message shows the normalized region, not the "West Europe" that was given.
  [
    "same region twice, once as display name",
    { components: [EgressComponent.CLUSTER_EXTENSIONS], regions: ["westeurope", "West Europe"] },
    '[test/subject] regions[1]: got "westeurope"; expected each region once. It is also regions[0].',
  ],
  ["rule collection group name with a space", { name: "egress rules" }, '[test/subject] name: got "egress rules"; expected 1-80 letters, digits, periods, hyphens or underscores, starting with a letter or digit and ending with a letter, digit or underscore.'],
]);

// ───────────────────────────── lib/patterns ─────────────────────────────
// Errors of inner constructs name the inner construct's path (test/subject/<inner>).

const aksPattern = (stack: TerraformStack, props: Partial<AksDefenderForContainersProps>) =>
  new AksDefenderForContainers(stack, "subject", { location: "westeurope", workspaceResourceGroupName: "rg-sec", clusters: [testCluster(stack)], ...props });
const arcPattern = (stack: TerraformStack, props: Partial<ArcDefenderForContainersProps>) =>
  new ArcDefenderForContainers(stack, "subject", { location: "westeurope", workspaceResourceGroupName: "rg-sec", ...props });
const NO_WORKSPACE =
  "workspaceResourceGroupName: got undefined; expected the resource group of the workspace to create, or workspaceResourceId of an existing workspace.";

const PATTERN_CASES: BadInputCase[] = [
  ...casesOf("AksDefenderForContainers", aksPattern, [
    ["neither a workspace group nor a workspace ID", { workspaceResourceGroupName: undefined }, `[test/subject] ${NO_WORKSPACE}`],
    ["subscription name as policy scope", { policyScopeId: "my-subscription" }, `[test/subject/workspace-assignment] scopeId: got "my-subscription"; expected ${POLICY_SCOPE_FORM}.`],
    ["location with a typo", { location: "westeurop" }, /^\[test\/subject\/workspace\] location: got "westeurop"; expected an Azure region name/],
    [
      "Free tier plan options with an extension on",
      { planOptions: { tier: PlanTier.FREE, sensor: true } },
      '[test/subject/plan] sensor: got true with tier "Free"; expected tier "Standard" — the service rejects extensions on the Free tier.',
    ],
    ["agentless discovery bindings without any cluster", { clusters: [], agentlessDiscoveryBindings: true }, "[test/subject] agentlessDiscoveryClusterIds: got undefined; expected at least one AKS cluster ID (or clusters of this app) when agentlessDiscoveryBindings is true."],
    ["workspace name as existing workspace ID", { workspaceResourceId: "law-sec" }, `[test/subject/sensor-0] workspaceResourceId: got "law-sec"; expected ${WORKSPACE_FORM}.`],
  ]),
  ...casesOf("ArcDefenderForContainers", arcPattern, [
    ["neither a workspace group nor a workspace ID", { workspaceResourceGroupName: undefined }, `[test/subject] ${NO_WORKSPACE}`],
    ["same cluster twice", { clusterIds: [arcId("a"), arcId("a")] }, `[test/subject/sensor] clusterIds[1]: got "${arcId("a")}"; expected each connected cluster once. It is also clusterIds[0].`],
    [
      "existing workspace with its key but not its ID",
      { workspaceResourceId: WORKSPACE, workspaceKey: SECRET_REF, clusterIds: [arcId("a")] },
      "[test/subject/sensor] workspaceId: got undefined while workspaceKey is set; expected both or neither (the sensor needs the ID and key together).",
    ],
    ["relative audit log path", { clusterIds: [arcId("a")], auditLogPath: "audit.log" }, '[test/subject/sensor] auditLogPath: got "audit.log"; expected an absolute file path such as /var/log/kube-apiserver/audit.log.'],
    [
      "name prefix too long for a management group",
      { policyScopeId: MG_ID, namePrefix: "platform-team" },
      /^\[test\/subject\/workspace-assignment\] namePrefix: got "platform-team", which makes the assignment name ".*" \d+ characters long; expected names of at most 24 characters at managementGroup scope\.$/,
    ],
    ["retention of 10 days in workspace options", { workspaceOptions: { retentionInDays: 10 } }, "[test/subject/workspace] retentionInDays: got 10; expected a whole number from 30 to 730."],
  ]),
];

// ───────────────────────────── lib/estate ─────────────────────────────
// parseEstateDescription: each case changes one thing in a valid estate file; the message is
// "<file>: <path>: got <value>; expected <form>.".

/** Estate cases: the text is a change to the valid estate (test/estate/fixtures.ts), or raw text. */
function estateCases(rows: readonly [input: string, text: string | ((estate: any) => void), message: string | RegExp][]): BadInputCase[] {
  return rows.map(([input, text, message]) => ({
    construct: "parseEstateDescription",
    input,
    message,
    build: () => {
      if (typeof text === "string") return parseEstateDescription(text, "estate.yaml");
      const estate = parse(VALID_ESTATE);
      text(estate);
      return parseEstateDescription(stringify(estate), "estate.yaml");
    },
  }));
}
const AKS_IN_ARC_LIST = "/subscriptions/aaaaaaaa-0000-0000-0000-000000000002/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1";

const ESTATE_CASES = estateCases([
  ["tenant that is a domain", (e) => (e.defaults.tenantId = "contoso"), `estate.yaml: defaults.tenantId: got "contoso"; expected ${GUID_FORM}.`],
  // The expected form of a missing value is zod's type name ("a string"), not the GUID form.
  ["missing tenant", (e) => delete e.defaults.tenantId, "estate.yaml: defaults.tenantId: got nothing; expected a GUID of the form 00000000-0000-0000-0000-000000000000."],
  ["backend type outside the list", (e) => (e.defaults.backend = { type: "consul" }), 'estate.yaml: defaults.backend.type: got "consul"; expected one of "local", "cloud", "azurerm", "s3", "gcs".'],
  ["misspelled backend key", (e) => (e.defaults.backend.storageAcountName = "x"), 'estate.yaml: defaults.backend.storageAcountName: got "x"; expected no key "storageAcountName" here (check the spelling).'],
  [
    "storage account name with capitals and a hyphen",
    (e) => (e.defaults.backend.storageAccountName = "St-State"),
    'estate.yaml: defaults.backend.storageAccountName: got "St-State"; expected a storage account name of 3-24 lowercase letters or digits.',
  ],
  [
    "same subscription ID twice",
    (e) => (e.azure.subscriptions[1].subscriptionId = e.azure.subscriptions[0].subscriptionId),
    'estate.yaml: azure.subscriptions[1].subscriptionId: got "aaaaaaaa-0000-0000-0000-000000000001"; expected each subscriptionId once (it is also at azure.subscriptions[0]).',
  ],
  ["AKS cluster ID in the Arc cluster list", (e) => (e.azure.subscriptions[1].arcClusters[0] = AKS_IN_ARC_LIST), `estate.yaml: azure.subscriptions[1].arcClusters[0]: got "${AKS_IN_ARC_LIST}"; expected ${ARC_FORM}.`],
  ["workspace retention of 10 days", (e) => (e.azure.subscriptions[0].workspace.retentionInDays = 10), "estate.yaml: azure.subscriptions[0].workspace.retentionInDays: got 10; expected a whole number from 30 to 730."],
  ["empty EKS cluster list", (e) => (e.aws.accounts[0].clusters = []), "estate.yaml: aws.accounts[0].clusters: got []; expected at least one EKS cluster."],
  [
    "connector in an unknown subscription",
    (e) => (e.aws.accounts[0].connector.subscription = "shared"),
    'estate.yaml: aws.accounts[0].connector.subscription: got "shared"; expected the name of an entry of azure.subscriptions (security, prod).',
  ],
  [
    "Azure region as GKE location",
    (e) => (e.gcp.projects[0].clusters[0].location = "westeurope"),
    'estate.yaml: gcp.projects[0].clusters[0].location: got "westeurope"; expected a GCP region or zone such as europe-west1 or europe-west1-b.',
  ],
  ["YAML syntax error", "defaults:\n  tenantId: [1,\n", /^estate\.yaml: defaults\.tenantId: got nothing; expected valid YAML or JSON \(line \d+, column \d+: /],
  ["duplicate key", "defaults: {}\ndefaults: {}\n", 'estate.yaml: defaults: got "defaults"; expected each key once in a map (line 2, column 1: the key "defaults" is repeated).'],
  [
    "alias bomb (billion laughs)",
    ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n"),
    /^estate\.yaml: got nothing; expected a document without excessive aliases \(at most 100 alias expansions: /,
  ],
]);

/** The matrix. Constructs from each area append their cases here. */

// Issue 16: the runtime type layer (callers without TypeScript, values from YAML) and one state, one owner.
const JSON_FORM = "plain JSON-like data (strings, finite numbers, booleans, null, lists and maps; no constructs, functions or cycles)";
const HARDENING_CASES: BadInputCase[] = [
  ...casesOf("DefenderForContainersPlan", (stack, props: any) => new DefenderForContainersPlan(stack, "subject", props), [
    ["boolean given as the string \"false\"", { sensor: "false" }, '[test/subject] sensor: got "false"; expected true or false.'],
    ["enum value in the wrong case", { tier: "standard" }, '[test/subject] tier: got "standard"; expected one of Standard, Free (PlanTier). Did you mean "Standard"?'],
    ["null for an optional prop", { antiMalware: null }, "[test/subject] antiMalware: got null; expected true or false."],
    ["props that are a string", "Standard" as any, '[test/subject] props: got "Standard"; expected an object of DefenderForContainersPlanProps.'],
  ]),
  ...casesOf("DefenderWorkspace", (stack, props: any) => new DefenderWorkspace(stack, "subject", { resourceGroupName: "rg", location: "eastus", ...props }), [
    ["Infinity as the daily quota (JSON writes null)", { dailyQuotaGb: Infinity }, "[test/subject] dailyQuotaGb: got Infinity; expected a finite number."],
    ["resource group name with a zero-width space", { resourceGroupName: "rg\u200b" }, /^\[test\/subject\] resourceGroupName: got "rg\\u200b"; expected a resource group name of 1-90 letters, digits \(any script\)/],
    ["resource group name with a bidirectional override", { resourceGroupName: "rg\u202eces" }, /^\[test\/subject\] resourceGroupName: got "rg\\u202eces"; expected a resource group name/],
  ]),
  ...casesOf("SecurityContact", (stack, props: any) => new SecurityContact(stack, "subject", props), [
    ["null in the e-mail list", { emails: ["secops@contoso.com", null] }, "[test/subject] emails[1]: got null; expected a string."],
    // eslint-disable-next-line no-sparse-arrays
    ["hole in the e-mail list", { emails: ["secops@contoso.com", , "soc@contoso.com"] }, "[test/subject] emails[1]: got an empty slot (a sparse list); expected a string."],
    ["e-mail list that is a string", { emails: "secops@contoso.com" }, '[test/subject] emails: got "secops@contoso.com"; expected a list of strings.'],
  ]),
  ...casesOf("HelmDefenderSensor", (stack, props: any) => helmSensor(stack, props), [
    ["construct inside the chart values", (stack) => ({ values: { global: { owner: stack } } }), `[test/subject] values["global"]["owner"]: got construct TerraformStack at test; expected ${JSON_FORM}. Got a construct of class TerraformStack.`],
    ["NaN inside the chart values", { values: { replicas: NaN } }, `[test/subject] values["replicas"]: got NaN; expected ${JSON_FORM}. JSON has no NaN or Infinity.`],
  ]),
  ...casesOf("AksDefenderSensor", (stack, props: any) => new AksDefenderSensor(stack, "subject", props), [
    ["missing cluster (JavaScript caller)", { workspaceResourceId: WORKSPACE }, "[test/subject] cluster: got undefined; expected a KubernetesCluster. It is required."],
    ["cluster that is a plain object", { cluster: { name: "aks1" }, workspaceResourceId: WORKSPACE }, '[test/subject] cluster: got {"name":"aks1"}; expected a KubernetesCluster.'],
  ]),
  {
    construct: "DefenderForContainersPlan",
    input: "the plan of one subscription in two stacks",
    build: (stack) => {
      const other = new TerraformStack(stack.node.scope as Construct, "other");
      new AzurermProvider(other, "azurerm", { features: [{}] });
      new DefenderForContainersPlan(other, "plan", { subscriptionId: SUB });
      new DefenderForContainersPlan(stack, "subject", { subscriptionId: SUB });
    },
    message: `[test/subject/pricing] the Defender Containers plan of subscription ${SUB}: got a second owner; expected one owner per app. other/plan/pricing (in stack other) has it too: two owners would overwrite each other's changes on every apply.`,
  },
  {
    construct: "ArcDefenderSensor",
    input: "one Arc cluster under two constructs",
    build: (stack) => {
      new ArcDefenderSensor(stack, "fleet", { clusterIds: [arcId("a"), arcId("b")], workspaceResourceId: WORKSPACE });
      new ArcDefenderSensor(stack, "subject", { clusterId: arcId("A"), workspaceResourceId: WORKSPACE });
    },
    message: /^\[test\/fleet\] the microsoft\.azuredefender\.kubernetes extension of Arc cluster \/subscriptions\/.*\/connectedClusters\/a: got a second owner; expected one owner per app\. test\/subject\/extension \(in the same stack\) has it too/,
  },
];

export const BAD_INPUT_CASES: BadInputCase[] = [
  // DefenderForContainersPlan
  ...(["sensor", "agentlessDiscovery", "registryVulnerabilityAssessment", "agentlessVmScanning", "integrityContribution"] as const).map(
    (prop): BadInputCase => ({
      construct: "DefenderForContainersPlan",
      input: `Free tier with ${prop} on`,
      build: (stack) => new DefenderForContainersPlan(stack, "subject", { tier: PlanTier.FREE, [prop]: true }),
      message: `[test/subject] ${prop}: got true with tier "Free"; expected tier "Standard" — the service rejects extensions on the Free tier.`,
    }),
  ),
  {
    construct: "DefenderForContainersPlan",
    input: "Free tier with exclusion tags",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { tier: PlanTier.FREE, vmScanningExclusionTags: [{ key: "a", value: "b" }] }),
    message: '[test/subject] vmScanningExclusionTags: got [{"key":"a","value":"b"}] with tier "Free"; expected no tags on the Free tier.',
  },
  {
    construct: "DefenderForContainersPlan",
    input: "subscription ID that is a name",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { subscriptionId: "prod" }),
    message: `[test/subject] subscriptionId: got "prod"; expected ${GUID_FORM}.`,
  },
  {
    construct: "DefenderForContainersPlan",
    input: "subscription ID with braces",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { subscriptionId: `{${SUB}}` }),
    message: `[test/subject] subscriptionId: got "{${SUB}}"; expected ${GUID_FORM}.`,
  },
  {
    construct: "DefenderForContainersPlan",
    input: "importExisting without subscriptionId",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { importExisting: true }),
    message: /^\[test\/subject\] importExisting: got true without subscriptionId; expected subscriptionId to be set/,
  },
  {
    construct: "DefenderForContainersPlan",
    input: "exclusion tag name with a slash",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { vmScanningExclusionTags: [{ key: "a/b", value: "x" }] }),
    message: /^\[test\/subject\] vmScanningExclusionTags\[0\]\.key: got "a\/b"; expected an Azure tag name/,
  },
  {
    construct: "DefenderForContainersPlan",
    input: "empty exclusion tag name",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { vmScanningExclusionTags: [{ key: "", value: "x" }] }),
    message: /^\[test\/subject\] vmScanningExclusionTags\[0\]\.key: got ""; expected an Azure tag name/,
  },
  // DefenderWorkspace
  ...[29, 731, 45.5].map(
    (retentionInDays): BadInputCase => ({
      construct: "DefenderWorkspace",
      input: `retention of ${retentionInDays} days`,
      build: (stack) => new DefenderWorkspace(stack, "subject", { resourceGroupName: "rg", location: "eastus", retentionInDays }),
      message: `[test/subject] retentionInDays: got ${retentionInDays}; expected a whole number from 30 to 730.`,
    }),
  ),
  ...["ab", "-law", "law_1", "a".repeat(64)].map(
    (name): BadInputCase => ({
      construct: "DefenderWorkspace",
      input: `name ${name.length > 10 ? `of ${name.length} characters` : JSON.stringify(name)}`,
      build: (stack) => new DefenderWorkspace(stack, "subject", { resourceGroupName: "rg", location: "eastus", name }),
      message: `[test/subject] name: got ${JSON.stringify(name)}; expected 4-63 letters, digits or hyphens, starting and ending with a letter or digit.`,
    }),
  ),
  ...["", "rg.", "a".repeat(91), "rg/security"].map(
    (resourceGroupName): BadInputCase => ({
      construct: "DefenderWorkspace",
      input: `resource group name ${resourceGroupName.length > 10 ? `of ${resourceGroupName.length} characters` : JSON.stringify(resourceGroupName)}`,
      build: (stack) => new DefenderWorkspace(stack, "subject", { resourceGroupName, location: "eastus" }),
      message: `[test/subject] resourceGroupName: got ${JSON.stringify(resourceGroupName)}; expected a resource group name of 1-90 letters, digits (any script), underscores, hyphens, periods or parentheses, not ending with a period.`,
    }),
  ),
  {
    construct: "DefenderWorkspace",
    input: "location with a typo",
    build: (stack) => new DefenderWorkspace(stack, "subject", { resourceGroupName: "rg", location: "westeurop" }),
    message: /^\[test\/subject\] location: got "westeurop"; expected an Azure region name .* Did you mean "westeurope"\?/,
  },
  {
    construct: "DefenderWorkspace",
    input: "AWS region as location",
    build: (stack) => new DefenderWorkspace(stack, "subject", { resourceGroupName: "rg", location: "us-east-1" }),
    message: /^\[test\/subject\] location: got "us-east-1"; expected an Azure region name/,
  },
  {
    construct: "DefenderWorkspace",
    input: "daily quota of 0 GB",
    build: (stack) => new DefenderWorkspace(stack, "subject", { resourceGroupName: "rg", location: "eastus", dailyQuotaGb: 0 }),
    message: /^\[test\/subject\] dailyQuotaGb: got 0; expected a whole number from 1/,
  },
  {
    construct: "DefenderWorkspace.defaultWorkspaceName",
    input: "region without a Defender location code",
    build: () => DefenderWorkspace.defaultWorkspaceName(SUB, "austriaeast"),
    message: /^DefenderWorkspace\.defaultWorkspaceName: region: got "austriaeast"; expected one of the regions/,
  },
  {
    construct: "DefenderWorkspace.defaultWorkspaceName",
    input: "subscription that is not a GUID",
    build: () => DefenderWorkspace.defaultWorkspaceName("prod", "eastus"),
    message: `DefenderWorkspace.defaultWorkspaceName: subscriptionId: got "prod"; expected ${GUID_FORM}.`,
  },
  // AksSecurityGating
  {
    construct: "AksSecurityGating",
    input: "cluster without the OIDC issuer",
    build: (stack) => new AksSecurityGating(stack, "subject", { cluster: testCluster(stack, "cluster", { workloadIdentityEnabled: true }), registries: [{ registryId: ACR_ID }] }),
    message: /^\[test\/subject\] cluster: got test\/cluster with oidcIssuerEnabled "unset"; expected oidcIssuerEnabled: true/,
  },
  {
    construct: "AksSecurityGating",
    input: "cluster on Kubernetes 1.30",
    build: (stack) =>
      new AksSecurityGating(stack, "subject", {
        cluster: testCluster(stack, "cluster", { oidcIssuerEnabled: true, workloadIdentityEnabled: true, kubernetesVersion: "1.30" }),
        registries: [{ registryId: ACR_ID }],
      }),
    message: /^\[test\/subject\] cluster: got test\/cluster with kubernetesVersion "1\.30"; expected 1\.31 or later/,
  },
  {
    construct: "AksSecurityGating",
    input: "AKS cluster ID as registry",
    build: (stack) => new AksSecurityGating(stack, "subject", { cluster: testCluster(stack, "cluster", { oidcIssuerEnabled: true, workloadIdentityEnabled: true }), registries: [{ registryId: AKS_ID }] }),
    message: /^\[test\/subject\] registries\[0\]\.registryId: got ".*managedClusters\/aks1"; expected an Azure Container Registry resource ID/,
  },
  // AksDefenderSensor
  {
    construct: "AksDefenderSensor",
    input: "workspace name instead of ID",
    build: (stack) => new AksDefenderSensor(stack, "subject", { cluster: testCluster(stack), workspaceResourceId: "law-sec" }),
    message: /^\[test\/subject\] workspaceResourceId: got "law-sec"; expected a Log Analytics workspace resource ID/,
  },
  {
    construct: "AksDefenderSensor",
    input: "AKS cluster ID as workspace",
    build: (stack) => new AksDefenderSensor(stack, "subject", { cluster: testCluster(stack), workspaceResourceId: AKS_ID }),
    message: /The value is a Microsoft\.ContainerService\/managedClusters ID\.$/,
  },
  {
    construct: "AksDefenderSensor",
    input: "workspace ID with a bad subscription GUID",
    build: (stack) => new AksDefenderSensor(stack, "subject", { cluster: testCluster(stack), workspaceResourceId: WORKSPACE.replace(SUB, "1234") }),
    message: /^\[test\/subject\] workspaceResourceId: got "\/subscriptions\/1234\//,
  },
  {
    construct: "AksDefenderSensor",
    input: "workspace ID with a child segment",
    build: (stack) => new AksDefenderSensor(stack, "subject", { cluster: testCluster(stack), workspaceResourceId: `${WORKSPACE}/tables/x` }),
    message: /^\[test\/subject\] workspaceResourceId: got ".*\/tables\/x"; expected a Log Analytics workspace resource ID/,
  },
  {
    construct: "AksDefenderSensor",
    input: "same cluster twice",
    build: (stack) => {
      const cluster = testCluster(stack);
      new AksDefenderSensor(stack, "first", { cluster, workspaceResourceId: WORKSPACE });
      new AksDefenderSensor(stack, "subject", { cluster, workspaceResourceId: WORKSPACE });
    },
    message: /^\[test\/subject\] cluster: got test\/cluster, which already has a microsoft_defender block/,
  },
  // GkeDefenderForContainers
  ...(
    [
      ["project ID with capitals", { projectId: "Prod_GKE" }, '[test/subject] projectId: got "Prod_GKE"; expected a GCP project ID of 6-30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen.'],
      ["project number that is the project ID", { projectNumber: "prod-gke" }, '[test/subject] projectNumber: got "prod-gke"; expected a GCP project number (6-20 digits) such as 123456789012.'],
      ["tenant that is a domain", { azureTenantId: "contoso.onmicrosoft.com" }, `[test/subject] azureTenantId: got "contoso.onmicrosoft.com"; expected ${GUID_FORM}.`],
      ["no clusters while the sensor is on", { clusters: undefined }, /^\[test\/subject\] clusters: got \[\]; expected at least one GkeDefenderCluster .*set sensor: false/],
      ["sensor auto-provisioning next to the Helm sensor", { connectorOptions: { sensorAutoProvisioning: true } }, /^\[test\/subject\] connectorOptions\.sensorAutoProvisioning: got true; expected false while sensor is on\./],
      ["exempted member without a type prefix", { dataAccessAuditLogs: true, dataAccessAuditLogExemptedMembers: ["ci@example.com"] }, /^\[test\/subject\] dataAccessAuditLogExemptedMembers\[0\]: got "ci@example.com"; expected an IAM member/],
      [
        "same cluster twice",
        { clusters: [GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b" }), GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b" })] },
        '[test/subject] clusters[1]: got "europe-west1-b/legacy-gke"; expected each GKE cluster once. It is also clusters[0].',
      ],
      [
        "two clusters of one name in different locations, no key",
        { clusters: [GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b" }), GkeCluster.fromName({ name: "legacy-gke", location: "us-central1" })] },
        /^\[test\/subject\] clusters\[1\]: got key "legacy-gke", which is also the key of clusters\[0\]; expected every cluster to have its own key\./,
      ],
      ["cluster location that is an Azure region", { clusters: [GkeCluster.fromName({ name: "legacy-gke", location: "westeurope" })] }, /^\[test\/subject\] clusters\[0\]\.location: got "westeurope"; expected a GCP region or zone/],
    ] as [string, Partial<GkeDefenderForContainersProps>, string | RegExp][]
  ).map(
    ([input, props, message]): BadInputCase => ({
      construct: "GkeDefenderForContainers",
      input,
      build: (stack) =>
        new GkeDefenderForContainers(stack, "subject", {
          projectId: "prod-gke",
          projectNumber: "123456789012",
          azureTenantId: "8efa1c55-953c-42df-a19d-d4599e4c64d4",
          connectorResourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-security`,
          connectorLocation: "westeurope",
          clusters: [GkeCluster.fromName({ name: "prod-gke", location: "europe-west1" })],
          ...props,
        }),
      message,
    }),
  ),
  {
    construct: "GkeDefenderForContainers",
    input: "app cluster of another project",
    build: (stack) => {
      const cluster = new ContainerCluster(stack, "cluster", { name: "prod-gke", project: "other-project", initialNodeCount: 1 });
      new GkeDefenderForContainers(stack, "subject", {
        projectId: "prod-gke",
        projectNumber: "123456789012",
        azureTenantId: "8efa1c55-953c-42df-a19d-d4599e4c64d4",
        connectorResourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-security`,
        connectorLocation: "westeurope",
        clusters: [GkeCluster.fromContainerCluster(cluster)],
      });
    },
    message: '[test/subject] clusters[0].project: got "other-project"; expected "prod-gke", the pattern\'s projectId. One pattern covers one project: give each project its own pattern.',
  },
  // EksDefenderForContainers
  ...(
    [
      ["account ID of 5 digits", { accountId: "12345" }, '[test/subject] accountId: got "12345"; expected a 12-digit AWS account ID such as 123456789012.'],
      ["Azure tenant that is a name", { azureTenantId: "contoso" }, `[test/subject] azureTenantId: got "contoso"; expected ${GUID_FORM}.`],
      ["no clusters", { clusters: [] }, "[test/subject] clusters: got []; expected at least one EKS cluster."],
      [
        "the same cluster twice",
        { clusters: [EksDefenderCluster.fromName("prod"), EksDefenderCluster.fromName("prod")] },
        '[test/subject] clusters[1]: got "prod"; expected each EKS cluster once. It is also clusters[0].',
      ],
      [
        "cluster outside the scanned regions",
        { regions: ["us-east-1"] },
        '[test/subject] clusters[0].region: got "eu-west-1"; expected one of regions (us-east-1). Defender scans, and the roles allow, only those regions: add it to regions.',
      ],
      [
        "OIDC provider of another account",
        { oidcProviderArn: `arn:aws:iam::210987654321:oidc-provider/sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/` },
        '[test/subject] oidcProviderArn: got "arn:aws:iam::210987654321:oidc-provider/sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/"; expected an OIDC provider of account 123456789012. Roles can only trust an identity provider of their own account.',
      ],
      [
        "every capability off",
        { auditLogs: false, agentlessDiscovery: false, imageAssessment: false },
        /^\[test\/subject\] auditLogs, agentlessDiscovery, imageAssessment: got false for all three; expected at least one capability on/,
      ],
      [
        "Arc auto-provisioning next to Helm sensors",
        { connectorOptions: { sensorAutoProvisioning: true } },
        /^\[test\/subject\] connectorOptions\.sensorAutoProvisioning: got true; expected false while sensor is on\./,
      ],
    ] as [string, Partial<EksDefenderForContainersProps>, string | RegExp][]
  ).map(
    ([input, props, message]): BadInputCase => ({
      construct: "EksDefenderForContainers",
      input,
      build: (stack) =>
        new EksDefenderForContainers(stack, "subject", {
          accountId: "123456789012",
          azureTenantId: "aaaaaaaa-1111-2222-3333-444444444444",
          region: "eu-west-1",
          resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-security`,
          location: "westeurope",
          clusters: [EksDefenderCluster.fromName("prod")],
          ...props,
        }),
      message,
    }),
  ),
  {
    construct: "EksDefenderForContainers",
    input: "app cluster in CONFIG_MAP mode with access entries",
    build: (stack) => {
      const cluster = new EksCluster(stack, "cluster", {
        name: "prod",
        roleArn: "arn:aws:iam::123456789012:role/eks",
        vpcConfig: { subnetIds: ["subnet-1"] },
        accessConfig: { authenticationMode: "CONFIG_MAP" },
      });
      new EksDefenderForContainers(stack, "subject", {
        accountId: "123456789012",
        azureTenantId: "aaaaaaaa-1111-2222-3333-444444444444",
        region: "eu-west-1",
        resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-security`,
        location: "westeurope",
        clusters: [EksDefenderCluster.fromCluster(cluster)],
      });
    },
    message: /^\[test\/subject\] clusters\[0\]\.cluster\.accessConfig\.authenticationMode: got "CONFIG_MAP"; expected one of API, API_AND_CONFIG_MAP/,
  },
  // Every other public construct, by area (blocks defined above).
  ...OIDC_PROVIDER_CASES,
  ...AWS_ROLES_CASES,
  ...EKS_ACCESS_CASES,
  ...AWS_AUTH_CASES,
  ...HELM_SENSOR_CASES,
  ...WORKLOAD_IDENTITY_CASES,
  ...GCP_ACCOUNTS_CASES,
  ...AKS_POLICY_ADDON_CASES,
  ...AWS_CONNECTOR_CASES,
  ...GCP_CONNECTOR_CASES,
  ...DOCKER_HUB_CONNECTOR_CASES,
  ...JFROG_CONNECTOR_CASES,
  ...WORKSPACE_ASSIGNMENT_CASES,
  ...POLICY_ADDON_ASSIGNMENT_CASES,
  ...DINE_ASSIGNMENT_CASES,
  ...ARC_SENSOR_CASES,
  ...ARC_POLICY_CASES,
  ...AKS_DISCOVERY_CASES,
  ...PRIVATE_LINK_CASES,
  ...SECURITY_CONTACT_CASES,
  ...ALERT_EXPORT_CASES,
  ...SUPPRESSION_RULE_CASES,
  ...EXEMPTION_CASES,
  ...SENSOR_EXCLUSION_CASES,
  ...POD_SECURITY_CASES,
  ...EGRESS_CASES,
  ...PATTERN_CASES,
  ...ESTATE_CASES,
  ...HARDENING_CASES,
];
