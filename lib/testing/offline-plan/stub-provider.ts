/**
 * A schema-serving stub Terraform provider: a gRPC server (tfplugin6, protocol 6.8) that answers from a
 * {@link SchemaRegistry} instead of a cloud API, so that real Terraform can init, validate and plan offline.
 *
 * One server runs in the calling Node process and listens on one unix socket per provider; Terraform
 * reaches it through `TF_REATTACH_PROVIDERS` (an "unmanaged" provider: Terraform neither downloads nor
 * starts nor stops it, and reattach connections use no go-plugin mTLS).
 *
 * It judges nothing itself: every diagnostic comes from Terraform core checking the configuration against
 * the served schemas (unknown/missing arguments, types, references, for_each, ...).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { BlockSchema, CtyType, NestedBlockSchema, ProviderSchema, SchemaRegistry } from "../schema/types";
import { ctyFromJson, CtyValue, decodeCty, encodeCty } from "./cty-msgpack";
import { importedObject, impliedType, planObject, readDataObject } from "./stub-values";
import { GO_PLUGIN_PROTO, HEALTH_PROTO, TFPLUGIN6_PROTO } from "./tfplugin6.proto";
import { DefenderTestingError } from "../../core/errors";

/** One provider the stub serves, and the types it serves of it. */
export interface StubProviderRequest {
  /** Local name in the registry (`azurerm`, `azapi`, ...). */
  readonly name: string;
  /** Managed resource types to serve (types the registry lacks are left out: Terraform reports them). */
  readonly resourceTypes: readonly string[];
  /** Data source types to serve. */
  readonly dataSourceTypes: readonly string[];
}

export interface StubServerOptions {
  readonly registry: SchemaRegistry;
  readonly providers: readonly StubProviderRequest[];
  /** Directory for the sockets; default: a new temp dir, removed by close(). */
  readonly socketDir?: string;
}

/** `TF_REATTACH_PROVIDERS` entry (go-plugin ReattachConfig as Terraform's main.go parses it). */
export interface ReattachConfig {
  readonly Protocol: "grpc";
  readonly ProtocolVersion: 6;
  readonly Pid: number;
  readonly Test: true;
  readonly Addr: { readonly Network: "unix"; readonly String: string };
}

export interface StubServer {
  /** Reattach entries by full provider address (`registry.terraform.io/hashicorp/azurerm`). */
  readonly reattach: { readonly [address: string]: ReattachConfig };
  /** The value for `TF_REATTACH_PROVIDERS`. */
  readonly reattachEnv: string;
  /** RPC calls answered so far, by method name. */
  readonly calls: { readonly [method: string]: number };
  close(): Promise<void>;
}

/** Full registry address of a provider source (`hashicorp/azurerm` → `registry.terraform.io/hashicorp/azurerm`). */
export function providerAddress(source: string): string {
  const parts = source.toLowerCase().split("/");
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `registry.terraform.io/${parts[0]}/${parts[1]}`;
  return parts.join("/");
}

type Grpc = typeof import("@grpc/grpc-js");
type ProtoLoader = typeof import("@grpc/proto-loader");

interface DynamicValueMsg {
  msgpack?: Buffer;
  json?: Buffer;
}
interface DiagnosticMsg {
  severity: "ERROR" | "WARNING";
  summary: string;
  detail?: string;
}

function decodeDynamic(dv: DynamicValueMsg | null | undefined, type: CtyType): CtyValue {
  if (dv?.msgpack && dv.msgpack.length > 0) return decodeCty(dv.msgpack, type);
  if (dv?.json && dv.json.length > 0) return ctyFromJson(JSON.parse(dv.json.toString("utf8")), type);
  return null;
}

function dynamic(value: CtyValue, type: CtyType): DynamicValueMsg {
  return { msgpack: Buffer.from(encodeCty(value, type)) };
}

function errorDiag(summary: string, detail?: string): DiagnosticMsg {
  return { severity: "ERROR", summary, detail };
}

const NESTING: Record<NestedBlockSchema["nesting"], string> = {
  single: "SINGLE",
  group: "GROUP",
  list: "LIST",
  set: "SET",
  map: "MAP",
};

/** tfplugin6 `Schema.Block` of a block; min/max items made valid for Terraform's schema check. */
function blockMessage(block: BlockSchema): object {
  return {
    version: 0,
    attributes: Object.entries(block.attributes).map(([name, a]) => ({
      name,
      type: Buffer.from(JSON.stringify(a.type)),
      required: !!a.required,
      optional: !!a.optional && !a.required,
      computed: !!a.computed && !a.required,
      sensitive: !!a.sensitive,
    })),
    block_types: Object.entries(block.blockTypes).map(([name, nb]) => {
      let min = nb.minItems ?? 0;
      let max = nb.maxItems ?? 0;
      if (nb.nesting === "single") {
        min = Math.min(min, 1);
        max = min;
      } else if (nb.nesting === "group" || nb.nesting === "map") {
        min = 0;
        max = 0;
      } else if (max !== 0 && min > max) {
        min = max;
      }
      return { type_name: name, block: blockMessage(nb.block), nesting: NESTING[nb.nesting], min_items: min, max_items: max };
    }),
  };
}

