// The estate loader's error and its parts: no yaml, no zod, so every entry point can export them.

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

/** `["aws","accounts",3,"region"]` → `aws.accounts[3].region`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`)).join("");
}
