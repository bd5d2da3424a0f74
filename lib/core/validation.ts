import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { invalidValue } from "./errors";

/**
 * True when `value` is (or contains) an unresolved cdktf token. Such values are only known
 * at plan time, so they are passed through without validation.
 */
export function isUnresolved(value: unknown): boolean {
  return Token.isUnresolved(value);
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Expected-form text shared by every GUID check. */
export const GUID_FORM = "a GUID of the form 00000000-0000-0000-0000-000000000000";

/** True when `value` is a GUID in 8-4-4-4-12 hex form. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Validates a GUID (tenant, subscription, object ID). Tokens pass through. */
export function validateGuid(scope: IConstruct, prop: string, value: string): string {
  if (isUnresolved(value)) return value;
  if (typeof value !== "string" || !isGuid(value)) invalidValue(scope, prop, value, GUID_FORM);
  return value;
}

/** Validates that `value` is an integer in [min, max]. Tokens pass through. */
export function validateIntegerInRange(scope: IConstruct, prop: string, value: number, min: number, max: number): number {
  if (isUnresolved(value)) return value;
  if (!Number.isInteger(value) || value < min || value > max) {
    invalidValue(scope, prop, value, `a whole number from ${min} to ${max}`);
  }
  return value;
}

/** A pattern and the expected form to quote when a value does not match it. */
export interface IdentifierRule {
  readonly pattern: RegExp;
  /** Phrased to follow "expected", e.g. "a 12-digit AWS account ID such as 123456789012". */
  readonly form: string;
}

/** The GUID rule, for schemas that validate outside a construct. */
export const GUID_RULE: IdentifierRule = { pattern: GUID, form: GUID_FORM };

/** Validates a string against a rule. Tokens pass through. */
export function validateRule(scope: IConstruct, prop: string, value: string, rule: IdentifierRule): string {
  return validatePattern(scope, prop, value, rule.pattern, rule.form);
}

/** Validates a string against a pattern, with the expected form spelled out for the message. */
export function validatePattern(scope: IConstruct, prop: string, value: string, pattern: RegExp, expected: string): string {
  if (isUnresolved(value)) return value;
  if (typeof value !== "string" || !pattern.test(value)) invalidValue(scope, prop, value, expected);
  return value;
}

/**
 * Validates a list that must hold at least one item and no item twice (by `keyOf`, compared
 * case-insensitively since Azure resource IDs and names are case-insensitive; `"case-sensitive"`
 * for names the cloud compares exactly, such as EKS cluster names).
 * Unresolved items are not compared.
 * @param labelOf how an item is named in the message after `prop` (default `[<index>]`; e.g. `["<map key>"]` for map entries).
 */
export function validateNonEmptyUnique<T>(
  scope: IConstruct,
  prop: string,
  items: readonly T[] | undefined,
  keyOf: (item: T) => string,
  what: string,
  labelOf: (item: T, index: number) => string = (_item, index) => `[${index}]`,
  compare: "case-insensitive" | "case-sensitive" = "case-insensitive",
): readonly T[] {
  if (isUnresolved(items)) return items as readonly T[];
  if (!Array.isArray(items) || items.length === 0) invalidValue(scope, prop, items, `at least one ${what}`);
  const seen = new Map<string, number>();
  // A plain loop, not forEach: forEach skips the holes of a sparse list.
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item === undefined || item === null) invalidValue(scope, `${prop}[${index}]`, item, `a ${what} (the list holds no empty entries)`);
    const key = keyOf(item);
    if (isUnresolved(key)) continue;
    if (typeof key !== "string") invalidValue(scope, `${prop}${labelOf(item, index)}`, key, `a ${what}`);
    const folded = compare === "case-sensitive" ? key : key.toLowerCase();
    const first = seen.get(folded);
    if (first !== undefined) {
      invalidValue(scope, `${prop}${labelOf(item, index)}`, key, `each ${what} once`, `It is also ${prop}${labelOf(items[first], first)}.`);
    }
    seen.set(folded, index);
  }
  return items;
}
