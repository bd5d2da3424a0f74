import { readFileSync } from "fs";
import { Document, isPair, isSeq, parseDocument, visit } from "yaml";
import { z } from "zod";
import { EstateDescription, EstateSchema } from "./estate-schema";

/** One problem in an estate file. */
export interface EstateIssue {
  /** Path inside the file, e.g. `aws.accounts[3].clusters[0].region` (empty for the whole file). */
  readonly path: string;
  /** The value found there, as JSON (undefined when missing). */
  readonly value: unknown;
  /** The expected form. */
  readonly expected: string;
}

/** Thrown for an estate file that cannot be read, parsed or validated; lists every problem. */
export class EstateDescriptionError extends Error {
  constructor(
    public readonly file: string,
    public readonly issues: readonly EstateIssue[],
  ) {
    super(issues.map((issue) => formatIssue(file, issue)).join("\n"));
    this.name = "EstateDescriptionError";
  }
}

function formatIssue(file: string, issue: EstateIssue): string {
  const where = issue.path ? `${file}: ${issue.path}` : file;
  const got = issue.value === undefined ? "nothing" : JSON.stringify(issue.value);
  return `${where}: got ${got}; expected ${issue.expected}.`;
}

/** Largest estate file read, in bytes: a description of thousands of units is well below it. */
export const MAX_ESTATE_FILE_BYTES = 16 * 1024 * 1024;
/** Aliases (`*name`) a file may use: enough for shared defaults, far too few for an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** Reads and validates an estate description (YAML or JSON: JSON is read by the same YAML parser). */
export function loadEstateDescription(file: string): EstateDescription {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new EstateDescriptionError(file, [{ path: "", value: undefined, expected: `a readable file (${(error as Error).message})` }]);
  }
  return parseEstateDescription(decodeUtf8(bytes, file), file);
}

/** `bytes` as UTF-8 text; a file that is too large or not UTF-8 is an error naming the first bad byte. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_ESTATE_FILE_BYTES) {
    throw new EstateDescriptionError(file, [{ path: "", value: undefined, expected: `a file of at most ${MAX_ESTATE_FILE_BYTES} bytes (it has ${bytes.length})` }]);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // The first byte that is not valid UTF-8: where the lenient decoding has a replacement
    // character that the file does not spell as EF BF BD.
    const lenient = Buffer.from(bytes).toString("utf8");
    let offset = 0;
    for (let index = lenient.indexOf("\ufffd"); index >= 0; index = lenient.indexOf("\ufffd", index + 1)) {
      offset = Buffer.byteLength(lenient.slice(0, index));
      if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) break;
    }
    const line = Buffer.from(bytes.subarray(0, offset)).toString("utf8").split("\n").length;
    throw new EstateDescriptionError(file, [
      { path: "", value: undefined, expected: `UTF-8 text (byte ${offset}, line ${line}, is 0x${bytes[offset]?.toString(16).padStart(2, "0")}: save the file as UTF-8)` },
    ]);
  }
}

/** Parses and validates estate description text; `file` is only used in messages. */
export function parseEstateDescription(text: string, file = "<estate>"): EstateDescription {
  if (typeof text !== "string") throw new EstateDescriptionError(file, [{ path: "", value: undefined, expected: "the text of a YAML or JSON file" }]);
  if (Buffer.byteLength(text) > MAX_ESTATE_FILE_BYTES) decodeUtf8(Buffer.from(text), file);
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

/** `["aws","accounts",3,"region"]` → `aws.accounts[3].region`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`)).join("");
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
