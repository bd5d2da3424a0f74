/**
 * Private networking for the Defender sensor's traffic: Microsoft Security Private Link and
 * Azure Monitor Private Link Scope (AMPLS). Resource types, API versions, private endpoint
 * sub-resources and private DNS zone names, per cloud.
 *
 * Sources:
 *  - "DfC private link doc": MicrosoftDocs/azure-docs `articles/defender-for-cloud/
 *    how-to-configure-private-endpoints` (ms.date 2025-12-02) and concept-private-links.md —
 *    resource type, sub-resource `containers`, zone, "not supported in sovereign cloud regions".
 *  - "Quickstart": Azure/azure-quickstart-templates `quickstarts/microsoft.security/
 *    security-private-link-create/main.bicep` @025cf1b4 — `Microsoft.Security/privateLinks@2026-01-01`,
 *    `location: 'global'`, `properties: {}`. The .NET SDK (Azure.ResourceManager.SecurityCenter,
 *    PrivateLinkResources) also names 2026-01-01 its default API version.
 *  - "PE DNS doc": MicrosoftDocs/azure-docs `articles/private-link/private-endpoint-dns.md`
 *    (ms.date 2023-10-11) — Azure Monitor `azuremonitor` zones, public and Government tables.
 */

/** Azure clouds, by the names the azurerm and azapi providers use for `environment`. */
export type AzureCloudName = "public" | "usgovernment" | "china";

/** Microsoft Security Private Link (`Microsoft.Security/privateLinks`): Defender's own private link service. */
export const SecurityPrivateLink = {
  /** ARM resource type (DfC private link doc). */
  RESOURCE_TYPE: "Microsoft.Security/privateLinks",
  /** Stable API version (Quickstart; .NET SDK default). */
  API_VERSION: "2026-01-01",
  /**
   * Default `location` of the resource. CONFLICT: the Quickstart (deployed by Microsoft's template
   * CI) uses `global`; the 2026-01-01 REST examples (`PrivateLinks_Create.json`, `_List.json`,
   * `_Update.json` in Azure/azure-rest-api-specs `specification/security/resource-manager/
   * Microsoft.Security/Security/stable/2026-01-01/examples/PrivateLinks/`) use `eastus`/`westus2`.
   * Decision: `global`, overridable per construct (`DefenderPrivateLink.securityPrivateLinkLocation`).
   */
  LOCATION: "global",
  /** Private endpoint sub-resource (group ID) used by Defender for Containers (DfC private link doc). */
  SUBRESOURCE: "containers",
  /** Private DNS zone of the sensor's endpoints `*.cloud.defender.microsoft.com` (DfC private link doc). */
  DNS_ZONE: "privatelink.cloud.defender.microsoft.com",
  /** Clouds where the service exists: "not supported in sovereign cloud regions" (DfC private link doc). */
  CLOUDS: ["public"] as readonly AzureCloudName[],
} as const;

/** Azure Monitor Private Link Scope (AMPLS), the older path and the one for sovereign clouds. */
export const AzureMonitorPrivateLink = {
  /** ARM resource type of the scope (PE DNS doc). */
  RESOURCE_TYPE: "Microsoft.Insights/privateLinkScopes",
  /** Private endpoint sub-resource (group ID) of a scope (PE DNS doc). */
  SUBRESOURCE: "azuremonitor",
  /**
   * The five private DNS zones a scope's private endpoint needs, per cloud, sorted.
   *  - public: PE DNS doc, confirmed by the "Private Link configure" doc ("five DNS zones").
   *  - usgovernment: PE DNS doc "Government" table. That table also lists
   *    `privatelink.adx.monitor.azure.us` (Azure Data Explorer queries through Monitor), which the
   *    sensor's ingestion does not use; it is left out, as it is in the public table.
   *  - china: **UNCONFIRMED** — the PE DNS doc's "China" table has no Azure Monitor row. The names
   *    follow the China endpoints the AKS sensor uses (`*.oms/ods.opinsights.azure.cn`, egress catalog) and the
   *    documented China blob zone; check them against your tenant before relying on them.
   */
  DNS_ZONES: {
    public: [
      "privatelink.agentsvc.azure-automation.net",
      "privatelink.blob.core.windows.net",
      "privatelink.monitor.azure.com",
      "privatelink.ods.opinsights.azure.com",
      "privatelink.oms.opinsights.azure.com",
    ],
    usgovernment: [
      "privatelink.agentsvc.azure-automation.us",
      "privatelink.blob.core.usgovcloudapi.net",
      "privatelink.monitor.azure.us",
      "privatelink.ods.opinsights.azure.us",
      "privatelink.oms.opinsights.azure.us",
    ],
    china: [
      "privatelink.agentsvc.azure-automation.cn",
      "privatelink.blob.core.chinacloudapi.cn",
      "privatelink.monitor.azure.cn",
      "privatelink.ods.opinsights.azure.cn",
      "privatelink.oms.opinsights.azure.cn",
    ],
  } as Readonly<Record<AzureCloudName, readonly string[]>>,
  /**
   * The blob zone of each cloud. It is the zone every storage account private endpoint uses too,
   * so in a network that already has one, attach to it instead of creating a second
   * (a VNet can be linked to only one zone of a given name).
   */
  BLOB_DNS_ZONES: {
    public: "privatelink.blob.core.windows.net",
    usgovernment: "privatelink.blob.core.usgovcloudapi.net",
    china: "privatelink.blob.core.chinacloudapi.cn",
  } as Readonly<Record<AzureCloudName, string>>,
} as const;
