import { TerraformStack } from "cdktf";
import { addressesOfOtherStacks, assertTerraformChecks } from "../lib/testing";

/**
 * Fails when Terraform would refuse the synthesized stack: the structural validator with the provider
 * schemas derived from the installed packages. Every stack a test synthesizes goes through this
 * (test/setup.ts wraps `Testing.synth`); example outputs are checked file by file.
 */
export function assertValidTerraform(document: string | object, stack: TerraformStack | string): void {
  if (typeof stack !== "string" && refusedOnPurpose.has(stack)) return;
  if (typeof stack === "string") assertTerraformChecks(document, stack);
  else assertTerraformChecks(document, stack.node.path, { otherStacksAddresses: addressesOfOtherStacks(stack) });
}

const refusedOnPurpose = new WeakSet<TerraformStack>();

/** Marks a stack that a test builds broken on purpose (to test the checks themselves): setup.ts lets it synthesize. */
export function refusedByTerraformOnPurpose<T extends TerraformStack>(stack: T): T {
  refusedOnPurpose.add(stack);
  return stack;
}
