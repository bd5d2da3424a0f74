/**
 * cty values in msgpack, as Terraform and providers exchange them in tfplugin6 `DynamicValue.msgpack`.
 *
 * The encoding follows zclconf/go-cty `cty/msgpack` (v1.16, the version Terraform 1.11 links):
 * objects are maps with their attributes in name order, lists/sets/tuples arrays, maps maps, null nil,
 * numbers ints or float64 (a number neither can hold exactly: its decimal text as a string), an unknown
 * value extension type 0 (`d4 00 00`), a refined unknown extension type 12 whose body is a map of
 * refinements (1: nullness, 2: string prefix, 3/4: number bounds, 5/6: length bounds), and a value of
 * a `dynamic`-typed slot a 2-array of [type JSON as bytes, value encoded per that type].
 *
 * @msgpack/msgpack loads on the first call only (lazy require), so importing this module costs nothing.
 */
import type { CtyType } from "../schema/types";

/** An unknown value (known only after apply). */
export class CtyUnknown {
  /** The raw refinement map (extension 12 body), kept to re-encode it unchanged. */
  readonly refinements?: Uint8Array;
  /** The refinements say the value will not be null. */
  readonly notNull: boolean;
  constructor(refinements?: Uint8Array, notNull = false) {
    this.refinements = refinements;
    this.notNull = notNull;
  }
}

/** The unknown value without refinements. */
export const UNKNOWN = new CtyUnknown();

/** A value in a `dynamic`-typed slot: its concrete type travels with it. */
export class CtyDynamic {
  constructor(readonly type: CtyType, readonly value: CtyValue) {}
}

/** A cty value in JavaScript. Numbers too large or precise for a double are decimal strings. */
export type CtyValue =
  | null
  | string
  | number
  | boolean
  | CtyUnknown
  | CtyDynamic
  | readonly CtyValue[]
  | { readonly [key: string]: CtyValue };

/** A value that does not fit its type. */
export class CtyValueError extends Error {
  constructor(path: readonly (string | number)[], message: string) {
    super(`${path.length ? path.join(".") + ": " : ""}${message}`);
    this.name = "CtyValueError";
  }
}

type Msgpack = typeof import("@msgpack/msgpack");
let msgpackModule: Msgpack | undefined;
function msgpack(): Msgpack {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  msgpackModule ??= require("@msgpack/msgpack") as Msgpack;
  return msgpackModule;
}

const UNKNOWN_EXT = 0;
const REFINED_UNKNOWN_EXT = 12;

/** Encodes `value` as msgpack per `type` (cty's wire encoding). */
export function encodeCty(value: CtyValue, type: CtyType): Uint8Array {
  return msgpack().encode(toWire(value, type, []), { sortKeys: false, forceFloat32: false });
}

