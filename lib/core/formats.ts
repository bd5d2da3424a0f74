import { IConstruct } from "constructs";
import { DefenderValidationError, invalidValue } from "./errors";
import { isUnresolved } from "./validation";

// Value formats shared by the operations constructs: e-mail addresses, IPv4 CIDRs, ISO-8601 UTC
// timestamps and secrets that must arrive as references.

// Pragmatic, not RFC 5322: one `@`, a dot in the domain, no whitespace and no list separators
// (azurerm's contact API takes one address per contact and rejects "a@x.com,b@x.com", azurerm #6150).
const EMAIL = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()".]{2,}$/;

/** Validates one e-mail address. Tokens pass through. */
export function validateEmail(scope: IConstruct, prop: string, value: string): string {
  if (isUnresolved(value)) return value;
  if (typeof value !== "string" || value.length > 254 || !EMAIL.test(value)) {
    invalidValue(scope, prop, value, "one e-mail address such as secops@contoso.com (no lists: one address per entry)");
  }
  return value;
}

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4_CIDR = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}(?:/(?:3[0-2]|[12]?\\d))?$`);

/**
 * Validates an IPv4 address or CIDR block (`10.1.0.0/16`). The address must be the network
 * address of the block (`10.1.0.0/16`, not `10.1.2.3/16`): Azure accepts the latter but stores
 * the normalized form, so a plan would never be empty. Tokens pass through.
 */
export function validateIpv4Cidr(scope: IConstruct, prop: string, value: string): string {
  if (isUnresolved(value)) return value;
  if (typeof value !== "string" || !IPV4_CIDR.test(value)) {
    invalidValue(scope, prop, value, "an IPv4 address or CIDR block such as 10.240.0.0/16");
  }
  const [address, prefix] = value.split("/");
  if (prefix !== undefined) {
    const bits = Number(prefix);
    const numeric = address.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
    const hostBits = 2 ** (32 - bits);
    if (numeric % hostBits !== 0) {
      const network = numeric - (numeric % hostBits);
      const networkText = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join(".");
      invalidValue(scope, prop, value, `the network address of the block, ${networkText}/${bits}`);
    }
  }
  return value;
}

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?Z$/;

/** Expected-form text of {@link validateIsoUtcDateTime}. */
export const ISO_UTC_FORM = "an ISO-8601 UTC date-time such as 2026-12-31T23:59:59Z";

/**
 * Validates an ISO-8601 date-time in UTC (`Z` suffix, seconds required, up to 7 fraction
 * digits as ARM returns them) that names a real instant (no 2026-02-30, no hour 24).
 * Returns the parsed instant in milliseconds since the epoch, or undefined for tokens.
 */
export function validateIsoUtcDateTime(scope: IConstruct, prop: string, value: string): number | undefined {
  if (isUnresolved(value)) return undefined;
  const match = typeof value === "string" ? ISO_UTC.exec(value) : null;
  if (!match) invalidValue(scope, prop, value, ISO_UTC_FORM);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  const roundTrip = new Date(millis);
  const real =
    roundTrip.getUTCFullYear() === year &&
    roundTrip.getUTCMonth() === month - 1 &&
    roundTrip.getUTCDate() === day &&
    roundTrip.getUTCHours() === hour &&
    roundTrip.getUTCMinutes() === minute &&
    roundTrip.getUTCSeconds() === second;
  if (!real) invalidValue(scope, prop, value, `${ISO_UTC_FORM} that exists on the calendar`);
  return millis;
}

/**
 * Requires a secret (connection string, callback URL with a signature) to be a reference — a
 * sensitive `TerraformVariable`, a resource attribute such as an authorization rule's
 * `primaryConnectionString`, or a data source — rather than a literal. A literal would be written
 * in clear text into `cdk.tf.json`, which teams commit and snapshot in pull requests; a reference
 * is resolved by Terraform and kept out of the synthesized files.
 */
export function validateSecretReference(scope: IConstruct, prop: string, value: string, example: string): string {
  if (isUnresolved(value)) return value;
  if (typeof value !== "string" || value.length === 0) {
    invalidValue(scope, prop, value, `a reference to the secret, e.g. ${example}`);
  }
  throw new DefenderValidationError(
    scope,
    `${prop}: got a literal value (not shown: it is a secret); expected a reference to the secret, e.g. ${example}. A literal would be written in clear text into cdk.tf.json.`,
  );
}
