#!/usr/bin/env node
// `defender-coverage [dir] [--json] [--fail-on-gaps]`: the Defender coverage of a cdktf output
// directory as a Markdown table (for a pull-request comment) or JSON.
import { buildCoverageReport, Coverage, COVERAGE_COLUMNS, CoverageColumn } from "./coverage-report";
import { parseCommandLine } from "../core/private/command-line";
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
  let parsed;
  try {
    parsed = parseCommandLine(
      argv,
      { json: { type: "boolean", default: false }, "fail-on-gaps": { type: "boolean", default: false }, ignore: { type: "string", multiple: true, default: [] }, help: { type: "boolean", short: "h", default: false } },
      1,
    );
  } catch (error) {
    stderr.write(`defender-coverage: ${(error as Error).message}\n\n${USAGE}`);
    return CoverageExitCode.USAGE;
  }
  const { values, positionals: positional } = parsed;
  if (values.help) {
    stdout.write(USAGE);
    return CoverageExitCode.OK;
  }
  const ignore: CoverageColumn[] = [];
  for (const column of values.ignore.flatMap((value) => value.split(","))) {
    if (!(COVERAGE_COLUMNS as readonly string[]).includes(column)) {
      stderr.write(`defender-coverage: --ignore: got ${JSON.stringify(column)}; expected one of ${COVERAGE_COLUMNS.join(", ")}\n`);
      return CoverageExitCode.USAGE;
    }
    ignore.push(column as CoverageColumn);
  }
  const json = values.json;
  const failOnGaps = values["fail-on-gaps"];
  let report;
  try {
    report = buildCoverageReport(positional[0] ?? "cdktf.out", { ignore });
  } catch (error) {
    stderr.write(`defender-coverage: ${(error as Error).message}\n`);
    return CoverageExitCode.USAGE;
  }
  stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : renderMarkdown(report));
  if (failOnGaps && report.clusters.length === 0 && report.stacks.every((s) => s.containersPlan === Coverage.NOT_APPLICABLE)) {
    // A gate that passes on an empty or mistyped directory protects nothing.
    stderr.write(`defender-coverage: ${positional[0] ?? "cdktf.out"}: nothing to check (no cluster and no Azure stack); expected at least one with --fail-on-gaps.\n`);
    return CoverageExitCode.GAPS;
  }
  return failOnGaps && report.gapCount > 0 ? CoverageExitCode.GAPS : CoverageExitCode.OK;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
