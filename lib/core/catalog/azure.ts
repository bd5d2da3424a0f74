/**
 * Microsoft constants for Defender for Containers on Azure. Every GUID, extension type and
 * property name the Azure constructs emit is defined here and nowhere else.
 *
 * Sources:
 *  - "Policy-repo": Azure/azure-policy `built-in-policies/` @ f4a50bac (2026-04-29)
 *  - "azurerm docs": hashicorp/terraform-provider-azurerm v4.40.0 `website/docs/r/*`
 *  - "MS-Docs": MicrosoftDocs/azure-docs (built-in-roles, defender-for-cloud articles)
 *  - "Quickstart": Azure/terraform `quickstart/101-aks-defender-containers/main.tf` (PR #498)
 */

/** `resource_type` of the Defender for Containers plan in `azurerm_security_center_subscription_pricing`. */
export const CONTAINERS_PRICING_RESOURCE_TYPE = "Containers";

/** ARM ID of the Containers plan in a subscription (the import ID of the pricing resource; azurerm docs). */
export function containersPricingId(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Security/pricings/${CONTAINERS_PRICING_RESOURCE_TYPE}`;
}

/**
 * Extension names of the Containers plan. Source: Policy-repo `Security Center/
 * ASC_Azure_Defender_Containers_Full_Features_DINE.json` (efd4031d…, v1.5.0) and the REST example
 * "Update pricing on resource (example for Containers plan)", Microsoft.Security/pricings@2024-01-01.
 */
export const PlanExtension = {
  /** Defender sensor (runtime protection). Portal: "Defender sensor". */
  CONTAINER_SENSOR: "ContainerSensor",
  /** Agentless discovery for Kubernetes. Portal: "Kubernetes API access". */
  AGENTLESS_DISCOVERY: "AgentlessDiscoveryForKubernetes",
  /** Vulnerability assessment of registry images. Portal: "Registry access". */
  REGISTRY_VULNERABILITY_ASSESSMENT: "ContainerRegistriesVulnerabilityAssessments",
  /** Agentless machine scanning of nodes. */
  AGENTLESS_VM_SCANNING: "AgentlessVmScanning",
  /** Security findings shared with other Microsoft services. Portal: "Security findings". */
  INTEGRITY_CONTRIBUTION: "ContainerIntegrityContribution",
} as const;

/**
 * `additionalExtensionProperties` the service returns for each extension. The azurerm provider
 * copies them into state, so a configuration that omits them never converges (Quickstart pins
 * the same keys and passes an idempotency check; azurerm #26297).
 */
export const PlanExtensionProperty = {
  /** ContainerSensor: gate deployments on vulnerability findings ("True"/"False"; policy efd4031d parameter). */
  SECURITY_GATING: "SecurityGatingEnabled",
  /** ContainerSensor: anti-malware in the sensor (Quickstart; value "True"). */
  ANTI_MALWARE: "AntiMalwareEnabled",
  /**
   * ContainerSensor: auto-provision the sensor on clusters (Quickstart; value "True"). CONFLICT with a
   * 2025-11 GET showing "true"; decided for "True" (the Quickstart converges in its idempotency
   * check through 2026-09): see docs/facts-and-decisions.md.
   */
  AUTO_PROVISIONING: "AutoProvisioning",
  /** ContainerSensor: how the sensor is installed (Quickstart; value "AKSAddon"). */
  INSTALLATION_METHOD: "InstallationMethod",
  /** AgentlessVmScanning: JSON list of tags that exclude machines (azurerm docs example: "[]"). */
  EXCLUSION_TAGS: "ExclusionTags",
} as const;

/** The installation method the service reports for the AKS-managed sensor (Quickstart). */
export const SENSOR_INSTALLATION_METHOD_AKS_ADDON = "AKSAddon";

/** ARM boolean strings used in `additionalExtensionProperties`. */
export function armBoolean(value: boolean): "True" | "False" {
  return value ? "True" : "False";
}

/** A built-in Azure Policy definition (or initiative) with the roles its DINE deployment needs. */
export interface BuiltInPolicy {
  /** Definition name (GUID). */
  readonly name: string;
  readonly displayName: string;
  /** Version in the Policy-repo snapshot the IDs were read from. */
  readonly version: string;
  /** True for an initiative (policy set definition). */
  readonly isInitiative?: boolean;
  /** `roleDefinitionIds` of the current version's DINE deployment. */
  readonly roleDefinitionIds: readonly string[];
  /** `roleDefinitionIds` of older versions still assigned in many tenants, for reference. */
  readonly legacyRoleDefinitionIds?: readonly string[];
}

/** Built-in role definition names (GUIDs). Source: MS-Docs built-in-roles; Policy-repo roleDefinitionIds. */
export const BuiltInRole = {
  OWNER: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  CONTRIBUTOR: "b24988ac-6180-42a0-ab88-20f7382dd24c",
  SECURITY_ADMIN: "fb1c8493-542b-48eb-b624-b4c8fea62acd",
  LOG_ANALYTICS_CONTRIBUTOR: "92aaf0da-9dab-42b6-94a3-d43ce8d16293",
  KUBERNETES_EXTENSION_CONTRIBUTOR: "85cb6faf-e071-4c9b-8136-154b5a04f717",
  AKS_CONTRIBUTOR: "ed7f3fbd-7b88-4dd4-9017-9adb7ce333f8",
  AKS_POLICY_ADDON_DEPLOYMENT: "18ed5180-3e48-46fd-8541-4ea054d57064",
  /**
   * "Defender Containers Sensor", formerly "Kubernetes Agent Operator" (facts: CONFLICT resolved
   * as a rename; the GUID is what policies 64def556/708b60a6 v4.3/v7.3 reference).
   */
  DEFENDER_CONTAINERS_SENSOR: "5e93ba01-8f92-4c7a-b12a-801e3df23824",
  /** "Defender Kubernetes Agent Operator" (MS-Docs containers-permissions). */
  DEFENDER_KUBERNETES_AGENT_OPERATOR: "8bb6f106-b146-4ee6-a3f9-b9c5a96e0ae5",
  /** "Kubernetes Agentless Operator", now "Defender Kubernetes API Access" (MS-Docs built-in-roles/containers.md). */
  KUBERNETES_AGENTLESS_OPERATOR: "d5a2ae44-610b-4500-93be-660a0c5f5ca6",
  /** "AcrPull" (MS-Docs built-in-roles/containers.md): what the gating identity needs on each registry. */
  ACR_PULL: "7f951dda-4ed3-4680-a7ca-43fe172d538d",
} as const;

/** Built-in policies and initiatives Defender for Containers is governed with (Policy-repo). */
export const BuiltInPolicies = {
  /** Configure AKS clusters to enable Defender profile. Parameters: effect, logAnalyticsWorkspaceResourceId. */
  AKS_DEFENDER_PROFILE: {
    name: "64def556-fbad-4622-930e-72d1d5589bf5",
    displayName: "Configure Azure Kubernetes Service clusters to enable Defender profile",
    version: "4.3.0",
    roleDefinitionIds: [BuiltInRole.DEFENDER_CONTAINERS_SENSOR, BuiltInRole.DEFENDER_KUBERNETES_AGENT_OPERATOR],
    legacyRoleDefinitionIds: [BuiltInRole.CONTRIBUTOR, BuiltInRole.LOG_ANALYTICS_CONTRIBUTOR],
  },
  /** Configure Arc-enabled Kubernetes clusters to install the Defender extension. Parameters: effect, logAnalyticsWorkspaceResourceId, excludedDistributions. */
  ARC_DEFENDER_EXTENSION: {
    name: "708b60a6-d253-4fe0-9114-4be4c00f012c",
    displayName: "[Preview]: Configure Azure Arc enabled Kubernetes clusters to install Microsoft Defender for Cloud extension",
    version: "7.3.0-preview",
    roleDefinitionIds: [BuiltInRole.DEFENDER_CONTAINERS_SENSOR, BuiltInRole.DEFENDER_KUBERNETES_AGENT_OPERATOR],
    legacyRoleDefinitionIds: [BuiltInRole.CONTRIBUTOR, BuiltInRole.LOG_ANALYTICS_CONTRIBUTOR],
  },
  /** Deploy Azure Policy Add-on to Azure Kubernetes Service clusters. Parameter: effect. */
  AKS_POLICY_ADDON: {
    name: "a8eff44f-8c92-45c3-a3fb-9880802d67a7",
    displayName: "Deploy Azure Policy Add-on to Azure Kubernetes Service clusters",
    version: "4.2.0",
    roleDefinitionIds: [BuiltInRole.AKS_CONTRIBUTOR, BuiltInRole.AKS_POLICY_ADDON_DEPLOYMENT],
  },
  /** Configure Azure Arc enabled Kubernetes clusters to install the Azure Policy extension. Parameter: effect. */
  ARC_POLICY_EXTENSION: {
    name: "0adc5395-9169-4b9b-8687-af838d69410a",
    displayName: "Configure Azure Arc enabled Kubernetes clusters to install the Azure Policy extension",
    version: "1.1.0",
    roleDefinitionIds: [BuiltInRole.KUBERNETES_EXTENSION_CONTRIBUTOR],
  },
  /** Kubernetes cluster pod security baseline standards for Linux-based workloads (initiative). Default effect Audit. */
  POD_SECURITY_BASELINE: {
    name: "a8640138-9b0a-4a28-b8cb-1666c838647d",
    displayName: "Kubernetes cluster pod security baseline standards for Linux-based workloads",
    version: "1.4.0",
    isInitiative: true,
    roleDefinitionIds: [],
  },
} satisfies Record<string, BuiltInPolicy>;

/** Full resource ID of a built-in policy definition or initiative. */
export function builtInPolicyDefinitionId(policy: BuiltInPolicy): string {
  const kind = policy.isInitiative ? "policySetDefinitions" : "policyDefinitions";
  return `/providers/Microsoft.Authorization/${kind}/${policy.name}`;
}

/** Role definition ID of a built-in role, scoped to a subscription as `azurerm_role_assignment` returns it. */
export function builtInRoleDefinitionId(roleName: string, subscriptionId?: string): string {
  const prefix = subscriptionId ? `/subscriptions/${subscriptionId}` : "";
  return `${prefix}/providers/Microsoft.Authorization/roleDefinitions/${roleName}`;
}

/** Default `excludedDistributions` of policy 708b60a6 (clusters that get the sensor another way). */
export const ARC_DEFENDER_POLICY_DEFAULT_EXCLUDED_DISTRIBUTIONS: readonly string[] = ["aks", "aks_management", "eks", "gke"];

/** Arc cluster extensions (`azurerm_arc_kubernetes_cluster_extension`), as the DINE templates install them. */
export const ArcExtension = {
  /** Defender sensor (policy 708b60a6 template, api 2023-05-01). */
  DEFENDER: {
    name: "microsoft.azuredefender.kubernetes",
    extensionType: "microsoft.azuredefender.kubernetes",
    releaseNamespace: "mdc",
    releaseTrain: "Stable",
  },
  /** Azure Policy extension (policy 0adc5395 template, api 2021-09-01). */
  POLICY: {
    name: "azurepolicy",
    extensionType: "microsoft.policyinsights",
    releaseNamespace: "kube-system",
    releaseTrain: "Stable",
  },
} as const;

/** Configuration keys of the Defender Arc extension (policy 708b60a6 template; MDC-repo ARM example). */
export const ArcDefenderSetting = {
  WORKSPACE_RESOURCE_ID: "logAnalyticsWorkspaceResourceID",
  AUDIT_LOG_PATH: "auditLogPath",
  /** Protected: workspace ID (customer ID, a GUID). */
  WORKSPACE_ID: "omsagent.secret.wsid",
  /** Protected: workspace primary shared key. */
  WORKSPACE_KEY: "omsagent.secret.key",
} as const;

/**
 * Security gating (gated deployment) on AKS, cluster side: `securityProfile.defender.securityGating`
 * of `Microsoft.ContainerService/managedClusters`.
 *
 * - Identity, federated credential and prerequisites: MicrosoftDocs/defender-docs
 *   `articles/defender-for-cloud/gated-deployment-infrastructure-as-code.md` (2026-02-16): a
 *   user-assigned identity with AcrPull on every registry the cluster uses, a federated identity
 *   credential with the cluster's OIDC issuer, subject
 *   `system:serviceaccount:kube-system:defender-admission-controller-serviceaccount` and audience
 *   `api://AzureADTokenExchange`; the cluster needs the OIDC issuer and workload identity.
 * - Minimum AKS version 1.31: `enablement-guide-runtime-gated.md` ("AKS must be version 1.31 or higher").
 * - Body shape `{ enabled, identities: [{ azureContainerRegistry, identity: { resourceId, clientId,
 *   objectId } }], allowSecretAccess }`: Azure/azure-rest-api-specs
 *   `specification/containerservice/resource-manager/Microsoft.ContainerService/aks/preview/2025-10-02-preview/examples/ManagedClustersCreate_SecurityProfile.json`.
 *   azurerm 4.55 (`azurerm_kubernetes_cluster.microsoft_defender`) has only `log_analytics_workspace_id`.
 */
export const SecurityGating = {
  /** ARM type of the managed cluster, for `azapi_update_resource`. */
  MANAGED_CLUSTER_TYPE: "Microsoft.ContainerService/managedClusters",
  /** Newest api-version in azure-rest-api-specs whose managedClusters schema has `securityGating` (a preview). */
  API_VERSION: "2025-10-02-preview",
  /** Subject of the federated credential: the admission controller's service account. */
  SERVICE_ACCOUNT_SUBJECT: "system:serviceaccount:kube-system:defender-admission-controller-serviceaccount",
  /** Audience of the federated credential (the Entra token exchange). */
  AUDIENCE: "api://AzureADTokenExchange",
  /** Lowest AKS Kubernetes version (major.minor). */
  MIN_KUBERNETES_VERSION: "1.31",
} as const;

/** Default kube-apiserver audit log path the Arc sensor reads (MDC-repo ARM example). */
export const ARC_DEFAULT_AUDIT_LOG_PATH = "/var/log/kube-apiserver/audit.log";

/** AKS trusted access for agentless discovery (facts A5 and Resolutions §1). */
export const TrustedAccess = {
  /** Role Defender's operator needs on the cluster. */
  DEFENDER_OPERATOR_ROLE: "Microsoft.Security/pricings/microsoft-defender-operator",
  /**
   * Binding name. Microsoft documents `defender-cloudposture` for CSPM; for the Containers plan the
   * ClusterRole `aks:trustedaccessrole:defender-containers:microsoft-defender-operator` implies
   * `defender-containers` (inferred; configurable).
   */
  DEFAULT_BINDING_NAME: "defender-containers",
  /** Source resource (the Containers plan's security operator) for a subscription. */
  sourceResourceId(subscriptionId: string): string {
    return `${containersPricingId(subscriptionId)}/securityOperators/DefenderForContainersSecurityOperator`;
  },
} as const;

/** Log Analytics defaults for the sensor workspace. Source: azurerm docs `log_analytics_workspace`. */
export const LogAnalytics = {
  SKU: "PerGB2018",
  DEFAULT_RETENTION_DAYS: 30,
  /** PerGB2018 retention bounds (azurerm docs: 30–730 days; 7 only for the Free tier). */
  MIN_RETENTION_DAYS: 30,
  MAX_RETENTION_DAYS: 730,
} as const;

/** Default workspace naming used by policies 64def556/708b60a6 when no workspace is given. */
export const DefaultWorkspaceNaming = {
  resourceGroupName(locationCode: string): string {
    return `DefaultResourceGroup-${locationCode}`;
  },
  workspaceName(subscriptionId: string, locationCode: string): string {
    return `DefaultWorkspace-${subscriptionId}-${locationCode}`;
  },
} as const;