function schemaMessage(block: BlockSchema): object {
  return { version: 0, block: blockMessage(block) };
}

/** The gRPC service implementation for one provider. */
function providerImplementation(schema: ProviderSchema, request: StubProviderRequest, count: (method: string) => void) {
  const resources = new Map<string, BlockSchema>();
  for (const t of request.resourceTypes) {
    const b = schema.resource(t);
    if (b) resources.set(t, b);
  }
  const dataSources = new Map<string, BlockSchema>();
  for (const t of request.dataSourceTypes) {
    const b = schema.dataSource(t);
    if (b) dataSources.set(t, b);
  }
  const providerType = impliedType(schema.provider);
  // The schemas never change while the server runs: Terraform may reuse the first answer (within one command).
  const capabilities = { plan_destroy: false, get_provider_schema_optional: true, move_resource_state: false };
  let schemaResponse: object | undefined;

  type Callback = (err: Error | null, response?: object) => void;
  type Call = { request: Record<string, unknown> };
  /** Wraps a handler: counts it, and turns a thrown error into an error diagnostic. */
  const rpc =
    (method: string, handler: (req: Record<string, unknown>) => object) =>
    (call: Call, callback: Callback): void => {
      count(method);
      try {
        callback(null, handler(call.request));
      } catch (e) {
        callback(null, { diagnostics: [errorDiag(`stub provider ${schema.source}: ${method} failed`, (e as Error).message)] });
      }
    };
  const resource = (typeName: unknown): BlockSchema => {
    const b = resources.get(String(typeName));
    if (!b) throw new DefenderTestingError(`the stub does not serve resource type ${String(typeName)}`);
    return b;
  };
  const dataSource = (typeName: unknown): BlockSchema => {
    const b = dataSources.get(String(typeName));
    if (!b) throw new DefenderTestingError(`the stub does not serve data source type ${String(typeName)}`);
    return b;
  };

  return {
    GetMetadata: rpc("GetMetadata", () => ({
      server_capabilities: capabilities,
      diagnostics: [],
      resources: [...resources.keys()].map((type_name) => ({ type_name })),
      data_sources: [...dataSources.keys()].map((type_name) => ({ type_name })),
      functions: [],
    })),
    GetProviderSchema: rpc("GetProviderSchema", () =>
      (schemaResponse ??= {
        provider: schemaMessage(schema.provider),
        resource_schemas: Object.fromEntries([...resources].map(([t, b]) => [t, schemaMessage(b)])),
        data_source_schemas: Object.fromEntries([...dataSources].map(([t, b]) => [t, schemaMessage(b)])),
        functions: {},
        diagnostics: [],
        server_capabilities: capabilities,
      }),
    ),
    ValidateProviderConfig: rpc("ValidateProviderConfig", () => ({ diagnostics: [] })),
    ValidateResourceConfig: rpc("ValidateResourceConfig", () => ({ diagnostics: [] })),
    ValidateDataResourceConfig: rpc("ValidateDataResourceConfig", () => ({ diagnostics: [] })),
    ConfigureProvider: rpc("ConfigureProvider", (req) => {
      decodeDynamic(req.config as DynamicValueMsg, providerType); // the config must at least decode
      return { diagnostics: [] };
    }),
    UpgradeResourceState: rpc("UpgradeResourceState", (req) => {
      const block = resource(req.type_name);
      const type = impliedType(block);
      const raw = req.raw_state as { json?: Buffer; flatmap?: Record<string, string> } | undefined;
      if (!raw?.json || raw.json.length === 0) {
        return { diagnostics: [errorDiag("The stub provider cannot upgrade flatmap (pre-0.12) state")] };
      }
      const value = ctyFromJson(JSON.parse(raw.json.toString("utf8")), type);
      return { upgraded_state: dynamic(value, type), diagnostics: [] };
    }),
    ReadResource: rpc("ReadResource", (req) => {
      const type = impliedType(resource(req.type_name));
      const state = decodeDynamic(req.current_state as DynamicValueMsg, type);
      return { new_state: dynamic(state, type), private: req.private, diagnostics: [] };
    }),
    PlanResourceChange: rpc("PlanResourceChange", (req) => {
      const block = resource(req.type_name);
      const type = impliedType(block);
      const proposed = decodeDynamic(req.proposed_new_state as DynamicValueMsg, type);
      return {
        planned_state: dynamic(planObject(block, proposed), type),
        requires_replace: [],
        planned_private: req.prior_private,
        diagnostics: [],
        // Unknown blocks (see planObject) are what SDKv2 providers plan; Terraform tolerates them under this flag.
        legacy_type_system: true,
      };
    }),
    ApplyResourceChange: rpc("ApplyResourceChange", () => ({
      diagnostics: [
        errorDiag(
          `The offline stub provider ${schema.source} cannot apply`,
          "It serves schemas so that Terraform can validate and plan offline; apply with the real provider.",
        ),
      ],
    })),
    ImportResourceState: rpc("ImportResourceState", (req) => {
      const block = resource(req.type_name);
      const type = impliedType(block);
      return {
        imported_resources: [{ type_name: req.type_name, state: dynamic(importedObject(block, String(req.id)), type) }],
        diagnostics: [],
      };
    }),
    MoveResourceState: rpc("MoveResourceState", () => ({
      diagnostics: [errorDiag(`The offline stub provider ${schema.source} cannot move resource state between types`)],
    })),
    ReadDataSource: rpc("ReadDataSource", (req) => {
      const block = dataSource(req.type_name);
      const type = impliedType(block);
      const config = decodeDynamic(req.config as DynamicValueMsg, type);
      return { state: dynamic(readDataObject(block, config), type), diagnostics: [] };
    }),
    GetFunctions: rpc("GetFunctions", () => ({ functions: {}, diagnostics: [] })),
    StopProvider: rpc("StopProvider", () => ({ Error: "" })),
  };
}

