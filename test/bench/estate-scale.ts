/**
 * Estate at scale: `npx tsx test/bench/estate-scale.ts [subscriptions] [accounts] [projects]`
 * generates an estate description (default 200 subscriptions, 100 AWS accounts, 50 GCP projects),
 * builds it with DefenderEstate and synthesizes it the way `cdktf synth` does, then prints
 * `{"stacks":…,"ms":…,"peakRssMb":…}`. run.ts calls it in a fresh process.
 */
import { App } from "cdktf";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DefenderEstate, parseEstateDescription } from "../../lib/estate";

const hex = (i: number, width = 12) => i.toString(16).padStart(width, "0");

/** A generated estate description (YAML is a superset of JSON, so JSON text is fine). */
export function generateEstate(subscriptions: number, accounts: number, projects: number): string {
  const subscriptionId = (i: number) => `aaaaaaaa-0000-0000-0000-${hex(i)}`;
  return JSON.stringify({
    defaults: {
      tenantId: "22222222-0000-0000-0000-000000000000",
      backend: { type: "azurerm", resourceGroupName: "rg-tfstate", storageAccountName: "sttfstate", containerName: "tfstate" },
    },
    azure: {
      subscriptions: Array.from({ length: subscriptions }, (_, i) => ({
        name: `sub-${i}`,
        subscriptionId: subscriptionId(i),
        // Every tenth subscription hosts a workspace the next nine share: real cross-stack references.
        workspace: i % 10 === 0 ? { resourceGroupName: "rg-defender" } : { sharedFrom: `sub-${i - (i % 10)}` },
        arcClusters: Array.from({ length: 5 }, (_, j) => `/subscriptions/${subscriptionId(i)}/resourceGroups/rg-arc/providers/Microsoft.Kubernetes/connectedClusters/arc-${i}-${j}`),
      })),
    },
    aws: {
      accounts: Array.from({ length: accounts }, (_, i) => ({
        name: `acct-${i}`,
        accountId: String(100000000000 + i),
        region: "eu-west-1",
        connector: { subscription: "sub-0", resourceGroupName: "rg-connectors" },
        clusters: [{ name: `eks-${i}-a` }, { name: `eks-${i}-b` }],
      })),
    },
    gcp: {
      projects: Array.from({ length: projects }, (_, i) => ({
        name: `proj-${i}`,
        projectId: `contoso-proj-${i}`,
        projectNumber: String(900000000000 + i),
        connector: { subscription: "sub-0", resourceGroupName: "rg-connectors" },
        clusters: [{ name: `gke-${i}`, location: "europe-west1" }],
      })),
    },
  });
}

export function synthesizeEstate(subscriptions: number, accounts: number, projects: number): { stacks: number; ms: number } {
  const outdir = mkdtempSync(join(tmpdir(), "bench-estate-"));
  try {
    const start = process.hrtime.bigint();
    const app = new App({ outdir });
    const estate = new DefenderEstate(app, { description: parseEstateDescription(generateEstate(subscriptions, accounts, projects), "generated") });
    app.synth();
    return { stacks: estate.stacks.length, ms: Number(process.hrtime.bigint() - start) / 1e6 };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [s = 200, a = 100, p = 50] = process.argv.slice(2).map(Number);
  const result = synthesizeEstate(s, a, p);
  process.stdout.write(JSON.stringify({ ...result, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + "\n");
}
