/**
 * A resource as it appears in Terraform JSON (`cdk.tf.json`), and the few readers the rules and the
 * coverage report need. Pure functions over plain JSON: they are shared by the synth-time aspect
 * (which first turns unresolved cdktf tokens into {@link UNRESOLVED}) and the coverage report
 * (which reads synthesized files, where references are `${...}` expressions).
 */

/** One resource: Terraform type, logical ID and body (snake_case keys). */
export interface SynthesizedResource {
  /** Terraform type, e.g. `azurerm_kubernetes_cluster`. */
  readonly type: string;
  /** Logical ID (the name after the type in the Terraform address). */
  readonly logicalId: string;
  /** The resource body as synthesized. */
  readonly config: SynthesizedConfig;
  /**
   * Addresses the body references (`azurerm_kubernetes_cluster.cluster.id`) where the synth-time
   * checks replaced a token by `${unresolved}`.
   * @default - none known (the body holds its references as `${…}` text, as in a synthesized stack)
   */
  readonly references?: readonly string[];
}

/** A resource body as synthesized. */
export type SynthesizedConfig = Readonly<Record<string, unknown>>;

/** The resources of one stack, by type. */
export interface StackResources {
  /** Resources of one Terraform type, sorted by logical ID. */
  ofType(type: string): readonly SynthesizedResource[];
}

/** What the aspect writes in place of a value that is only known at plan time. */
export const UNRESOLVED = "${unresolved}";

/**
 * True for a Terraform expression (`${...}`): a reference or an unresolved token. Such a value is
 * known at plan time only, so the checks count it as set.
 */
export function isExpression(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

/** True for a non-empty literal string or an expression. */
export function isSetString(value: unknown): boolean {
  return typeof value === "string" && value.trim().length > 0;
}

/** True for `true` (or `"true"`, which Terraform converts) or an expression. */
export function isTrueOrExpression(value: unknown): boolean {
  return value === true || value === "true" || isExpression(value);
}

/**
 * A nested block: Terraform JSON writes a block as an object or a list of objects. Returns the
 * (first) object, {@link UNRESOLVED} for an expression or a `dynamic` block, or undefined.
 */
export function blockOf(config: SynthesizedConfig, name: string): Readonly<Record<string, unknown>> | string | undefined {
  const dynamic = config.dynamic as Record<string, unknown> | undefined;
  if (dynamic && typeof dynamic === "object" && dynamic[name] !== undefined) return UNRESOLVED;
  const value = config[name];
  if (isExpression(value)) return value as string;
  const first = Array.isArray(value) ? value[0] : value;
  return first !== null && typeof first === "object" ? (first as Record<string, unknown>) : undefined;
}

/** True when the list-valued argument holds `wanted` (compared case-insensitively), an expression, or is an expression. */
export function listHoldsOrUnresolved(value: unknown, wanted: string): boolean {
  if (isExpression(value)) return true;
  if (!Array.isArray(value)) return false;
  return value.some((item) => isExpression(item) || (typeof item === "string" && item.toLowerCase() === wanted.toLowerCase()));
}

/** A literal string compared case-insensitively; an expression matches anything. */
export function equalsOrUnresolved(value: unknown, wanted: string): boolean {
  return isExpression(value) || (typeof value === "string" && value.toLowerCase() === wanted.toLowerCase());
}

/** The literal value of a string argument, or undefined for expressions and missing values. */
export function literalString(value: unknown): string | undefined {
  return typeof value === "string" && !isExpression(value) && value.length > 0 ? value : undefined;
}

/** Reads every resource of a parsed `cdk.tf.json`, sorted by type and logical ID. */
export function resourcesOfTerraformJson(json: { readonly resource?: Record<string, Record<string, unknown>> }): SynthesizedResource[] {
  const resources: SynthesizedResource[] = [];
  for (const type of Object.keys(json.resource ?? {}).sort()) {
    const byId = json.resource![type] ?? {};
    for (const logicalId of Object.keys(byId).sort()) {
      resources.push({ type, logicalId, config: (byId[logicalId] ?? {}) as SynthesizedConfig });
    }
  }
  return resources;
}

/** {@link StackResources} over a list of resources. */
export function stackResourcesOf(resources: readonly SynthesizedResource[]): StackResources {
  const byType = new Map<string, SynthesizedResource[]>();
  for (const resource of resources) {
    const list = byType.get(resource.type) ?? [];
    list.push(resource);
    byType.set(resource.type, list);
  }
  for (const list of byType.values()) list.sort((a, b) => a.logicalId.localeCompare(b.logicalId));
  return { ofType: (type) => byType.get(type) ?? [] };
}

const REFERENCE_PATTERNS = new Map<string, RegExp>();

/** Logical IDs of resources of `type` that `value` references (`${type.id.…}`). */
export function referencedIds(value: unknown, type: string): string[] {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? "");
  if (!text.includes(type)) return [];
  let pattern = REFERENCE_PATTERNS.get(type);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\w.])${type.replace(/\./g, "\\.")}\\.([A-Za-z0-9_-]+)`, "g");
    REFERENCE_PATTERNS.set(type, pattern);
  }
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1]))];
}
