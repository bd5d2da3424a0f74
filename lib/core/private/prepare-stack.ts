import { DefaultTokenResolver, IResolvable, StringConcat, TerraformElement, TerraformStack } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { EncodingModule, holdsListToken, load, MAX_DEPTH, opaqueObject, plainNumber, plainString } from "./plain-resolve";

/**
 * `TerraformStack.prepareStack()` without resolving what cannot reach another stack.
 *
 * cdktf 0.21's `prepareStack()` resolves every element of the stack once, in "preparing" mode, and
 * throws the result away (hashicorp/terraform-cdk v0.21.0, packages/cdktf/lib/terraform-stack.ts): the
 * pass exists for its side effect, registering each cross-stack reference (an output in the stack that
 * owns the value, a remote-state data source in the stack that reads it) before any stack is written.
 * Only a token can have that effect, and the commonest tokens never do ("local" tokens below):
 * - a `Reference` (`resource.id` and every other attribute) whose stack is the stack being prepared, or
 *   none: in preparing mode it registers a cross-stack reference only when its stack is another one
 *   (`Reference.resolve`, packages/cdktf/lib/tfExpression.ts), and resolves to its identifier;
 * - a `Dependable` (`dependsOn` entries): resolves to the element's `fqn`, a string;
 * - a function call, a property access or a plain `Intrinsic` whose arguments, target and value are
 *   plain or local (cdktf resolves them with the same context), and a list token of one of those.
 * So this pass walks each element's `toTerraform()` like cdktf's `resolve()` does and resolves, in
 * preparing mode and with the prefix cdktf would build, only the parts that may hold any other token
 * (a `Lazy`, a reference to another stack, an expression not mirrored here), in the order cdktf meets
 * them. The side effects are cdktf's own, in the same order; what is skipped has none. Every estate stack
 * is prepared this way (byte-identical output, tested on whole estates with cross-stack references, and
 * on two stacks crossing through each kind of token).
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
  readonly FunctionCall: abstract new (...args: never[]) => object;
  readonly PropertyAccess: abstract new (...args: never[]) => object;
  /** The prototype of a plain `Intrinsic` (`Token.asString(value)` and the like), not of its subclasses. */
  readonly intrinsicPrototype: object;
}

let internals: Internals | null | undefined;

