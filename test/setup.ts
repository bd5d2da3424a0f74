import { Testing } from "cdktf";
// Type declarations for cdktf's jest matchers (toHaveResourceWithProperties, ...).
import "cdktf/lib/testing/adapters/jest";
import { assertValidTerraform } from "./terraform-checks";

Testing.setupJest();

// Terraform is the judge: every stack a test synthesizes must pass the structural checks, whatever the
// test itself asserts. Tests that feed the validator broken JSON on purpose call it directly.
const synth = Testing.synth.bind(Testing);
Testing.synth = (stack, runValidations) => {
  const output = synth(stack, runValidations);
  assertValidTerraform(output, stack);
  return output;
};
