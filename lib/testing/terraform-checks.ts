import { formatDiagnostics, TerraformCheckDiagnostic, validateTerraformJson, ValidateTerraformJsonOptions } from "./validate";

export { formatDiagnostics, validateTerraformJson } from "./validate";
export type { TerraformCheckDiagnostic, TerraformCheckRule, ValidateTerraformJsonOptions } from "./validate";

/** Thrown by {@link assertTerraformChecks}: the stack's findings, one per line. */
export class TerraformCheckError extends Error {
  constructor(
    readonly stack: string,
    readonly diagnostics: readonly TerraformCheckDiagnostic[],
  ) {
    super(`Terraform would refuse stack ${stack}:\n${formatDiagnostics(diagnostics)}`);
    this.name = "TerraformCheckError";
  }
}

/**
 * Runs the structural validator on a synthesized stack (parsed JSON or its text) and throws a
 * {@link TerraformCheckError} listing every finding; warnings (a provider whose schema is not installed)
 * count too, so nothing goes unchecked silently.
 */
export function assertTerraformChecks(stackJson: unknown, stack = "stack", options: ValidateTerraformJsonOptions = {}): void {
  const parsed = typeof stackJson === "string" ? JSON.parse(stackJson) : stackJson;
  const diagnostics = validateTerraformJson(parsed, options);
  if (diagnostics.length > 0) throw new TerraformCheckError(stack, diagnostics);
}
