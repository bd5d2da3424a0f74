// The part of core that users of every entry point need: the errors the library throws, and the enums
// and value types that construct props take. Validators, value helpers and the Microsoft catalog are
// internal (lib/core/index.ts): they change with the constructs and are not a promise to users.
export { DefenderArgumentError, DefenderValidationError } from "./errors";
export { FleetKey } from "./cluster-fleet";
export { PolicyScopeType } from "./policy-scope";
export { AwsPartition } from "./aws-arn";
// The egress catalog: the rules a firewall or proxy must allow, and a Markdown table of them.
export { AzureCloud, defenderEgressRules, EgressComponent, EgressProtocol, egressRulesMarkdown, SensorEnvironment, sensorEgressComponents } from "./catalog/egress";
export { SuppressionEntityField } from "./catalog/operations";
// Recommendation exemptions and the sensor exclusion tag: values their constructs' props take.
export { DefenderRecommendation, ExemptionCategory, mcsbDefaultAssignmentId } from "./catalog/exemptions";
export { SensorExclusionTag } from "./catalog/sensor-exclusion";
// App-wide switches: cdktf's per-token stack traces (synth speed) and the scope of the one-owner check.
export { TokenStackTraces } from "./token-stack-traces";
export { STATE_OWNERSHIP_SCOPE_CONTEXT_KEY } from "./state-ownership";
