import { MonitorPrivateLinkScope } from "@cdktf/provider-azurerm/lib/monitor-private-link-scope";
import { MonitorPrivateLinkScopedService } from "@cdktf/provider-azurerm/lib/monitor-private-link-scoped-service";
import { PrivateDnsZone } from "@cdktf/provider-azurerm/lib/private-dns-zone";
import { PrivateDnsZoneVirtualNetworkLink } from "@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link";
import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { Fn, TerraformIterator, TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { AzureResourceIdFormats, parseAzureResourceId } from "../core/azure-resource-id";
// One AzureCloud for the egress catalog and the private endpoint (values as azurerm/azapi `environment`).
import { AzureCloud } from "../core/catalog/egress";
import { AzureMonitorPrivateLink, SecurityPrivateLink } from "../core/catalog/private-link";
import { invalidValue } from "../core/errors";
import { cloudOfRegion, validateAzureRegion } from "../core/region";
import { isUnresolved, validateNonEmptyUnique, validatePattern } from "../core/validation";
import { azapiProviderOrDefault } from "./azapi/provider";
import { AzapiResource } from "./azapi/resource";
import { checkProps } from "../core/check-props";

/** How the sensor's traffic reaches Defender privately. */
export enum PrivateLinkMode {
  /**
   * Microsoft Security Private Link (`Microsoft.Security/privateLinks`, sub-resource `containers`,
   * zone `privatelink.cloud.defender.microsoft.com`). Microsoft's current recommendation; it
   * "replaces the need for AMPLS". Public cloud only.
   */
  SECURITY_PRIVATE_LINK = "SecurityPrivateLink",
  /**
   * Azure Monitor Private Link Scope holding the Defender workspace (sub-resource `azuremonitor`,
   * five DNS zones). Older setups and sovereign clouds.
   */
  AMPLS = "AzureMonitorPrivateLinkScope",
}

/** AMPLS access mode for ingestion or queries. */
export enum AmplsAccessMode {
  /** Networks without a private link to the scope may still reach its resources. */
  OPEN = "Open",
  /** Only networks connected through a private endpoint of the scope (or another AMPLS) may. */
  PRIVATE_ONLY = "PrivateOnly",
}

/** Props of {@link DefenderPrivateLink}. */
export interface DefenderPrivateLinkProps {
  /**
   * Resource group for everything the construct creates (private link or scope, endpoint, zones),
   * e.g. `/subscriptions/<sub>/resourceGroups/rg-network`. An ID rather than a name because the
   * Security Private Link's `parent_id` needs it.
   */
  readonly resourceGroupId: string;
  /** Region of the private endpoint: the region of its virtual network. */
  readonly location: string;
  /** Subnet the private endpoint gets its IP address from. */
  readonly subnetId: string;
  /**
   * The cloud. Microsoft Security Private Link does not exist in the sovereign clouds.
   * @default AzureCloud.PUBLIC
   */
  readonly cloud?: AzureCloud;
  /**
   * Which private link to build.
   * @default PrivateLinkMode.SECURITY_PRIVATE_LINK in the public cloud, PrivateLinkMode.AMPLS in the sovereign clouds
   */
  readonly mode?: PrivateLinkMode;
  /**
   * Prefix of every resource name: `<name>-spl` (Security Private Link), `<name>-ampls`,
   * `<name>-pe` (endpoint). 1-50 letters, digits, `_`, `.`, `-`.
   * @default "defender-containers"
   */
  readonly name?: string;
  /**
   * Security Private Link only: `location` of the `Microsoft.Security/privateLinks` resource
   * (the private endpoint always uses {@link location}).
   *
   * Decision (docs/facts-and-decisions.md, "Security Private Link location"): `global`, as in
   * Microsoft's deployable quickstart Azure/azure-quickstart-templates `quickstarts/microsoft.security/
   * security-private-link-create/main.bicep` (`Microsoft.Security/privateLinks@2026-01-01`,
   * `location: 'global'`), which Microsoft's template CI deploys. The REST examples of the same API
   * version (azure-rest-api-specs `…/stable/2026-01-01/examples/PrivateLinks/PrivateLinks_Create.json`,
   * `_List.json`, `_Update.json`) show regions (`eastus`, `westus2`); they are samples, not deployments.
   * Set a region here if the service asks for one in your tenant. Changing it replaces the resource.
   * @default "global"
   */
  readonly securityPrivateLinkLocation?: string;
  /**
   * AMPLS only (required there): the Log Analytics workspace the sensor reports to, added to the scope.
   * @default - none
   */
  readonly workspaceResourceId?: string;
  /**
   * AMPLS only: `ingestion_access_mode` of the scope. `PrivateOnly` also blocks ingestion from
   * other networks into every resource in the scope.
   * @default AmplsAccessMode.OPEN
   */
  readonly ingestionAccessMode?: AmplsAccessMode;
  /**
   * AMPLS only: `query_access_mode` of the scope.
   * @default AmplsAccessMode.OPEN
   */
  readonly queryAccessMode?: AmplsAccessMode;
  /**
   * Existing private DNS zones to attach to instead of creating them, by zone name → zone
   * resource ID (hub-and-spoke: the hub owns the zones and their VNet links). Each name must be one
   * of the mode's zones; each ID must name that zone. In AMPLS mode pass at least the blob zone
   * when the network already has one: it is shared with every storage account private endpoint.
   * @default - none; every zone is created
   */
  readonly existingDnsZoneIds?: { [zoneName: string]: string };
  /**
   * Create the zones not in `existingDnsZoneIds`. With `false` every zone of the mode must be in
   * `existingDnsZoneIds`.
   * @default true
   */
  readonly createDnsZones?: boolean;
  /**
   * VNet links of the zones this construct creates: link name → virtual network ID (the endpoint's
   * VNet, peered spokes that resolve through Azure DNS). Zones given in `existingDnsZoneIds` are
   * not linked: their owner links them.
   * @default - one link to the subnet's virtual network, named after it (needs a literal `subnetId`)
   */
  readonly virtualNetworkLinks?: { [linkName: string]: string };
  /**
   * azapi provider for the Security Private Link.
   * @default - the stack's default azapi provider; one is added to this construct when the stack has none
   */
  readonly azapiProvider?: TerraformProvider;
  /**
   * azurerm provider for the endpoint, scope and zones.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
  /**
   * Tags for every resource created.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

const NAME_PREFIX = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,48}[A-Za-z0-9_])?$/;
// Private DNS zone virtual network link names: 1-80 characters (resource-name-rules).
const LINK_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;

/**
 * Keeps the Defender sensor's traffic on a private network: a private endpoint in your subnet to
 * Microsoft Security Private Link (default) or to an Azure Monitor Private Link Scope holding the
 * Defender workspace (AMPLS: older setups, sovereign clouds), with its private DNS zones — created
 * here (one `azurerm_private_dns_zone` with `for_each` over the zones, VNet links likewise) or
 * attached from a hub.
 *
 * @example
 * new DefenderPrivateLink(this, "private-link", { resourceGroupId: rg.id, location: "westeurope", subnetId, virtualNetworkLinks: { spoke: vnet.id } });
 */
export class DefenderPrivateLink extends Construct {
  /** The mode built. */
  public readonly mode: PrivateLinkMode;
  /** The cloud the construct was validated for. */
  public readonly cloud: AzureCloud;
  /** Names of the private DNS zones the endpoint registers in, sorted. */
  public readonly dnsZoneNames: string[];
  /** Zone name → zone ID (an existing zone's ID, or a reference to the created zone). */
  public readonly dnsZoneIds: { [zoneName: string]: string };
  /** The private endpoint. */
  public readonly privateEndpoint: PrivateEndpoint;
  /** The `Microsoft.Security/privateLinks` resource (Security Private Link mode). */
  public readonly securityPrivateLink?: AzapiResource;
  /** The Azure Monitor Private Link Scope (AMPLS mode). */
  public readonly privateLinkScope?: MonitorPrivateLinkScope;
  /** The workspace's membership of the scope (AMPLS mode). */
  public readonly scopedWorkspace?: MonitorPrivateLinkScopedService;
  /** The created zones (one resource, `for_each` keyed by zone name), if any. */
  public readonly dnsZones?: PrivateDnsZone;
  /** The created zones' VNet links (one resource, `for_each` keyed `<zone>/<link name>`), if any. */
  public readonly dnsZoneLinks?: PrivateDnsZoneVirtualNetworkLink;

  constructor(scope: Construct, id: string, props: DefenderPrivateLinkProps) {
    super(scope, id);
    checkProps(this, props, "DefenderPrivateLinkProps");
    this.cloud = props.cloud ?? AzureCloud.PUBLIC;
    this.mode = props.mode ?? (SecurityPrivateLink.CLOUDS.includes(this.cloud) ? PrivateLinkMode.SECURITY_PRIVATE_LINK : PrivateLinkMode.AMPLS);
    this.validateModeAndCloud(props);

    const resourceGroup = parseAzureResourceId(this, "resourceGroupId", props.resourceGroupId, AzureResourceIdFormats.RESOURCE_GROUP);
    const resourceGroupId = resourceGroup?.id ?? props.resourceGroupId;
    // "/subscriptions/<sub>/resourceGroups/<name>" → element 4 of the split, for a reference.
    const resourceGroupName = resourceGroup?.name ?? Fn.element(Fn.split("/", props.resourceGroupId), 4);
    const location = validateAzureRegion(this, "location", props.location);
    if (!isUnresolved(location) && cloudOfRegion(location) !== this.cloud) {
      const regionCloud = cloudOfRegion(location);
      invalidValue(this, "location", props.location, `a region of the ${this.cloud} cloud (cloud is "${this.cloud}")`, `Set cloud to "${regionCloud}" for this region.`);
    }
    const subnet = parseAzureResourceId(this, "subnetId", props.subnetId, AzureResourceIdFormats.SUBNET);
    const name = validatePattern(this, "name", props.name ?? "defender-containers", NAME_PREFIX, "1-50 letters, digits, '_', '.' or '-', starting with a letter or digit");

    this.dnsZoneNames = [...(this.mode === PrivateLinkMode.SECURITY_PRIVATE_LINK ? [SecurityPrivateLink.DNS_ZONE] : AzureMonitorPrivateLink.DNS_ZONES[this.cloud])].sort();
    const existing = this.existingZones(props.existingDnsZoneIds ?? {});
    const toCreate = this.dnsZoneNames.filter((zone) => !existing.has(zone));
    if (props.createDnsZones === false && toCreate.length > 0) {
      invalidValue(
        this,
        "existingDnsZoneIds",
        props.existingDnsZoneIds ?? {},
        `an existing zone ID for each of ${this.dnsZoneNames.join(", ")} when createDnsZones is false`,
        `Missing: ${toCreate.join(", ")}.`,
      );
    }
    const links = this.virtualNetworkLinks(props, subnet?.id, toCreate.length > 0);

    // The service the endpoint connects to.
    let target: { id: string; subresource: string };
    if (this.mode === PrivateLinkMode.SECURITY_PRIVATE_LINK) {
      this.securityPrivateLink = new AzapiResource(this, "private-link", {
        type: `${SecurityPrivateLink.RESOURCE_TYPE}@${SecurityPrivateLink.API_VERSION}`,
        name: `${name}-spl`,
        parentId: resourceGroupId,
        location: this.securityPrivateLinkLocation(props.securityPrivateLinkLocation),
        body: { properties: {} },
        // azapi checks bodies against the schemas it embeds, which may predate this 2026 API version.
        schemaValidationEnabled: false,
        tags: props.tags,
        provider: azapiProviderOrDefault(this, props.azapiProvider),
      });
      target = { id: this.securityPrivateLink.id, subresource: SecurityPrivateLink.SUBRESOURCE };
    } else {
      const workspace = parseAzureResourceId(this, "workspaceResourceId", props.workspaceResourceId!, AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE);
      this.privateLinkScope = new MonitorPrivateLinkScope(this, "scope", {
        name: `${name}-ampls`,
        resourceGroupName,
        ingestionAccessMode: props.ingestionAccessMode ?? AmplsAccessMode.OPEN,
        queryAccessMode: props.queryAccessMode ?? AmplsAccessMode.OPEN,
        tags: props.tags,
        provider: props.provider,
      });
      this.scopedWorkspace = new MonitorPrivateLinkScopedService(this, "workspace", {
        name: `${name}-workspace`,
        resourceGroupName,
        scopeName: this.privateLinkScope.name,
        linkedResourceId: workspace?.id ?? props.workspaceResourceId!,
        provider: props.provider,
      });
      target = { id: this.privateLinkScope.id, subresource: AzureMonitorPrivateLink.SUBRESOURCE };
    }

    if (toCreate.length > 0) {
      const zoneIterator = TerraformIterator.fromMap(Object.fromEntries(toCreate.map((zone) => [zone, { name: zone }])));
      const zones = new PrivateDnsZone(this, "dns-zones", {
        forEach: zoneIterator,
        name: zoneIterator.getString("name"),
        resourceGroupName,
        tags: props.tags,
        provider: props.provider,
      });
      this.dnsZones = zones;
      const zoneAddress = `${PrivateDnsZone.tfResourceType}.${zones.friendlyUniqueId}`;
      const linkEntries = toCreate.flatMap((zone) =>
        links.map(([linkName, vnetId]) => [`${zone}/${linkName}`, { zone, name: linkName, virtual_network_id: vnetId }] as const),
      );
      const linkIterator = TerraformIterator.fromMap(Object.fromEntries(linkEntries));
      this.dnsZoneLinks = new PrivateDnsZoneVirtualNetworkLink(this, "dns-zone-links", {
        forEach: linkIterator,
        name: linkIterator.getString("name"),
        privateDnsZoneName: Token.asString(`\${${zoneAddress}[each.value.zone].name}`),
        resourceGroupName,
        virtualNetworkId: linkIterator.getString("virtual_network_id"),
        // The endpoint's records are written by its zone group; auto-registration is for VMs.
        registrationEnabled: false,
        tags: props.tags,
        provider: props.provider,
      });
      for (const zone of toCreate) existing.set(zone, Token.asString(`\${${zoneAddress}["${zone}"].id}`));
    }
    this.dnsZoneIds = Object.fromEntries(this.dnsZoneNames.map((zone) => [zone, existing.get(zone)!]));

    this.privateEndpoint = new PrivateEndpoint(this, "endpoint", {
      name: `${name}-pe`,
      location,
      resourceGroupName,
      subnetId: subnet?.id ?? props.subnetId,
      privateServiceConnection: {
        name: `${name}-connection`,
        privateConnectionResourceId: target.id,
        subresourceNames: [target.subresource],
        // Approved automatically when the deployer may approve connections on the target (e.g. Owner).
        isManualConnection: false,
      },
      privateDnsZoneGroup: {
        name: "default",
        privateDnsZoneIds: this.dnsZoneNames.map((zone) => this.dnsZoneIds[zone]),
      },
      // AMPLS: the workspace joins the scope first, so the endpoint's DNS configuration covers it from the start.
      dependsOn: this.scopedWorkspace ? [this.scopedWorkspace] : undefined,
      tags: props.tags,
      provider: props.provider,
    });
  }

  private validateModeAndCloud(props: DefenderPrivateLinkProps): void {
    if (!Object.values(AzureCloud).includes(this.cloud)) {
      invalidValue(this, "cloud", this.cloud, `one of ${Object.values(AzureCloud).join(", ")}`);
    }
    if (!Object.values(PrivateLinkMode).includes(this.mode)) {
      invalidValue(this, "mode", this.mode, `one of ${Object.values(PrivateLinkMode).join(", ")}`);
    }
    if (this.mode === PrivateLinkMode.SECURITY_PRIVATE_LINK) {
      if (!SecurityPrivateLink.CLOUDS.includes(this.cloud)) {
        invalidValue(this, "mode", this.mode, `${PrivateLinkMode.AMPLS} in the ${this.cloud} cloud`, "Microsoft Security Private Link is not available in sovereign clouds.");
      }
      for (const prop of ["workspaceResourceId", "ingestionAccessMode", "queryAccessMode"] as const) {
        if (props[prop] !== undefined) {
          invalidValue(this, prop, props[prop], `no ${prop} in mode ${PrivateLinkMode.SECURITY_PRIVATE_LINK}`, `It applies to mode ${PrivateLinkMode.AMPLS} only.`);
        }
      }
    } else {
      if (props.workspaceResourceId === undefined) {
        invalidValue(this, "workspaceResourceId", undefined, `the Defender workspace's resource ID in mode ${PrivateLinkMode.AMPLS}`);
      }
      if (props.securityPrivateLinkLocation !== undefined) {
        invalidValue(this, "securityPrivateLinkLocation", props.securityPrivateLinkLocation, `no securityPrivateLinkLocation in mode ${PrivateLinkMode.AMPLS}`, `It applies to mode ${PrivateLinkMode.SECURITY_PRIVATE_LINK} only.`);
      }
      for (const prop of ["ingestionAccessMode", "queryAccessMode"] as const) {
        const value = props[prop];
        if (value !== undefined && !Object.values(AmplsAccessMode).includes(value)) {
          invalidValue(this, prop, value, `one of ${Object.values(AmplsAccessMode).join(", ")}`);
        }
      }
    }
  }

  /** Validated `existingDnsZoneIds`, keyed by the catalog's zone name. */
  private securityPrivateLinkLocation(value: string | undefined): string {
    if (value === undefined || isUnresolved(value) || value === SecurityPrivateLink.LOCATION) return value ?? SecurityPrivateLink.LOCATION;
    const region = validateAzureRegion(this, "securityPrivateLinkLocation", value);
    if (cloudOfRegion(region) !== "public") {
      invalidValue(this, "securityPrivateLinkLocation", value, `"${SecurityPrivateLink.LOCATION}" or a public-cloud region`, "Microsoft Security Private Link is not available in the sovereign clouds.");
    }
    return region;
  }

  private existingZones(given: { [zoneName: string]: string }): Map<string, string> {
    const result = new Map<string, string>();
    const entries = Object.entries(given).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length > 0) {
      validateNonEmptyUnique(this, "existingDnsZoneIds", entries, ([zone]) => zone, "zone name", ([zone]) => `[${JSON.stringify(zone)}]`);
    }
    for (const [zone, zoneId] of entries) {
      const prop = `existingDnsZoneIds[${JSON.stringify(zone)}]`;
      const known = this.dnsZoneNames.find((name) => name === zone.toLowerCase());
      if (!known) {
        invalidValue(this, "existingDnsZoneIds", zone, `one of the ${this.mode} zones of the ${this.cloud} cloud: ${this.dnsZoneNames.join(", ")}`);
      }
      const parsed = parseAzureResourceId(this, prop, zoneId, AzureResourceIdFormats.PRIVATE_DNS_ZONE);
      if (parsed && parsed.name.toLowerCase() !== known) {
        invalidValue(this, prop, zoneId, `the ID of a private DNS zone named ${known}`, `The ID names ${parsed.name}.`);
      }
      result.set(known, parsed?.id ?? zoneId);
    }
    return result;
  }

  /** Validated VNet links, sorted by link name. */
  private virtualNetworkLinks(props: DefenderPrivateLinkProps, subnetId: string | undefined, zonesToCreate: boolean): [string, string][] {
    if (!zonesToCreate) {
      if (props.virtualNetworkLinks && Object.keys(props.virtualNetworkLinks).length > 0) {
        invalidValue(this, "virtualNetworkLinks", props.virtualNetworkLinks, "no links when every zone is an existing zone", "Links of existing zones belong to their owner.");
      }
      return [];
    }
    let given = props.virtualNetworkLinks;
    if (given === undefined) {
      if (subnetId === undefined) {
        invalidValue(
          this,
          "virtualNetworkLinks",
          undefined,
          "{ <link name>: <virtual network ID> } for the zones this construct creates, since subnetId is a reference and its virtual network cannot be derived",
        );
      }
      const vnetId = subnetId.replace(/\/subnets\/[^/]+$/, "");
      given = { [vnetId.split("/").pop()!]: vnetId };
    }
    const entries = Object.entries(given).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const links: [string, string][] = entries.map(([linkName, vnetId]) => {
      validatePattern(this, `virtualNetworkLinks[${JSON.stringify(linkName)}]`, linkName, LINK_NAME, "a link name of 1-80 letters, digits, '_', '.' or '-', starting with a letter or digit");
      const parsed = parseAzureResourceId(this, `virtualNetworkLinks[${JSON.stringify(linkName)}]`, vnetId, AzureResourceIdFormats.VIRTUAL_NETWORK);
      return [linkName, parsed?.id ?? vnetId];
    });
    // A VNet can be linked to a zone once: a second link to the same VNet fails at apply.
    validateNonEmptyUnique(this, "virtualNetworkLinks", links, ([, vnetId]) => vnetId, "virtual network", ([linkName]) => `[${JSON.stringify(linkName)}]`);
    return links;
  }
}
