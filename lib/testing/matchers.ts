import { TerraformStack } from "cdktf";
import { ClusterKind, COVERAGE_COLUMN_TITLES, Coverage, TerraformJson } from "./coverage-report";
import { addressesOfOtherStacks, DefenderSynth, synthesizeForDefender } from "./synthesize-for-defender";
import { formatDiagnostics, validateTerraformJson } from "./validate";
import { coverageReportOf, DefenderSynthInput, findCluster, missingProtection, ProtectionRequirements } from "./expect-cluster-protected";
import { DefenderTestingError } from "../core/errors";

/* eslint-disable @typescript-eslint/no-namespace */
declare global {
  namespace jest {
    // Same type parameters as @types/jest 29 (declarations of one interface must agree).
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> {
      /** The cluster (name, address or `<stack>/<name>`) has every required part of Defender for Containers. */
      toProtectCluster(cluster: string, requirements?: ProtectionRequirements): R;
      /** As `toProtectCluster`, for an AKS cluster. */
      toProtectAksCluster(cluster: string, requirements?: ProtectionRequirements): R;
      /** As `toProtectCluster`, for an Arc-enabled cluster. */
      toProtectArcCluster(cluster: string, requirements?: ProtectionRequirements): R;
      /** As `toProtectCluster`, for an EKS cluster. */
      toProtectEksCluster(cluster: string, requirements?: ProtectionRequirements): R;
      /** As `toProtectCluster`, for a GKE cluster. */
      toProtectGkeCluster(cluster: string, requirements?: ProtectionRequirements): R;
      /** A stack defines the Containers plan on the Standard tier. */
      toHaveDefenderPlan(): R;
      /** No cluster has a gap and no Azure stack lacks a plan. */
      toHaveNoCoverageGaps(): R;
      /** Terraform would accept the synthesized stack: the structural validator finds nothing. */
      toPassTerraformChecks(): R;
    }
  }
}

/** What a jest matcher returns. */
export interface DefenderMatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

function protectMatcher(kind?: ClusterKind) {
  return (received: DefenderSynthInput, cluster: string, requirements?: ProtectionRequirements): DefenderMatcherResult => {
    // An unknown cluster is a mistake in the test, also under `.not`: findCluster throws.
    const found = findCluster(coverageReportOf(received), cluster, kind);
    const missing = missingProtection(found, requirements);
    const subject = `${found.kind} cluster "${found.name}" (stack ${found.stack})`;
    return {
      pass: missing.length === 0,
      message: () =>
        missing.length === 0
          ? `expected ${subject} not to be protected, but it has every required part`
          : `expected ${subject} to be protected, but it is missing ${missing.join(", ")}`,
    };
  };
}

/** The Defender matchers, for `expect.extend(defenderMatchers)` where `setupDefenderMatchers` does not fit (e.g. `@jest/globals`). */
export const defenderMatchers = {
  toProtectCluster: protectMatcher(),
  toProtectAksCluster: protectMatcher(ClusterKind.AKS),
  toProtectArcCluster: protectMatcher(ClusterKind.ARC),
  toProtectEksCluster: protectMatcher(ClusterKind.EKS),
  toProtectGkeCluster: protectMatcher(ClusterKind.GKE),
  toHaveDefenderPlan(received: DefenderSynthInput): DefenderMatcherResult {
    const report = coverageReportOf(received);
    const withPlan = report.stacks.filter((stack) => stack.definesContainersPlan).map((stack) => stack.name);
    return {
      pass: withPlan.length > 0,
      message: () =>
        withPlan.length > 0
          ? `expected no Containers plan, but stack ${withPlan.join(", ")} defines one`
          : `expected a Containers plan (azurerm_security_center_subscription_pricing, resource_type Containers, tier Standard) in ${report.stacks.map((s) => s.name).join(", ") || "the stacks"}`,
    };
  },
  toPassTerraformChecks(received: DefenderSynth | TerraformStack | TerraformJson | string): DefenderMatcherResult {
    const synth = received instanceof TerraformStack ? synthesizeForDefender(received, { checkTerraform: false }) : undefined;
    const json = synth?.terraform ?? (typeof received === "string" ? JSON.parse(received) : "terraform" in received && "report" in received ? received.terraform : received);
    const diagnostics = validateTerraformJson(json, synth ? { otherStacksAddresses: addressesOfOtherStacks(received as TerraformStack) } : {});
    return {
      pass: diagnostics.length === 0,
      message: () => (diagnostics.length === 0 ? "expected Terraform to refuse the stack, but the checks found nothing" : `expected Terraform to accept the stack, but:\n${formatDiagnostics(diagnostics)}`),
    };
  },
  toHaveNoCoverageGaps(received: DefenderSynthInput): DefenderMatcherResult {
    const report = coverageReportOf(received);
    const gaps = [
      ...report.clusters
        .filter((cluster) => cluster.gaps.length > 0)
        .map((cluster) => `${cluster.kind} ${cluster.stack}/${cluster.name}: ${cluster.gaps.map((g) => COVERAGE_COLUMN_TITLES[g]).join(", ")}`),
      ...report.stacks.filter((stack) => stack.containersPlan === Coverage.NO).map((stack) => `stack ${stack.name}: no Containers plan`),
    ];
    return {
      pass: gaps.length === 0,
      message: () => (gaps.length === 0 ? "expected coverage gaps, but there are none" : `expected no coverage gaps, but found:\n  ${gaps.join("\n  ")}`),
    };
  },
};

/**
 * Registers the Defender matchers with jest's global `expect`. Call it once from a file listed in
 * `setupFilesAfterEnv`; the matcher types come with `import "<package>/testing"`.
 */
export function setupDefenderMatchers(): void {
  const expect = (globalThis as { expect?: { extend?: (matchers: object) => void } }).expect;
  if (!expect || typeof expect.extend !== "function") {
    throw new DefenderTestingError("setupDefenderMatchers() needs jest's global expect: call it from a file listed in setupFilesAfterEnv.");
  }
  expect.extend(defenderMatchers);
}
