import { App } from "cdktf";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parse } from "yaml";
import { DefenderArgumentError } from "../../lib/core/errors";
import { DefenderEstate } from "../../lib/estate/defender-estate";
import { estateGithubActionsWorkflow } from "../../lib/estate/estate-ci-matrix";
import { ESTATE_USAGE, runEstateCli } from "../../lib/estate/estate-cli";
import { EstateDescription } from "../../lib/estate/estate-schema";
import {
  estateSelectionFromEnvironment,
  estateShardOf,
  estateUnits,
  parseEstateShard,
  planEstateShards,
  selectEstateUnits,
} from "../../lib/estate/estate-selection";
import { parseEstateDescription } from "../../lib/estate/load-estate-description";
import { generateEstate } from "../bench/estate-scale";
import { assertValidTerraform } from "../terraform-checks";
import { VALID_ESTATE } from "./fixtures";

const big = parseEstateDescription(generateEstate(120, 50, 30), "generated");

/** Synthesizes `description` (or the selected part) with app.synth() and returns every stack's cdk.tf.json text. */
function synthesizeAll(description: EstateDescription, select: ConstructorParameters<typeof DefenderEstate>[1]["select"] = {}): Record<string, string> {
  const outdir = mkdtempSync(join(tmpdir(), "estate-selection-"));
  try {
    const app = new App({ outdir, stackTraces: false });
    new DefenderEstate(app, { description, select });
    app.synth();
    const stacks = join(outdir, "stacks");
    const texts = Object.fromEntries(readdirSync(stacks).map((name) => [name, readFileSync(join(stacks, name, "cdk.tf.json"), "utf8")]));
    for (const [name, text] of Object.entries(texts)) assertValidTerraform(text, name);
    return texts;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe("estate shards", () => {
  test.each([1, 2, 3, 4, 7])("with %i shards, every unit is in exactly one shard and workspace groups are never split", (count) => {
    const shards = planEstateShards(big, count);
    const ids = shards.flat().map((u) => u.id);
    expect(ids.sort()).toEqual(estateUnits(big).map((u) => u.id).sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const shard of shards) {
      for (const unit of shard) expect(shard.map((u) => u.id)).toContain(unit.group);
    }
    // selectEstateUnits agrees with the plan
    shards.forEach((units, i) => expect(selectEstateUnits(big, { shard: { index: i + 1, count } }).map((u) => u.id)).toEqual(units.map((u) => u.id)));
  });

  test("shard assignment depends on names only: reordering or adding units moves no other unit", () => {
    const before = new Map(planEstateShards(big, 4).flatMap((units, i) => units.map((u) => [u.id, i] as const)));
    const reordered: EstateDescription = {
      ...big,
      azure: { subscriptions: [...big.azure.subscriptions].reverse() },
      aws: { accounts: [...big.aws.accounts, { ...big.aws.accounts[0], name: "acct-new", accountId: "999999999999" }].reverse() },
    };
    const after = new Map(planEstateShards(reordered, 4).flatMap((units, i) => units.map((u) => [u.id, i] as const)));
    for (const [id, shard] of before) expect([id, after.get(id)]).toEqual([id, shard]);
    expect(after.has("aws-acct-new")).toBe(true);
  });

  test("the hash spreads 200 units over 4 shards roughly evenly", () => {
    const sizes = planEstateShards(big, 4).map((s) => s.length);
    for (const size of sizes) expect(size).toBeGreaterThan(200 / 4 / 2);
    expect(estateShardOf("azure-sub-0", 4)).toBe(estateShardOf("azure-sub-0", 4));
  });

  test("the stacks of all shards together are byte-identical to a whole-estate run", () => {
    const description = parseEstateDescription(generateEstate(12, 3, 2), "generated");
    const whole = synthesizeAll(description);
    const sharded = [1, 2, 3].map((index) => synthesizeAll(description, { shard: { index, count: 3 } }));
    const merged: Record<string, string> = {};
    for (const shard of sharded) {
      for (const [name, text] of Object.entries(shard)) {
        expect(merged[name]).toBeUndefined();
        merged[name] = text;
      }
    }
    expect(Object.keys(merged).sort()).toEqual(Object.keys(whole).sort());
    for (const name of Object.keys(whole)) expect([name, merged[name]]).toEqual([name, whole[name]]);
    // the shared workspace really crosses stacks inside a shard
    expect(whole["azure-sub-1"]).toContain("terraform_remote_state");
  });
});

describe("estate selection", () => {
  const description = parseEstateDescription(VALID_ESTATE);

  test("by name: a subscription sharing a workspace comes with its host", () => {
    expect(selectEstateUnits(description, { units: ["azure-prod"] }).map((u) => u.id)).toEqual(["azure-security", "azure-prod"]);
    expect(selectEstateUnits(description, { units: ["aws-shop"] }).map((u) => u.id)).toEqual(["aws-shop"]);
  });

  test("by cloud", () => {
    expect(selectEstateUnits(description, { clouds: ["aws", "gcp"] }).map((u) => u.id)).toEqual(["aws-shop", "gcp-data"]);
  });

  test("DefenderEstate builds the selected stacks only", () => {
    const estate = new DefenderEstate(new App({ outdir: mkdtempSync(join(tmpdir(), "estate-sel-")) }), { description, select: { clouds: ["gcp"] } });
    expect(estate.stacks.map((s) => s.node.id)).toEqual(["gcp-data"]);
    expect(estate.units.map((u) => u.id)).toEqual(["gcp-data"]);
  });

  test("the selection comes from the environment by default", () => {
    expect(estateSelectionFromEnvironment({ DEFENDER_ESTATE_SHARD: "2/4", DEFENDER_ESTATE_UNITS: "azure-prod, aws-shop", DEFENDER_ESTATE_CLOUDS: "azure" })).toEqual({
      shard: { index: 2, count: 4 },
      units: ["azure-prod", "aws-shop"],
      clouds: ["azure"],
    });
    expect(estateSelectionFromEnvironment({})).toEqual({ shard: undefined, units: undefined, clouds: undefined });
  });

  test.each(["0/4", "5/4", "2", "a/b", "1/0"])("a bad shard %p is refused with the expected form", (text) => {
    expect(() => parseEstateShard(text)).toThrow(`shard: got ${JSON.stringify(text)}; expected i/n with 1 ≤ i ≤ n, e.g. "2/4"`);
  });

  test("an unknown unit, cloud or shard is refused with what was expected", () => {
    expect(() => selectEstateUnits(description, { units: ["aws-shop", "azure-nope"] })).toThrow(
      'units[1]: got "azure-nope"; expected the name of a unit of the estate (azure-security, azure-prod, aws-shop, gcp-data)',
    );
    expect(() => selectEstateUnits(description, { clouds: ["oci" as never] })).toThrow('clouds[0]: got "oci"; expected one of azure, aws, gcp');
    expect(() => selectEstateUnits(description, { shard: { index: 3, count: 2 } })).toThrow("shard.index: got 3; expected a whole number from 1 to 2");
    expect(() => selectEstateUnits(description, { shard: { index: 1, count: 1.5 } })).toThrow("shard.count: got 1.5; expected a whole number ≥ 1");
    expect(() => planEstateShards(description, 0)).toThrow("count: got 0; expected a whole number ≥ 1");
    // JavaScript callers: a NaN or a symbol is named as itself, and the error is the library's argument error.
    expect(() => planEstateShards(description, NaN)).toThrow("count: got NaN; expected a whole number ≥ 1");
    expect(() => selectEstateUnits(description, { clouds: [Symbol("aws") as never] })).toThrow("clouds[0]: got Symbol(aws); expected one of azure, aws, gcp");
    expect(() => parseEstateShard("1/0")).toThrow(DefenderArgumentError);
  });

  test("DefenderEstate names the app and the option of a bad selection (DefenderValidationError)", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "estate-sel-")) });
    expect(() => new DefenderEstate(app, { description, select: { units: ["gcp-nope"] } })).toThrow(
      expect.objectContaining({ name: "DefenderValidationError", message: expect.stringContaining('[] DefenderEstate select.units[0]: got "gcp-nope"; expected the name of a unit') }),
    );
    const env = process.env.DEFENDER_ESTATE_SHARD;
    process.env.DEFENDER_ESTATE_SHARD = "9/4";
    try {
      expect(() => new DefenderEstate(new App({ outdir: mkdtempSync(join(tmpdir(), "estate-sel-")) }), { description })).toThrow(
        'DefenderEstate environment (DEFENDER_ESTATE_*): shard: got "9/4"; expected i/n with 1 ≤ i ≤ n, e.g. "2/4"',
      );
    } finally {
      if (env === undefined) delete process.env.DEFENDER_ESTATE_SHARD;
      else process.env.DEFENDER_ESTATE_SHARD = env;
    }
  });
});

