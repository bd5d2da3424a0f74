import * as fs from "fs";
import * as path from "path";
import { deriveProvider, DerivedProvider } from "./derive";
import { CacheIndex, cacheDirFor, cacheRoot, indexOf, readIndex, readType, TypeKind, writeCache } from "./schema-cache";
import { BlockSchema, ProviderSchema } from "./types";
import { DefenderTestingError } from "../../core/errors";

/** Options of {@link cdktfProviderSchema}. */
export interface CdktfProviderSchemaOptions {
  /**
   * Root of the schema cache.
   * @default - `$DEFENDER_SCHEMA_CACHE_DIR`, else `<node_modules>/.cache/cdktf-defender-for-containers/provider-schemas`
   */
  readonly cacheDir?: string;
  /**
   * Reuse the schema this process already loaded for the same package and cache root.
   * @default true
   */
  readonly memoize?: boolean;
}

/** The prebuilt provider packages the library uses, by provider local name. */
export const CDKTF_PROVIDER_PACKAGES: { readonly [localName: string]: string } = {
  azurerm: "@cdktf/provider-azurerm",
  aws: "@cdktf/provider-aws",
  google: "@cdktf/provider-google",
  kubernetes: "@cdktf/provider-kubernetes",
  helm: "@cdktf/provider-helm",
};

const memo = new Map<string, ProviderSchema>();

/**
 * The Terraform schema of an installed prebuilt provider package (`@cdktf/provider-azurerm`, …), or
 * undefined when it is not installed. The first call for a package version derives every type and
 * caches one file per type; later calls (in any process) read the index and, on demand, one file
 * per type asked for.
 */
export function cdktfProviderSchema(packageName: string, options: CdktfProviderSchemaOptions = {}): ProviderSchema | undefined {
  const packageJson = resolvePackageJson(packageName);
  if (!packageJson) return undefined;
  const packageDir = path.dirname(packageJson);
  const root = cacheRoot(packageDir, options.cacheDir);
  const key = `${root}\0${packageName}`;
  const known = options.memoize === false ? undefined : memo.get(key);
  if (known) return known;
  const { packageVersion, dir } = cacheLocation(packageJson, root, packageName);
  const schema = new CachedProviderSchema(packageDir, dir, packageName, packageVersion);
  if (options.memoize !== false) memo.set(key, schema);
  return schema;
}

/**
 * Whether the schema of `packageName` is cached and valid, so {@link cdktfProviderSchema} would read it
 * rather than derive it (true when the package is not installed: there is nothing to derive).
 */
export function schemaCacheIsWarm(packageName: string, options: Pick<CdktfProviderSchemaOptions, "cacheDir"> = {}): boolean {
  const packageJson = resolvePackageJson(packageName);
  if (!packageJson) return true;
  const { packageVersion, dir } = cacheLocation(packageJson, cacheRoot(path.dirname(packageJson), options.cacheDir), packageName);
  return readIndex(dir, packageName, packageVersion) !== undefined;
}

function cacheLocation(packageJson: string, root: string, packageName: string): { packageVersion: string; dir: string } {
  const packageVersion = (JSON.parse(fs.readFileSync(packageJson, "utf8")) as { version: string }).version;
  return { packageVersion, dir: cacheDirFor(root, packageName, packageVersion) };
}

/** What {@link warmSchemaCache} did for one package. */
export interface WarmedProvider {
  readonly packageName: string;
  /** True when the cache was cold and the schema was derived now. */
  readonly derived: boolean;
  readonly milliseconds: number;
}

/**
 * Derives and caches every installed provider package of {@link CDKTF_PROVIDER_PACKAGES} whose cache
 * is cold. Run it once before parallel test workers start (jest `globalSetup`), so no worker pays
 * for a derivation and none races another.
 */
export function warmSchemaCache(options: Pick<CdktfProviderSchemaOptions, "cacheDir"> = {}): WarmedProvider[] {
  const warmed: WarmedProvider[] = [];
  for (const packageName of Object.values(CDKTF_PROVIDER_PACKAGES)) {
    const start = Date.now();
    const schema = cdktfProviderSchema(packageName, { ...options, memoize: false }) as CachedProviderSchema | undefined;
    if (!schema) continue;
    warmed.push({ packageName, derived: schema.derivedNow, milliseconds: Date.now() - start });
  }
  return warmed;
}

function resolvePackageJson(packageName: string): string | undefined {
  try {
    return require.resolve(`${packageName}/package.json`);
  } catch {
    return undefined;
  }
}

/** A provider schema backed by the cache dir; derives (and rewrites the cache) when it is cold or corrupt. */
class CachedProviderSchema implements ProviderSchema {
  readonly source: string;
  readonly version: string;
  readonly provider: BlockSchema;
  readonly resourceTypes: readonly string[];
  readonly dataSourceTypes: readonly string[];
  /** Whether constructing this schema had to derive it (the cache was cold). */
  readonly derivedNow: boolean;
  private readonly resourceSet: ReadonlySet<string>;
  private readonly dataSourceSet: ReadonlySet<string>;
  private readonly loaded = new Map<string, BlockSchema>();
  /** Set only when this process derived the package and could not write the cache: answers come from memory. */
  private derived: DerivedProvider | undefined;

  constructor(
    private readonly packageDir: string,
    private readonly dir: string,
    private readonly packageName: string,
    private readonly packageVersion: string,
  ) {
    let index: CacheIndex | undefined = readIndex(dir, packageName, packageVersion);
    this.derivedNow = !index;
    if (!index) index = indexOf(this.derive(false));
    this.source = index.source;
    this.version = index.version;
    this.provider = index.provider;
    this.resourceTypes = index.resourceTypes;
    this.dataSourceTypes = index.dataSourceTypes;
    this.resourceSet = new Set(index.resourceTypes);
    this.dataSourceSet = new Set(index.dataSourceTypes);
  }

  resource(type: string): BlockSchema | undefined {
    return this.resourceSet.has(type) ? this.load("resource", type) : undefined;
  }

  dataSource(type: string): BlockSchema | undefined {
    return this.dataSourceSet.has(type) ? this.load("data", type) : undefined;
  }

  private load(kind: TypeKind, type: string): BlockSchema {
    const key = `${kind}/${type}`;
    let block = this.loaded.get(key) ?? this.fromDerived(kind, type) ?? readType(this.dir, kind, type);
    // A missing or unreadable file in a cache whose index is fine: rebuild the whole cache.
    if (!block) block = this.fromDerived(kind, type, this.derive(true));
    if (!block) throw new DefenderTestingError(`${this.packageName}: ${type} is in the cache index but not in the derived schema`);
    this.loaded.set(key, block);
    return block;
  }

  private fromDerived(kind: TypeKind, type: string, derived = this.derived): BlockSchema | undefined {
    return derived ? (kind === "resource" ? derived.resources : derived.dataSources)[type] : undefined;
  }

  private derive(replace: boolean): DerivedProvider {
    const derived = deriveProvider(this.packageDir);
    if (derived.packageVersion !== this.packageVersion) {
      throw new DefenderTestingError(`${this.packageName}: package.json changed while deriving (${this.packageVersion} → ${derived.packageVersion})`);
    }
    try {
      writeCache(this.dir, derived, replace);
      // Written: later types come from their files, and the whole derivation can be collected.
      this.derived = undefined;
    } catch {
      // A read-only node_modules must not stop the checks: serve from memory, uncached.
      this.derived = derived;
    }
    return derived;
  }
}
