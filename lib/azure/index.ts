// Azure entry point (`<package>/azure`). Imports azurerm submodules only: loading this entry
// must not load the aws, google, kubernetes or helm providers.
export * from "./defender-for-containers-plan";
export * from "./defender-workspace";
export * from "./aks-defender-sensor";
export * from "./aks-policy-addon";
export * from "./azapi";
export * from "./security-connector";
export * from "./aws-security-connector";
export * from "./gcp-security-connector";
export * from "./defender-private-link";
export * from "./security-contact";
export * from "./alert-export";
export * from "./alert-suppression-rule";
export * from "./pod-security-baseline";
export * from "./defender-egress-firewall-rules";
// Catalog values the constructs above take, so `/azure` users need not load the package root.
export { AzureCloud, EgressComponent, EgressProtocol } from "../core/catalog/egress";
export { SuppressionEntityField } from "../core/catalog/operations";
export * from "./dine-policy-assignment";
export * from "./defender-workspace-assignment";
export * from "./policy-addon-assignment";
export * from "./arc-defender-sensor";
export * from "./arc-policy-extension";
export * from "./aks-agentless-discovery";

// The AKS and Arc patterns need azurerm only, so they are part of this entry point.
export * from "../patterns/defender-pattern-props";
export * from "../patterns/aks-defender-for-containers";
export * from "../patterns/arc-defender-for-containers";

// The catalog and validation helpers, so users of this entry point need not import the package root.
export * from "../core";
