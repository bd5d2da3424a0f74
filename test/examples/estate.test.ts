import { App, Testing } from "cdktf";
import { join } from "path";
import { DefenderEstate } from "../../lib/estate";
import { addressesOf } from "../util";

const estate = DefenderEstate.fromFile(Testing.app() as App, join(__dirname, "..", "..", "examples", "estate", "estate.yaml"), { stackNamePrefix: "estate-" });
const synths = Object.fromEntries(estate.stacks.map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack, true))]));

describe("examples/estate", () => {
  test("the stack list: 3 subscriptions, 2 AWS accounts, 1 GCP project", () => {
    expect(Object.keys(synths)).toEqual([
      "estate-azure-security",
      "estate-azure-prod",
      "estate-azure-dev",
      "estate-aws-shop",
      "estate-aws-analytics",
      "estate-gcp-data",
    ]);
  });

  test("Terraform addresses per stack are stable", () => {
    expect(Object.fromEntries(Object.entries(synths).map(([name, synth]) => [name, addressesOf(synth)]))).toMatchSnapshot();
  });

  test("each stack has the backend the file chose for it", () => {
    expect(Object.fromEntries(Object.entries(synths).map(([name, synth]) => [name, Object.keys(synth.terraform.backend ?? { cloud: 1 })[0]]))).toEqual({
      "estate-azure-security": "cloud",
      "estate-azure-prod": "azurerm",
      "estate-azure-dev": "azurerm",
      "estate-aws-shop": "s3",
      "estate-aws-analytics": "s3",
      "estate-gcp-data": "gcs",
    });
    expect(synths["estate-azure-security"].terraform.cloud).toEqual({
      organization: "contoso",
      workspaces: { name: "defender-security", project: "security" },
    });
  });

  test("dev is governed at its management group", () => {
    const assignments = Object.values<any>(synths["estate-azure-dev"].resource.azurerm_management_group_policy_assignment);
    expect(assignments.map((a) => a.management_group_id)).toEqual([
      "/providers/Microsoft.Management/managementGroups/mg-dev",
      "/providers/Microsoft.Management/managementGroups/mg-dev",
    ]);
  });
});
