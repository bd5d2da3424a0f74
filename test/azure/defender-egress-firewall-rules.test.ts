import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { AzureCloud, DefenderEgressFirewallRules, DefenderEgressFirewallRulesProps, EgressComponent, SensorEnvironment } from "../../lib/azure";
import { newStack, onlyResourceOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const POLICY = `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/firewallPolicies/fwp-hub`;
const base: DefenderEgressFirewallRulesProps = { firewallPolicyId: POLICY, sourceAddresses: ["10.240.0.0/16"], priority: 500 };
const GROUP = "azurerm_firewall_policy_rule_collection_group";

function groupOf(props: Partial<DefenderEgressFirewallRulesProps>) {
  return onlyResourceOf(synthesize((stack) => new DefenderEgressFirewallRules(stack, "fw", { ...base, ...props })), GROUP);
}
const rulesOf = (props: Partial<DefenderEgressFirewallRulesProps>) => groupOf(props).application_rule_collection[0].rule;
const make = (props: Partial<DefenderEgressFirewallRulesProps>) => () => new DefenderEgressFirewallRules(newStack(), "fw", { ...base, ...props });

describe("DefenderEgressFirewallRules", () => {
  test("default: the sensor's public-cloud endpoints in one Allow application rule collection", () => {
    expect(groupOf({})).toEqual({
      name: "defender-for-containers-egress",
      firewall_policy_id: POLICY,
      priority: 500,
      application_rule_collection: [
        {
          name: "defender-for-containers",
          priority: 500,
          action: "Allow",
          rule: [
            {
              name: "sensor-https-443",
              description: "Defender for Containers egress: sensor",
              source_addresses: ["10.240.0.0/16"],
              destination_fqdns: ["*.ods.opinsights.azure.com", "*.oms.opinsights.azure.com", "login.microsoftonline.com"],
              protocols: [{ type: "Https", port: 443 }],
            },
            {
              name: "sensor-defender-endpoint-https-443",
              description: "Defender for Containers egress: sensor-defender-endpoint",
              source_addresses: ["10.240.0.0/16"],
              destination_fqdns: ["*.cloud.defender.microsoft.com"],
              protocols: [{ type: "Https", port: 443 }],
            },
          ],
        },
      ],
    });
  });

  test("US Government: the .us hosts; the public-only Defender endpoint is simply absent", () => {
    const rules = rulesOf({ cloud: AzureCloud.US_GOVERNMENT });
    expect(rules).toHaveLength(1);
    expect(rules[0].destination_fqdns).toEqual(["*.ods.opinsights.azure.us", "*.oms.opinsights.azure.us", "login.microsoftonline.us"]);
  });

  test("China: the AKS egress page's sensor hosts", () => {
    const rules = rulesOf({ cloud: AzureCloud.CHINA, components: [EgressComponent.SENSOR] });
    expect(rules[0].destination_fqdns).toEqual(["*.ods.opinsights.azure.cn", "*.oms.opinsights.azure.cn", "login.microsoftonline.cn"]);
  });

  test("sensorEnvironment EKS/GKE allows *.cloud.defender.microsoft.com only; Arc adds the Arc agents", () => {
    for (const sensorEnvironment of [SensorEnvironment.EKS, SensorEnvironment.GKE]) {
      const rules = rulesOf({ sensorEnvironment });
      expect(rules.map((r: any) => [r.name, r.destination_fqdns])).toEqual([["sensor-defender-endpoint-https-443", ["*.cloud.defender.microsoft.com"]]]);
    }
    const arc = rulesOf({ sensorEnvironment: SensorEnvironment.ARC, regions: ["westeurope"] });
    expect(arc.map((r: any) => r.name)).toEqual(["sensor-defender-endpoint-https-443", "arc-agents-https-443"]);
    expect(arc[1].destination_fqdns).toContain("linuxgeneva-microsoft.azurecr.io");
  });

  test("sensorEnvironment EKS in Azure Government: the sensor has no endpoint there (N/A)", () => {
    expect(make({ cloud: AzureCloud.US_GOVERNMENT, sensorEnvironment: SensorEnvironment.EKS })).toThrow(
      '[test/fw] components: got ["sensor-defender-endpoint"] for cloud "usgovernment"; expected components with documented endpoints in that cloud.',
    );
  });

  test("an unknown sensorEnvironment is refused", () => {
    expect(make({ sensorEnvironment: "openshift" as SensorEnvironment })).toThrow(
      '[test/fw] sensorEnvironment: got "openshift"; expected one of aks, arc, eks, gke.',
    );
  });

  test("region placeholders are expanded per region; ports other than 443 get their own rule", () => {
    const rules = rulesOf({ components: [EgressComponent.ARC_CLUSTER_CONNECT, EgressComponent.CLUSTER_EXTENSIONS], regions: ["West Europe", "northeurope"] });
    const extensions = rules.find((r: any) => r.name === "cluster-extensions-https-443");
    expect(extensions.destination_fqdns).toEqual([
      "*.data.mcr.microsoft.com",
      "mcr.microsoft.com",
      "northeurope.dp.kubernetesconfiguration.azure.com",
      "westeurope.dp.kubernetesconfiguration.azure.com",
    ]);
    const obo = rules.find((r: any) => r.name === "arc-cluster-connect-https-8084");
    expect(obo.destination_fqdns).toEqual(["northeurope.obo.arc.azure.com", "westeurope.obo.arc.azure.com"]);
    expect(obo.protocols).toEqual([{ type: "Https", port: 8084 }]);
  });

  test("exposes the expanded endpoints", () => {
    const fw = new DefenderEgressFirewallRules(newStack(), "fw", { ...base, components: [EgressComponent.AZURE_POLICY] });
    expect(fw.endpoints.map((e) => e.fqdn)).toEqual(["data.policy.core.windows.net", "store.policy.core.windows.net", "dc.services.visualstudio.com"]);
  });

  test("several source addresses, a custom name and a given provider", () => {
    const synth = synthesize((stack) => {
      const hub = new AzurermProvider(stack, "hub", { features: [{}], alias: "hub" });
      new DefenderEgressFirewallRules(stack, "fw", { ...base, sourceAddresses: ["10.240.0.0/16", "10.241.0.4"], name: "mdc-egress", provider: hub });
    });
    const group = onlyResourceOf(synth, GROUP);
    expect(group.name).toBe("mdc-egress");
    expect(group.provider).toBe("azurerm.hub");
    expect(group.application_rule_collection[0].rule[0].source_addresses).toEqual(["10.240.0.0/16", "10.241.0.4"]);
  });

  test("priority bounds are accepted", () => {
    expect(groupOf({ priority: 100 }).priority).toBe(100);
    expect(groupOf({ priority: 65000 }).priority).toBe(65000);
  });

  describe("rejects bad input", () => {
    test.each(["10.240.0.0/33", "10.240.0/16", "300.1.1.1", "10.240.1.0/16", "fd00::/8", "any"])("source address %j", (address) => {
      expect(make({ sourceAddresses: [address] })).toThrow(`[test/fw] sourceAddresses[0]: got ${JSON.stringify(address)}; expected`);
    });

    test("a host address with a prefix names the network address", () => {
      expect(make({ sourceAddresses: ["10.240.1.0/16"] })).toThrow('[test/fw] sourceAddresses[0]: got "10.240.1.0/16"; expected the network address of the block, 10.240.0.0/16.');
    });

    test("no or repeated source addresses", () => {
      expect(make({ sourceAddresses: [] })).toThrow("[test/fw] sourceAddresses: got []; expected at least one source address.");
      expect(make({ sourceAddresses: ["10.0.0.0/8", "10.0.0.0/8"] })).toThrow('[test/fw] sourceAddresses[1]: got "10.0.0.0/8"; expected each source address once.');
    });

    test.each([99, 65001, 500.5, -1])("priority %d", (priority) => {
      expect(make({ priority })).toThrow(`[test/fw] priority: got ${priority}; expected a whole number from 100 to 65000.`);
    });

    test("a firewall policy ID that is a firewall ID", () => {
      expect(make({ firewallPolicyId: `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/azureFirewalls/fw-hub` })).toThrow(
        /^\[test\/fw\] firewallPolicyId: got ".*"; expected an Azure Firewall policy resource ID .*The value is a Microsoft\.Network\/azureFirewalls ID\./,
      );
    });

    test("an unknown cloud", () => {
      expect(make({ cloud: "mars" as AzureCloud })).toThrow('[test/fw] cloud: got "mars"; expected one of public, usgovernment, china.');
    });

    test("an unknown or repeated component", () => {
      expect(make({ components: ["dns" as EgressComponent] })).toThrow('[test/fw] components[0]: got "dns"; expected one of sensor,');
      expect(make({ components: [EgressComponent.SENSOR, EgressComponent.SENSOR] })).toThrow('[test/fw] components[1]: got "sensor"; expected each component once.');
    });

    test("components with nothing documented for the cloud", () => {
      expect(make({ cloud: AzureCloud.CHINA, components: [EgressComponent.SENSOR_DEFENDER_ENDPOINT] })).toThrow(
        '[test/fw] components: got ["sensor-defender-endpoint"] for cloud "china"; expected components with documented endpoints in that cloud.',
      );
    });

    test("region placeholders without regions", () => {
      expect(make({ components: [EgressComponent.CLUSTER_EXTENSIONS] })).toThrow(
        "[test/fw] regions: got []; expected at least one Azure region of the clusters. These hosts depend on the region: <region>.dp.kubernetesconfiguration.azure.com.",
      );
    });

    test("a bad or repeated region", () => {
      expect(make({ components: [EgressComponent.CLUSTER_EXTENSIONS], regions: ["westeurop"] })).toThrow('[test/fw] regions[0]: got "westeurop"');
      expect(make({ components: [EgressComponent.CLUSTER_EXTENSIONS], regions: ["westeurope", "West Europe"] })).toThrow('[test/fw] regions[1]: got "westeurope"; expected each region once.');
    });

    test("a bad rule collection group name", () => {
      expect(make({ name: "egress rules" })).toThrow('[test/fw] name: got "egress rules"; expected 1-80 letters');
    });
  });
});
