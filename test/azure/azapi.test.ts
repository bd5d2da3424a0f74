import { Testing } from "cdktf";
import { AzapiProvider, AzapiResource } from "../../lib/azure/azapi";
import { newStack, onlyResourceOf } from "../util";

function synthesizeAzapi(build: (provider: AzapiProvider, stack: ReturnType<typeof newStack>) => void) {
  const stack = newStack();
  const provider = new AzapiProvider(stack, "azapi", { subscriptionId: "11111111-2222-3333-4444-555555555555" });
  build(provider, stack);
  return { stack, synth: JSON.parse(Testing.synth(stack, true)) };
}

describe("azapi binding", () => {
  test("declares the azure/azapi provider with its version constraint", () => {
    const { synth } = synthesizeAzapi(() => undefined);
    expect(synth.terraform.required_providers.azapi).toEqual({ source: "azure/azapi", version: "~> 2.4" });
    expect(synth.provider.azapi).toEqual([{ subscription_id: "11111111-2222-3333-4444-555555555555" }]);
  });

  test("renders azapi_resource arguments in snake case, with an empty response_export_values by default", () => {
    const { synth } = synthesizeAzapi((_provider, stack) => {
      new AzapiResource(stack, "res", {
        type: "Microsoft.Security/securityConnectors@2024-08-01-preview",
        name: "conn",
        parentId: "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg",
        location: "westeurope",
        body: { properties: { environmentName: "AWS", offerings: [{ offeringType: "DefenderForContainersAws" }] } },
        sensitiveBody: { properties: { secret: "s" } },
        identity: { type: "SystemAssigned" },
        schemaValidationEnabled: false,
        tags: { a: "b" },
      });
    });
    expect(onlyResourceOf(synth, "azapi_resource")).toEqual({
      type: "Microsoft.Security/securityConnectors@2024-08-01-preview",
      name: "conn",
      parent_id: "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg",
      location: "westeurope",
      body: { properties: { environmentName: "AWS", offerings: [{ offeringType: "DefenderForContainersAws" }] } },
      sensitive_body: { properties: { secret: "s" } },
      identity: [{ type: "SystemAssigned" }],
      response_export_values: [],
      schema_validation_enabled: false,
      tags: { a: "b" },
    });
  });

  test("the body keeps ARM's camelCase keys", () => {
    const { synth } = synthesizeAzapi((_provider, stack) => {
      new AzapiResource(stack, "res", { type: "Microsoft.X/y@2020-01-01", name: "n", parentId: "/p", body: { properties: { someKey: { innerKey: 1 } } } });
    });
    expect(onlyResourceOf(synth, "azapi_resource").body).toEqual({ properties: { someKey: { innerKey: 1 } } });
  });

  test("exposes id, output and identity principal as references", () => {
    const { synth } = synthesizeAzapi((_provider, stack) => {
      const res = new AzapiResource(stack, "res", { type: "Microsoft.X/y@2020-01-01", name: "n", parentId: "/p", body: {} });
      new AzapiResource(stack, "child", {
        type: "Microsoft.X/y/z@2020-01-01",
        name: "c",
        parentId: res.id,
        body: { properties: { principal: res.identityPrincipalId } },
      });
    });
    const child = synth.resource.azapi_resource.child;
    expect(child.parent_id).toBe("${azapi_resource.res.id}");
    expect(child.body.properties.principal).toBe("${azapi_resource.res.identity[0].principal_id}");
  });

  test("renders HCL with cdktf's HCL synthesizer", () => {
    const stack = newStack();
    new AzapiProvider(stack, "azapi");
    new AzapiResource(stack, "res", { type: "Microsoft.X/y@2020-01-01", name: "n", parentId: "/p", body: { properties: { a: 1 } }, identity: { type: "SystemAssigned" } });
    const hcl = Testing.synthHcl(stack);
    expect(hcl).toMatch(/resource "azapi_resource" "res"/);
    expect(hcl).toMatch(/type\s+= "Microsoft\.X\/y@2020-01-01"/);
    expect(hcl).toMatch(/identity \{/);
  });
});

describe("azapi provider alias", () => {
  test("an aliased provider keeps its alias, and resources bound to it reference it", () => {
    const stack = newStack();
    const provider = new AzapiProvider(stack, "azapi", { alias: "hub", subscriptionId: "11111111-2222-3333-4444-555555555555" });
    new AzapiResource(stack, "res", { type: "Microsoft.X/y@2020-01-01", name: "n", parentId: "/p", body: {}, provider });
    const synth = JSON.parse(Testing.synth(stack, true));
    expect(provider.alias).toBe("hub");
    expect(synth.provider.azapi).toEqual([{ alias: "hub", subscription_id: "11111111-2222-3333-4444-555555555555" }]);
    expect(onlyResourceOf(synth, "azapi_resource").provider).toBe("azapi.hub");
  });
});
