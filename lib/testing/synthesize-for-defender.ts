import { AnnotationMetadataEntryType, TerraformDataSource, TerraformResource, TerraformStack } from "cdktf";
import { coverageOfStacks, CoverageReport, TerraformJson } from "./coverage-report";
import { synthesizeStackObject } from "./synthesize-stack-json";
import { assertTerraformChecks } from "./terraform-checks";

/** Options of {@link synthesizeForDefender}. */
export interface SynthesizeForDefenderOptions {
  /**
   * Run the stack's validations (as `cdktf synth` does), so a construct validation or a missing
   * provider fails the test.
   * @default true
   */
  readonly runValidations?: boolean;
  /**
   * Check the stack as Terraform would (the structural validator with the schemas of the installed
   * provider packages) and throw a `TerraformCheckError` listing what Terraform would refuse.
   * Cross-stack references (to resources of other stacks of the app) are left to `app.synth()`.
   * @default true
   */
  readonly checkTerraform?: boolean;
}

/** An annotation (warning, error, info) left on a construct at synth, e.g. by `DefenderCoverageChecks`. */
export interface SynthAnnotation {
  /** Construct path. */
  readonly path: string;
  readonly level: "info" | "warning" | "error";
  readonly message: string;
}

/** A synthesized stack, parsed, with its Defender coverage. What the Defender jest matchers take. */
export interface DefenderSynth {
  /** The stack's ID. */
  readonly stackName: string;
  /** The stack's Terraform JSON, parsed (as `Testing.synth` returns it: sorted keys, no `//` metadata). */
  readonly terraform: TerraformJson;
  /** Coverage of the stack's clusters (computed when first read). */
  readonly report: CoverageReport;
  /** Every annotation in the stack after synth (aspects included), in construct order. */
  readonly annotations: readonly SynthAnnotation[];
}

const LEVELS: Readonly<Record<string, SynthAnnotation["level"]>> = {
  [AnnotationMetadataEntryType.INFO]: "info",
  [AnnotationMetadataEntryType.WARN]: "warning",
  [AnnotationMetadataEntryType.ERROR]: "error",
};

/**
 * Synthesizes one stack the way `Testing.synth` does (aspects run, so `DefenderCoverageChecks`
 * reports; the same JSON, in linear time: see {@link synthesizeStackObject}), and returns its JSON, its
 * coverage and its annotations. Unlike `app.synth()`, error annotations do not throw: assert on
 * `annotations` instead.
 */
export function synthesizeForDefender(stack: TerraformStack, options: SynthesizeForDefenderOptions = {}): DefenderSynth {
  const terraform = synthesizeStackObject(stack, { runValidations: options.runValidations ?? true }) as TerraformJson;
  const stackName = stack.node.id;
  if (options.checkTerraform ?? true) assertTerraformChecks(terraform, stack.node.path, { otherStacksAddresses: addressesOfOtherStacks(stack) });
  const annotations = stack.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => LEVELS[entry.type] !== undefined)
      .map((entry) => ({ path: construct.node.path, level: LEVELS[entry.type], message: String(entry.data) })),
  );
  let report: CoverageReport | undefined;
  return {
    stackName,
    terraform,
    annotations,
    // Computed on first read: a test asserting on the JSON alone does not pay for the coverage pass.
    get report() {
      return (report ??= coverageOfStacks({ [stackName]: terraform }));
    },
  };
}

/**
 * Resource and data-source addresses of the app's other stacks: `Testing.synth` leaves references to
 * them in place, and `app.synth()` turns them into remote-state lookups.
 */
export function addressesOfOtherStacks(stack: TerraformStack): Set<string> {
  const addresses = new Set<string>();
  for (const child of stack.node.root.node.findAll()) {
    if (!(child instanceof TerraformResource || child instanceof TerraformDataSource) || TerraformStack.of(child) === stack) continue;
    addresses.add(child instanceof TerraformResource ? `${child.terraformResourceType}.${child.friendlyUniqueId}` : `data.${child.terraformResourceType}.${child.friendlyUniqueId}`);
  }
  return addresses;
}
