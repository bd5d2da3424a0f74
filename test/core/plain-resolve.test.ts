import * as fc from "fast-check";
import { App, DefaultTokenResolver, Fn, Lazy, LocalBackend, StringConcat, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable, Testing, Token, Tokenization } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { enablePlainResolve } from "../../lib/core/private/plain-resolve";
import { prepareStackSkippingLocalReferences } from "../../lib/core/private/prepare-stack";
import { DefenderAwsAccountStack } from "../../lib/estate/aws-account-stack";
import { DefenderEstate } from "../../lib/estate/defender-estate";
import { DefenderGcpProjectStack } from "../../lib/estate/gcp-project-stack";
import { DefenderSubscriptionStack } from "../../lib/estate/subscription-stack";
import { parseEstateDescription } from "../../lib/estate/load-estate-description";
import { generateEstate } from "../bench/estate-scale";

// cdktf's own expression builders, for a property access (no public API builds one around any target).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { propertyAccess, ref } = require("cdktf/lib/tfExpression") as { propertyAccess: (target: unknown, args: unknown[]) => unknown; ref: (id: string, stack?: TerraformStack) => unknown };

// cdktf's own resolve(), as it is before anything patches it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resolveModule = require("cdktf/lib/tokens/private/resolve") as { resolve: unknown };
const cdktfResolve = resolveModule.resolve;

const ESTATE_STACKS = [DefenderSubscriptionStack, DefenderAwsAccountStack, DefenderGcpProjectStack];

