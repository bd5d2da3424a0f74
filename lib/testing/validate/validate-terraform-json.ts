import { defaultSchemaRegistry } from "../schema/registry";
import { BlockSchema, ProviderSchema, SchemaRegistry } from "../schema/types";
import { checkBody } from "./blocks";
import { CheckContext, Declared, IDENTIFIER, isObject, normalizeSource, ROOT_SCOPE, Scope, segment } from "./context";
import { didYouMean, TerraformCheckDiagnostic } from "./diagnostics";
import { parseStaticTraversal } from "./expressions";
import { checkDependsOn, checkForEach, checkMetaArguments, checkProviderReference, DATA_META, RESOURCE_META } from "./meta-arguments";
import { checkReferencesIn } from "./references";

/** Options of {@link validateTerraformJson}. */
export interface ValidateTerraformJsonOptions {
  /**
   * Where the provider schemas come from.
   * @default - derived from the installed provider packages (`defaultSchemaRegistry()`)
   */
  readonly registry?: SchemaRegistry;
  /**
   * Addresses (`type.name`, `data.type.name`) declared in other stacks of the same app. `Testing.synth`
   * leaves references to them as they are; `app.synth()` turns them into remote-state lookups, so they
   * are not reported as undeclared.
   * @default - none
   */
  readonly otherStacksAddresses?: ReadonlySet<string>;
}

const TOP_LEVEL = new Set(["terraform", "provider", "resource", "data", "variable", "output", "locals", "module", "import", "removed", "moved", "check", "ephemeral", "//"]);
const TERRAFORM_KEYS = new Set(["required_version", "required_providers", "backend", "cloud", "experiments", "provider_meta", "//"]);
const OUTPUT_KEYS = new Set(["value", "description", "sensitive", "depends_on", "precondition", "ephemeral", "//"]);
const VARIABLE_KEYS = new Set(["type", "default", "description", "sensitive", "nullable", "validation", "ephemeral", "//"]);
const PROVIDER_META = new Set(["alias", "version"]);

/** Terraform's built-in provider (`terraform_data`), which needs no `required_providers` entry. */
const BUILTIN: BlockSchema = {
  attributes: {
    id: { type: "string", computed: true },
    input: { type: "dynamic", optional: true },
    output: { type: "dynamic", computed: true },
    triggers_replace: { type: "dynamic", optional: true },
  },
  blockTypes: {},
};

/**
 * Checks a synthesized stack (`cdk.tf.json`, parsed) the way Terraform checks a configuration when it loads
 * and validates it, without Terraform, providers or network: block names and shapes, arguments against the
 * provider schemas, meta-arguments, `import`/`removed`/`moved` blocks, and every `${…}` reference.
 * Returns the findings; an empty list means Terraform would accept the document's structure.
 */
export function validateTerraformJson(document: unknown, options: ValidateTerraformJsonOptions = {}): TerraformCheckDiagnostic[] {
  const diagnostics: TerraformCheckDiagnostic[] = [];
  const report: CheckContext["report"] = (severity, rule, path, message) => diagnostics.push({ severity, rule, path, message });
  if (!isObject(document)) {
    report("error", "syntax", "", `a Terraform JSON document is an object; got ${document === null ? "null" : Array.isArray(document) ? "a list" : typeof document}.`);
    return diagnostics;
  }
  for (const key of Object.keys(document)) {
    if (!TOP_LEVEL.has(key)) report("error", "syntax", key, `"${key}" is not a top-level Terraform block type.${didYouMean(key, TOP_LEVEL)}`);
  }
  const ctx = declare(document, options.registry ?? defaultSchemaRegistry(), report, options.otherStacksAddresses ?? new Set());
  checkTerraformBlock(ctx, document.terraform);
  checkProviders(ctx, document.provider);
  checkResources(ctx, document.resource, "resource", ctx.resources, true);
  checkResources(ctx, document.data, "data", ctx.data, false);
  checkOutputs(ctx, document.output);
  checkVariables(ctx, document.variable);
  if (document.locals !== undefined) checkReferencesIn(ctx, document.locals, "locals", ROOT_SCOPE);
  if (document.module !== undefined) checkReferencesIn(ctx, document.module, "module", ROOT_SCOPE);
  checkImports(ctx, document.import);
  checkRemoved(ctx, document.removed);
  checkMoved(ctx, document.moved);
  return diagnostics;
}

