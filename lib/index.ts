// Package root: every per-cloud entry point, the patterns, the estate and the checks.
// Importing the root loads the aws, azurerm and google providers (checked first, for a clear error);
// import `<package>/azure`, `/aws` or `/gcp` to load one cloud only.
import "./root-providers";
export * from "./azure";
export * from "./aws";
export * from "./gcp";
export * from "./kubernetes";
// Checks: the Aspect, its levels and the types a custom rule implements (the built-in rules are internal).
export { CheckLevel, RuleCompliance } from "./checks/rule";
export type { CoverageRule, CoverageRuleInfo, ResourceCoverageRule, StackCoverageRule } from "./checks/rule";
export type { StackResources, SynthesizedConfig, SynthesizedResource } from "./checks/synthesized-config";
export { DefenderCoverageChecks } from "./checks/defender-coverage-checks";
export type { CoverageFinding, DefenderCoverageChecksProps } from "./checks/defender-coverage-checks";
// Estate: the description, its loader and the stacks it makes (schema and backend helpers are internal).
export { DefenderEstate } from "./estate/defender-estate";
export type { DefenderEstateProps } from "./estate/defender-estate";
export { EstateDescriptionError, loadEstateDescription, parseEstateDescription } from "./estate/load-estate-description";
export type { EstateDescription } from "./estate/estate-schema";
// The types DefenderEstate props take; the sharding tools (planEstateShards, the CI matrix) are in `<package>/estate`.
export type { EstateCloud, EstateSelection, EstateShard, EstateUnit } from "./estate/estate-selection";
export { DefenderSubscriptionStack } from "./estate/subscription-stack";
export { DefenderAwsAccountStack } from "./estate/aws-account-stack";
export { DefenderGcpProjectStack } from "./estate/gcp-project-stack";
