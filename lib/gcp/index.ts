// GCP entry point (`<package>/gcp`): constructs on the google provider. Imports google submodules only.
export * from "./defender-workload-identity";
export * from "./defender-for-containers-gcp-service-accounts";
export * from "./gke-cluster-settings";
export * from "./gke-sensor-exclusion";

// The GKE pattern: loads the helm provider when it is created.
export * from "../patterns/connector-pattern-props";
export * from "../patterns/connector-cluster";
export * from "../patterns/gke-defender-cluster";
export * from "../patterns/gke-defender-for-containers";

// The connector lives in Azure through azapi (a binding in this package, no provider package needed).
export { AzapiProvider } from "../azure/azapi/provider";
export type { AzapiProviderProps } from "../azure/azapi/provider";

// The errors and the enums its props take (validators and the catalog are internal).
export * from "../core/public";
