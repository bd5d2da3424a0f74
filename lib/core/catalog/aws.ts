/**
 * What Defender for Containers needs in an AWS account: the OIDC provider trusting Defender's
 * tenant, the IAM roles the `DefenderForContainersAws` connector offering points at, their
 * permissions, and the EKS cluster access of the agentless-discovery role.
 *
 * Sources (facts sheet §B, "Resolutions §2"):
 * - MDC-repo (Azure/Microsoft-Defender-for-Cloud) `MultiCloud/AWS/AwsOnboarding.tf` + `variables.tf`
 *   @ 855ca5f6 (2024-03): "the template" below.
 * - MS-Docs containers-permissions (current role names) and defender-for-containers-network-access
 *   (agentless discovery actions, API-server CIDRs); remove-defender-for-containers-aws (resource names).
 * - MDC-repo `Onboarding/AWS/GrantAccessToEksClusters.py` (legacy aws-auth mapping).
 *
 * Defender's tenant, issuer and audiences are shared with GCP and live in ./multicloud.ts.
 */
import { DEFENDER_OIDC_ISSUER, DefenderAudience } from "./multicloud";

/**
 * TLS thumbprint of `sts.windows.net` in the template's `oidc_thumbprint_list`. IAM no longer
 * checks thumbprints for some well-known issuers, but the argument is still accepted and kept
 * for parity with Microsoft's template.
 */
export const DEFENDER_OIDC_THUMBPRINT = "626d44e704d1ceabe3bf0d53397464ac8080142c";

/**
 * The issuer as IAM names it: the URL without `https://`, trailing slash kept. It is the suffix of
 * the provider ARN (`arn:aws:iam::<acct>:oidc-provider/<this>`) and the prefix of its condition
 * keys (`<this>:aud`).
 */
