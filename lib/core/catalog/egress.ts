/**
 * Outbound endpoints Defender for Containers and the pieces it relies on need, per Azure cloud,
 * as data: for firewall rules, proxy allow lists and reviews.
 *
 * Sources (MicrosoftDocs/azure-docs, stored copies; facts E):
 *  - AKS: `articles/aks/outbound-rules-control-egress.md` (sections "Microsoft Defender for
 *    Containers", "Azure Policy", "Cluster extensions")
 *  - DEFENDER_ARC: `articles/defender-for-cloud/includes/defender-for-container-prerequisites-arc-eks-gke.md`
 *  - DEFENDER_NETWORK: learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-network-access (2026)
 *  - ARC_*: `articles/azure-arc/kubernetes/includes/network-requirements-azure-{cloud,government,china}.md`
 */
import { DefenderArgumentError } from "../errors";

/** An Azure cloud (the names azapi's `environment` and the Azure CLI use). */
export enum AzureCloud {
  /** Azure public cloud. */
  PUBLIC = "public",
  /** Azure US Government. */
  US_GOVERNMENT = "usgovernment",
  /** Microsoft Azure operated by 21Vianet (Defender for Cloud there retires on 2026-08-18, facts E). */
  CHINA = "china",
}

/** What an endpoint is for. */
export enum EgressComponent {
  /** The Defender sensor: sign-in and upload to Log Analytics (AKS profile, Arc extension, Helm). */
  SENSOR = "sensor",
  /** The sensor's newer Defender endpoint `*.cloud.defender.microsoft.com` (public cloud). */
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
  AKS: "MS-Docs articles/aks/outbound-rules-control-egress.md",
  DEFENDER_ARC: "MS-Docs articles/defender-for-cloud/includes/defender-for-container-prerequisites-arc-eks-gke.md",
  DEFENDER_NETWORK: "learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-network-access",
  ARC_PUBLIC: "MS-Docs articles/azure-arc/kubernetes/includes/network-requirements-azure-cloud.md",
  ARC_GOV: "MS-Docs articles/azure-arc/kubernetes/includes/network-requirements-azure-government.md",
  ARC_CHINA: "MS-Docs articles/azure-arc/kubernetes/includes/network-requirements-azure-china.md",
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

/**
 * CONFLICT (facts E): for 21Vianet, the AKS egress page lists the sensor's sign-in host as
 * `login.microsoftonline.cn`, the Defender include for Arc/EKS/GKE (and the AKS core rules and Arc
 * China page) as `login.chinacloudapi.cn`. Decision: list both. A missing sign-in host breaks
 * the sensor silently; allowing one more Microsoft sign-in host costs nothing.
 */
export const CHINA_LOGIN_CONFLICT_NOTE =
  "CONFLICT: the AKS egress page lists login.microsoftonline.cn, the Defender include for Arc/EKS/GKE lists login.chinacloudapi.cn; both are listed.";

/** Every documented endpoint. Use {@link defenderEgressRules} to select, {@link expandEgressRules} to fill in regions. */
export const DEFENDER_EGRESS_RULES: readonly EgressRule[] = Object.freeze([
  ...rules(EgressComponent.SENSOR, SRC.AKS, [
    ["login.microsoftonline.com", [PUBLIC], "Microsoft Entra ID authentication"],
    ["login.microsoftonline.us", [GOV], "Microsoft Entra ID authentication"],
    ["login.microsoftonline.cn", [CHINA], "Microsoft Entra ID authentication", 443, CHINA_LOGIN_CONFLICT_NOTE],
    ["*.ods.opinsights.azure.com", [PUBLIC], "upload of security events"],
    ["*.ods.opinsights.azure.us", [GOV], "upload of security events"],
    ["*.ods.opinsights.azure.cn", [CHINA], "upload of security events"],
    ["*.oms.opinsights.azure.com", [PUBLIC], "authentication with Log Analytics workspaces"],
    ["*.oms.opinsights.azure.us", [GOV], "authentication with Log Analytics workspaces"],
    ["*.oms.opinsights.azure.cn", [CHINA], "authentication with Log Analytics workspaces"],
  ]),
  ...rules(EgressComponent.SENSOR, SRC.DEFENDER_ARC, [
    ["login.chinacloudapi.cn", [CHINA], "Microsoft Entra ID authentication", 443, CHINA_LOGIN_CONFLICT_NOTE],
  ]),
  ...rules(EgressComponent.SENSOR_DEFENDER_ENDPOINT, SRC.DEFENDER_NETWORK, [
    [
      "*.cloud.defender.microsoft.com",
      [PUBLIC],
      "sensor connection to Microsoft Defender for Cloud",
      443,
      "Documented for the public cloud only (Microsoft Security Private Link is not available in sovereign clouds); sovereign equivalents UNCONFIRMED.",
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
    ["k8connecthelm.azureedge.net", [PUBLIC], "Helm client download for az connectedk8s connect"],
    ["*.arc.azure.net", [PUBLIC], "managing connected clusters in the Azure portal"],
    ["dl.k8s.io", [PUBLIC], "automatic agent upgrade"],
  ]),
  ...rules(EgressComponent.ARC_CLUSTER_CONNECT, SRC.ARC_PUBLIC, [
    ["guestnotificationservice.azure.com", [PUBLIC], "Cluster Connect and custom locations"],
    ["*.guestnotificationservice.azure.com", [PUBLIC], "Cluster Connect and custom locations"],
    ["sts.windows.net", [PUBLIC, GOV], "Cluster Connect and custom locations"],
    ["k8sconnectcsp.azureedge.net", [PUBLIC, GOV, CHINA], "Cluster Connect and custom locations"],
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
    ["k8connecthelm.azureedge.net", [GOV, CHINA], "Helm client download for az connectedk8s connect"],
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
    ["dl.k8s.io", [CHINA], "automatic agent upgrade"],
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
