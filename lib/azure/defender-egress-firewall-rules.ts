import {
  FirewallPolicyRuleCollectionGroup,
  FirewallPolicyRuleCollectionGroupApplicationRuleCollectionRule,
} from "@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AzureResourceIdFormats, parseAzureResourceId } from "../core/azure-resource-id";
import {
  AzureCloud,
  defenderEgressRules,
  EgressComponent,
  EgressRule,
  expandEgressRules,
  hasRegionPlaceholder,
  sensorEgressComponents,
  SensorEnvironment,
} from "../core/catalog/egress";
import { DefenderValidationError, invalidValue } from "../core/errors";
import { validateIpv4Cidr } from "../core/formats";
import { validateAzureRegion } from "../core/region";
import { isUnresolved, validateIntegerInRange, validateNonEmptyUnique, validatePattern } from "../core/validation";

/** Props of {@link DefenderEgressFirewallRules}. */
export interface DefenderEgressFirewallRulesProps {
  /** The existing Azure Firewall policy the rule collection group is added to. */
  readonly firewallPolicyId: string;
  /** Where the traffic comes from: the cluster subnets, as IPv4 CIDRs (or single addresses). */
  readonly sourceAddresses: string[];
  /**
   * Priority of the rule collection group (and of its one application rule collection), 100-65000;
   * unique within the firewall policy.
   */
  readonly priority: number;
  /**
   * Azure cloud of the clusters.
   * @default AzureCloud.PUBLIC
   */
  readonly cloud?: AzureCloud;
  /**
   * Where the sensor behind this firewall runs. It picks the default {@link components}: the AKS
   * sensor uses the AKS egress page's hosts (sign-in, Log Analytics) and Defender's endpoint; the
   * sensor on Arc, EKS and GKE uses `*.cloud.defender.microsoft.com` only (not available, and not
   * needed, in Azure Government and 21Vianet), plus the Arc agents' hosts on Arc.
   * @default SensorEnvironment.AKS
   */
  readonly sensorEnvironment?: SensorEnvironment;
  /**
   * Which endpoints to allow.
   * @default sensorEgressComponents(sensorEnvironment) — what the sensor itself needs; add
   * CLUSTER_EXTENSIONS, AZURE_POLICY, ARC_AGENTS, ARC_CLUSTER_CONNECT as your clusters use them
   */
  readonly components?: EgressComponent[];
  /**
   * Regions of the clusters, e.g. `westeurope`: Microsoft writes some hosts as
   * `<region>.dp.kubernetesconfiguration.azure.com`, and they are expanded per region. Required
   * when a selected component has such hosts.
   * @default - none
   */
  readonly regions?: string[];
  /**
   * Name of the rule collection group.
   * @default "defender-for-containers-egress"
   */
  readonly name?: string;
  /**
   * azurerm provider.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

const NAME = /^[A-Za-z0-9](?:[\w.-]{0,78}\w)?$/;

/**
 * Allows the documented outbound endpoints of Defender for Containers (and, as chosen, cluster
 * extensions, Azure Policy and Arc agents) through an existing Azure Firewall policy: one
 * `azurerm_firewall_policy_rule_collection_group` with one Allow application rule collection,
 * one rule per component and port. The endpoints come from the egress catalog
 * (`defenderEgressRules`), where each has its source.
 */
export class DefenderEgressFirewallRules extends Construct {
  /** The rule collection group. */
  public readonly ruleCollectionGroup: FirewallPolicyRuleCollectionGroup;
  /** The endpoints allowed, regions expanded. */
  public readonly endpoints: readonly EgressRule[];

