import { Annotations, Aspects, IAspect, TerraformResource, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { invalidValue } from "../core/errors";
import { CheckLevel, CoverageRule, isResourceRule, ResourceCoverageRule, RuleCompliance, StackCoverageRule } from "./rule";
import { DEFENDER_COVERAGE_RULES } from "./rules";
import { lazyStackResources, synthesizedResourceOf } from "./synthesize-resource";
import { literalString, StackResources } from "./synthesized-config";

/** Props of {@link DefenderCoverageChecks}. */
export interface DefenderCoverageChecksProps {
  /**
   * Level of every rule that has no entry in `ruleLevels`. Opt-in rules (MDC-HELM-1) stay off.
   * Use {@link CheckLevel.ERROR} in CI to make `cdktf synth` fail on a gap.
   * @default CheckLevel.WARNING
   */
  readonly level?: CheckLevel;
  /**
   * Level per rule ID, e.g. `{ "MDC-AKS-2": CheckLevel.OFF, "MDC-HELM-1": CheckLevel.WARNING }`.
   * A level here also turns an opt-in rule on. Unknown IDs are an error.
   * @default - every rule at `level`, opt-in rules off
   */
  readonly ruleLevels?: { readonly [ruleId: string]: CheckLevel };
  /**
   * Also record acknowledged findings, with their reason, as info annotations (they land in
   * manifest.json, so a review can see what was accepted and why).
   * @default false
   */
  readonly reportAcknowledged?: boolean;
}

/** One rule that failed on one construct. */
export interface CoverageFinding {
  /** Rule ID, e.g. `MDC-AKS-1`. */
  readonly ruleId: string;
  /** Rule name, e.g. `AksClusterDefenderSensor`. */
  readonly ruleName: string;
  /** The level the finding is reported at. */
  readonly level: CheckLevel;
  /** Path of the resource (or stack) the finding is about. */
  readonly path: string;
  /** The annotation text. */
  readonly message: string;
  /** The reason given when the finding was acknowledged; undefined when it was reported. */
  readonly acknowledgedReason?: string;
}

/** Shortest reason an acknowledgement accepts (cdk-nag asks for the same). */
export const MIN_ACKNOWLEDGEMENT_REASON_LENGTH = 10;

/** Node metadata type that records an acknowledgement on a construct. */
const ACKNOWLEDGEMENT_METADATA = "defender-for-containers/acknowledgement";

interface Acknowledgement {
  readonly ruleId: string;
  readonly reason: string;
}

const RULES_BY_ID = new Map(DEFENDER_COVERAGE_RULES.map((rule) => [rule.id, rule]));
const RULE_IDS_TEXT = DEFENDER_COVERAGE_RULES.map((rule) => rule.id).join(", ");

// The aspect is not in the construct tree; its own errors carry its class name where a path would be.
const ASPECT_SCOPE = { node: { path: "DefenderCoverageChecks" } } as unknown as IConstruct;

/**
 * Reports Kubernetes clusters that Defender for Containers does not fully cover, at synth time,
 * in the manner of cdk-nag: one rule per file under `rules/`, stable rule IDs, a level per rule and
 * acknowledgements with a reason.
 *
 * | ID | rule | reports |
 * |---|---|---|
 * | MDC-AKS-1 | AksClusterDefenderSensor | `azurerm_kubernetes_cluster` without a `microsoft_defender` block with a workspace |
 * | MDC-AKS-2 | AksClusterPolicyAddon | `azurerm_kubernetes_cluster` without `azure_policy_enabled = true` |
 * | MDC-EKS-1 | EksClusterAuditLogs | `aws_eks_cluster` without `audit` in `enabled_cluster_log_types` |
 * | MDC-AZURE-1 | AzureStackContainersPlan | a stack with AKS/Arc clusters but no Standard Containers plan |
 * | MDC-HELM-1 (opt-in) | ClusterSensorHelmRelease | an EKS/GKE cluster in a stack without a sensor `helm_release` |
 *
 * **Add it to each stack.** cdktf runs aspects per stack, starting at the stack: an aspect added
 * to the `App` is never visited. Use `Aspects.of(stack).add(new DefenderCoverageChecks())`, or
 * {@link DefenderCoverageChecks.addToAllStacks} once every stack exists.
 *
 * Rules read the resource's synthesized body (what `toTerraform()` returns, overrides included),
 * so properties set by this library's constructs, in their constructors, are seen. A value that
 * is a token (a reference, a variable) counts as set: it is only known at plan time.
 */
export class DefenderCoverageChecks implements IAspect {
  /** The rules, in report order. */
  public static readonly rules: readonly CoverageRule[] = DEFENDER_COVERAGE_RULES;

  /**
   * Accepts the findings of one rule on `scope` and everything beneath it (a resource, a pattern
   * construct, or a whole stack for MDC-AZURE-1), with a reason a reviewer can read.
   * @param reason why the gap is intended; at least {@link MIN_ACKNOWLEDGEMENT_REASON_LENGTH} characters.
   */
  public static acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
    if (!RULES_BY_ID.has(ruleId)) invalidValue(scope, "ruleId", ruleId, `one of ${RULE_IDS_TEXT}`);
    if (typeof reason !== "string" || reason.trim().length < MIN_ACKNOWLEDGEMENT_REASON_LENGTH) {
      invalidValue(
        scope,
        "reason",
        reason,
        `a reason of at least ${MIN_ACKNOWLEDGEMENT_REASON_LENGTH} characters saying why ${ruleId} does not apply here`,
      );
    }
    const acknowledgement: Acknowledgement = { ruleId, reason: reason.trim() };
    scope.node.addMetadata(ACKNOWLEDGEMENT_METADATA, acknowledgement);
  }

  /**
   * Adds one checks aspect to every stack of `app` that does not have one yet, and returns it.
   * Call it after the last stack is created (stacks added later are not covered), before `app.synth()`.
   */
  public static addToAllStacks(app: IConstruct, props: DefenderCoverageChecksProps = {}): DefenderCoverageChecks {
    const checks = new DefenderCoverageChecks(props);
    for (const stack of app.node.findAll().filter(TerraformStack.isStack)) {
      const aspects = Aspects.of(stack);
      if (!aspects.all.some((aspect) => aspect instanceof DefenderCoverageChecks)) aspects.add(checks);
    }
    return checks;
  }

  private readonly level: CheckLevel;
  private readonly ruleLevels: Readonly<Record<string, CheckLevel>>;
  private readonly reportAcknowledged: boolean;
  private readonly reported = new Set<string>();
  private readonly stackResources = new WeakMap<TerraformStack, StackResources>();
  private readonly recorded: CoverageFinding[] = [];

  constructor(props: DefenderCoverageChecksProps = {}) {
    const levels = Object.values(CheckLevel) as string[];
    this.level = props.level ?? CheckLevel.WARNING;
    if (!levels.includes(this.level)) invalidValue(ASPECT_SCOPE, "level", this.level, `one of ${levels.join(", ")}`);
    for (const [ruleId, level] of Object.entries(props.ruleLevels ?? {})) {
      if (!RULES_BY_ID.has(ruleId)) invalidValue(ASPECT_SCOPE, "ruleLevels", ruleId, `rule IDs among ${RULE_IDS_TEXT}`);
      if (!levels.includes(level)) invalidValue(ASPECT_SCOPE, `ruleLevels["${ruleId}"]`, level, `one of ${levels.join(", ")}`);
    }
    this.ruleLevels = { ...(props.ruleLevels ?? {}) };
    this.reportAcknowledged = props.reportAcknowledged ?? false;
  }

  /** Findings so far (reported and acknowledged), in visit order. */
  public get findings(): readonly CoverageFinding[] {
    return [...this.recorded];
  }

  /** The level a rule runs at with these props. */
  public levelOf(ruleId: string): CheckLevel {
    const rule = RULES_BY_ID.get(ruleId);
    if (!rule) invalidValue(ASPECT_SCOPE, "ruleId", ruleId, `one of ${RULE_IDS_TEXT}`);
    return this.ruleLevels[ruleId] ?? (rule.optIn ? CheckLevel.OFF : this.level);
  }

  public visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) {
      // A stack is visited before its children on every synth: start from fresh resources.
      const resources = lazyStackResources(node);
      this.stackResources.set(node, resources);
      for (const rule of DEFENDER_COVERAGE_RULES) {
        if (!isResourceRule(rule)) this.applyStackRule(rule, node, resources);
      }
      return;
    }
    if (!TerraformResource.isTerraformResource(node)) return;
    const rules = DEFENDER_COVERAGE_RULES.filter(
      (rule): rule is ResourceCoverageRule => isResourceRule(rule) && rule.resourceTypes.includes(node.terraformResourceType),
    );
    const active = rules.filter((rule) => this.levelOf(rule.id) !== CheckLevel.OFF);
    if (active.length === 0) return;
    const resource = synthesizedResourceOf(node);
    const stack = TerraformStack.of(node);
    let resources = this.stackResources.get(stack);
    if (!resources) {
      resources = lazyStackResources(stack);
      this.stackResources.set(stack, resources);
    }
    for (const rule of active) {
      if (rule.checkResource(resource, resources) === RuleCompliance.NON_COMPLIANT) {
        const name = literalString(resource.config.name);
        this.report(rule, node, name ? `"${name}" (${resource.type}.${resource.logicalId})` : `${resource.type}.${resource.logicalId}`);
      }
    }
  }

  private applyStackRule(rule: StackCoverageRule, stack: TerraformStack, resources: StackResources): void {
    if (this.levelOf(rule.id) === CheckLevel.OFF) return;
    if (rule.checkStack(resources) === RuleCompliance.NON_COMPLIANT) this.report(rule, stack, `stack "${stack.node.id}"`);
  }

  private report(rule: CoverageRule, node: IConstruct, subject: string): void {
    // Testing.synth can run aspects more than once on the same tree.
    const key = `${node.node.path}\u0000${rule.id}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);

    const level = this.levelOf(rule.id);
    const acknowledgement = acknowledgementOf(node, rule.id);
    const message =
      `${rule.id} ${rule.name}: ${subject}: ${rule.info} ${rule.explanation} ` +
      `To accept it, call DefenderCoverageChecks.acknowledge(<construct>, "${rule.id}", "<reason>").`;
    const base = { ruleId: rule.id, ruleName: rule.name, level, path: node.node.path, message };
    if (acknowledgement) {
      this.recorded.push({ ...base, acknowledgedReason: acknowledgement.reason });
      if (this.reportAcknowledged) {
        Annotations.of(node).addInfo(`${rule.id} ${rule.name}: acknowledged for ${subject}: ${acknowledgement.reason}`);
      }
      return;
    }
    this.recorded.push(base);
    if (level === CheckLevel.ERROR) Annotations.of(node).addError(message);
    else Annotations.of(node).addWarning(message);
  }
}

/** The nearest acknowledgement of `ruleId` on `node` or one of its scopes. */
function acknowledgementOf(node: IConstruct, ruleId: string): Acknowledgement | undefined {
  for (const scope of [...node.node.scopes].reverse()) {
    const found = scope.node.metadata
      .filter((entry) => entry.type === ACKNOWLEDGEMENT_METADATA)
      .map((entry) => entry.data as Acknowledgement)
      .find((ack) => ack.ruleId === ruleId);
    if (found) return found;
  }
  return undefined;
}