function declare(doc: { readonly [key: string]: unknown }, registry: SchemaRegistry, report: CheckContext["report"], otherStacks: ReadonlySet<string>): CheckContext {
  const requiredProviders = new Map<string, string>();
  const required = isObject(doc.terraform) && isObject(doc.terraform.required_providers) ? doc.terraform.required_providers : {};
  for (const [name, spec] of Object.entries(required)) {
    if (name === "//") continue;
    const source = typeof spec === "string" ? name : isObject(spec) && typeof spec.source === "string" ? spec.source : name;
    requiredProviders.set(name, normalizeSource(source));
  }
  const providerConfigs = new Map<string, Set<string>>();
  for (const [name, configs] of Object.entries(isObject(doc.provider) ? doc.provider : {})) {
    const aliases = new Set<string>();
    for (const config of Array.isArray(configs) ? configs : [configs]) aliases.add(isObject(config) && typeof config.alias === "string" ? config.alias : "");
    providerConfigs.set(name, aliases);
  }
  const schemas = new Map<string, ProviderSchema | undefined>();
  const warned = new Set<string>();
  const providerSchema = (localName: string): ProviderSchema | undefined => {
    if (!schemas.has(localName)) {
      const schema = registry.provider(localName);
      const source = requiredProviders.get(localName) ?? `hashicorp/${localName}`;
      schemas.set(localName, schema && normalizeSource(schema.source) === source ? schema : undefined);
    }
    return schemas.get(localName);
  };
  const collect = (section: unknown, kind: "resource" | "data") => {
    const byType = new Map<string, Map<string, Declared>>();
    for (const [type, byName] of Object.entries(isObject(section) ? section : {})) {
      if (!isObject(byName)) continue;
      const local = localProviderName(type, byName);
      const schema = local === "terraform" ? BUILTIN : providerSchema(local);
      const entries = new Map<string, Declared>();
      for (const [name, body] of Object.entries(byName)) {
        if (!isObject(body)) continue;
        const blockSchema = local === "terraform" ? (kind === "resource" && type === "terraform_data" ? BUILTIN : undefined) : kind === "resource" ? (schema as ProviderSchema | undefined)?.resource(type) : (schema as ProviderSchema | undefined)?.dataSource(type);
        entries.set(name, { body, count: body.count !== undefined, forEach: body.for_each !== undefined, schema: blockSchema });
      }
      byType.set(type, entries);
      if (!schema && !warned.has(local)) {
        warned.add(local);
        report("warning", "no-schema", `${kind}.${type}`, `no schema is installed for provider "${local}" (${requiredProviders.get(local) ?? `hashicorp/${local}`}): arguments of its blocks were not checked.`);
      }
    }
    return byType;
  };
  const namesOf = (section: unknown) => new Set(Object.keys(isObject(section) ? section : {}).filter((k) => k !== "//"));
  return {
    registry,
    resources: collect(doc.resource, "resource"),
    data: collect(doc.data, "data"),
    variables: namesOf(doc.variable),
    locals: namesOf(doc.locals),
    modules: namesOf(doc.module),
    providerConfigs,
    requiredProviders,
    report,
    providerSchema,
    otherStacks,
  };
}

/** The provider local name a block uses: its `provider` meta-argument's name, or its type's prefix (Terraform's implied provider). */
function localProviderName(type: string, byName: { readonly [key: string]: unknown }): string {
  const first = Object.values(byName).find(isObject);
  const explicit = first && typeof first.provider === "string" ? parseStaticTraversal(first.provider)?.root : undefined;
  return explicit ?? type.split("_")[0];
}

