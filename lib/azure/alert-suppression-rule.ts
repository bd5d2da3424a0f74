import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ALERTS_SUPPRESSION_RULE_TYPE, ALL_ALERT_TYPES, SUPPRESSION_RULE_NAME_PATTERN } from "../core/catalog";
import { DefenderValidationError, invalidValue } from "../core/errors";
import { isUnresolved, validateGuid, validatePattern } from "../core/validation";
import { AzapiResource } from "./azapi/resource";
import { validateExpiry } from "./private/expiry";

export { SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY } from "./private/expiry";

/**
 * Why alerts are suppressed. The values are the ones Microsoft's built-in policy "Deploy -
 * Configure suppression rules for Azure Security Center alerts" (80e94a21…) maps the portal's
 * reasons to; the API itself takes any string.
 */
export enum SuppressionReason {
  /** "The severity of the alert should be lower". */
  ALERT_SEVERITY_TOO_HIGH = "AlertSeverityTooHigh",
  /** "The alert detecting too many normal activities". */
  FALSE_POSITIVE = "FalsePositive",
  /** "The alert is too noisy - hitting on the same resources too many times". */
  NOISE = "Noise",
  /** "The resource isn't relevant for me to monitor". */
  NOT_RELEVANT = "NotRelevant",
  /** "The alert detecting normal activity on specific entity". */
  SPECIFIC_ENTITY_FALSE_POSITIVE = "SpecificEntityFalsePositive",
  /** "The alert isn't actionable - not clear how to investigate the threat". */
  UNCLEAR = "Unclear",
  /** Anything else: explain in `comment`. */
  OTHER = "Other",
}

/** State of a suppression rule (`Expired` is set by the service, not by you). */
export enum SuppressionRuleState {
  ENABLED = "Enabled",
  DISABLED = "Disabled",
}

/**
 * One condition on an alert's entities. Set exactly one of `in` (the field equals one of the
 * values) and `contains` (the field contains the text).
 */
export interface SuppressionCondition {
  /** Entity field, e.g. `SuppressionEntityField.IP_ADDRESS` (`entities.ip.address`). */
  readonly field: string;
  /**
   * The field equals one of these values.
   * @default - not an "equals" condition
   */
  readonly in?: string[];
  /**
   * The field contains this text.
   * @default - not a "contains" condition
   */
  readonly contains?: string;
}

/** Props of {@link AlertSuppressionRule}. */
export interface AlertSuppressionRuleProps {
  /** Subscription the rule applies to (the rule is a subscription-level resource). */
  readonly subscriptionId: string;
  /** Rule name: 2-50 letters, digits, hyphens or underscores, starting with a letter or digit. */
  readonly name: string;
  /**
   * Alert type to suppress, e.g. `K8S_ExposedDashboard`; `*` for every type, which is only
   * accepted together with at least one condition (a rule for every type and every entity
   * would switch Defender's alerting off).
   */
  readonly alertType: string;
  /** Why. */
  readonly reason: SuppressionReason;
  /**
   * Free text (who asked, ticket number). Required with {@link SuppressionReason.OTHER}.
   * @default - none
   */
  readonly comment?: string;
  /**
   * When the rule stops suppressing, ISO-8601 UTC (`2026-12-31T23:59:59Z`). Required unless
   * `neverExpires` is set: suppressions must not live forever.
   * @default - none (then `neverExpires` is required)
   */
  readonly expirationDateUtc?: string;
  /**
   * Waive the expiration date. Needs `neverExpiresJustification`, which is written into the
   * rule's comment so it is visible in the portal.
   * @default false
   */
  readonly neverExpires?: boolean;
  /**
   * Why this rule may never expire (at least 20 characters).
   * @default - none
   */
  readonly neverExpiresJustification?: string;
  /**
   * Rule state.
   * @default SuppressionRuleState.ENABLED
   */
  readonly state?: SuppressionRuleState;
  /**
   * Conditions on the alert's entities, all of which must hold (`suppressionAlertsScope.allOf`).
   * @default - no conditions: every alert of `alertType` in the subscription is suppressed
   */
  readonly conditions?: SuppressionCondition[];
  /**
   * azapi provider to use.
   * @default - the stack's default azapi provider
   */
  readonly provider?: TerraformProvider;
}

const FIELD = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/;

