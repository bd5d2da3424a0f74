// Patterns: one composite per environment, built from the per-cloud constructs.
export * from "./defender-pattern-props";
export * from "./aks-defender-for-containers";
export * from "./arc-defender-for-containers";
export * from "./connector-pattern-props";
export * from "./connector-cluster";
export * from "./gke-defender-cluster";
export * from "./gke-defender-for-containers";
export * from "./eks-defender-cluster";
export * from "./eks-defender-for-containers";
