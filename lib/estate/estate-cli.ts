#!/usr/bin/env node
// `defender-estate shards <file> [--count n]` and `defender-estate github-actions --shards n`: plan how an
// estate splits across CI machines, and write the matrix workflow that does it.
import { CommandLineError, parseCommandLine, positiveIntegerOption } from "../core/private/command-line";
import { estateGithubActionsWorkflow } from "./estate-ci-matrix";
import { planEstateShards } from "./estate-selection";
import { loadEstateDescription } from "./load-estate-description";

/** Where the command writes. */
export interface EstateCliOutput {
  write(text: string): unknown;
}

export const ESTATE_USAGE = `Usage:
  defender-estate shards <estate.yaml> [--count n]   every shard's units (JSON), default 4 shards
  defender-estate github-actions [--shards n] [--synth <command>] [--outdir <dir>]
                                                      a GitHub Actions matrix workflow (YAML), default 4 shards

A job synthesizes one shard when DEFENDER_ESTATE_SHARD=i/n is set (DefenderEstate reads it).
`;

/** Runs the command with `argv` (without node and the script) and returns the exit code (0, or 2 for bad usage). */
export function runEstateCli(argv: readonly string[], stdout: EstateCliOutput = process.stdout, stderr: EstateCliOutput = process.stderr): number {
  try {
    const { values, positionals } = parseCommandLine(argv, { count: { type: "string" }, shards: { type: "string" }, synth: { type: "string" }, outdir: { type: "string" } }, 2);
    const [command, file] = positionals;
    if (command === "shards" && file !== undefined && values.shards === undefined && values.synth === undefined && values.outdir === undefined) {
      const shards = planEstateShards(loadEstateDescription(file), positiveIntegerOption("count", values.count, 4));
      stdout.write(`${JSON.stringify(shards.map((units, i) => ({ shard: `${i + 1}/${shards.length}`, units: units.map((u) => u.id) })), null, 2)}\n`);
      return 0;
    }
    if (command === "github-actions" && file === undefined && values.count === undefined) {
      stdout.write(estateGithubActionsWorkflow({ shards: positiveIntegerOption("shards", values.shards, 4), synthCommand: values.synth, outdir: values.outdir }));
      return 0;
    }
  } catch (error) {
    stderr.write(`defender-estate: ${(error as Error).message}\n${error instanceof CommandLineError ? ESTATE_USAGE : ""}`);
    return 2;
  }
  stderr.write(ESTATE_USAGE);
  return 2;
}

if (require.main === module) {
  process.exitCode = runEstateCli(process.argv.slice(2));
}
