import { Testing } from "cdktf";
import { Construct } from "constructs";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { DefenderForContainersPlan } from "../../lib/azure";
import { RemovedBlock } from "../../lib/core";
import { azureStack, newStack, synthesize } from "../util";

describe("RemovedBlock", () => {
  test("renders a top-level removed block that forgets without destroying by default", () => {
    const synth = synthesize((stack) => new RemovedBlock(stack, "gone", { from: "azurerm_resource_group.old" }));
    expect(synth.removed).toEqual([{ from: "azurerm_resource_group.old", lifecycle: { destroy: false } }]);
  });

  test("destroy: true is passed through", () => {
    const synth = synthesize((stack) => new RemovedBlock(stack, "gone", { from: "azurerm_resource_group.old", destroy: true }));
    expect(synth.removed).toEqual([{ from: "azurerm_resource_group.old", lifecycle: { destroy: true } }]);
  });

  test("several blocks are collected in one list", () => {
    const synth = synthesize((stack) => {
      new RemovedBlock(stack, "a", { from: "azurerm_resource_group.a" });
      new RemovedBlock(stack, "b", { from: "azurerm_resource_group.b" });
    });
    expect(synth.removed.map((r: any) => r.from)).toEqual(["azurerm_resource_group.a", "azurerm_resource_group.b"]);
  });

  test("with resourceType, the address is the one a resource at the same construct path had", () => {
    const before = azureStack();
    const rg = new ResourceGroup(new Construct(before, "app"), "group", { name: "rg", location: "westeurope" });
    const address = `azurerm_resource_group.${rg.friendlyUniqueId}`;
    const after = synthesize((stack) => new RemovedBlock(new Construct(stack, "app"), "group", { resourceType: "azurerm_resource_group" }));
    expect(after.removed).toEqual([{ from: address, lifecycle: { destroy: false } }]);
  });

  test("refuses to render as HCL, where cdktf would drop it", () => {
    const stack = azureStack();
    new RemovedBlock(stack, "gone", { from: "azurerm_resource_group.old" });
    expect(() => Testing.synthHcl(stack)).toThrow(/\[test\/gone\] from: azurerm_resource_group\.old cannot be written as HCL/);
  });

  describe("validation", () => {
    test("a from that is not an address is an error", () => {
      expect(() => new RemovedBlock(newStack(), "gone", { from: "resource_group" })).toThrow(
        '[test/gone] from: got "resource_group"; expected a resource address <type>.<name> such as azurerm_x.my_x.',
      );
    });

    test("a bad resourceType is an error", () => {
      expect(() => new RemovedBlock(newStack(), "gone", { resourceType: "ResourceGroup" })).toThrow(
        '[test/gone] resourceType: got "ResourceGroup"; expected a Terraform resource type such as azurerm_resource_group.',
      );
    });

    test("neither or both of from and resourceType is an error", () => {
      expect(() => new RemovedBlock(newStack(), "a", {})).toThrow("[test/a] from: got neither from nor resourceType; expected exactly one of them.");
      expect(() => new RemovedBlock(newStack(), "b", { from: "x_y.z", resourceType: "x_y" })).toThrow(
        "[test/b] from: got both from and resourceType; expected exactly one of them.",
      );
    });
  });
});

describe("ImportBlock under cdktf synth --hcl", () => {
  test("the plan's importExisting block is rendered in HCL, not dropped", () => {
    const stack = azureStack();
    const plan = new DefenderForContainersPlan(stack, "plan", { importExisting: true, subscriptionId: "11111111-2222-3333-4444-555555555555" });
    const hcl = Testing.synthHcl(stack);
    const block = /import \{\n([^}]*)\n\}/.exec(hcl);
    expect(block).not.toBeNull();
    expect(block![1]).toContain(`to = azurerm_security_center_subscription_pricing.${plan.pricing.friendlyUniqueId}`);
    expect(block![1]).toContain('id = "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Security/pricings/Containers"');
  });
});