function checkTerraformBlock(ctx: CheckContext, block: unknown): void {
  if (block === undefined) return;
  if (!isObject(block)) {
    ctx.report("error", "syntax", "terraform", "the terraform block must be an object.");
    return;
  }
  for (const key of Object.keys(block)) {
    if (!TERRAFORM_KEYS.has(key)) ctx.report("error", "syntax", `terraform.${key}`, `"${key}" is not expected in the terraform block.${didYouMean(key, TERRAFORM_KEYS)}`);
  }
  for (const [name, spec] of Object.entries(isObject(block.required_providers) ? block.required_providers : {})) {
    if (name === "//") continue;
    const where = `terraform.required_providers${segment(name)}`;
    if (!IDENTIFIER.test(name)) ctx.report("error", "syntax", where, `"${name}" is not a valid provider local name.`);
    if (isObject(spec)) {
      for (const key of Object.keys(spec)) {
        if (!["source", "version", "configuration_aliases"].includes(key)) ctx.report("error", "syntax", `${where}.${key}`, `"${key}" is not expected in a required_providers entry (source, version, configuration_aliases).`);
      }
      if (spec.source !== undefined && (typeof spec.source !== "string" || !/^([a-z0-9.-]+\/)?([a-z0-9-]+\/)?[a-z0-9-]+$/i.test(spec.source))) {
        ctx.report("error", "syntax", `${where}.source`, `${JSON.stringify(spec.source)} is not a provider source address such as "hashicorp/azurerm".`);
      }
    } else if (typeof spec !== "string") {
      ctx.report("error", "syntax", where, "a required_providers entry is an object with source and version.");
    }
  }
}

function checkProviders(ctx: CheckContext, section: unknown): void {
  if (section === undefined) return;
  if (!isObject(section)) {
    ctx.report("error", "syntax", "provider", "the provider section must be an object keyed by provider local name.");
    return;
  }
  for (const [name, configs] of Object.entries(section)) {
    if (name === "//") continue;
    const seen = new Set<string>();
    const list = Array.isArray(configs) ? configs : [configs];
    list.forEach((config, i) => {
      const where = `provider${segment(name)}${Array.isArray(configs) ? `[${i}]` : ""}`;
      if (!isObject(config)) {
        ctx.report("error", "syntax", where, "a provider block body must be an object.");
        return;
      }
      const alias = typeof config.alias === "string" ? config.alias : "";
      if (config.alias !== undefined && (typeof config.alias !== "string" || !IDENTIFIER.test(config.alias))) {
        ctx.report("error", "provider", `${where}.alias`, `${JSON.stringify(config.alias)} is not a valid alias (letters, digits, _ and -, not starting with a digit).`);
      }
      if (seen.has(alias)) {
        ctx.report("error", "provider", where, alias ? `duplicate provider configuration "${name}.${alias}".` : `duplicate default configuration of provider "${name}": give all but one an alias.`);
      }
      seen.add(alias);
      const schema = ctx.providerSchema(name);
      if (schema) checkBody(ctx, config, schema.provider, where, ROOT_SCOPE, PROVIDER_META);
      else checkReferencesIn(ctx, config, where, ROOT_SCOPE);
    });
    if (name !== "terraform" && !ctx.requiredProviders.has(name) && ctx.requiredProviders.size > 0) {
      ctx.report("error", "provider", `provider${segment(name)}`, `provider "${name}" is configured but not in terraform.required_providers, so Terraform would look for hashicorp/${name}.`);
    }
  }
}

