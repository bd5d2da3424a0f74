/**
 * Benchmarks: `npm run bench` (add `-- --write` to update BENCHMARKS.md, `-- --check` to exit
 * non-zero when a budget is exceeded, `-- --quick` for one run per figure and the scale bars at smaller
 * sizes, `-- --only=<group>,…` to run some groups only).
 *
 * Every figure is the median of several fresh Node.js processes, and is printed next to a
 * baseline measured in the same run on the same machine, so ratios stay meaningful on a noisy
 * or slower machine while absolute times do not.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { cpus, tmpdir, totalmem } from "os";
import { join } from "path";
import { measure, median, runNode, Sample, timeCommand } from "./measure";
import { fleetScenarios } from "./fleet";

const ROOT = join(__dirname, "..", "..");
const args = new Set(process.argv.slice(2));
const RUNS = args.has("--quick") ? 1 : 5;

interface Row {
  readonly scenario: string;
  readonly subject: Sample;
  readonly baselineName?: string;
  readonly baseline?: Sample;
  /** Extra columns, e.g. JSON size. */
  readonly note?: string;
}

interface Budget {
  readonly what: string;
  readonly limit: string;
  readonly actual: string;
  readonly ok: boolean;
  /**
   * A target not met yet (issue 18's estate bars): reported, and failing `--check` only with
   * `--check-targets`, so CI keeps guarding the budgets that hold while the table shows the gap.
   */
  readonly target?: boolean;
}

const rows: Row[] = [];
const budgets: Budget[] = [];

function ensureBuilt(): void {
  execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
}

/** cdktf, constructs and provider submodule files an entry point loads: the baseline a hand-written app would load. */
function providerFilesLoadedBy(entryFile: string): string[] {
  const script = `require(${JSON.stringify(entryFile)});
    process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((f) => /node_modules[\\\\/](?:@cdktf[\\\\/]provider-[a-z]+[\\\\/]lib[\\\\/][^\\\\/]+|cdktf[\\\\/]lib|constructs[\\\\/]lib)[\\\\/]index\\.js$/.test(f))));`;
  return JSON.parse(runNode(script, { cwd: ROOT }).stdout.split("\n").pop()!);
}

function benchImports(): void {
  for (const entry of ["", "azure", "aws", "gcp", "kubernetes", "testing"]) {
    const entryFile = join(ROOT, "dist", entry, "index.js");
    const files = providerFilesLoadedBy(entryFile);
    const subject = measure(RUNS, () => runNode(`require(${JSON.stringify(entryFile)})`, { cwd: ROOT }));
    const baselineScript = files.map((f) => `require(${JSON.stringify(f)});`).join("");
    const baseline = measure(RUNS, () => runNode(baselineScript, { cwd: ROOT }));
    const name = `import "${entry ? `cdktf-defender-for-containers/${entry}` : "cdktf-defender-for-containers"}"`;
    rows.push({ scenario: name, subject, baselineName: `the ${files.length} cdktf/provider modules it loads, required directly`, baseline });
    if (entry === "azure") {
      budgets.push({
        what: "import /azure",
        limit: "≤ 1 s and ≤ 200 MB",
        actual: `${seconds(subject.wallMs)}, ${mb(subject.peakRssMb)}`,
        ok: subject.wallMs <= 1000 && subject.peakRssMb <= 200,
      });
    }
  }
}

