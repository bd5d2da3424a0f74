import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { AmplsAccessMode, AzapiProvider, AzureCloud, DefenderPrivateLink, DefenderPrivateLinkProps, PrivateLinkMode } from "../../lib/azure";
import { AzureMonitorPrivateLink } from "../../lib/core";
import { newStack, onlyResourceOf, resourcesOf, synthesize, SynthesizedStack, unresolved } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-net`;
const VNET = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-aks`;
const SUBNET = `${VNET}/subnets/private-endpoints`;
const HUB_VNET = `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub`;
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const hubZone = (zone: string) => `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/${zone}`;
const SPL_ZONE = "privatelink.cloud.defender.microsoft.com";
const PUBLIC_AMPLS_ZONES = [
  "privatelink.agentsvc.azure-automation.net",
  "privatelink.blob.core.windows.net",
  "privatelink.monitor.azure.com",
  "privatelink.ods.opinsights.azure.com",
  "privatelink.oms.opinsights.azure.com",
];

const BASE: DefenderPrivateLinkProps = { resourceGroupId: RG, location: "westeurope", subnetId: SUBNET };
const AMPLS: DefenderPrivateLinkProps = { ...BASE, mode: PrivateLinkMode.AMPLS, workspaceResourceId: WORKSPACE };

function synth(props: DefenderPrivateLinkProps): SynthesizedStack {
  return synthesize((stack) => new DefenderPrivateLink(stack, "pl", props));
}