function checkResources(ctx: CheckContext, section: unknown, kind: "resource" | "data", declared: CheckContext["resources"], managed: boolean): void {
  if (section === undefined) return;
  if (!isObject(section)) {
    ctx.report("error", "syntax", kind, `the ${kind} section must be an object keyed by type.`);
    return;
  }
  for (const [type, byName] of Object.entries(section)) {
    if (type === "//") continue;
    const typePath = `${kind}${segment(type)}`;
    if (!IDENTIFIER.test(type) || !isObject(byName)) {
      ctx.report("error", "syntax", typePath, !isObject(byName) ? `resources of a type are an object keyed by name.` : `"${type}" is not a valid ${kind} type name.`);
      continue;
    }
    const local = localProviderName(type, byName);
    const provider = local === "terraform" ? undefined : ctx.providerSchema(local);
    if (local !== "terraform" && !ctx.requiredProviders.has(local) && ctx.requiredProviders.size > 0) {
      ctx.report("error", "provider", typePath, `provider "${local}" is not in terraform.required_providers, so Terraform would look for hashicorp/${local}.`);
    }
    if (provider && !(managed ? provider.resource(type) : provider.dataSource(type))) {
      const known = managed ? provider.resourceTypes : provider.dataSourceTypes;
      ctx.report("error", "unknown-type", typePath, `provider ${provider.source} ${provider.version} has no ${managed ? "resource" : "data source"} type "${type}".${didYouMean(type, known)}`);
    }
    for (const [name, body] of Object.entries(byName)) {
      if (name === "//") continue;
      const where = `${typePath}${segment(name)}`;
      if (!IDENTIFIER.test(name)) ctx.report("error", "syntax", where, `"${name}" is not a valid name (letters, digits, _ and -, not starting with a digit).`);
      if (!isObject(body)) {
        ctx.report("error", "syntax", where, `a ${kind} block body must be an object.`);
        continue;
      }
      const entry = declared.get(type)?.get(name);
      const scope: Scope = { forEach: body.for_each !== undefined, count: body.count !== undefined, iterators: new Set(), self: false };
      checkMetaArguments(ctx, body, entry?.schema, where, scope, managed);
      const meta = managed ? RESOURCE_META : DATA_META;
      if (entry?.schema) checkBody(ctx, body, entry.schema, where, scope, meta);
      else {
        for (const [key, value] of Object.entries(body)) if (!meta.has(key) && key !== "//") checkReferencesIn(ctx, value, `${where}${segment(key)}`, scope);
      }
    }
  }
}

function checkOutputs(ctx: CheckContext, section: unknown): void {
  for (const [name, body] of Object.entries(isObject(section) ? section : {})) {
    if (name === "//") continue;
    const where = `output${segment(name)}`;
    if (!IDENTIFIER.test(name)) ctx.report("error", "syntax", where, `"${name}" is not a valid output name.`);
    if (!isObject(body) || body.value === undefined) {
      ctx.report("error", "syntax", where, 'an output block needs "value".');
      continue;
    }
    for (const key of Object.keys(body)) {
      if (!OUTPUT_KEYS.has(key)) ctx.report("error", "syntax", `${where}.${key}`, `"${key}" is not expected in an output block.${didYouMean(key, OUTPUT_KEYS)}`);
    }
    if (body.depends_on !== undefined) checkDependsOn(ctx, body.depends_on, `${where}.depends_on`);
    checkReferencesIn(ctx, body.value, `${where}.value`, ROOT_SCOPE);
  }
}

function checkVariables(ctx: CheckContext, section: unknown): void {
  for (const [name, body] of Object.entries(isObject(section) ? section : {})) {
    if (name === "//") continue;
    const where = `variable${segment(name)}`;
    if (!isObject(body)) {
      ctx.report("error", "syntax", where, "a variable block body must be an object.");
      continue;
    }
    for (const key of Object.keys(body)) {
      if (!VARIABLE_KEYS.has(key)) ctx.report("error", "syntax", `${where}.${key}`, `"${key}" is not expected in a variable block.${didYouMean(key, VARIABLE_KEYS)}`);
    }
  }
}

/** A list of blocks (`import`, `removed`, `moved`), each an object. */
function blocksOf(ctx: CheckContext, section: unknown, kind: "import" | "removed" | "moved"): [string, { readonly [key: string]: unknown }][] {
  if (section === undefined) return [];
  const list = Array.isArray(section) ? section : [section];
  return list.flatMap((block, i): [string, { readonly [key: string]: unknown }][] => {
    const where = Array.isArray(section) ? `${kind}[${i}]` : kind;
    if (isObject(block)) return [[where, block]];
    ctx.report("error", kind, where, `an ${kind} block must be an object.`);
    return [];
  });
}

/** A static resource address `type.name` (optionally `[key]`), and whether it is declared. */
function resourceAddress(ctx: CheckContext, value: unknown, allowKey: boolean): { ok: boolean; declared: boolean; text: string } {
  const t = typeof value === "string" ? parseStaticTraversal(value) : undefined;
  const text = JSON.stringify(value);
  if (!t || t.root === "data" || t.root === "module" || t.steps[0]?.kind !== "attr") return { ok: false, declared: false, text };
  const rest = t.steps.slice(1);
  if (rest.length > (allowKey ? 1 : 0) || (rest.length === 1 && rest[0].kind !== "index")) return { ok: false, declared: false, text };
  return { ok: true, declared: ctx.resources.get(t.root)?.has(t.steps[0].name) ?? false, text };
}

