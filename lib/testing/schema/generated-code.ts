/**
 * Reads the JavaScript that `cdktf get` generated for one resource directory (`lib/<dir>/`).
 *
 * The generated code is tsc output with a fixed layout: every class and function is declared at
 * column 0, `synthesizeHclAttributes()` and the `xxxToHclTerraform(struct)` functions list each
 * argument as `name: { value, isBlock, type, storageClassType }`, and getters read attributes
 * through `this.getStringAttribute('tf_name')` and friends. Reading the text (instead of loading
 * the module) keeps the provider packages out of the module registry: loading one costs seconds.
 */

/** One entry of a generated `attrs` object (an argument the configuration may write). */
export interface HclAttributeEntry {
  /** Terraform name. */
  readonly name: string;
  /** The jsii property the value reads (`this._dnsPrefix` / `struct.dnsPrefix` → `dnsPrefix`). */
  readonly jsiiName: string | undefined;
  readonly isBlock: boolean;
  /** `simple`, `list`, `set`, `map` or `struct`. */
  readonly type: string;
  /** `string`, `stringList`, `KubernetesClusterDefaultNodePoolList`, ... */
  readonly storageClassType: string;
  /** The nested struct's `xxxToHclTerraform` function, for blocks. */
  readonly hclFunction: string | undefined;
  /**
   * The second argument of `cdktf.listMapperHcl(fn, isBlockType)`: false for a nested attribute
   * (plugin-framework list/set of objects), true for a block; undefined when no list mapper is used.
   */
  readonly listMapperIsBlockType: boolean | undefined;
}

/** What a getter of a generated class reads. */
export type GetterSource =
  /** `this.getStringAttribute('x')` and friends; `asSet` when wrapped in `Fn.tolist`. */
  | { readonly kind: "primitive"; readonly name: string; readonly method: string; readonly asSet: boolean }
  /** `this.interpolationForAttribute('x')`: a value of any type. */
  | { readonly kind: "dynamic"; readonly name: string }
  /** `return this._x` where the constructor did `this._x = new Cls(this, "x", wrapsSet)`. */
  | { readonly kind: "complex"; readonly name: string; readonly className: string; readonly wrapsSet: boolean };

/** The top-level declarations of one directory's generated JavaScript, by name. */
export class GeneratedCode {
  private readonly classes = new Map<string, string>();
  private readonly functions = new Map<string, string>();

  /** @param source every `.js` file of the directory, concatenated */
  constructor(source: string) {
    const declaration = /^(class|function) (\w+)/gm;
    const starts: Array<{ kind: string; name: string; index: number }> = [];
    for (let m = declaration.exec(source); m; m = declaration.exec(source)) {
      starts.push({ kind: m[1], name: m[2], index: m.index });
    }
    starts.forEach((start, i) => {
      const body = source.slice(start.index, i + 1 < starts.length ? starts[i + 1].index : source.length);
      (start.kind === "class" ? this.classes : this.functions).set(start.name, body);
    });
  }

