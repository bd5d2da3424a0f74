import { BlockSchema } from "../schema/types";
import { CheckContext, isObject, ROOT_SCOPE, Scope } from "./context";
import { didYouMean } from "./diagnostics";
import { isSingleInterpolation, isTemplate, parseStaticTraversal } from "./expressions";
import { checkReferencesIn } from "./references";

/** Meta-arguments of a `resource` block (https://developer.hashicorp.com/terraform/language/meta-arguments). */
export const RESOURCE_META = new Set(["count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"]);
/** Meta-arguments of a `data` block. */
export const DATA_META = new Set(["count", "for_each", "provider", "depends_on", "lifecycle"]);

/** Checks the meta-arguments of a resource or data block. */
export function checkMetaArguments(ctx: CheckContext, body: { readonly [key: string]: unknown }, schema: BlockSchema | undefined, path: string, scope: Scope, managed: boolean): void {
  if (body.count !== undefined && body.for_each !== undefined) {
    ctx.report("error", "for-each", path, `"count" and "for_each" cannot both be set.`);
  }
  if (body.for_each !== undefined) checkForEach(ctx, body.for_each, `${path}.for_each`);
  if (body.count !== undefined) checkCount(ctx, body.count, `${path}.count`);
  if (body.depends_on !== undefined) checkDependsOn(ctx, body.depends_on, `${path}.depends_on`);
  if (body.provider !== undefined) checkProviderReference(ctx, body.provider, `${path}.provider`);
  if (body.lifecycle !== undefined) checkLifecycle(ctx, body.lifecycle, schema, `${path}.lifecycle`, scope, managed);
  for (const key of ["provisioner", "connection"]) {
    if (body[key] !== undefined) checkReferencesIn(ctx, body[key], `${path}.${key}`, { ...scope, self: true });
  }
}

/** `for_each` takes a map or a set of strings: an object literal or an expression, never a JSON list (a tuple). */
export function checkForEach(ctx: CheckContext, value: unknown, path: string): void {
  if (Array.isArray(value)) {
    ctx.report("error", "for-each", path, 'got a list literal (a tuple); "for_each" takes a map or a set of strings: wrap it in toset().');
  } else if (typeof value === "string") {
    if (!isSingleInterpolation(value)) ctx.report("error", "for-each", path, `got ${isTemplate(value) ? "a string template" : "a string"}; "for_each" takes a map or a set of strings.`);
  } else if (!isObject(value)) {
    ctx.report("error", "for-each", path, `got ${value === null ? "null" : `a ${typeof value}`}; "for_each" takes a map or a set of strings.`);
  }
  checkReferencesIn(ctx, value, path, ROOT_SCOPE);
}

function checkCount(ctx: CheckContext, value: unknown, path: string): void {
  const literal = typeof value === "number" ? value : typeof value === "string" && !isTemplate(value) ? Number(value) : undefined;
  if (typeof value === "string" && isTemplate(value) && !isSingleInterpolation(value)) {
    ctx.report("error", "for-each", path, '"count" takes a whole number; got a string template.');
  } else if (literal !== undefined && !(Number.isInteger(literal) && literal >= 0)) {
    ctx.report("error", "for-each", path, `"count" takes a whole number ≥ 0; got ${JSON.stringify(value)}.`);
  } else if (typeof value !== "number" && typeof value !== "string") {
    ctx.report("error", "for-each", path, `"count" takes a whole number; got ${value === null ? "null" : typeof value}.`);
  }
  checkReferencesIn(ctx, value, path, ROOT_SCOPE);
}

/**
 * `depends_on` entries are static references to whole objects: `aws_eks_cluster.cluster`,
 * `data.aws_iam_policy_document.doc`, `module.network` — in JSON a bare string, never `"${…}"`
 * (Terraform: "A single static variable reference is required").
 */
export function checkDependsOn(ctx: CheckContext, value: unknown, path: string): void {
  if (!Array.isArray(value)) {
    ctx.report("error", "depends-on", path, `"depends_on" takes a list of references; got ${typeof value}.`);
    return;
  }
  value.forEach((entry, i) => {
    const where = `${path}[${i}]`;
    if (typeof entry !== "string") {
      ctx.report("error", "depends-on", where, `got ${entry === null ? "null" : typeof entry}; expected a reference such as "aws_eks_cluster.cluster".`);
      return;
    }
    const t = parseStaticTraversal(entry);
    if (!t) {
      const bare = isSingleInterpolation(entry) ? ` Write it bare: "${entry.slice(2, -1).trim()}" (cdktf: dependable(resource), not resource.fqn).` : "";
      ctx.report("error", "depends-on", where, `${JSON.stringify(entry)} is not a static reference: Terraform requires a single static variable reference, only attribute access and indexing with constant keys.${bare}`);
      return;
    }
    const attrs = t.steps.filter((s) => s.kind === "attr").map((s) => (s as { name: string }).name);
    const objectSteps = t.root === "data" ? 2 : 1;
    if (t.root === "module") {
      if (!attrs[0] || !ctx.modules.has(attrs[0])) ctx.report("error", "depends-on", where, `no module "${attrs[0] ?? ""}" is declared.`);
      else if (attrs.length > 1) ctx.report("error", "depends-on", where, "depends_on may only name whole objects, not their attributes.");
      return;
    }
    if (["var", "local", "each", "count", "self", "path", "terraform"].includes(t.root)) {
      ctx.report("error", "depends-on", where, `depends_on may only name resources, data sources and modules; got ${JSON.stringify(entry)}.`);
      return;
    }
    const type = t.root === "data" ? attrs[0] : t.root;
    const name = t.root === "data" ? attrs[1] : attrs[0];
    const declared = (t.root === "data" ? ctx.data : ctx.resources).get(type ?? "")?.get(name ?? "");
    if (!declared) {
      ctx.report("error", "depends-on", where, `${JSON.stringify(entry)} names nothing declared in this stack.`);
    } else if (attrs.length > objectSteps) {
      ctx.report("error", "depends-on", where, `depends_on may only name whole objects, not their attributes ("${attrs.slice(objectSteps).join(".")}").`);
    }
  });
}

