import { execFileSync, spawnSync } from "child_process";
import { rmSync } from "fs";
import { join } from "path";
import { stacksIn, synthesizeExamples } from "./examples-output";

/**
 * Opt-in: `DEFENDER_TF_VALIDATE=1 npm test` runs `terraform init -backend=false && terraform validate`
 * on every synthesized example. It needs a terraform (or TERRAFORM_BINARY_NAME, e.g. tofu) binary on
 * PATH and network access to download the providers, so it is skipped by default and in CI.
 */
const binary = process.env.TERRAFORM_BINARY_NAME ?? "terraform";
const requested = process.env.DEFENDER_TF_VALIDATE === "1";
const available = requested && spawnSync(binary, ["version"], { stdio: "ignore" }).status === 0;
const skipReason = !requested
  ? "set DEFENDER_TF_VALIDATE=1 to run terraform validate on the examples"
  : `DEFENDER_TF_VALIDATE=1 but "${binary}" is not on PATH`;

if (!available) {
  // eslint-disable-next-line no-console
  console.log(`terraform validate skipped: ${skipReason}`);
}

(available ? describe : describe.skip)("terraform validate on the examples", () => {
  let outdir: string;
  beforeAll(() => {
    outdir = synthesizeExamples();
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test("every example stack validates", () => {
    for (const name of Object.keys(stacksIn(outdir))) {
      const dir = join(outdir, "stacks", name);
      execFileSync(binary, ["init", "-backend=false", "-input=false"], { cwd: dir, stdio: "pipe" });
      const result = spawnSync(binary, ["validate", "-json"], { cwd: dir, encoding: "utf8" });
      expect({ stack: name, result: JSON.parse(result.stdout).valid }).toEqual({ stack: name, result: true });
    }
  }, 600_000);
});