/** Decodes msgpack bytes per `type`. */
export function decodeCty(bytes: Uint8Array, type: CtyType): CtyValue {
  const { decode } = msgpack();
  return fromWire(decode(bytes, { useBigInt64: false }), type, []);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function toWire(value: CtyValue, type: CtyType, path: (string | number)[]): unknown {
  const { ExtData } = msgpack();
  if (value instanceof CtyUnknown) {
    if (value.refinements && type !== "dynamic") return new ExtData(REFINED_UNKNOWN_EXT, value.refinements);
    return new ExtData(UNKNOWN_EXT, new Uint8Array([0]));
  }
  if (type === "dynamic") {
    if (value === null) return null;
    if (!(value instanceof CtyDynamic)) {
      throw new CtyValueError(path, "a value of a dynamic-typed slot must carry its type (CtyDynamic)");
    }
    if (value.value instanceof CtyUnknown && value.type === "dynamic") return new ExtData(UNKNOWN_EXT, new Uint8Array([0]));
    return [new TextEncoder().encode(JSON.stringify(value.type)), toWire(value.value, value.type, path)];
  }
  if (value === null) return null;
  if (value instanceof CtyDynamic) return toWire(value.value, type, path);
  if (typeof type === "string") {
    switch (type) {
      case "string":
        if (typeof value !== "string") throw new CtyValueError(path, `string required, got ${describe(value)}`);
        return value;
      case "bool":
        if (typeof value !== "boolean") throw new CtyValueError(path, `bool required, got ${describe(value)}`);
        return value;
      case "number":
        if (typeof value === "number") {
          if (Number.isNaN(value)) throw new CtyValueError(path, "NaN is not a cty number");
          return value;
        }
        if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return value;
        throw new CtyValueError(path, `number required, got ${describe(value)}`);
    }
  }
  const [kind, inner] = type as readonly [string, unknown];
  switch (kind) {
    case "list":
    case "set":
      if (!Array.isArray(value)) throw new CtyValueError(path, `${kind} required, got ${describe(value)}`);
      return value.map((v, i) => toWire(v, inner as CtyType, [...path, i]));
    case "tuple": {
      const types = inner as readonly CtyType[];
      if (!Array.isArray(value) || value.length !== types.length) {
        throw new CtyValueError(path, `tuple of ${types.length} elements required, got ${describe(value)}`);
      }
      return value.map((v, i) => toWire(v, types[i], [...path, i]));
    }
    case "map": {
      if (!isObject(value)) throw new CtyValueError(path, `map required, got ${describe(value)}`);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value).sort()) out[key] = toWire(value[key], inner as CtyType, [...path, key]);
      return out;
    }
    case "object": {
      if (!isObject(value)) throw new CtyValueError(path, `object required, got ${describe(value)}`);
      const attrs = inner as Record<string, CtyType>;
      for (const key of Object.keys(value)) {
        if (!(key in attrs)) throw new CtyValueError(path, `unexpected attribute "${key}"`);
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(attrs).sort()) {
        out[key] = toWire(value[key] === undefined ? null : value[key], attrs[key], [...path, key]);
      }
      return out;
    }
  }
  throw new CtyValueError(path, `unsupported type ${JSON.stringify(type)}`);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value;
}

function unknownFromExt(ext: { type: number; data: Uint8Array }, path: (string | number)[]): CtyUnknown {
  if (ext.data.length <= 1) return UNKNOWN;
  if (ext.type !== REFINED_UNKNOWN_EXT) {
    throw new CtyValueError(path, `unsupported msgpack extension type ${ext.type} with length ${ext.data.length}`);
  }
  const refinements = msgpack().decode(ext.data);
  let notNull = false;
  if (refinements instanceof Map) notNull = refinements.get(1) === false;
  else if (isObject(refinements)) notNull = refinements["1"] === false;
  return new CtyUnknown(ext.data, notNull);
}

function fromWire(wire: unknown, type: CtyType, path: (string | number)[]): CtyValue {
  const { ExtData } = msgpack();
  if (wire instanceof ExtData) {
    const unknown = unknownFromExt(wire as { type: number; data: Uint8Array }, path);
    return unknown;
  }
  if (type === "dynamic") {
    if (wire === null || wire === undefined) return null;
    if (!Array.isArray(wire) || wire.length !== 2) {
      throw new CtyValueError(path, "a dynamic value must be a 2-element array [type, value]");
    }
    const typeBytes = wire[0];
    const typeText = typeof typeBytes === "string" ? typeBytes : new TextDecoder().decode(typeBytes as Uint8Array);
    const actual = JSON.parse(typeText) as CtyType;
    return new CtyDynamic(actual, fromWire(wire[1], actual, path));
  }
  if (wire === null || wire === undefined) return null;
  if (typeof type === "string") {
    switch (type) {
      case "string":
        if (typeof wire !== "string") throw new CtyValueError(path, `string expected, got ${describe(wire)}`);
        return wire;
      case "bool":
        if (typeof wire !== "boolean") throw new CtyValueError(path, `bool expected, got ${describe(wire)}`);
        return wire;
      case "number":
        if (typeof wire === "number") return wire;
        if (typeof wire === "bigint") return Number.isSafeInteger(Number(wire)) ? Number(wire) : wire.toString();
        if (typeof wire === "string") return wire;
        throw new CtyValueError(path, `number expected, got ${describe(wire)}`);
    }
  }
  const [kind, inner] = type as readonly [string, unknown];
  switch (kind) {
    case "list":
    case "set":
      if (!Array.isArray(wire)) throw new CtyValueError(path, `${kind} expected, got ${describe(wire)}`);
      return wire.map((v, i) => fromWire(v, inner as CtyType, [...path, i]));
    case "tuple": {
      const types = inner as readonly CtyType[];
      if (!Array.isArray(wire) || wire.length !== types.length) {
        throw new CtyValueError(path, `tuple of ${types.length} elements expected`);
      }
      return wire.map((v, i) => fromWire(v, types[i], [...path, i]));
    }
    case "map": {
      const entries = wireEntries(wire, path);
      const out: Record<string, CtyValue> = {};
      for (const [key, v] of entries) out[key] = fromWire(v, inner as CtyType, [...path, key]);
      return out;
    }
    case "object": {
      const attrs = inner as Record<string, CtyType>;
      const got = new Map(wireEntries(wire, path));
      const out: Record<string, CtyValue> = {};
      for (const key of Object.keys(attrs).sort()) {
        out[key] = got.has(key) ? fromWire(got.get(key), attrs[key], [...path, key]) : null;
      }
      return out;
    }
  }
  throw new CtyValueError(path, `unsupported type ${JSON.stringify(type)}`);
}