function synthesizeEstateFiles(fast: boolean): Record<string, string> {
  const outdir = mkdtempSync(join(tmpdir(), "plain-resolve-"));
  try {
    const app = new App({ outdir });
    const estate = new DefenderEstate(app, { description: parseEstateDescription(generateEstate(12, 3, 2)), select: {} });
    expect(resolveModule.resolve).not.toBe(cdktfResolve); // the estate installed the fast path
    if (!fast) {
      resolveModule.resolve = cdktfResolve; // put cdktf's back for this synth
      // and cdktf's own prepareStack() for the estate's stacks
      for (const stack of estate.stacks) Object.defineProperty(stack, "prepareStack", { value: TerraformStack.prototype.prepareStack });
    }
    app.synth();
    expect(resolveModule.resolve).toBe(cdktfResolve); // and the estate's synth removed it
    const files: Record<string, string> = { manifest: readFileSync(join(outdir, "manifest.json"), "utf8") };
    for (const stack of estate.stacks) files[stack.node.id] = readFileSync(join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8");
    return files;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** `{ n: { n: … value } }`, `depth` levels deep. */
function nested(depth: number, value: unknown): unknown {
  let out = value;
  for (let i = 0; i < depth; i++) out = { n: out };
  return out;
}

describe("plain-value fast path of cdktf's resolve()", () => {
  test("the synthesized Terraform and manifest of a whole estate are byte-identical with and without it (and without the estate stacks' prepareStack)", () => {
    expect(ESTATE_STACKS.every((c) => Object.prototype.hasOwnProperty.call(c.prototype, "prepareStack"))).toBe(true);
    const fast = synthesizeEstateFiles(true);
    const cdktf = synthesizeEstateFiles(false);
    expect(Object.keys(fast)).toEqual(Object.keys(cdktf));
    expect(Object.keys(fast).length).toBe(18);
    for (const name of Object.keys(cdktf)) expect([name, fast[name]]).toEqual([name, cdktf[name]]);
  });

  test("every kind of value resolves as cdktf resolves it, tokens and errors included", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const lazy = Lazy.stringValue({ produce: () => "lazy" });
    const values: unknown[] = [
      undefined, null, true, 0, -0, 1.5e300, "5e93ba01-8f92", "1e+5", "", "${var.x}", "$${escaped}", new Date(0),
      { a: undefined, b: [undefined, 1, [2, { c: "5e9" }]], "1e5": "k" },
      [lazy, "x"], { nested: { lazy } }, `prefix-${lazy}`, Token.asNumber(lazy), Token.asList(lazy), Token.asStringMap(lazy),
      Fn.join(",", ["a", lazy]), { [`key-${lazy}`]: 1 }, Token.asAny({ n: 1 }),
      // A number token inside a string (cdktf's forNumbers pass), and a list of number tokens.
      `count ${Token.asNumber(Lazy.numberValue({ produce: () => 3 }))}`, Token.asNumberList(Lazy.listValue({ produce: () => ["1"] })),
      // Tokens deep inside plain structure, beside plain siblings: resolved in place, siblings copied.
      { plain: { a: "x", n: 1, u: undefined }, list: ["a", { ref: `\${${lazy}}` }, undefined, [lazy]], when: new Date(1) },
      // Arrays cdktf resolves whole: list tokens, nested.
      { l: Token.asList(Lazy.listValue({ produce: () => ["b", "c"] })), n: [Token.asNumberList(Lazy.listValue({ produce: () => ["2"] }))] },
      // Objects cdktf resolves whole: a token in a key beside a token in a value; a map token.
      { [`k-${lazy}`]: lazy, plain: "p" }, { m: Token.asStringMap(Lazy.anyValue({ produce: () => ({ a: "b" }) })) },
      // Null-prototype objects and nesting up to cdktf's depth limit.
      Object.assign(Object.create(null), { a: lazy }), nested(199, lazy), nested(200, "plain"),
    ];
    const resolveAll = () => values.map((v) => Tokenization.resolve(v, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }));
    const expected = resolveAll();
    const restore = enablePlainResolve();
    try {
      expect(resolveModule.resolve).not.toBe(cdktfResolve);
      expect(resolveAll()).toEqual(expected);
      const bad: unknown[] = [
        () => 1, Token.STRING_MAP_TOKEN_VALUE, Token.NUMBER_MAP_TOKEN_VALUE, { f: () => 1 }, stack,
        // Nested: the message names the path, as cdktf's does; past the depth limit even a plain string throws.
        { a: [{ b: Token.STRING_MAP_TOKEN_VALUE }] }, { a: ["a", ...Token.asList(lazy)] }, [1, ...Token.asNumberList(lazy)], { a: { b: () => 1 } }, { c: stack }, { _children: {}, _metadata: [] }, nested(201, "plain"), nested(250, lazy),
      ];
      for (const value of bad) {
        restore();
        let cdktfError: unknown;
        try { Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }); } catch (e) { cdktfError = e; }
        expect(cdktfError).toBeInstanceOf(Error);
        const again = enablePlainResolve();
        expect(() => Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) })).toThrow((cdktfError as Error).message);
        again();
      }
    } finally {
      restore();
    }
    expect(resolveModule.resolve).toBe(cdktfResolve);
  });

  test("any mix of plain values and tokens resolves as cdktf resolves it (property)", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const other = new TerraformStack(Testing.app(), "other");
    const lazy = Lazy.stringValue({ produce: () => "lazy" });
    // Tokens of every kind the estate meets, created once (cdktf registers each for the process's life).
    const tokens: unknown[] = [
      lazy, `\${${lazy}}`, Token.asString(ref("azurerm_x.y.id", stack)), Token.asString(ref("var.z", other)), Fn.upper(lazy),
      Token.asList(Lazy.listValue({ produce: () => ["a", "b"] })), Token.asNumber(Lazy.numberValue({ produce: () => 7 })),
      Token.asAny({ wrapped: ["x", 1] }), Token.asStringMap(Lazy.anyValue({ produce: () => ({ k: "v" }) })),
    ];
    const plainText = fc.oneof(fc.string(), fc.constantFrom("5e93ba01-8f92", "-1e+5", "$${literal}", "}", "{", "TfToken[", "a-b-e"));
    const leaf = fc.oneof(
      plainText,
      fc.double(),
      fc.boolean(),
      fc.constantFrom(undefined, null),
      fc.constantFrom(...tokens),
      fc.tuple(plainText, fc.constantFrom(...tokens.filter((t) => typeof t === "string")), plainText).map(([a, t, b]) => `${a}${t}${b}`),
    );
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 4 })),
    }));
    const resolveOnce = (v: unknown): { value?: unknown; error?: string } => {
      try {
        return { value: Tokenization.resolve(v, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }) };
      } catch (e) {
        return { error: (e as Error).message };
      }
    };
    fc.assert(
      fc.property(value, (v) => {
        const expected = resolveOnce(v);
        const restore = enablePlainResolve();
        try {
          expect(resolveOnce(v)).toStrictEqual(expected);
        } finally {
          restore();
        }
      }),
      { numRuns: 300 },
    );
  });

  test("holders nest and restoring twice is harmless; a plain stack synthesizes the same bytes", () => {
    const build = () => {
      const stack = new TerraformStack(Testing.app(), "stack");
      new TerraformOutput(stack, "plain", { value: { a: [1, "2e5", undefined], b: "5e9" } });
      new TerraformOutput(stack, "fn", { value: Fn.join(",", ["a", Fn.upper("b")]) });
      return Testing.synth(stack);
    };
    const expected = build();
    const outer = enablePlainResolve();
    const inner = enablePlainResolve();
    inner();
    inner();
    expect(resolveModule.resolve).not.toBe(cdktfResolve);
    expect(build()).toBe(expected);
    outer();
    expect(resolveModule.resolve).toBe(cdktfResolve);
  });
});

