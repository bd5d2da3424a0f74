// GCP entry point (`<package>/gcp`): constructs on the google provider. Imports google submodules only.
export * from "./defender-workload-identity";
export * from "./defender-for-containers-gcp-service-accounts";
export * from "./gke-cluster-settings";
export * from "./gke-sensor-exclusion";

// The catalog and validation helpers, so users of this entry point need not import the package root.
export * from "../core";
