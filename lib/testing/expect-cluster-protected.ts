import { TerraformStack } from "cdktf";
import { existsSync } from "fs";
import {
  buildCoverageReport,
  ClusterCoverage,
  ClusterKind,
  COVERAGE_COLUMN_TITLES,
  COVERAGE_COLUMNS,
  Coverage,
  coverageOfStacks,
  CoverageReport,
  TerraformJson,
} from "./coverage-report";
import { DefenderSynth, synthesizeForDefender } from "./synthesize-for-defender";
import { DefenderTestingError } from "../core/errors";

/** What a cluster must have. A requirement only applies where the report does not mark it not applicable. */
export interface ProtectionRequirements {
  /**
   * The Defender sensor.
   * @default true
   */
  readonly sensor?: boolean;
  /**
   * The Azure Policy add-on / extension (AKS, Arc).
   * @default true
   */
  readonly policy?: boolean;
  /**
   * A chosen Log Analytics workspace (AKS, Arc).
   * @default true
   */
  readonly workspace?: boolean;
  /**
   * Agentless discovery (AKS, EKS, GKE).
   * @default true
   */
  readonly agentlessDiscovery?: boolean;
  /**
   * Audit logs (EKS `audit` log type).
   * @default true
   */
  readonly auditLogs?: boolean;
}

/**
 * Anything the Defender testing helpers accept: a {@link DefenderSynth}, a {@link CoverageReport},
 * a `TerraformStack` (synthesized on the spot), `Testing.synth` output (a JSON string), a parsed
 * stack JSON, or a cdktf output directory (`Testing.fullSynth`, `cdktf.out`).
 */
export type DefenderSynthInput = DefenderSynth | CoverageReport | TerraformStack | TerraformJson | string;

/** The coverage report of any {@link DefenderSynthInput}. */
export function coverageReportOf(input: DefenderSynthInput): CoverageReport {
  if (TerraformStack.isStack(input)) return synthesizeForDefender(input).report;
  if (typeof input === "string") {
    const text = input.trim();
    if (text.startsWith("{")) return coverageOfStacks({ stack: JSON.parse(text) as TerraformJson });
    if (existsSync(input)) return buildCoverageReport(input);
    throw new TypeError(`expected synthesized Terraform JSON or a cdktf output directory; got the string ${JSON.stringify(input.slice(0, 80))}`);
  }
  if (input !== null && typeof input === "object") {
    if ("report" in input && "stackName" in input) return (input as DefenderSynth).report;
    if ("clusters" in input && "stacks" in input) return input as CoverageReport;
    return coverageOfStacks({ stack: input as TerraformJson });
  }
  throw new TypeError(`expected a DefenderSynth, a coverage report, a TerraformStack, Terraform JSON or a directory; got ${String(input)}`);
}

/**
 * The one cluster called `cluster`: its name, its Terraform address, or `<stack>/<name>`.
 * Throws, listing the clusters there are, when none or several match.
 */
export function findCluster(report: CoverageReport, cluster: string, kind?: ClusterKind): ClusterCoverage {
  const candidates = report.clusters.filter((c) => kind === undefined || c.kind === kind);
  const matches = candidates.filter((c) => c.name === cluster || c.address === cluster || `${c.stack}/${c.name}` === cluster);
  if (matches.length === 1) return matches[0];
  const known = candidates.map((c) => `${c.stack}/${c.name}`).join(", ") || "none";
  const what = kind ? `${kind} cluster` : "cluster";
  if (matches.length === 0) throw new DefenderTestingError(`no ${what} "${cluster}" in the synthesized stacks; ${what}s found: ${known}.`);
  throw new DefenderTestingError(`${matches.length} ${what}s match "${cluster}" (${matches.map((c) => `${c.stack}/${c.name}`).join(", ")}); name one as <stack>/<name>.`);
}

/** The required columns that are missing for a cluster. */
export function missingProtection(cluster: ClusterCoverage, requirements: ProtectionRequirements = {}): string[] {
  return COVERAGE_COLUMNS.filter((column) => (requirements[column] ?? true) && cluster[column] === Coverage.NO).map(
    (column) => COVERAGE_COLUMN_TITLES[column],
  );
}

/**
 * Throws unless the cluster has every required part of Defender for Containers. Returns its coverage.
 * @example expectClusterProtected(synthesizeForDefender(stack), "aks-prod", { policy: false });
 */
export function expectClusterProtected(
  synth: DefenderSynthInput,
  cluster: string,
  requirements: ProtectionRequirements = {},
  kind?: ClusterKind,
): ClusterCoverage {
  const found = findCluster(coverageReportOf(synth), cluster, kind);
  const missing = missingProtection(found, requirements);
  if (missing.length > 0) {
    throw new DefenderTestingError(`${found.kind} cluster "${found.name}" (stack ${found.stack}) is not protected: missing ${missing.join(", ")}.`);
  }
  return found;
}
