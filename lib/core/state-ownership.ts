import { TerraformBackend, TerraformProvider, TerraformResource, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { DefenderValidationError } from "./errors";

// One state, one owner. Two Terraform states that manage the same cloud object overwrite each
// other's changes on every apply, and nothing in Terraform notices: each state believes it owns the
// object. The same goes for two stacks writing one backend state, and Terraform refuses two providers
// with one alias in a stack. These checks run at synth, as a validation of every stack that holds a
// construct of this library (checkProps registers it), over the whole app: each stack's claims are
// computed once per synth and compared with those of the stacks validated before it, so the check is
// linear in the size of the app and independent of the order constructs were created in.
// Linear also means the app's other stacks are listed once per synth, not once per stack: listing them
// (`root.node.children`, each one's path) at every stack's validation made a 2,000-stack synth spend
// 4 million iterations on it (5 % of its CPU at 1,000 stacks, growing with the square).

/**
 * Context key: `"app"` (default) checks ownership across every stack of the app; `"stack"` only
 * within each stack, for an app whose stacks are alternatives deployed to different environments
 * (this repository's examples: each uses the same placeholder subscription).
 */
export const STATE_OWNERSHIP_SCOPE_CONTEXT_KEY = "cdktf-defender-for-containers:stateOwnershipScope";

/** Something only one construct of an app may own. */
interface Claim {
  /** What is owned, for the message ("the Defender for Containers plan of subscription 1111…"). */
  readonly what: string;
  /** Identity, compared case-insensitively where the cloud compares so. */
  readonly key: string;
  /** Path of the construct that owns it. */
  readonly path: string;
  /** Path of its stack. */
  readonly stack: string;
  /** Whether two stacks may share it (provider aliases are per stack). */
  readonly perStack?: boolean;
}

/** Claims of every validated stack of one app, by stack path, then the stacks by claim key. */
interface Registry {
  readonly byStack: Map<string, readonly Claim[]>;
  readonly byKey: Map<string, Map<string, Claim>>;
  /**
   * The app's stacks as the current synchronous run (one `app.synth()`, one `Testing.synth()`) listed
   * them; cleared at the end of the run (a microtask), so a later run lists the app again.
   */
  listed?: Set<TerraformStack>;
}

const registries = new WeakMap<IConstruct, Registry>();
const registered = new WeakSet<TerraformStack>();

/** Adds the ownership check to the stack of `scope` (once per stack). */
export function ensureStateOwnershipCheck(scope: IConstruct): void {
  const stack = stackOf(scope);
  if (!stack) return; // not (yet) in a stack: nothing to own
  if (registered.has(stack)) return;
  registered.add(stack);
  stack.node.addValidation({ validate: () => checkStack(stack) });
}

/** The stack `scope` is in, if any (TerraformStack.of() throws an Error, stack trace and all, outside one). */
function stackOf(scope: IConstruct): TerraformStack | undefined {
  for (let node: IConstruct | undefined = scope; node; node = node.node.scope) if (TerraformStack.isStack(node)) return node;
  return undefined;
}

function registryOf(root: IConstruct): Registry {
  let registry = registries.get(root);
  if (!registry) {
    registry = { byStack: new Map(), byKey: new Map() };
    registries.set(root, registry);
  }
  return registry;
}

function checkStack(stack: TerraformStack): string[] {
  const registry = registryOf(stack.node.root);
  const path = stack.node.path;
  // A stack validated again (a second synth) replaces its earlier claims.
  for (const claim of registry.byStack.get(path) ?? []) registry.byKey.get(claim.key)?.delete(path);
  const claims = claimsOf(stack);
  registry.byStack.set(path, claims);
  // Stacks of the app not validated yet (one stack synthesized alone, as tests do) are read once
  // now; when their own validation runs, they are read again and compared with this one. The app is
  // listed once per synchronous run; a stack that run's listing did not see (created after it) lists
  // it again.
  if (!registry.listed?.has(stack)) {
    const listed = new Set<TerraformStack>([stack]);
    for (const other of stack.node.root.node.children) {
      if (other === stack || !TerraformStack.isStack(other)) continue;
      listed.add(other);
      if (!registry.byStack.has(other.node.path)) register(registry, other.node.path, claimsOf(other));
    }
    if (!registry.listed) queueMicrotask(() => (registry.listed = undefined));
    registry.listed = listed;
  }
  const perStackOnly = stack.node.tryGetContext(STATE_OWNERSHIP_SCOPE_CONTEXT_KEY) === "stack";
  const own = new Map<string, Claim>();
  for (const claim of claims) {
    const first = own.get(claim.key);
    if (first) throw conflict(claim, first);
    own.set(claim.key, claim);
    if (claim.perStack || perStackOnly) continue;
    const others = registry.byKey.get(claim.key) ?? new Map<string, Claim>();
    for (const [otherStack, other] of others) if (otherStack !== path) throw conflict(claim, other);
    others.set(path, claim);
    registry.byKey.set(claim.key, others);
  }
  return [];
}

function register(registry: Registry, stackPath: string, claims: readonly Claim[]): void {
  registry.byStack.set(stackPath, claims);
  for (const claim of claims) {
    if (claim.perStack) continue;
    const others = registry.byKey.get(claim.key) ?? new Map<string, Claim>();
    if (!others.has(stackPath)) others.set(stackPath, claim);
    registry.byKey.set(claim.key, others);
  }
}

function conflict(claim: Claim, other: Claim): DefenderValidationError {
  const where = claim.stack === other.stack ? `in the same stack` : `in stack ${other.stack}`;
  return new DefenderValidationError(
    { node: { path: claim.path } } as IConstruct,
    `${claim.what}: got a second owner; expected one owner per ${claim.perStack ? "stack" : "app"}. ${other.path} (${where}) has it too: ${
      claim.perStack ? "Terraform refuses two providers with one alias." : "two owners would overwrite each other's changes on every apply."
    }`,
  );
}

function literal(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" && !Token.isUnresolved(value) ? value : undefined;
}

function claimsOf(stack: TerraformStack): Claim[] {
  const claims: Claim[] = [];
  const stackPath = stack.node.path;
  const add = (what: string, key: string, node: IConstruct, perStack = false) => claims.push({ what, key, path: node.node.path, stack: stackPath, perStack });
  let defaultAzurerm: TerraformProvider | undefined;
  const nodes = stack.node.findAll();
  for (const node of nodes) {
    if (TerraformStack.isStack(node) && node !== stack) continue;
    if (node instanceof TerraformBackend) claimBackend(node, add);
    else if (TerraformProvider.isTerraformProvider(node)) {
      const alias = literal(node.alias);
      add(`provider ${node.terraformResourceType}${alias ? ` alias "${alias}"` : " (default, no alias)"}`, `provider:${stackPath}:${node.terraformResourceType}:${alias ?? ""}`, node, true);
      if (node.terraformResourceType === "azurerm" && !alias) defaultAzurerm = node;
    }
  }
  const subscriptionOf = (resource: TerraformResource) => {
    const provider = (resource.provider ?? defaultAzurerm) as { subscriptionIdInput?: unknown } | undefined;
    return literal(provider?.subscriptionIdInput)?.toLowerCase() ?? `(the subscription of ${(resource.provider ?? defaultAzurerm)?.node.path ?? `the default azurerm provider of ${stackPath}`})`;
  };
  for (const node of nodes) {
    // Only the types below are read (toTerraform() of every resource would double the synth cost).
    if (!TerraformResource.isTerraformResource(node) || !OWNED_TYPES.has(node.terraformResourceType)) continue;
    const attributes = node.forEach === undefined && node.count === undefined ? attributesOf(node) : undefined;
    if (!attributes) continue;
    switch (node.terraformResourceType) {
      case "azurerm_security_center_subscription_pricing": {
        const tier = literal(attributes.resource_type) ?? "VirtualMachines";
        const subscription = subscriptionOf(node);
        add(`the Defender ${tier} plan of subscription ${subscription}`, `pricing:${subscription}:${tier.toLowerCase()}`, node);
        break;
      }
      case "azurerm_log_analytics_workspace": {
        const name = literal(attributes.name);
        const group = literal(attributes.resource_group_name);
        if (name && group) add(`Log Analytics workspace ${group}/${name}`, `workspace:${subscriptionOf(node)}:${group.toLowerCase()}/${name.toLowerCase()}`, node);
        break;
      }
      case "azapi_resource": {
        const type = literal(attributes.type)?.split("@")[0];
        const name = literal(attributes.name);
        const parent = literal(attributes.parent_id);
        if (type && name && parent) add(`${type} ${parent}/${name}`, `arm:${type.toLowerCase()}:${parent.toLowerCase()}/${name.toLowerCase()}`, node);
        break;
      }
      case "azurerm_arc_kubernetes_cluster_extension": {
        const cluster = literal(attributes.cluster_id);
        const type = literal(attributes.extension_type);
        if (cluster && type) add(`the ${type} extension of Arc cluster ${cluster}`, `arc-extension:${type.toLowerCase()}:${cluster.toLowerCase()}`, node);
        break;
      }
    }
  }
  // Fleets: one resource with for_each over cluster IDs, exposed by the Arc constructs as clusterIds.
  for (const node of nodes) {
    const fleet = node as { extension?: unknown; clusterIds?: unknown };
    if (!(fleet.extension instanceof TerraformResource) || !Array.isArray(fleet.clusterIds) || fleet.extension.forEach === undefined) continue;
    const type = literal(attributesOf(fleet.extension)?.extension_type);
    if (!type) continue;
    for (const id of fleet.clusterIds) {
      const cluster = literal(id);
      if (cluster) add(`the ${type} extension of Arc cluster ${cluster}`, `arc-extension:${type.toLowerCase()}:${cluster.toLowerCase()}`, node);
    }
  }
  return claims;
}

/** Resource types whose literal identity is compared across the app. */
const OWNED_TYPES = new Set(["azurerm_security_center_subscription_pricing", "azurerm_log_analytics_workspace", "azapi_resource", "azurerm_arc_kubernetes_cluster_extension"]);

function attributesOf(resource: TerraformResource): Record<string, unknown> | undefined {
  try {
    const json = resource.toTerraform() as { resource?: Record<string, Record<string, Record<string, unknown>>> };
    const byId = json.resource?.[resource.terraformResourceType];
    return byId ? Object.values(byId)[0] : undefined;
  } catch {
    return undefined;
  }
}

function claimBackend(backend: TerraformBackend, add: (what: string, key: string, node: IConstruct) => void): void {
  let json: { terraform?: { backend?: Record<string, Record<string, unknown>>; cloud?: Record<string, unknown> } };
  try {
    json = backend.toTerraform();
  } catch {
    return;
  }
  const cloud = json.terraform?.cloud;
  if (cloud) {
    const workspaces = (cloud.workspaces ?? {}) as Record<string, unknown>;
    const host = literal(cloud.hostname) ?? "app.terraform.io";
    const org = literal(cloud.organization);
    const name = literal(workspaces.name);
    if (org && name) add(`the state of HCP Terraform workspace ${org}/${name} (${host})`, `state:cloud:${host}:${org}:${name}`, backend);
    return;
  }
  for (const [type, settings] of Object.entries(json.terraform?.backend ?? {})) {
    const key = stateLocation(type, settings);
    if (key) add(`the ${type} backend state ${key}`, `state:${type}:${key}`, backend);
  }
}

/** Where a backend keeps the state, as one string (bucket/container + key), or undefined when not literal. */
function stateLocation(type: string, s: Record<string, unknown>): string | undefined {
  const parts = (...values: unknown[]) => (values.every((v) => literal(v) !== undefined) ? values.join("/") : undefined);
  switch (type) {
    case "s3":
      return parts(s.bucket, s.key);
    case "azurerm":
      return parts(s.storage_account_name, s.container_name, s.key);
    case "gcs":
      return literal(s.bucket) && (s.prefix === undefined || literal(s.prefix)) ? `${s.bucket}/${s.prefix ?? ""}` : undefined;
    case "local":
      return literal(s.path);
    case "remote": {
      const workspaces = (s.workspaces ?? {}) as Record<string, unknown>;
      return parts(s.hostname ?? "app.terraform.io", s.organization, workspaces.name ?? workspaces.prefix);
    }
    default:
      return undefined;
  }
}
