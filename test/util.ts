import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { App, Fn, TerraformStack, Testing } from "cdktf";
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { AzapiProvider } from "../lib/azure/azapi/provider";

/** Synthesized Terraform JSON of one stack, parsed. */
export interface SynthesizedStack {
  readonly resource?: Record<string, Record<string, any>>;
  readonly data?: Record<string, Record<string, any>>;
  readonly provider?: Record<string, any[]>;
  readonly output?: Record<string, any>;
  readonly import?: any[];
  readonly terraform?: any;
  readonly [key: string]: any;
}

/** A fresh stack in a fresh test app. `context` is applied to the app. */
export function newStack(context: Record<string, unknown> = {}): TerraformStack {
  const app = Testing.app({ context });
  return new TerraformStack(app, "test");
}

/** A fresh stack with a default azurerm provider. */
export function azureStack(context: Record<string, unknown> = {}): TerraformStack {
  const stack = newStack(context);
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  return stack;
}

/** A fresh stack with a default google provider (no project: constructs set `project` themselves). */
export function googleStack(context: Record<string, unknown> = {}): TerraformStack {
  const stack = newStack(context);
  new GoogleProvider(stack, "google", {});
  return stack;
}

/**
 * Runs `build` in a new stack that has a default azurerm provider, then synthesizes and parses it
 * with validations on (so a missing provider or a failed construct validation fails the test).
 */
export function synthesize(build: (stack: TerraformStack) => void, context?: Record<string, unknown>): SynthesizedStack {
  const stack = azureStack(context);
  build(stack);
  return JSON.parse(Testing.synth(stack, true));
}

/** Synthesizes an existing stack, validations included. */
export function synthesizeStack(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack, true));
}

/** All resources of one Terraform type, by logical ID, without cdktf metadata. */
export function resourcesOf(synth: SynthesizedStack, type: string): Record<string, any> {
  const byId = synth.resource?.[type] ?? {};
  return Object.fromEntries(Object.entries(byId).map(([id, body]) => [id, stripMetadata(body)]));
}

/** The only resource of a type; fails the test when there is not exactly one. */
export function onlyResourceOf(synth: SynthesizedStack, type: string): any {
  const all = Object.values(resourcesOf(synth, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** Terraform addresses (`type.name`) of every resource and data source, sorted. */
export function addressesOf(synth: SynthesizedStack): string[] {
  const addresses: string[] = [];
  for (const [type, byId] of Object.entries(synth.resource ?? {})) for (const id of Object.keys(byId)) addresses.push(`${type}.${id}`);
  for (const [type, byId] of Object.entries(synth.data ?? {})) for (const id of Object.keys(byId)) addresses.push(`data.${type}.${id}`);
  return addresses.sort();
}

function stripMetadata(body: any): any {
  const { ["//"]: _metadata, ...rest } = body;
  return rest;
}

/** Builds an App with the given context; for tests of whole example stacks. */
export function exampleApp(context: Record<string, unknown> = {}): App {
  return Testing.app({ context });
}

/** A fresh stack with a default aws provider (region us-east-1). */
export function awsStack(context: Record<string, unknown> = {}): TerraformStack {
  const stack = newStack(context);
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  return stack;
}

/** A fresh stack with a default kubernetes provider (no cluster configured: synth only). */
export function kubernetesStack(context: Record<string, unknown> = {}): TerraformStack {
  const stack = newStack(context);
  new KubernetesProvider(stack, "kubernetes", {});
  return stack;
}

/** A fresh stack with a default azapi provider (the library's own binding). */
export function azapiStack(context: Record<string, unknown> = {}): TerraformStack {
  const stack = newStack(context);
  new AzapiProvider(stack, "azapi");
  return stack;
}

/** A fresh stack with a default helm provider. */
export function helmStack(context: Record<string, unknown> = {}): TerraformStack {
  const stack = newStack(context);
  new HelmProvider(stack, "helm", { kubernetes: { configPath: "~/.kube/config" } });
  return stack;
}

/** Runs `build` in a stack made by `makeStack`, then synthesizes it with validations on. */
export function synthesizeIn(makeStack: () => TerraformStack, build: (stack: TerraformStack) => void): SynthesizedStack {
  const stack = makeStack();
  build(stack);
  return synthesizeStack(stack);
}

/**
 * Runs `build` in a new stack that has a default azurerm provider and a default azapi provider
 * (for constructs built on the azapi binding), then synthesizes it with validations on.
 */
export function synthesizeWithAzapi(build: (stack: TerraformStack) => void, context?: Record<string, unknown>): SynthesizedStack {
  const stack = azureStack(context);
  new AzapiProvider(stack, "azapi");
  build(stack);
  return JSON.parse(Testing.synth(stack, true));
}

/** A fresh stack with default azurerm, aws, google and helm providers (no credentials needed to synth). */
export function multicloudStack(id = "test", context: Record<string, unknown> = {}): TerraformStack {
  const stack = new TerraformStack(Testing.app({ context }), id);
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new GoogleProvider(stack, "google", { project: "test-project" });
  new HelmProvider(stack, "helm", {});
  return stack;
}

/** Annotations on the constructs of a stack (after synth), optionally of one level, as `{ path, message }`. */
export function annotationsOf(stack: TerraformStack, level?: "info" | "warning" | "error"): { path: string; message: string }[] {
  const types = { info: "@cdktf/info", warning: "@cdktf/warn", error: "@cdktf/error" };
  const wanted = level ? [types[level]] : Object.values(types);
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => wanted.includes(m.type)).map((m) => ({ path: c.node.path, message: String(m.data) })));
}

/**
 * Writes a cdktf output directory like `cdktf synth` does (manifest.json and
 * stacks/<name>/cdk.tf.json) from stack JSONs, and returns its path. `manifest: false` leaves the
 * manifest out.
 */
export function writeCdktfOut(stacks: Record<string, object>, options: { manifest?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "cdktf.out."));
  const manifest: Record<string, object> = {};
  for (const [name, json] of Object.entries(stacks)) {
    mkdirSync(join(dir, "stacks", name), { recursive: true });
    writeFileSync(join(dir, "stacks", name, "cdk.tf.json"), JSON.stringify(json, null, 2));
    manifest[name] = { name, constructPath: name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}`, annotations: [] };
  }
  if (options.manifest ?? true) writeFileSync(join(dir, "manifest.json"), JSON.stringify({ version: "stubbed", stacks: manifest }, null, 2));
  return dir;
}

/** A fresh stack with a default google provider and a default azapi provider (the GKE pattern and example). */
export function gkeStack(context: Record<string, unknown> = {}): TerraformStack {
  const stack = googleStack(context);
  new AzapiProvider(stack, "azapi");
  return stack;
}

/** A fresh stack with a default aws provider (us-east-1) and a default azapi provider: what the EKS pattern needs. */
export function awsAzapiStack(context: Record<string, unknown> = {}): TerraformStack {
  const stack = awsStack(context);
  new AzapiProvider(stack, "azapi");
  return stack;
}

/**
 * An unresolved string that Terraform accepts anywhere (`${lower("…")}`): for tests of values the
 * library must pass through without validating. `Token.asString({ ref: … })` would synthesize an object,
 * which Terraform refuses where a string belongs.
 */
export function unresolved(value: string): string {
  return Fn.lower(value);
}
