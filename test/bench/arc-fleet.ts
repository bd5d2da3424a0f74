// Synth cost of an Arc fleet: ONE for_each resource (ArcDefenderSensor) vs one resource per cluster.
// Run: npx tsx test/bench/arc-fleet.ts [clusters=1000] [runs=3]
//
// Two timings per variant, each construct + synth in a fresh app:
//  - Testing.synth (cdktf's test helper). Its metadata stripping rebuilds every object with a spread
//    per key (cdktf lib/testing/index.js removeMetadata), so it is quadratic in the size of the
//    largest map: 1,000 resources of one type and a 1,000-key for_each map both pay for it.
//  - stack.toTerraform() + JSON.stringify: what `app.synth()` / `cdktf synth` writes.
import { ArcKubernetesClusterExtension } from "@cdktf/provider-azurerm/lib/arc-kubernetes-cluster-extension";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { ArcDefenderSensor } from "../../lib/azure";
import { ArcDefenderSetting, ArcExtension, ARC_DEFAULT_AUDIT_LOG_PATH } from "../../lib/core";

const clusters = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);
const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const ids = Array.from({ length: clusters }, (_, i) => `/subscriptions/${SUB}/resourceGroups/rg-edge/providers/Microsoft.Kubernetes/connectedClusters/edge-${String(i).padStart(5, "0")}`);

function forEachFleet(stack: TerraformStack): void {
  new ArcDefenderSensor(stack, "sensor", { clusterIds: ids, workspaceResourceId: WORKSPACE });
}

function separateResources(stack: TerraformStack): void {
  ids.forEach((clusterId, i) => {
    new ArcKubernetesClusterExtension(stack, `sensor-${i}`, {
      clusterId,
      name: ArcExtension.DEFENDER.name,
      extensionType: ArcExtension.DEFENDER.extensionType,
      releaseNamespace: ArcExtension.DEFENDER.releaseNamespace,
      releaseTrain: ArcExtension.DEFENDER.releaseTrain,
      identity: { type: "SystemAssigned" },
      configurationSettings: { [ArcDefenderSetting.WORKSPACE_RESOURCE_ID]: WORKSPACE, [ArcDefenderSetting.AUDIT_LOG_PATH]: ARC_DEFAULT_AUDIT_LOG_PATH },
    });
  });
}

interface Sample {
  readonly testingMs: number;
  readonly synthMs: number;
  readonly bytes: number;
}

/** Construct + synth in a fresh app, once with Testing.synth and once the way app.synth() renders. */
function measure(build: (stack: TerraformStack) => void): Sample {
  const fresh = () => {
    const stack = new TerraformStack(Testing.app(), "bench");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    build(stack);
    return stack;
  };
  let start = process.hrtime.bigint();
  Testing.synth(fresh());
  const testingMs = Number(process.hrtime.bigint() - start) / 1e6;
  start = process.hrtime.bigint();
  const json = JSON.stringify(fresh().toTerraform(), undefined, 2);
  const synthMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { testingMs, synthMs, bytes: Buffer.byteLength(json) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

measure(forEachFleet); // warm-up: module loading and JIT
measure(separateResources);
const results = { forEach: [] as Sample[], separate: [] as Sample[] };
for (let i = 0; i < runs; i++) {
  results.forEach.push(measure(forEachFleet));
  results.separate.push(measure(separateResources));
}
const summary = (samples: Sample[]) => ({
  testingMs: median(samples.map((s) => s.testingMs)),
  synthMs: median(samples.map((s) => s.synthMs)),
  bytes: samples[0].bytes,
});
const a = summary(results.forEach);
const b = summary(results.separate);
const row = (label: string, r: ReturnType<typeof summary>) =>
  `  ${label.padEnd(42)} Testing.synth ${r.testingMs.toFixed(0).padStart(6)} ms | toTerraform+stringify ${r.synthMs.toFixed(0).padStart(5)} ms | JSON ${(r.bytes / 1024).toFixed(0)} KiB`;
console.log(`Arc fleet of ${clusters} clusters, median of ${runs} runs (construct + synth, fresh app each):`);
console.log(row("one for_each resource (ArcDefenderSensor)", a));
console.log(row(`${clusters} separate resources`, b));
console.log(
  `  ratio separate / for_each: Testing.synth ${(b.testingMs / a.testingMs).toFixed(1)}x, toTerraform+stringify ${(b.synthMs / a.synthMs).toFixed(1)}x, JSON ${(b.bytes / a.bytes).toFixed(1)}x`,
);
