import { readFileSync } from "fs";
import { join } from "path";
import { Testing } from "cdktf";
import { checkProps, checkValue, listOf, mapOf, oneOf } from "../../lib/core/check-props";
import { DefenderValidationError } from "../../lib/core";
import { azureStack } from "../util";
import { renderPropSpecs } from "./render-prop-specs";

describe("runtime type layer", () => {
  test("lib/core/prop-specs.ts is generated from the props interfaces (regenerate with: npx tsx test/hardening/render-prop-specs.ts > lib/core/prop-specs.ts)", () => {
    expect(readFileSync(join(__dirname, "..", "..", "lib", "core", "prop-specs.ts"), "utf8")).toBe(renderPropSpecs());
  });

  // The silent wrong outputs of issue 16, each now an error naming path, value and form.
  test.each([
    ["a string where a boolean belongs", { sensor: "false" }, '[test] sensor: got "false"; expected true or false.'],
    ["a misspelt enum value", { tier: "standard" }, '[test] tier: got "standard"; expected one of Standard, Free (PlanTier). Did you mean "Standard"?'],
    ["null for an optional prop", { sensor: null }, "[test] sensor: got null; expected true or false."],
    ["a hole in a list", { vmScanningExclusionTags: [{ key: "a", value: "b" }, , { key: "c", value: "d" }] }, "[test] vmScanningExclusionTags[1]: got an empty slot (a sparse list); expected a VmScanningExclusionTag object."],
    ["null in a list", { vmScanningExclusionTags: [null] }, "[test] vmScanningExclusionTags[0]: got null; expected a VmScanningExclusionTag object."],
    ["a missing field of a struct", { vmScanningExclusionTags: [{ key: "a" }] }, "[test] vmScanningExclusionTags[0].value: got undefined; expected a string. It is required."],
    ["a provider that is a plain object", { provider: {} }, "[test] provider: got {}; expected a TerraformProvider."],
  ])("%s", (_name, props, message) => {
    const stack = azureStack();
    expect(() => checkProps(stack, props, "DefenderForContainersPlanProps")).toThrow(message);
  });

  test.each([
    ["Infinity where a number belongs (JSON would write null and drop the quota)", { resourceGroupName: "rg", location: "eastus", dailyQuotaGb: Infinity }, "[test] dailyQuotaGb: got Infinity; expected a finite number."],
    ["NaN", { resourceGroupName: "rg", location: "eastus", retentionInDays: NaN }, "[test] retentionInDays: got NaN; expected a finite number."],
    ["a missing required prop (JavaScript caller)", { location: "eastus" }, "[test] resourceGroupName: got undefined; expected a string. It is required."],
    ["props that are not an object", "rg", '[test] props: got "rg"; expected an object of DefenderWorkspaceProps. Required: resourceGroupName, location.'],
  ])("%s", (_name, props, message) => {
    const stack = azureStack();
    expect(() => checkProps(stack, props, "DefenderWorkspaceProps")).toThrow(message);
  });

  test("Helm values must be plain JSON-like data: a construct, a cycle, a function or NaN inside is an error", () => {
    const stack = azureStack();
    const spec = { map: "json" } as const;
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => checkValue(stack, "values", { a: { b: stack } }, spec)).toThrow(
      '[test] values["a"]["b"]: got construct TerraformStack at test; expected plain JSON-like data (strings, finite numbers, booleans, null, lists and maps; no constructs, functions or cycles). Got a construct of class TerraformStack.',
    );
    expect(() => checkValue(stack, "values", { a: circular }, spec)).toThrow(/values\["a"\]\["self"\]: got \{"self":\[circular\]\}; .* It contains itself \(a circular structure\)\./);
    expect(() => checkValue(stack, "values", { f: () => 1 }, spec)).toThrow(/values\["f"\]: got function f; .* Got a function\./);
    expect(() => checkValue(stack, "values", { n: NaN }, spec)).toThrow(/values\["n"\]: got NaN; .* JSON has no NaN or Infinity\./);
    let deep: unknown = "leaf";
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(() => checkValue(stack, "values", deep, spec)).toThrow(/nested more than 64 levels deep/);
    expect(() => checkValue(stack, "values", { ok: [1, "a", null, { b: true }] }, spec)).not.toThrow();
  });

  test("tokens pass: they are only known at plan time", () => {
    const stack = azureStack();
    expect(() => checkValue(stack, "x", "${TfToken[TOKEN.1]}", oneOf("a", "b"))).not.toThrow();
    Testing.synth(stack);
  });

  test("builders and messages for hand-written specs", () => {
    const stack = azureStack();
    expect(() => checkValue(stack, "names", ["a", 1], listOf("string"))).toThrow("[test] names[1]: got 1; expected a string.");
    expect(() => checkValue(stack, "tags", { a: 1 }, mapOf("string"))).toThrow('[test] tags["a"]: got 1; expected a string.');
    expect(() => checkValue(stack, "n", 1.5, "integer")).toThrow("[test] n: got 1.5; expected a finite whole number.");
    const hostile = new Proxy({}, { get: () => { throw new Error("read"); } });
    expect(() => checkProps(stack, hostile, "DefenderForContainersPlanProps")).toThrow(DefenderValidationError);
    // Found by the property suite (DEFENDER_PROPERTY_RUNS=300): a map whose keys cannot be listed.
    const noKeys = new Proxy({}, { ownKeys: () => { throw new Error("keys"); } });
    expect(() => checkValue(stack, "tags", noKeys, mapOf("string"))).toThrow(DefenderValidationError);
    expect(() => checkValue(stack, "values", noKeys, "json")).toThrow(/Its keys cannot be read/);
  });
});
