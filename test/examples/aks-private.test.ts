import { AksPrivateExampleStack } from "../../examples/aks/aks-private-stack";
import { EXAMPLE_DEFAULTS } from "../../examples/settings";
import { addressesOf, exampleApp, onlyResourceOf, synthesizeStack } from "../util";

// Context pins every setting, so the snapshot does not depend on DEFENDER_* variables in the shell.
const synth = synthesizeStack(new AksPrivateExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS }), "aks-private"));
const ZONE = "privatelink.cloud.defender.microsoft.com";

describe("examples/aks (private networking)", () => {
  test("matches the snapshot", () => {
    expect(synth).toMatchSnapshot();
  });

  test("Terraform addresses are stable", () => {
    expect(addressesOf(synth)).toEqual([
      "azapi_resource.private-link_E4E38CA9",
      "azurerm_kubernetes_cluster.cluster",
      "azurerm_log_analytics_workspace.workspace_B76F7DCA",
      "azurerm_private_dns_zone.private-link_dns-zones_B8CD2EAE",
      "azurerm_private_dns_zone_virtual_network_link.private-link_dns-zone-links_17305B0A",
      "azurerm_private_endpoint.private-link_endpoint_47087315",
      "azurerm_resource_group.group",
      "azurerm_security_center_subscription_pricing.containers-plan_pricing_9CB37113",
      "azurerm_subnet.endpoints",
      "azurerm_subnet.nodes",
      "azurerm_virtual_network.vnet",
    ]);
  });

  test("the Security Private Link is created in the example's resource group through the stack's azapi provider", () => {
    expect(synth.provider!.azapi).toEqual([{ subscription_id: EXAMPLE_DEFAULTS.subscriptionId }]);
    expect(onlyResourceOf(synth, "azapi_resource")).toMatchObject({
      type: "Microsoft.Security/privateLinks@2026-01-01",
      name: "mdc-example-defender-spl",
      parent_id: "${azurerm_resource_group.group.id}",
      location: "global",
    });
  });

  test("the private endpoint sits in the endpoint subnet and registers in the defender zone, linked to the VNet", () => {
    const endpoint = onlyResourceOf(synth, "azurerm_private_endpoint");
    expect(endpoint.subnet_id).toBe("${azurerm_subnet.endpoints.id}");
    expect(endpoint.private_service_connection).toMatchObject({
      subresource_names: ["containers"],
      private_connection_resource_id: "${azapi_resource.private-link_E4E38CA9.id}",
    });
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toEqual([`\${azurerm_private_dns_zone.private-link_dns-zones_B8CD2EAE["${ZONE}"].id}`]);
    expect(onlyResourceOf(synth, "azurerm_private_dns_zone").for_each).toEqual({ [ZONE]: { name: ZONE } });
    expect(onlyResourceOf(synth, "azurerm_private_dns_zone_virtual_network_link").for_each).toEqual({
      [`${ZONE}/mdc-example-vnet`]: { zone: ZONE, name: "mdc-example-vnet", virtual_network_id: "${azurerm_virtual_network.vnet.id}" },
    });
  });

  test("the cluster's nodes are in the VNet, with the sensor and the policy add-on", () => {
    const cluster = onlyResourceOf(synth, "azurerm_kubernetes_cluster");
    expect(cluster.default_node_pool.vnet_subnet_id).toBe("${azurerm_subnet.nodes.id}");
    expect(cluster.microsoft_defender).toEqual({ log_analytics_workspace_id: "${azurerm_log_analytics_workspace.workspace_B76F7DCA.id}" });
    expect(cluster.azure_policy_enabled).toBe(true);
    expect(onlyResourceOf(synth, "azurerm_security_center_subscription_pricing").lifecycle).toEqual({ prevent_destroy: true });
  });

  test("two synths are byte-identical", () => {
    expect(synthesizeStack(new AksPrivateExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS }), "aks-private"))).toEqual(synth);
  });
});
