import { rmSync } from "fs";
import { stacksIn, synthesizeExamples } from "./examples-output";

/** References to attributes that hold secrets. */
const SECRET_REFERENCE = /\.(primary_shared_key|secondary_shared_key|primary_connection_string|secondary_connection_string|primary_key|secondary_key|kube_config_raw|kube_admin_config_raw|client_key|client_certificate|password)\b|omsagent\.secret\.key/;

/** Places a secret may go: fields the providers treat as sensitive / write-only. */
const ALLOWED_CONTAINERS = new Set(["configuration_protected_settings", "set_sensitive", "sensitive_body", "connection_string"]);

/** Every path in `value` whose string contains a secret reference, outside the allowed containers. */
export function findSecretLeaks(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return SECRET_REFERENCE.test(value) ? [path.join(".")] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => findSecretLeaks(item, [...path, String(i)]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => (ALLOWED_CONTAINERS.has(key) ? [] : findSecretLeaks(item, [...path, key])));
  }
  return [];
}

describe("secrets in synthesized examples", () => {
  let outdir: string;
  let stacks: Record<string, any>;
  beforeAll(() => {
    outdir = synthesizeExamples();
    stacks = stacksIn(outdir);
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test("no output exposes a secret, sensitive or not", () => {
    for (const [name, stack] of Object.entries(stacks)) {
      const leaks = Object.entries<any>(stack.output ?? {}).filter(([, output]) => SECRET_REFERENCE.test(JSON.stringify(output.value)));
      expect({ stack: name, leaks: leaks.map(([key]) => key) }).toEqual({ stack: name, leaks: [] });
    }
  });

  test("secrets appear only in sensitive or protected fields", () => {
    for (const [name, stack] of Object.entries(stacks)) {
      expect({ stack: name, leaks: findSecretLeaks({ resource: stack.resource, data: stack.data, locals: stack.locals }) }).toEqual({ stack: name, leaks: [] });
    }
  });

  test("the scanner finds a key in a plain setting and ignores it in a protected one", () => {
    const key = "${azurerm_log_analytics_workspace.ws.primary_shared_key}";
    expect(findSecretLeaks({ r: { configuration_settings: { k: key } } })).toEqual(["r.configuration_settings.k"]);
    expect(findSecretLeaks({ r: { configuration_protected_settings: { k: key } } })).toEqual([]);
    expect(findSecretLeaks({ r: { set: [{ name: "omsagent.secret.key", value: "x" }] } })).toEqual(["r.set.0.name"]);
  });
});
