// Kubernetes entry point (`<package>/kubernetes`): in-cluster pieces on the kubernetes and helm providers.
export {};
export * from "./aws-auth-role-mapping-entry";
export * from "./aws-auth-role-mapping";
export * from "./sensor-cluster";
export * from "./helm-defender-sensor";

// The catalog and validation helpers, so users of this entry point need not import the package root.
export * from "../core";
