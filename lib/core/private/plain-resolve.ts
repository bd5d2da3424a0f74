/**
 * A fast path for cdktf's `resolve()`: plain values are copied here, and only the parts that hold a
 * token go to cdktf.
 *
 * cdktf 0.21 resolves every element of a stack three times per synth (`prepareStack()`, then
 * `toTerraform()` per element, then the merged stack document once more), and its `resolve()` allocates
 * a resolution context (two closures, a prefix array) and runs three regular expressions for every
 * string, number, array and object it meets, token or not. Most of what it meets is plain: provider
 * blocks, backends, resource attributes from props, and everything the per-element pass already
 * resolved. For such a value `resolve()` returns a copy without `undefined` members, which this module
 * builds directly. A value that may hold a token is handed to cdktf's own `resolve()` at the smallest
 * position where cdktf itself would resolve it on its own — a string, a number, an array that may hold
 * list tokens, an object with a `resolve` method or a token in a key — with the same options and the
 * prefix cdktf would have built, so tokens, cross-stack references and error messages are cdktf's.
 *
 * This mirrors each branch of cdktf's resolve (hashicorp/terraform-cdk v0.21.0,
 * packages/cdktf/lib/tokens/private/resolve.ts); "plain" is decided conservatively:
 * - strings: none containing `TfToken[` (the marker of string, list and map tokens), none equal to the
 *   map-token placeholders, and none whose number-like runs decode to a number token (the
 *   `TokenString.forNumbers` pass);
 * - numbers: not a number token, a list-number token or the map-number placeholder;
 * - arrays: plain `Array`s; one holding a list token goes to cdktf whole (cdktf splices those);
 * - objects: plain ones (prototype `Object` or `null`, no `resolve` method, not construct-shaped) whose
 *   keys are all plain strings; anything else goes to cdktf whole;
 * - `undefined`, `null`, booleans and `Date`s as `resolve()` treats them; functions, symbols and anything
 *   at a depth past 200 (cdktf's cycle limit) go to cdktf, which throws or returns them as it does.
 * Resolving a part on its own gives what the whole would: for plain arrays and objects cdktf only
 * recurses, passing the options on and copying the context flags (`suppressBraces`, `ignoreEscapes`,
 * `warnEscapes`, `iteratorContext`) unchanged from the caller's context.
 * The output is byte-identical (tested on whole estates: every `cdk.tf.json` and `manifest.json`).
 * `DefenderEstate` installs it for its app until `app.synth()` returns (`restoreAfterSynth`).
 */
const RESOLVE_MODULE = "cdktf/lib/tokens/private/resolve";
const ENCODING_MODULE = "cdktf/lib/tokens/private/encoding";

export type Resolve = (obj: unknown, options: unknown) => unknown;
interface ResolveModule {
  resolve: Resolve;
}
export interface EncodingModule {
  extractTokenDouble: (encoded: number, list: boolean) => number | undefined;
}
interface ResolveOptions {
  readonly prefix?: string[];
}

/** The same expression as cdktf's NUMBER_TOKEN_REGEX (encoding.ts), global for matchAll. */
const NUMBER_LIKE = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/g;
const MAP_TOKEN_STRINGS = new Set(["String Map Token Value", "Any Map Token Value"]);
const NUMBER_MAP_TOKEN_VALUE = -123456789;
export const MAX_DEPTH = 200;

let modules: { resolve: ResolveModule; encoding: EncodingModule } | null | undefined;
let original: Resolve | undefined;
let holders = 0;

/** cdktf's resolve and encoding modules, or null when this cdktf's layout is not the one mirrored here. */
export function load(): typeof modules {
  if (modules === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const resolve = require(RESOLVE_MODULE) as Partial<ResolveModule>;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const encoding = require(ENCODING_MODULE) as Partial<EncodingModule>;
      modules = typeof resolve.resolve === "function" && typeof encoding.extractTokenDouble === "function" ? { resolve: resolve as ResolveModule, encoding: encoding as EncodingModule } : null;
    } catch {
      modules = null; // another cdktf layout: nothing is patched, cdktf resolves everything itself
    }
  }
  return modules;
}

