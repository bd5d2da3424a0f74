import { BlockSchema, NestedBlockSchema } from "../schema/types";
import { CheckContext, isObject, Scope, segment } from "./context";
import { didYouMean } from "./diagnostics";
import { isSingleInterpolation, isTemplate } from "./expressions";
import { checkReferencesIn } from "./references";
import { typeMismatch, typeName } from "./values";

/**
 * Checks a block body against its schema: every key is an argument, a nested block or `dynamic`; required
 * arguments and blocks are present; literals convert to the argument's type; nested blocks have the shape
 * and count their nesting mode allows. References are checked in every value. `meta` keys are skipped
 * (the caller checks them).
 */
export function checkBody(ctx: CheckContext, body: { readonly [key: string]: unknown }, schema: BlockSchema, path: string, scope: Scope, meta: ReadonlySet<string> = NO_META): void {
  const dynamicBlocks = isObject(body.dynamic) ? body.dynamic : {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "//" || meta.has(key)) continue;
    const where = `${path}${segment(key)}`;
    if (key === "dynamic" && !schema.attributes.dynamic) {
      checkDynamic(ctx, value, schema, where, scope);
      continue;
    }
    const attribute = schema.attributes[key];
    const nested = schema.blockTypes[key];
    if (attribute) {
      if (attribute.computed && !attribute.optional && !attribute.required) {
        ctx.report("error", "read-only-argument", where, `"${key}" is computed by the provider and cannot be set in the configuration.`);
      }
      const mismatch = typeMismatch(value, attribute.type);
      if (mismatch) ctx.report("error", "argument-type", `${where}${mismatch.path}`, `${mismatch.message} (the argument's type is ${typeName(attribute.type)}).`);
      checkReferencesIn(ctx, value, where, scope);
    } else if (nested) {
      checkNestedBlocks(ctx, value, nested, key, where, scope);
    } else {
      const names = [...Object.keys(schema.attributes), ...Object.keys(schema.blockTypes)];
      ctx.report("error", "unknown-argument", where, `an argument or block named "${key}" is not expected here.${didYouMean(key, names)}`);
      checkReferencesIn(ctx, value, where, scope);
    }
  }
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (attribute.required && body[name] === undefined) {
      ctx.report("error", "missing-argument", path, `the argument "${name}" is required, but no definition was found.`);
    }
  }
  for (const [name, nested] of Object.entries(schema.blockTypes)) {
    if ((nested.minItems ?? 0) > 0 && body[name] === undefined && dynamicBlocks[name] === undefined) {
      ctx.report("error", "missing-argument", path, `at least ${nested.minItems} "${name}" block${nested.minItems === 1 ? " is" : "s are"} required.`);
    }
  }
}

const NO_META: ReadonlySet<string> = new Set();

/** A nested block's value: one object, or an array of objects (a map of objects for map nesting). */
function checkNestedBlocks(ctx: CheckContext, value: unknown, nested: NestedBlockSchema, name: string, path: string, scope: Scope): void {
  if (typeof value === "string") {
    const hint = isSingleInterpolation(value) || isTemplate(value) ? ` A block cannot be set from an expression in Terraform JSON: use a "dynamic" block.` : "";
    ctx.report("error", "block-shape", path, `"${name}" is a block: got a string; expected an object or a list of objects.${hint}`);
    return;
  }
  if (nested.nesting === "map") {
    if (!isObject(value)) {
      ctx.report("error", "block-shape", path, `"${name}" is a map of blocks: expected an object keyed by block label.`);
      return;
    }
    for (const [label, body] of Object.entries(value)) checkOneBlock(ctx, body, nested, `${path}${segment(label)}`, scope);
    return;
  }
  const blocks = Array.isArray(value) ? value : [value];
  if (!Array.isArray(value) && !isObject(value)) {
    ctx.report("error", "block-shape", path, `"${name}" is a block: got ${value === null ? "null" : typeof value}; expected an object or a list of objects.`);
    return;
  }
  const single = nested.nesting === "single" || nested.nesting === "group";
  const max = single ? 1 : nested.maxItems;
  if (max !== undefined && blocks.length > max) {
    ctx.report("error", "block-shape", path, `no more than ${max} "${name}" block${max === 1 ? " is" : "s are"} allowed; got ${blocks.length}.`);
  }
  if ((nested.minItems ?? 0) > blocks.length) {
    ctx.report("error", "block-shape", path, `at least ${nested.minItems} "${name}" block${nested.minItems === 1 ? " is" : "s are"} required; got ${blocks.length}.`);
  }
  blocks.forEach((body, i) => checkOneBlock(ctx, body, nested, Array.isArray(value) ? `${path}[${i}]` : path, scope));
}

function checkOneBlock(ctx: CheckContext, body: unknown, nested: NestedBlockSchema, path: string, scope: Scope): void {
  if (!isObject(body)) {
    ctx.report("error", "block-shape", path, `a block body must be an object; got ${Array.isArray(body) ? "a list" : body === null ? "null" : typeof body}.`);
    return;
  }
  checkBody(ctx, body, nested.block, path, scope);
}

const DYNAMIC_KEYS = new Set(["for_each", "iterator", "labels", "content", "//"]);

/** `dynamic.<block> = { for_each, iterator?, labels?, content }`: the block must exist; content is checked as its body. */
function checkDynamic(ctx: CheckContext, value: unknown, schema: BlockSchema, path: string, scope: Scope): void {
  if (!isObject(value)) {
    ctx.report("error", "block-shape", path, `"dynamic" must be an object keyed by block type name.`);
    return;
  }
  for (const [name, specs] of Object.entries(value)) {
    const where = `${path}${segment(name)}`;
    const nested = schema.blockTypes[name];
    if (!nested) {
      ctx.report("error", "unknown-argument", where, `a dynamic block of type "${name}" is not expected here: there is no such block type.${didYouMean(name, Object.keys(schema.blockTypes))}`);
      continue;
    }
    for (const [i, spec] of (Array.isArray(specs) ? specs : [specs]).entries()) {
      const at = Array.isArray(specs) ? `${where}[${i}]` : where;
      if (!isObject(spec) || spec.content === undefined || spec.for_each === undefined) {
        ctx.report("error", "block-shape", at, `a dynamic block needs "for_each" and "content".`);
        continue;
      }
      for (const key of Object.keys(spec)) {
        if (!DYNAMIC_KEYS.has(key)) ctx.report("error", "unknown-argument", `${at}${segment(key)}`, `a dynamic block takes only for_each, iterator, labels and content.`);
      }
      checkReferencesIn(ctx, spec.for_each, `${at}.for_each`, scope);
      const iterator = typeof spec.iterator === "string" ? spec.iterator : name;
      const inner: Scope = { ...scope, iterators: new Set([...scope.iterators, iterator]) };
      if (!isObject(spec.content)) ctx.report("error", "block-shape", `${at}.content`, "a dynamic block's content must be an object.");
      else checkBody(ctx, spec.content, nested.block, `${at}.content`, inner);
    }
  }
}
