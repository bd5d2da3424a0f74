// AWS entry point (`<package>/aws`): constructs on the aws provider. Imports aws submodules only.
export {};
export { DefenderOidcProvider } from "./defender-oidc-provider";
export type { DefenderOidcProviderProps, IDefenderOidcProvider } from "./defender-oidc-provider";
export * from "./defender-for-containers-aws-roles";
export * from "./eks-agentless-discovery-access";
export * from "./eks-cluster-settings";
export * from "./eks-sensor-exclusion";

// The EKS pattern: loads the helm provider (and, in CONFIG_MAP mode, kubernetes) when it is created.
export * from "../patterns/connector-pattern-props";
export * from "../patterns/connector-cluster";
export * from "../patterns/eks-defender-cluster";
export * from "../patterns/eks-defender-for-containers";

// The connector lives in Azure through azapi (a binding in this package, no provider package needed).
export { AzapiProvider } from "../azure/azapi/provider";
export type { AzapiProviderProps } from "../azure/azapi/provider";

// The errors and the enums its props take (validators and the catalog are internal).
export * from "../core/public";