export const DEFENDER_OIDC_PROVIDER_PATH = DEFENDER_OIDC_ISSUER.replace(/^https:\/\//, "");

/**
 * Client IDs (audiences) the Defender for Containers roles are assumed with. The template's
 * default `oidc_client_id_list` lacks the data-collection audience that its own data-collection
 * role trusts (facts §B); it is included here. IAM rejects a token whose `aud` is not listed.
 */
export const DEFENDER_CONTAINERS_AWS_CLIENT_IDS: readonly string[] = [
  DefenderAudience.CONTAINERS,
  DefenderAudience.CONTAINERS_DATA_COLLECTION_AWS,
];

/**
 * The template's default `oidc_client_id_list` (CSPM, Servers, Databases, data discovery,
 * Containers, VM scanner). An account has one provider per issuer URL, shared by every Defender
 * plan: pass these as additional client IDs when this library owns that shared provider.
 */
export const DEFENDER_AWS_ONBOARDING_TEMPLATE_CLIENT_IDS: readonly string[] = [
  "api://4d8bed1f-eee7-4d8e-b0dc-8462049a4479",
  "api://AzureSecurityCenter.MultiCloud.DefenderForServers",
  "api://AzureSecurityCenter.MultiCloud.DefenderForDatabases",
  "api://b2f86835-c959-461c-b08c-2cd5ca382af5",
  DefenderAudience.CONTAINERS,
  "api://AzureSecurityCenter.MultiCloud.DefenderForServers.VmScanner",
];

/** Defender's `sts:RoleSessionName`: `MicrosoftDefenderForClouds_<customer Azure tenant ID>` (template trust policies). */
export function defenderRoleSessionName(azureTenantId: string): string {
  return `MicrosoftDefenderForClouds_${azureTenantId}`;
}

/**
 * Default role names: the current names in MS-Docs containers-permissions (the 2024 template used
 * `DefenderForCloud-Containers-K8s`, `DefenderForCloud-DataCollection`, … instead).
 */
export const DefenderAwsRoleName = {
  KUBERNETES: "MDCContainersK8sRole",
  DATA_COLLECTION: "MDCContainersK8sDataCollectionRole",
  CLOUDWATCH_TO_KINESIS: "MDCContainersK8sCloudWatchToKinesisRole",
  /**
   * CONFLICT: the AWS remove doc spells `MDCContainersK8sKinesisToS3RoleName`. Decision: `…Role`,
   * like every sibling; the `Name` suffix reads as a leaked template variable name.
   */
  KINESIS_TO_S3: "MDCContainersK8sKinesisToS3Role",
  AGENTLESS_DISCOVERY: "MDCContainersAgentlessDiscoveryK8sRole",
  IMAGE_ASSESSMENT: "MDCContainersImageAssessmentRole",
} as const;

/** The agentless-discovery role's name must start with this (MS-Docs containers-permissions). */
export const AGENTLESS_DISCOVERY_ROLE_NAME_PREFIX = "MDC";

/**
 * Inline policy names: the names of the template's managed policies, so a reviewer can match
 * them with Microsoft's template.
 */
export const DefenderAwsPolicyName = {
  KUBERNETES: "SecurityCenterKubernetesPolicy",
  DATA_COLLECTION: "AzureDefenderKubernetesScubaReader",
  CLOUDWATCH_TO_KINESIS: "SecurityCenterCloudWatchToKinesis",
  KINESIS_TO_S3: "SecurityCenterKinesisToS3Policy",
  AGENTLESS_DISCOVERY: "MDCContainersAgentlessDiscoveryK8sPolicy",
} as const;

/**
 * Name patterns of the audit-log pipeline Defender creates per cluster: Firehose stream
 * `azuredefender-<cluster>`, S3 bucket and SQS queue `azuredefender-<region>-<acct>-<cluster>`;
 * `ms-defender-*` is the template's second pattern.
 */
export const DEFENDER_PIPELINE_NAME_PATTERNS: readonly string[] = ["azuredefender-*", "ms-defender-*"];

/**
 * Role-name patterns the template lets the Kubernetes role pass (`iam:PassRole`). They match the
 * 2024 template's role names (`DefenderForCloud-…`) and older ones, not the current `MDC…`
 * names (facts §B: UNCONFIRMED how the current CloudFormation scopes it).
 */
export const LEGACY_PASS_ROLE_NAME_PATTERNS: readonly string[] = ["azuredefender-*", "msdefender-*", "DefenderForCloud-*"];

/**
 * IAM actions per role, exactly as the template and MS-Docs list them. Wildcard actions appear
 * only where Microsoft grants them, always on the pipeline name patterns above.
 */
export const DefenderAwsActions = {
  /** Kubernetes role → CloudWatch log groups of the clusters (subscription filter to Firehose). */
  KUBERNETES_LOGS: ["logs:PutSubscriptionFilter", "logs:DescribeSubscriptionFilters", "logs:DescribeLogGroups", "logs:PutRetentionPolicy"],
  /** Kubernetes role and CloudWatch→Kinesis role → Defender's Firehose streams. Documented wildcard. */
  FIREHOSE_ALL: ["firehose:*"],
  /** Kubernetes role → the service roles it hands to CloudWatch Logs and Firehose. */
  PASS_ROLE: ["iam:PassRole"],
  /** Kubernetes role → EKS: enable `audit` logging (template). */
  KUBERNETES_EKS: ["eks:UpdateClusterConfig", "eks:DescribeCluster"],
  /** Kubernetes role and agentless-discovery role → EKS access entries (MS-Docs containers-permissions / network-access). */
  EKS_ACCESS_ENTRIES: ["eks:CreateAccessEntry", "eks:ListAccessEntries", "eks:AssociateAccessPolicy", "eks:ListAssociatedAccessPolicies"],
  /** Kubernetes role → Defender's SQS queues. Documented wildcard. */
  SQS_ALL: ["sqs:*"],
  /** Kubernetes role → Defender's S3 buckets. Documented wildcard. */
  S3_ALL: ["s3:*"],
  /** Data-collection role → read audit events from the queues… */
  DATA_COLLECTION_SQS: ["sqs:ReceiveMessage", "sqs:DeleteMessage"],
  /** …and from the buckets. */
  DATA_COLLECTION_S3: ["s3:GetObject", "s3:GetBucketLocation"],
  /** Kinesis→S3 role → write the buckets. */
  KINESIS_TO_S3: ["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"],
  /** Agentless-discovery role → EKS: allowlist Defender's CIDRs, switch authentication mode. */
  AGENTLESS_DISCOVERY_EKS: ["eks:UpdateClusterConfig", "eks:DescribeCluster"],
} as const;

/** AWS service principals trusted by the audit-log pipeline's service roles (template). */
export const DefenderAwsServicePrincipal = {
  /** CloudWatch Logs assumes the CloudWatch→Kinesis role to deliver subscription-filter data. */
  CLOUDWATCH_LOGS: "logs.amazonaws.com",
  /** Firehose assumes the Kinesis→S3 role (with `sts:ExternalId` = the account ID). */
  FIREHOSE: "firehose.amazonaws.com",
} as const;

/**
 * Legacy (pre-OIDC) trust of the data-collection role: a Microsoft-owned IAM user, with the
 * connector's `dataCollectionExternalId` as `sts:ExternalId` (template `scuba_reader_assume_role_policy`).
 */
export const LEGACY_DATA_COLLECTION_PRINCIPAL = "arn:aws:iam::197857026523:user/azuredefender-eks";

/** AWS managed policies of the image-assessment role (template `least_privilege_permissions`). */
export const ImageAssessmentManagedPolicy = {
  /** Default (template and MS-Docs). */
  POWER_USER: { ecr: "AmazonEC2ContainerRegistryPowerUser", "ecr-public": "AmazonElasticContainerRegistryPublicPowerUser" },
  /** The template's least-privilege variant. */
  READ_ONLY: { ecr: "AmazonEC2ContainerRegistryReadOnly", "ecr-public": "AmazonElasticContainerRegistryPublicReadOnly" },
} as const;

/** ARN of an AWS managed IAM policy. */
export function awsManagedPolicyArn(partition: string, policyName: string): string {
  return `arn:${partition}:iam::aws:policy/${policyName}`;
}

/**
 * EKS access for the agentless-discovery role (Resolutions §2). Microsoft does not publish the
 * access policy Defender itself associates; cluster admin is what the legacy `system:masters`
 * mapping granted. `AmazonEKSAdminViewPolicy` is a least-privilege option untested with Defender.
 */
export const EksDiscoveryAccess = {
  DEFAULT_ACCESS_POLICY: "AmazonEKSClusterAdminPolicy",
  ACCESS_ENTRY_TYPE: "STANDARD",
  ACCESS_SCOPE_TYPE: "cluster",
  /** Legacy aws-auth mapping group (MDC-repo GrantAccessToEksClusters.py: `eksctl create iamidentitymapping --group system:masters`). */
  LEGACY_GROUP: "system:masters",
} as const;

/** ARN of an EKS cluster access policy. */
export function eksClusterAccessPolicyArn(partition: string, policyName: string): string {
  return `arn:${partition}:eks::aws:cluster-access-policy/${policyName}`;
}

/** The aws-auth ConfigMap (EKS user guide "Grant IAM users access to Kubernetes with a ConfigMap"). */
export const AwsAuthConfigMap = {
  NAME: "aws-auth",
  NAMESPACE: "kube-system",
  /** The one key holding every IAM role mapping (node roles included). */
  MAP_ROLES_KEY: "mapRoles",
} as const;

/** EKS control-plane log type Defender reads (architecture.md: CloudWatch audit logs). */
export const EKS_AUDIT_LOG_TYPE = "audit";

/**
 * EKS authentication modes that accept access entries (EKS API reference, `CreateAccessConfigRequest`
 * `authenticationMode`: `API`, `API_AND_CONFIG_MAP`; `CONFIG_MAP` does not). Changes are one-way:
 * `CONFIG_MAP` → `API_AND_CONFIG_MAP` → `API`.
 */
export const EKS_ACCESS_ENTRY_AUTHENTICATION_MODES: readonly string[] = ["API", "API_AND_CONFIG_MAP"];

/**
 * The mode set on a cluster of the app that leaves it unset: the one Defender itself switches a
 * `CONFIG_MAP` cluster to with `eks:UpdateClusterConfig` ("required for access entry creation on
 * older clusters"; MS-Docs defender-for-containers-network-access, 2026-04-16). It keeps `aws-auth`
 * working for everything else on the cluster.
 */
export const EKS_DEFENDER_AUTHENTICATION_MODE = "API_AND_CONFIG_MAP";
