import { Testing } from "cdktf";
import * as fc from "fast-check";
import { MAX_RENDERED_LENGTH, escapeInvisible, renderValue } from "../../lib/core/render-value";
import { closestMatch } from "../../lib/core/suggest";
import { validateAzureRegion } from "../../lib/core/region";
import { validateNonEmptyUnique } from "../../lib/core/validation";
import { DefenderValidationError } from "../../lib/core";
import { azureStack } from "../util";
import { PROPERTY_SEED } from "../hardening/property-runs";

describe("renderValue", () => {
  test("plain data renders as JSON", () => {
    expect(renderValue("a")).toBe('"a"');
    expect(renderValue(["a", 1, true, null])).toBe('["a",1,true,null]');
    expect(renderValue({ tier: "Standard", n: 2 })).toBe('{"tier":"Standard","n":2}');
    expect(renderValue("line\nnext\t\"q\"\\")).toBe(JSON.stringify("line\nnext\t\"q\"\\"));
  });

  test("values JSON.stringify throws on or drops are rendered", () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(renderValue(circular)).toBe('{"a":1,"self":[circular]}');
    expect(renderValue(10n ** 20n)).toBe("100000000000000000000n");
    expect(renderValue(Symbol("s"))).toBe("Symbol(s)");
    expect(renderValue(function named() {})).toBe("function named");
    expect(renderValue(NaN)).toBe("NaN");
    expect(renderValue(-Infinity)).toBe("-Infinity");
    expect(renderValue(-0)).toBe("-0");
    expect(renderValue(undefined)).toBe("undefined");
    // eslint-disable-next-line no-sparse-arrays
    expect(renderValue([1, , 3])).toBe("[1,<hole>,3]");
    expect(renderValue(new Date(0))).toBe("Date 1970-01-01T00:00:00.000Z");
  });

  test("a construct is named by its path; a proxy that throws is not read", () => {
    const stack = azureStack();
    expect(renderValue({ values: stack })).toBe('{"values":construct TerraformStack at test}');
    const hostile = new Proxy({}, { get: () => { throw new Error("boom"); }, ownKeys: () => { throw new Error("boom"); }, getPrototypeOf: () => { throw new Error("boom"); } });
    expect(renderValue(hostile)).toBe("<unreadable object>");
  });

  test("invisible, bidirectional and zero-width characters are escaped", () => {
    expect(renderValue("rg\u200b")).toBe('"rg\\u200b"');
    expect(escapeInvisible("a\u202eb\u2066c\ufeffd\u00ade\u0000")).toBe("a\\u202eb\\u2066c\\ufeffd\\u00ade\\u0000");
    expect(escapeInvisible("x\u{e0041}")).toBe("x\\u{e0041}");
    expect(escapeInvisible("lone \ud800 surrogate")).toBe("lone \\ud800 surrogate");
    // Visible letters of any script stay as they are.
    expect(renderValue("rg-münchen-ü-日本")).toBe('"rg-münchen-ü-日本"');
  });

  test("long values are cut, saying how long they were", () => {
    expect(renderValue("x".repeat(1_000_000))).toBe(`"${"x".repeat(MAX_RENDERED_LENGTH)}…" (1000000 characters)`);
    expect(renderValue(Array.from({ length: 50 }, (_, i) => i))).toBe("[0,1,2,3,4,5,6,7,8,9,… 40 more]");
  });

  test("any value renders, bounded, without invisible characters (property)", () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withNullPrototype: true, withSet: true, withTypedArray: true, withSparseArray: true, withUnicodeString: true }), (value) => {
        const text = renderValue(value);
        expect(text.length).toBeLessThanOrEqual(MAX_RENDERED_LENGTH * 2 + 1);
        expect(text).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0000-\u001f]/);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });
});

describe("closestMatch", () => {
  test("suggests a near candidate and stays fast on huge input", () => {
    expect(closestMatch("westeurop", ["westeurope", "northeurope"])).toBe("westeurope");
    expect(closestMatch("zzzzzzzzzzzz", ["westeurope"])).toBeUndefined();
    const many = Array.from({ length: 100_000 }, (_, i) => `region${i}`);
    const near = Array.from({ length: 100_000 }, (_, i) => `${"westeuropx".repeat(3).slice(0, 28)}${i}`);
    const started = Date.now();
    expect(closestMatch("w".repeat(5_000_000), many)).toBeUndefined();
    // Candidates as long as the input are compared, but only the first 2,000.
    expect(closestMatch("westeuropx".repeat(3), near)).toBeDefined();
    // Unbounded, these two calls take minutes; bounded, milliseconds (the margin is for a loaded CI machine).
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test("a region check on a megabyte string answers quickly", () => {
    const stack = azureStack();
    const started = Date.now();
    expect(() => validateAzureRegion(stack, "location", "westeurope".repeat(100_000))).toThrow(DefenderValidationError);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe("validateNonEmptyUnique (issue 16: a null in a list crashed with a TypeError)", () => {
  const key = (item: string) => item;
  test.each([
    ["null item", ["a", null], '[test] clusterIds[1]: got null; expected a cluster ID (the list holds no empty entries).'],
    // eslint-disable-next-line no-sparse-arrays
    ["hole", ["a", , "b"], "[test] clusterIds[1]: got undefined; expected a cluster ID (the list holds no empty entries)."],
    ["not a list", "a", '[test] clusterIds: got "a"; expected at least one cluster ID.'],
    ["number item", ["a", 5], "[test] clusterIds[1]: got 5; expected a cluster ID."],
  ])("%s", (_name, items, message) => {
    const stack = azureStack();
    expect(() => validateNonEmptyUnique(stack, "clusterIds", items as string[], key, "cluster ID")).toThrow(message);
    Testing.synth(stack);
  });
});
