import { mergeValues, setValuePath, sortValueKeys, stableValuesDocument, ValueTree } from "../../lib/core";

describe("values helpers", () => {
  test("setValuePath builds nested maps from a dotted path and keeps siblings", () => {
    const tree: ValueTree = {};
    setValuePath(tree, "global.cloudIdentifiers.AWS.region", "eu-west-1");
    setValuePath(tree, "global.cloudIdentifiers.AWS.accountId", "012345678901");
    setValuePath(tree, "top", 1);
    expect(tree).toEqual({ global: { cloudIdentifiers: { AWS: { region: "eu-west-1", accountId: "012345678901" } } }, top: 1 });
  });

  test("setValuePath replaces a scalar that is in the way", () => {
    const tree: ValueTree = { a: "x" };
    setValuePath(tree, "a.b", true);
    expect(tree).toEqual({ a: { b: true } });
  });

  test("mergeValues merges maps key by key, replaces lists and scalars, and leaves its inputs alone", () => {
    const base = { a: { b: 1, c: [1, 2] }, d: "x" };
    const override = { a: { c: [3], e: { f: 1 } }, d: { g: 1 } };
    expect(mergeValues(base, override)).toEqual({ a: { b: 1, c: [3], e: { f: 1 } }, d: { g: 1 } });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: "x" });
  });

  test("sortValueKeys sorts keys at every depth, including inside lists, and keeps list order", () => {
    const sorted = sortValueKeys({ b: [{ z: 1, y: 2 }, 3], a: { d: 1, c: 2 } });
    expect(JSON.stringify(sorted)).toBe('{"a":{"c":2,"d":1},"b":[{"y":2,"z":1},3]}');
  });

  test("stableValuesDocument is the same text whatever the insertion order", () => {
    expect(stableValuesDocument({ b: 1, a: { d: "x", c: "y" } })).toBe(stableValuesDocument({ a: { c: "y", d: "x" }, b: 1 }));
    expect(stableValuesDocument({ b: 1, a: 2 })).toBe('{\n  "a": 2,\n  "b": 1\n}');
  });
});
