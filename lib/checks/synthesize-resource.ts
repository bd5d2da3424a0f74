import { IResolvable, TerraformResource, TerraformStack, Token, Tokenization } from "cdktf";
import { StackResources, SynthesizedResource, UNRESOLVED } from "./synthesized-config";

/**
 * The body a resource will synthesize to (its public `toTerraform()`: arguments set through the
 * L1 constructor, setters and `put*` methods, plus escape-hatch overrides), with every unresolved
 * token replaced by {@link UNRESOLVED}. Tokens cannot be resolved during an aspect without side
 * effects (cross-stack references create outputs), and their value is only known at plan time.
 */
export function synthesizedResourceOf(resource: TerraformResource): SynthesizedResource {
  const type = resource.terraformResourceType;
  const logicalId = resource.friendlyUniqueId;
  const body = resource.toTerraform()?.resource?.[type]?.[logicalId] ?? {};
  const { ["//"]: _metadata, ...config } = replaceTokens(body) as Record<string, unknown>;
  const references = new Set<string>();
  collectReferences(body, references);
  return { type, logicalId, config, references: [...references].sort() };
}

/**
 * Addresses (`azurerm_kubernetes_cluster.cluster.id`) of the references among the unresolved tokens
 * of `value`, read from the tokens themselves (cdktf's `Reference` holds its `identifier`), so a rule
 * can tell which resource a value names without resolving anything.
 */
function collectReferences(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 32 || value === null || value === undefined) return;
  if (typeof value === "string") {
    if (Token.isUnresolved(value)) for (const token of Tokenization.reverseString(value).tokens) collectTokenReferences(token, into, depth);
    return;
  }
  if (Tokenization.isResolvable(value)) return collectTokenReferences(value, into, depth);
  if (Array.isArray(value)) return value.forEach((item) => collectReferences(item, into, depth + 1));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) collectReferences(item, into, depth + 1);
  }
}

function collectTokenReferences(token: IResolvable, into: Set<string>, depth: number): void {
  const { identifier, args } = token as { identifier?: unknown; args?: unknown };
  if (typeof identifier === "string") into.add(identifier);
  // Function calls and operators (Fn.*, string templates) keep their operands in `args`.
  if (Array.isArray(args)) collectReferences(args, into, depth + 1);
}

function replaceTokens(value: unknown): unknown {
  if (Token.isUnresolved(value)) return UNRESOLVED;
  if (Array.isArray(value)) return value.map(replaceTokens);
  if (value !== null && typeof value === "object") {
    const prototype = Object.getPrototypeOf(value);
    // Anything but a plain object here is a cdktf helper that renders at synth: a plan-time value.
    if (prototype !== Object.prototype && prototype !== null) return UNRESOLVED;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceTokens(item)]));
  }
  return value;
}

/**
 * The resources of a stack, grouped by type now and synthesized per type on first use, so a rule
 * that looks at helm releases does not synthesize every cluster of a large fleet twice.
 */
export function lazyStackResources(stack: TerraformStack): StackResources {
  const byType = new Map<string, TerraformResource[]>();
  for (const construct of stack.node.findAll()) {
    if (!TerraformResource.isTerraformResource(construct)) continue;
    const list = byType.get(construct.terraformResourceType) ?? [];
    list.push(construct);
    byType.set(construct.terraformResourceType, list);
  }
  const synthesized = new Map<string, readonly SynthesizedResource[]>();
  return {
    ofType(type: string): readonly SynthesizedResource[] {
      let list = synthesized.get(type);
      if (!list) {
        list = (byType.get(type) ?? []).map(synthesizedResourceOf).sort((a, b) => a.logicalId.localeCompare(b.logicalId));
        synthesized.set(type, list);
      }
      return list;
    },
  };
}
