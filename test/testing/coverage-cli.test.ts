import { spawnSync } from "child_process";
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { CoverageExitCode, main, USAGE } from "../../lib/testing/coverage-cli";
import { writeCdktfOut } from "../util";
import { FIXTURE_MARKDOWN, FIXTURE_STACKS, gkeStack } from "./fixtures";

const ROOT = join(__dirname, "..", "..");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Runs `main` and captures what it writes. */
function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = main(argv, { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("defender-coverage command", () => {
  const withGaps = writeCdktfOut(FIXTURE_STACKS);
  const noGaps = writeCdktfOut({ gke: gkeStack });

  test("prints the Markdown table", () => {
    expect(run(withGaps)).toEqual({ code: CoverageExitCode.OK, stdout: FIXTURE_MARKDOWN, stderr: "" });
  });

  test("--json prints the report as JSON", () => {
    const { code, stdout } = run(noGaps, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      version: 1,
      stacks: [{ name: "gke", definesContainersPlan: false, containersPlan: "n/a" }],
      clusters: [
        {
          stack: "gke",
          kind: "GKE",
          name: "gke-main",
          address: "google_container_cluster.main",
          sensor: "yes",
          policy: "n/a",
          workspace: "n/a",
          agentlessDiscovery: "yes",
          auditLogs: "n/a",
          gaps: [],
        },
      ],
      gapCount: 0,
      ignoredColumns: [],
    });
  });

  test("--ignore leaves columns out of the table and the gaps", () => {
    const onlyEks = writeCdktfOut({ eks: FIXTURE_STACKS.eks });
    expect(run(onlyEks, "--fail-on-gaps").code).toBe(1);
    const { code, stdout } = run(onlyEks, "--fail-on-gaps", "--ignore", "sensor,agentlessDiscovery", "--ignore=auditLogs");
    expect(stdout).toContain("| Stack | Cluster | Kind | Policy add-on | Workspace |\n");
    expect(stdout).toContain("| eks | eks-dev | EKS | — | — |\n");
    expect(stdout).toContain("3 clusters, none with gaps.");
    expect(code).toBe(0);
    expect(run(onlyEks, "--ignore", "audit")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'defender-coverage: --ignore: got "audit"; expected one of sensor, policy, workspace, agentlessDiscovery, auditLogs\n',
    });
  });

  test("--fail-on-gaps exits 1 when there is a gap, 0 when there is none", () => {
    expect(run(withGaps, "--fail-on-gaps").code).toBe(CoverageExitCode.GAPS);
    expect(run("--fail-on-gaps", noGaps).code).toBe(CoverageExitCode.OK);
    expect(run(withGaps, "--json", "--fail-on-gaps").code).toBe(1);
  });

  test("bad arguments and missing output exit 2 with a message", () => {
    expect(run("--nope")).toEqual({ code: 2, stdout: "", stderr: `defender-coverage: unknown option --nope\n\n${USAGE}` });
    expect(run("a", "b").stderr).toMatch(/^defender-coverage: expected at most 1 argument\(s\) besides options, got 2 \(extra: "b"\)\n\nUsage:/);
    expect(run("--ignore")).toEqual({ code: 2, stdout: "", stderr: `defender-coverage: Option '--ignore <value>' argument missing\n\n${USAGE}` });
    expect(run("--json=yes").stderr).toMatch(/^defender-coverage: Option '--json' does not take an argument\n/);
    const missing = run(join(withGaps, "stacks", "gke"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no cdktf output found; expected manifest\.json or stacks\/<name>\/cdk\.tf\.json/);
    expect(run("--help")).toEqual({ code: 0, stdout: USAGE, stderr: "" });
  });

  describe("every error names the file (issue 16)", () => {
    test("a cdk.tf.json holding null is an error, not a crash", () => {
      const dir = writeCdktfOut({ broken: {} });
      writeFileSync(join(dir, "stacks", "broken", "cdk.tf.json"), "null");
      expect(run(dir)).toEqual({ code: 2, stdout: "", stderr: `defender-coverage: ${join(dir, "stacks", "broken", "cdk.tf.json")}: got null; expected a synthesized stack (a JSON object).\n` });
    });

    test("a cdk.tf.json that is not JSON names the file", () => {
      const dir = writeCdktfOut({ broken: {} });
      writeFileSync(join(dir, "stacks", "broken", "cdk.tf.json"), "{");
      expect(run(dir).stderr).toMatch(new RegExp(`^defender-coverage: ${escape(join(dir, "stacks", "broken", "cdk.tf.json"))}: expected a synthesized stack \\(a JSON object\\): `));
    });

    test("a stack the manifest lists but whose file is missing is an error", () => {
      const dir = writeCdktfOut({ gke: gkeStack, gone: {} });
      rmSync(join(dir, "stacks", "gone"), { recursive: true });
      expect(run(dir)).toEqual({
        code: 2,
        stdout: "",
        stderr: `defender-coverage: ${join(dir, "stacks", "gone", "cdk.tf.json")}: stack gone is listed in ${join(dir, "manifest.json")} but its file is missing (run cdktf synth again).\n`,
      });
    });

    test("a manifest that is not JSON names the file", () => {
      const dir = writeCdktfOut({ gke: gkeStack });
      writeFileSync(join(dir, "manifest.json"), "[]");
      expect(run(dir).stderr).toBe(`defender-coverage: ${join(dir, "manifest.json")}: got a list; expected a cdktf manifest (a JSON object with stacks).\n`);
    });

    test("nothing to check is an error under --fail-on-gaps", () => {
      const empty = writeCdktfOut({ other: { resource: { null_resource: { x: {} } } } });
      expect(run(empty).code).toBe(CoverageExitCode.OK);
      const gated = run(empty, "--fail-on-gaps");
      expect(gated.code).toBe(CoverageExitCode.GAPS);
      expect(gated.stderr).toBe(`defender-coverage: ${empty}: nothing to check (no cluster and no Azure stack); expected at least one with --fail-on-gaps.\n`);
    });
  });

  test("runs as a script (the package bin) with its exit code", () => {
    const script = join(ROOT, "lib", "testing", "coverage-cli.ts");
    const result = spawnSync(process.execPath, ["--require", "tsx/cjs", script, withGaps, "--fail-on-gaps"], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(FIXTURE_MARKDOWN);
    expect(result.status).toBe(1);
  });

  test("the script source starts with a node shebang", () => {
    const source = readFileSync(join(ROOT, "lib", "testing", "coverage-cli.ts"), "utf8");
    expect(source.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).bin).toEqual(
      expect.objectContaining({ "defender-coverage": "dist/testing/coverage-cli.js", "defender-plan-offline": "dist/testing/offline-plan/cli.js" }),
    );
    expect(readFileSync(join(ROOT, "lib", "testing", "offline-plan", "cli.ts"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