function wireEntries(wire: unknown, path: (string | number)[]): [string, unknown][] {
  if (wire instanceof Map) return [...wire.entries()].map(([k, v]) => [String(k), v]);
  if (isObject(wire)) return Object.entries(wire);
  throw new CtyValueError(path, `map or object expected, got ${describe(wire)}`);
}

/**
 * A value from cty's JSON encoding (tfplugin6 `DynamicValue.json`, `RawState.json`): like msgpack but
 * a dynamic-typed slot holds `{"value": v, "type": t}`, and numbers may be JSON numbers or strings.
 * Attributes absent from an object are null; attributes the type does not know are dropped
 * (state written by an older schema).
 */
export function ctyFromJson(json: unknown, type: CtyType, path: (string | number)[] = []): CtyValue {
  if (json === null || json === undefined) return null;
  if (type === "dynamic") {
    if (isObject(json) && "type" in json && "value" in json) {
      const actual = json.type as CtyType;
      return new CtyDynamic(actual, ctyFromJson(json.value, actual, path));
    }
    return new CtyDynamic(impliedJsonType(json), ctyFromJson(json, impliedJsonType(json), path));
  }
  if (typeof type === "string") {
    switch (type) {
      case "string":
        if (typeof json === "string") return json;
        if (typeof json === "number" || typeof json === "boolean") return String(json);
        break;
      case "bool":
        if (typeof json === "boolean") return json;
        if (json === "true" || json === "false") return json === "true";
        break;
      case "number":
        if (typeof json === "number") return json;
        if (typeof json === "string" && json.trim() !== "" && !Number.isNaN(Number(json))) {
          return Number.isSafeInteger(Number(json)) || !/^-?\d+$/.test(json) ? Number(json) : json;
        }
        break;
    }
    throw new CtyValueError(path, `${type} expected, got ${describe(json)}`);
  }
  const [kind, inner] = type as readonly [string, unknown];
  switch (kind) {
    case "list":
    case "set":
      if (Array.isArray(json)) return json.map((v, i) => ctyFromJson(v, inner as CtyType, [...path, i]));
      break;
    case "tuple":
      if (Array.isArray(json)) return json.map((v, i) => ctyFromJson(v, (inner as CtyType[])[i], [...path, i]));
      break;
    case "map":
      if (isObject(json)) {
        const out: Record<string, CtyValue> = {};
        for (const key of Object.keys(json).sort()) out[key] = ctyFromJson(json[key], inner as CtyType, [...path, key]);
        return out;
      }
      break;
    case "object":
      if (isObject(json)) {
        const attrs = inner as Record<string, CtyType>;
        const out: Record<string, CtyValue> = {};
        for (const key of Object.keys(attrs).sort()) out[key] = ctyFromJson(json[key], attrs[key], [...path, key]);
        return out;
      }
      break;
  }
  throw new CtyValueError(path, `${kind} expected, got ${describe(json)}`);
}

/** The cty type a plain JSON value implies (what Terraform infers for a dynamic JSON literal). */
export function impliedJsonType(json: unknown): CtyType {
  if (typeof json === "string") return "string";
  if (typeof json === "number") return "number";
  if (typeof json === "boolean") return "bool";
  if (Array.isArray(json)) return ["tuple", json.map(impliedJsonType)];
  if (isObject(json)) {
    const attrs: Record<string, CtyType> = {};
    for (const key of Object.keys(json)) attrs[key] = impliedJsonType(json[key]);
    return ["object", attrs];
  }
  return "dynamic";
}
