import { Testing } from "cdktf";
import { configureEstateBackend, fillTemplate } from "../../lib/estate/estate-backend";
import { BackendSchema } from "../../lib/estate/estate-schema";
import { newStack } from "../util";

const values = { stack: "azure-prod", kind: "azure", name: "prod" };

function backendOf(input: unknown): any {
  const stack = newStack();
  configureEstateBackend(stack, BackendSchema.parse(input), values);
  return JSON.parse(Testing.synth(stack)).terraform;
}

describe("estate backends", () => {
  test("fills the placeholders", () => {
    expect(fillTemplate("{kind}/{name}/{stack}.tfstate", values)).toBe("azure/prod/azure-prod.tfstate");
  });

  test("local: one state file per stack, next to cdktf.out by default", () => {
    expect(backendOf({ type: "local" })).toMatchObject({ backend: { local: { path: "../../../terraform.azure-prod.tfstate" } } });
  });

  test("cloud: an HCP Terraform workspace per stack, without a terraform binary at synth", () => {
    const terraform = backendOf({ type: "cloud", organization: "contoso", project: "security", workspaceNameTemplate: "mdc-{kind}-{name}" });
    expect(terraform.cloud).toEqual({ organization: "contoso", workspaces: { name: "mdc-azure-prod", project: "security" } });
    expect(terraform.backend).toBeUndefined();
  });

  test("azurerm: a blob per stack, Entra ID auth by default", () => {
    expect(backendOf({ type: "azurerm", resourceGroupName: "rg", storageAccountName: "sttf", containerName: "tfstate" }).backend).toEqual({
      azurerm: { resource_group_name: "rg", storage_account_name: "sttf", container_name: "tfstate", key: "defender/azure-prod.tfstate", use_azuread_auth: true },
    });
  });

  test("s3: a key per stack, encrypted, with S3-native locking", () => {
    expect(backendOf({ type: "s3", bucket: "tf-state", region: "eu-west-1" }).backend).toEqual({
      s3: { bucket: "tf-state", region: "eu-west-1", key: "defender/azure-prod.tfstate", encrypt: true, use_lockfile: true },
    });
    expect(backendOf({ type: "s3", bucket: "tf-state", region: "eu-west-1", useLockfile: false, dynamodbTable: "locks" }).backend.s3).toEqual({
      bucket: "tf-state",
      region: "eu-west-1",
      key: "defender/azure-prod.tfstate",
      encrypt: true,
      dynamodb_table: "locks",
    });
  });

  test("gcs: a prefix per stack", () => {
    expect(backendOf({ type: "gcs", bucket: "tf-state" }).backend).toEqual({ gcs: { bucket: "tf-state", prefix: "defender/azure-prod" } });
  });
});
