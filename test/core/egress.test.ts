import { readFileSync } from "fs";
import { join } from "path";
import {
  AzureCloud,
  DEFENDER_EGRESS_RULES,
  defenderEgressRules,
  EgressComponent,
  EgressProtocol,
  egressRulesMarkdown,
  expandEgressRules,
  hasRegionPlaceholder,
  REGION_PLACEHOLDER,
  sensorEgressComponents,
  SensorEnvironment,
} from "../../lib/core";

const fqdns = (cloud: AzureCloud, components?: EgressComponent[]) => defenderEgressRules(cloud, components).map((r) => r.fqdn);

describe("egress catalog", () => {
  test("every entry is typed and sourced: host, port, protocol, purpose, component, clouds, source", () => {
    for (const rule of DEFENDER_EGRESS_RULES) {
      expect(rule.fqdn).toMatch(/^(\*\.)?(<region>\.)?[a-z0-9.-]+\.[a-z]{2,}$/);
      expect([443, 8084]).toContain(rule.port);
      expect(Object.values(EgressProtocol)).toContain(rule.protocol);
      expect(rule.purpose.length).toBeGreaterThan(5);
      expect(Object.values(EgressComponent)).toContain(rule.component);
      expect(rule.clouds.length).toBeGreaterThan(0);
      for (const cloud of rule.clouds) expect(Object.values(AzureCloud)).toContain(cloud);
      expect(rule.source).toMatch(/^MicrosoftDocs\/(azure-aks-docs|defender-docs|azure-management-docs) [a-z-]+\/[\w/.-]+\.md/);
    }
  });

  test("every component has endpoints in the public cloud", () => {
    for (const component of Object.values(EgressComponent)) expect(fqdns(AzureCloud.PUBLIC, [component]).length).toBeGreaterThan(0);
  });

  test("sensor endpoints per cloud (AKS egress page)", () => {
    expect(fqdns(AzureCloud.PUBLIC, [EgressComponent.SENSOR])).toEqual(["login.microsoftonline.com", "*.ods.opinsights.azure.com", "*.oms.opinsights.azure.com"]);
    expect(fqdns(AzureCloud.US_GOVERNMENT, [EgressComponent.SENSOR])).toEqual(["login.microsoftonline.us", "*.ods.opinsights.azure.us", "*.oms.opinsights.azure.us"]);
    expect(fqdns(AzureCloud.CHINA, [EgressComponent.SENSOR])).toEqual([
      "login.microsoftonline.cn",
      "*.ods.opinsights.azure.cn",
      "*.oms.opinsights.azure.cn",
    ]);
  });

  test("sensor endpoints per environment: Arc, EKS and GKE need *.cloud.defender.microsoft.com only; N/A in sovereign clouds", () => {
    for (const env of [SensorEnvironment.EKS, SensorEnvironment.GKE]) {
      expect(fqdns(AzureCloud.PUBLIC, sensorEgressComponents(env))).toEqual(["*.cloud.defender.microsoft.com"]);
      expect(fqdns(AzureCloud.US_GOVERNMENT, sensorEgressComponents(env))).toEqual([]);
      expect(fqdns(AzureCloud.CHINA, sensorEgressComponents(env))).toEqual([]);
    }
    const arc = defenderEgressRules(AzureCloud.PUBLIC, sensorEgressComponents(SensorEnvironment.ARC));
    expect(arc.filter((r) => r.component === EgressComponent.SENSOR_DEFENDER_ENDPOINT).map((r) => r.fqdn)).toEqual(["*.cloud.defender.microsoft.com"]);
    // The Log Analytics hosts are "no longer required" for Arc/EKS/GKE sensors: only the AKS list has them.
    for (const env of [SensorEnvironment.ARC, SensorEnvironment.EKS, SensorEnvironment.GKE]) {
      for (const cloud of Object.values(AzureCloud)) expect(fqdns(cloud, sensorEgressComponents(env)).filter((f) => f.includes("opinsights"))).toEqual([]);
    }
    expect(fqdns(AzureCloud.PUBLIC, sensorEgressComponents(SensorEnvironment.AKS))).toEqual([
      "login.microsoftonline.com",
      "*.ods.opinsights.azure.com",
      "*.oms.opinsights.azure.com",
      "*.cloud.defender.microsoft.com",
    ]);
    expect(() => sensorEgressComponents("openshift" as SensorEnvironment)).toThrow(
      'sensorEgressComponents: environment: got "openshift"; expected one of aks, arc, eks, gke.',
    );
  });

  test("Arc agents (2026 pages): no azureedge hosts in any cloud; linuxgeneva-microsoft.azurecr.io in the public cloud", () => {
    for (const cloud of Object.values(AzureCloud)) expect(fqdns(cloud).filter((f) => f.endsWith("azureedge.net"))).toEqual([]);
    expect(fqdns(AzureCloud.PUBLIC, [EgressComponent.ARC_AGENTS])).toContain("linuxgeneva-microsoft.azurecr.io");
    expect(fqdns(AzureCloud.US_GOVERNMENT, [EgressComponent.ARC_AGENTS])).not.toContain("linuxgeneva-microsoft.azurecr.io");
  });

  test("*.cloud.defender.microsoft.com is public-cloud only", () => {
    expect(fqdns(AzureCloud.PUBLIC, [EgressComponent.SENSOR_DEFENDER_ENDPOINT])).toEqual(["*.cloud.defender.microsoft.com"]);
    expect(fqdns(AzureCloud.US_GOVERNMENT, [EgressComponent.SENSOR_DEFENDER_ENDPOINT])).toEqual([]);
    expect(fqdns(AzureCloud.CHINA, [EgressComponent.SENSOR_DEFENDER_ENDPOINT])).toEqual([]);
  });

  test("Azure Policy hosts per cloud", () => {
    expect(fqdns(AzureCloud.PUBLIC, [EgressComponent.AZURE_POLICY])).toEqual(["data.policy.core.windows.net", "store.policy.core.windows.net", "dc.services.visualstudio.com"]);
    expect(fqdns(AzureCloud.US_GOVERNMENT, [EgressComponent.AZURE_POLICY])).toEqual(["data.policy.azure.us", "store.policy.azure.us"]);
    expect(fqdns(AzureCloud.CHINA, [EgressComponent.AZURE_POLICY])).toEqual(["data.policy.azure.cn", "store.policy.azure.cn"]);
  });

  test("cluster extensions: the data plane host carries the region placeholder (.us in Government)", () => {
    expect(fqdns(AzureCloud.PUBLIC, [EgressComponent.CLUSTER_EXTENSIONS])).toContain("<region>.dp.kubernetesconfiguration.azure.com");
    expect(fqdns(AzureCloud.US_GOVERNMENT, [EgressComponent.CLUSTER_EXTENSIONS])).toContain("<region>.dp.kubernetesconfiguration.azure.us");
  });

  test("Arc agents per cloud", () => {
    expect(fqdns(AzureCloud.PUBLIC, [EgressComponent.ARC_AGENTS])).toEqual(
      expect.arrayContaining(["management.azure.com", "<region>.login.microsoft.com", "gbl.his.arc.azure.com", "*.his.arc.azure.com", "dl.k8s.io"]),
    );
    expect(fqdns(AzureCloud.US_GOVERNMENT, [EgressComponent.ARC_AGENTS])).toEqual(expect.arrayContaining(["management.usgovcloudapi.net", "usgv.his.arc.azure.us"]));
    expect(fqdns(AzureCloud.CHINA, [EgressComponent.ARC_AGENTS])).toEqual(expect.arrayContaining(["management.chinacloudapi.cn", "mcr.azk8s.cn"]));
    const obo = defenderEgressRules(AzureCloud.PUBLIC, [EgressComponent.ARC_CLUSTER_CONNECT]).find((r) => r.fqdn.includes("obo"));
    expect(obo).toMatchObject({ fqdn: "<region>.obo.arc.azure.com", port: 8084 });
  });

  test("no host is listed twice for the same cloud and component", () => {
    for (const cloud of Object.values(AzureCloud)) {
      for (const component of Object.values(EgressComponent)) {
        const list = fqdns(cloud, [component]);
        expect(new Set(list).size).toBe(list.length);
      }
    }
  });

  test("defaults to every component", () => {
    expect(defenderEgressRules(AzureCloud.PUBLIC)).toEqual(DEFENDER_EGRESS_RULES.filter((r) => r.clouds.includes(AzureCloud.PUBLIC)));
  });

  test("rejects an unknown cloud or component", () => {
    expect(() => defenderEgressRules("mars" as AzureCloud)).toThrow('defenderEgressRules: cloud: got "mars"; expected one of public, usgovernment, china.');
    expect(() => defenderEgressRules(AzureCloud.PUBLIC, ["dns" as EgressComponent])).toThrow('defenderEgressRules: components: got "dns"; expected any of sensor,');
  });

  describe("expandEgressRules", () => {
    const extensions = defenderEgressRules(AzureCloud.PUBLIC, [EgressComponent.CLUSTER_EXTENSIONS]);

    test("one rule per region for placeholder hosts, others unchanged", () => {
      const expanded = expandEgressRules(extensions, ["westeurope", "eastus"]);
      expect(expanded.map((r) => r.fqdn)).toEqual([
        "westeurope.dp.kubernetesconfiguration.azure.com",
        "eastus.dp.kubernetesconfiguration.azure.com",
        "mcr.microsoft.com",
        "*.data.mcr.microsoft.com",
      ]);
      expect(expanded.some(hasRegionPlaceholder)).toBe(false);
    });

    test("drops duplicates (same component, protocol, port and host)", () => {
      expect(expandEgressRules([...extensions, ...extensions], ["westeurope"])).toHaveLength(3);
    });

    test("requires regions when a placeholder is present, not otherwise", () => {
      expect(() => expandEgressRules(extensions, [])).toThrow(
        `expandEgressRules: regions: got []; expected at least one Azure region, since ${REGION_PLACEHOLDER}.dp.kubernetesconfiguration.azure.com depend on the cluster's region.`,
      );
      const sensor = defenderEgressRules(AzureCloud.PUBLIC, [EgressComponent.SENSOR]);
      expect(expandEgressRules(sensor, [])).toEqual(sensor);
    });
  });

  test("egressRulesMarkdown prints a table with the notes", () => {
    const table = egressRulesMarkdown(defenderEgressRules(AzureCloud.CHINA, [EgressComponent.SENSOR]));
    const lines = table.trim().split("\n");
    expect(lines[0]).toBe("| FQDN | port | component | purpose | clouds |");
    expect(lines).toHaveLength(2 + 3);
    expect(lines[2]).toBe("| `login.microsoftonline.cn` | HTTPS 443 | sensor | Microsoft Entra ID authentication | china |");
    const endpoint = egressRulesMarkdown(defenderEgressRules(AzureCloud.PUBLIC, [EgressComponent.SENSOR_DEFENDER_ENDPOINT])).trim().split("\n");
    expect(endpoint[2]).toBe(
      "| `*.cloud.defender.microsoft.com` | HTTPS 443 | sensor-defender-endpoint | sensor connection to Microsoft Defender for Cloud (The only endpoint of the Arc, EKS and GKE sensor; Azure Government and 21Vianet: N/A (no endpoint listed).) | public |",
    );
  });
});

test("docs/egress.md's public-cloud egress table is the generated one", () => {
  const page = readFileSync(join(__dirname, "..", "..", "docs", "egress.md"), "utf8");
  expect(page).toContain(egressRulesMarkdown(defenderEgressRules(AzureCloud.PUBLIC)));
});
