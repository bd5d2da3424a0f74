import { IConstruct } from "constructs";
import { SECURITY_CONNECTOR_NAME_PATTERN } from "./catalog/security-connectors";
import { DefenderArgumentError, invalidValue } from "./errors";
import { isGuid, isUnresolved } from "./validation";

/** A variable part of a resource ID, with the rule its value must follow. */
interface IdPlaceholder {
  readonly key: keyof Omit<ParsedAzureResourceId, "id">;
  readonly pattern: RegExp;
  /** The value must also be a GUID. */
  readonly guid?: boolean;
}

/** The shape of one kind of Azure resource ID. */
export interface AzureResourceIdFormat {
  /** What the ID identifies, phrased to follow "expected" (e.g. "a Log Analytics workspace resource ID"). */
  readonly description: string;
  /** The ARM resource type, e.g. `Microsoft.OperationalInsights/workspaces`; empty for subscriptions and resource groups. */
  readonly resourceType: string;
  /** Fixed segments (matched case-insensitively, emitted in this casing) and placeholders, in order. */
  readonly segments: readonly (string | IdPlaceholder)[];
}

/** The parts of a validated resource ID. */
export interface ParsedAzureResourceId {
  /** The ID with every fixed segment in canonical casing (`resourceGroups`, `Microsoft.OperationalInsights`). */
  readonly id: string;
  readonly subscriptionId?: string;
  readonly resourceGroupName?: string;
  readonly managementGroupId?: string;
  /** Name of the parent resource, for child resources (the virtual network of a subnet, the namespace of an event hub). */
  readonly parentName?: string;
  /** Name of the resource itself (last segment). */
  readonly name: string;
}

// Naming rules: learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
const SUBSCRIPTION: IdPlaceholder = { key: "subscriptionId", pattern: /^[0-9a-fA-F-]{36}$/, guid: true };
// Resource group names: 1-90 characters, Unicode letters and digits (.NET Char.IsLetterOrDigit),
// underscores, hyphens, periods and parentheses, not ending with a period. Sources:
// https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftresources
// and the ARM SDK's description of the name ("alphanumeric characters (Char.IsLetterOrDigit()) and
// '-', '_', '(', ')' and '.'", e.g. Azure.ResourceManager.Synapse SynapseWorkspaceData.ManagedResourceGroupName).
const RESOURCE_GROUP: IdPlaceholder = { key: "resourceGroupName", pattern: /^[-\p{L}\p{Nd}_.()]{0,89}[-\p{L}\p{Nd}_()]$/u };
const MANAGEMENT_GROUP: IdPlaceholder = { key: "managementGroupId", pattern: /^[-\w.()]{1,90}$/ };
const name = (pattern: RegExp): IdPlaceholder => ({ key: "name", pattern });
const CLUSTER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/;
// Microsoft.Network naming rules (resource-name-rules): VNet 2-64, subnet 1-80 characters.
const VIRTUAL_NETWORK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]$/;
const SUBNET_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;
/** A DNS name of at least two labels (private DNS zone names; RFC 1035 label rules). */
const DNS_ZONE_NAME = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function inResourceGroup(provider: string, type: string, resourceName: IdPlaceholder): readonly (string | IdPlaceholder)[] {
  return ["subscriptions", SUBSCRIPTION, "resourceGroups", RESOURCE_GROUP, "providers", provider, type, resourceName];
}