/** A `provider` meta-argument: a bare `name` or `name.alias` that a provider block configures. */
export function checkProviderReference(ctx: CheckContext, value: unknown, path: string): void {
  if (typeof value !== "string") {
    ctx.report("error", "provider", path, `got ${typeof value}; expected a provider reference such as "aws" or "aws.west".`);
    return;
  }
  const t = parseStaticTraversal(value);
  const alias = t?.steps[0]?.kind === "attr" ? t.steps[0].name : undefined;
  if (!t || t.steps.length > 1 || (t.steps.length === 1 && alias === undefined)) {
    const hint = isTemplate(value) ? " Write it bare, without ${}." : "";
    ctx.report("error", "provider", path, `${JSON.stringify(value)} is not a provider reference: expected "<name>" or "<name>.<alias>".${hint}`);
    return;
  }
  const configured = ctx.providerConfigs.get(t.root);
  if (alias !== undefined && !configured?.has(alias)) {
    const known = [...(configured ?? [])].filter((a) => a !== "").map((a) => `${t.root}.${a}`);
    ctx.report("error", "provider", path, `no provider block configures "${value}".${didYouMean(value, known)}${known.length ? ` Configured: ${known.join(", ")}.` : ""}`);
  }
}

const LIFECYCLE_KEYS = new Set(["create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by", "precondition", "postcondition", "//"]);
const DATA_LIFECYCLE_KEYS = new Set(["precondition", "postcondition", "//"]);

function checkLifecycle(ctx: CheckContext, value: unknown, schema: BlockSchema | undefined, path: string, scope: Scope, managed: boolean): void {
  if (!isObject(value)) {
    ctx.report("error", "lifecycle", path, "a lifecycle block must be an object.");
    return;
  }
  const allowed = managed ? LIFECYCLE_KEYS : DATA_LIFECYCLE_KEYS;
  for (const [key, v] of Object.entries(value)) {
    const where = `${path}.${key}`;
    if (!allowed.has(key)) {
      ctx.report("error", "lifecycle", where, `"${key}" is not expected in a ${managed ? "resource" : "data"} lifecycle block.${didYouMean(key, allowed)}`);
    } else if (key === "create_before_destroy" || key === "prevent_destroy") {
      // Terraform evaluates these before any value is known: only literals.
      if (typeof v !== "boolean" && v !== "true" && v !== "false") ctx.report("error", "lifecycle", where, `"${key}" takes a literal true or false; got ${JSON.stringify(v)}.`);
    } else if (key === "ignore_changes") {
      checkIgnoreChanges(ctx, v, schema, where);
    } else if (key === "replace_triggered_by") {
      checkReferencesIn(ctx, v, where, scope);
    } else if (key === "precondition" || key === "postcondition") {
      for (const [i, c] of (Array.isArray(v) ? v : [v]).entries()) {
        const at = Array.isArray(v) ? `${where}[${i}]` : where;
        if (!isObject(c) || c.condition === undefined || c.error_message === undefined) ctx.report("error", "lifecycle", at, 'a condition block needs "condition" and "error_message".');
        else checkReferencesIn(ctx, c, at, { ...scope, self: key === "postcondition" });
      }
    }
  }
}

/** `ignore_changes`: `"all"`, or a list of static attribute paths that exist in the resource's schema. */
function checkIgnoreChanges(ctx: CheckContext, value: unknown, schema: BlockSchema | undefined, path: string): void {
  if (value === "all") return;
  if (!Array.isArray(value)) {
    ctx.report("error", "lifecycle", path, `"ignore_changes" takes "all" or a list of attribute names; got ${JSON.stringify(value)}.`);
    return;
  }
  value.forEach((entry, i) => {
    const where = `${path}[${i}]`;
    const t = typeof entry === "string" ? parseStaticTraversal(entry) : undefined;
    if (!t) {
      ctx.report("error", "lifecycle", where, `${JSON.stringify(entry)} is not an attribute path: expected a bare name such as "tags" or "tags[\\"owner\\"]".`);
      return;
    }
    if (schema && !(t.root in schema.attributes) && !(t.root in schema.blockTypes)) {
      const names = [...Object.keys(schema.attributes), ...Object.keys(schema.blockTypes)];
      ctx.report("error", "lifecycle", where, `the resource has no argument or block named "${t.root}".${didYouMean(t.root, names)}`);
    }
  });
}
