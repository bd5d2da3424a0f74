/**
 * Just enough of HCL's template and expression syntax to find the references in Terraform JSON strings.
 *
 * In Terraform JSON every argument string is a template: `${…}` interpolates an expression, `%{…}` is a
 * directive, `$${` and `%%{` are escapes (https://developer.hashicorp.com/terraform/language/syntax/json).
 * The checks need the traversals (`aws_eks_cluster.cluster.arn`, `var.x`, `each.key`) and nothing else,
 * so this is a tokenizer, not a parser: function names, object keys and for-expression variables are
 * told apart from references by the tokens around them.
 */

/** One step of a traversal after its root: `.name`, `[0]`, `["key"]`, `[*]`, or an index computed at run time. */
export type TraversalStep =
  | { readonly kind: "attr"; readonly name: string }
  | { readonly kind: "index"; readonly key: string | number }
  | { readonly kind: "splat" }
  | { readonly kind: "dynamic-index" };

/** A reference found in an expression: `root` and the steps after it, up to the first step computed at run time. */
export interface Traversal {
  readonly root: string;
  readonly steps: readonly TraversalStep[];
  /** Source text of the traversal, for messages. */
  readonly text: string;
}

/** True when the string holds at least one interpolation or directive (it is an expression, not a literal). */
export function isTemplate(value: string): boolean {
  return templateParts(value).some((part) => part.kind !== "literal");
}

/** True when the whole string is one interpolation (`"${x}"`), whose value may have any type. */
export function isSingleInterpolation(value: string): boolean {
  const parts = templateParts(value);
  return parts.length === 1 && parts[0].kind === "interpolation";
}

interface TemplatePart {
  readonly kind: "literal" | "interpolation" | "directive";
  readonly text: string;
}

/** Splits a template into literal text, `${…}` interpolations and `%{…}` directives (their inner source). */
export function templateParts(value: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if ((c === "$" || c === "%") && value[i + 1] === "{") {
      const end = matchingBrace(value, i + 1);
      if (end < 0) {
        literal += value.slice(i);
        break;
      }
      if (literal) parts.push({ kind: "literal", text: literal });
      literal = "";
      parts.push({ kind: c === "$" ? "interpolation" : "directive", text: value.slice(i + 2, end) });
      i = end + 1;
      continue;
    }
    if ((c === "$" || c === "%") && value[i + 1] === c && value[i + 2] === "{") {
      literal += `${c}{`;
      i += 3;
      continue;
    }
    literal += c;
    i++;
  }
  if (literal) parts.push({ kind: "literal", text: literal });
  return parts;
}

/** Index of the `}` closing the `{` at `open`, skipping nested braces and quoted strings; -1 when unclosed. */
function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      i = closingQuote(s, i);
      if (i < 0) return -1;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `"` closing the string opened at `open` (backslash escapes, nested templates); -1 when unclosed. */
function closingQuote(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === '"') return i;
    else if ((s[i] === "$" || s[i] === "%") && s[i + 1] === "{") {
      const end = matchingBrace(s, i + 1);
      if (end < 0) return -1;
      i = end;
    }
  }
  return -1;
}

type Token =
  | { readonly kind: "ident"; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "string"; readonly value: string; readonly raw: string }
  | { readonly kind: "punct"; readonly text: string; readonly start: number };

const IDENT_START = /[A-Za-z_]/;
const IDENT_CONTINUE = /[A-Za-z0-9_-]/;
const PUNCTUATION = ["...", "=>", "==", "!=", "<=", ">=", "&&", "||", "::", ".", "[", "]", "(", ")", "{", "}", ",", ":", "?", "=", "<", ">", "!", "+", "-", "*", "/", "%"];

/** Tokens of one expression; strings' own templates are returned in `nested`. */
function tokenize(source: string, nested: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "#" || (c === "/" && source[i + 1] === "/")) {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (IDENT_START.test(c)) {
      const start = i;
      while (i < source.length && IDENT_CONTINUE.test(source[i])) i++;
      tokens.push({ kind: "ident", text: source.slice(start, i), start, end: i });
    } else if (/[0-9]/.test(c)) {
      const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i))![0];
      tokens.push({ kind: "number", value: Number(match) });
      i += match.length;
    } else if (c === '"') {
      const end = closingQuote(source, i);
      const raw = source.slice(i + 1, end < 0 ? source.length : end);
      for (const part of templateParts(raw)) if (part.kind !== "literal") nested.push(part.text);
      tokens.push({ kind: "string", value: unescape(raw), raw });
      i = end < 0 ? source.length : end + 1;
    } else {
      const punct = PUNCTUATION.find((p) => source.startsWith(p, i)) ?? c;
      tokens.push({ kind: "punct", text: punct, start: i });
      i += punct.length;
    }
  }
  return tokens;
}