/** The ID formats the constructs accept. */
export const AzureResourceIdFormats = {
  SUBSCRIPTION: {
    description: "a subscription resource ID such as /subscriptions/00000000-0000-0000-0000-000000000000",
    resourceType: "",
    segments: ["subscriptions", { ...SUBSCRIPTION, key: "name" }],
  },
  RESOURCE_GROUP: {
    description: "a resource group ID such as /subscriptions/<subscription GUID>/resourceGroups/<name>",
    resourceType: "",
    segments: ["subscriptions", SUBSCRIPTION, "resourceGroups", { ...RESOURCE_GROUP, key: "name" }],
  },
  MANAGEMENT_GROUP: {
    description: "a management group ID such as /providers/Microsoft.Management/managementGroups/<id>",
    resourceType: "Microsoft.Management/managementGroups",
    segments: ["providers", "Microsoft.Management", "managementGroups", { ...MANAGEMENT_GROUP, key: "name" }],
  },
  LOG_ANALYTICS_WORKSPACE: {
    description:
      "a Log Analytics workspace resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<name> (name: 4-63 letters, digits or hyphens)",
    resourceType: "Microsoft.OperationalInsights/workspaces",
    segments: inResourceGroup("Microsoft.OperationalInsights", "workspaces", name(/^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/)),
  },
  AKS_CLUSTER: {
    description:
      "an AKS cluster resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/<name>",
    resourceType: "Microsoft.ContainerService/managedClusters",
    segments: inResourceGroup("Microsoft.ContainerService", "managedClusters", name(CLUSTER_NAME)),
  },
  CONNECTED_CLUSTER: {
    description:
      "an Arc-enabled Kubernetes cluster resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Kubernetes/connectedClusters/<name>",
    resourceType: "Microsoft.Kubernetes/connectedClusters",
    segments: inResourceGroup("Microsoft.Kubernetes", "connectedClusters", name(CLUSTER_NAME)),
  },
  SECURITY_CONNECTOR: {
    description:
      "a security connector resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Security/securityConnectors/<name>",
    resourceType: "Microsoft.Security/securityConnectors",
    segments: inResourceGroup("Microsoft.Security", "securityConnectors", name(SECURITY_CONNECTOR_NAME_PATTERN)),
  },
  VIRTUAL_NETWORK: {
    description:
      "a virtual network resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<name>",
    resourceType: "Microsoft.Network/virtualNetworks",
    segments: inResourceGroup("Microsoft.Network", "virtualNetworks", name(VIRTUAL_NETWORK_NAME)),
  },
  SUBNET: {
    description:
      "a subnet resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<name>",
    resourceType: "Microsoft.Network/virtualNetworks/subnets",
    segments: [
      ...inResourceGroup("Microsoft.Network", "virtualNetworks", { key: "parentName", pattern: VIRTUAL_NETWORK_NAME }),
      "subnets",
      name(SUBNET_NAME),
    ],
  },
  PRIVATE_DNS_ZONE: {
    description:
      "a private DNS zone resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/privateDnsZones/<zone name>",
    resourceType: "Microsoft.Network/privateDnsZones",
    segments: inResourceGroup("Microsoft.Network", "privateDnsZones", name(DNS_ZONE_NAME)),
  },
  EVENT_HUB: {
    description:
      "an Event Hub resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.EventHub/namespaces/<namespace>/eventhubs/<name> (the event hub, not the namespace)",
    resourceType: "Microsoft.EventHub/namespaces/eventhubs",
    segments: [
      ...inResourceGroup("Microsoft.EventHub", "namespaces", { key: "parentName", pattern: /^[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$/ }),
      "eventhubs",
      name(/^[A-Za-z0-9][\w.-]{0,255}$/),
    ],
  },
  LOGIC_APP: {
    description:
      "a Logic App workflow resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Logic/workflows/<name>",
    resourceType: "Microsoft.Logic/workflows",
    segments: inResourceGroup("Microsoft.Logic", "workflows", name(/^[-\w.()]{1,80}$/)),
  },
  CONTAINER_REGISTRY: {
    description:
      "an Azure Container Registry resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name> (name: 5-50 letters or digits)",
    resourceType: "Microsoft.ContainerRegistry/registries",
    segments: inResourceGroup("Microsoft.ContainerRegistry", "registries", name(/^[A-Za-z0-9]{5,50}$/)),
  },
  FIREWALL_POLICY: {
    description:
      "an Azure Firewall policy resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/firewallPolicies/<name>",
    resourceType: "Microsoft.Network/firewallPolicies",
    segments: inResourceGroup("Microsoft.Network", "firewallPolicies", name(/^[A-Za-z0-9](?:[\w.-]{0,78}\w)?$/)),
  },
} satisfies Record<string, AzureResourceIdFormat>;

/**
 * Parses `value` as an ID of the given format. Returns undefined for unresolved tokens (they are
 * checked by Azure at apply time); throws a {@link DefenderValidationError} naming the construct,
 * the property, the value and the expected form otherwise.
 *
 * Fixed segments are matched case-insensitively and returned in canonical casing, because ARM
 * treats them case-insensitively while Terraform compares strings exactly (azurerm issues
 * #19488, #17090: `resourcegroups` vs `resourceGroups` diffs).
 */
export function parseAzureResourceId(
  scope: IConstruct,
  prop: string,
  value: string,
  format: AzureResourceIdFormat,
): ParsedAzureResourceId | undefined {
  if (isUnresolved(value)) return undefined;
  const parsed = typeof value === "string" ? matchFormat(value, format) : undefined;
  if (!parsed) {
    const actualType = typeof value === "string" ? resourceTypeOf(value) : undefined;
    const hint =
      actualType && actualType.toLowerCase() !== format.resourceType.toLowerCase()
        ? `The value is a ${actualType} ID.`
        : undefined;
    invalidValue(scope, prop, value, format.description, hint);
  }
  return parsed;
}

/** True when `value` is a literal ID of the given format. */
export function isAzureResourceId(value: string, format: AzureResourceIdFormat): boolean {
  return !isUnresolved(value) && matchFormat(value, format) !== undefined;
}

function matchFormat(value: string, format: AzureResourceIdFormat): ParsedAzureResourceId | undefined {
  if (!value.startsWith("/")) return undefined;
  const parts = value.replace(/\/+$/, "").split("/").slice(1);
  if (parts.length !== format.segments.length) return undefined;
  const result: Record<string, string> = {};
  const canonical: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const segment = format.segments[i];
    const part = parts[i];
    if (typeof segment === "string") {
      if (part.toLowerCase() !== segment.toLowerCase()) return undefined;
      canonical.push(segment);
    } else {
      if (!segment.pattern.test(part) || (segment.guid && !isGuid(part))) return undefined;
      result[segment.key] = part;
      canonical.push(part);
    }
  }
  return { ...result, id: `/${canonical.join("/")}` } as ParsedAzureResourceId;
}

