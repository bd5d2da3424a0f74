import { Construct } from "constructs";

// Renders any value for an error message. Error messages are read by people (in a terminal or a CI
// log) and must never be the thing that fails: a value given by a JavaScript caller or read from YAML
// can be circular, a BigInt, a symbol, a function, a construct, a proxy that throws on every access,
// or a string with zero-width or bidirectional-control characters that would make the message lie
// about what was given. The rendering is bounded, escapes every invisible character, and never throws.

/** Longest rendering of one value, in characters (the message stays readable in a CI log). */
export const MAX_RENDERED_LENGTH = 200;
/** Items of a list or entries of a map shown before "…". */
const MAX_ITEMS = 10;
/** Nesting shown before "…". */
const MAX_DEPTH = 4;

// Characters a reader cannot see or that change how the text around them is displayed: C0/C1
// controls, soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul fillers, Mongolian
// vowel separator, zero-width space/joiners, directional marks, line/paragraph separators,
// bidirectional embeddings/overrides/isolates, word joiner and invisible operators, BOM, variation
// selectors, interlinear annotation, and every other Unicode format (Cf), separator (Z except the
// plain space) or unassigned/private-use/surrogate character.
// These are the characters to escape, control and combining ones included: the lint rules against them do not apply.
// eslint-disable-next-line no-control-regex, no-misleading-character-class
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\ufff0-\ufffb\p{Cf}\p{Co}\p{Cn}\p{Cs}]|[\u{e0000}-\u{e0fff}]/gu;

function escapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * `text` with every invisible, control, bidirectional-control or zero-width character written as a
 * `\uXXXX` escape (and backslashes and quotes escaped), so what a message shows is what was given.
 * Look-alike letters (Cyrillic "а" for Latin "a") are visible, so they stay as they are; the
 * validators reject them where the cloud does.
 */
export function escapeInvisible(text: string): string {
  // A lone surrogate is not matched by a `u` regex; replace it first.
  const noLoneSurrogates = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, escapeChar);
  return noLoneSurrogates.replace(INVISIBLE, escapeChar);
}

const JSON_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\" };

function quote(text: string, budget: number): string {
  const shown = text.length > budget ? `${text.slice(0, budget)}…` : text;
  // As JSON.stringify writes a string, plus every invisible character escaped.
  const escaped = escapeInvisible(shown.replace(/[\n\r\t"\\]/g, (char) => JSON_ESCAPES[char]));
  return `"${escaped}"${text.length > budget ? ` (${text.length} characters)` : ""}`;
}

function constructName(value: object): string | undefined {
  try {
    if (Construct.isConstruct(value)) return `construct ${value.constructor?.name ?? "Construct"} at ${value.node.path || "<root>"}`;
  } catch {
    // a proxy or an object whose `node` getter throws
  }
  return undefined;
}

function render(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case "string":
      return quote(value, MAX_RENDERED_LENGTH);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "boolean":
    case "undefined":
      return String(value);
    case "symbol":
      return escapeInvisible(value.toString());
    case "function":
      return `function ${escapeInvisible(value.name || "(anonymous)")}`;
  }
  if (value === null) return "null";
  const object = value as object;
  const construct = constructName(object);
  if (construct) return escapeInvisible(construct);
  if (seen.has(object)) return "[circular]";
  if (depth >= MAX_DEPTH) return Array.isArray(object) ? "[…]" : "{…}";
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      const items: string[] = [];
      for (let i = 0; i < Math.min(object.length, MAX_ITEMS); i++) {
        items.push(i in object ? render(object[i], depth + 1, seen) : "<hole>");
      }
      if (object.length > MAX_ITEMS) items.push(`… ${object.length - MAX_ITEMS} more`);
      return `[${items.join(",")}]`;
    }
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? "Invalid Date" : `Date ${object.toISOString()}`;
    if (object instanceof RegExp) return escapeInvisible(String(object));
    const prototype = Object.getPrototypeOf(object);
    const className = prototype && prototype !== Object.prototype ? prototype.constructor?.name : undefined;
    const keys = Object.keys(object);
    const entries = keys.slice(0, MAX_ITEMS).map((key) => `${quote(key, 40)}:${render((object as Record<string, unknown>)[key], depth + 1, seen)}`);
    if (keys.length > MAX_ITEMS) entries.push(`… ${keys.length - MAX_ITEMS} more`);
    const body = `{${entries.join(",")}}`;
    return className && typeof className === "string" ? `${escapeInvisible(className)} ${body}` : body;
  } catch {
    return "<unreadable object>";
  } finally {
    seen.delete(object);
  }
}

/**
 * `value` as it appears in an error message: plain data as JSON writes it, strings with invisible characters escaped,
 * numbers as written (`NaN`, `Infinity`, `-0`), BigInts with `n`, constructs by path, lists and maps
 * shortened, cycles marked; at most {@link MAX_RENDERED_LENGTH} characters (plus the original length
 * of a cut string). Never throws.
 */
export function renderValue(value: unknown): string {
  let text: string;
  try {
    text = render(value, 0, new Set());
  } catch {
    text = "<unreadable value>";
  }
  // Escapes can grow a string; cut on a character boundary, never inside an escape.
  if (text.length <= MAX_RENDERED_LENGTH * 2) return text;
  const cut = text.slice(0, MAX_RENDERED_LENGTH * 2).replace(/\\u\{?[0-9a-f]{0,5}$/, "");
  return `${cut}…`;
}

/** The kind of `value` in words, for "got <kind>" when the value itself says little ("got a function"). */
export function kindOf(value: unknown): string {
  try {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object" && Construct.isConstruct(value)) return "a construct";
    const type = typeof value;
    return type === "object" ? "an object" : `a ${type}`;
  } catch {
    return "an unreadable value";
  }
}
