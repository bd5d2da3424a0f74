import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cdktfProviderSchema, SCHEMA_CACHE_DIR_ENV, SCHEMA_FORMAT_VERSION } from "../../../lib/testing/schema";
import { schemaCacheIsWarm } from "../../../lib/testing/schema/cdktf-provider-schema";
import { deriveProvider } from "../../../lib/testing/schema/derive";
import { cacheDirFor, cacheRoot } from "../../../lib/testing/schema/schema-cache";

// Only helm (7 types, ~10 ms) is derived cold here; the big providers come from the warm cache
// (jest globalSetup) in provider-facts.test.ts.
const HELM = "@cdktf/provider-helm";
const helmDir = path.dirname(require.resolve(`${HELM}/package.json`));
const helmVersion = (JSON.parse(fs.readFileSync(path.join(helmDir, "package.json"), "utf8")) as { version: string }).version;

let tempRoot: string;
beforeEach(() => {
  tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "schema-cache-test-"));
});
afterEach(() => {
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

describe("cdktfProviderSchema cache", () => {
  test("a package that is not installed has no schema", () => {
    expect(cdktfProviderSchema("@cdktf/provider-not-installed", { cacheDir: tempRoot })).toBeUndefined();
  });

  test("cold derivation writes an index and one file per type; a warm load equals it", () => {
    const cold = cdktfProviderSchema(HELM, { cacheDir: tempRoot, memoize: false })!;
    const dir = cacheDirFor(tempRoot, HELM, helmVersion);
    expect(path.basename(dir)).toBe(`@cdktf+provider-helm@${helmVersion}-v${SCHEMA_FORMAT_VERSION}`);
    expect(fs.readdirSync(dir).sort()).toEqual(["data", "index.json", "resource"]);
    expect(fs.readdirSync(path.join(dir, "resource"))).toEqual(["helm_release.json"]);
    expect(fs.readdirSync(path.join(dir, "data"))).toEqual(["helm_template.json"]);

    const start = process.hrtime.bigint();
    const warm = cdktfProviderSchema(HELM, { cacheDir: tempRoot, memoize: false })!;
    const release = warm.resource("helm_release");
    const warmMs = Number(process.hrtime.bigint() - start) / 1e6;
    expect(warmMs).toBeLessThan(50);

    const derived = deriveProvider(helmDir);
    expect(release).toEqual(derived.resources.helm_release);
    expect(warm.dataSource("helm_template")).toEqual(derived.dataSources.helm_template);
    expect(warm.provider).toEqual(derived.provider);
    expect(cold.resource("helm_release")).toEqual(release);
    expect([warm.source, warm.version]).toEqual(["hashicorp/helm", "3.1.1"]);
    expect(warm.resourceTypes).toEqual(["helm_release"]);
    expect(warm.resource("helm_nope")).toBeUndefined();
  });

  test("schemaCacheIsWarm: false before a derivation and for a corrupt index, true after, and for a package not installed", () => {
    expect(schemaCacheIsWarm(HELM, { cacheDir: tempRoot })).toBe(false);
    cdktfProviderSchema(HELM, { cacheDir: tempRoot, memoize: false });
    expect(schemaCacheIsWarm(HELM, { cacheDir: tempRoot })).toBe(true);
    fs.writeFileSync(path.join(cacheDirFor(tempRoot, HELM, helmVersion), "index.json"), "{");
    expect(schemaCacheIsWarm(HELM, { cacheDir: tempRoot })).toBe(false);
    expect(schemaCacheIsWarm("@cdktf/provider-not-installed", { cacheDir: tempRoot })).toBe(true);
  });

  test("a corrupt type file is re-derived and rewritten", () => {
    cdktfProviderSchema(HELM, { cacheDir: tempRoot, memoize: false });
    const file = path.join(cacheDirFor(tempRoot, HELM, helmVersion), "resource", "helm_release.json");
    fs.writeFileSync(file, '{"attributes": {"trunc');
    const schema = cdktfProviderSchema(HELM, { cacheDir: tempRoot, memoize: false })!;
    expect(schema.resource("helm_release")!.attributes.chart).toEqual({ type: "string", required: true });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(schema.resource("helm_release"));
  });

  test("a corrupt or partial index is re-derived", () => {
    const dir = cacheDirFor(tempRoot, HELM, helmVersion);
    fs.mkdirSync(path.join(dir, "resource"), { recursive: true });
    fs.writeFileSync(path.join(dir, "index.json"), "not json");
    const schema = cdktfProviderSchema(HELM, { cacheDir: tempRoot, memoize: false })!;
    expect(schema.resourceTypes).toEqual(["helm_release"]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "index.json"), "utf8")).packageVersion).toBe(helmVersion);
    // No temp or stale directories are left behind.
    expect(fs.readdirSync(tempRoot)).toEqual([path.basename(dir)]);
  });

  test(`${SCHEMA_CACHE_DIR_ENV} moves the cache; the default is under node_modules/.cache`, () => {
    const saved = process.env[SCHEMA_CACHE_DIR_ENV];
    try {
      process.env[SCHEMA_CACHE_DIR_ENV] = tempRoot;
      cdktfProviderSchema(HELM, { memoize: false });
      expect(fs.existsSync(path.join(cacheDirFor(tempRoot, HELM, helmVersion), "index.json"))).toBe(true);
      delete process.env[SCHEMA_CACHE_DIR_ENV];
      const nodeModules = helmDir.slice(0, helmDir.lastIndexOf(`${path.sep}node_modules${path.sep}`) + "/node_modules".length);
      expect(cacheRoot(helmDir)).toBe(path.join(nodeModules, ".cache", "cdktf-defender-for-containers", "provider-schemas"));
    } finally {
      if (saved === undefined) delete process.env[SCHEMA_CACHE_DIR_ENV];
      else process.env[SCHEMA_CACHE_DIR_ENV] = saved;
    }
  });
});
