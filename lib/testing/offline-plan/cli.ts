#!/usr/bin/env node
/**
 * `defender-plan-offline [--out cdktf.out] [--stack NAME ...] [--terraform BIN]`: real Terraform
 * (init, validate, plan -refresh=false) on every stack of a cdktf output directory, offline, with the
 * providers served by the schema-serving stub.
 *
 * Exit codes:
 *   0  every stack passed Terraform's checks
 *   1  at least one stack failed them (Terraform's diagnostics are printed under its FAIL line)
 *   2  usage or input error: bad arguments, missing output dir or manifest, bad JSON, unknown stack,
 *      no terraform binary, no schema registry (one line on stderr, no stack trace)
 */
import { parseCommandLine, positiveIntegerOption } from "../../core/private/command-line";
import { defaultSchemaRegistry } from "../schema/registry";
import type { SchemaRegistry } from "../schema/types";
import { OfflinePlanInputError, planOffline, StackPlanResult } from "./plan-offline";

export enum PlanOfflineExitCode {
  OK = 0,
  FAILED = 1,
  USAGE = 2,
}

export interface CliOutput {
  write(text: string): unknown;
}

export const USAGE = `Usage: defender-plan-offline [--out cdktf.out] [--stack NAME ...] [--terraform BIN]

Runs terraform init, validate and plan -refresh=false on every stack of a cdktf output directory,
offline: the providers are a local stub serving their schemas, the backends are local state in a
temporary copy. Prints one line per stack and Terraform's own diagnostics.

  --out DIR        cdktf output directory (default: cdktf.out)
  --stack NAME     plan only this stack (repeatable)
  --terraform BIN  Terraform binary (default: terraform on PATH)
  --concurrency N  stacks planned at once (default: 4)
`;

interface Args {
  readonly out: string;
  readonly stacks: readonly string[];
  readonly terraform?: string;
  readonly concurrency?: number;
  readonly help: boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  const { values } = parseCommandLine(
    argv,
    {
      out: { type: "string", default: "cdktf.out" },
      stack: { type: "string", multiple: true, default: [] },
      terraform: { type: "string" },
      concurrency: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    0,
  );
  return { out: values.out, stacks: values.stack, terraform: values.terraform, concurrency: positiveIntegerOption("concurrency", values.concurrency), help: values.help };
}

function formatResult(r: StackPlanResult): string {
  const lines = [`${r.ok ? "ok  " : "FAIL"} ${r.stack} (${r.seconds.toFixed(1)} s)`];
  for (const d of r.diagnostics) lines.push(...d.split("\n").map((l) => `    ${l}`), "");
  return lines.join("\n") + "\n";
}

/**
 * Runs the command. `registry` is the schema registry the stub serves (the bin passes the default one,
 * derived from the installed provider packages).
 */
export async function runCli(
  argv: readonly string[],
  registry: SchemaRegistry | (() => SchemaRegistry),
  out: CliOutput = process.stdout,
  err: CliOutput = process.stderr,
): Promise<PlanOfflineExitCode> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    err.write(`defender-plan-offline: ${(e as Error).message}\n${USAGE}`);
    return PlanOfflineExitCode.USAGE;
  }
  if (args.help) {
    out.write(USAGE);
    return PlanOfflineExitCode.OK;
  }
  try {
    const results = await planOffline({
      outdir: args.out,
      stacks: args.stacks,
      registry: typeof registry === "function" ? registry() : registry,
      terraformBinary: args.terraform,
      concurrency: args.concurrency,
    });
    for (const r of results) out.write(formatResult(r));
    const failed = results.filter((r) => !r.ok).length;
    out.write(`${results.length - failed} of ${results.length} stack(s) passed\n`);
    return failed > 0 ? PlanOfflineExitCode.FAILED : PlanOfflineExitCode.OK;
  } catch (e) {
    if (e instanceof OfflinePlanInputError) {
      err.write(`defender-plan-offline: ${e.message}\n`);
      return PlanOfflineExitCode.USAGE;
    }
    err.write(`defender-plan-offline: ${(e as Error).message?.split("\n")[0] ?? String(e)}\n`);
    return PlanOfflineExitCode.USAGE;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2), defaultSchemaRegistry).then((code) => {
    process.exitCode = code;
  });
}
