/**
 * Day-two constants: security contacts, continuous export (`Microsoft.Security/automations`),
 * alert suppression rules and the pod security baseline initiative.
 *
 * Sources:
 *  - "azurerm docs": hashicorp/terraform-provider-azurerm v4.x `website/docs/r/security_center_contact`,
 *    `security_center_automation`; code `internal/services/securitycenter/*`
 *  - "Policy EH": Azure/azure-policy `built-in-policies/policyDefinitions/Security Center/
 *    ASC_ExportToEventHubASCAlertsAndRecommendations_DINE.json` @ f4a50bac (2026-04-29)
 *    (cdfcce10-4578-4ecd-9703-530938e4abcb, v4.2.0; the file was renamed from
 *    `ASC_ExportToEventHubAzureSecurityCenterAlertsAndRecommendations_Deploy.json`, v4.0.0, which
 *    is no longer in the repository; the values used here are unchanged)
 *  - "Policy SR": Azure/azure-policy `…/Security Center/ASC_SuppressionRulesForAlerts_DINE.json` @ f4a50bac (80e94a21…, v1.0.0)
 *  - "Spec SR": Azure/azure-rest-api-specs `specification/security/resource-manager/Microsoft.Security/
 *    preview/2019-01-01-preview/alertsSuppressionRules.json` and its PUT example
 *  - "MS-Docs SR": MicrosoftDocs/azure-docs `articles/defender-for-cloud/alerts-suppression-rules.md`
 */

/**
 * Names of `azurerm_security_center_contact`. azurerm talks to `securityContacts` api
 * 2017-08-01-preview, which holds ONE address per contact (azure-rest-api-specs #9772, azurerm
 * #6150/#9462); several addresses are several contacts. `default1`, `default2`, … is the naming
 * of the azurerm import example, of azurerm 3.x (which hard-coded `default1`) and of
 * `Set-AzSecurityContact` (azure-powershell #8541). Only the first contact may carry a phone
 * number ("Only first contact is allowed to have a 'Phone' field", azure-docs #24269).
 */
export const SecurityContactNaming = {
  DEFAULT_PREFIX: "default",
  name(prefix: string, index: number): string {
    return `${prefix}${index + 1}`;
  },
  /** Import ID of a contact (azurerm docs). */
  importId(subscriptionId: string, name: string): string {
    return `/subscriptions/${subscriptionId}/providers/Microsoft.Security/securityContacts/${name}`;
  },
} as const;

/**
 * `azurerm_security_center_automation` names. The portal lists an automation under Environment
 * settings → Continuous export only when it is named `ExportToWorkspace` or `ExportToEventHub`
 * (azurerm docs note; the built-in export policies use the same names, e.g. Policy EH
 * `exportToEventHub`). Logic App targets are "workflow automations" in the portal and have no
 * reserved name; `ExportToLogicApp` is this library's choice.
 */
export const ContinuousExportName = {
  WORKSPACE: "ExportToWorkspace",
  EVENT_HUB: "ExportToEventHub",
  LOGIC_APP: "ExportToLogicApp",
} as const;

/** `action.type` values of `azurerm_security_center_automation` (azurerm docs). */
export const AutomationActionType = {
  WORKSPACE: "Workspace",
  EVENT_HUB: "EventHub",
  LOGIC_APP: "LogicApp",
} as const;

/**
 * Rule-set fields the built-in export policies filter on (Policy EH `ruleSetsForAlertsObj`,
 * `ruleSetsForAssessmentsObj`). Rules inside one `rule_set` are ANDed and rule sets are ORed
 * (azurerm docs), so each severity is its own rule set.
 */
export const ExportRule = {
  PROPERTY_TYPE_STRING: "String",
  OPERATOR_EQUALS: "Equals",
  OPERATOR_CONTAINS: "Contains",
  /** Alerts: `Severity` Equals the lower-case severity (Policy EH `alertSeverityMap`). */
  ALERT_SEVERITY_PATH: "Severity",
  /** Recommendations: `type` Contains `Microsoft.Security/assessments` AND `properties.metadata.severity` Equals `High`. */
  RECOMMENDATION_TYPE_PATH: "type",
  RECOMMENDATION_TYPE_VALUE: "Microsoft.Security/assessments",
  RECOMMENDATION_SEVERITY_PATH: "properties.metadata.severity",
} as const;

/** Expected value of the alert `Severity` rule per severity (Policy EH `alertSeverityMap`: lower case). */
export function alertSeverityExpectedValue(severity: string): string {
  return severity.toLowerCase();
}

/** ARM type and API version of alert suppression rules (no azurerm resource exists; Spec SR). */
export const ALERTS_SUPPRESSION_RULE_TYPE = "Microsoft.Security/alertsSuppressionRules@2019-01-01-preview";

/** Value of `alertType` that matches every alert type (Spec SR: "For all alert types, use '*'"). */
export const ALL_ALERT_TYPES = "*";

/**
 * Entity fields suppression conditions match on (Policy SR `entityNameToType`; the spec example
 * uses `entities.ip.address` and `entities.process.commandline`). Other fields are accepted.
 */
export const SuppressionEntityField = {
  ACCOUNT_NAME: "entities.account.name",
  ACCOUNT_AAD_USER_ID: "entities.account.aaduserid",
  ACCOUNT_UPN_SUFFIX: "entities.account.upnsuffix",
  AZURE_RESOURCE_ID: "entities.azureresource.resourceid",
  FILE_NAME: "entities.file.name",
  FILE_DIRECTORY: "entities.file.directory",
  FILE_HASH: "entities.filehash.value",
  HOST_NAME: "entities.host.hostname",
  HOST_AZURE_ID: "entities.host.azureid",
  HOST_DNS_DOMAIN: "entities.host.dnsdomain",
  HOST_OMS_AGENT_ID: "entities.host.omsagentid",
  IP_ADDRESS: "entities.ip.address",
  MALWARE_NAME: "entities.malware.name",
  MALWARE_CATEGORY: "entities.malware.category",
  PROCESS_COMMAND_LINE: "entities.process.commandline",
} as const;

/**
 * Suppression rule names: "begin with a letter or a number, be between 2 and 50 characters, and
 * contain no symbols other than dashes (-) or underscores (_)" (MS-Docs SR; Policy SR parameter).
 */
export const SUPPRESSION_RULE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,49}$/;

/**
 * Default `excludedNamespaces` of the pod security baseline initiative a8640138… v1.4.0 (facts A4).
 * Excluding them keeps system pods (which need host access) out of Audit/Deny.
 */
export const POD_SECURITY_BASELINE_DEFAULT_EXCLUDED_NAMESPACES: readonly string[] = [
  "kube-system",
  "gatekeeper-system",
  "azure-arc",
  "azure-extensions-usage-system",
];

/** Parameter names of initiative a8640138… (facts A4). */
export const PodSecurityBaselineParameter = {
  EFFECT: "effect",
  EXCLUDED_NAMESPACES: "excludedNamespaces",
  NAMESPACES: "namespaces",
} as const;