function unescape(raw: string): string {
  return raw.replace(/\\(["\\nrt])/g, (_, e: string) => ({ n: "\n", r: "\r", t: "\t" })[e] ?? e);
}

const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if", "else", "endif", "endfor"]);

function isPunct(token: Token | undefined, text: string): boolean {
  return token?.kind === "punct" && token.text === text;
}

/** Every traversal (reference) in one expression's source, including those inside its string templates. */
export function traversalsOf(expression: string): Traversal[] {
  const found: Traversal[] = [];
  const pending = [expression];
  while (pending.length > 0) {
    const source = pending.pop()!;
    const nested: string[] = [];
    const tokens = tokenize(source, nested);
    pending.push(...nested);
    // Names bound by for-expressions (`for k, v in …`) and directives (`%{ for x in … }`) are not references.
    const bound = new Set<string>();
    tokens.forEach((t, i) => {
      if (t.kind === "ident" && t.text === "for") {
        for (let j = i + 1; j < tokens.length; j++) {
          const u = tokens[j];
          if (u.kind === "ident" && u.text === "in") break;
          if (u.kind === "ident") bound.add(u.text);
        }
      }
    });
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== "ident" || KEYWORDS.has(t.text) || bound.has(t.text)) continue;
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      if (isPunct(before, ".") || isPunct(before, "::") || isPunct(after, "(") || isPunct(after, "::")) continue;
      // An object constructor's key: `{ key = …` or `, key: …`.
      if ((isPunct(after, "=") || isPunct(after, ":")) && (isPunct(before, "{") || isPunct(before, ","))) continue;
      const steps: TraversalStep[] = [];
      let j = i + 1;
      let end = t.end;
      for (;;) {
        const a = tokens[j];
        const b = tokens[j + 1];
        if (isPunct(a, ".") && b?.kind === "ident") {
          steps.push({ kind: "attr", name: b.text });
          end = b.end;
          j += 2;
        } else if (isPunct(a, ".") && b?.kind === "number") {
          steps.push({ kind: "index", key: b.value });
          j += 2;
        } else if (isPunct(a, ".") && isPunct(b, "*")) {
          steps.push({ kind: "splat" });
          j += 2;
        } else if (isPunct(a, "[") && isPunct(tokens[j + 2], "]") && (b?.kind === "number" || b?.kind === "string" || isPunct(b, "*"))) {
          steps.push(b.kind === "number" ? { kind: "index", key: b.value } : b.kind === "string" ? { kind: "index", key: b.value } : { kind: "splat" });
          j += 3;
        } else if (isPunct(a, "[")) {
          steps.push({ kind: "dynamic-index" });
          break;
        } else break;
      }
      found.push({ root: t.text, steps, text: source.slice(t.start, end) });
    }
  }
  return found;
}

/** Every traversal in a template string (none for a plain literal). */
export function traversalsInTemplate(value: string): Traversal[] {
  const parts = templateParts(value).filter((part) => part.kind !== "literal");
  // `%{ for n in list }` binds n for the parts that follow.
  const bound = new Set(parts.flatMap((part) => /^~?\s*for\s+([^]*?)\s+in\b/.exec(part.kind === "directive" ? part.text : "")?.[1].split(",").map((n) => n.trim()) ?? []));
  return parts
    .flatMap((part) => traversalsOf(part.kind === "directive" ? directiveExpression(part.text) : part.text))
    .filter((t) => !bound.has(t.root));
}

/** The expression of a directive: `if x`, `for a in list`, `else`, `endif` (strip markers `~`). */
function directiveExpression(text: string): string {
  const trimmed = text.replace(/^~|~$/g, "").trim();
  const m = /^(if|for)\b([\s\S]*)$/.exec(trimmed);
  if (!m) return "";
  return m[1] === "for" ? `[for ${m[2]} : 0]` : m[2];
}

/** A whole string that is one static traversal: identifiers, `.name`, constant `[0]` / `["key"]` steps. */
const STATIC_TRAVERSAL = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[[0-9]+\]|\["(?:[^"\\$%]|\\.)*"\])*$/;

/** A static traversal as `depends_on`, `provider`, `ignore_changes`, `import.to` take it: `a.b[0]`, no `${}`. */
export function parseStaticTraversal(value: string): Traversal | undefined {
  if (!STATIC_TRAVERSAL.test(value)) return undefined;
  const [t] = traversalsOf(value);
  return t?.root === value.split(/[.[]/)[0] ? t : undefined;
}
