import { App, Testing } from "cdktf";
import { parse, stringify } from "yaml";
import { DefenderEstate } from "../../lib/estate/defender-estate";
import { parseEstateDescription } from "../../lib/estate/load-estate-description";
import { VALID_ESTATE } from "./fixtures";

function estateFrom(yaml: string, prefix?: string) {
  const app = Testing.app();
  const estate = new DefenderEstate(app as App, { description: parseEstateDescription(yaml), stackNamePrefix: prefix });
  const synth = (name: string) => JSON.parse(Testing.synth(estate.stacks.find((s) => s.node.id === name)!, true));
  return { app, estate, synth };
}

describe("DefenderEstate", () => {
  test("one stack per subscription, account and project: Azure first, each in file order, with the prefix", () => {
    const { estate } = estateFrom(VALID_ESTATE, "estate-");
    expect(estate.stacks.map((s) => s.node.id)).toEqual(["estate-azure-security", "estate-azure-prod", "estate-aws-shop", "estate-gcp-data"]);
  });

  test("each stack's azurerm provider targets its subscription", () => {
    const { synth } = estateFrom(VALID_ESTATE);
    expect(synth("azure-security").provider.azurerm).toEqual([{ features: [{}], subscription_id: "aaaaaaaa-0000-0000-0000-000000000001" }]);
    expect(synth("azure-prod").provider.azurerm).toEqual([{ features: [{}], subscription_id: "aaaaaaaa-0000-0000-0000-000000000002" }]);
  });

  test("each stack has its own state", () => {
    const { synth } = estateFrom(VALID_ESTATE);
    expect(synth("azure-security").terraform.backend.azurerm.key).toBe("defender/azure-security.tfstate");
    expect(synth("azure-prod").terraform.backend.azurerm.key).toBe("defender/azure-prod.tfstate");
  });

  test("a subscription's own backend overrides the default", () => {
    const e = parse(VALID_ESTATE);
    e.azure.subscriptions[0].backend = { type: "gcs", bucket: "tf-state" };
    const { synth } = estateFrom(stringify(e));
    expect(synth("azure-security").terraform.backend).toEqual({ gcs: { bucket: "tf-state", prefix: "defender/azure-security" } });
  });

  test("the plan is imported when asked, and auto-provisioning is off where policy assigns the sensor", () => {
    const e = parse(VALID_ESTATE);
    e.azure.subscriptions[0].plan = { importExisting: true, agentlessVmScanning: false };
    const { synth } = estateFrom(stringify(e));
    const stack = synth("azure-security");
    const pricing: any = Object.values(stack.resource.azurerm_security_center_subscription_pricing)[0];
    expect(pricing.extension.map((x: any) => x.name)).not.toContain("AgentlessVmScanning");
    expect(pricing.extension[0].additional_extension_properties.AutoProvisioning).toBe("False");
    expect(stack.import).toEqual([
      expect.objectContaining({ id: "/subscriptions/aaaaaaaa-0000-0000-0000-000000000001/providers/Microsoft.Security/pricings/Containers" }),
    ]);
  });

  test("the subscription is governed by the AKS DINE policies at its own scope", () => {
    const { synth } = estateFrom(VALID_ESTATE);
    const assignments = Object.values<any>(synth("azure-security").resource.azurerm_subscription_policy_assignment);
    expect(assignments.map((a) => a.subscription_id)).toEqual([
      "/subscriptions/aaaaaaaa-0000-0000-0000-000000000001",
      "/subscriptions/aaaaaaaa-0000-0000-0000-000000000001",
    ]);
    expect(assignments.map((a) => a.policy_definition_id).sort()).toEqual([
      "/providers/Microsoft.Authorization/policyDefinitions/64def556-fbad-4622-930e-72d1d5589bf5",
      "/providers/Microsoft.Authorization/policyDefinitions/a8eff44f-8c92-45c3-a3fb-9880802d67a7",
    ]);
  });

  test("a shared workspace flows through a real cross-stack reference", () => {
    const { app } = estateFrom(VALID_ESTATE);
    app.synth();
    const outdir = app.outdir;
    const manifest = require(`${outdir}/manifest.json`);
    expect(manifest.stacks["azure-prod"].dependencies).toEqual(["azure-security"]);
    const prod = require(`${outdir}/stacks/azure-prod/cdk.tf.json`);
    const security = require(`${outdir}/stacks/azure-security/cdk.tf.json`);
    expect(Object.keys(prod.data.terraform_remote_state)).toEqual(["cross-stack-reference-input-azure-security"]);
    expect(Object.values<any>(security.output).map((o) => o.value)).toContainEqual(expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\..*\.id\}$/));
    expect(prod.resource.azurerm_log_analytics_workspace).toBeUndefined();
  });

  test("Arc clusters get the extensions in their subscription's stack", () => {
    const { synth } = estateFrom(VALID_ESTATE);
    const extensions = Object.values<any>(synth("azure-prod").resource.azurerm_arc_kubernetes_cluster_extension);
    expect(extensions.map((x) => x.extension_type).sort()).toEqual(["microsoft.azuredefender.kubernetes", "microsoft.policyinsights"]);
    expect(extensions[0].for_each).toBeDefined();
  });

  test("an AWS account's stack assumes its role, is pinned to its account and scans its clusters' regions", () => {
    const e = parse(VALID_ESTATE);
    e.aws.accounts[0].assumeRoleArn = "arn:aws:iam::123456789012:role/terraform";
    e.aws.accounts[0].clusters.push({ name: "shop-eks-us", region: "us-east-1" });
    const { synth } = estateFrom(stringify(e));
    const stack = synth("aws-shop");
    expect(stack.provider.aws).toEqual([
      {
        region: "eu-west-1",
        allowed_account_ids: ["123456789012"],
        assume_role: [{ role_arn: "arn:aws:iam::123456789012:role/terraform", session_name: "defender-for-containers" }],
      },
    ]);
    const connector: any = Object.values(stack.resource.azapi_resource)[0];
    expect(connector.body.properties.hierarchyIdentifier).toBe("123456789012");
    expect(connector.body.properties.environmentData.regions).toEqual(["eu-west-1", "us-east-1"]);
    expect(stack.terraform.backend.azurerm.key).toBe("defender/aws-shop.tfstate");
  });

  test("connectors live in the account's or project's stack, with an azapi provider for the hosting subscription", () => {
    const { synth } = estateFrom(VALID_ESTATE);
    for (const name of ["aws-shop", "gcp-data"]) {
      const stack = synth(name);
      expect(stack.provider.azapi).toEqual([{ subscription_id: "aaaaaaaa-0000-0000-0000-000000000001" }]);
      const connector: any = Object.values(stack.resource.azapi_resource)[0];
      expect(connector.parent_id).toBe("/subscriptions/aaaaaaaa-0000-0000-0000-000000000001/resourceGroups/rg-connectors");
      expect(connector.location).toBe("westeurope");
    }
  });

  test("a GCP project's stack targets its project and derives the pool from the estate's tenant", () => {
    const { synth } = estateFrom(VALID_ESTATE);
    const stack = synth("gcp-data");
    expect(stack.provider.google).toEqual([{ project: "data-platform-1" }]);
    const pool: any = Object.values(stack.resource.google_iam_workload_identity_pool)[0];
    expect(pool.workload_identity_pool_id).toBe("11111111222233334444555555555555");
    expect(Object.keys(stack.resource.helm_release)).toHaveLength(1);
  });

  test("the same description gives the same stacks in the same order", () => {
    const first = estateFrom(VALID_ESTATE).estate.stacks.map((s) => s.node.id);
    const second = estateFrom(VALID_ESTATE).estate.stacks.map((s) => s.node.id);
    expect(second).toEqual(first);
  });
});
