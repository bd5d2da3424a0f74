/**
 * The Terraform schema of a provider, as the structural validator and the offline stub provider use it.
 *
 * The shapes follow Terraform's own (`terraform providers schema -json`, and tfplugin6 `Schema`):
 * a type is cty's JSON type notation, the same bytes tfplugin6 carries in `Schema.Attribute.type`.
 */

/**
 * A cty type in its JSON notation: `"string"`, `"number"`, `"bool"`, `"dynamic"` (any type),
 * `["list", T]`, `["set", T]`, `["map", T]`, `["object", { name: T }]`, `["tuple", [T, ...]]`.
 */
export type CtyType =
  | "string"
  | "number"
  | "bool"
  | "dynamic"
  | readonly ["list" | "set" | "map", CtyType]
  | readonly ["object", { readonly [name: string]: CtyType }]
  | readonly ["tuple", readonly CtyType[]];

/** One argument or attribute of a block. Exactly one of `required`, `optional`, `computed` is the primary flag. */
export interface AttributeSchema {
  readonly type: CtyType;
  /** The configuration must set it. */
  readonly required?: boolean;
  /** The configuration may set it. */
  readonly optional?: boolean;
  /**
   * The provider may set it. Computed without optional: read-only (the configuration must not set it).
   * The prebuilt packages do not say whether an optional argument is also computed: the derived schemas
   * mark every optional argument `computed` too (an unset one is unknown at plan, never a wrong null).
   */
  readonly computed?: boolean;
  /** Not derivable from the prebuilt packages: always absent in derived schemas. */
  readonly sensitive?: boolean;
}

/** How a nested block repeats (tfplugin6 `Schema.NestedBlock.NestingMode`). */
export type NestingMode = "single" | "group" | "list" | "set" | "map";

/** A nested block type of a block. */
export interface NestedBlockSchema {
  readonly nesting: NestingMode;
  readonly block: BlockSchema;
  /** @default 0 */
  readonly minItems?: number;
  /** @default - no limit */
  readonly maxItems?: number;
}

/** A block: the body of a resource, data source, provider or nested block. */
export interface BlockSchema {
  readonly attributes: { readonly [name: string]: AttributeSchema };
  readonly blockTypes: { readonly [name: string]: NestedBlockSchema };
}

/** Everything Terraform needs to know about one provider. Resource schemas load on demand. */
export interface ProviderSchema {
  /** Source address without host, as in `required_providers`, e.g. `hashicorp/azurerm`, `azure/azapi`. */
  readonly source: string;
  /** The provider version the schema describes, e.g. `4.55.0`. */
  readonly version: string;
  /** The `provider "…" {}` block. */
  readonly provider: BlockSchema;
  /** Every managed resource type, sorted. */
  readonly resourceTypes: readonly string[];
  /** Every data source type, sorted. */
  readonly dataSourceTypes: readonly string[];
  /** A managed resource type's schema, or undefined when the provider has no such type. */
  resource(type: string): BlockSchema | undefined;
  /** A data source type's schema, or undefined when the provider has no such type. */
  dataSource(type: string): BlockSchema | undefined;
}

/** The providers a check knows, by provider local name / type prefix (`azurerm`, `aws`, `azapi`, ...). */
export interface SchemaRegistry {
  /** The provider whose local name (the resource-type prefix, or `required_providers` key) is `name`. */
  provider(name: string): ProviderSchema | undefined;
  /** Every local name the registry can serve (only providers whose package is installed). */
  readonly names: readonly string[];
}
