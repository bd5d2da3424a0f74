import { StackResources, SynthesizedResource } from "./synthesized-config";

/** How a finding is reported at synth. */
export enum CheckLevel {
  /** `Annotations.addError`: `cdktf synth` (and `app.synth()`) fails. */
  ERROR = "error",
  /** `Annotations.addWarning`: printed by `cdktf synth`, recorded in manifest.json; synth succeeds. */
  WARNING = "warning",
  /** The rule is not evaluated. */
  OFF = "off",
}

/** The outcome of one rule on one subject. */
export enum RuleCompliance {
  COMPLIANT = "compliant",
  NON_COMPLIANT = "non-compliant",
  /** The rule does not apply (e.g. a stack without clusters for the plan rule). */
  NOT_APPLICABLE = "not-applicable",
}

/** What every rule declares. */
export interface CoverageRuleInfo {
  /** Stable ID used in messages, level overrides and acknowledgements, e.g. `MDC-AKS-1`. */
  readonly id: string;
  /** Rule name; also the name of the file the rule lives in (cdk-nag style). */
  readonly name: string;
  /** The gap, in one sentence. */
  readonly info: string;
  /** Why it matters and how to close it. */
  readonly explanation: string;
  /**
   * Opt-in rules are {@link CheckLevel.OFF} unless a level is set for them in `ruleLevels`.
   * @default false
   */
  readonly optIn?: boolean;
}

/** A rule evaluated on each resource of the given types. */
export interface ResourceCoverageRule extends CoverageRuleInfo {
  /** Terraform types the rule applies to. */
  readonly resourceTypes: readonly string[];
  /** Pure function of the synthesized resource (and, for rules that need it, the rest of its stack). */
  readonly checkResource: (resource: SynthesizedResource, stack: StackResources) => RuleCompliance;
}

/** A rule evaluated once per stack, reported on the stack. */
export interface StackCoverageRule extends CoverageRuleInfo {
  /** Pure function of the stack's synthesized resources. */
  readonly checkStack: (stack: StackResources) => RuleCompliance;
}

/** A coverage rule. */
export type CoverageRule = ResourceCoverageRule | StackCoverageRule;

/** True for rules evaluated per resource. */
export function isResourceRule(rule: CoverageRule): rule is ResourceCoverageRule {
  return "resourceTypes" in rule;
}

/** `COMPLIANT` when `ok`, else `NON_COMPLIANT`. */
export function complianceOf(ok: boolean): RuleCompliance {
  return ok ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
}