/**
 * `Microsoft.Foo/bars` (or `Microsoft.Foo/bars/children` for a child resource) for an ID that
 * names a provider resource, else undefined.
 */
function resourceTypeOf(value: string): string | undefined {
  const match = /^.*\/providers\/([^/]+)\/((?:[^/]+\/[^/]+\/)*[^/]+\/[^/]+)\/?$/i.exec(value);
  if (!match) return undefined;
  const types = match[2].split("/").filter((_segment, i) => i % 2 === 0);
  return `${match[1]}/${types.join("/")}`;
}

/** Builds an ID of the given format from its parts (the inverse of {@link parseAzureResourceId}). */
export function formatAzureResourceId(format: AzureResourceIdFormat, parts: Omit<ParsedAzureResourceId, "id">): string {
  const segments = format.segments.map((segment) => {
    if (typeof segment === "string") return segment;
    const value = parts[segment.key];
    if (value === undefined) throw new DefenderArgumentError(`formatAzureResourceId: missing ${segment.key} for ${format.resourceType || format.description}`);
    return value;
  });
  return `/${segments.join("/")}`;
}

/**
 * Validates a resource group name: 1-90 letters, digits, underscores, hyphens, periods or
 * parentheses, not ending with a period (ARM naming rules). Tokens pass through.
 */
export function validateResourceGroupName(scope: IConstruct, prop: string, value: string): string {
  if (isUnresolved(value)) return value;
  if (typeof value !== "string" || !RESOURCE_GROUP.pattern.test(value)) {
    invalidValue(scope, prop, value, "a resource group name of 1-90 letters, digits (any script), underscores, hyphens, periods or parentheses, not ending with a period");
  }
  return value;
}
