import { spawn } from "child_process";
import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";
import { cdktfProviderSchema, warmSchemaCache } from "../lib/testing/schema";
import { cacheDirFor, cacheRoot } from "../lib/testing/schema/schema-cache";

/**
 * Derives every installed provider's schema once, before the workers start: each test file then
 * reads one small cached file per type it checks (a cold derivation costs 1–2 s and up to 600 MB).
 *
 * Cold (a fresh clone, as CI runs), the five derivations take about 9 s in a row on one core while
 * the other waits. So a second process derives AWS (the largest, ~3.4 s) and the two small ones while
 * this one derives azurerm and Google; then `warmSchemaCache()` derives whatever is still missing (all
 * of it, should the second process fail) and checks the rest.
 */
const IN_SECOND_PROCESS = ["@cdktf/provider-aws", "@cdktf/provider-kubernetes", "@cdktf/provider-helm"];
const IN_THIS_PROCESS = ["@cdktf/provider-azurerm", "@cdktf/provider-google"];
const ROOT = join(__dirname, "..");

export default async function globalSetup(): Promise<void> {
  const second = IN_SECOND_PROCESS.some(isCold) ? deriveInSecondProcess(IN_SECOND_PROCESS) : Promise.resolve();
  for (const packageName of IN_THIS_PROCESS) cdktfProviderSchema(packageName, { memoize: false });
  await second;
  warmSchemaCache();
}

function isCold(packageName: string): boolean {
  let packageJson: string;
  try {
    packageJson = require.resolve(`${packageName}/package.json`);
  } catch {
    return false; // not installed: nothing to derive
  }
  const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };
  return !existsSync(join(cacheDirFor(cacheRoot(dirname(packageJson)), packageName, version), "index.json"));
}

/** Resolves when the second process ends, whatever its exit code (warmSchemaCache() then derives what it left). */
function deriveInSecondProcess(packages: readonly string[]): Promise<void> {
  const script = `const { cdktfProviderSchema } = require("./lib/testing/schema"); for (const p of ${JSON.stringify(packages)}) cdktfProviderSchema(p, { memoize: false });`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", () => resolve());
    child.on("close", () => resolve());
  });
}
