import { TerraformStack, Testing } from "cdktf";
import { AZAPI_PROVIDER_VERSION_CONSTRAINT, AzapiProvider, AzapiResource, AzapiResourceAction, AzapiUpdateResource } from "../../../lib/azure/azapi";
import { AZAPI_SCHEMA_VERSION, azapiSchema, BlockSchema } from "../../../lib/testing/schema";

/** Resource meta-arguments: Terraform's, not the provider's. */
const META_ARGUMENTS = new Set(["count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"]);

/** Every key `value` writes must be an attribute or a block of `block`; returns the offending paths. */
function unknownKeys(block: BlockSchema, value: Record<string, unknown>, where: string, meta: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (meta.has(key) || key in block.attributes) continue;
    const nested = block.blockTypes[key];
    if (!nested) {
      problems.push(`${where}.${key}`);
      continue;
    }
    for (const item of Array.isArray(child) ? child : [child]) problems.push(...unknownKeys(nested.block, item as Record<string, unknown>, `${where}.${key}`, new Set()));
  }
  for (const [name, attribute] of Object.entries(block.attributes)) if (attribute.required && !(name in value)) problems.push(`${where}.${name} (required, missing)`);
  return problems;
}

test("the azapi schema version satisfies the binding's constraint", () => {
  expect(AZAPI_PROVIDER_VERSION_CONSTRAINT).toBe("~> 2.4");
  const [major, minor] = AZAPI_SCHEMA_VERSION.split(".").map(Number);
  expect(major).toBe(2);
  expect(minor).toBeGreaterThanOrEqual(4);
  expect(azapiSchema.source).toBe("azure/azapi");
});

test("everything the binding writes, with every prop set, is in the azapi schema", () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, "azapi");
  const provider = new AzapiProvider(stack, "azapi", { alias: "other", subscriptionId: "sub", tenantId: "tenant", environment: "public" });
  new AzapiResource(stack, "connector", {
    provider,
    type: "Microsoft.Security/securityConnectors@2024-08-01-preview",
    name: "connector",
    parentId: "/subscriptions/sub/resourceGroups/rg",
    location: "westeurope",
    body: { properties: { environmentName: "AWS" } },
    sensitiveBody: { properties: { secret: "s" } },
    identity: { type: "UserAssigned", identityIds: ["/id"] },
    responseExportValues: ["properties.id"],
    schemaValidationEnabled: false,
    tags: { owner: "me" },
  });
  const synth = JSON.parse(Testing.synth(stack)) as {
    provider: { azapi: Array<Record<string, unknown>> };
    resource: { azapi_resource: Record<string, Record<string, unknown>> };
  };

  const providerBlock = synth.provider.azapi[0];
  expect(Object.keys(providerBlock).sort()).toEqual(["alias", "environment", "subscription_id", "tenant_id"]);
  expect(unknownKeys(azapiSchema.provider, providerBlock, "provider.azapi", new Set(["alias"]))).toEqual([]);

  const resource = synth.resource.azapi_resource.connector;
  // Every prop is written (so a new prop that the schema lacks fails below).
  expect(Object.keys(resource).sort()).toEqual(
    ["body", "identity", "location", "name", "parent_id", "provider", "response_export_values", "schema_validation_enabled", "sensitive_body", "tags", "type"].sort(),
  );
  expect(unknownKeys(azapiSchema.resource("azapi_resource")!, resource, "azapi_resource", META_ARGUMENTS)).toEqual([]);
  expect(azapiSchema.resourceTypes).toEqual(["azapi_resource", "azapi_resource_action", "azapi_update_resource"]);
});

test("everything the update-resource binding writes is in the azapi schema", () => {
  const stack = new TerraformStack(Testing.app(), "test");
  new AzapiProvider(stack, "azapi", {});
  new AzapiUpdateResource(stack, "gating", {
    type: "Microsoft.ContainerService/managedClusters@2025-10-02-preview",
    resourceId: "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks",
    body: { properties: { securityProfile: {} } },
    responseExportValues: ["properties.securityProfile"],
  });
  const resource = JSON.parse(Testing.synth(stack)).resource.azapi_update_resource.gating as Record<string, unknown>;
  expect(Object.keys(resource).sort()).toEqual(["body", "resource_id", "response_export_values", "type"]);
  expect(unknownKeys(azapiSchema.resource("azapi_update_resource")!, resource, "azapi_update_resource", META_ARGUMENTS)).toEqual([]);
});

test("everything the action binding writes, with every prop set, is in the azapi schema", () => {
  const stack = new TerraformStack(Testing.app(), "azapi-action");
  new AzapiProvider(stack, "azapi");
  new AzapiResourceAction(stack, "tag", {
    type: "Microsoft.Resources/tags@2021-04-01",
    resourceId: "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks/providers/Microsoft.Resources/tags/default",
    action: "",
    method: "PATCH",
    body: { operation: "Merge", properties: { tags: { a: "b" } } },
    when: "destroy",
    responseExportValues: ["properties"],
  });
  const action = (JSON.parse(Testing.synth(stack)) as { resource: { azapi_resource_action: Record<string, Record<string, unknown>> } }).resource.azapi_resource_action.tag;
  expect(Object.keys(action).sort()).toEqual(["action", "body", "method", "resource_id", "response_export_values", "type", "when"]);
  expect(unknownKeys(azapiSchema.resource("azapi_resource_action")!, action, "azapi_resource_action", META_ARGUMENTS)).toEqual([]);
});

test("the binding's readable attributes are in the schema", () => {
  const schema = azapiSchema.resource("azapi_resource")!;
  expect(schema.attributes.id).toEqual({ type: "string", computed: true });
  expect(schema.attributes.output).toEqual({ type: "dynamic", computed: true });
  expect(schema.attributes.body.type).toBe("dynamic");
  expect(schema.blockTypes.identity.block.attributes.principal_id).toEqual({ type: "string", computed: true });
  expect(schema.attributes.type).toEqual({ type: "string", required: true });
});
