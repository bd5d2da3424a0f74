/**
 * The /testing helpers at scale: `npx tsx test/bench/testing-helpers.ts <keys> <mode>` builds one stack
 * whose Arc sensor and policy extension are `for_each` maps of <keys> clusters, and times one step:
 * - `helper`: synthesizeForDefender (linear synth + the Terraform structural checks + annotations);
 * - `helper-report`: the same, then reading its coverage report (computed on first read);
 * - `floor`: the plain `stack.toTerraform()` + `JSON.stringify` that any synth must do;
 * - `checks`: the structural checks alone on the synthesized JSON;
 * - `testing-synth`: cdktf's `Testing.synth` (quadratic in the largest map), for reference.
 * Prints `{"ms":…}`; run.ts calls it in fresh processes.
 */
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { ArcDefenderSensor, ArcPolicyExtension } from "../../lib/azure";
import { TokenStackTraces } from "../../lib/core/token-stack-traces";
import { synthesizeForDefender, synthesizeStackJson, validateTerraformJson } from "../../lib/testing";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;

export type HelperMode = "helper" | "helper-report" | "floor" | "checks" | "testing-synth";

/** A stack with two `for_each` maps of `keys` Arc clusters. */
export function forEachStack(keys: number): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "fleet");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  const clusterIds = Array.from({ length: keys }, (_, i) => `/subscriptions/${SUB}/resourceGroups/rg-arc/providers/Microsoft.Kubernetes/connectedClusters/arc-${i}`);
  new ArcDefenderSensor(stack, "arc-sensor", { clusterIds, workspaceResourceId: WORKSPACE });
  new ArcPolicyExtension(stack, "arc-policy", { clusterIds });
  return stack;
}

/** Milliseconds of one `mode` step on a fresh stack of `keys` keys (construction excluded). */
export function timeHelper(keys: number, mode: HelperMode): number {
  return TokenStackTraces.without(() => {
    const stack = forEachStack(keys);
    const checksInput = mode === "checks" ? JSON.parse(synthesizeStackJson(stack)) : undefined;
    const start = process.hrtime.bigint();
    if (mode === "helper") synthesizeForDefender(stack);
    else if (mode === "helper-report") void synthesizeForDefender(stack).report.clusters.length;
    else if (mode === "floor") JSON.stringify(stack.toTerraform(), null, 2);
    else if (mode === "checks") validateTerraformJson(checksInput);
    else Testing.synth(stack, true);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
}

if (require.main === module) {
  const [keys = "8000", mode = "helper"] = process.argv.slice(2);
  process.stdout.write(JSON.stringify({ ms: timeHelper(Number(keys), mode as HelperMode) }) + "\n");
}
