import { TerraformProvider } from "cdktf";
import { IConstruct } from "constructs";
import { invalidValue } from "../../core/errors";

// Shared by the patterns: provider wiring for inner constructs. Not exported from the package.

/**
 * Checks that `provider`, when given, is a provider of `type` (e.g. `aws`, `helm`, `azapi`):
 * a helm provider passed where the aws one belongs would only fail at plan time.
 */
export function checkProviderType(scope: IConstruct, prop: string, provider: TerraformProvider | undefined, type: string): TerraformProvider | undefined {
  if (provider === undefined) return undefined;
  const actual = (provider as { terraformResourceType?: unknown } | null)?.terraformResourceType;
  if (actual !== type) invalidValue(scope, prop, typeof actual === "string" ? `${actual} provider` : provider, `${/^[aeiou]/.test(type) ? "an" : "a"} ${type} provider`);
  return provider;
}
