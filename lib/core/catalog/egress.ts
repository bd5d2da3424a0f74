/**
 * Outbound endpoints Defender for Containers and the pieces it relies on need, per Azure cloud,
 * as data: for firewall rules, proxy allow lists and reviews.
 *
 * Sources (public repositories; the date is the page's `ms.date` or its last commit):
 *  - AKS: MicrosoftDocs/azure-aks-docs `articles/aks/outbound-rules-control-egress.md` (sections
 *    "Microsoft Defender for Containers", "Azure Policy", "Cluster extensions"): the AKS sensor's list.
 *  - DEFENDER_ARC_EKS_GKE: MicrosoftDocs/defender-docs `defender-for-cloud/includes/
 *    defender-for-containers-network-requirements-arc-eks-gke.md` (2026): the sensor on Arc, EKS and
 *    GKE clusters needs `*.cloud.defender.microsoft.com:443` only, "N/A" in Azure Government and
 *    21Vianet; `*.ods.opinsights.azure.com` and `*.oms.opinsights.azure.com` "are no longer required".
 *  - ARC_*: MicrosoftDocs/azure-management-docs `articles/azure-arc/kubernetes/includes/
 *    network-requirements-azure-{cloud,government,china}.md` (ms.date 2026-06-11): the
 *    `*.azureedge.net` hosts are gone from all three pages; `linuxgeneva-microsoft.azurecr.io` is
 *    "Required if using Azure Arc-enabled Kubernetes extensions" (public cloud).
 */
import { DefenderArgumentError } from "../errors";

/** An Azure cloud (the names azapi's `environment` and the Azure CLI use). */
export enum AzureCloud {
  /** Azure public cloud. */
  PUBLIC = "public",
  /** Azure US Government. */
  US_GOVERNMENT = "usgovernment",
  /**
   * Microsoft Azure operated by 21Vianet. Defender for Cloud there retires on 2026-10-01 (no new
   * subscriptions since the announcement of 2025-08-18): MicrosoftDocs/defender-docs
   * `defender-for-cloud/includes/21vianet-retirement.md`.
   */
  CHINA = "china",
}

/** What an endpoint is for. */
export enum EgressComponent {
  /** The AKS-managed sensor (security profile): sign-in and upload to Log Analytics, per the AKS egress page. */
  SENSOR = "sensor",
  /**
   * Defender's endpoint `*.cloud.defender.microsoft.com` (public cloud only): the one endpoint the
   * sensor on Arc, EKS and GKE clusters needs, and the one Microsoft Security Private Link serves.
   */
  SENSOR_DEFENDER_ENDPOINT = "sensor-defender-endpoint",
  /** Cluster extensions (the Arc/AKS extension the sensor and policy ship as). */
  CLUSTER_EXTENSIONS = "cluster-extensions",
  /** The Azure Policy add-on / extension (Gatekeeper). */
  AZURE_POLICY = "azure-policy",
  /** Azure Arc agents on a connected cluster (onboarding, identity, configuration, upgrades). */
  ARC_AGENTS = "arc-agents",
  /** Arc Cluster Connect, custom locations and Azure RBAC (only when those features are used). */
  ARC_CLUSTER_CONNECT = "arc-cluster-connect",
}

/** Where the Defender sensor runs: it decides which of the sensor's endpoints apply. */
export enum SensorEnvironment {
  /** AKS, sensor from the cluster's security profile (the AKS egress page's list). */
  AKS = "aks",
  /** Arc-enabled Kubernetes, sensor as the `microsoft.azuredefender.kubernetes` extension. */
  ARC = "arc",
  /** EKS, sensor from Helm or through the connector. */
  EKS = "eks",
  /** GKE, sensor from Helm or through the connector. */
  GKE = "gke",
}

/**
 * The components a sensor in `environment` needs egress for. AKS: the AKS egress page's sensor
 * hosts plus Defender's endpoint (what Microsoft Security Private Link serves). Arc, EKS, GKE:
 * Defender's endpoint only (defender-docs include, see the file header); for Arc also the Arc
 * agents, without which the extension cannot be installed.
 */
export function sensorEgressComponents(environment: SensorEnvironment): EgressComponent[] {
  switch (environment) {
    case SensorEnvironment.AKS:
      return [EgressComponent.SENSOR, EgressComponent.SENSOR_DEFENDER_ENDPOINT];
    case SensorEnvironment.ARC:
      return [EgressComponent.SENSOR_DEFENDER_ENDPOINT, EgressComponent.ARC_AGENTS];
    case SensorEnvironment.EKS:
    case SensorEnvironment.GKE:
      return [EgressComponent.SENSOR_DEFENDER_ENDPOINT];
    default:
      throw new DefenderArgumentError(`sensorEgressComponents: environment: got ${JSON.stringify(environment)}; expected one of ${Object.values(SensorEnvironment).join(", ")}.`);
  }
}

