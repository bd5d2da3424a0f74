// Real Terraform against the stub provider. Terraform must be on PATH: without it these tests fail,
// unless DEFENDER_ALLOW_NO_TERRAFORM=1, which skips them with a warning.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PlanOfflineExitCode, runCli, USAGE } from "../../../lib/testing/offline-plan/cli";
import { findExecutable, planOffline, StackPlanResult } from "../../../lib/testing/offline-plan/plan-offline";
import { fixtureRegistry } from "./fixtures";

const haveTerraform = findExecutable("terraform") !== undefined;
const allowMissing = process.env.DEFENDER_ALLOW_NO_TERRAFORM === "1";
if (!haveTerraform && allowMissing) {
  console.warn("offline-plan tests SKIPPED: terraform is not on PATH and DEFENDER_ALLOW_NO_TERRAFORM=1");
}
const tfTest = haveTerraform || !allowMissing ? test : test.skip;

test("terraform is on PATH (set DEFENDER_ALLOW_NO_TERRAFORM=1 to skip the Terraform tests)", () => {
  if (!haveTerraform && !allowMissing) {
    throw new Error(
      "terraform was not found on PATH: the offline-plan tests need Terraform >= 1.11. " +
        "Install it, or set DEFENDER_ALLOW_NO_TERRAFORM=1 to skip these tests.",
    );
  }
});

type Json = Record<string, unknown>;

/** A small aws + azurerm + azapi stack that is valid; each bad stack changes one thing. */
function validStack(): Json {
  return {
    terraform: {
      required_providers: {
        aws: { source: "aws", version: "6.0.0" },
        azurerm: { source: "azurerm", version: "4.55.0" },
        azapi: { source: "azure/azapi", version: "~> 2.4" },
      },
      backend: { s3: { bucket: "state", key: "k", region: "eu-west-1" } },
    },
    provider: { aws: [{ region: "eu-west-1" }], azurerm: [{ features: [{}] }], azapi: [{}] },
    data: { aws_caller_identity: { me: {} }, azurerm_client_config: { current: {} } },
    resource: {
      aws_iam_role: {
        reader: { name: "defender-reader", assume_role_policy: "{}", tags: { account: "${data.aws_caller_identity.me.account_id}" } },
      },
      aws_iam_role_policy_attachment: {
        attach: { role: "${aws_iam_role.reader.name}", policy_arn: "arn:aws:iam::aws:policy/SecurityAudit", depends_on: ["aws_iam_role.reader"] },
      },
      azurerm_resource_group: { rg: { name: "rg", location: "westeurope", tags: { tenant: "${data.azurerm_client_config.current.tenant_id}" } } },
      azurerm_kubernetes_cluster: {
        aks: {
          name: "aks",
          location: "westeurope",
          resource_group_name: "${azurerm_resource_group.rg.name}",
          default_node_pool: [{ name: "system", vm_size: "Standard_D2s_v5" }],
          identity: [{ type: "SystemAssigned" }],
        },
      },
      azapi_resource: {
        setting: {
          type: "Microsoft.Security/pricings@2024-01-01",
          name: "Containers",
          parent_id: "${azurerm_resource_group.rg.id}",
          body: { properties: { pricingTier: "Standard", extensions: [{ name: "ContainerSensor", isEnabled: "True" }] } },
        },
      },
    },
    import: [{ to: "aws_iam_role.reader", id: "defender-reader" }],
  };
}

type Edit = (stack: Json) => void;
const res = (s: Json) => s.resource as Record<string, Record<string, Json>>;

const STACKS: Record<string, Edit> = {
  valid: () => undefined,
  "unknown-argument": (s) => {
    res(s).aws_iam_role.reader.bogus_argument = "x";
  },
  "missing-required": (s) => {
    delete res(s).azurerm_resource_group.rg.location;
  },
  "wrong-type": (s) => {
    res(s).aws_iam_role.reader.name = ["a", "b"];
  },
  "depends-on-interpolated": (s) => {
    res(s).aws_iam_role_policy_attachment.attach.depends_on = ["${aws_iam_role.reader}"];
  },
  "for-each-unknown-keys": (s) => {
    res(s).aws_iam_role_policy_attachment.each = {
      for_each: "${toset([aws_iam_role.reader.arn])}",
      role: "reader",
      policy_arn: "${each.key}",
    };
  },
};

