import { spawn } from "child_process";
import { join } from "path";
import { CDKTF_PROVIDER_PACKAGES, cdktfProviderSchema, warmSchemaCache } from "../lib/testing/schema";
import { schemaCacheIsWarm } from "../lib/testing/schema/cdktf-provider-schema";

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
const IN_THIS_PROCESS = Object.values(CDKTF_PROVIDER_PACKAGES).filter((packageName) => !IN_SECOND_PROCESS.includes(packageName));
const ROOT = join(__dirname, "..");

export default async function globalSetup(): Promise<void> {
  const second = IN_SECOND_PROCESS.some((packageName) => !schemaCacheIsWarm(packageName)) ? deriveInSecondProcess(IN_SECOND_PROCESS) : Promise.resolve();
  for (const packageName of IN_THIS_PROCESS) cdktfProviderSchema(packageName, { memoize: false });
  await second;
  warmSchemaCache();
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
