import { Document, isPair, isSeq, parseDocument, visit } from "yaml";
import { z } from "zod";
import { EstateDescriptionError, EstateIssue, formatPath } from "./estate-description-error";
import { EstateDescription, EstateSchema } from "./estate-schema";

// The heavy half of the estate loader (yaml, zod), loaded by load-estate-description.ts on the first parse.

/** Aliases (`*name`) a file may use: enough for shared defaults, far too few for an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** Parses and validates estate description text already checked for type and size. */
export function parseEstateText(text: string, file: string): EstateDescription {
  // Integers as BigInt, so a 20-digit project number keeps every digit (see exactIntegers).
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, intAsBigInt: true });
  if (document.errors.length > 0) {
    throw new EstateDescriptionError(
      file,
      document.errors.map((error) => {
        const { path, key } = locate(document, error.pos[0]);
        const where = `line ${error.linePos?.[0].line ?? "?"}, column ${error.linePos?.[0].col ?? "?"}`;
        return error.code === "DUPLICATE_KEY"
          ? { path, value: key, expected: `each key once in a map (${where}: the key ${JSON.stringify(key)} is repeated)` }
          : { path, value: undefined, expected: `valid YAML or JSON (${where}: ${error.code})` };
      }),
    );
  }
  let data: unknown;
  try {
    data = exactIntegers(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (error) {
    // The yaml library refuses documents whose aliases expand too far (a "billion laughs" bomb).
    throw new EstateDescriptionError(file, [
      { path: "", value: undefined, expected: `a document without excessive aliases (at most ${MAX_ALIAS_COUNT} alias expansions: ${(error as Error).message})` },
    ]);
  }
  const result = EstateSchema.safeParse(data, { reportInput: true });
  if (!result.success) throw new EstateDescriptionError(file, result.error.issues.map((issue) => toEstateIssue(issue, data)));
  return result.data;
}


/**
 * Integers the YAML parser read as BigInt: numbers when a double holds them exactly, else their
 * digits as a string, so a 20-digit GCP project number is not rounded (the schema takes numbers
 * where it needs numbers, and refuses the string form of a number too large for them).
 */
function exactIntegers(value: unknown): unknown {
  if (typeof value === "bigint") return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(exactIntegers);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, exactIntegers(v)]));
  return value;
}

/** The YAML path (`aws.accounts[0].region`) and key of the innermost map entry at `offset`. */
function locate(document: Document, offset: number): { path: string; key?: string } {
  let best: PropertyKey[] = [];
  let bestKey: string | undefined;
  visit(document, {
    Pair(_key, pair, ancestors) {
      const key = pair.key as { range?: [number, number, number]; toString(): string } | null;
      if (!key?.range || offset < key.range[0] || offset > (((pair.value as { range?: number[] } | null)?.range?.[1] as number | undefined) ?? key.range[1])) return;
      const path: PropertyKey[] = [];
      for (let i = 0; i < ancestors.length; i++) {
        const node = ancestors[i];
        if (isPair(node)) path.push(String((node.key as { value?: unknown })?.value ?? node.key));
        else if (isSeq(node)) {
          const child = ancestors[i + 1] ?? pair;
          path.push(node.items.indexOf(child as never));
        }
      }
      const name = String((key as { value?: unknown }).value ?? key);
      path.push(name);
      if (path.length >= best.length) {
        best = path;
        bestKey = name;
      }
    },
  });
  return { path: formatPath(best), key: bestKey };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((current, key) => (current !== null && typeof current === "object" ? (current as any)[key as any] : undefined), data);
}

function toEstateIssue(issue: z.core.$ZodIssue, data: unknown): EstateIssue {
  const path = [...issue.path];
  if (issue.code === "unrecognized_keys") {
    return { path: formatPath([...path, issue.keys[0]]), value: valueAt(data, [...path, issue.keys[0]]), expected: `no key ${issue.keys.map((k) => `"${k}"`).join(", ")} here (check the spelling)` };
  }
  if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator) {
    const options = (issue as { options?: unknown[] }).options ?? [];
    return { path: formatPath(path), value: valueAt(data, path), expected: `one of ${options.map((o) => JSON.stringify(o)).join(", ")}` };
  }
  return { path: formatPath(path), value: valueAt(data, path), expected: expectedFor(issue) };
}

/** Our own messages are already phrased as the expected form; zod's defaults start with a capital. */
function expectedFor(issue: z.core.$ZodIssue): string {
  if (!/^[A-Z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return `${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`;
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return issue.origin === "array" ? `at least ${issue.minimum} item${Number(issue.minimum) === 1 ? "" : "s"}` : `at least ${issue.minimum}`;
    case "too_big":
      return issue.origin === "array" ? `at most ${issue.maximum} items` : `at most ${issue.maximum}`;
    default:
      return issue.message;
  }
}
