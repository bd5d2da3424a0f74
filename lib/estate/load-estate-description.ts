import { readFileSync } from "fs";
import { parseDocument } from "yaml";
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

/** Reads and validates an estate description (YAML or JSON: JSON is read by the same YAML parser). */
export function loadEstateDescription(file: string): EstateDescription {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new EstateDescriptionError(file, [{ path: "", value: undefined, expected: `a readable file (${(error as Error).message})` }]);
  }
  return parseEstateDescription(text, file);
}

/** Parses and validates estate description text; `file` is only used in messages. */
export function parseEstateDescription(text: string, file = "<estate>"): EstateDescription {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new EstateDescriptionError(
      file,
      document.errors.map((error) => ({
        path: "",
        value: undefined,
        expected: `valid YAML or JSON (line ${error.linePos?.[0].line ?? "?"}, column ${error.linePos?.[0].col ?? "?"}: ${error.code})`,
      })),
    );
  }
  const data: unknown = document.toJS();
  const result = EstateSchema.safeParse(data, { reportInput: true });
  if (!result.success) throw new EstateDescriptionError(file, result.error.issues.map((issue) => toEstateIssue(issue, data)));
  return result.data;
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
