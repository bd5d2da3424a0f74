import { CtyType } from "../schema/types";
import { isSingleInterpolation, isTemplate } from "./expressions";

/**
 * Whether a literal JSON value converts to a cty type the way Terraform converts it: a string becomes a
 * number when it parses as one and a bool when it is "true" or "false"; numbers and bools become strings.
 * A string that is one whole `${…}` may evaluate to any type, so it always fits; a longer template is a
 * string. Returns the first mismatch as a path and a message, or undefined when the value fits.
 */
export function typeMismatch(value: unknown, type: CtyType, path = ""): { path: string; message: string } | undefined {
  if (value === null || type === "dynamic") return undefined;
  if (typeof value === "string" && isSingleInterpolation(value)) return undefined;
  const got = describe(value);
  const fail = (expected: string) => ({ path, message: `got ${got}; expected ${expected}` });
  if (type === "string") return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? undefined : fail("a string");
  if (type === "number") {
    if (typeof value === "number") return undefined;
    if (typeof value === "string" && !isTemplate(value) && value.trim() !== "" && Number.isFinite(Number(value))) return undefined;
    return typeof value === "string" && isTemplate(value) ? fail("a number (this template always yields a string)") : fail("a number");
  }
  if (type === "bool") {
    if (typeof value === "boolean" || value === "true" || value === "false") return undefined;
    return fail("a bool");
  }
  const [kind, inner] = type;
  if (kind === "list" || kind === "set" || kind === "tuple") {
    if (!Array.isArray(value)) return fail(kind === "tuple" ? "a tuple" : `a ${kind} of ${typeName(inner as CtyType)}`);
    if (kind === "tuple") {
      const elements = inner as readonly CtyType[];
      if (value.length !== elements.length) return fail(`a tuple of ${elements.length} elements`);
      return firstOf(value.map((v, i) => typeMismatch(v, elements[i], `${path}[${i}]`)));
    }
    return firstOf(value.map((v, i) => typeMismatch(v, inner as CtyType, `${path}[${i}]`)));
  }
  if (typeof value !== "object" || Array.isArray(value)) return fail(kind === "map" ? `a map of ${typeName(inner as CtyType)}` : "an object");
  const entries = Object.entries(value as object).filter(([k]) => k !== "//");
  if (kind === "map") return firstOf(entries.map(([k, v]) => typeMismatch(v, inner as CtyType, `${path}["${k}"]`)));
  const attributes = inner as { readonly [name: string]: CtyType };
  for (const [k, v] of entries) {
    // cty's conversion drops attributes the type lacks, and the derived types cannot say which are optional.
    if (!(k in attributes)) continue;
    const mismatch = typeMismatch(v, attributes[k], `${path}.${k}`);
    if (mismatch) return mismatch;
  }
  return undefined;
}

function firstOf<T>(items: readonly (T | undefined)[]): T | undefined {
  return items.find((item) => item !== undefined);
}

/** A cty type in words: `list of string`, `map of number`, `object`. */
export function typeName(type: CtyType): string {
  if (typeof type === "string") return type === "dynamic" ? "any value" : type;
  const [kind, inner] = type;
  return kind === "object" || kind === "tuple" ? kind : `${kind} of ${typeName(inner as CtyType)}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `a list (${value.length} elements)`;
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `the ${typeof value} ${String(value)}`;
}