export function plainString(s: string, encoding: EncodingModule): boolean {
  if (s.includes("TfToken[") || MAP_TOKEN_STRINGS.has(s)) return false;
  // Number tokens are negative doubles printed with an exponent (about -1.9e+289): a string without
  // both a "-" and an "e" cannot hold one, and most strings skip the expression.
  if (!s.includes("-") || !s.includes("e")) return true;
  NUMBER_LIKE.lastIndex = 0;
  for (let m = NUMBER_LIKE.exec(s); m; m = NUMBER_LIKE.exec(s)) if (!plainNumber(parseFloat(m[0]), encoding)) return false;
  return true;
}

export function plainNumber(n: number, encoding: EncodingModule): boolean {
  return n !== NUMBER_MAP_TOKEN_VALUE && encoding.extractTokenDouble(n, false) === undefined && encoding.extractTokenDouble(n, true) === undefined;
}

/**
 * An array cdktf resolves as a whole: one holding a string-list or number-list token
 * (containsStringListTokenElement / containsNumberListTokenElement; any "#{TfToken[" counts).
 */
export function holdsListToken(items: readonly unknown[], encoding: EncodingModule): boolean {
  for (const item of items) {
    if (typeof item === "string" ? item.includes("#{TfToken[") : typeof item === "number" && encoding.extractTokenDouble(item, true) !== undefined) return true;
  }
  return false;
}

/** An object cdktf resolves as a whole or rejects: not a plain object, a token, a construct, or a key that may hold a token. */
export function opaqueObject(value: object, encoding: EncodingModule): boolean {
  const proto = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { resolve?: unknown }).resolve === "function") return true;
  if ((value as { _children?: unknown })._children !== undefined && (value as { _metadata?: unknown })._metadata !== undefined) return true;
  for (const key of Object.keys(value)) if (!plainString(key, encoding)) return true;
  return false;
}

/** cdktf's own resolution of `value`, found at `path` below the caller's prefix. */
function delegate(value: unknown, path: readonly string[], options: ResolveOptions, resolve: Resolve): unknown {
  return resolve(value, path.length === 0 ? options : { ...options, prefix: (options.prefix ?? []).concat(path) });
}

/**
 * What cdktf's `resolve(value, options)` returns: plain parts copied, the rest resolved by `resolve` at
 * the position `path` (the keys and indexes from the value handed in) under the caller's prefix.
 */
function resolveParts(value: unknown, path: string[], options: ResolveOptions, resolve: Resolve, encoding: EncodingModule): unknown {
  // cdktf throws past this depth whatever the value; it builds the message.
  if ((options.prefix?.length ?? 0) + path.length > MAX_DEPTH) return delegate(value, path, options, resolve);
  switch (typeof value) {
    case "undefined":
    case "boolean":
      return value;
    case "string":
      return plainString(value, encoding) ? value : delegate(value, path, options, resolve);
    case "number":
      return plainNumber(value, encoding) ? value : delegate(value, path, options, resolve);
    case "object":
      break;
    default:
      return delegate(value, path, options, resolve);
  }
  if (value === null) return null;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype || holdsListToken(value, encoding)) return delegate(value, path, options, resolve);
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      path.push(String(i));
      const copy = resolveParts(value[i], path, options, resolve, encoding);
      path.pop();
      if (copy !== undefined) out.push(copy);
    }
    return out;
  }
  if (opaqueObject(value, encoding)) return delegate(value, path, options, resolve);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    path.push(key);
    const copy = resolveParts((value as Record<string, unknown>)[key], path, options, resolve, encoding);
    path.pop();
    if (copy !== undefined) out[key] = copy;
  }
  return out;
}

/**
 * Installs the fast path until the returned function is called (reference-counted, process-wide while
 * on; calling the returned function twice is harmless).
 */
export function enablePlainResolve(): () => void {
  const loaded = load();
  if (!loaded) return () => undefined;
  if (holders++ === 0) {
    const resolve = (original = loaded.resolve.resolve);
    const encoding = loaded.encoding;
    loaded.resolve.resolve = function resolvePlainFirst(obj: unknown, options: unknown): unknown {
      return resolveParts(obj, [], options as ResolveOptions, resolve, encoding);
    };
  }
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    if (--holders === 0 && original) {
      loaded.resolve.resolve = original;
      original = undefined;
    }
  };
}