/** Application-rule protocol of an endpoint. */
export enum EgressProtocol {
  HTTPS = "Https",
  HTTP = "Http",
}

/** The placeholder Microsoft's tables use for the cluster's region. */
export const REGION_PLACEHOLDER = "<region>";

/** One documented outbound endpoint. */
export interface EgressRule {
  /** Host name; `*.` wildcards and {@link REGION_PLACEHOLDER} as Microsoft writes them. */
  readonly fqdn: string;
  readonly port: number;
  readonly protocol: EgressProtocol;
  /** What needs it, in Microsoft's words (shortened). */
  readonly purpose: string;
  readonly component: EgressComponent;
  /** Clouds where Microsoft lists this host. */
  readonly clouds: readonly AzureCloud[];
  /** Where it is documented. */
  readonly source: string;
  /**
   * Set when sources disagree or the entry is an inference; says what was decided.
   * @default - none
   */
  readonly note?: string;
}

const SRC = {
  AKS: "MicrosoftDocs/azure-aks-docs articles/aks/outbound-rules-control-egress.md",
  DEFENDER_ARC_EKS_GKE: "MicrosoftDocs/defender-docs defender-for-cloud/includes/defender-for-containers-network-requirements-arc-eks-gke.md",
  ARC_PUBLIC: "MicrosoftDocs/azure-management-docs articles/azure-arc/kubernetes/includes/network-requirements-azure-cloud.md (2026-06-11)",
  ARC_GOV: "MicrosoftDocs/azure-management-docs articles/azure-arc/kubernetes/includes/network-requirements-azure-government.md (2026-06-11)",
  ARC_CHINA: "MicrosoftDocs/azure-management-docs articles/azure-arc/kubernetes/includes/network-requirements-azure-china.md (2026-06-11)",
} as const;

const { PUBLIC, US_GOVERNMENT: GOV, CHINA } = AzureCloud;
const HTTPS = EgressProtocol.HTTPS;

function rules(
  component: EgressComponent,
  source: string,
  entries: readonly [fqdn: string, clouds: readonly AzureCloud[], purpose: string, port?: number, note?: string][],
): EgressRule[] {
  return entries.map(([fqdn, clouds, purpose, port, note]) => ({
    fqdn,
    port: port ?? 443,
    protocol: HTTPS,
    purpose,
    component,
    clouds,
    source,
    ...(note ? { note } : {}),
  }));
}