/** The single logical ID of a type, for building expected references. */
function idOf(synth: SynthesizedStack, type: string): string {
  const ids = Object.keys(synth.resource?.[type] ?? {});
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}`);
  return ids[0];
}

describe("DefenderPrivateLink", () => {
  describe("Microsoft Security Private Link (default in the public cloud)", () => {
    const out = synth(BASE);

    test("creates the Microsoft.Security/privateLinks resource through azapi", () => {
      expect(onlyResourceOf(out, "azapi_resource")).toEqual({
        type: "Microsoft.Security/privateLinks@2026-01-01",
        name: "defender-containers-spl",
        parent_id: RG,
        location: "global",
        body: { properties: {} },
        response_export_values: [],
        schema_validation_enabled: false,
      });
    });

    test("the private endpoint connects to the containers sub-resource and registers in the defender zone", () => {
      const zones = idOf(out, "azurerm_private_dns_zone");
      expect(onlyResourceOf(out, "azurerm_private_endpoint")).toEqual({
        name: "defender-containers-pe",
        location: "westeurope",
        resource_group_name: "rg-net",
        subnet_id: SUBNET,
        private_service_connection: {
          name: "defender-containers-connection",
          private_connection_resource_id: `\${azapi_resource.${idOf(out, "azapi_resource")}.id}`,
          subresource_names: ["containers"],
          is_manual_connection: false,
        },
        private_dns_zone_group: {
          name: "default",
          private_dns_zone_ids: [`\${azurerm_private_dns_zone.${zones}["${SPL_ZONE}"].id}`],
        },
      });
    });

    test("creates the zone with for_each and links it to the subnet's virtual network", () => {
      const zones = idOf(out, "azurerm_private_dns_zone");
      expect(onlyResourceOf(out, "azurerm_private_dns_zone")).toEqual({
        for_each: { [SPL_ZONE]: { name: SPL_ZONE } },
        name: "${each.value.name}",
        resource_group_name: "rg-net",
      });
      expect(onlyResourceOf(out, "azurerm_private_dns_zone_virtual_network_link")).toEqual({
        for_each: { [`${SPL_ZONE}/vnet-aks`]: { zone: SPL_ZONE, name: "vnet-aks", virtual_network_id: VNET } },
        name: "${each.value.name}",
        private_dns_zone_name: `\${azurerm_private_dns_zone.${zones}[each.value.zone].name}`,
        resource_group_name: "rg-net",
        virtual_network_id: "${each.value.virtual_network_id}",
        registration_enabled: false,
      });
    });

    test("creates no AMPLS resources", () => {
      expect(resourcesOf(out, "azurerm_monitor_private_link_scope")).toEqual({});
      expect(resourcesOf(out, "azurerm_monitor_private_link_scoped_service")).toEqual({});
    });

    test("exposes mode, cloud, zone names and zone IDs", () => {
      const link = new DefenderPrivateLink(newStack(), "pl", BASE);
      expect(link.mode).toBe(PrivateLinkMode.SECURITY_PRIVATE_LINK);
      expect(link.cloud).toBe(AzureCloud.PUBLIC);
      expect(link.dnsZoneNames).toEqual([SPL_ZONE]);
      expect(Object.keys(link.dnsZoneIds)).toEqual([SPL_ZONE]);
      expect(link.securityPrivateLink).toBeDefined();
      expect(link.privateLinkScope).toBeUndefined();
    });

    test("adds a default azapi provider when the stack has none", () => {
      expect(out.provider!.azapi).toEqual([{}]);
      expect(out.terraform.required_providers.azapi).toEqual({ source: "azure/azapi", version: "~> 2.4" });
    });

    test("uses the stack's default azapi provider when there is one", () => {
      const result = synthesize((stack) => {
        new AzapiProvider(stack, "azapi", { subscriptionId: SUB });
        new DefenderPrivateLink(stack, "pl", BASE);
      });
      expect(result.provider!.azapi).toEqual([{ subscription_id: SUB }]);
      expect(onlyResourceOf(result, "azapi_resource").provider).toBeUndefined();
    });

    test("two private links in a stack without azapi provider share the one the first adds", () => {
      const result = synthesize((stack) => {
        new DefenderPrivateLink(stack, "a", BASE);
        new DefenderPrivateLink(stack, "b", { ...BASE, name: "second", virtualNetworkLinks: { hub: HUB_VNET } });
      });
      expect(result.provider!.azapi).toEqual([{}]);
      expect(Object.keys(resourcesOf(result, "azapi_resource"))).toHaveLength(2);
    });

    test("uses a given (aliased) azapi provider", () => {
      const result = synthesize((stack) => {
        const azapiProvider = new AzapiProvider(stack, "azapi", { alias: "security", subscriptionId: SUB });
        new DefenderPrivateLink(stack, "pl", { ...BASE, azapiProvider });
      });
      expect(result.provider!.azapi).toEqual([{ alias: "security", subscription_id: SUB }]);
      expect(onlyResourceOf(result, "azapi_resource").provider).toBe("azapi.security");
    });

    test("name prefixes every resource name; tags go on every resource", () => {
      const result = synth({ ...BASE, name: "mdc", tags: { team: "platform" } });
      expect(onlyResourceOf(result, "azapi_resource")).toMatchObject({ name: "mdc-spl", tags: { team: "platform" } });
      expect(onlyResourceOf(result, "azurerm_private_endpoint")).toMatchObject({
        name: "mdc-pe",
        tags: { team: "platform" },
        private_service_connection: { name: "mdc-connection" },
      });
      expect(onlyResourceOf(result, "azurerm_private_dns_zone").tags).toEqual({ team: "platform" });
      expect(onlyResourceOf(result, "azurerm_private_dns_zone_virtual_network_link").tags).toEqual({ team: "platform" });
    });

    test("the azurerm provider goes on every azurerm resource", () => {
      const result = synthesize((stack) => {
        const provider = new AzurermProvider(stack, "net", { alias: "net", features: [{}] });
        new DefenderPrivateLink(stack, "pl", { ...BASE, provider });
      });
      for (const type of ["azurerm_private_endpoint", "azurerm_private_dns_zone", "azurerm_private_dns_zone_virtual_network_link"]) {
        expect(onlyResourceOf(result, type).provider).toBe("azurerm.net");
      }
    });

    test("attaches to an existing zone (hub-and-spoke): no zone, no link, the hub zone's ID in the zone group", () => {
      const result = synth({ ...BASE, existingDnsZoneIds: { [SPL_ZONE]: hubZone(SPL_ZONE).replace("resourceGroups", "resourcegroups") } });
      expect(resourcesOf(result, "azurerm_private_dns_zone")).toEqual({});
      expect(resourcesOf(result, "azurerm_private_dns_zone_virtual_network_link")).toEqual({});
      expect(onlyResourceOf(result, "azurerm_private_endpoint").private_dns_zone_group.private_dns_zone_ids).toEqual([hubZone(SPL_ZONE)]);
    });

    test("normalizes the casing of literal IDs", () => {
      const result = synth({ ...BASE, subnetId: SUBNET.replace("Microsoft.Network", "microsoft.network").replace("subnets", "Subnets") });
      expect(onlyResourceOf(result, "azurerm_private_endpoint").subnet_id).toBe(SUBNET);
    });

    test("references pass through: the resource group name is taken from the ID in Terraform", () => {
      const result = synth({
        resourceGroupId: unresolved("rg"),
        location: "westeurope",
        subnetId: unresolved("subnet"),
        virtualNetworkLinks: { spoke: unresolved("vnet") },
      });
      const endpoint = onlyResourceOf(result, "azurerm_private_endpoint");
      expect(endpoint.resource_group_name).toMatch(/^\$\{element\(split\("\/", .*\), 4\)\}$/);
      expect(onlyResourceOf(result, "azurerm_private_dns_zone_virtual_network_link").for_each[`${SPL_ZONE}/spoke`].zone).toBe(SPL_ZONE);
    });
  });

  describe("AMPLS", () => {
    const out = synth(AMPLS);

    test("creates the scope with both access modes Open by default", () => {
      expect(onlyResourceOf(out, "azurerm_monitor_private_link_scope")).toEqual({
        name: "defender-containers-ampls",
        resource_group_name: "rg-net",
        ingestion_access_mode: "Open",
        query_access_mode: "Open",
      });
    });

    test("access modes are passed through", () => {
      const result = synth({ ...AMPLS, ingestionAccessMode: AmplsAccessMode.PRIVATE_ONLY, queryAccessMode: AmplsAccessMode.OPEN });
      expect(onlyResourceOf(result, "azurerm_monitor_private_link_scope")).toMatchObject({ ingestion_access_mode: "PrivateOnly", query_access_mode: "Open" });
    });

    test("adds the Defender workspace to the scope", () => {
      expect(onlyResourceOf(out, "azurerm_monitor_private_link_scoped_service")).toEqual({
        name: "defender-containers-workspace",
        resource_group_name: "rg-net",
        scope_name: `\${azurerm_monitor_private_link_scope.${idOf(out, "azurerm_monitor_private_link_scope")}.name}`,
        linked_resource_id: WORKSPACE,
      });
    });

    test("the endpoint connects to the scope's azuremonitor sub-resource, after the workspace joined it", () => {
      const endpoint = onlyResourceOf(out, "azurerm_private_endpoint");
      expect(endpoint.private_service_connection).toEqual({
        name: "defender-containers-connection",
        private_connection_resource_id: `\${azurerm_monitor_private_link_scope.${idOf(out, "azurerm_monitor_private_link_scope")}.id}`,
        subresource_names: ["azuremonitor"],
        is_manual_connection: false,
      });
      expect(endpoint.depends_on).toEqual([`azurerm_monitor_private_link_scoped_service.${idOf(out, "azurerm_monitor_private_link_scoped_service")}`]);
    });

    test("creates the five zones with one for_each resource and registers the endpoint in all five", () => {
      const zones = idOf(out, "azurerm_private_dns_zone");
      expect(onlyResourceOf(out, "azurerm_private_dns_zone").for_each).toEqual(Object.fromEntries(PUBLIC_AMPLS_ZONES.map((z) => [z, { name: z }])));
      expect(onlyResourceOf(out, "azurerm_private_endpoint").private_dns_zone_group.private_dns_zone_ids).toEqual(
        PUBLIC_AMPLS_ZONES.map((z) => `\${azurerm_private_dns_zone.${zones}["${z}"].id}`),
      );
      expect(resourcesOf(out, "azapi_resource")).toEqual({});
      expect(out.provider!.azapi).toBeUndefined();
    });

    test("links every created zone to every virtual network, keyed <zone>/<link name>", () => {
      const result = synth({ ...AMPLS, virtualNetworkLinks: { spoke: VNET, hub: HUB_VNET } });
      const forEach = onlyResourceOf(result, "azurerm_private_dns_zone_virtual_network_link").for_each;
      expect(Object.keys(forEach)).toEqual(PUBLIC_AMPLS_ZONES.flatMap((z) => [`${z}/hub`, `${z}/spoke`]));
      expect(forEach["privatelink.monitor.azure.com/hub"]).toEqual({ zone: "privatelink.monitor.azure.com", name: "hub", virtual_network_id: HUB_VNET });
    });

    test("attaches to an existing blob zone (shared with storage) and creates the other four", () => {
      const blob = "privatelink.blob.core.windows.net";
      const result = synth({ ...AMPLS, existingDnsZoneIds: { [blob]: hubZone(blob) } });
      const zones = idOf(result, "azurerm_private_dns_zone");
      expect(Object.keys(onlyResourceOf(result, "azurerm_private_dns_zone").for_each)).toEqual(PUBLIC_AMPLS_ZONES.filter((z) => z !== blob));
      expect(Object.keys(onlyResourceOf(result, "azurerm_private_dns_zone_virtual_network_link").for_each)).not.toContain(`${blob}/vnet-aks`);
      expect(onlyResourceOf(result, "azurerm_private_endpoint").private_dns_zone_group.private_dns_zone_ids).toEqual(
        PUBLIC_AMPLS_ZONES.map((z) => (z === blob ? hubZone(blob) : `\${azurerm_private_dns_zone.${zones}["${z}"].id}`)),
      );
    });

    test("attaches to five existing zones with createDnsZones false", () => {
      const result = synth({ ...AMPLS, createDnsZones: false, existingDnsZoneIds: Object.fromEntries(PUBLIC_AMPLS_ZONES.map((z) => [z, hubZone(z)])) });
      expect(resourcesOf(result, "azurerm_private_dns_zone")).toEqual({});
      expect(onlyResourceOf(result, "azurerm_private_endpoint").private_dns_zone_group.private_dns_zone_ids).toEqual(PUBLIC_AMPLS_ZONES.map(hubZone));
    });

    test.each([
      [AzureCloud.US_GOVERNMENT, "usgovvirginia"],
      [AzureCloud.CHINA, "chinanorth3"],
    ])("is the default in the %s cloud, with that cloud's zones", (cloud, location) => {
      const link = new DefenderPrivateLink(newStack(), "pl", { ...BASE, cloud, location, workspaceResourceId: WORKSPACE });
      expect(link.mode).toBe(PrivateLinkMode.AMPLS);
      expect(link.dnsZoneNames).toEqual([...AzureMonitorPrivateLink.DNS_ZONES[cloud]].sort());
      expect(link.dnsZoneNames).toContain(AzureMonitorPrivateLink.BLOB_DNS_ZONES[cloud]);
      expect(link.dnsZoneNames).toHaveLength(5);
    });

    test("the Government zones are the documented ones", () => {
      const link = new DefenderPrivateLink(newStack(), "pl", { ...AMPLS, cloud: AzureCloud.US_GOVERNMENT, location: "usgovvirginia" });
      expect(link.dnsZoneNames).toEqual([
        "privatelink.agentsvc.azure-automation.us",
        "privatelink.blob.core.usgovcloudapi.net",
        "privatelink.monitor.azure.us",
        "privatelink.ods.opinsights.azure.us",
        "privatelink.oms.opinsights.azure.us",
      ]);
    });
  });

  describe("validation", () => {
    const build = (props: DefenderPrivateLinkProps) => () => new DefenderPrivateLink(newStack(), "pl", props);

    test("Security Private Link in a sovereign cloud is an error", () => {
      expect(build({ ...BASE, cloud: AzureCloud.US_GOVERNMENT, location: "usgovvirginia", mode: PrivateLinkMode.SECURITY_PRIVATE_LINK })).toThrow(
        '[test/pl] mode: got "SecurityPrivateLink"; expected AzureMonitorPrivateLinkScope in the usgovernment cloud. Microsoft Security Private Link is not available in sovereign clouds.',
      );
    });

    test("a region of another cloud is an error", () => {
      expect(build({ ...BASE, location: "usgovvirginia" })).toThrow(
        '[test/pl] location: got "usgovvirginia"; expected a region of the public cloud (cloud is "public"). Set cloud to "usgovernment" for this region.',
      );
      expect(build({ ...AMPLS, cloud: AzureCloud.CHINA, location: "westeurope" })).toThrow(/\[test\/pl\] location: got "westeurope"; expected a region of the china cloud/);
    });

    test("securityPrivateLinkLocation: a public region or global; not in AMPLS mode, not a sovereign region, not a typo", () => {
      expect(onlyResourceOf(synth({ ...BASE, securityPrivateLinkLocation: "East US" }), "azapi_resource").location).toBe("eastus");
      expect(onlyResourceOf(synth({ ...BASE, securityPrivateLinkLocation: "global" }), "azapi_resource").location).toBe("global");
      expect(build({ ...BASE, securityPrivateLinkLocation: "usgovvirginia" })).toThrow(
        '[test/pl] securityPrivateLinkLocation: got "usgovvirginia"; expected "global" or a public-cloud region. Microsoft Security Private Link is not available in the sovereign clouds.',
      );
      expect(build({ ...BASE, securityPrivateLinkLocation: "globel" })).toThrow(/\[test\/pl\] securityPrivateLinkLocation: got "globel"; expected an Azure region name/);
      expect(build({ ...AMPLS, securityPrivateLinkLocation: "eastus" })).toThrow(
        '[test/pl] securityPrivateLinkLocation: got "eastus"; expected no securityPrivateLinkLocation in mode AzureMonitorPrivateLinkScope. It applies to mode SecurityPrivateLink only.',
      );
    });

    test("an unknown region is an error", () => {
      expect(build({ ...BASE, location: "westeuropa" })).toThrow(/\[test\/pl\] location: got "westeuropa"; expected an Azure region name .* Did you mean "westeurope"\?/);
    });

    test("an unknown cloud or mode is an error", () => {
      expect(build({ ...BASE, cloud: "germany" as AzureCloud })).toThrow('[test/pl] cloud: got "germany"; expected one of public, usgovernment, china.');
      expect(build({ ...BASE, mode: "Vpn" as PrivateLinkMode })).toThrow('[test/pl] mode: got "Vpn"; expected one of SecurityPrivateLink, AzureMonitorPrivateLinkScope.');
    });

    test("a resource group ID that is not one is an error", () => {
      expect(build({ ...BASE, resourceGroupId: "rg-net" })).toThrow(/^\[test\/pl\] resourceGroupId: got "rg-net"; expected a resource group ID/);
    });

    test("a subnet ID that is a VNet ID is an error that says so", () => {
      expect(build({ ...BASE, subnetId: VNET })).toThrow(
        /^\[test\/pl\] subnetId: got ".*vnet-aks"; expected a subnet resource ID .* The value is a Microsoft\.Network\/virtualNetworks ID\.$/,
      );
    });

    test("a bad name prefix is an error", () => {
      expect(build({ ...BASE, name: "-bad" })).toThrow(`[test/pl] name: got "-bad"; expected 1-50 letters, digits, '_', '.' or '-', starting with a letter or digit.`);
    });

    test("AMPLS needs the workspace, and a valid one", () => {
      expect(build({ ...BASE, mode: PrivateLinkMode.AMPLS })).toThrow(
        "[test/pl] workspaceResourceId: got undefined; expected the Defender workspace's resource ID in mode AzureMonitorPrivateLinkScope.",
      );
      expect(build({ ...AMPLS, workspaceResourceId: "law-sec" })).toThrow(/^\[test\/pl\] workspaceResourceId: got "law-sec"; expected a Log Analytics workspace resource ID/);
    });

    test.each(["workspaceResourceId", "ingestionAccessMode", "queryAccessMode"] as const)("%s in Security Private Link mode is an error", (prop) => {
      const value = prop === "workspaceResourceId" ? WORKSPACE : AmplsAccessMode.PRIVATE_ONLY;
      expect(build({ ...BASE, [prop]: value })).toThrow(
        `[test/pl] ${prop}: got ${JSON.stringify(value)}; expected no ${prop} in mode SecurityPrivateLink. It applies to mode AzureMonitorPrivateLinkScope only.`,
      );
    });

    test("an unknown access mode is an error", () => {
      expect(build({ ...AMPLS, queryAccessMode: "Closed" as AmplsAccessMode })).toThrow('[test/pl] queryAccessMode: got "Closed"; expected one of Open, PrivateOnly.');
    });

    test("an existing zone that is not one of the mode's zones is an error", () => {
      expect(build({ ...BASE, existingDnsZoneIds: { "privatelink.monitor.azure.com": hubZone("privatelink.monitor.azure.com") } })).toThrow(
        `[test/pl] existingDnsZoneIds: got "privatelink.monitor.azure.com"; expected one of the SecurityPrivateLink zones of the public cloud: ${SPL_ZONE}.`,
      );
    });

    test("an existing zone ID that is not a private DNS zone ID is an error", () => {
      expect(build({ ...BASE, existingDnsZoneIds: { [SPL_ZONE]: VNET } })).toThrow(
        /^\[test\/pl\] existingDnsZoneIds\["privatelink\.cloud\.defender\.microsoft\.com"\]: got ".*"; expected a private DNS zone resource ID/,
      );
    });

    test("an existing zone ID that names another zone is an error", () => {
      expect(build({ ...BASE, existingDnsZoneIds: { [SPL_ZONE]: hubZone("privatelink.monitor.azure.com") } })).toThrow(
        `[test/pl] existingDnsZoneIds["${SPL_ZONE}"]: got "${hubZone("privatelink.monitor.azure.com")}"; expected the ID of a private DNS zone named ${SPL_ZONE}. The ID names privatelink.monitor.azure.com.`,
      );
    });

    test("the same existing zone twice (names differing in case) is an error", () => {
      expect(build({ ...BASE, existingDnsZoneIds: { [SPL_ZONE]: hubZone(SPL_ZONE), [SPL_ZONE.toUpperCase()]: hubZone(SPL_ZONE) } })).toThrow(
        `[test/pl] existingDnsZoneIds["${SPL_ZONE}"]: got "${SPL_ZONE}"; expected each zone name once. It is also existingDnsZoneIds["${SPL_ZONE.toUpperCase()}"].`,
      );
    });

    test("createDnsZones false without every zone is an error naming the missing ones", () => {
      expect(build({ ...AMPLS, createDnsZones: false, existingDnsZoneIds: { "privatelink.blob.core.windows.net": hubZone("privatelink.blob.core.windows.net") } })).toThrow(
        /^\[test\/pl\] existingDnsZoneIds: got .*; expected an existing zone ID for each of .* when createDnsZones is false\. Missing: privatelink\.agentsvc\.azure-automation\.net, privatelink\.monitor\.azure\.com, privatelink\.ods\.opinsights\.azure\.com, privatelink\.oms\.opinsights\.azure\.com\.$/,
      );
    });

    test("zones to create with a subnet reference and no links is an error", () => {
      expect(build({ ...BASE, subnetId: unresolved("subnet") })).toThrow(
        /^\[test\/pl\] virtualNetworkLinks: got undefined; expected \{ <link name>: <virtual network ID> \} for the zones this construct creates/,
      );
    });

    test("no links at all is an error when zones are created", () => {
      expect(build({ ...BASE, virtualNetworkLinks: {} })).toThrow("[test/pl] virtualNetworkLinks: got []; expected at least one virtual network.");
    });

    test("the same virtual network linked twice is an error", () => {
      expect(build({ ...BASE, virtualNetworkLinks: { a: VNET, b: VNET.toLowerCase() } })).toThrow(
        `[test/pl] virtualNetworkLinks["b"]: got "${VNET}"; expected each virtual network once. It is also virtualNetworkLinks["a"].`,
      );
    });

    test("a link to something that is not a virtual network is an error", () => {
      expect(build({ ...BASE, virtualNetworkLinks: { spoke: SUBNET } })).toThrow(/^\[test\/pl\] virtualNetworkLinks\["spoke"\]: got ".*"; expected a virtual network resource ID/);
    });

    test("a bad link name is an error", () => {
      expect(build({ ...BASE, virtualNetworkLinks: { "bad link": VNET } })).toThrow(
        `[test/pl] virtualNetworkLinks["bad link"]: got "bad link"; expected a link name of 1-80 letters, digits, '_', '.' or '-', starting with a letter or digit.`,
      );
    });

    test("links when every zone already exists are an error", () => {
      expect(build({ ...BASE, existingDnsZoneIds: { [SPL_ZONE]: hubZone(SPL_ZONE) }, virtualNetworkLinks: { spoke: VNET } })).toThrow(
        /^\[test\/pl\] virtualNetworkLinks: got \{"spoke":".*"\}; expected no links when every zone is an existing zone\. Links of existing zones belong to their owner\.$/,
      );
    });

    test("references are not validated", () => {
      const result = synth({
        ...AMPLS,
        workspaceResourceId: unresolved("ws"),
        existingDnsZoneIds: { "privatelink.blob.core.windows.net": unresolved("zone") },
        virtualNetworkLinks: { a: unresolved("v1"), b: unresolved("v2") },
      });
      expect(Object.keys(onlyResourceOf(result, "azurerm_private_dns_zone_virtual_network_link").for_each)).toHaveLength(8);
      expect(onlyResourceOf(result, "azurerm_private_endpoint").private_dns_zone_group.private_dns_zone_ids).toHaveLength(5);
    });
  });
});