interface Loaded {
  grpc: Grpc;
  packages: any;
}

/** Loads grpc-js and the protos (lazily: only when a server starts). */
function load(dir: string): Loaded {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const grpc = require("@grpc/grpc-js") as Grpc;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const protoLoader = require("@grpc/proto-loader") as ProtoLoader;
  const files: string[] = [];
  for (const [name, text] of [
    ["tfplugin6.proto", TFPLUGIN6_PROTO],
    ["go-plugin.proto", GO_PLUGIN_PROTO],
    ["health.proto", HEALTH_PROTO],
  ]) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    files.push(file);
  }
  const definition = protoLoader.loadSync(files, { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true });
  return { grpc, packages: grpc.loadPackageDefinition(definition) };
}

/** Starts the stub: one gRPC server per provider, each on its own unix socket. */
export async function startStubServer(options: StubServerOptions): Promise<StubServer> {
  const ownDir = options.socketDir === undefined;
  // Unix socket paths are limited to ~107 bytes: keep the directory short.
  const dir = options.socketDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "tfstub-"));
  const { grpc, packages } = load(dir);
  const calls: Record<string, number> = {};
  const count = (method: string) => {
    calls[method] = (calls[method] ?? 0) + 1;
  };
  const servers: InstanceType<Grpc["Server"]>[] = [];
  const reattach: Record<string, ReattachConfig> = {};

  const goPlugin = {
    StartStream: (stream: { on(e: string, f: () => void): void; end(): void }) => {
      stream.on("data", () => undefined);
      stream.on("end", () => stream.end());
      stream.on("error", () => undefined);
    },
  };
  const stdio = {
    StreamStdio: (stream: { on(e: string, f: () => void): void; end(): void }) => {
      // Nothing to forward: the stub writes no output. Keep the stream open until the client leaves.
      stream.on("cancelled", () => stream.end());
      stream.on("error", () => undefined);
    },
  };
  const controller = {
    // A reattached provider outlives its clients: Shutdown is acknowledged and ignored.
    Shutdown: (_call: unknown, callback: (e: null, r: object) => void) => callback(null, {}),
  };
  const health = {
    Check: (_call: unknown, callback: (e: null, r: object) => void) => callback(null, { status: "SERVING" }),
  };

  try {
    for (const request of options.providers) {
      const schema = options.registry.provider(request.name);
      if (!schema) throw new DefenderTestingError(`the schema registry has no provider "${request.name}"`);
      const server = new grpc.Server({ "grpc.max_receive_message_length": -1, "grpc.max_send_message_length": -1 });
      server.addService(packages.tfplugin6.Provider.service, providerImplementation(schema, request, count));
      server.addService(packages.plugin.GRPCBroker.service, goPlugin);
      server.addService(packages.plugin.GRPCStdio.service, stdio);
      server.addService(packages.plugin.GRPCController.service, controller);
      server.addService(packages.grpc.health.v1.Health.service, health);
      const socket = path.join(dir, `${request.name}.sock`);
      await new Promise<void>((resolve, reject) =>
        server.bindAsync(`unix:${socket}`, grpc.ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve())),
      );
      servers.push(server);
      reattach[providerAddress(schema.source)] = {
        Protocol: "grpc",
        ProtocolVersion: 6,
        Pid: process.pid,
        Test: true,
        Addr: { Network: "unix", String: socket },
      };
    }
  } catch (e) {
    for (const s of servers) s.forceShutdown();
    if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }

  return {
    reattach,
    reattachEnv: JSON.stringify(reattach),
    calls,
    async close() {
      for (const s of servers) s.forceShutdown();
      if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
