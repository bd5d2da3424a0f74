import { TerraformProvider, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { createHash } from "crypto";
import { DefenderValidationError, invalidValue } from "../../core/errors";

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

/** Helm provider aliases handed out per stack, to refuse a collision at synth instead of at plan. */
const ALIASES = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * Alias of a helm provider a pattern creates for a cluster. A pattern directly under its stack gets
 * `<pattern id>-<key>` (readable, and the alias of earlier releases). A nested pattern gets its
 * stack-relative path and a hash of that path, `<parent>_<id>-<8 hex>-<key>`, so two patterns with
 * the same ID under different parents never share an alias. Valid Terraform names either way.
 */
export function helmProviderAlias(scope: IConstruct, key: string): string {
  const stack = TerraformStack.of(scope);
  const scopes = scope.node.scopes;
  const path = scopes.slice(scopes.indexOf(stack) + 1).map((s) => s.node.id);
  const readable = path.join("_").replace(/[^A-Za-z0-9_-]/g, "-");
  const prefix = /^[A-Za-z_]/.test(readable) ? readable : `p-${readable}`;
  const alias = path.length === 1 ? `${prefix}-${key}` : `${prefix}-${createHash("sha256").update(path.join("/")).digest("hex").slice(0, 8)}-${key}`;
  const taken = ALIASES.get(stack) ?? new Map<string, string>();
  ALIASES.set(stack, taken);
  const owner = taken.get(alias);
  if (owner !== undefined && owner !== scope.node.path) {
    throw new DefenderValidationError(scope, `helm provider alias "${alias}" is also the alias ${owner} created; expected every cluster's helm provider to have its own alias. Rename the pattern or set key on the cluster.`);
  }
  taken.set(alias, scope.node.path);
  return alias;
}
