// Synth-time coverage checks (cdk-nag style). Loads no provider package: rules recognise
// resources by Terraform type. Only names specific to the checks are exported: this entry is
// re-exported from the package root next to every other area.
export { CheckLevel, RuleCompliance, isResourceRule } from "./rule";
export type { CoverageRule, CoverageRuleInfo, ResourceCoverageRule, StackCoverageRule } from "./rule";
export { stackResourcesOf } from "./synthesized-config";
export type { StackResources, SynthesizedConfig, SynthesizedResource } from "./synthesized-config";
export * from "./rules";
export * from "./defender-coverage-checks";
