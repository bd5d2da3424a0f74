import * as fs from "fs";
import * as path from "path";
import { SchemaDerivationError } from "./errors";
import { GeneratedCode, GetterSource, HclAttributeEntry } from "./generated-code";
import { JsiiAssembly, JsiiProperty } from "./jsii-assembly";
import { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema } from "./types";

/** Every schema of one provider package, derived in one pass. */
export interface DerivedProvider {
  readonly packageName: string;
  readonly packageVersion: string;
  readonly source: string;
  readonly version: string;
  readonly provider: BlockSchema;
  readonly resources: { readonly [type: string]: BlockSchema };
  readonly dataSources: { readonly [type: string]: BlockSchema };
  /** Things the derivation met that the rules do not cover (and how it treated them). */
  readonly notes: readonly string[];
}

/** `provider "x" { alias = … }` is a Terraform meta-argument, not part of the provider's schema. */
const PROVIDER_META_ARGUMENTS = new Set(["alias"]);

const GETTER_TYPES: { readonly [method: string]: CtyType } = {
  getStringAttribute: "string",
  getNumberAttribute: "number",
  getBooleanAttribute: "bool",
  getListAttribute: ["list", "string"],
  getNumberListAttribute: ["list", "number"],
  getBooleanListAttribute: ["list", "bool"],
  getStringMapAttribute: ["map", "string"],
  getNumberMapAttribute: ["map", "number"],
  getBooleanMapAttribute: ["map", "bool"],
  getAnyMapAttribute: ["map", "dynamic"],
};

const CDKTF_COMPLEX_TYPES: { readonly [className: string]: CtyType } = {
  "cdktf.StringMap": ["map", "string"],
  "cdktf.NumberMap": ["map", "number"],
  "cdktf.BooleanMap": ["map", "bool"],
  "cdktf.AnyMap": ["map", "dynamic"],
  "cdktf.StringMapList": ["list", ["map", "string"]],
  "cdktf.NumberMapList": ["list", ["map", "number"]],
  "cdktf.BooleanMapList": ["list", ["map", "bool"]],
  "cdktf.AnyMapList": ["list", ["map", "dynamic"]],
};

const PRIMITIVE_STORAGE: { readonly [name: string]: CtyType } = { string: "string", number: "number", boolean: "bool", any: "dynamic" };

/**
 * Derives a provider package's schemas from its `.jsii` assembly (which arguments are optional, which
 * struct a block holds) and its generated JavaScript (Terraform names, blocks, computed attributes).
 */
