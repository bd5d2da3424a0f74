/**
 * Real Terraform, offline: `terraform init`, `validate` and `plan -refresh=false` on every stack of a
 * cdktf output directory, with the providers served by the schema-serving stub ({@link startStubServer})
 * and the backends replaced by local state in a temporary copy.
 *
 * How Terraform finds the providers: one stub server in this Node process, one unix socket per provider,
 * named in `TF_REATTACH_PROVIDERS`. Terraform treats reattached providers as unmanaged: `init` neither
 * downloads them nor checks their version constraints, and no process is started per provider.
 * A temporary CLI configuration excludes every registry from direct installation, so a provider the
 * registry cannot serve fails `init` at once (Terraform's own message) instead of waiting on the network.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { defaultSchemaRegistry } from "../schema/registry";
import type { SchemaRegistry } from "../schema/types";
import type { StubProviderRequest, StubServer } from "./stub-provider";

export interface PlanOfflineOptions {
  /** cdktf output directory holding manifest.json. */
  readonly outdir: string;
  /** Stack names to plan; default: every stack in the manifest. */
  readonly stacks?: readonly string[];
  /**
   * The schemas the stub provider serves.
   * @default - derived from the installed provider packages (`defaultSchemaRegistry()`)
   */
  readonly registry?: SchemaRegistry;
  /** @default "terraform" (looked up on PATH) */
  readonly terraformBinary?: string;
  /**
   * Stacks planned at once. Terraform spends much of each run waiting on the stub's answers, so more
   * runs than cores pay: 13 example stacks on 2 cores took 7.2 s one at a time, 5.6 s two, 4.4 s four.
   * @default 4
   */
  readonly concurrency?: number;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

export interface StackPlanResult {
  readonly stack: string;
  /** init, validate and plan succeeded with no error diagnostic. */
  readonly ok: boolean;
  /** Terraform's diagnostics, one string each (`Error: summary` / `Warning: summary`, then the detail). */
  readonly diagnostics: string[];
  /** Wall time of init + validate + plan. */
  readonly seconds: number;
}

/** Bad input: no output dir or manifest, unreadable JSON, unknown stack, no terraform. One line, no stack trace. */
export class OfflinePlanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OfflinePlanInputError";
  }
}

interface StackInput {
  readonly name: string;
  /** Directory to copy (the stack's working directory). */
  readonly dir: string;
  /** The stack's cdk.tf.json. */
  readonly file: string;
  readonly config: TerraformJson;
}

interface TerraformJson {
  terraform?: {
    backend?: unknown;
    cloud?: unknown;
    required_providers?: Record<string, { source?: string } | string>;
  };
  provider?: Record<string, unknown>;
  resource?: Record<string, Record<string, { provider?: string }>>;
  data?: Record<string, Record<string, { provider?: string }>>;
}

