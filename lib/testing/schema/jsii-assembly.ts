import * as fs from "fs";
import { SchemaDerivationError } from "./errors";

/** A jsii type reference (the subset the generated provider packages use). */
export interface JsiiTypeRef {
  readonly primitive?: string;
  readonly fqn?: string;
  readonly collection?: { readonly kind: "array" | "map"; readonly elementtype: JsiiTypeRef };
  readonly union?: { readonly types: readonly JsiiTypeRef[] };
}

/** A property of a jsii struct or class. */
export interface JsiiProperty {
  readonly name: string;
  readonly type: JsiiTypeRef;
  readonly optional?: boolean;
}

interface JsiiType {
  readonly fqn: string;
  readonly name: string;
  readonly kind: string;
  readonly properties?: readonly JsiiProperty[];
  readonly locationInModule?: { readonly filename: string };
  readonly initializer?: { readonly parameters?: ReadonlyArray<{ readonly name: string; readonly type: JsiiTypeRef }> };
}

/** How a struct-valued property holds its struct. */
export interface StructShape {
  /** The struct's fully-qualified jsii name. */
  readonly fqn: string;
  /** `single`: the property is typed as one struct (a block with at most one item). */
  readonly container: "single" | "array" | "map";
}

/**
 * The structs of a provider package's `.jsii` assembly, by resource directory and name.
 * Only the properties are kept: the parsed assembly (hundreds of MB for aws) is dropped at once.
 */
export class JsiiAssembly {
  /** `dir/Name` → properties by name. */
  private readonly structs = new Map<string, Map<string, JsiiProperty>>();
  private readonly dirOfFqn = new Map<string, string>();
  /** `dir/Class` → the fqn of its constructor's `config` struct. */
  private readonly configOfClass = new Map<string, string>();

  constructor(readonly file: string) {
    let types: Record<string, JsiiType>;
    try {
      types = (JSON.parse(fs.readFileSync(file, "utf8")) as { types: Record<string, JsiiType> }).types;
    } catch (error) {
      throw new SchemaDerivationError(`Cannot read the jsii assembly ${file}: ${(error as Error).message}`);
    }
    for (const type of Object.values(types)) {
      const dir = type.locationInModule && /^src\/([^/]+)\//.exec(type.locationInModule.filename)?.[1];
      if (!dir) continue;
      if (type.kind === "class") {
        const config = type.initializer?.parameters?.find((p) => p.name === "config")?.type.fqn;
        if (config) this.configOfClass.set(`${dir}/${type.name}`, config);
        continue;
      }
      if (type.kind !== "interface") continue;
      this.structs.set(`${dir}/${type.name}`, new Map((type.properties ?? []).map((p) => [p.name, p])));
      this.dirOfFqn.set(type.fqn, dir);
    }
  }

  /** The fqn of the struct a class's constructor takes as `config` (usually `<Class>Config`, `…ConfigA` on a clash). */
  configStruct(dir: string, className: string): string | undefined {
    return this.configOfClass.get(`${dir}/${className}`);
  }

  /** A struct's properties, by fully-qualified name. */
  structByFqn(fqn: string): ReadonlyMap<string, JsiiProperty> | undefined {
    const dir = this.dirOfFqn.get(fqn);
    return dir === undefined ? undefined : this.structs.get(`${dir}/${fqn.slice(fqn.lastIndexOf(".") + 1)}`);
  }

  /** The struct a property holds, if it holds one of this assembly's structs. */
  structShape(type: JsiiTypeRef): StructShape | undefined {
    const candidates = type.union ? type.union.types : [type];
    for (const candidate of candidates) {
      if (candidate.fqn && this.dirOfFqn.has(candidate.fqn)) return { fqn: candidate.fqn, container: "single" };
      const element = candidate.collection?.elementtype;
      if (element?.fqn && this.dirOfFqn.has(element.fqn)) {
        return { fqn: element.fqn, container: candidate.collection!.kind === "map" ? "map" : "array" };
      }
    }
    return undefined;
  }
}
