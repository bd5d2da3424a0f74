import { TerraformResource, TerraformStack, Token } from "cdktf";
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
  return { type, logicalId, config };
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