/** Every documented endpoint. Use {@link defenderEgressRules} to select, {@link expandEgressRules} to fill in regions. */
export const DEFENDER_EGRESS_RULES: readonly EgressRule[] = Object.freeze([
  ...rules(EgressComponent.SENSOR, SRC.AKS, [
    ["login.microsoftonline.com", [PUBLIC], "Microsoft Entra ID authentication"],
    ["login.microsoftonline.us", [GOV], "Microsoft Entra ID authentication"],
    ["login.microsoftonline.cn", [CHINA], "Microsoft Entra ID authentication"],
    ["*.ods.opinsights.azure.com", [PUBLIC], "upload of security events"],
    ["*.ods.opinsights.azure.us", [GOV], "upload of security events"],
    ["*.ods.opinsights.azure.cn", [CHINA], "upload of security events"],
    ["*.oms.opinsights.azure.com", [PUBLIC], "authentication with Log Analytics workspaces"],
    ["*.oms.opinsights.azure.us", [GOV], "authentication with Log Analytics workspaces"],
    ["*.oms.opinsights.azure.cn", [CHINA], "authentication with Log Analytics workspaces"],
  ]),
  ...rules(EgressComponent.SENSOR_DEFENDER_ENDPOINT, SRC.DEFENDER_ARC_EKS_GKE, [
    [
      "*.cloud.defender.microsoft.com",
      [PUBLIC],
      "sensor connection to Microsoft Defender for Cloud",
      443,
      "The only endpoint of the Arc, EKS and GKE sensor; Azure Government and 21Vianet: N/A (no endpoint listed).",
    ],
  ]),
  ...rules(EgressComponent.CLUSTER_EXTENSIONS, SRC.AKS, [
    [`${REGION_PLACEHOLDER}.dp.kubernetesconfiguration.azure.com`, [PUBLIC], "cluster extension configuration and status"],
    [`${REGION_PLACEHOLDER}.dp.kubernetesconfiguration.azure.us`, [GOV], "cluster extension configuration and status"],
    ["mcr.microsoft.com", [PUBLIC, GOV], "images of cluster extension agents"],
    ["*.data.mcr.microsoft.com", [PUBLIC, GOV], "images of cluster extension agents (MCR storage)"],
  ]),
  ...rules(EgressComponent.AZURE_POLICY, SRC.AKS, [
    ["data.policy.core.windows.net", [PUBLIC], "Kubernetes policies and compliance reporting"],
    ["store.policy.core.windows.net", [PUBLIC], "Gatekeeper artifacts of built-in policies"],
    ["dc.services.visualstudio.com", [PUBLIC], "Azure Policy add-on telemetry"],
    ["data.policy.azure.us", [GOV], "Kubernetes policies and compliance reporting"],
    ["store.policy.azure.us", [GOV], "Gatekeeper artifacts of built-in policies"],
    ["data.policy.azure.cn", [CHINA], "Kubernetes policies and compliance reporting"],
    ["store.policy.azure.cn", [CHINA], "Gatekeeper artifacts of built-in policies"],
  ]),
  ...rules(EgressComponent.ARC_AGENTS, SRC.ARC_PUBLIC, [
    ["management.azure.com", [PUBLIC], "agent connection to Azure Resource Manager"],
    [`${REGION_PLACEHOLDER}.dp.kubernetesconfiguration.azure.com`, [PUBLIC], "agent status and configuration"],
    ["login.microsoftonline.com", [PUBLIC], "Azure Resource Manager tokens"],
    [`${REGION_PLACEHOLDER}.login.microsoft.com`, [PUBLIC], "Azure Resource Manager tokens"],
    ["login.windows.net", [PUBLIC], "Azure Resource Manager tokens"],
    ["mcr.microsoft.com", [PUBLIC], "Arc agent images"],
    ["*.data.mcr.microsoft.com", [PUBLIC], "Arc agent images (MCR storage)"],
    ["gbl.his.arc.azure.com", [PUBLIC], "regional endpoint of managed identity certificates"],
    ["*.his.arc.azure.com", [PUBLIC], "managed identity certificates"],
    ["*.arc.azure.net", [PUBLIC], "managing connected clusters in the Azure portal"],
    ["dl.k8s.io", [PUBLIC], "kubectl download during onboarding with az connectedk8s"],
    ["linuxgeneva-microsoft.azurecr.io", [PUBLIC], "required when Arc-enabled Kubernetes extensions are used (the Defender sensor is one)"],
  ]),
  ...rules(EgressComponent.ARC_CLUSTER_CONNECT, SRC.ARC_PUBLIC, [
    ["guestnotificationservice.azure.com", [PUBLIC], "Cluster Connect and custom locations"],
    ["*.guestnotificationservice.azure.com", [PUBLIC], "Cluster Connect and custom locations"],
    ["sts.windows.net", [PUBLIC, GOV], "Cluster Connect and custom locations"],
    ["*.servicebus.windows.net", [PUBLIC], "Cluster Connect and custom locations (websockets must be allowed)"],
    ["graph.microsoft.com", [PUBLIC, GOV], "Azure RBAC on the cluster"],
    [`${REGION_PLACEHOLDER}.obo.arc.azure.com`, [PUBLIC], "Cluster Connect", 8084],
  ]),
  ...rules(EgressComponent.ARC_AGENTS, SRC.ARC_GOV, [
    ["management.usgovcloudapi.net", [GOV], "agent connection to Azure Resource Manager"],
    [`${REGION_PLACEHOLDER}.dp.kubernetesconfiguration.azure.us`, [GOV], "agent status and configuration"],
    ["login.microsoftonline.us", [GOV], "Azure Resource Manager tokens"],
    [`${REGION_PLACEHOLDER}.login.microsoftonline.us`, [GOV], "Azure Resource Manager tokens"],
    ["mcr.microsoft.com", [GOV], "Arc agent images"],
    ["*.data.mcr.microsoft.com", [GOV], "Arc agent images (MCR storage)"],
    ["gbl.his.arc.azure.us", [GOV], "regional endpoint of managed identity certificates"],
    ["usgv.his.arc.azure.us", [GOV], "managed identity certificates"],
  ]),
  ...rules(EgressComponent.ARC_CLUSTER_CONNECT, SRC.ARC_GOV, [
    ["guestnotificationservice.azure.us", [GOV], "Cluster Connect and custom locations"],
    ["*.guestnotificationservice.azure.us", [GOV], "Cluster Connect and custom locations"],
    ["*.servicebus.usgovcloudapi.net", [GOV], "Cluster Connect and custom locations (websockets must be allowed)"],
    ["usgovvirginia.obo.arc.azure.us", [GOV], "Cluster Connect", 8084],
  ]),
  ...rules(EgressComponent.ARC_AGENTS, SRC.ARC_CHINA, [
    ["management.chinacloudapi.cn", [CHINA], "agent connection to Azure Resource Manager"],
    [`${REGION_PLACEHOLDER}.dp.kubernetesconfiguration.azure.cn`, [CHINA], "agent status and configuration"],
    ["login.chinacloudapi.cn", [CHINA], "Azure Resource Manager tokens"],
    [`${REGION_PLACEHOLDER}.login.chinacloudapi.cn`, [CHINA], "Azure Resource Manager tokens"],
    ["login.partner.microsoftonline.cn", [CHINA], "Azure Resource Manager tokens"],
    ["mcr.azk8s.cn", [CHINA], "Arc agent images"],
    ["gbl.his.arc.azure.cn", [CHINA], "regional endpoint of managed identity certificates"],
    ["*.his.arc.azure.cn", [CHINA], "managed identity certificates"],
    ["*.arc.azure.cn", [CHINA], "managing connected clusters in the Azure portal"],
  ]),
  ...rules(EgressComponent.ARC_CLUSTER_CONNECT, SRC.ARC_CHINA, [
    ["guestnotificationservice.azure.cn", [CHINA], "Cluster Connect and custom locations"],
    ["*.guestnotificationservice.azure.cn", [CHINA], "Cluster Connect and custom locations"],
    ["sts.chinacloudapi.cn", [CHINA], "Cluster Connect and custom locations"],
    ["*.servicebus.chinacloudapi.cn", [CHINA], "Cluster Connect and custom locations (websockets must be allowed)"],
    ["graph.chinacloudapi.cn", [CHINA], "Azure RBAC on the cluster"],
    [`${REGION_PLACEHOLDER}.obo.arc.azure.cn`, [CHINA], "Cluster Connect", 8084],
  ]),
]);

