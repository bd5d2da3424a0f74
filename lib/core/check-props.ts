import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { DefenderValidationError, invalidValue } from "./errors";
import { kindOf } from "./render-value";
import { PROP_SPECS } from "./prop-specs";
import { ensureStateOwnershipCheck } from "./state-ownership";
import { closestMatch } from "./suggest";

// The runtime type layer: TypeScript checks props at compile time, but JavaScript callers, values
// read from YAML and `as any` casts reach the constructs unchecked, where a string "false" turns a
// sensor on, a misspelt enum writes an invalid tier, Infinity becomes null in the JSON and a null in
// a list crashes a validator. Every public construct checks its props against a declarative spec
// first (one `checkProps` call at the top of the constructor), so each of those is a
// DefenderValidationError naming the construct, the property path, the value and the form expected.
// The specs of the public props interfaces are generated from their TypeScript declarations
// (./prop-specs.ts), so they cannot drift from the types.

/** The form a value must have. */
export type Spec =
  | "boolean"
  /** A finite number. */
  | "number"
  /** A finite whole number. */
  | "integer"
  | "string"
  /** Plain JSON-like data: strings, finite numbers, booleans, null, lists without holes, plain maps; no cycles, functions or constructs. */
  | "json"
  /** Anything (no check). */
  | "any"
  /** One of the listed values (an enum, named for the message, or a union of literals). */
  | { readonly oneOf: readonly (string | number | boolean)[]; readonly name?: string }
  /** A list without holes whose items have the form. */
  | { readonly list: Spec }
  /** A map of string keys to values of the form. */
  | { readonly map: Spec }
  /** An object of a type declared outside this library (IResolvable): not null, not a primitive. */
  | { readonly reference: string }
  /**
   * An instance of the named class or of a class extending it (matched by name, so two copies of a
   * package still match); `made` says how instances are made when the constructor is private.
   */
  | { readonly instanceOf: string; readonly made?: string }
  /** An object with these fields (a props struct). */
  | { readonly fields: Fields }
  /** A named struct of {@link PROP_SPECS} (resolved lazily, so structs can refer to each other). */
  | { readonly struct: string }
  /** Any of these forms. */
  | { readonly anyOf: readonly Spec[] };

/** A field: its form, wrapped in `{ optional }` when it may be left out. */
export type Field = Spec | { readonly optional: Spec };
/** The fields of a struct. */
export type Fields = { readonly [name: string]: Field };

/** Spec builders for hand-written specs: `checkProps(this, props, { fields: { tier: optional(oneOf("Standard", "Free")) } })`. */
export const oneOf = (...values: (string | number | boolean)[]): Spec => ({ oneOf: values });
export const listOf = (item: Spec): Spec => ({ list: item });
export const mapOf = (value: Spec): Spec => ({ map: value });
export const optional = (spec: Spec): Field => ({ optional: spec });

/** Nesting of JSON-like data checked before it is refused as too deep (Helm values are a few levels deep). */
const MAX_JSON_DEPTH = 64;

type Structs = { readonly [name: string]: Fields };

function isOptional(field: Field): field is { readonly optional: Spec } {
  return typeof field === "object" && "optional" in field;
}

/** The expected form, in words, to follow "expected ". */
export function describeSpec(spec: Spec, structs: Structs = {}): string {
  if (typeof spec === "string") {
    switch (spec) {
      case "boolean":
        return "true or false";
      case "number":
        return "a finite number";
      case "integer":
        return "a finite whole number";
      case "string":
        return "a string";
      case "json":
        return "plain JSON-like data (strings, finite numbers, booleans, null, lists and maps; no constructs, functions or cycles)";
      case "any":
        return "any value";
    }
  }
  if ("oneOf" in spec) {
    const values = spec.oneOf.map((v) => (typeof v === "string" && /^[\w./-]+$/.test(v) ? v : JSON.stringify(v)));
    return `${values.length === 1 ? values[0] : `one of ${values.join(", ")}`}${spec.name ? ` (${spec.name})` : ""}`;
  }
  if ("list" in spec) return `a list of ${plural(describeSpec(spec.list, structs))}`;
  if ("map" in spec) return `a map of string keys to ${plural(describeSpec(spec.map, structs))}`;
  if ("reference" in spec) return `${spec.reference} (an object)`;
  if ("instanceOf" in spec) return spec.made ?? article(spec.instanceOf);
  if ("struct" in spec) return `${article(spec.struct)} object`;
  if ("fields" in spec) return `an object with ${Object.keys(spec.fields).slice(0, 5).join(", ")}${Object.keys(spec.fields).length > 5 ? ", …" : ""}`;
  return spec.anyOf.map((s) => describeSpec(s, structs)).join(" or ");
}

function article(name: string): string {
  return `${/^[AEIOUaeiou]/.test(name) ? "an" : "a"} ${name}`;
}