function checkImports(ctx: CheckContext, section: unknown): void {
  for (const [where, block] of blocksOf(ctx, section, "import")) {
    for (const key of Object.keys(block)) {
      if (!["to", "id", "provider", "for_each", "identity", "//"].includes(key)) ctx.report("error", "import", `${where}.${key}`, `"${key}" is not expected in an import block (to, id, provider, for_each).`);
    }
    const to = resourceAddress(ctx, block.to, true);
    if (!to.ok) ctx.report("error", "import", `${where}.to`, `got ${to.text}; expected a bare resource address such as "azurerm_resource_group.rg".`);
    else if (!to.declared) ctx.report("error", "import", `${where}.to`, `${to.text} is not declared in this stack: an import needs a resource block to import into.`);
    if (block.id === undefined && block.identity === undefined) ctx.report("error", "import", where, 'an import block needs "id".');
    else if (block.id !== undefined && typeof block.id !== "string") ctx.report("error", "import", `${where}.id`, `the import ID is a string; got ${typeof block.id}.`);
    if (block.provider !== undefined) checkProviderReference(ctx, block.provider, `${where}.provider`);
    if (block.for_each !== undefined) checkForEach(ctx, block.for_each, `${where}.for_each`);
    const scope: Scope = { ...ROOT_SCOPE, forEach: block.for_each !== undefined };
    if (block.id !== undefined) checkReferencesIn(ctx, block.id, `${where}.id`, scope);
  }
}

function checkRemoved(ctx: CheckContext, section: unknown): void {
  for (const [where, block] of blocksOf(ctx, section, "removed")) {
    for (const key of Object.keys(block)) {
      if (!["from", "lifecycle", "provisioner", "connection", "//"].includes(key)) ctx.report("error", "removed", `${where}.${key}`, `"${key}" is not expected in a removed block (from, lifecycle).`);
    }
    const moduleFrom = typeof block.from === "string" && /^module\.[A-Za-z_][A-Za-z0-9_-]*$/.test(block.from);
    const from = resourceAddress(ctx, block.from, false);
    if (!moduleFrom && !from.ok) ctx.report("error", "removed", `${where}.from`, `got ${from.text}; expected a bare resource address without instance key, such as "azurerm_resource_group.rg".`);
    else if (from.declared) ctx.report("error", "removed", `${where}.from`, `${from.text} is still declared in this stack: a removed block is only for resources that left the configuration.`);
    const lifecycle = block.lifecycle;
    if (lifecycle !== undefined) {
      if (!isObject(lifecycle) || Object.keys(lifecycle).some((k) => k !== "destroy" && k !== "//")) ctx.report("error", "removed", `${where}.lifecycle`, 'a removed block\'s lifecycle takes only "destroy".');
      else if (lifecycle.destroy !== undefined && typeof lifecycle.destroy !== "boolean") ctx.report("error", "removed", `${where}.lifecycle.destroy`, `"destroy" takes a literal true or false; got ${JSON.stringify(lifecycle.destroy)}.`);
    }
  }
}

function checkMoved(ctx: CheckContext, section: unknown): void {
  for (const [where, block] of blocksOf(ctx, section, "moved")) {
    for (const key of Object.keys(block)) {
      if (!["from", "to", "//"].includes(key)) ctx.report("error", "moved", `${where}.${key}`, `"${key}" is not expected in a moved block (from, to).`);
    }
    const from = resourceAddress(ctx, block.from, true);
    const to = resourceAddress(ctx, block.to, true);
    if (!from.ok) ctx.report("error", "moved", `${where}.from`, `got ${from.text}; expected a bare resource address.`);
    if (!to.ok) ctx.report("error", "moved", `${where}.to`, `got ${to.text}; expected a bare resource address.`);
    else if (!to.declared) ctx.report("error", "moved", `${where}.to`, `${to.text} is not declared in this stack: a moved block's target must exist.`);
  }
}
