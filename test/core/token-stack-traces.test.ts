import { App, Fn, Lazy, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { TokenStackTraces } from "../../lib/core/token-stack-traces";
import { DefenderEstate } from "../../lib/estate/defender-estate";
import { parseEstateDescription } from "../../lib/estate/load-estate-description";
import { generateEstate } from "../bench/estate-scale";
import { VALID_ESTATE } from "../estate/fixtures";

/** A token's creation stack, as cdktf keeps it (`creationStack` is public on its token classes). */
const creationStack = (token: unknown) => (token as { creationStack: string[] }).creationStack;

function synthesizeEstateFiles(tokenStackTraces: boolean): Record<string, string> {
  const outdir = mkdtempSync(join(tmpdir(), "token-traces-"));
  try {
    const app = new App({ outdir });
    const estate = new DefenderEstate(app, { description: parseEstateDescription(generateEstate(12, 3, 2)), select: {}, tokenStackTraces });
    app.synth();
    const files: Record<string, string> = { manifest: readFileSync(join(outdir, "manifest.json"), "utf8") };
    for (const stack of estate.stacks) files[stack.node.id] = readFileSync(join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8");
    return files;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe("TokenStackTraces", () => {
  test("tokens keep a stack trace by default and none while capture is off; restoring brings it back", () => {
    expect(TokenStackTraces.enabled).toBe(true);
    expect(creationStack(Lazy.anyValue({ produce: () => 1 })).length).toBeGreaterThan(0);
    const restore = TokenStackTraces.disable();
    expect(TokenStackTraces.enabled).toBe(false);
    expect(creationStack(Lazy.anyValue({ produce: () => 1 }))).toEqual([]);
    restore();
    restore(); // a second call does not release another holder
    expect(TokenStackTraces.enabled).toBe(true);
    expect(creationStack(Lazy.anyValue({ produce: () => 1 })).length).toBeGreaterThan(0);
  });

  test("holders nest: capture returns when the last one restores, also when the body throws", () => {
    const outer = TokenStackTraces.disable();
    expect(() => TokenStackTraces.without(() => { throw new Error("boom"); })).toThrow("boom");
    expect(TokenStackTraces.enabled).toBe(false);
    outer();
    expect(TokenStackTraces.enabled).toBe(true);
    expect(TokenStackTraces.without(() => TokenStackTraces.enabled)).toBe(false);
  });

  test("the synthesized Terraform and manifest are byte-identical with and without token stack traces", () => {
    const traced = synthesizeEstateFiles(true);
    expect(TokenStackTraces.enabled).toBe(true);
    const untraced = synthesizeEstateFiles(false);
    expect(Object.keys(untraced)).toEqual(Object.keys(traced));
    for (const name of Object.keys(traced)) expect([name, untraced[name]]).toEqual([name, traced[name]]);
  });

  test("a plain stack with references, Fn calls and outputs synthesizes the same bytes either way", () => {
    const build = () => {
      const stack = new TerraformStack(Testing.app(), "stack");
      const lazy = Lazy.stringValue({ produce: () => "value" });
      new TerraformOutput(stack, "lazy", { value: lazy });
      new TerraformOutput(stack, "fn", { value: Fn.join(",", ["a", Fn.upper(Fn.lower("B"))]) });
      return Testing.synth(stack);
    };
    expect(TokenStackTraces.without(build)).toBe(build());
  });

  test("DefenderEstate turns capture off until app.synth() returns, unless tokenStackTraces is set", () => {
    const outdir = mkdtempSync(join(tmpdir(), "token-traces-"));
    try {
      const description = parseEstateDescription(VALID_ESTATE);
      const app = new App({ outdir });
      new DefenderEstate(app, { description, select: {} });
      expect(TokenStackTraces.enabled).toBe(false);
      app.synth();
      expect(TokenStackTraces.enabled).toBe(true);
      expect(Object.prototype.hasOwnProperty.call(app, "synth")).toBe(false);

      const traced = new App({ outdir });
      new DefenderEstate(traced, { description, select: {}, tokenStackTraces: true });
      expect(TokenStackTraces.enabled).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("a token resolution error still names the problem with capture off (only the creation stack is empty)", () => {
    const restore = TokenStackTraces.disable();
    try {
      const app = Testing.app();
      const stack = new TerraformStack(app, "stack");
      const bad = Lazy.anyValue({ produce: () => { throw new Error("cannot produce"); } });
      new TerraformOutput(stack, "out", { value: bad });
      expect(() => Testing.synth(stack)).toThrow("cannot produce");
    } finally {
      restore();
    }
  });
});
