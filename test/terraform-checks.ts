import { TerraformDataSource, TerraformResource, TerraformStack } from "cdktf";
import { defaultSchemaRegistry } from "../lib/testing/schema/registry";
import { formatDiagnostics, validateTerraformJson } from "../lib/testing/validate";

/**
 * Fails when Terraform would refuse the synthesized stack: the structural validator with the provider
 * schemas derived from the installed packages. Every stack a test synthesizes goes through this
 * (test/setup.ts wraps `Testing.synth`); example outputs are checked file by file.
 */
export function assertValidTerraform(document: string | object, stack: TerraformStack | string): void {
  const parsed = typeof document === "string" ? JSON.parse(document) : document;
  const otherStacksAddresses = typeof stack === "string" ? undefined : addressesOfOtherStacks(stack);
  const diagnostics = validateTerraformJson(parsed, { registry: defaultSchemaRegistry(), otherStacksAddresses });
  if (diagnostics.length > 0) {
    throw new Error(`Terraform would refuse stack ${typeof stack === "string" ? stack : stack.node.path}:\n${formatDiagnostics(diagnostics)}`);
  }
}

/** Resource and data source addresses of the app's other stacks (cdktf wires references to them at app synth). */
function addressesOfOtherStacks(stack: TerraformStack): Set<string> {
  const addresses = new Set<string>();
  for (const child of stack.node.root.node.findAll()) {
    if (!(child instanceof TerraformResource || child instanceof TerraformDataSource) || TerraformStack.of(child) === stack) continue;
    if (child instanceof TerraformResource) addresses.add(`${child.terraformResourceType}.${child.friendlyUniqueId}`);
    else if (child instanceof TerraformDataSource) addresses.add(`data.${child.terraformResourceType}.${child.friendlyUniqueId}`);
  }
  return addresses;
}
