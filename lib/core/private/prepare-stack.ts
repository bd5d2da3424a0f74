import { DefaultTokenResolver, IResolvable, StringConcat, TerraformElement, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { EncodingModule, holdsListToken, load, MAX_DEPTH, opaqueObject, plainNumber, plainString } from "./plain-resolve";

/**
 * `TerraformStack.prepareStack()` without resolving what cannot reach another stack.
 *
 * cdktf 0.21's `prepareStack()` resolves every element of the stack once, in "preparing" mode, and
 * throws the result away (hashicorp/terraform-cdk v0.21.0, packages/cdktf/lib/terraform-stack.ts): the
 * pass exists for its side effect, registering each cross-stack reference (an output in the stack that
 * owns the value, a remote-state data source in the stack that reads it) before any stack is written.
 * Only a token can have that effect, and of all tokens the commonest two never do:
 * - a `Reference` (`resource.id` and every other attribute) whose stack is the stack being prepared, or
 *   none: in preparing mode it registers a cross-stack reference only when its stack is another one
 *   (`Reference.resolve`, packages/cdktf/lib/tfExpression.ts), and resolves to its identifier;
 * - a `Dependable` (`dependsOn` entries): resolves to the element's `fqn`, a string.
 * So this pass walks each element's `toTerraform()` like cdktf's `resolve()` does and resolves, in
 * preparing mode and with the prefix cdktf would build, only the parts that may hold any other token
 * (or a reference to another stack), in the order cdktf meets them. The side effects are cdktf's own, in
 * the same order; what is skipped has none. Every estate stack is prepared this way (byte-identical
 * output, tested on whole estates with cross-stack references).
 *
 * Returns false, having done nothing, when this cdktf's layout is not the one mirrored here; the caller
 * then runs cdktf's own `prepareStack()`.
 */
export function prepareStackSkippingLocalReferences(stack: TerraformStack): boolean {
  const internals = loadInternals();
  if (!internals) return false;
  stack.ensureBackendExists();
  const options = { scope: stack, preparing: true as const, resolver: new DefaultTokenResolver(new StringConcat()) };
  const walk = new PrepareWalk(stack, options, internals);
  for (const element of elementsOf(stack)) walk.visit(element.toTerraform(), []);
  return true;
}

interface Internals {
  readonly encoding: EncodingModule;
  readonly resolve: () => (obj: unknown, options: unknown) => unknown;
  readonly lookupToken: (key: string) => IResolvable;
  readonly Reference: abstract new (...args: never[]) => object;
  readonly Dependable: abstract new (...args: never[]) => object;
}

let internals: Internals | null | undefined;

function loadInternals(): Internals | null {
  if (internals !== undefined) return internals;
  internals = null;
  const base = load();
  if (!base) return internals;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports -- cdktf's internals, read only here and checked below */
    const tfExpression = require("cdktf/lib/tfExpression") as { ref?: (id: string) => unknown; dependable?: (d: { fqn: string }) => string };
    const tokenMap = require("cdktf/lib/tokens/private/token-map") as { TokenMap?: { instance(): { lookupToken(key: string): IResolvable; lookupString(s: string): IResolvable | undefined } } };
    /* eslint-enable @typescript-eslint/no-require-imports */
    if (typeof tfExpression.ref !== "function" || typeof tfExpression.dependable !== "function" || typeof tokenMap.TokenMap?.instance !== "function") return internals;
    const map = tokenMap.TokenMap.instance();
    // The two classes are not exported: take them from one instance of each.
    const reference = tfExpression.ref("prepare-stack-probe") as object;
    const dependable = map.lookupString(tfExpression.dependable({ fqn: "prepare-stack-probe" }));
    if (!reference || !dependable || typeof (reference as { resolve?: unknown }).resolve !== "function") return internals;
    internals = {
      encoding: base.encoding,
      resolve: () => base.resolve.resolve,
      lookupToken: (key) => map.lookupToken(key),
      Reference: reference.constructor as Internals["Reference"],
      Dependable: (dependable as object).constructor as Internals["Dependable"],
    };
  } catch {
    internals = null;
  }
  return internals;
}

/** The stack's elements in cdktf's order (depth first, construct order), not descending into nested stacks. */
function elementsOf(stack: TerraformStack): TerraformElement[] {
  const out: TerraformElement[] = [];
  const visit = (node: IConstruct) => {
    if (TerraformElement.isTerraformElement(node)) out.push(node);
    for (const child of node.node.children) if (!TerraformStack.isStack(child)) visit(child);
  };
  visit(stack);
  return out;
}

/** `${TfToken[KEY]}`, as cdktf encodes a string token (encoding.ts, BEGIN_STRING_TOKEN_MARKER … END_TOKEN_MARKER). */
const STRING_TOKEN = /\$\{TfToken\[([a-zA-Z0-9:._-]+)\]\}/g;

class PrepareWalk {
  constructor(
    private readonly stack: TerraformStack,
    private readonly options: { readonly scope: TerraformStack; readonly preparing: true; readonly resolver: DefaultTokenResolver },
    private readonly internals: Internals,
  ) {}

  visit(value: unknown, path: string[]): void {
    const { encoding } = this.internals;
    if (path.length > MAX_DEPTH) return this.delegate(value, path);
    switch (typeof value) {
      case "undefined":
      case "boolean":
        return;
      case "string":
        if (!plainString(value, encoding) && !this.onlyLocalTokens(value)) this.delegate(value, path);
        return;
      case "number":
        if (!plainNumber(value, encoding)) this.delegate(value, path);
        return;
      case "object":
        break;
      default:
        return this.delegate(value, path);
    }
    if (value === null || value instanceof Date) return;
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype || holdsListToken(value, encoding)) return this.delegate(value, path);
      for (let i = 0; i < value.length; i++) {
        path.push(String(i));
        this.visit(value[i], path);
        path.pop();
      }
      return;
    }
    if (opaqueObject(value, encoding)) return this.delegate(value, path);
    for (const key of Object.keys(value)) {
      path.push(key);
      this.visit((value as Record<string, unknown>)[key], path);
      path.pop();
    }
  }

  /**
   * Whether every token in `s` is a string token for a Reference to this stack (or to none) or a
   * Dependable, and nothing else in it is a token: list and map markers, or number tokens.
   */
  private onlyLocalTokens(s: string): boolean {
    const { encoding, lookupToken, Reference, Dependable } = this.internals;
    if (s.includes("#{TfToken[") || s.includes("&{TfToken[")) return false;
    let rest = "";
    let last = 0;
    STRING_TOKEN.lastIndex = 0;
    for (let m = STRING_TOKEN.exec(s); m; m = STRING_TOKEN.exec(s)) {
      // A space where the token was: it ends any number-like run, so a number token beside it is still seen.
      rest += s.slice(last, m.index) + " ";
      last = m.index + m[0].length;
      let token: unknown;
      try {
        token = lookupToken(m[1]);
      } catch {
        return false; // an unknown key: cdktf reports it
      }
      if (token instanceof Dependable) continue;
      if (!(token instanceof Reference)) return false;
      const { originStack, identifier } = token as { originStack?: unknown; identifier?: unknown };
      if ((originStack !== undefined && originStack !== this.stack) || typeof identifier !== "string" || !plainString(identifier, encoding)) return false;
    }
    // What is left around the tokens must hold no token either (a number token, a stray marker).
    return plainString(rest + s.slice(last), encoding);
  }

  private delegate(value: unknown, path: readonly string[]): void {
    this.internals.resolve()(value, { ...this.options, prefix: [...path] });
  }
}
