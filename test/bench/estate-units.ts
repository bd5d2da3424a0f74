/**
 * Estates of N units: `npx tsx test/bench/estate-units.ts <units> <mode> [shard]` synthesizes, with
 * `app.synth()` into a temporary directory, either
 * - `estate`: a generated estate of <units> units (4/7 subscriptions, 2/7 AWS accounts, 1/7 GCP projects;
 *   every tenth subscription hosts a workspace the next nine share) through DefenderEstate, optionally one
 *   shard `i/n` of it; or
 * - `floor`: the same number of stacks holding only what any such stack must have: its providers
 *   (azurerm; aws + azapi; google + azapi) and its azurerm backend.
 * Prints `{"units":…,"stacks":…,"ms":…,"cpuMs":…}` (construct + synth wall and CPU time; module loading
 * excluded). run.ts runs each
 * size in its own process, so peak RSS is per size.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { App, AzurermBackend, TerraformStack } from "cdktf";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { AzapiProvider } from "../../lib/azure/azapi/provider";
import { TokenStackTraces } from "../../lib/core/token-stack-traces";
import { DefenderEstate, parseEstateDescription, parseEstateShard } from "../../lib/estate";
import { generateEstate } from "./estate-scale";

/** Subscriptions, accounts and projects of an estate of `units` units. */
export function unitMix(units: number): [number, number, number] {
  const subscriptions = Math.round((units * 4) / 7);
  const accounts = Math.round((units * 2) / 7);
  return [subscriptions, accounts, units - subscriptions - accounts];
}

function floorApp(app: App, units: number): number {
  const [subscriptions, accounts, projects] = unitMix(units);
  const stack = (id: string) => {
    const s = new TerraformStack(app, id);
    new AzurermBackend(s, { resourceGroupName: "rg-tfstate", storageAccountName: "sttfstate", containerName: "tfstate", key: `defender/${id}.tfstate`, useAzureadAuth: true });
    return s;
  };
  const azapi = (s: TerraformStack) => new AzapiProvider(s, "azapi", { subscriptionId: "aaaaaaaa-0000-0000-0000-000000000000" });
  for (let i = 0; i < subscriptions; i++) new AzurermProvider(stack(`azure-sub-${i}`), "azurerm", { features: [{}], subscriptionId: `aaaaaaaa-0000-0000-0000-${String(i).padStart(12, "0")}` });
  for (let i = 0; i < accounts; i++) {
    const s = stack(`aws-acct-${i}`);
    new AwsProvider(s, "aws", { region: "eu-west-1", allowedAccountIds: [String(100000000000 + i)] });
    azapi(s);
  }
  for (let i = 0; i < projects; i++) {
    const s = stack(`gcp-proj-${i}`);
    new GoogleProvider(s, "google", { project: `contoso-proj-${i}` });
    azapi(s);
  }
  return units;
}

export function synthesizeUnits(units: number, mode: "estate" | "floor", shard?: string): { units: number; stacks: number; ms: number; cpuMs: number } {
  const outdir = mkdtempSync(join(tmpdir(), "bench-units-"));
  try {
    const description = mode === "estate" ? parseEstateDescription(generateEstate(...unitMix(units)), "generated") : undefined;
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const app = new App({ outdir, stackTraces: false });
    let stacks: number;
    if (description) stacks = new DefenderEstate(app, { description, select: shard ? { shard: parseEstateShard(shard) } : {} }).stacks.length;
    else stacks = TokenStackTraces.without(() => floorApp(app, units));
    app.synth();
    const used = process.cpuUsage(cpu);
    return { units, stacks, ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [units = "1000", mode = "estate", shard] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(synthesizeUnits(Number(units), mode as "estate" | "floor", shard)) + "\n");
}
