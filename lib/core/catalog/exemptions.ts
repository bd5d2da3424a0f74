/**
 * Azure Policy exemptions on Defender for Cloud's recommendations (the replacement of disable
 * rules): the initiative Defender's recommendations come from, the name of its default
 * assignment, and the `policyDefinitionReferenceId`s of the recommendations Defender for
 * Containers raises.
 *
 * Sources:
 *  - "MCSB": Azure/azure-policy `built-in-policies/policySetDefinitions/Security Center/
 *    AzureSecurityCenter.json` @ f4a50bac (2026-04-29): initiative 1f3afdf9-d0c9-4c3d-847f-89da613e70a8
 *    "Microsoft cloud security benchmark" v57.56.0, `policyDefinitions[].policyDefinitionReferenceId`.
 *  - "Exempt doc": MicrosoftDocs/defender-docs `defender-for-cloud/exempt-resource.md` (ms.date
 *    2026-06-02): exemptions rely on the MCSB initiative being assigned; categories "Mitigated"
 *    (resolved through a third-party service) and "Waiver" (risk accepted); an exemption made
 *    through the Azure Policy API covers one initiative assignment only.
 *  - "Transition doc": MicrosoftDocs/defender-docs `defender-for-cloud/transition-disable-rules-
 *    exemptions.md` (ms.date 2026-07-03): disable rules end with grouped recommendations on
 *    2026-07-31; CVE-level exemptions are `Microsoft.Security/standardAssignments`, not policy exemptions.
 */

/** The Microsoft cloud security benchmark initiative, Defender for Cloud's default (MCSB). */
export const MCSB_INITIATIVE = {
  name: "1f3afdf9-d0c9-4c3d-847f-89da613e70a8",
  displayName: "Microsoft cloud security benchmark",
  version: "57.56.0",
} as const;

/**
 * Name of the assignment of {@link MCSB_INITIATIVE} Defender for Cloud makes on every subscription it
 * protects: `/subscriptions/<id>/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn`
 * (the ID Defender reports in its policy events, and the one Microsoft's and community exemption
 * samples target).
 */
export const MCSB_DEFAULT_ASSIGNMENT_NAME = "SecurityCenterBuiltIn";

/** ARM ID of the default MCSB assignment of a subscription. */
export function mcsbDefaultAssignmentId(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policyAssignments/${MCSB_DEFAULT_ASSIGNMENT_NAME}`;
}

/** Why a recommendation does not apply: the `exemption_category` values (Exempt doc). */
export enum ExemptionCategory {
  /** "Risk accepted (waiver)": the exempted resources leave the secure score calculation. */
  WAIVER = "Waiver",
  /** "Resolved through third-party service (mitigated)": the exempted resources count as healthy. */
  MITIGATED = "Mitigated",
}

/**
 * `policyDefinitionReferenceId`s, in {@link MCSB_INITIATIVE}, of the recommendations Defender for
 * Containers and the Kubernetes workload protections raise (MCSB v57.56.0; policy definition in
 * the comment). Pass them as `DefenderRecommendationExemption.recommendations`.
 */
export const DefenderRecommendation = {
  /** "Microsoft Defender for Containers should be enabled" (1c988dd6…). */
  CONTAINERS_PLAN_ENABLED: "containersAdvancedThreatProtectionMonitoringEffect",
  /** "Azure Kubernetes Service clusters should have Defender profile enabled" (a1840de2…). */
  AKS_DEFENDER_PROFILE: "azureKubernetesServiceClustersShouldHaveSecurityProfileEnabled",
  /** "[Preview]: Azure Arc enabled Kubernetes clusters should have Microsoft Defender for Cloud extension installed" (8dfab9c4…). */
  ARC_DEFENDER_EXTENSION: "arcEnabledKubernetesClustersShouldHaveAzureDefendersExtensionInstalled",
  /** "Azure Arc enabled Kubernetes clusters should have the Azure Policy extension installed" (6b2122c1…). */
  ARC_POLICY_EXTENSION: "arcEnabledKubernetesClustersShouldHaveAzurePolicyExtensionInstalled",
  /** "Azure registry container images should have vulnerabilities resolved (powered by Microsoft Defender Vulnerability Management)" (090c7b07…). */
  REGISTRY_IMAGE_VULNERABILITIES: "azureContainerRegistryVulnerabilityAssessment",
  /** "Azure running container images should have vulnerabilities resolved (powered by Microsoft Defender Vulnerability Management)" (17f4b1cc…). */
  RUNNING_IMAGE_VULNERABILITIES: "kubernetesRunningImagesVulnerabilityMDVMAssessment",
  /** "Kubernetes cluster should not allow privileged containers" (95edb821…). */
  PRIVILEGED_CONTAINERS: "privilegedContainersShouldBeAvoided",
  /** "Kubernetes cluster containers CPU and memory resource limits should not exceed the specified limits" (e345eecc…). */
  CPU_AND_MEMORY_LIMITS: "memoryAndCPULimitsInKubernetesCluster",
  /** "Kubernetes cluster containers should only use allowed images" (febd0533…). */
  ALLOWED_IMAGES: "ensureAllowedContainerImagesInKubernetesCluster",
  /** "Kubernetes clusters should not use the default namespace" (9f061a12…). */
  NO_DEFAULT_NAMESPACE: "KubernetesClustersShouldNotUseTheDefaultNamespaceMonitoringEffect",
  /** "Authorized IP ranges should be defined on Kubernetes Services" (0e246bcf…). */
  AKS_AUTHORIZED_IP_RANGES: "kubernetesServiceAuthorizedIPRangesEnabledMonitoring",
  /** "Resource logs in Azure Kubernetes Service should be enabled" (245fc9df…). */
  AKS_RESOURCE_LOGS: "diagnosticsLogsInKubernetesMonitoring",
} as const;
