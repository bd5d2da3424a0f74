import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { assertTerraformChecks, setupDefenderMatchers, synthesizeForDefender, TerraformCheckError, validateTerraformJson } from "../../lib/testing";
import { refusedByTerraformOnPurpose } from "../terraform-checks";
import { azureStack } from "../util";

// What a user's setupFilesAfterEnv file does.
setupDefenderMatchers();

/** A stack whose resource group depends on another the way `.fqn` would write it: Terraform refuses that. */
function brokenStack(): TerraformStack {
  const stack = azureStack();
  const a = new ResourceGroup(stack, "a", { name: "a", location: "westeurope" });
  const b = new ResourceGroup(stack, "b", { name: "b", location: "westeurope" });
  b.dependsOn = [a.fqn];
  return refusedByTerraformOnPurpose(stack);
}

describe("the structural checks for users' tests", () => {
  test("validateTerraformJson defaults to the schemas of the installed providers", () => {
    const json = { resource: { azurerm_resource_group: { g: { name: "g", locaton: "x" } } } };
    expect(validateTerraformJson(json).map((d) => `${d.rule} ${d.path}`)).toEqual([
      "unknown-argument resource.azurerm_resource_group.g.locaton",
      "missing-argument resource.azurerm_resource_group.g",
    ]);
  });

  test("assertTerraformChecks throws a TerraformCheckError naming the stack, the path and the fix", () => {
    const json = { resource: { azurerm_resource_group: { g: { name: "g", location: "x", depends_on: ["${azurerm_resource_group.h}"] }, h: { name: "h", location: "x" } } } };
    let error: unknown;
    try {
      assertTerraformChecks(json, "prod");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TerraformCheckError);
    expect((error as TerraformCheckError).diagnostics.map((d) => d.rule)).toEqual(["depends-on"]);
    expect((error as Error).message).toMatch(/^Terraform would refuse stack prod:\nerror \[depends-on\] resource\.azurerm_resource_group\.g\.depends_on\[0\]: .*Write it bare: "azurerm_resource_group\.h"/);
    expect(() => assertTerraformChecks(JSON.stringify({ resource: { azurerm_resource_group: { h: { name: "h", location: "x" } } } }))).not.toThrow();
  });

  test("synthesizeForDefender checks the stack unless told not to", () => {
    expect(() => synthesizeForDefender(brokenStack(), { checkTerraform: false })).not.toThrow();
    expect(() => synthesizeForDefender(brokenStack())).toThrow(/error \[depends-on\] resource\.azurerm_resource_group\.b\.depends_on\[0\]/);
  });

  test("the toPassTerraformChecks matcher takes a stack, a synth or JSON", () => {
    const good = azureStack();
    new ResourceGroup(good, "g", { name: "g", location: "westeurope" });
    expect(good).toPassTerraformChecks();
    expect(synthesizeForDefender(good)).toPassTerraformChecks();
    expect(brokenStack()).not.toPassTerraformChecks();
    expect(() => expect(brokenStack()).toPassTerraformChecks()).toThrow(/expected Terraform to accept the stack, but:\nerror \[depends-on\]/);
  });
});