describe("CI fan-out", () => {
  test("the generated GitHub Actions workflow runs one matrix job per shard, each with its DEFENDER_ESTATE_SHARD", () => {
    const workflow = parse(estateGithubActionsWorkflow({ shards: 4, synthCommand: "npm run synth" }));
    const synth = workflow.jobs.synth;
    expect(synth.strategy.matrix.shard).toEqual([1, 2, 3, 4]);
    expect(synth.env).toEqual({ DEFENDER_ESTATE_SHARD: "${{ matrix.shard }}/4" });
    expect(synth.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual(["npm ci", "npm run synth"]);
    expect(synth.steps.at(-1)).toEqual({ uses: "actions/upload-artifact@v4", with: { name: "cdktf-out-${{ matrix.shard }}", path: "cdktf.out" } });
    expect(() => estateGithubActionsWorkflow({ shards: 0 })).toThrow("shards: got 0; expected a whole number ≥ 1");
  });

  test("defender-estate shards prints every shard's units; github-actions prints the workflow", () => {
    const dir = mkdtempSync(join(tmpdir(), "estate-cli-"));
    const file = join(dir, "estate.yaml");
    require("fs").writeFileSync(file, VALID_ESTATE);
    let out = "";
    expect(runEstateCli(["shards", file, "--count", "2"], { write: (t: string) => (out += t) })).toBe(0);
    const shards = JSON.parse(out) as { shard: string; units: string[] }[];
    expect(shards.map((s) => s.shard)).toEqual(["1/2", "2/2"]);
    expect(shards.flatMap((s) => s.units).sort()).toEqual(["aws-shop", "azure-prod", "azure-security", "gcp-data"]);
    out = "";
    expect(runEstateCli(["github-actions", "--shards", "3"], { write: (t: string) => (out += t) })).toBe(0);
    expect(parse(out).jobs.synth.strategy.matrix.shard).toEqual([1, 2, 3]);
    let err = "";
    expect(runEstateCli(["nope"], { write: () => true }, { write: (t: string) => (err += t) })).toBe(2);
    expect(err).toContain("Usage:");
    // Bad options are refused, not ignored: each message names the option and what it expects.
    const refused = (...argv: string[]) => {
      let text = "";
      let written = "";
      const code = runEstateCli(argv, { write: (t: string) => (written += t) }, { write: (t: string) => (text += t) });
      return { code, text, written };
    };
    expect(refused("shards", file, "--count", "0")).toEqual({ code: 2, text: `defender-estate: --count: got "0"; expected a positive integer\n${ESTATE_USAGE}`, written: "" });
    expect(refused("github-actions", "--shards", "four")).toEqual({ code: 2, text: `defender-estate: --shards: got "four"; expected a positive integer\n${ESTATE_USAGE}`, written: "" });
    expect(refused("github-actions", "--shard", "2")).toEqual({ code: 2, text: `defender-estate: unknown option --shard\n${ESTATE_USAGE}`, written: "" });
    expect(refused("github-actions", "--synth")).toEqual({ code: 2, text: `defender-estate: Option '--synth <value>' argument missing\n${ESTATE_USAGE}`, written: "" });
    // An option of the other command, or a stray argument, is bad usage too.
    expect(refused("github-actions", "--count", "2")).toEqual({ code: 2, text: ESTATE_USAGE, written: "" });
    expect(refused("shards", file, "extra.yaml")).toEqual({ code: 2, text: `defender-estate: expected at most 2 argument(s) besides options, got 3 (extra: "extra.yaml")\n${ESTATE_USAGE}`, written: "" });
    expect(refused("shards", join(dir, "missing.yaml")).text).toMatch(/^defender-estate: .*missing\.yaml/);
    rmSync(dir, { recursive: true, force: true });
  });

  test("the checked-in example workflow and the one in docs/scale-and-sharding.md are what the generator writes", () => {
    const root = join(__dirname, "..", "..");
    const generated = estateGithubActionsWorkflow({ shards: 4, synthCommand: "npm run synth" });
    expect(readFileSync(join(root, "examples", "estate", "github-actions-shards.yml"), "utf8")).toBe(generated);
    const docs = readFileSync(join(root, "docs", "scale-and-sharding.md"), "utf8");
    expect(/```yaml\n([\s\S]*?)```/.exec(docs)?.[1]).toBe(generated);
  });

  test("defender-estate is a package bin with a node shebang", () => {
    const root = join(__dirname, "..", "..");
    expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).bin["defender-estate"]).toBe("dist/estate/estate-cli.js");
    expect(readFileSync(join(root, "lib", "estate", "estate-cli.ts"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