describe("prepareStack without resolving references that stay in the stack", () => {
  /** Two stacks, values of every kind of token crossing between them, synthesized with one prepare or the other. */
  function synthesizeCrossStack(prepare: "cdktf" | "skipping"): Record<string, string> {
    const outdir = mkdtempSync(join(tmpdir(), "prepare-stack-"));
    try {
      const app = new App({ outdir });
      const origin = new TerraformStack(app, "origin");
      const reader = new TerraformStack(app, "reader");
      for (const stack of [origin, reader]) {
        new LocalBackend(stack, { path: `${stack.node.id}.tfstate` });
        if (prepare === "skipping") Object.defineProperty(stack, "prepareStack", { value: () => expect(prepareStackSkippingLocalReferences(stack)).toBe(true) });
      }
      const source = new TerraformLocal(origin, "source", { a: "b" });
      const variable = new TerraformVariable(origin, "name", { type: "string", default: "x" });
      const local = new TerraformLocal(reader, "own", "plain");
      const lazyCalls: string[] = [];
      const across = Lazy.stringValue({ produce: () => (lazyCalls.push(prepare), variable.stringValue) });
      new TerraformOutput(reader, "direct", { value: variable.stringValue });
      new TerraformOutput(reader, "inString", { value: `prefix-${variable.stringValue}-${local.asString}` });
      new TerraformOutput(reader, "inFunction", { value: Fn.upper(variable.stringValue) });
      new TerraformOutput(reader, "inLazy", { value: across });
      new TerraformOutput(reader, "nested", { value: { list: [local.asString, { deep: source.asString }], n: 1 } });
      new TerraformOutput(reader, "localOnly", { value: `${local.asString}/${local.asString}`, dependsOn: [local] });
      // Expressions over local values are skipped; over another stack's value or a Lazy, resolved.
      new TerraformOutput(reader, "localFunction", { value: Fn.join("-", [local.asString, Fn.upper(local.asString)]) });
      new TerraformOutput(reader, "functionAcross", { value: Fn.join("-", [local.asString, Fn.lower(source.asString)]) });
      new TerraformOutput(reader, "localAccess", { value: Token.asString(propertyAccess(ref("local.own"), ["a", 0])) });
      new TerraformOutput(reader, "accessAcross", { value: Token.asString(propertyAccess(ref("local.source", origin), ["a"])) });
      new TerraformOutput(reader, "intrinsicAcross", { value: Token.asString({ wrapped: [variable.stringValue] }) });
      new TerraformOutput(reader, "localList", { value: Fn.slice(Fn.split("/", local.asString), 0, 1) });
      new TerraformOutput(reader, "listAcross", { value: Fn.join("/", Fn.slice(Fn.split("/", variable.stringValue), 0, 1)) });
      new TerraformOutput(reader, "listValueAcross", { value: Fn.split("/", source.asString) });
      new TerraformOutput(reader, "literalInFunction", { value: Fn.join(",", ["$${literal}", local.asString]) });
      new TerraformOutput(origin, "ownOnly", { value: source.asString });
      app.synth();
      expect(lazyCalls).toEqual([prepare, prepare]); // the Lazy ran in both passes, as cdktf runs it
      const files: Record<string, string> = { manifest: readFileSync(join(outdir, "manifest.json"), "utf8") };
      for (const id of ["origin", "reader"]) files[id] = readFileSync(join(outdir, "stacks", id, "cdk.tf.json"), "utf8");
      return files;
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }

  test("cross-stack references through strings, functions, lazies and nested values come out as with cdktf's prepareStack", () => {
    const skipping = synthesizeCrossStack("skipping");
    const cdktf = synthesizeCrossStack("cdktf");
    expect(skipping).toEqual(cdktf);
    const reader = JSON.parse(cdktf.reader) as { data: { terraform_remote_state: Record<string, unknown> }; output: Record<string, { value: string }> };
    expect(Object.keys(reader.data.terraform_remote_state)).toEqual(["cross-stack-reference-input-origin"]);
    const origin = JSON.parse(cdktf.origin) as { output: Record<string, unknown> };
    // One output in the origin stack per value read across (the property access reads the local).
    expect(Object.keys(origin.output).filter((k) => k.startsWith("cross-stack-output-")).sort()).toEqual(["cross-stack-output-localsource", "cross-stack-output-varname"]);
    expect(reader.output.nested.value).toEqual({ list: ["${local.own}", { deep: expect.stringMatching(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-origin\.outputs\./) }], n: 1 });
  });
});