function loadInternals(): Internals | null {
  if (internals !== undefined) return internals;
  internals = null;
  const base = load();
  if (!base) return internals;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports -- cdktf's internals, read only here and checked below */
    const tfExpression = require("cdktf/lib/tfExpression") as Partial<Record<"ref" | "dependable" | "call" | "propertyAccess", (...args: unknown[]) => unknown>>;
    const tokenMap = require("cdktf/lib/tokens/private/token-map") as { TokenMap?: { instance(): { lookupToken(key: string): IResolvable; lookupString(s: string): IResolvable | undefined } } };
    const intrinsic = require("cdktf/lib/tokens/private/intrinsic") as { Intrinsic?: abstract new (...args: never[]) => object };
    /* eslint-enable @typescript-eslint/no-require-imports */
    const { ref, dependable, call, propertyAccess } = tfExpression;
    if (!ref || !dependable || !call || !propertyAccess || typeof tokenMap.TokenMap?.instance !== "function" || typeof intrinsic.Intrinsic !== "function") return internals;
    const map = tokenMap.TokenMap.instance();
    // The classes are not exported: take them from one instance of each, checked to hold the fields read below.
    const reference = ref("prepare-stack-probe") as { identifier?: unknown };
    const dependableToken = map.lookupString(dependable({ fqn: "prepare-stack-probe" }) as string) as { dependable?: unknown } | undefined;
    const functionCall = call("probe", []) as { args?: unknown };
    const access = propertyAccess(reference, ["x"]) as { target?: unknown; args?: unknown };
    if (reference.identifier !== "prepare-stack-probe" || !dependableToken?.dependable || !Array.isArray(functionCall.args) || access.target !== reference || !Array.isArray(access.args)) return internals;
    internals = {
      encoding: base.encoding,
      resolve: () => base.resolve.resolve,
      lookupToken: (key) => map.lookupToken(key),
      Reference: reference.constructor as Internals["Reference"],
      Dependable: dependableToken.constructor as Internals["Dependable"],
      FunctionCall: functionCall.constructor as Internals["FunctionCall"],
      PropertyAccess: access.constructor as Internals["PropertyAccess"],
      intrinsicPrototype: intrinsic.Intrinsic.prototype,
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

/**
 * `${TfToken[KEY]}`, `#{TfToken[KEY]}` and `&{TfToken[KEY]}`: a string, list and map token as cdktf
 * encodes them (encoding.ts, BEGIN_*_TOKEN_MARKER … END_TOKEN_MARKER), one key space for all three.
 */
const STRING_TOKEN = /[$#&]\{TfToken\[([a-zA-Z0-9:._-]+)\]\}/;
/** A literal "${" that does not open a token (cdktf's ESCAPE_TOKEN_BEGIN_REGEX). */
const LITERAL_INTERPOLATION = /\$\{(?!TfToken\[)/;
/** How deep a token's arguments are followed before it counts as not local. */
const LOCAL_DEPTH = 32;

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
        // A list or map token where a string belongs is an error cdktf reports (here, as it would).
        if (!plainString(value, encoding) && (/[#&]\{TfToken\[/.test(value) || !this.onlyLocalTokens(value))) this.delegate(value, path);
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
      if (Object.getPrototypeOf(value) !== Array.prototype) return this.delegate(value, path);
      // cdktf resolves an array holding a list token as a whole: skipped only when all of it is local.
      if (holdsListToken(value, encoding)) return this.localValue(value, 0, false) ? undefined : this.delegate(value, path);
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
   * Whether every token in `s` (string, list or map token) is local — resolving it in preparing mode
   * registers nothing — and nothing else in it is a token (a number token).
   */
  private onlyLocalTokens(s: string, depth = 0, inFunction = false): boolean {
    const { encoding, lookupToken } = this.internals;
    // Inside a function call cdktf warns on the console about a literal "${" each time it resolves one.
    if (inFunction && LITERAL_INTERPOLATION.test(s)) return false;
    let rest = "";
    let last = 0;
    // A fresh expression per call: localToken() may come back here for a string inside a token.
    const tokens = new RegExp(STRING_TOKEN.source, "g");
    for (let m = tokens.exec(s); m; m = tokens.exec(s)) {
      // A space where the token was: it ends any number-like run, so a number token beside it is still seen.
      rest += s.slice(last, m.index) + " ";
      last = m.index + m[0].length;
      let token: unknown;
      try {
        token = lookupToken(m[1]);
      } catch {
        return false; // an unknown key: cdktf reports it
      }
      if (!this.localToken(token, depth + 1, inFunction)) return false;
    }
    // What is left around the tokens must hold no token either (a number token, a stray marker).
    return plainString(rest + s.slice(last), encoding);
  }

  /**
   * A token whose resolution in preparing mode has no side effect: a Reference to this stack or to
   * none, a Dependable, or a function call, property access or plain Intrinsic over local values only
   * (cdktf resolves their arguments, target and value with the same context). Anything else — a Lazy,
   * a reference to another stack, an expression this module does not mirror — is not.
   */
  private localToken(token: unknown, depth: number, inFunction: boolean): boolean {
    const { encoding, Reference, Dependable, FunctionCall, PropertyAccess, intrinsicPrototype } = this.internals;
    if (depth > LOCAL_DEPTH || typeof token !== "object" || token === null) return false;
    if (token instanceof Dependable) return true;
    if (token instanceof Reference) {
      const { originStack, identifier } = token as { originStack?: unknown; identifier?: unknown };
      return (originStack === undefined || originStack === this.stack) && typeof identifier === "string" && plainString(identifier, encoding);
    }
    if (token instanceof FunctionCall) return this.localValue((token as { args?: unknown }).args, depth + 1, true);
    if (token instanceof PropertyAccess) {
      const { target, args } = token as { target?: unknown; args?: unknown };
      // A construct target with an fqn resolves to it (a string), as a Dependable does.
      const localTarget = (Construct.isConstruct(target) && "fqn" in target) || this.localValue(target, depth + 1, inFunction);
      return localTarget && this.localValue(args, depth + 1, inFunction);
    }
    if (Object.getPrototypeOf(token) === intrinsicPrototype) return this.localValue((token as { value?: unknown }).value, depth + 1, inFunction);
    return false;
  }

  /** A value inside a token that resolves without side effects: plain, or made of local tokens. */
  private localValue(value: unknown, depth: number, inFunction: boolean): boolean {
    const { encoding } = this.internals;
    if (depth > LOCAL_DEPTH) return false;
    switch (typeof value) {
      case "undefined":
      case "boolean":
        return true;
      case "string":
        return plainString(value, encoding) ? !(inFunction && LITERAL_INTERPOLATION.test(value)) : this.onlyLocalTokens(value, depth, inFunction);
      case "number":
        return plainNumber(value, encoding);
      case "object":
        break;
      default:
        return false;
    }
    if (value === null) return true;
    if (Array.isArray(value)) return Object.getPrototypeOf(value) === Array.prototype && value.every((item) => this.localValue(item, depth + 1, inFunction));
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      if (typeof (value as { resolve?: unknown }).resolve === "function") return this.localToken(value, depth + 1, inFunction);
      return Object.keys(value).every((key) => plainString(key, encoding) && this.localValue((value as Record<string, unknown>)[key], depth + 1, inFunction));
    }
    return this.localToken(value, depth + 1, inFunction);
  }

  private delegate(value: unknown, path: readonly string[]): void {
    this.internals.resolve()(value, { ...this.options, prefix: [...path] });
  }
}