function benchExamples(): void {
  const outdir = mkdtempSync(join(tmpdir(), "bench-synth-"));
  try {
    // Each example alone (load + construct + synth, in a fresh process), then all of them: `npm run synth`.
    const names: string[] = JSON.parse(
      runNode(`process.stdout.write(JSON.stringify(Object.keys(require("./examples/stacks.ts").EXAMPLES)))`, { cwd: ROOT, nodeArgs: ["--require", "tsx/cjs"] }).stdout,
    );
    for (const name of names) {
      const script = `const { App } = require("cdktf"); const app = new App({ outdir: ${JSON.stringify(join(outdir, name))} });
        require("./examples/stacks.ts").EXAMPLES[${JSON.stringify(name)}](app); app.synth();`;
      const subject = measure(RUNS, () => runNode(script, { cwd: ROOT, nodeArgs: ["--require", "tsx/cjs"] }));
      rows.push({ scenario: `synth example ${name} (via tsx)`, subject });
      if (name === "multicloud") {
        budgets.push({
          what: "multicloud synth",
          limit: "≤ 3 s and ≤ 400 MB",
          actual: `${seconds(subject.wallMs)}, ${mb(subject.peakRssMb)}`,
          ok: subject.wallMs <= 3000 && subject.peakRssMb <= 400,
        });
      }
    }
    const all = measure(RUNS, () => runNode(`require("./examples/main.ts")`, { cwd: ROOT, nodeArgs: ["--require", "tsx/cjs"], env: { CDKTF_OUTDIR: join(outdir, "all") } }));
    const manifest = JSON.parse(readFileSync(join(outdir, "all", "manifest.json"), "utf8"));
    rows.push({ scenario: `npm run synth (all ${Object.keys(manifest.stacks).length} example stacks, via tsx)`, subject: all });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function benchFleets(): void {
  for (const scenario of fleetScenarios()) {
    // Construct + synth time is measured inside each process (module loading is what the import rows measure).
    const run = (script: string) => {
      const results = Array.from({ length: RUNS }, () => runNode(script, { cwd: ROOT, nodeArgs: ["--require", "tsx/cjs"] }));
      const parsed = results.map((r) => JSON.parse(r.stdout) as { bytes: number; synthMs: number });
      return {
        sample: { wallMs: median(parsed.map((p) => p.synthMs)), peakRssMb: median(results.map((r) => r.peakRssMb)), stdout: "" },
        bytes: parsed[0].bytes,
      };
    };
    const subject = run(scenario.library);
    const baseline = run(scenario.rawL1);
    rows.push({
      scenario: scenario.name,
      subject: subject.sample,
      baselineName: "raw L1, one resource per cluster",
      baseline: baseline.sample,
      note: `cdk.tf.json ${kb(subject.bytes)} vs ${kb(baseline.bytes)} (${(subject.bytes / baseline.bytes).toFixed(2)}×)`,
    });
    if (scenario.clusters === 1000) {
      budgets.push({
        what: "fleet of 1,000: construct + synth time and JSON size vs raw L1",
        limit: "≤ 0.5× time, ≤ 0.2× size",
        actual: `${(subject.sample.wallMs / baseline.sample.wallMs).toFixed(2)}× time, ${(subject.bytes / baseline.bytes).toFixed(2)}× size`,
        ok: subject.sample.wallMs <= 0.5 * baseline.sample.wallMs && subject.bytes <= 0.2 * baseline.bytes,
      });
    }
  }
}

function benchEstate(): void {
  const [subscriptions, accounts, projects] = [200, 100, 50];
  const runs = args.has("--quick") ? 1 : 3;
  const results = Array.from({ length: runs }, () => {
    const sample = runNode(`process.stdout.write(JSON.stringify(require("./test/bench/estate-scale.ts").synthesizeEstate(${subscriptions}, ${accounts}, ${projects})));`, {
      cwd: ROOT,
      nodeArgs: ["--require", "tsx/cjs"],
    });
    return { sample, result: JSON.parse(sample.stdout) as { stacks: number; ms: number } };
  });
  const wallMs = median(results.map((r) => r.sample.wallMs));
  const peakRssMb = median(results.map((r) => r.sample.peakRssMb));
  rows.push({
    scenario: `estate of ${subscriptions} subscriptions + ${accounts} AWS accounts + ${projects} GCP projects (${results[0].result.stacks} stacks): load, construct, synth`,
    subject: { wallMs, peakRssMb, stdout: "" },
    note: `construct + synth alone: ${seconds(median(results.map((r) => r.result.ms)))}`,
  });
  budgets.push({ what: "estate of 350 stacks", limit: "< 20 s and < 1.5 GB", actual: `${seconds(wallMs)}, ${mb(peakRssMb)}`, ok: wallMs < 20_000 && peakRssMb < 1536 });
}

/**
 * Terraform in the loop on every example stack: the structural validator (in-process, warm schema cache;
 * baseline: reading and parsing the same files) and the offline plan (real terraform through the stub;
 * baseline: the same command on as many empty stacks, i.e. the harness and Terraform's own start-up).
 */
function benchTerraformChecks(): void {
  const outdir = mkdtempSync(join(tmpdir(), "bench-tf-"));
  try {
    runNode(`require("./examples/main.ts")`, { cwd: ROOT, nodeArgs: ["--require", "tsx/cjs"], env: { CDKTF_OUTDIR: join(outdir, "examples") } });
    const timed = (body: string) =>
      `const { readFileSync } = require("fs"); const m = JSON.parse(readFileSync(${JSON.stringify(join(outdir, "examples", "manifest.json"))}, "utf8"));
       const files = Object.values(m.stacks).map((s) => ${JSON.stringify(join(outdir, "examples"))} + "/" + s.synthesizedStackPath);
       ${body}
       const start = process.hrtime.bigint(); for (const f of files) run(JSON.parse(readFileSync(f, "utf8")));
       process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));`;
    const inProcess = (body: string) => {
      const results = Array.from({ length: RUNS }, () => runNode(timed(body), { cwd: ROOT, nodeArgs: ["--require", "tsx/cjs"] }));
      return { wallMs: median(results.map((r) => Number(r.stdout))), peakRssMb: median(results.map((r) => r.peakRssMb)), stdout: "" };
    };
    // Warm the schema cache and the page cache first: the figure is a warm run.
    runNode(timed(`const { validateTerraformJson } = require("./lib/testing/validate"); const run = (j) => validateTerraformJson(j);`), { cwd: ROOT, nodeArgs: ["--require", "tsx/cjs"] });
    const validate = inProcess(`const { validateTerraformJson } = require("./lib/testing/validate"); const run = (j) => { if (validateTerraformJson(j).length) throw new Error("diagnostics"); };`);
    const parse = inProcess(`const run = () => undefined;`);
    rows.push({ scenario: "structural checks of every example stack (warm schema cache)", subject: validate, baselineName: "read + JSON.parse of the same files", baseline: parse });
    budgets.push({ what: "structural checks of the example stacks", limit: "≤ 1 s", actual: seconds(validate.wallMs), ok: validate.wallMs <= 1000 });

    if (spawnSync("terraform", ["version"], { stdio: "ignore" }).status !== 0) {
      console.warn("terraform is not on PATH: the offline-plan benchmark is SKIPPED");
      return;
    }
    const manifest = JSON.parse(readFileSync(join(outdir, "examples", "manifest.json"), "utf8"));
    const empty = join(outdir, "empty");
    const stacks: Record<string, object> = {};
    for (const name of Object.keys(manifest.stacks)) {
      mkdirSync(join(empty, "stacks", name), { recursive: true });
      writeFileSync(join(empty, "stacks", name, "cdk.tf.json"), "{}\n");
      stacks[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}` };
    }
    writeFileSync(join(empty, "manifest.json"), JSON.stringify({ version: "stubbed", stacks }));
    const script = (dir: string) =>
      `require("./lib/testing/offline-plan/cli.ts").runCli(["--out", ${JSON.stringify(dir)}], require("./lib/testing/schema/registry").defaultSchemaRegistry, { write: () => true }).then((code) => { process.exitCode = code; });`;
    const plan = (dir: string) => measure(args.has("--quick") ? 1 : 3, () => runNode(script(dir), { cwd: ROOT, nodeArgs: ["--require", "tsx/cjs"] }));
    const subject = plan(join(outdir, "examples"));
    const baseline = plan(empty);
    rows.push({ scenario: `offline plan (init + validate + plan) of all ${Object.keys(stacks).length} example stacks`, subject, baselineName: "the same on as many empty stacks", baseline });
    budgets.push({ what: "offline plan of the example stacks", limit: "≤ 90 s", actual: seconds(subject.wallMs), ok: subject.wallMs <= 90_000 });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Median of `runs` fresh processes running a bench script that prints `{"ms":…}`: in-process ms and peak RSS. */
function inProcess(runs: number, script: string): Sample & { result: Record<string, number> } {
  const samples = Array.from({ length: runs }, () => runNode(script, { cwd: ROOT, nodeArgs: ["--require", "tsx/cjs"] }));
  const results = samples.map((r) => JSON.parse(r.stdout.split("\n").pop()!) as Record<string, number>);
  return { wallMs: median(results.map((r) => r.ms)), peakRssMb: median(samples.map((r) => r.peakRssMb)), stdout: "", result: results[0] };
}

const exponent = (small: number, large: number, from: number, to: number) => Math.log(large / small) / Math.log(to / from);

/**
 * Estates of 50 to 5,000 units against the floor of as many stacks holding only their providers and
 * backend, each size in its own processes (so peak RSS is per size), estate and floor interleaved so both
 * see the same load. Bars: per-unit cost ≤ 3× the floor at 2,000 units, and growth exponent
 * 1,000 → 5,000 ≤ 1.05 (wall and memory); --quick checks them at 1,000 and 350 → 1,000.
 */
function benchEstateScale(): void {
  const quick = args.has("--quick");
  const sizes = quick ? [50, 350, 1000] : [50, 350, 1000, 2000, 5000];
  const runsFor = (units: number) => (quick || units >= 2000 ? 1 : 3);
  const measured = new Map<number, { estate: ReturnType<typeof inProcess>; floor: ReturnType<typeof inProcess> }>();
  for (const units of sizes) {
    const script = (mode: string) => `process.stdout.write(JSON.stringify(require("./test/bench/estate-units.ts").synthesizeUnits(${units}, "${mode}")))`;
    const floor = inProcess(runsFor(units), script("floor"));
    const estate = inProcess(runsFor(units), script("estate"));
    measured.set(units, { estate, floor });
    rows.push({
      scenario: `estate of ${units.toLocaleString("en-US")} units: construct + synth`,
      subject: estate,
      baselineName: "as many stacks with providers + backend only",
      baseline: floor,
      note: `${(estate.wallMs / units).toFixed(2)} ms/unit vs ${(floor.wallMs / units).toFixed(2)}; CPU ${seconds(estate.result.cpuMs)} vs ${seconds(floor.result.cpuMs)} (${(estate.result.cpuMs / floor.result.cpuMs).toFixed(2)}×)`,
    });
  }
  const [barUnits, from, to] = quick ? [1000, 350, 1000] : [2000, 1000, 5000];
  const at = measured.get(barUnits)!;
  // What cdktf alone costs to write the same Terraform: the part of the per-unit cost this library and the
  // provider classes add, against the part any cdktf app producing this output pays.
  const output = inProcess(runsFor(barUnits), `process.stdout.write(JSON.stringify(require("./test/bench/estate-units.ts").synthesizeUnits(${barUnits}, "output")))`);
  rows.push({
    scenario: `estate of ${barUnits.toLocaleString("en-US")} units vs the same Terraform written by plain cdktf elements`,
    subject: at.estate,
    baselineName: "its synthesized JSON, one plain element per block",
    baseline: output,
    note: `plain elements vs the providers+backend floor: ${(output.wallMs / at.floor.wallMs).toFixed(2)}× wall, ${(output.result.cpuMs / at.floor.result.cpuMs).toFixed(2)}× CPU; estate CPU ${(at.estate.result.cpuMs / output.result.cpuMs).toFixed(2)}× theirs`,
  });
  const ratio = at.estate.wallMs / at.floor.wallMs;
  budgets.push({ what: `estate per-unit cost at ${barUnits.toLocaleString("en-US")} units vs providers+backend floor`, limit: "≤ 3×", actual: `${ratio.toFixed(2)}×`, ok: ratio <= 3, target: true });
  const small = measured.get(from)!.estate;
  const large = measured.get(to)!.estate;
  const wallExp = exponent(small.wallMs, large.wallMs, from, to);
  const rssExp = exponent(small.peakRssMb, large.peakRssMb, from, to);
  const cpuExp = exponent(small.result.cpuMs, large.result.cpuMs, from, to);
  const cpuRatio = at.estate.result.cpuMs / at.floor.result.cpuMs;
  // CPU time is what a shared, oversubscribed machine distorts least: shown beside the wall-time bars.
  rows.push({
    scenario: `estate growth ${from.toLocaleString("en-US")} → ${to.toLocaleString("en-US")} units`,
    subject: large,
    note: `exponents: wall ${wallExp.toFixed(2)}, CPU ${cpuExp.toFixed(2)}, peak RSS ${rssExp.toFixed(2)}; CPU per unit at ${barUnits.toLocaleString("en-US")} units: ${cpuRatio.toFixed(2)}× the floor`,
  });
  budgets.push({
    what: `estate growth exponent ${from.toLocaleString("en-US")} → ${to.toLocaleString("en-US")} units (wall, peak RSS)`,
    limit: "≤ 1.05 each",
    actual: `${wallExp.toFixed(2)}, ${rssExp.toFixed(2)}`,
    ok: wallExp <= 1.05 && rssExp <= 1.05,
    target: true,
  });
}

/** One estate in one process against the same estate in 4 shard processes (run one after the other, as 4 machines would run them). */
function benchShards(): void {
  const units = args.has("--quick") ? 1000 : 5000;
  const script = (shard?: string) =>
    `process.stdout.write(JSON.stringify(require("./test/bench/estate-units.ts").synthesizeUnits(${units}, "estate"${shard ? `, "${shard}"` : ""})))`;
  const single = inProcess(1, script());
  const shards = [1, 2, 3, 4].map((i) => inProcess(1, script(`${i}/4`)));
  const stacks = shards.map((s) => s.result.stacks);
  const worst = shards.reduce((a, b) => (b.peakRssMb > a.peakRssMb ? b : a));
  const slowest = shards.reduce((a, b) => (b.wallMs > a.wallMs ? b : a));
  rows.push({
    scenario: `estate of ${units.toLocaleString("en-US")} units in 4 shards (DEFENDER_ESTATE_SHARD=i/4): slowest / largest shard`,
    subject: { wallMs: slowest.wallMs, peakRssMb: worst.peakRssMb, stdout: "" },
    baselineName: "the whole estate in one process",
    baseline: single,
    note: `stacks per shard ${stacks.join(" / ")}; shards' peak RSS ${shards.map((s) => mb(s.peakRssMb)).join(" / ")}`,
  });
  const share = worst.peakRssMb / single.peakRssMb;
  budgets.push({ what: `each of 4 shards' peak RSS vs one process (${units.toLocaleString("en-US")} units)`, limit: "≤ 40%", actual: `${(share * 100).toFixed(0)}%`, ok: share <= 0.4, target: true });
}

/** The /testing helpers on `for_each` maps of 1,000 and 8,000 keys against a plain toTerraform + stringify. */
function benchTestingHelpers(): void {
  // Sub-second processes: three runs even in --quick mode, so the enforced bar is not decided by one noisy run.
  const runs = 3;
  for (const keys of [1000, 8000]) {
    const script = (mode: string) => `process.stdout.write(JSON.stringify({ ms: require("./test/bench/testing-helpers.ts").timeHelper(${keys}, "${mode}") }))`;
    const floor = inProcess(runs, script("floor"));
    const helper = inProcess(runs, script("helper"));
    const withReport = inProcess(runs, script("helper-report"));
    const checks = inProcess(runs, script("checks"));
    // Testing.synth is quadratic (8.5 s at 8,000 keys on this machine): measured at 1,000 keys only.
    const testingSynth = keys <= 1000 ? inProcess(runs, script("testing-synth")) : undefined;
    rows.push({
      scenario: `synthesizeForDefender, for_each maps of ${keys.toLocaleString("en-US")} keys`,
      subject: helper,
      baselineName: "stack.toTerraform() + JSON.stringify",
      baseline: floor,
      note: `with .report read: ${seconds(withReport.wallMs)}; structural checks alone: ${seconds(checks.wallMs)}${testingSynth ? `; cdktf Testing.synth: ${seconds(testingSynth.wallMs)}` : ""}`,
    });
    if (keys === 8000) {
      const ratio = helper.wallMs / floor.wallMs;
      budgets.push({ what: "synthesizeForDefender at 8,000 keys vs toTerraform + stringify", limit: "≤ 2×", actual: `${ratio.toFixed(2)}×`, ok: ratio <= 2 });
    }
  }
}

function benchTests(): void {
  const runs = args.has("--quick") ? 1 : 3;
  const times = Array.from({ length: runs }, () => timeCommand("npm", ["test", "--silent"], ROOT)).sort((a, b) => a - b);
  const wallMs = times[Math.floor(times.length / 2)];
  rows.push({ scenario: `npm test (tsc --noEmit + jest), median of ${runs}`, subject: { wallMs, peakRssMb: NaN, stdout: "" } });
  budgets.push({ what: "npm test", limit: "≤ 90 s", actual: seconds(wallMs), ok: wallMs <= 90_000 });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (value: number) => (Number.isNaN(value) ? "—" : `${value.toFixed(0)} MB`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function render(): string {
  const lines = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}. ` +
      `Median of ${RUNS} fresh processes per figure (estate and npm test: see rows).`,
    "",
    "| scenario | time | peak RSS | baseline | baseline time | baseline RSS | time ratio | RSS ratio | notes |",
    "|---|---:|---:|---|---:|---:|---:|---:|---|",
  ];
  for (const row of rows) {
    const b = row.baseline;
    lines.push(
      `| ${row.scenario} | ${seconds(row.subject.wallMs)} | ${mb(row.subject.peakRssMb)} | ${row.baselineName ?? "—"} | ${b ? seconds(b.wallMs) : "—"} | ${b ? mb(b.peakRssMb) : "—"} | ${
        b ? `${(row.subject.wallMs / b.wallMs).toFixed(2)}×` : "—"
      } | ${b ? `${(row.subject.peakRssMb / b.peakRssMb).toFixed(2)}×` : "—"} | ${row.note ?? ""} |`,
    );
  }
  lines.push("", "| budget | limit | actual | |", "|---|---|---|---|");
  for (const budget of budgets) lines.push(`| ${budget.what} | ${budget.limit} | ${budget.actual} | ${budget.ok ? "✓" : budget.target ? "✗ target not met" : "✗ over budget"} |`);
  return lines.join("\n");
}

/** `--only=estate-scale,shards` runs those groups only (while iterating; the table is then partial). */
const ONLY = [...args].find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");

function main(): void {
  ensureBuilt();
  const groups: [string, () => void][] = [
    ["imports", benchImports],
    ["examples", benchExamples],
    ["fleets", benchFleets],
    ["estate", benchEstate],
    ["estate-scale", benchEstateScale],
    ["shards", benchShards],
    ["helpers", benchTestingHelpers],
    ["terraform-checks", benchTerraformChecks],
  ];
  for (const [name, run] of groups) if (!ONLY || ONLY.includes(name)) run();
  if (!args.has("--no-tests") && (!ONLY || ONLY.includes("tests"))) benchTests();
  const table = render();
  console.log(table);
  if (args.has("--write")) {
    const path = join(ROOT, "BENCHMARKS.md");
    const current = readFileSync(path, "utf8");
    const updated = current.replace(/<!-- results -->[\s\S]*<!-- \/results -->/, `<!-- results -->\n${table}\n<!-- /results -->`);
    writeFileSync(path, updated);
  }
  const failing = budgets.filter((b) => !b.ok && (!b.target || args.has("--check-targets")));
  if (args.has("--check") && failing.length > 0) {
    console.error("\nOver budget: " + failing.map((b) => b.what).join(", "));
    process.exit(1);
  }
}

main();