/**
 * A Defender for Cloud alert suppression rule (ARM `Microsoft.Security/alertsSuppressionRules`,
 * api 2019-01-01-preview, through the azapi binding: azurerm has no resource for it).
 *
 * An expiration date is required unless explicitly waived. When the date passes, the service
 * sets the state to `Expired`; the next plan then shows an update back to `Enabled` — extend the
 * date or remove the rule. Creating rules needs Security Admin or Owner.
 */
export class AlertSuppressionRule extends Construct {
  /** The azapi resource. */
  public readonly resource: AzapiResource;
  /** The request body (without secrets; there are none). */
  public readonly body: { properties: Record<string, unknown> };

  constructor(scope: Construct, id: string, props: AlertSuppressionRuleProps) {
    super(scope, id);
    validateGuid(this, "subscriptionId", props.subscriptionId);
    validatePattern(this, "name", props.name, SUPPRESSION_RULE_NAME_PATTERN, "2-50 letters, digits, hyphens or underscores, starting with a letter or digit");
    if (!isUnresolved(props.alertType) && (typeof props.alertType !== "string" || props.alertType.trim() === "")) {
      invalidValue(this, "alertType", props.alertType, `an alert type such as K8S_ExposedDashboard, or "${ALL_ALERT_TYPES}" with conditions`);
    }
    const conditions = (props.conditions ?? []).map((c, i) => this.condition(c, i));
    if (props.alertType === ALL_ALERT_TYPES && conditions.length === 0) {
      throw new DefenderValidationError(
        this,
        `alertType: got "${ALL_ALERT_TYPES}" without conditions; expected a specific alert type, or at least one condition — a rule for every alert type and every entity switches alerting off.`,
      );
    }
    if (props.reason === SuppressionReason.OTHER && !props.comment?.trim()) {
      invalidValue(this, "comment", props.comment ?? "", `a non-empty comment explaining the reason when reason is "${SuppressionReason.OTHER}"`);
    }
    const expirationDateUtc = this.expiration(props);
    const comment = props.neverExpires
      ? [props.comment?.trim(), `Never expires: ${props.neverExpiresJustification!.trim()}`].filter(Boolean).join(" | ")
      : props.comment;

    this.body = {
      properties: {
        alertType: props.alertType,
        reason: props.reason,
        state: props.state ?? SuppressionRuleState.ENABLED,
        ...(comment ? { comment } : {}),
        ...(expirationDateUtc ? { expirationDateUtc } : {}),
        ...(conditions.length > 0 ? { suppressionAlertsScope: { allOf: conditions } } : {}),
      },
    };
    this.resource = new AzapiResource(this, "rule", {
      type: ALERTS_SUPPRESSION_RULE_TYPE,
      name: props.name,
      parentId: `/subscriptions/${props.subscriptionId}`,
      body: this.body,
      provider: props.provider,
    });
  }

  private expiration(props: AlertSuppressionRuleProps): string | undefined {
    return validateExpiry(
      this,
      { date: props.expirationDateUtc, neverExpires: props.neverExpires, neverExpiresJustification: props.neverExpiresJustification },
      {
        dateProp: "expirationDateUtc",
        things: "suppressions",
        whenPast: "the rule is already expired (the service sets its state to Expired)",
        remedy: "Extend the date or remove the rule.",
      },
    );
  }

  private condition(condition: SuppressionCondition, index: number): Record<string, unknown> {
    const prop = `conditions[${index}]`;
    validatePattern(this, `${prop}.field`, condition.field, FIELD, "an entity field such as entities.ip.address (see SuppressionEntityField)");
    const hasIn = condition.in !== undefined;
    const hasContains = condition.contains !== undefined;
    if (hasIn === hasContains) {
      throw new DefenderValidationError(this, `${prop}: got ${hasIn ? "both in and contains" : "neither in nor contains"}; expected exactly one of in (equals one of) or contains.`);
    }
    if (hasIn) {
      const values = condition.in!;
      if (!isUnresolved(values) && (values.length === 0 || values.some((v) => !isUnresolved(v) && (typeof v !== "string" || v === "")))) {
        invalidValue(this, `${prop}.in`, values, "a non-empty list of non-empty values");
      }
      return { field: condition.field, in: values };
    }
    if (!isUnresolved(condition.contains) && (typeof condition.contains !== "string" || condition.contains === "")) {
      invalidValue(this, `${prop}.contains`, condition.contains, "a non-empty text");
    }
    return { field: condition.field, contains: condition.contains };
  }
}
