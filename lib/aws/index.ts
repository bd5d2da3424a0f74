// AWS entry point (`<package>/aws`): constructs on the aws provider. Imports aws submodules only.
export {};
export * from "./defender-oidc-provider";
export * from "./defender-for-containers-aws-roles";
export * from "./eks-agentless-discovery-access";
export * from "./eks-cluster-settings";
export * from "./eks-sensor-exclusion";

// The catalog and validation helpers, so users of this entry point need not import the package root.
export * from "../core";