  /** The class whose `static tfResourceType` is assigned, with that type: `X.tfResourceType = "t";`. */
  static mainClass(source: string): { className: string; tfType: string } | undefined {
    const m = /^(\w+)\.tfResourceType = "([^"]+)";/m.exec(source);
    return m ? { className: m[1], tfType: m[2] } : undefined;
  }

  hasClass(name: string): boolean {
    return this.classes.has(name);
  }

  /** The arguments a class's `synthesizeHclAttributes()` writes. */
  classHclAttributes(className: string): HclAttributeEntry[] | undefined {
    const body = this.classes.get(className);
    const start = body?.indexOf("synthesizeHclAttributes() {");
    if (body === undefined || start === undefined || start < 0) return undefined;
    // The private field is not always named like the config property (`this._build` holds
    // `config.buildAttribute` when the name clashes with a construct member): map it back.
    const fieldToConfig = new Map<string, string>();
    const assignment = /this\._(\w+)(?:\.internalValue)? = config\.(\w+);/g;
    for (let m = assignment.exec(body); m; m = assignment.exec(body)) fieldToConfig.set(m[1], m[2]);
    return parseAttrs(body.slice(start)).map((entry) =>
      entry.jsiiName === undefined ? entry : { ...entry, jsiiName: fieldToConfig.get(entry.jsiiName) ?? entry.jsiiName },
    );
  }

  /** The arguments a nested struct's `xxxToHclTerraform(struct)` writes. */
  functionHclAttributes(functionName: string): HclAttributeEntry[] | undefined {
    const body = this.functions.get(functionName);
    return body === undefined ? undefined : parseAttrs(body);
  }

  /** The getters of a class that read a Terraform attribute, in declaration order. */
  classGetters(className: string): GetterSource[] | undefined {
    const body = this.classes.get(className);
    if (body === undefined) return undefined;
    const constructed = new Map<string, { className: string; name: string; wrapsSet: boolean }>();
    // Classes of other files are module-qualified (`new index_structs_1.XList(`); cdktf's keep their prefix.
    const news = /this\._(\w+) = new (?:(\w+)\.)?(\w+)\(this, "([^"]+)"(?:, (true|false))?\);/g;
    for (let m = news.exec(body); m; m = news.exec(body)) {
      constructed.set(m[1], { className: m[2] === "cdktf" ? `cdktf.${m[3]}` : m[3], name: m[4], wrapsSet: m[5] === "true" });
    }
    const getters: GetterSource[] = [];
    const getter = /\n {4}get (\w+)\(\) \{\n\s+return (.*);\n {4}\}/g;
    for (let m = getter.exec(body); m; m = getter.exec(body)) {
      const expr = m[2];
      const attribute = /this\.(get\w+Attribute|interpolationForAttribute)\('([^']+)'\)/.exec(expr);
      if (attribute) {
        getters.push(
          attribute[1] === "interpolationForAttribute"
            ? { kind: "dynamic", name: attribute[2] }
            : { kind: "primitive", name: attribute[2], method: attribute[1], asSet: expr.includes("Fn.tolist(") },
        );
        continue;
      }
      const field = /^this\._(\w+)$/.exec(expr);
      const built = field ? constructed.get(field[1]) : undefined;
      if (built) getters.push({ kind: "complex", ...built });
    }
    return getters;
  }

  /** The OutputReference class a `XList`/`XMap` class's `get(index)` returns. */
  elementClass(collectionClass: string): string | undefined {
    const body = this.classes.get(collectionClass);
    return body ? /\n {4}get\((?:index|key)\) \{\n\s+return new (?:\w+\.)?(\w+)\(/.exec(body)?.[1] : undefined;
  }
}

function parseAttrs(body: string): HclAttributeEntry[] {
  const end = body.indexOf("// remove undefined attributes");
  const text = end < 0 ? body : body.slice(0, end);
  const entry =
    /\n\s+(\w+|"[^"]+"): \{\n\s+value: (.*),\n\s+isBlock: (true|false),\n\s+type: "(\w+)",\n\s+storageClassType: "(\w+)",\n/g;
  const entries: HclAttributeEntry[] = [];
  for (let m = entry.exec(text); m; m = entry.exec(text)) {
    const value = m[2];
    const mapper = /listMapperHcl\((?:\w+\.)?(\w+), (true|false)\)/.exec(value);
    // The struct's own function; `cdktf.stringToHclTerraform` and friends are primitives.
    const hclFunction = /(\w+ToHclTerraform)\b/.exec(value.replace(/cdktf\.\w+ToHclTerraform/g, ""))?.[1];
    entries.push({
      name: m[1].startsWith('"') ? (JSON.parse(m[1]) as string) : m[1],
      jsiiName: /(?:this\._|struct\.)(\w+)/.exec(value)?.[1],
      isBlock: m[3] === "true",
      type: m[4],
      storageClassType: m[5],
      hclFunction,
      listMapperIsBlockType: mapper ? mapper[2] === "true" : undefined,
    });
  }
  return entries;
}
