import { readFileSync } from "fs";
import { join } from "path";
import {
  AzureCloud,
  CHINA_LOGIN_CONFLICT_NOTE,
  DEFENDER_EGRESS_RULES,
  defenderEgressRules,
  EgressComponent,
  EgressProtocol,
  egressRulesMarkdown,
  expandEgressRules,
  hasRegionPlaceholder,
  REGION_PLACEHOLDER,
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
      expect(rule.source).toMatch(/MS-Docs|learn\.microsoft\.com/);
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
      "login.chinacloudapi.cn",
    ]);
  });

  test("the 21Vianet sign-in CONFLICT: both hosts listed, both carry the note", () => {
    const china = defenderEgressRules(AzureCloud.CHINA, [EgressComponent.SENSOR]).filter((r) => r.fqdn.startsWith("login."));
    expect(china.map((r) => r.fqdn).sort()).toEqual(["login.chinacloudapi.cn", "login.microsoftonline.cn"]);
    for (const r of china) expect(r.note).toBe(CHINA_LOGIN_CONFLICT_NOTE);
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
    expect(lines).toHaveLength(2 + 4);
    expect(lines[2]).toBe(`| \`login.microsoftonline.cn\` | HTTPS 443 | sensor | Microsoft Entra ID authentication (${CHINA_LOGIN_CONFLICT_NOTE}) | china |`);
  });
});

test("the public-cloud egress table of docs/operations.md is the generated one", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "docs", "operations.md"), "utf8");
  expect(readme).toContain(egressRulesMarkdown(defenderEgressRules(AzureCloud.PUBLIC)));
});
