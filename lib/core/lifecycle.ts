import { TerraformResource } from "cdktf";

/**
 * Adds attributes to a resource's `lifecycle.ignore_changes`, keeping what is already there.
 * Several constructs may guard the same cluster (sensor and policy add-on), so this merges
 * instead of replacing, and keeps the list sorted so the output does not depend on call order.
 */
export function addIgnoreChanges(resource: TerraformResource, attributes: readonly string[]): void {
  const lifecycle = resource.lifecycle ?? {};
  if (lifecycle.ignoreChanges === "all") return;
  const merged = new Set([...(lifecycle.ignoreChanges ?? []), ...attributes]);
  resource.lifecycle = { ...lifecycle, ignoreChanges: [...merged].sort() };
}

/** Sets `lifecycle.prevent_destroy`, keeping the rest of the lifecycle block. */
export function setPreventDestroy(resource: TerraformResource, preventDestroy: boolean): void {
  resource.lifecycle = { ...(resource.lifecycle ?? {}), preventDestroy };
}

/** True when the resource's `lifecycle.ignore_changes` is `all` or lists `attribute`. */
export function ignoresAttribute(resource: TerraformResource, attribute: string): boolean {
  const ignored = resource.lifecycle?.ignoreChanges;
  return ignored === "all" || (Array.isArray(ignored) && ignored.includes(attribute));
}
