// Azure entry point (`<package>/azure`). Imports azurerm submodules only: loading this entry
// must not load the aws, google, kubernetes or helm providers.
export { DefenderForContainersPlan, PlanTier } from "./defender-for-containers-plan";
export type { DefenderForContainersPlanProps, DefenderPlanAttributes, IDefenderPlan } from "./defender-for-containers-plan";
export { DefenderWorkspace } from "./defender-workspace";
export type { DefenderWorkspaceAttributes, DefenderWorkspaceProps, IDefenderWorkspace } from "./defender-workspace";
export * from "./aks-defender-sensor";
export * from "./aks-policy-addon";
// azapi: the provider only; the resource binding is internal.
export { AzapiProvider } from "./azapi/provider";
export type { AzapiProviderProps } from "./azapi/provider";

export * from "./aws-security-connector";
export * from "./gcp-security-connector";
export type { RegistryConnectorSpec } from "./registry-security-connector";
export * from "./docker-hub-security-connector";
export * from "./jfrog-security-connector";
export * from "./defender-private-link";
export * from "./security-contact";
export { AlertExport, AlertSeverity, ExportSource } from "./alert-export";
export type { AlertExportProps } from "./alert-export";
export { AlertSuppressionRule, SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY, SuppressionReason, SuppressionRuleState } from "./alert-suppression-rule";
export type { AlertSuppressionRuleProps } from "./alert-suppression-rule";
export * from "./defender-recommendation-exemption";
export * from "./pod-security-baseline";
export * from "./defender-egress-firewall-rules";
export { DineEffect, RemediationDiscoveryMode, TargetClusters } from "./dine-policy-assignment";
export * from "./defender-workspace-assignment";
export * from "./policy-addon-assignment";
export { ArcDefenderSensor, ArcReleaseTrain } from "./arc-defender-sensor";
export type { ArcDefenderSensorProps } from "./arc-defender-sensor";
export * from "./arc-policy-extension";
export * from "./aks-agentless-discovery";
export * from "./aks-sensor-exclusion";
export * from "./aks-security-gating";

// The AKS and Arc patterns need azurerm only, so they are part of this entry point.
export * from "../patterns/aks-defender-for-containers";
export * from "../patterns/arc-defender-for-containers";

// The errors and the enums its props take (validators and the catalog are internal).
export * from "../core/public";
