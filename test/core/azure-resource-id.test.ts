import { Token } from "cdktf";
import { AzureResourceIdFormats, formatAzureResourceId, isAzureResourceId, parseAzureResourceId } from "../../lib/core";
import { newStack } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;

describe("parseAzureResourceId", () => {
  const scope = newStack();

  test("returns the parts of a workspace ID", () => {
    expect(parseAzureResourceId(scope, "ws", WORKSPACE, AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE)).toEqual({
      id: WORKSPACE,
      subscriptionId: SUB,
      resourceGroupName: "rg-sec",
      name: "law-sec",
    });
  });

  test("normalizes the casing of fixed segments and keeps names as given", () => {
    const lower = `/SUBSCRIPTIONS/${SUB}/resourcegroups/RG-Sec/providers/microsoft.operationalinsights/Workspaces/Law-Sec/`;
    expect(parseAzureResourceId(scope, "ws", lower, AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE)?.id).toBe(
      `/subscriptions/${SUB}/resourceGroups/RG-Sec/providers/Microsoft.OperationalInsights/workspaces/Law-Sec`,
    );
  });

  test("passes tokens through without validation", () => {
    expect(parseAzureResourceId(scope, "ws", Token.asString({ ref: 1 }), AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE)).toBeUndefined();
  });

  test("names the construct, property, value and expected form", () => {
    expect(() => parseAzureResourceId(scope, "workspaceResourceId", "law-sec", AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE)).toThrow(
      /^\[test\] workspaceResourceId: got "law-sec"; expected a Log Analytics workspace resource ID such as \/subscriptions\/<subscription GUID>\/resourceGroups\/<group>\/providers\/Microsoft\.OperationalInsights\/workspaces\/<name>/,
    );
  });

  test("says which resource type a wrong-type ID is", () => {
    const aks = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1`;
    expect(() => parseAzureResourceId(scope, "ws", aks, AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE)).toThrow(
      /The value is a Microsoft\.ContainerService\/managedClusters ID\./,
    );
  });

  test.each([
    ["subscription that is not a GUID", `/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law1`],
    ["workspace name too short", `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ab`],
    ["workspace name ending with a hyphen", `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-`],
    ["resource group ending with a period", `/subscriptions/${SUB}/resourceGroups/rg./providers/Microsoft.OperationalInsights/workspaces/law1`],
    ["extra child segment", `${WORKSPACE}/tables/t1`],
    ["missing leading slash", WORKSPACE.slice(1)],
  ])("rejects a %s", (_case, value) => {
    expect(() => parseAzureResourceId(scope, "ws", value, AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE)).toThrow(/\[test\] ws: got/);
  });

  test.each([
    ["SUBSCRIPTION", `/subscriptions/${SUB}`],
    ["RESOURCE_GROUP", `/subscriptions/${SUB}/resourceGroups/rg-1`],
    ["MANAGEMENT_GROUP", "/providers/Microsoft.Management/managementGroups/platform"],
    ["AKS_CLUSTER", `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-1`],
    ["CONNECTED_CLUSTER", `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/onprem-1`],
  ] as const)("accepts a %s ID and rejects it as any other kind", (kind, id) => {
    expect(isAzureResourceId(id, AzureResourceIdFormats[kind])).toBe(true);
    for (const other of Object.keys(AzureResourceIdFormats) as (keyof typeof AzureResourceIdFormats)[]) {
      if (other !== kind) expect(isAzureResourceId(id, AzureResourceIdFormats[other])).toBe(false);
    }
  });

  test("formatAzureResourceId is the inverse of parsing", () => {
    const parsed = parseAzureResourceId(scope, "ws", WORKSPACE, AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE)!;
    const { id, ...parts } = parsed;
    expect(formatAzureResourceId(AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE, parts)).toBe(id);
  });
});

describe("network ID formats (VIRTUAL_NETWORK, SUBNET, PRIVATE_DNS_ZONE)", () => {
  const scope = newStack();
  const VNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-aks`;
  const SUBNET = `${VNET}/subnets/private-endpoints`;
  const ZONE = `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.monitor.azure.com`;

  test("a subnet ID parses with its virtual network as parent", () => {
    expect(parseAzureResourceId(scope, "subnetId", SUBNET.replace("virtualNetworks", "virtualnetworks"), AzureResourceIdFormats.SUBNET)).toEqual({
      id: SUBNET,
      subscriptionId: SUB,
      resourceGroupName: "rg-net",
      parentName: "vnet-aks",
      name: "private-endpoints",
    });
  });

  test("a virtual network ID and a private DNS zone ID parse", () => {
    expect(parseAzureResourceId(scope, "v", VNET, AzureResourceIdFormats.VIRTUAL_NETWORK)?.name).toBe("vnet-aks");
    expect(parseAzureResourceId(scope, "z", ZONE, AzureResourceIdFormats.PRIVATE_DNS_ZONE)?.name).toBe("privatelink.monitor.azure.com");
  });

  test("the wrong-type hint names child types too", () => {
    expect(() => parseAzureResourceId(scope, "v", SUBNET, AzureResourceIdFormats.VIRTUAL_NETWORK)).toThrow(
      /expected a virtual network resource ID .* The value is a Microsoft\.Network\/virtualNetworks\/subnets ID\.$/,
    );
    expect(() => parseAzureResourceId(scope, "s", VNET, AzureResourceIdFormats.SUBNET)).toThrow(/The value is a Microsoft\.Network\/virtualNetworks ID\.$/);
  });

  test.each([
    ["SUBNET", `${VNET}/subnets/-bad`],
    ["SUBNET", `${VNET}/subnets`],
    ["VIRTUAL_NETWORK", `${VNET.replace("vnet-aks", "v")}`],
    ["PRIVATE_DNS_ZONE", ZONE.replace("privatelink.monitor.azure.com", "localhost")],
    ["PRIVATE_DNS_ZONE", ZONE.replace("privatelink.monitor.azure.com", "bad..zone.com")],
  ] as const)("rejects a bad %s ID (%s)", (format, value) => {
    expect(() => parseAzureResourceId(scope, "x", value, AzureResourceIdFormats[format])).toThrow(/^\[test\] x: got/);
  });

  test("formatAzureResourceId builds a subnet ID from its parts", () => {
    expect(formatAzureResourceId(AzureResourceIdFormats.SUBNET, { subscriptionId: SUB, resourceGroupName: "rg-net", parentName: "vnet-aks", name: "private-endpoints" })).toBe(SUBNET);
  });
});
