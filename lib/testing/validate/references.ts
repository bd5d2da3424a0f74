import { BlockSchema, CtyType } from "../schema/types";
import { CheckContext, Declared, isObject, Scope, segment } from "./context";
import { didYouMean } from "./diagnostics";
import { Traversal, TraversalStep, traversalsInTemplate } from "./expressions";

/** Checks every `${…}` reference in a value (strings at any depth; object keys too, which may be templates). */
export function checkReferencesIn(ctx: CheckContext, value: unknown, path: string, scope: Scope): void {
  if (typeof value === "string") {
    if (!value.includes("{")) return;
    for (const t of traversalsInTemplate(value)) checkTraversal(ctx, t, path, scope);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkReferencesIn(ctx, v, `${path}[${i}]`, scope));
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === "//") continue;
      checkReferencesIn(ctx, k, path, scope);
      checkReferencesIn(ctx, v, `${path}${segment(k)}`, scope);
    }
  }
}

const GLOBAL_ROOTS = new Set(["path", "terraform"]);

/** Checks one reference against the declarations and, where the schema is known, the attribute it reads. */
export function checkTraversal(ctx: CheckContext, t: Traversal, path: string, scope: Scope): void {
  const fail = (message: string) => ctx.report("error", "reference", path, `${t.text}: ${message}`);
  const name = (i: number) => (t.steps[i]?.kind === "attr" ? (t.steps[i] as { name: string }).name : undefined);
  if (GLOBAL_ROOTS.has(t.root) || scope.iterators.has(t.root)) return;
  switch (t.root) {
    case "var":
      if (!name(0) || !ctx.variables.has(name(0)!)) fail(`no variable "${name(0) ?? ""}" is declared.${didYouMean(name(0) ?? "", ctx.variables)}`);
      return;
    case "local":
      if (!name(0) || !ctx.locals.has(name(0)!)) fail(`no local value "${name(0) ?? ""}" is declared.${didYouMean(name(0) ?? "", ctx.locals)}`);
      return;
    case "module":
      if (!name(0) || !ctx.modules.has(name(0)!)) fail(`no module "${name(0) ?? ""}" is declared.`);
      return;
    case "each":
      if (!scope.forEach) fail('"each" is only available in a block that sets for_each.');
      else if (name(0) !== "key" && name(0) !== "value") fail('"each" has only "key" and "value".');
      return;
    case "count":
      if (!scope.count) fail('"count" is only available in a block that sets count.');
      else if (name(0) !== "index") fail('"count" has only "index".');
      return;
    case "self":
      if (!scope.self) fail('"self" is only available in provisioner and connection blocks.');
      return;
    case "data": {
      const type = name(0);
      const label = name(1);
      const declared = type && label ? ctx.data.get(type)?.get(label) : undefined;
      if (!declared && ctx.otherStacks.has(`data.${type}.${label}`)) return;
      if (!declared) fail(`no data source "data.${type ?? ""}.${label ?? ""}" is declared.${didYouMean(`${type}.${label}`, labelsOf(ctx.data))}`);
      else checkInstanceAccess(ctx, t, 1, declared, fail);
      return;
    }
    default: {
      const label = name(0);
      const declared = label ? ctx.resources.get(t.root)?.get(label) : undefined;
      if (!declared && ctx.otherStacks.has(`${t.root}.${label}`)) return;
      if (!label) fail("a reference to a resource type must be followed by the resource's name.");
      else if (!declared) fail(`no resource "${t.root}.${label}" is declared.${didYouMean(`${t.root}.${label}`, labelsOf(ctx.resources))}`);
      else checkInstanceAccess(ctx, t, 0, declared, fail);
    }
  }
}

function labelsOf(declared: ReadonlyMap<string, ReadonlyMap<string, Declared>>): string[] {
  return [...declared].flatMap(([type, byName]) => [...byName.keys()].map((n) => `${type}.${n}`));
}

/**
 * After `type.name`: a resource with `count` or `for_each` is a collection, so an attribute needs an
 * instance key first (Terraform: "Missing resource instance key"); a single resource takes none
 * ("Unexpected resource instance key"). Then the attribute must exist in the schema.
 */
function checkInstanceAccess(_ctx: CheckContext, t: Traversal, nameIndex: number, declared: Declared, fail: (m: string) => void): void {
  let rest = t.steps.slice(nameIndex + 1);
  const first = rest[0];
  if (first === undefined) return;
  if (declared.count || declared.forEach) {
    if (first.kind === "attr") {
      fail(`the resource has ${declared.forEach ? "for_each" : "count"} set, so its attributes must be read from one instance: add ${declared.forEach ? '["key"]' : "[index]"} before ".${first.name}".`);
      return;
    }
    if (first.kind === "dynamic-index") return;
    rest = rest.slice(1);
  } else if (first.kind === "index" || first.kind === "dynamic-index") {
    fail("the resource has neither count nor for_each set, so it takes no instance key.");
    return;
  } else if (first.kind === "splat") {
    rest = rest.slice(1);
  }
  if (declared.schema) checkBlockSteps(declared.schema, rest, fail);
}

/** Walks attribute steps through a block schema and then through cty types; stops at what it cannot know. */
function checkBlockSteps(block: BlockSchema, steps: readonly TraversalStep[], fail: (m: string) => void): void {
  const step = steps[0];
  if (step === undefined || step.kind !== "attr") return;
  const attribute = block.attributes[step.name];
  if (attribute) return checkTypeSteps(attribute.type, steps.slice(1), step.name, fail);
  const nested = block.blockTypes[step.name];
  if (!nested) {
    const names = [...Object.keys(block.attributes), ...Object.keys(block.blockTypes)];
    fail(`this object has no argument, nested block or exported attribute named "${step.name}".${didYouMean(step.name, names)}`);
    return;
  }
  const rest = steps.slice(1);
  if (nested.nesting === "single" || nested.nesting === "group") return checkBlockSteps(nested.block, rest, fail);
  const next = rest[0];
  if (next === undefined || next.kind === "splat" || next.kind === "dynamic-index") return;
  if (nested.nesting === "set" && next.kind === "index") {
    fail(`"${step.name}" is a set of blocks, which cannot be indexed; use a for expression or one() instead.`);
    return;
  }
  if (nested.nesting === "list" && next.kind === "attr") {
    fail(`"${step.name}" is a list of blocks: read an element first, e.g. ${step.name}[0].${next.name}.`);
    return;
  }
  if (next.kind === "index") checkBlockSteps(nested.block, rest.slice(1), fail);
}

function checkTypeSteps(type: CtyType, steps: readonly TraversalStep[], where: string, fail: (m: string) => void): void {
  const step = steps[0];
  if (step === undefined || typeof type === "string") return;
  const [kind, inner] = type;
  if (kind === "object" && step.kind === "attr") {
    const attributes = inner as { readonly [name: string]: CtyType };
    if (!(step.name in attributes)) fail(`"${where}" has no attribute "${step.name}".${didYouMean(step.name, Object.keys(attributes))}`);
    else checkTypeSteps(attributes[step.name], steps.slice(1), step.name, fail);
  } else if (kind === "list" && step.kind === "attr") {
    fail(`"${where}" is a list: read an element first, e.g. ${where}[0].${step.name}.`);
  } else if (kind === "set" && step.kind === "index") {
    fail(`"${where}" is a set, which cannot be indexed.`);
  } else if ((kind === "list" || kind === "map") && step.kind === "index") {
    checkTypeSteps(inner as CtyType, steps.slice(1), where, fail);
  }
}
