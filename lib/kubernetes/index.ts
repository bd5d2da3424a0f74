// Kubernetes entry point (`<package>/kubernetes`): in-cluster pieces on the kubernetes and helm providers.
export {};
export type { AwsAuthRoleMappingEntry } from "./aws-auth-role-mapping-entry";
export * from "./aws-auth-role-mapping";
export { SensorCluster, SensorDistribution, SensorInfrastructure } from "./sensor-cluster";
export * from "./helm-defender-sensor";

// The errors and the enums its props take (validators and the catalog are internal).
export * from "../core/public";
