import { BlockSchema, ProviderSchema, SchemaRegistry } from "../schema/types";
import { TerraformCheckDiagnostic, TerraformCheckRule } from "./diagnostics";

/** A resource or data source block as declared in the document. */
export interface Declared {
  readonly body: { readonly [key: string]: unknown };
  readonly count: boolean;
  readonly forEach: boolean;
  /** Its schema, or undefined when the provider's schema is not installed or lacks the type. */
  readonly schema?: BlockSchema;
}

/** Every name the document declares, and where the findings go. */
export interface CheckContext {
  readonly registry: SchemaRegistry;
  readonly resources: ReadonlyMap<string, ReadonlyMap<string, Declared>>;
  readonly data: ReadonlyMap<string, ReadonlyMap<string, Declared>>;
  readonly variables: ReadonlySet<string>;
  readonly locals: ReadonlySet<string>;
  readonly modules: ReadonlySet<string>;
  /** Provider local name → the aliases configured (`""` for the default configuration). */
  readonly providerConfigs: ReadonlyMap<string, ReadonlySet<string>>;
  /** Local names in `terraform.required_providers`, with their normalized source (`hashicorp/azurerm`). */
  readonly requiredProviders: ReadonlyMap<string, string>;
  report(severity: TerraformCheckDiagnostic["severity"], rule: TerraformCheckRule, path: string, message: string): void;
  /** Addresses declared in other stacks of the app (cross-stack references). */
  readonly otherStacks: ReadonlySet<string>;
  /** The schema of a provider by local name when its installed schema matches the stack's source. */
  providerSchema(localName: string): ProviderSchema | undefined;
}

/** Names bound where an expression is evaluated: `each` / `count` of the block, dynamic-block iterators. */
export interface Scope {
  readonly forEach: boolean;
  readonly count: boolean;
  readonly iterators: ReadonlySet<string>;
  readonly self: boolean;
}

export const ROOT_SCOPE: Scope = { forEach: false, count: false, iterators: new Set(), self: false };

/** A JSON object (not null, not an array). */
export function isObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `hashicorp/azurerm` for `azurerm`, `registry.terraform.io/hashicorp/azurerm` or `hashicorp/azurerm` (case-insensitive, as Terraform compares). */
export function normalizeSource(source: string): string {
  const parts = source.toLowerCase().split("/");
  if (parts.length === 1) return `hashicorp/${parts[0]}`;
  return parts.slice(-2).join("/");
}

/** Terraform's identifier rule for names and labels. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Path segment for a key: `.name` when it is an identifier, `["key"]` otherwise. */
export function segment(key: string | number): string {
  return typeof key === "number" ? `[${key}]` : IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