export function deriveProvider(packageDir: string): DerivedProvider {
  const pkg = readJson(path.join(packageDir, "package.json")) as {
    name: string;
    version: string;
    cdktf?: { provider?: { name?: string; version?: string } };
  };
  const providerAddress = pkg.cdktf?.provider?.name;
  const providerVersion = pkg.cdktf?.provider?.version;
  if (!providerAddress || !providerVersion) {
    throw new SchemaDerivationError(`${pkg.name}: package.json has no cdktf.provider.name/version (${packageDir})`);
  }
  const assembly = new JsiiAssembly(path.join(packageDir, ".jsii"));
  const notes: string[] = [];
  const resources: Record<string, BlockSchema> = {};
  const dataSources: Record<string, BlockSchema> = {};
  let provider: BlockSchema | undefined;
  const lib = path.join(packageDir, "lib");
  for (const dir of fs.readdirSync(lib).sort()) {
    const indexFile = path.join(lib, dir, "index.js");
    if (!fs.existsSync(indexFile)) continue;
    const source = readSources(path.join(lib, dir));
    const main = GeneratedCode.mainClass(source);
    if (!main) {
      notes.push(`${dir}: no tfResourceType; skipped`);
      continue;
    }
    const base = new RegExp(`^class ${main.className} extends cdktf\\.(\\w+)`, "m").exec(source)?.[1];
    const deriver = new BlockDeriver(pkg.name, dir, new GeneratedCode(source), assembly, base === "TerraformProvider", notes);
    const block = deriver.topLevel(main.className);
    if (base === "TerraformProvider") provider = block;
    else if (base === "TerraformDataSource") dataSources[main.tfType] = block;
    else if (base === "TerraformResource") resources[main.tfType] = block;
    else notes.push(`${dir}: ${main.className} extends ${base}; skipped`);
  }
  if (!provider) throw new SchemaDerivationError(`${pkg.name}: no provider class under ${lib}`);
  return {
    packageName: pkg.name,
    packageVersion: pkg.version,
    source: providerAddress.replace(/^registry\.terraform\.io\//, ""),
    version: providerVersion,
    provider,
    resources,
    dataSources,
    notes,
  };
}

/** Derives the blocks of one resource directory. */
class BlockDeriver {
  constructor(
    private readonly packageName: string,
    private readonly dir: string,
    private readonly code: GeneratedCode,
    private readonly assembly: JsiiAssembly,
    private readonly isProvider: boolean,
    private readonly notes: string[],
  ) {}

  /** The resource / data source / provider body: `<Class>Config` and `<Class>.synthesizeHclAttributes()`. */
  topLevel(className: string): BlockSchema {
    const attrs = this.code.classHclAttributes(className);
    if (!attrs) throw this.error(`${className} has no synthesizeHclAttributes()`);
    const configFqn = this.assembly.configStruct(this.dir, className);
    const config = configFqn ? this.assembly.structByFqn(configFqn) : undefined;
    if (!config) throw this.error(`the assembly has no config struct for ${className}'s constructor`);
    return this.block(attrs, config, className, className);
  }

  private block(entries: HclAttributeEntry[], props: ReadonlyMap<string, JsiiProperty>, getterClass: string | undefined, where: string): BlockSchema {
    const attributes: Record<string, AttributeSchema> = {};
    const blockTypes: Record<string, NestedBlockSchema> = {};
    for (const entry of entries) {
      if (this.isProvider && PROVIDER_META_ARGUMENTS.has(entry.name)) continue;
      const prop = entry.jsiiName === undefined ? undefined : props.get(entry.jsiiName);
      if (!prop) this.notes.push(`${this.dir}: ${where}.${entry.name} has no jsii property; treated as optional`);
      const required = prop !== undefined && !prop.optional;
      if (entry.isBlock) {
        blockTypes[entry.name] = this.nestedBlock(entry, prop, required, where);
      } else {
        const type = this.argumentType(entry, prop, where);
        attributes[entry.name] = required ? { type, required: true } : this.isProvider ? { type, optional: true } : { type, optional: true, computed: true };
      }
    }
    // Getter-only attributes: what the provider sets and the configuration cannot.
    for (const getter of getterClass ? this.code.classGetters(getterClass) ?? [] : []) {
      if (getter.name in attributes || getter.name in blockTypes) continue;
      if (entries.some((e) => e.name === getter.name)) continue;
      attributes[getter.name] = { type: this.getterType(getter, new Set()), computed: true };
    }
    return { attributes, blockTypes };
  }

  private nestedBlock(entry: HclAttributeEntry, prop: JsiiProperty | undefined, required: boolean, where: string): NestedBlockSchema {
    const shape = prop ? this.assembly.structShape(prop.type) : undefined;
    const structProps = shape ? this.assembly.structByFqn(shape.fqn) : undefined;
    if (!shape || !structProps) throw this.error(`${where}.${entry.name} is a block but its jsii type is not one of the package's structs`);
    const structName = shape.fqn.slice(shape.fqn.lastIndexOf(".") + 1);
    const nestedEntries = entry.hclFunction ? this.code.functionHclAttributes(entry.hclFunction) : undefined;
    if (!nestedEntries) throw this.error(`${where}.${entry.name}: no ${entry.hclFunction ?? "xxxToHclTerraform"} function`);
    const outputReference = `${structName}OutputReference`;
    const block = this.block(nestedEntries, structProps, this.code.hasClass(outputReference) ? outputReference : undefined, `${where}.${entry.name}`);
    // Timeouts is a single block in every provider (cdktf types it "struct").
    const nesting = entry.name === "timeouts" || entry.type === "struct" ? "single" : entry.type === "set" ? "set" : entry.type === "map" ? "map" : "list";
    const repeats = nesting === "list" || nesting === "set";
    return {
      nesting,
      block,
      ...(repeats && required ? { minItems: 1 } : {}),
      ...(repeats && shape.container === "single" ? { maxItems: 1 } : {}),
    };
  }

  /** The type of an argument written as an attribute (not a block). */
  private argumentType(entry: HclAttributeEntry, prop: JsiiProperty | undefined, where: string): CtyType {
    const storage = entry.storageClassType;
    const primitive = storageType(storage, entry.type === "set");
    if (primitive) return primitive;
    // A struct written as an attribute: an object, or a collection of objects.
    const shape = prop ? this.assembly.structShape(prop.type) : undefined;
    const structProps = shape ? this.assembly.structByFqn(shape.fqn) : undefined;
    if (!shape || !structProps) {
      this.notes.push(`${this.dir}: ${where}.${entry.name} has storage class ${storage}; typed dynamic`);
      return "dynamic";
    }
    const object = this.structObject(structProps, new Set([shape.fqn]));
    if (shape.container === "single") return object;
    return [shape.container === "map" ? "map" : entry.type === "set" ? "set" : "list", object];
  }

  private structObject(props: ReadonlyMap<string, JsiiProperty>, seen: Set<string>): CtyType {
    const fields: Record<string, CtyType> = {};
    for (const prop of props.values()) {
      const shape = this.assembly.structShape(prop.type);
      const nested = shape && !seen.has(shape.fqn) ? this.assembly.structByFqn(shape.fqn) : undefined;
      fields[snakeCase(prop.name)] = nested ? this.structObject(nested, new Set([...seen, shape!.fqn])) : jsiiType(prop.type);
    }
    return ["object", fields];
  }

  /** The type of a getter-only attribute. */
  private getterType(getter: GetterSource, seen: Set<string>): CtyType {
    if (getter.kind === "dynamic") return "dynamic";
    if (getter.kind === "primitive") {
      const type = GETTER_TYPES[getter.method];
      if (!type) {
        this.notes.push(`${this.dir}: getter ${getter.method}('${getter.name}') unknown; typed dynamic`);
        return "dynamic";
      }
      return getter.asSet && Array.isArray(type) && type[0] === "list" ? ["set", type[1] as CtyType] : type;
    }
    const known = CDKTF_COMPLEX_TYPES[getter.className];
    if (known) return getter.wrapsSet && Array.isArray(known) && known[0] === "list" ? ["set", known[1] as CtyType] : known;
    if (getter.className.endsWith("OutputReference")) return this.outputObject(getter.className, seen);
    const element = this.code.elementClass(getter.className);
    if (!element) {
      this.notes.push(`${this.dir}: ${getter.name}: class ${getter.className} unknown; typed dynamic`);
      return "dynamic";
    }
    const object = this.outputObject(element, seen);
    return [getter.className.endsWith("Map") ? "map" : getter.wrapsSet ? "set" : "list", object];
  }

  /** A computed object: every attribute its OutputReference class reads. */
  private outputObject(className: string, seen: Set<string>): CtyType {
    if (seen.has(className)) {
      this.notes.push(`${this.dir}: ${className} is recursive; inner level typed dynamic`);
      return "dynamic";
    }
    const fields: Record<string, CtyType> = {};
    for (const getter of this.code.classGetters(className) ?? []) {
      fields[getter.name] = this.getterType(getter, new Set([...seen, className]));
    }
    return ["object", fields];
  }

  private error(message: string): SchemaDerivationError {
    return new SchemaDerivationError(`${this.packageName}: lib/${this.dir}/index.js: ${message}`);
  }
}

/** `string`, `stringList`, `numberListList`, `stringMap`, … → a cty type; undefined for struct classes. */
function storageType(storage: string, outerIsSet: boolean): CtyType | undefined {
  const primitive = PRIMITIVE_STORAGE[storage];
  if (primitive) return primitive;
  const m = /^(\w+?)(List|Map)$/.exec(storage);
  if (!m || !/^[a-z]/.test(storage)) return undefined;
  const inner = storageType(m[1], false);
  if (!inner) return undefined;
  return [m[2] === "Map" ? "map" : outerIsSet ? "set" : "list", inner];
}

/** The cty type of a jsii property type (for struct fields written as plain attributes). */
function jsiiType(type: JsiiProperty["type"]): CtyType {
  const candidates = type.union ? type.union.types.filter((t) => t.fqn !== "cdktf.IResolvable") : [type];
  const t = candidates[0];
  if (!t || candidates.length > 1) return "dynamic";
  if (t.primitive) return PRIMITIVE_STORAGE[t.primitive === "boolean" ? "boolean" : t.primitive] ?? "dynamic";
  if (t.collection) return [t.collection.kind === "map" ? "map" : "list", jsiiType(t.collection.elementtype)];
  return "dynamic";
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Every `.js` file under a resource directory (large ones split structs into `index-structs/`). */
function readSources(dir: string): string {
  const parts: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) parts.push(readSources(file));
    else if (entry.name.endsWith(".js")) parts.push(fs.readFileSync(file, "utf8"));
  }
  return parts.join("\n");
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new SchemaDerivationError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}
