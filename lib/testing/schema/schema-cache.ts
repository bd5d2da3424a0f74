import * as fs from "fs";
import * as path from "path";
import { DerivedProvider } from "./derive";
import { BlockSchema } from "./types";

/**
 * Bump when the derivation or the cache layout changes: old caches are then ignored (they live in
 * directories named with the old number), never misread.
 */
export const SCHEMA_FORMAT_VERSION = 2;

/** The environment variable that moves the cache (tests point it at a temp dir). */
export const SCHEMA_CACHE_DIR_ENV = "DEFENDER_SCHEMA_CACHE_DIR";

/** `index.json` of one cached provider: everything but the per-type schemas. */
export interface CacheIndex {
  readonly formatVersion: number;
  readonly packageName: string;
  readonly packageVersion: string;
  readonly source: string;
  readonly version: string;
  readonly provider: BlockSchema;
  readonly resourceTypes: readonly string[];
  readonly dataSourceTypes: readonly string[];
  readonly notes: readonly string[];
}

/** Which kind of type a file holds: `resource/<type>.json` or `data/<type>.json`. */
export type TypeKind = "resource" | "data";

/** The directory that caches one package version: `<root>/<@scope+name>@<version>-v<format>`. */
export function cacheDirFor(root: string, packageName: string, packageVersion: string): string {
  return path.join(root, `${packageName.replace(/\//g, "+")}@${packageVersion}-v${SCHEMA_FORMAT_VERSION}`);
}

/** The root: `options.cacheDir`, else `$DEFENDER_SCHEMA_CACHE_DIR`, else `<node_modules>/.cache/…`. */
export function cacheRoot(packageDir: string, override?: string): string {
  const explicit = override ?? process.env[SCHEMA_CACHE_DIR_ENV];
  if (explicit) return path.resolve(explicit);
  let dir = packageDir;
  while (path.basename(dir) !== "node_modules") {
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(packageDir, ".cache", "cdktf-defender-for-containers", "provider-schemas");
    dir = parent;
  }
  return path.join(dir, ".cache", "cdktf-defender-for-containers", "provider-schemas");
}

export function typeFile(dir: string, kind: TypeKind, type: string): string {
  // Terraform type names are [a-z0-9_]; encode anything else so a name can never leave the dir.
  return path.join(dir, kind, `${/^[\w-]+$/.test(type) ? type : encodeURIComponent(type)}.json`);
}

/** The cache index if it is complete and describes this package version, else undefined. */
export function readIndex(dir: string, packageName: string, packageVersion: string): CacheIndex | undefined {
  let index: CacheIndex;
  try {
    index = JSON.parse(fs.readFileSync(path.join(dir, "index.json"), "utf8")) as CacheIndex;
  } catch {
    return undefined;
  }
  const valid =
    index !== null &&
    typeof index === "object" &&
    index.formatVersion === SCHEMA_FORMAT_VERSION &&
    index.packageName === packageName &&
    index.packageVersion === packageVersion &&
    Array.isArray(index.resourceTypes) &&
    Array.isArray(index.dataSourceTypes) &&
    typeof index.provider === "object";
  return valid ? index : undefined;
}

/** One type's schema from the cache, or undefined when its file is missing or not a block. */
export function readType(dir: string, kind: TypeKind, type: string): BlockSchema | undefined {
  try {
    const block = JSON.parse(fs.readFileSync(typeFile(dir, kind, type), "utf8")) as BlockSchema;
    return block && typeof block.attributes === "object" && typeof block.blockTypes === "object" ? block : undefined;
  } catch {
    return undefined;
  }
}

export function indexOf(derived: DerivedProvider): CacheIndex {
  return {
    formatVersion: SCHEMA_FORMAT_VERSION,
    packageName: derived.packageName,
    packageVersion: derived.packageVersion,
    source: derived.source,
    version: derived.version,
    provider: derived.provider,
    resourceTypes: Object.keys(derived.resources).sort(),
    dataSourceTypes: Object.keys(derived.dataSources).sort(),
    notes: derived.notes,
  };
}

/**
 * Writes the cache for `derived` at `dir`, atomically: everything goes to a private temp dir that is
 * renamed into place, so a reader (or a second process deriving at the same time) sees either no
 * cache or a complete one. An existing `dir` is kept when it has a valid index (another process won
 * the race) unless `replace` (it was found corrupt): then it is moved aside and deleted.
 */
export function writeCache(dir: string, derived: DerivedProvider, replace: boolean): void {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const unique = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const temp = `${dir}.tmp-${unique}`;
  fs.mkdirSync(path.join(temp, "resource"), { recursive: true });
  fs.mkdirSync(path.join(temp, "data"));
  try {
    for (const [type, block] of Object.entries(derived.resources)) fs.writeFileSync(typeFile(temp, "resource", type), JSON.stringify(block));
    for (const [type, block] of Object.entries(derived.dataSources)) fs.writeFileSync(typeFile(temp, "data", type), JSON.stringify(block));
    // The index last: its presence in a renamed dir means every type file is there.
    fs.writeFileSync(path.join(temp, "index.json"), JSON.stringify(indexOf(derived)));
    if (!tryRename(temp, dir)) {
      if (!replace && readIndex(dir, derived.packageName, derived.packageVersion)) {
        // Another process finished first (the same derivation: the same content).
        fs.rmSync(temp, { recursive: true, force: true });
        return;
      }
      const stale = `${dir}.stale-${unique}`;
      tryRename(dir, stale);
      if (!tryRename(temp, dir)) fs.rmSync(temp, { recursive: true, force: true });
      fs.rmSync(stale, { recursive: true, force: true });
    }
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

function tryRename(from: string, to: string): boolean {
  try {
    fs.renameSync(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTEMPTY" || code === "EEXIST" || code === "EPERM" || code === "ENOENT") return false;
    throw error;
  }
}