function writeOutdir(root: string, stacks: Record<string, Edit>): string {
  const outdir = path.join(root, "cdktf.out");
  const manifest: Record<string, Json> = {};
  for (const [name, edit] of Object.entries(stacks)) {
    const stack = validStack();
    edit(stack);
    fs.mkdirSync(path.join(outdir, "stacks", name), { recursive: true });
    fs.writeFileSync(path.join(outdir, "stacks", name, "cdk.tf.json"), JSON.stringify(stack, null, 2));
    manifest[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}` };
  }
  fs.writeFileSync(path.join(outdir, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks: manifest }));
  return outdir;
}

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "offline-plan-test-"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("planOffline with real Terraform", () => {
  let results: Map<string, StackPlanResult>;
  const log: string[] = [];
  beforeAll(async () => {
    if (!haveTerraform) return;
    const outdir = writeOutdir(path.join(root, "all"), STACKS);
    const list = await planOffline({ outdir, registry: fixtureRegistry(), log: (l) => log.push(l) });
    results = new Map(list.map((r) => [r.stack, r]));
  }, 20_000);
  const errors = (stack: string) => results.get(stack)!.diagnostics.filter((d) => d.startsWith("Error")).join("\n\n");

  tfTest("a valid stack (data sources, nested blocks, a dynamic azapi body, an import block) plans with no error", () => {
    const valid = results.get("valid")!;
    expect(valid.diagnostics).toEqual([]);
    expect(valid.ok).toBe(true);
    expect(valid.seconds).toBeGreaterThan(0);
    expect(log.some((l) => l.startsWith("stub provider: registry.terraform.io/"))).toBe(true);
  });

  tfTest("Terraform reports an unknown argument", () => {
    expect(results.get("unknown-argument")!.ok).toBe(false);
    expect(errors("unknown-argument")).toMatch(/No argument or block type is named "bogus_argument"/);
  });

  tfTest("Terraform reports a missing required argument", () => {
    expect(results.get("missing-required")!.ok).toBe(false);
    expect(errors("missing-required")).toMatch(/Missing required argument[\s\S]*The argument "location" is required/);
  });

  tfTest("Terraform reports a list where a string belongs", () => {
    expect(results.get("wrong-type")!.ok).toBe(false);
    expect(errors("wrong-type")).toMatch(/Incorrect attribute value type[\s\S]*Inappropriate value for attribute "name": string required/);
  });

  tfTest('Terraform reports depends_on written as "${aws_x.y}"', () => {
    expect(results.get("depends-on-interpolated")!.ok).toBe(false);
    expect(errors("depends-on-interpolated")).toMatch(/Invalid expression[\s\S]*A single static variable reference is required/);
  });

  tfTest("Terraform reports for_each keys that are unknown until apply", () => {
    expect(results.get("for-each-unknown-keys")!.ok).toBe(false);
    expect(errors("for-each-unknown-keys")).toMatch(/Invalid for_each argument[\s\S]*cannot be determined until apply/);
  });

  tfTest("diagnostics point at the stack's own cdk.tf.json lines (the backend is overridden, not edited out)", () => {
    const line = fs
      .readFileSync(path.join(root, "all", "cdktf.out", "stacks", "unknown-argument", "cdk.tf.json"), "utf8")
      .split("\n")
      .findIndex((l) => l.includes("bogus_argument"));
    expect(errors("unknown-argument")).toContain(`on cdk.tf.json line ${line + 1}`);
  });
});

describe("defender-plan-offline", () => {
  const cli = async (argv: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, fixtureRegistry(), { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
    return { code, stdout, stderr };
  };
  const oneLine = (text: string) => {
    expect(text.trim().split("\n")).toHaveLength(1);
    expect(text).not.toMatch(/\n\s+at /);
  };

  tfTest("exit 0 and an ok line when every stack passes, 1 and FAIL with diagnostics when one fails", async () => {
    const outdir = writeOutdir(path.join(root, "cli"), { valid: STACKS.valid, "unknown-argument": STACKS["unknown-argument"] });
    const passed = await cli(["--out", outdir, "--stack", "valid"]);
    expect(passed.code).toBe(PlanOfflineExitCode.OK);
    expect(passed.stdout).toMatch(/^ok {3}valid \(\d+\.\d s\)$/m);
    const failed = await cli(["--out", outdir]);
    expect(failed.code).toBe(PlanOfflineExitCode.FAILED);
    expect(failed.stdout).toMatch(/^FAIL unknown-argument/m);
    expect(failed.stdout).toMatch(/bogus_argument/);
  }, 15_000);

  test("a missing output dir is exit 2 with one line naming it", async () => {
    const r = await cli(["--out", path.join(root, "nowhere")]);
    expect(r.code).toBe(PlanOfflineExitCode.USAGE);
    oneLine(r.stderr);
    expect(r.stderr).toContain(path.join(root, "nowhere"));
  });

  test("a missing manifest, and a manifest that is not JSON, are exit 2 naming manifest.json", async () => {
    const dir = path.join(root, "bad-manifest");
    fs.mkdirSync(dir, { recursive: true });
    let r = await cli(["--out", dir]);
    expect(r.code).toBe(PlanOfflineExitCode.USAGE);
    oneLine(r.stderr);
    expect(r.stderr).toContain(path.join(dir, "manifest.json"));
    fs.writeFileSync(path.join(dir, "manifest.json"), "{ not json");
    r = await cli(["--out", dir]);
    expect(r.code).toBe(PlanOfflineExitCode.USAGE);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/manifest\.json: cdktf manifest is not valid JSON/);
  });

  test("a manifest without stacks, or with a null entry, is exit 2 naming manifest.json (nothing planned is not a pass)", async () => {
    const dir = path.join(root, "empty-manifest");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks: {} }));
    let r = await cli(["--out", dir]);
    expect(r.code).toBe(PlanOfflineExitCode.USAGE);
    expect(r.stderr).toBe(`defender-plan-offline: ${path.join(dir, "manifest.json")}: no stacks to plan (expected at least one stack in "stacks")\n`);
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks: { a: null } }));
    r = await cli(["--out", dir]);
    expect(r.code).toBe(PlanOfflineExitCode.USAGE);
    expect(r.stderr).toBe(`defender-plan-offline: ${path.join(dir, "manifest.json")}: stacks["a"]: got null; expected a stack entry object\n`);
  });

  test("a stack file that is missing or not JSON is exit 2 naming the file", async () => {
    const outdir = writeOutdir(path.join(root, "bad-stack"), { a: STACKS.valid, b: STACKS.valid });
    fs.rmSync(path.join(outdir, "stacks", "a", "cdk.tf.json"));
    fs.writeFileSync(path.join(outdir, "stacks", "b", "cdk.tf.json"), "[1,");
    let r = await cli(["--out", outdir, "--stack", "a"]);
    expect(r.code).toBe(PlanOfflineExitCode.USAGE);
    oneLine(r.stderr);
    expect(r.stderr).toContain(`${path.join(outdir, "stacks", "a", "cdk.tf.json")}: stack "a" not found`);
    r = await cli(["--out", outdir, "--stack", "b"]);
    expect(r.code).toBe(PlanOfflineExitCode.USAGE);
    oneLine(r.stderr);
    expect(r.stderr).toContain(`${path.join(outdir, "stacks", "b", "cdk.tf.json")}: stack "b" is not valid JSON`);
  });

  test("an unknown --stack, no terraform, and a bad argument are exit 2", async () => {
    const outdir = writeOutdir(path.join(root, "no-tf"), { a: STACKS.valid });
    let r = await cli(["--out", outdir, "--stack", "zzz"]);
    expect(r.code).toBe(PlanOfflineExitCode.USAGE);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/no stack named zzz \(stacks: a\)/);
    r = await cli(["--out", outdir, "--terraform", "terraform-that-does-not-exist"]);
    expect(r.code).toBe(PlanOfflineExitCode.USAGE);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/terraform-that-does-not-exist: not found on PATH/);
    r = await cli(["--out", outdir, "--terraform", path.join(root, "bin", "terraform")]);
    expect(r.code).toBe(PlanOfflineExitCode.USAGE);
    expect(r.stderr).toMatch(/terraform binary not found or not executable/);
    r = await cli(["--bogus"]);
    expect(r.code).toBe(PlanOfflineExitCode.USAGE);
    expect(r.stderr).toMatch(/^defender-plan-offline: unknown option --bogus\nUsage:/);
  });

  test.each([
    [["--out"], "Option '--out <value>' argument missing"],
    [["--out", "--stack", "a"], "Option '--out' argument is ambiguous."],
    [["--concurrency", "0"], '--concurrency: got "0"; expected a positive integer'],
    [["--concurrency", "2.5"], '--concurrency: got "2.5"; expected a positive integer'],
    [["cdktf.out"], 'unexpected argument "cdktf.out"'],
    [["--help=yes"], "Option '-h, --help' does not take an argument"],
  ])("bad arguments %j are exit 2 with one line and the usage", async (argv, message) => {
    const r = await cli(argv);
    expect(r).toEqual({ code: PlanOfflineExitCode.USAGE, stdout: "", stderr: `defender-plan-offline: ${message}\n${USAGE}` });
  });
});
