import { Annotations } from "cdktf";
import { IConstruct } from "constructs";
import { DefenderValidationError, invalidValue } from "../../core/errors";
import { validateIsoUtcDateTime } from "../../core/formats";
import { isUnresolved } from "../../core/validation";

/**
 * Context key with today's date (`YYYY-MM-DD`), set by CI: when present, a rule (suppression rule,
 * exemption) whose expiry is not after that date gets a warning. The constructs never read the clock
 * themselves, so the same app always synthesizes the same output.
 */
export const SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY = "defender-for-containers:referenceDate";

/** Shortest justification accepted where one is required. */
export const MIN_JUSTIFICATION = 20;

const REFERENCE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The expiry of an exception to Defender (suppression rule, exemption): a date, or an explicit waiver. */
export interface ExpiryProps {
  /** The date-time, ISO-8601 UTC. */
  readonly date?: string;
  readonly neverExpires?: boolean;
  readonly neverExpiresJustification?: string;
}

/** How the caller names things in its messages. */
export interface ExpiryWording {
  /** The prop holding the date, e.g. `expirationDateUtc`. */
  readonly dateProp: string;
  /** What must expire, plural, e.g. `suppressions`. */
  readonly things: string;
  /** What happens once the date has passed, e.g. `the rule is already expired (…)`. */
  readonly whenPast: string;
  /** What to do then, e.g. `Extend the date or remove the rule.` */
  readonly remedy: string;
}

/**
 * Validates an expiry: a date is required unless `neverExpires` is set with a justification of at
 * least {@link MIN_JUSTIFICATION} characters; both together are an error. Warns (never fails) when
 * the date is not after the reference date in context. Returns the date, or undefined for a waiver.
 */
export function validateExpiry(scope: IConstruct, props: ExpiryProps, wording: ExpiryWording): string | undefined {
  if (props.neverExpires) {
    if (props.date !== undefined) {
      throw new DefenderValidationError(scope, `neverExpires: got true together with ${wording.dateProp} ${JSON.stringify(props.date)}; expected one or the other.`);
    }
    validateJustification(scope, "neverExpiresJustification", props.neverExpiresJustification, "when neverExpires is true");
    return undefined;
  }
  if (props.date === undefined) {
    throw new DefenderValidationError(
      scope,
      `${wording.dateProp}: got undefined; expected an ISO-8601 UTC date-time such as 2026-12-31T23:59:59Z — ${wording.things} must expire. To waive this, set neverExpires: true with a neverExpiresJustification.`,
    );
  }
  const millis = validateIsoUtcDateTime(scope, wording.dateProp, props.date);
  warnIfPast(scope, props.date, millis, wording);
  return props.date;
}

/** A justification of at least {@link MIN_JUSTIFICATION} characters (trimmed); unresolved values pass. */
export function validateJustification(scope: IConstruct, prop: string, value: string | undefined, when = ""): string {
  const trimmed = typeof value === "string" ? value.trim() : "";
  if (!isUnresolved(value) && trimmed.length < MIN_JUSTIFICATION) {
    invalidValue(scope, prop, value ?? "", `a justification of at least ${MIN_JUSTIFICATION} characters${when ? ` ${when}` : ""}`);
  }
  return isUnresolved(value) ? value! : trimmed;
}

/** Compares with the reference date from context (never with the clock: output must not depend on when synth runs). */
function warnIfPast(scope: IConstruct, value: string, millis: number | undefined, wording: ExpiryWording): void {
  const reference = scope.node.tryGetContext(SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY) as string | undefined;
  if (reference === undefined || millis === undefined) return;
  if (typeof reference !== "string" || !REFERENCE_DATE.test(reference) || Number.isNaN(Date.parse(`${reference}T00:00:00Z`))) {
    invalidValue(scope, `context "${SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY}"`, reference, "a date YYYY-MM-DD");
  }
  if (millis <= Date.parse(`${reference}T00:00:00Z`)) {
    Annotations.of(scope).addWarning(`${wording.dateProp} ${value} is not after the reference date ${reference}: ${wording.whenPast}. ${wording.remedy}`);
  }
}