function plural(form: string): string {
  return form
    .replace(/^(a|an) /, "")
    .replace(/^(\w+ )?(object)$/, "$1objects")
    .replace(/^(string|number|whole number|finite number|finite whole number)\b/, "$1s");
}

class Checker {
  constructor(
    private readonly scope: IConstruct,
    private readonly structs: Structs,
  ) {}

  fail(path: string, value: unknown, spec: Spec, hint?: string): never {
    invalidValue(this.scope, path, value, describeSpec(spec, this.structs), hint);
  }

  check(path: string, value: unknown, spec: Spec): void {
    if (spec === "any") return;
    // Tokens (`${TfToken[…]}` strings, encoded numbers and lists, IResolvable objects) are only known at plan time.
    if (safeIsUnresolved(value)) return;
    if (typeof spec === "string") return this.checkScalar(path, value, spec);
    if ("oneOf" in spec) {
      if (spec.oneOf.some((v) => Object.is(v, value))) return;
      const suggestion = typeof value === "string" ? suggestOneOf(value, spec.oneOf.filter((v): v is string => typeof v === "string")) : undefined;
      this.fail(path, value, spec, suggestion ? `Did you mean ${JSON.stringify(suggestion)}?` : undefined);
    }
    if ("list" in spec) return this.checkList(path, value, spec);
    if ("map" in spec) {
      const keys = isPlainObject(value) ? safeKeys(value) : undefined;
      if (!keys) this.fail(path, value, spec);
      for (const key of keys) this.check(`${path}[${JSON.stringify(key)}]`, readField(value as Record<string, unknown>, key), spec.map);
      return;
    }
    if ("reference" in spec) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) this.fail(path, value, spec);
      return;
    }
    if ("instanceOf" in spec) {
      if (!isInstanceOf(value, spec.instanceOf)) this.fail(path, value, spec);
      return;
    }
    if ("fields" in spec) return this.checkFields(path, value, spec.fields, spec);
    if ("struct" in spec) {
      const fields = this.structs[spec.struct];
      return fields ? this.checkFields(path, value, fields, spec) : undefined;
    }
    // anyOf: the first form that accepts the value wins; otherwise name them all.
    for (const option of spec.anyOf) {
      try {
        this.check(path, value, option);
        return;
      } catch (error) {
        if (!(error instanceof DefenderValidationError)) throw error;
      }
    }
    this.fail(path, value, spec);
  }

  private checkScalar(path: string, value: unknown, spec: "boolean" | "number" | "integer" | "string" | "json"): void {
    switch (spec) {
      case "boolean":
        if (typeof value !== "boolean") this.fail(path, value, spec);
        return;
      case "number":
        if (typeof value !== "number" || !Number.isFinite(value)) this.fail(path, value, spec);
        return;
      case "integer":
        if (typeof value !== "number" || !Number.isInteger(value)) this.fail(path, value, spec);
        return;
      case "string":
        if (typeof value !== "string") this.fail(path, value, spec);
        return;
      case "json":
        return this.checkJson(path, value, new Set(), 0);
    }
  }

  private checkList(path: string, value: unknown, spec: { readonly list: Spec }): void {
    if (!Array.isArray(value)) this.fail(path, value, spec);
    // A plain loop: forEach, map and every skip the holes of a sparse list (`[a, , b]`).
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) {
        throw new DefenderValidationError(this.scope, `${path}[${i}]: got an empty slot (a sparse list); expected ${describeSpec(spec.list, this.structs)}.`);
      }
      this.check(`${path}[${i}]`, value[i], spec.list);
    }
  }

  checkFields(path: string, value: unknown, fields: Fields, spec: Spec): void {
    if (!isPlainObjectOrInstance(value)) this.fail(path || "props", value, spec);
    const record = value as Record<string, unknown>;
    for (const [name, field] of Object.entries(fields)) {
      const fieldPath = path ? `${path}.${name}` : name;
      const fieldValue = readField(record, name);
      if (fieldValue === undefined) {
        if (isOptional(field)) continue;
        this.fail(fieldPath, fieldValue, field as Spec, "It is required.");
      }
      this.check(fieldPath, fieldValue, isOptional(field) ? field.optional : field);
    }
  }

  private checkJson(path: string, value: unknown, ancestors: Set<object>, depth: number): void {
    if (value === null || typeof value === "string" || typeof value === "boolean") return;
    if (safeIsUnresolved(value)) return;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) this.fail(path, value, "json", "JSON has no NaN or Infinity.");
      return;
    }
    if (typeof value !== "object") this.fail(path, value, "json", `Got ${kindOf(value)}.`);
    if (depth >= MAX_JSON_DEPTH) this.fail(path, value, "json", `It is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    if (ancestors.has(value)) this.fail(path, value, "json", "It contains itself (a circular structure).");
    if (Array.isArray(value)) {
      ancestors.add(value);
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw new DefenderValidationError(this.scope, `${path}[${i}]: got an empty slot (a sparse list); expected ${describeSpec("json")}.`);
        this.checkJson(`${path}[${i}]`, value[i], ancestors, depth + 1);
      }
      ancestors.delete(value);
      return;
    }
    if (!isPlainObject(value)) this.fail(path, value, "json", `Got ${kindOf(value)} of class ${className(value)}.`);
    const keys = safeKeys(value);
    if (!keys) this.fail(path, value, "json", "Its keys cannot be read (a proxy?).");
    ancestors.add(value);
    for (const key of keys) this.checkJson(`${path}[${JSON.stringify(key)}]`, readField(value, key), ancestors, depth + 1);
    ancestors.delete(value);
  }
}

function className(value: object): string {
  try {
    return String(Object.getPrototypeOf(value)?.constructor?.name ?? "(none)");
  } catch {
    return "(unknown)";
  }
}

/** The value meant: the same but for case and surrounding spaces, or one edit per four characters away. */
function suggestOneOf(value: string, candidates: readonly string[]): string | undefined {
  const folded = value.trim().toLowerCase();
  return candidates.find((c) => c.toLowerCase() === folded) ?? closestMatch(value, candidates, Math.max(1, Math.floor(value.length / 4)));
}

/** True when a class named `name` is on the prototype chain of `value`. */
function isInstanceOf(value: unknown, name: string): boolean {
  if (typeof value !== "object" || value === null) return false;
  try {
    for (let prototype = Object.getPrototypeOf(value); prototype; prototype = Object.getPrototypeOf(prototype)) {
      if (Object.prototype.hasOwnProperty.call(prototype, "constructor") && prototype.constructor?.name === name) return true;
    }
  } catch {
    // a proxy whose prototype cannot be read
  }
  return false;
}

function safeIsUnresolved(value: unknown): boolean {
  try {
    return Token.isUnresolved(value);
  } catch {
    return false;
  }
}

/** The own enumerable keys of `value`, or undefined when reading them throws (a hostile proxy). */
function safeKeys(value: object): string[] | undefined {
  try {
    return Object.keys(value);
  } catch {
    return undefined;
  }
}

function readField(record: Record<string, unknown>, name: string): unknown {
  try {
    return record[name];
  } catch {
    // A getter or proxy that throws: treat as a value that is none of the accepted forms.
    return Symbol("unreadable");
  }
}

/** A map literal: prototype Object.prototype or null, not a construct. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  try {
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
  } catch {
    return false;
  }
}

/** A props object or struct: any object that is not a list (constructs implement struct interfaces such as SecurityConnectorReference). */
function isPlainObjectOrInstance(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks `value` against `spec` and throws a {@link DefenderValidationError} at the first
 * mismatch, naming `path` (`props` for the props object, `clusters[2].name` below it).
 * @param structs named structs that `{ struct }` specs refer to
 */
export function checkValue(scope: IConstruct, path: string, value: unknown, spec: Spec, structs: Structs = PROP_SPECS): void {
  new Checker(scope, structs).check(path, value, spec);
}

/** The name of a props struct of a public construct. */
export type PropsStruct = keyof typeof PROP_SPECS;

/**
 * Checks the props of the construct `scope` against the spec of their struct (generated from the
 * TypeScript interface into ./prop-specs.ts), as the first statement after `super(scope, id)`:
 * `checkProps(this, props, "DefenderForContainersPlanProps")`. Returns `props`.
 */
export function checkProps<T>(scope: IConstruct, props: T, struct: PropsStruct): T {
  const fields: Fields = PROP_SPECS[struct];
  if (props === undefined || props === null || typeof props !== "object" || Array.isArray(props)) {
    invalidValue(scope, "props", props, `an object of ${struct}`, requiredHint(fields));
  }
  new Checker(scope, PROP_SPECS).checkFields("", props, fields, { struct });
  // Every construct of the library passes here: its stack gets the one-state-one-owner check.
  ensureStateOwnershipCheck(scope);
  return props;
}

/**
 * {@link checkProps} for a construct that must pass its props to `super(...)`, which may read them:
 * `super(scope, id, checkPropsBeforeSuper(scope, id, props, "AksDefenderForContainersProps"))`.
 * Errors name the path the construct will have.
 */
export function checkPropsBeforeSuper<T>(scope: IConstruct, id: string, props: T, struct: PropsStruct): T {
  const parent = scope.node.path;
  const path = parent ? `${parent}/${id}` : id;
  checkProps({ node: { path } } as IConstruct, props, struct);
  ensureStateOwnershipCheck(scope);
  return props;
}

function requiredHint(fields: Fields): string | undefined {
  const required = Object.entries(fields)
    .filter(([, field]) => !isOptional(field))
    .map(([name]) => name);
  return required.length ? `Required: ${required.join(", ")}.` : undefined;
}
