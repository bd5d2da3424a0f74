#!/usr/bin/env node
// `defender-coverage [dir] [--json] [--fail-on-gaps]`: the Defender coverage of a cdktf output
// directory as a Markdown table (for a pull-request comment) or JSON.
import { buildCoverageReport, COVERAGE_COLUMNS, CoverageColumn } from "./coverage-report";
import { renderMarkdown } from "./coverage-markdown";

/** Exit codes of the command. */
export enum CoverageExitCode {
  OK = 0,
  /** `--fail-on-gaps` and at least one gap. */
  GAPS = 1,
  /** Bad arguments, or no readable cdktf output. */
  USAGE = 2,
}

/** Where the command writes. */
export interface CliOutput {
  write(text: string): unknown;
}

export const USAGE = `Usage: defender-coverage [dir] [--json] [--fail-on-gaps] [--ignore <column>,...]

Reads a cdktf output directory (default: cdktf.out; run \`cdktf synth\` first) and prints the
Defender for Containers coverage of every cluster as a Markdown table, or as JSON with --json.

  dir             cdktf output directory, or the project directory holding cdktf.out/
  --json          print the report as JSON instead of Markdown
  --fail-on-gaps  exit with code 1 when a cluster has a gap or an Azure stack has no plan
                  (a cluster tagged ms_defender_container_exclude_sensors=true without a
                  sensor is "excluded", not a gap)
  --ignore cols   columns that are not gaps for you (left out of the table and the gaps):
                  ${COVERAGE_COLUMNS.join(", ")}
  -h, --help      print this help
`;

/** Runs the command with `argv` (without node and the script) and returns the exit code. */
export function main(argv: readonly string[], stdout: CliOutput = process.stdout, stderr: CliOutput = process.stderr): number {
  let json = false;
  let failOnGaps = false;
  const ignore: CoverageColumn[] = [];
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") json = true;
    else if (arg === "--ignore" || arg.startsWith("--ignore=")) {
      const value = arg === "--ignore" ? argv[++i] : arg.slice("--ignore=".length);
      for (const column of (value ?? "").split(",")) {
        if (!(COVERAGE_COLUMNS as readonly string[]).includes(column)) {
          stderr.write(`defender-coverage: --ignore: got ${JSON.stringify(column)}; expected one of ${COVERAGE_COLUMNS.join(", ")}\n`);
          return CoverageExitCode.USAGE;
        }
        ignore.push(column as CoverageColumn);
      }
    } else if (arg === "--fail-on-gaps") failOnGaps = true;
    else if (arg === "-h" || arg === "--help") {
      stdout.write(USAGE);
      return CoverageExitCode.OK;
    } else if (arg.startsWith("-")) {
      stderr.write(`defender-coverage: unknown option ${arg}\n\n${USAGE}`);
      return CoverageExitCode.USAGE;
    } else positional.push(arg);
  }
  if (positional.length > 1) {
    stderr.write(`defender-coverage: expected at most one directory, got ${positional.length}\n\n${USAGE}`);
    return CoverageExitCode.USAGE;
  }
  let report;
  try {
    report = buildCoverageReport(positional[0] ?? "cdktf.out", { ignore });
  } catch (error) {
    stderr.write(`defender-coverage: ${(error as Error).message}\n`);
    return CoverageExitCode.USAGE;
  }
  stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : renderMarkdown(report));
  return failOnGaps && report.gapCount > 0 ? CoverageExitCode.GAPS : CoverageExitCode.OK;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