const CLOUDS = Object.values(AzureCloud) as string[];
const COMPONENTS = Object.values(EgressComponent) as string[];

/**
 * The documented endpoints for one cloud and the given components, in catalog order.
 * `<region>` placeholders are kept: pass the result to {@link expandEgressRules}.
 * @param components default: every component
 * @throws Error on an unknown cloud or component (for callers without type checking)
 */
export function defenderEgressRules(cloud: AzureCloud, components: readonly EgressComponent[] = Object.values(EgressComponent)): EgressRule[] {
  if (!CLOUDS.includes(cloud)) {
    throw new DefenderArgumentError(`defenderEgressRules: cloud: got ${JSON.stringify(cloud)}; expected one of ${CLOUDS.join(", ")}.`);
  }
  const unknown = components.find((c) => !COMPONENTS.includes(c));
  if (unknown !== undefined) {
    throw new DefenderArgumentError(`defenderEgressRules: components: got ${JSON.stringify(unknown)}; expected any of ${COMPONENTS.join(", ")}.`);
  }
  return DEFENDER_EGRESS_RULES.filter((rule) => rule.clouds.includes(cloud) && components.includes(rule.component));
}

/** True when the endpoint's host depends on the cluster's region. */
export function hasRegionPlaceholder(rule: EgressRule): boolean {
  return rule.fqdn.includes(REGION_PLACEHOLDER);
}

/**
 * Replaces `<region>` by each region (one rule per region; regions as ARM names, e.g. `westeurope`),
 * keeps other rules as they are, and drops exact duplicates.
 * @throws Error when a rule has a placeholder and `regions` is empty
 */
export function expandEgressRules(rules: readonly EgressRule[], regions: readonly string[]): EgressRule[] {
  const placeholders = rules.filter(hasRegionPlaceholder);
  if (placeholders.length > 0 && regions.length === 0) {
    throw new DefenderArgumentError(
      `expandEgressRules: regions: got []; expected at least one Azure region, since ${placeholders.map((r) => r.fqdn).join(", ")} depend on the cluster's region.`,
    );
  }
  const seen = new Set<string>();
  const out: EgressRule[] = [];
  for (const rule of rules) {
    const fqdns = hasRegionPlaceholder(rule) ? regions.map((region) => rule.fqdn.replace(REGION_PLACEHOLDER, region)) : [rule.fqdn];
    for (const fqdn of fqdns) {
      const key = `${rule.component}|${rule.protocol}|${rule.port}|${fqdn}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...rule, fqdn });
    }
  }
  return out;
}

/** A Markdown table (FQDN | port | component | purpose | clouds) of the given rules, e.g. for a README or a review. */
export function egressRulesMarkdown(rules: readonly EgressRule[]): string {
  const lines = ["| FQDN | port | component | purpose | clouds |", "|---|---|---|---|---|"];
  for (const rule of rules) {
    const purpose = rule.note ? `${rule.purpose} (${rule.note})` : rule.purpose;
    lines.push(`| \`${rule.fqdn}\` | ${rule.protocol.toUpperCase()} ${rule.port} | ${rule.component} | ${purpose} | ${rule.clouds.join(", ")} |`);
  }
  return `${lines.join("\n")}\n`;
}