  constructor(scope: Construct, id: string, props: DefenderEgressFirewallRulesProps) {
    super(scope, id);
    const policy = parseAzureResourceId(this, "firewallPolicyId", props.firewallPolicyId, AzureResourceIdFormats.FIREWALL_POLICY);
    const sourceAddresses = validateNonEmptyUnique(this, "sourceAddresses", props.sourceAddresses, (a) => a, "source address");
    sourceAddresses.forEach((address, i) => validateIpv4Cidr(this, `sourceAddresses[${i}]`, address));
    const priority = validateIntegerInRange(this, "priority", props.priority, 100, 65000);
    const name = validatePattern(this, "name", props.name ?? "defender-for-containers-egress", NAME, "1-80 letters, digits, periods, hyphens or underscores, starting with a letter or digit and ending with a letter, digit or underscore");

    const cloud = props.cloud ?? AzureCloud.PUBLIC;
    if (!(Object.values(AzureCloud) as string[]).includes(cloud)) {
      invalidValue(this, "cloud", cloud, `one of ${Object.values(AzureCloud).join(", ")}`);
    }
    const environment = props.sensorEnvironment ?? SensorEnvironment.AKS;
    if (!(Object.values(SensorEnvironment) as string[]).includes(environment)) {
      invalidValue(this, "sensorEnvironment", environment, `one of ${Object.values(SensorEnvironment).join(", ")}`);
    }
    const components = validateNonEmptyUnique(
      this,
      "components",
      props.components ?? sensorEgressComponents(environment),
      (c) => c,
      "component",
    );
    components.forEach((c, i) => {
      if (!(Object.values(EgressComponent) as string[]).includes(c)) invalidValue(this, `components[${i}]`, c, `one of ${Object.values(EgressComponent).join(", ")}`);
    });

    const selected = defenderEgressRules(cloud, components);
    if (selected.length === 0) {
      throw new DefenderValidationError(this, `components: got ${JSON.stringify(components)} for cloud "${cloud}"; expected components with documented endpoints in that cloud.`);
    }
    const regions = (props.regions ?? []).map((r, i) => validateAzureRegion(this, `regions[${i}]`, r));
    if (regions.length > 0) validateNonEmptyUnique(this, "regions", regions, (r) => r, "region");
    const placeholders = selected.filter(hasRegionPlaceholder);
    if (placeholders.length > 0 && regions.length === 0) {
      invalidValue(
        this,
        "regions",
        props.regions ?? [],
        "at least one Azure region of the clusters",
        `These hosts depend on the region: ${[...new Set(placeholders.map((r) => r.fqdn))].join(", ")}.`,
      );
    }
    if (regions.some(isUnresolved)) {
      throw new DefenderValidationError(this, "regions: got an unresolved reference; expected literal region names, since they become host names.");
    }
    this.endpoints = expandEgressRules(selected, regions);

    this.ruleCollectionGroup = new FirewallPolicyRuleCollectionGroup(this, "rules", {
      name,
      firewallPolicyId: policy?.id ?? props.firewallPolicyId,
      priority,
      applicationRuleCollection: [
        {
          name: "defender-for-containers",
          priority,
          action: "Allow",
          rule: this.rules(this.endpoints, [...sourceAddresses]),
        },
      ],
      provider: props.provider,
    });
  }

  /** One rule per (component, protocol, port), FQDNs sorted, in catalog order of components. */
  private rules(endpoints: readonly EgressRule[], sourceAddresses: string[]): FirewallPolicyRuleCollectionGroupApplicationRuleCollectionRule[] {
    const groups = new Map<string, { component: string; protocol: string; port: number; fqdns: Set<string> }>();
    for (const e of endpoints) {
      const key = `${e.component}-${e.protocol.toLowerCase()}-${e.port}`;
      const group = groups.get(key) ?? { component: e.component, protocol: e.protocol, port: e.port, fqdns: new Set<string>() };
      group.fqdns.add(e.fqdn);
      groups.set(key, group);
    }
    return [...groups.entries()].map(([key, g]) => ({
      name: key,
      description: `Defender for Containers egress: ${g.component}`,
      sourceAddresses,
      destinationFqdns: [...g.fqdns].sort(),
      protocols: [{ type: g.protocol, port: g.port }],
    }));
  }
}
