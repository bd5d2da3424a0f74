/**
 * Estates of N units: `npx tsx test/bench/estate-units.ts <units> <mode> [shard]` synthesizes, with
 * `app.synth()` into a temporary directory, either
 * - `estate`: a generated estate of <units> units (4/7 subscriptions, 2/7 AWS accounts, 1/7 GCP projects;
 *   every tenth subscription hosts a workspace the next nine share) through DefenderEstate, optionally one
 *   shard `i/n` of it; or
 * - `floor`: the same number of stacks holding only what any such stack must have: its providers
 *   (azurerm; aws + azapi; google + azapi) and its azurerm backend; or
 * - `output`: the estate's own synthesized Terraform (captured first in a child process, untimed), written back by as many
 *   stacks of plain cdktf elements, one per resource, data source, provider block and other top-level
 *   block, each returning its JSON: what cdktf alone costs to write the same output, without this
 *   library and without the provider classes' attribute processing.
 * Prints `{"units":…,"stacks":…,"ms":…,"cpuMs":…}` (construct + synth wall and CPU time; module loading
 * excluded). run.ts runs each
 * size in its own process, so peak RSS is per size.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { App, AzurermBackend, TerraformElement, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
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

/** A cdktf element that writes a fixed piece of Terraform JSON. */
class FixedJson extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly json: object,
  ) {
    super(scope, id);
  }

  public toTerraform(): object {
    return this.json;
  }
}

/**
 * Every stack of the estate of `units` units as synthesized Terraform JSON, by stack name. Synthesized in
 * a child process, so that the estate's constructs and tokens (cdktf's token map keeps them for the life
 * of the process) do not weigh on the garbage collector of the run measured next.
 */
function estateOutput(units: number): Map<string, Record<string, unknown>> {
  const outdir = mkdtempSync(join(tmpdir(), "bench-units-output-"));
  try {
    execFileSync(process.execPath, ["--require", "tsx/cjs", __filename, String(units), "capture", outdir], { cwd: join(__dirname, "..", ".."), stdio: "inherit" });
    const stacks = new Map<string, Record<string, unknown>>();
    for (const name of readdirSync(join(outdir, "stacks"))) stacks.set(name, JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")));
    return stacks;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Synthesizes the estate of `units` units into `outdir` (the child process of estateOutput). */
function captureEstate(units: number, outdir: string): void {
  const app = new App({ outdir, stackTraces: false });
  new DefenderEstate(app, { description: parseEstateDescription(generateEstate(...unitMix(units)), "generated"), select: {} });
  app.synth();
}

function outputApp(app: App, output: Map<string, Record<string, unknown>>): number {
  for (const [name, json] of output) {
    const stack = new TerraformStack(app, name);
    let n = 0;
    const element = (fragment: object) => new FixedJson(stack, `e${n++}`, fragment);
    for (const [block, body] of Object.entries(json)) {
      if (block === "//") continue;
      if (block === "terraform") {
        const { backend, ...rest } = body as { backend?: { azurerm?: Record<string, unknown> } };
        const azurerm = backend?.azurerm ?? {};
        new AzurermBackend(stack, { resourceGroupName: String(azurerm.resource_group_name), storageAccountName: String(azurerm.storage_account_name), containerName: String(azurerm.container_name), key: String(azurerm.key), useAzureadAuth: true });
        element({ terraform: rest });
      } else if (block === "resource" || block === "data") {
        for (const [type, byName] of Object.entries(body as Record<string, Record<string, unknown>>)) for (const [id, attributes] of Object.entries(byName)) element({ [block]: { [type]: { [id]: attributes } } });
      } else element({ [block]: body });
    }
  }
  return output.size;
}

export function synthesizeUnits(units: number, mode: "estate" | "floor" | "output", shard?: string): { units: number; stacks: number; ms: number; cpuMs: number } {
  const outdir = mkdtempSync(join(tmpdir(), "bench-units-"));
  try {
    const description = mode === "estate" ? parseEstateDescription(generateEstate(...unitMix(units)), "generated") : undefined;
    const output = mode === "output" ? estateOutput(units) : undefined;
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const app = new App({ outdir, stackTraces: false });
    let stacks: number;
    if (description) stacks = new DefenderEstate(app, { description, select: shard ? { shard: parseEstateShard(shard) } : {} }).stacks.length;
    else if (output) stacks = TokenStackTraces.without(() => outputApp(app, output));
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
  if (mode === "capture") captureEstate(Number(units), shard);
  else process.stdout.write(JSON.stringify(synthesizeUnits(Number(units), mode as "estate" | "floor" | "output", shard)) + "\n");
}