function readJson(file: string, what: string): unknown {
  if (!fs.existsSync(file)) throw new OfflinePlanInputError(`${file}: ${what} not found`);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new OfflinePlanInputError(`${file}: cannot read ${what}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new OfflinePlanInputError(`${file}: ${what} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads the manifest and the selected stacks' files. */
export function readStacks(outdir: string, only?: readonly string[]): StackInput[] {
  if (!fs.existsSync(outdir) || !fs.statSync(outdir).isDirectory()) {
    throw new OfflinePlanInputError(`${outdir}: cdktf output directory not found (run cdktf synth first)`);
  }
  const manifestFile = path.join(outdir, "manifest.json");
  const manifest = readJson(manifestFile, "cdktf manifest") as {
    stacks?: Record<string, { synthesizedStackPath?: string; workingDirectory?: string }>;
  };
  if (typeof manifest !== "object" || manifest === null || typeof manifest.stacks !== "object" || manifest.stacks === null) {
    throw new OfflinePlanInputError(`${manifestFile}: not a cdktf manifest (no "stacks" object)`);
  }
  const entries = manifest.stacks;
  const names = only && only.length > 0 ? [...only] : Object.keys(entries);
  const unknown = names.filter((n) => !(n in entries));
  if (unknown.length > 0) {
    throw new OfflinePlanInputError(
      `${manifestFile}: no stack named ${unknown.join(", ")} (stacks: ${Object.keys(entries).join(", ") || "none"})`,
    );
  }
  // An empty manifest planned "successfully" would pass a CI gate that checked nothing.
  if (names.length === 0) throw new OfflinePlanInputError(`${manifestFile}: no stacks to plan (expected at least one stack in "stacks")`);
  return names.map((name) => {
    const entry = entries[name];
    if (typeof entry !== "object" || entry === null) throw new OfflinePlanInputError(`${manifestFile}: stacks["${name}"]: got ${entry === null ? "null" : typeof entry}; expected a stack entry object`);
    const file = path.join(outdir, entry.synthesizedStackPath ?? path.join("stacks", name, "cdk.tf.json"));
    const config = readJson(file, `stack "${name}"`);
    if (typeof config !== "object" || config === null || Array.isArray(config)) {
      throw new OfflinePlanInputError(`${file}: stack "${name}" is not a Terraform JSON object`);
    }
    const dir = entry.workingDirectory ? path.join(outdir, entry.workingDirectory) : path.dirname(file);
    return { name, dir, file, config: config as TerraformJson };
  });
}

/** The executable `binary` resolves to (a path, or a name looked up on PATH), or undefined. */
export function findExecutable(binary: string): string | undefined {
  const candidates = binary.includes(path.sep)
    ? [path.resolve(binary)]
    : (process.env.PATH ?? "").split(path.delimiter).filter(Boolean).map((d) => path.join(d, binary));
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Provider local names a stack uses, and the resource / data types it uses of each. */
function providersOf(config: TerraformJson): Map<string, { source?: string; resources: Set<string>; data: Set<string> }> {
  const out = new Map<string, { source?: string; resources: Set<string>; data: Set<string> }>();
  const entry = (name: string) => {
    let e = out.get(name);
    if (!e) out.set(name, (e = { resources: new Set(), data: new Set() }));
    return e;
  };
  for (const [name, req] of Object.entries(config.terraform?.required_providers ?? {})) {
    entry(name).source = typeof req === "string" ? undefined : req?.source;
  }
  for (const name of Object.keys(config.provider ?? {})) entry(name);
  const localName = (type: string, body: unknown) => {
    const explicit = (body as { provider?: unknown } | null)?.provider;
    if (typeof explicit === "string") return explicit.replace(/^\$\{|\}$/g, "").split(".")[0];
    return type.split("_")[0];
  };
  for (const [kind, blocks] of [
    ["resources", config.resource],
    ["data", config.data],
  ] as const) {
    for (const [type, instances] of Object.entries(blocks ?? {})) {
      for (const body of Object.values(instances ?? {})) {
        const name = localName(type, body);
        if (name === "terraform") continue; // built-in provider (terraform_data, terraform_remote_state)
        entry(name)[kind].add(type);
      }
    }
  }
  return out;
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(binary: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(binary, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", (e) => resolve({ code: 127, stdout: "", stderr: `Error: cannot run ${binary}: ${e.message}` }));
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
  });
}

/** Terraform's human diagnostics (the boxed `╷ │ Error: … ╵` blocks of -no-color output), one string each. */
export function parseHumanDiagnostics(text: string): string[] {
  const out: string[] = [];
  const lines = text.split(/\r?\n/);
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith("╷")) {
      current = [];
    } else if (line.startsWith("╵")) {
      if (current) out.push(trimBlock(current));
      current = undefined;
    } else if (current) {
      current.push(line.replace(/^│ ?/, ""));
    }
  }
  if (out.length === 0 && text.trim() !== "") {
    // Not boxed (e.g. a crash or a usage message): keep the error lines as they are.
    const errors = lines.filter((l) => /^(Error|Warning)/.test(l.trim()));
    return errors.length > 0 ? [text.trim()] : [];
  }
  return out;
}

function trimBlock(lines: string[]): string {
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  while (lines.length && lines[0].trim() === "") lines.shift();
  return lines.join("\n");
}

interface JsonDiagnostic {
  severity: "error" | "warning";
  summary: string;
  detail?: string;
  range?: { filename: string; start: { line: number; column: number } };
  snippet?: { context?: string | null; code?: string };
}

/** One string of a `terraform validate -json` diagnostic, in the same shape as the human ones. */
export function formatJsonDiagnostic(d: JsonDiagnostic): string {
  const head = `${d.severity === "error" ? "Error" : "Warning"}: ${d.summary}`;
  const parts = [head];
  if (d.range) {
    const ctx = d.snippet?.context ? `, in ${d.snippet.context}` : "";
    parts.push(`  on ${d.range.filename} line ${d.range.start.line}${ctx}:`);
    if (d.snippet?.code) parts.push(`  ${d.range.start.line}: ${d.snippet.code.trim()}`);
  }
  if (d.detail) parts.push(d.detail);
  return parts.join("\n");
}

function isError(diagnostic: string): boolean {
  return diagnostic.startsWith("Error");
}

/** Copies a stack's directory (without .terraform) to a temp dir and points its backend at local state. */
function prepareStack(stack: StackInput, root: string): string {
  const dir = path.join(root, stack.name.replace(/[^A-Za-z0-9_.-]/g, "_"));
  fs.cpSync(stack.dir, dir, {
    recursive: true,
    filter: (src) => path.basename(src) !== ".terraform" && !/\.tfstate(\.backup)?$/.test(src),
  });
  const stackFile = path.join(dir, path.relative(stack.dir, stack.file));
  if (!fs.existsSync(stackFile)) fs.copyFileSync(stack.file, stackFile);
  // An override file's backend replaces the stack's backend or cloud block (Terraform's override merge),
  // so cdk.tf.json stays byte-identical and diagnostics point at its real lines.
  const override: { terraform?: unknown; data?: unknown } = {};
  if (stack.config.terraform?.backend !== undefined || stack.config.terraform?.cloud !== undefined) {
    override.terraform = { backend: { local: { path: "terraform.tfstate" } } };
  }
  const remoteState = remoteStateOverrides(stack, path.dirname(stackFile));
  if (remoteState) override.data = { terraform_remote_state: remoteState };
  if (Object.keys(override).length > 0) {
    fs.writeFileSync(path.join(path.dirname(stackFile), "zz_offline_plan_override.tf.json"), JSON.stringify(override, null, 2) + "\n");
  }
  const placeholders = variablePlaceholders(stack);
  if (placeholders) fs.writeFileSync(path.join(path.dirname(stackFile), "zz_offline_plan.auto.tfvars.json"), JSON.stringify(placeholders, null, 2) + "\n");
  return path.dirname(stackFile);
}

/**
 * Input variables of type string without a default (secrets such as a registry token, which a
 * stack must not carry a default for) would stop `plan -input=false`. Offline, each gets a
 * placeholder value from an auto-loaded tfvars file; the stack's JSON is not changed.
 */
function variablePlaceholders(stack: StackInput): Record<string, string> | undefined {
  const variables = (stack.config as { variable?: Record<string, { type?: string; default?: unknown }> }).variable ?? {};
  const missing = Object.entries(variables).filter(([, v]) => v.default === undefined && (v.type === undefined || v.type === "string"));
  return missing.length === 0 ? undefined : Object.fromEntries(missing.map(([name]) => [name, `offline-placeholder-${name}`]));
}

/**
 * Cross-stack references (cdktf's `terraform_remote_state` data sources) would read another stack's
 * state from its backend, over the network. Offline, each one reads a local state file written here
 * that holds every output the stack reads from it, as a placeholder string shaped like an Azure resource ID
 * (what this library passes between stacks, and what its expressions split into segments).
 */
function remoteStateOverrides(stack: StackInput, dir: string): Record<string, unknown> | undefined {
  const sources = (stack.config.data as Record<string, Record<string, unknown>> | undefined)?.terraform_remote_state;
  if (!sources) return undefined;
  const text = JSON.stringify(stack.config);
  const overrides: Record<string, unknown> = {};
  for (const name of Object.keys(sources)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const outputs: Record<string, { value: string; type: string }> = {};
    for (const m of text.matchAll(new RegExp(`data\\.terraform_remote_state\\.${escaped}\\.outputs\\.([A-Za-z0-9_-]+)`, "g"))) {
      outputs[m[1]] = { value: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/stub/providers/Stub.Remote/state/${m[1]}`, type: "string" };
    }
    const file = path.join(dir, `zz_offline_remote_state_${name.replace(/[^A-Za-z0-9_.-]/g, "_")}.tfstate`);
    fs.writeFileSync(file, JSON.stringify({ version: 4, terraform_version: "1.0.0", serial: 1, lineage: "offline-plan", outputs, resources: [] }) + "\n");
    overrides[name] = { backend: "local", config: { path: file } };
  }
  return overrides;
}

async function planStack(stack: StackInput, root: string, binary: string, env: NodeJS.ProcessEnv): Promise<StackPlanResult> {
  const started = Date.now();
  const diagnostics: string[] = [];
  const result = (ok: boolean): StackPlanResult => ({
    stack: stack.name,
    ok: ok && !diagnostics.some(isError),
    diagnostics,
    seconds: (Date.now() - started) / 1000,
  });
  const cwd = prepareStack(stack, root);

  const init = await run(binary, ["init", "-input=false", "-no-color"], cwd, env);
  diagnostics.push(...parseHumanDiagnostics(init.stderr));
  if (init.code !== 0) {
    if (!diagnostics.some(isError)) diagnostics.push(`Error: terraform init failed (exit ${init.code})\n${init.stderr.trim()}`);
    return result(false);
  }

  const validate = await run(binary, ["validate", "-json", "-no-color"], cwd, env);
  let parsed: { valid?: boolean; diagnostics?: JsonDiagnostic[] } | undefined;
  try {
    parsed = JSON.parse(validate.stdout);
  } catch {
    parsed = undefined;
  }
  if (parsed?.diagnostics) diagnostics.push(...parsed.diagnostics.map(formatJsonDiagnostic));
  else diagnostics.push(...parseHumanDiagnostics(validate.stderr + validate.stdout));
  if (validate.code !== 0) {
    if (!diagnostics.some(isError)) diagnostics.push(`Error: terraform validate failed (exit ${validate.code})\n${validate.stderr.trim()}`);
    return result(false);
  }

  const plan = await run(binary, ["plan", "-refresh=false", "-input=false", "-lock=false", "-no-color"], cwd, env);
  // validate's warnings come again from plan: keep each once.
  for (const d of parseHumanDiagnostics(plan.stderr)) if (!diagnostics.includes(d)) diagnostics.push(d);
  if (plan.code !== 0 && !diagnostics.some(isError)) {
    diagnostics.push(`Error: terraform plan failed (exit ${plan.code})\n${plan.stderr.trim()}`);
  }
  return result(plan.code === 0);
}

/** The stub's work: the union of what every stack uses, for the providers the registry knows. */
function stubRequests(stacks: readonly StackInput[], registry: SchemaRegistry): StubProviderRequest[] {
  const union = new Map<string, { resources: Set<string>; data: Set<string> }>();
  for (const stack of stacks) {
    for (const [name, use] of providersOf(stack.config)) {
      if (!registry.provider(name)) continue; // Terraform's init reports a provider nobody serves
      const u = union.get(name) ?? { resources: new Set<string>(), data: new Set<string>() };
      use.resources.forEach((t) => u.resources.add(t));
      use.data.forEach((t) => u.data.add(t));
      union.set(name, u);
    }
  }
  return [...union].map(([name, u]) => ({ name, resourceTypes: [...u.resources].sort(), dataSourceTypes: [...u.data].sort() }));
}

/**
 * Plans every selected stack with real Terraform against the stub provider.
 * Throws {@link OfflinePlanInputError} for bad input; Terraform's findings are in the results.
 */
export async function planOffline(options: PlanOfflineOptions): Promise<StackPlanResult[]> {
  const log = options.log ?? (() => undefined);
  const binaryName = options.terraformBinary ?? "terraform";
  const stacks = readStacks(options.outdir, options.stacks);
  const registry = options.registry ?? defaultSchemaRegistry();
  const binary = findExecutable(binaryName);
  if (!binary) {
    throw new OfflinePlanInputError(
      binaryName.includes(path.sep)
        ? `${binaryName}: terraform binary not found or not executable`
        : `${binaryName}: not found on PATH (install Terraform >= 1.11 or pass --terraform BIN)`,
    );
  }

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startStubServer, providerAddress } = require("./stub-provider") as typeof import("./stub-provider");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tfoff-"));
  let server: StubServer | undefined;
  try {
    const t0 = Date.now();
    server = await startStubServer({ registry, providers: stubRequests(stacks, registry), socketDir: root });
    log(`stub provider: ${Object.keys(server.reattach).join(", ") || "no providers"} (${Date.now() - t0} ms)`);

    // A stack may name a served provider by another source spelling (`azurerm` vs `hashicorp/azurerm`).
    const reattach: Record<string, unknown> = { ...server.reattach };
    for (const stack of stacks) {
      for (const [name, use] of providersOf(stack.config)) {
        const schema = registry.provider(name);
        if (!schema || !use.source) continue;
        const served = server.reattach[providerAddress(schema.source)];
        if (served) reattach[providerAddress(use.source)] ??= served;
      }
    }

    const cliConfig = path.join(root, "offline.tfrc");
    // No registry is reachable: a provider the stub does not serve fails init at once.
    fs.writeFileSync(cliConfig, 'provider_installation {\n  direct {\n    exclude = ["*/*/*"]\n  }\n}\n');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TF_REATTACH_PROVIDERS: JSON.stringify(reattach),
      TF_CLI_CONFIG_FILE: cliConfig,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
    };
    delete env.TF_PLUGIN_CACHE_DIR;
    delete env.TF_WORKSPACE;
    delete env.TF_DATA_DIR;

    const results: StackPlanResult[] = new Array(stacks.length);
    let next = 0;
    const worker = async () => {
      while (next < stacks.length) {
        const i = next++;
        results[i] = await planStack(stacks[i], root, binary, env);
        log(`${results[i].ok ? "ok  " : "FAIL"} ${stacks[i].name} (${results[i].seconds.toFixed(1)} s)`);
      }
    };
    const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, stacks.length));
    await Promise.all(Array.from({ length: concurrency }, worker));
    return results;
  } finally {
    await server?.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
