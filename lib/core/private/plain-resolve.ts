/**
 * A fast path for cdktf's `resolve()` on values that hold no token at all.
 *
 * cdktf 0.21 resolves every element of a stack three times per synth (`prepareStack()`, then
 * `toTerraform()` per element, then the merged stack document once more), and its `resolve()` allocates
 * a resolution context (two closures, a prefix array) and runs three regular expressions for every
 * string, number, array and object it meets, token or not. The third pass, over the merged document,
 * meets almost only plain values: what the per-element pass already resolved. So do the provider blocks
 * and backends of every pass. For such a value `resolve()` returns a copy without `undefined` members,
 * which this module builds directly; anything that may hold a token, or that `resolve()` would reject,
 * goes to cdktf's own `resolve()` whole, unchanged.
 *
 * "Plain" is decided conservatively, mirroring each branch of cdktf's resolve
 * (hashicorp/terraform-cdk v0.21.0, packages/cdktf/lib/tokens/private/resolve.ts):
 * - strings: none containing `TfToken[` (the marker of string, list and map tokens), none equal to the
 *   map-token placeholders, and none whose number-like runs decode to a number token (the
 *   `TokenString.forNumbers` pass);
 * - numbers: not a number token, a list-number token or the map-number placeholder;
 * - arrays and objects: plain ones only (prototype `Array`/`Object`/`null`; no `resolve` method, so no
 *   `IResolvable`; no construct), at most 200 levels deep (cdktf's cycle limit);
 * - `undefined`, `null`, booleans and `Date`s as `resolve()` treats them; functions, symbols and anything
 *   else go to cdktf.
 * The output is byte-identical (tested on whole estates: every `cdk.tf.json` and `manifest.json`).
 * `DefenderEstate` installs it for its app until `app.synth()` returns (`restoreAfterSynth`).
 */
const RESOLVE_MODULE = "cdktf/lib/tokens/private/resolve";
const ENCODING_MODULE = "cdktf/lib/tokens/private/encoding";

type Resolve = (obj: unknown, options: unknown) => unknown;
interface ResolveModule {
  resolve: Resolve;
}
interface EncodingModule {
  extractTokenDouble: (encoded: number, list: boolean) => number | undefined;
}

/** Returned by `plainCopy` when cdktf must resolve the value. */
const NOT_PLAIN: unique symbol = Symbol("not plain");
/** The same expression as cdktf's NUMBER_TOKEN_REGEX (encoding.ts), global for matchAll. */
const NUMBER_LIKE = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/g;
const MAP_TOKEN_STRINGS = new Set(["String Map Token Value", "Any Map Token Value"]);
const NUMBER_MAP_TOKEN_VALUE = -123456789;
const MAX_DEPTH = 200;

let modules: { resolve: ResolveModule; encoding: EncodingModule } | null | undefined;
let original: Resolve | undefined;
let holders = 0;

function load(): typeof modules {
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

function plainString(s: string, encoding: EncodingModule): boolean {
  if (s.includes("TfToken[") || MAP_TOKEN_STRINGS.has(s)) return false;
  // Number tokens are negative doubles printed with an exponent (about -1.9e+289): a string without
  // both a "-" and an "e" cannot hold one, and most strings skip the expression.
  if (!s.includes("-") || !s.includes("e")) return true;
  NUMBER_LIKE.lastIndex = 0;
  for (let m = NUMBER_LIKE.exec(s); m; m = NUMBER_LIKE.exec(s)) if (!plainNumber(parseFloat(m[0]), encoding)) return false;
  return true;
}

function plainNumber(n: number, encoding: EncodingModule): boolean {
  return n !== NUMBER_MAP_TOKEN_VALUE && encoding.extractTokenDouble(n, false) === undefined && encoding.extractTokenDouble(n, true) === undefined;
}

/** What cdktf's resolve would return for a token-free `value`, or NOT_PLAIN. */
function plainCopy(value: unknown, depth: number, encoding: EncodingModule): unknown {
  switch (typeof value) {
    case "undefined":
    case "boolean":
      return value;
    case "string":
      return plainString(value, encoding) ? value : NOT_PLAIN;
    case "number":
      return plainNumber(value, encoding) ? value : NOT_PLAIN;
    case "object":
      break;
    default:
      return NOT_PLAIN;
  }
  if (value === null) return null;
  if (value instanceof Date) return value;
  if (depth > MAX_DEPTH) return NOT_PLAIN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    const out: unknown[] = [];
    for (const item of value) {
      const copy = plainCopy(item, depth + 1, encoding);
      if (copy === NOT_PLAIN) return NOT_PLAIN;
      if (copy !== undefined) out.push(copy);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { resolve?: unknown }).resolve === "function") return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!plainString(key, encoding)) return NOT_PLAIN;
    const copy = plainCopy((value as Record<string, unknown>)[key], depth + 1, encoding);
    if (copy === NOT_PLAIN) return NOT_PLAIN;
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
      const copy = plainCopy(obj, 0, encoding);
      return copy === NOT_PLAIN ? resolve(obj, options) : copy;
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
