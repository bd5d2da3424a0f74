import { COVERAGE_COLUMN_TITLES, COVERAGE_COLUMNS, Coverage, CoverageReport } from "./coverage-report";

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /**
   * Heading above the table; empty for none.
   * @default "Defender for Containers coverage"
   */
  readonly title?: string;
}

const MARK: Readonly<Record<Coverage, string>> = {
  [Coverage.YES]: "✓",
  [Coverage.NO]: "✗",
  [Coverage.NOT_APPLICABLE]: "—",
  [Coverage.EXCLUDED]: "excluded",
};

/** Legend printed under the table. */
export const COVERAGE_LEGEND =
  "✓ configured · ✗ missing · excluded: kept off the sensor by the ms_defender_container_exclude_sensors tag · — not applicable or not managed in these stacks";

/**
 * The report as Markdown for a pull-request comment: one row per cluster, a line for the
 * Containers plan of each Azure stack, and a summary. Deterministic for a given report.
 */
export function renderMarkdown(report: CoverageReport, options: MarkdownOptions = {}): string {
  const title = options.title ?? "Defender for Containers coverage";
  const lines: string[] = [];
  if (title) lines.push(`### ${title}`, "");
  if (report.clusters.length === 0) {
    lines.push(`No Kubernetes clusters found in ${plural(report.stacks.length, "stack")}.`);
  } else {
    const columns = COVERAGE_COLUMNS.filter((column) => !(report.ignoredColumns ?? []).includes(column));
    const header = ["Stack", "Cluster", "Kind", ...columns.map((column) => COVERAGE_COLUMN_TITLES[column])];
    lines.push(tableRow(header), tableRow(header.map(() => "---")));
    for (const cluster of report.clusters) {
      lines.push(tableRow([cluster.stack, cluster.name, cluster.kind, ...columns.map((column) => MARK[cluster[column]])]));
    }
  }
  // Stacks with Azure clusters, and stacks that hold a plan for others.
  const planStacks = report.stacks.filter((stack) => stack.containersPlan !== Coverage.NOT_APPLICABLE || stack.definesContainersPlan);
  if (planStacks.length > 0) {
    const marks = planStacks.map((stack) => `${escapeCell(stack.name)} ${stack.definesContainersPlan ? MARK[Coverage.YES] : MARK[stack.containersPlan]}`);
    lines.push("", `Containers plan (Standard): ${marks.join(" · ")}`);
  }
  const withGaps = report.clusters.filter((cluster) => cluster.gaps.length > 0).length;
  const missingPlans = planStacks.filter((stack) => stack.containersPlan === Coverage.NO).length;
  const excluded = report.clusters.filter((cluster) => cluster.sensor === Coverage.EXCLUDED).length;
  const summary = [`${plural(report.clusters.length, "cluster")}, ${withGaps === 0 ? "none" : withGaps} with gaps`];
  if (excluded > 0) summary.push(`${excluded} excluded from the sensor`);
  if (missingPlans > 0) summary.push(`${plural(missingPlans, "stack")} without a plan`);
  lines.push("", `${summary.join(", ")}. ${COVERAGE_LEGEND}.`);
  return `${lines.join("\n")}\n`;
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(" | ")} |`;
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
