/**
 * What the stub provider answers, as pure functions of a schema and cty values: the implied type of a
 * block, the planned state of a resource, the state of a data source, an imported object.
 */
import type { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema } from "../schema/types";
import { CtyDynamic, CtyUnknown, CtyValue, UNKNOWN } from "./cty-msgpack";

function hasDynamic(type: CtyType): boolean {
  if (type === "dynamic") return true;
  if (typeof type === "string") return false;
  if (type[0] === "object") return Object.values(type[1]).some(hasDynamic);
  if (type[0] === "tuple") return type[1].some(hasDynamic);
  return hasDynamic(type[1]);
}

/** The cty type of a block's value (Terraform's `configschema.Block.ImpliedType`). */
export function impliedType(block: BlockSchema): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const [name, attr] of Object.entries(block.attributes)) attrs[name] = attr.type;
  for (const [name, nested] of Object.entries(block.blockTypes)) attrs[name] = nestedType(nested);
  return ["object", attrs];
}

function nestedType(nested: NestedBlockSchema): CtyType {
  const element = impliedType(nested.block);
  switch (nested.nesting) {
    case "single":
    case "group":
      return element;
    case "list":
      // hcldec: a list of blocks with dynamic-typed attributes is a tuple, so its type is only known with its value.
      return hasDynamic(element) ? "dynamic" : ["list", element];
    case "map":
      return hasDynamic(element) ? "dynamic" : ["map", element];
    case "set":
      return ["set", element];
  }
}

type Obj = { readonly [key: string]: CtyValue };

function isObj(value: CtyValue): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof CtyUnknown) && !(value instanceof CtyDynamic);
}

/** Applies `fn` to every element object of a nested block's value (keeping unknowns, nulls and dynamic wrappers). */
function mapNested(value: CtyValue, nested: NestedBlockSchema, fn: (element: Obj) => CtyValue): CtyValue {
  if (value === null || value instanceof CtyUnknown) return value;
  if (value instanceof CtyDynamic) return new CtyDynamic(value.type, mapNested(value.value, nested, fn));
  switch (nested.nesting) {
    case "single":
    case "group":
      return isObj(value) ? fn(value) : value;
    case "list":
    case "set":
      return Array.isArray(value) ? value.map((e: CtyValue) => (isObj(e) ? fn(e) : e)) : value;
    case "map": {
      if (!isObj(value)) return value;
      const out: Record<string, CtyValue> = {};
      for (const [k, e] of Object.entries(value)) out[k] = isObj(e) ? fn(e) : e;
      return out;
    }
  }
}

/**
 * The planned new state of a resource: the proposed new state with every computed attribute that is
 * null set to unknown, in nested blocks too. A null proposal (destroy) plans null.
 */
export function planObject(block: BlockSchema, proposed: CtyValue): CtyValue {
  if (!isObj(proposed)) return proposed;
  const out: Record<string, CtyValue> = { ...proposed };
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.computed && (out[name] === null || out[name] === undefined)) out[name] = UNKNOWN;
  }
  for (const [name, nested] of Object.entries(block.blockTypes)) {
    const value = out[name] ?? null;
    // A list or set block the configuration leaves out, whose block has computed attributes, may be filled by
    // the provider: SDKv2 providers plan it unknown (with the legacy type system flag), so `block[0].attr`
    // is unknown at plan, not an invalid index. The packages cannot say which blocks are computed.
    const empty = value === null || (Array.isArray(value) && value.length === 0);
    if (empty && (nested.nesting === "list" || nested.nesting === "set") && hasComputed(nested.block)) out[name] = UNKNOWN;
    else out[name] = mapNested(value, nested, (e) => planObject(nested.block, e));
  }
  return out;
}

function hasComputed(block: BlockSchema): boolean {
  return Object.values(block.attributes).some((a) => a.computed) || Object.values(block.blockTypes).some((b) => hasComputed(b.block));
}

/** The placeholder string for `name`: base64 of `stub-<name>`. */
export function stubString(name: string): string {
  return Buffer.from(`stub-${name}`).toString("base64");
}

/** A known placeholder of `type` for a computed attribute named `name` that a data source returns. */
export function placeholder(type: CtyType, name: string): CtyValue {
  // Base64 of "stub-<name>": a plain string everywhere, and `base64decode()` (certificates, tokens) still works.
  if (type === "string") return stubString(name);
  if (type === "number") return 0;
  if (type === "bool") return false;
  if (type === "dynamic") return new CtyDynamic(["object", {}], {});
  switch (type[0]) {
    case "list":
    case "set":
      // One element, so `data.x.y.list[0].attr` reads a value as it would from a real read.
      return [placeholder(type[1], name)];
    case "map":
      return {};
    case "tuple":
      return type[1].map((t, i) => placeholder(t, `${name}_${i}`));
    case "object": {
      const out: Record<string, CtyValue> = {};
      for (const [k, t] of Object.entries(type[1])) out[k] = placeholder(t, k);
      return out;
    }
  }
}

/**
 * The state a data source reads: the configuration with every null computed attribute filled with a
 * placeholder of its type (strings base64 of `stub-<name>`, numbers 0, bools false, lists and sets of one placeholder,
 * maps empty).
 */
export function readDataObject(block: BlockSchema, config: CtyValue): CtyValue {
  if (!isObj(config)) return config;
  const out: Record<string, CtyValue> = { ...config };
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.computed && (out[name] === null || out[name] === undefined)) out[name] = placeholder(attr.type, name);
  }
  for (const [name, nested] of Object.entries(block.blockTypes)) {
    let value = out[name] ?? null;
    if (value === null && nested.nesting !== "single") value = nested.nesting === "map" ? {} : nested.nesting === "group" ? {} : [];
    if (nested.nesting === "group" && isObj(value) && Object.keys(value).length === 0) value = nullObject(nested.block);
    out[name] = mapNested(value, nested, (e) => readDataObject(nested.block, e));
  }
  return out;
}

/** An object of a block with every attribute null and every nested block empty. */
export function nullObject(block: BlockSchema): Obj {
  const out: Record<string, CtyValue> = {};
  for (const name of Object.keys(block.attributes)) out[name] = null;
  for (const [name, nested] of Object.entries(block.blockTypes)) {
    switch (nested.nesting) {
      case "single":
        out[name] = null;
        break;
      case "group":
        out[name] = nullObject(nested.block);
        break;
      case "list":
      case "set":
        out[name] = nestedType(nested) === "dynamic" ? new CtyDynamic(["tuple", []], []) : [];
        break;
      case "map":
        out[name] = nestedType(nested) === "dynamic" ? new CtyDynamic(["object", {}], {}) : {};
        break;
    }
  }
  return out;
}

/** The state an import of `id` yields: a null object with `id` set (when the type has an `id` attribute). */
export function importedObject(block: BlockSchema, id: string): Obj {
  const out = { ...nullObject(block) } as Record<string, CtyValue>;
  const idAttr: AttributeSchema | undefined = block.attributes.id;
  if (idAttr) out.id = idAttr.type === "dynamic" ? new CtyDynamic("string", id) : id;
  return out;
}
