import { closestMatch } from "../../core/suggest";

/** The rule a structural check applies; each one mirrors an error Terraform itself reports. */
export type TerraformCheckRule =
  /** The document's shape: top-level keys, block labels, JSON value kinds. */
  | "syntax"
  /** A resource or data source type the provider does not have. */
  | "unknown-type"
  /** An argument or nested block the schema does not have. */
  | "unknown-argument"
  /** A required argument or block that is not set. */
  | "missing-argument"
  /** An attribute the provider computes, set in the configuration. */
  | "read-only-argument"
  /** A literal of a type that does not convert to the argument's type. */
  | "argument-type"
  /** A nested block of the wrong shape or count. */
  | "block-shape"
  /** A `depends_on` entry that is not a bare reference to a declared resource, data source or module. */
  | "depends-on"
  /** A `provider` meta-argument or provider block that does not resolve. */
  | "provider"
  /** A `lifecycle` block: unknown keys, non-literal flags, `ignore_changes` names the schema lacks. */
  | "lifecycle"
  /** `for_each` / `count` of the wrong shape, or both set. */
  | "for-each"
  /** An `import` block of the wrong shape or target. */
  | "import"
  /** A `removed` block of the wrong shape, or whose resource is still declared. */
  | "removed"
  /** A `moved` block of the wrong shape or target. */
  | "moved"
  /** A `${…}` reference to something not declared, or to an attribute the schema lacks. */
  | "reference"
  /** No schema is installed for a provider the stack uses: its blocks' arguments were not checked. */
  | "no-schema";

/** One finding of the structural validator. */
export interface TerraformCheckDiagnostic {
  /** `error` fails the check; `warning` reports what could not be checked. */
  readonly severity: "error" | "warning";
  readonly rule: TerraformCheckRule;
  /** Where, as a path in the JSON document: `resource.aws_eks_access_entry.entry.depends_on[0]`. */
  readonly path: string;
  readonly message: string;
}

/** One line per diagnostic: `error [depends-on] resource.x.y.depends_on[0]: …`, prefixed with the stack when given. */
export function formatDiagnostics(diagnostics: readonly TerraformCheckDiagnostic[], stack?: string): string {
  return diagnostics.map((d) => `${stack ? `${stack}: ` : ""}${d.severity} [${d.rule}] ${d.path}: ${d.message}`).join("\n");
}

/** The candidate closest to `name` by edit distance, when it is close enough to be a likely typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  return closestMatch(name, candidates, Math.max(2, Math.floor(name.length / 3)));
}

/** ` Did you mean "x"?` when a close candidate exists, else "". */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const suggestion = closest(name, candidates);
  return suggestion ? ` Did you mean "${suggestion}"?` : "";
}
