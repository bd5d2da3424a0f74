#!/usr/bin/env node
// `defender-estate shards <file> [--count n]` and `defender-estate github-actions --shards n`: plan how an
// estate splits across CI machines, and write the matrix workflow that does it.
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
  const [command, ...rest] = argv;
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i].startsWith("--")) options.set(rest[i].slice(2), rest[++i] ?? "");
    else positional.push(rest[i]);
  }
  const count = (key: string) => Number(options.get(key) ?? "4");
  try {
    if (command === "shards" && positional.length === 1) {
      const shards = planEstateShards(loadEstateDescription(positional[0]), count("count"));
      stdout.write(`${JSON.stringify(shards.map((units, i) => ({ shard: `${i + 1}/${shards.length}`, units: units.map((u) => u.id) })), null, 2)}\n`);
      return 0;
    }
    if (command === "github-actions" && positional.length === 0) {
      stdout.write(estateGithubActionsWorkflow({ shards: count("shards"), synthCommand: options.get("synth"), outdir: options.get("outdir") }));
      return 0;
    }
  } catch (error) {
    stderr.write(`defender-estate: ${(error as Error).message}\n`);
    return 2;
  }
  stderr.write(ESTATE_USAGE);
  return 2;
}

if (require.main === module) {
  process.exitCode = runEstateCli(process.argv.slice(2));
}
