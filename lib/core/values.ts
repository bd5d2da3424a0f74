// Helpers for nested configuration values (Helm values): built from dotted paths, merged, and
// serialized with sorted keys so the output does not depend on the order values were added in.

/** A nested map of values, as in a Helm values file. */
export type ValueTree = { [key: string]: unknown };

function isPlainObject(value: unknown): value is ValueTree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sets `path` (dot-separated keys, e.g. `global.cloudIdentifiers.AWS.region`) in `tree`, creating maps on the way. */
export function setValuePath(tree: ValueTree, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as ValueTree;
  }
  node[keys[keys.length - 1]] = value;
}

/**
 * Merges `override` into a copy of `base` the way Helm merges values files: maps merge key by key,
 * anything else (strings, lists) in `override` replaces what `base` has.
 */
export function mergeValues(base: ValueTree, override: ValueTree): ValueTree {
  const result: ValueTree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    result[key] = isPlainObject(value) && isPlainObject(result[key]) ? mergeValues(result[key] as ValueTree, value) : value;
  }
  return result;
}

/** A copy of `value` with the keys of every map sorted. */
export function sortValueKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortValueKeys) as T;
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortValueKeys(value[key])])) as T;
}

/** Deterministic JSON (sorted keys, 2-space indent): a valid YAML document for Helm's `values`. */
export function stableValuesDocument(tree: ValueTree): string {
  return JSON.stringify(sortValueKeys(tree), null, 2);
}
