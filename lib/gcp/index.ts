// GCP entry point (`<package>/gcp`): constructs on the google provider. Imports google submodules only.
export * from "./defender-workload-identity";
export * from "./defender-for-containers-gcp-service-accounts";
export * from "./gke-cluster-settings";
