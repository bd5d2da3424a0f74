// Synth-time coverage checks (cdk-nag style). Loads no provider package: rules recognise
// resources by Terraform type.
export * from "./rule";
export * from "./synthesized-config";
export * from "./resource-types";
export * from "./rules";
export * from "./defender-coverage-checks";
