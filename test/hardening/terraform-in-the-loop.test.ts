import { rmSync } from "fs";
import { planOffline } from "../../lib/testing/offline-plan";
import { findExecutable } from "../../lib/testing/offline-plan/plan-offline";
import { defaultSchemaRegistry } from "../../lib/testing/schema/registry";
import { formatDiagnostics, validateTerraformJson } from "../../lib/testing/validate";
import { stacksIn, synthesizeExamples } from "./examples-output";

/**
 * Terraform is the judge of every example stack as `npm run synth` writes it (app synth, so the estate's
 * cross-stack references are remote-state lookups): the structural validator, then real Terraform's
 * init, validate and plan through the schema-serving stub provider, offline.
 *
 * Terraform must be on PATH (these machines have it); without it this file fails, loudly, unless
 * DEFENDER_ALLOW_NO_TERRAFORM=1 says to skip the real-Terraform half.
 */
const terraform = findExecutable(process.env.TERRAFORM_BINARY_NAME ?? "terraform");
const allowMissing = process.env.DEFENDER_ALLOW_NO_TERRAFORM === "1";
if (!terraform && allowMissing) {
  // eslint-disable-next-line no-console
  console.warn("terraform is not on PATH: the offline plan of the examples is SKIPPED (DEFENDER_ALLOW_NO_TERRAFORM=1)");
}

let outdir: string;
beforeAll(() => {
  outdir = synthesizeExamples();
}, 60_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

test("every example stack passes the structural validator", () => {
  const stacks = stacksIn(outdir);
  expect(Object.keys(stacks).length).toBeGreaterThanOrEqual(12);
  const registry = defaultSchemaRegistry();
  for (const [name, stack] of Object.entries(stacks)) {
    expect({ stack: name, diagnostics: formatDiagnostics(validateTerraformJson(stack, { registry })) }).toEqual({ stack: name, diagnostics: "" });
  }
});

(terraform || !allowMissing ? test : test.skip)(
  "every example stack passes terraform init, validate and plan offline",
  async () => {
    if (!terraform) throw new Error("terraform is not on PATH: install Terraform >= 1.5, or set DEFENDER_ALLOW_NO_TERRAFORM=1 to skip this check");
    const results = await planOffline({ outdir, registry: defaultSchemaRegistry(), terraformBinary: terraform });
    expect(results.length).toBeGreaterThanOrEqual(12);
    const failed = results.filter((r) => !r.ok).map((r) => `${r.stack}:\n${r.diagnostics.join("\n")}`);
    expect(failed).toEqual([]);
  },
  120_000,
);
