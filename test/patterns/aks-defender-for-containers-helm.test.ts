import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { Construct } from "constructs";
import { AzapiProvider, DefenderForContainersPlan } from "../../lib/azure";
import { AksDefenderForContainers, AksDefenderForContainersProps, AksSensorInstall } from "../../lib/patterns";
import { testCluster } from "../azure/fixtures";
import { onlyResourceOf, resourcesOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const ACR = `/subscriptions/${SUB}/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/contosoimages`;
const READY = { oidcIssuerEnabled: true, workloadIdentityEnabled: true };
const sensorProps = (synth: any) =>
  onlyResourceOf(synth, "azurerm_security_center_subscription_pricing").extension.find((e: any) => e.name === "ContainerSensor").additional_extension_properties;

function build(props: Partial<AksDefenderForContainersProps>, cluster: object = {}) {
  return synthesize((stack) => {
    new AzapiProvider(stack, "azapi", {});
    new AksDefenderForContainers(stack, "defender", {
      location: "westeurope",
      workspaceResourceGroupName: "rg-sec",
      clusters: [testCluster(stack, "cluster", cluster)],
      ...props,
    });
  });
}
const HELM = { sensorInstall: AksSensorInstall.HELM };

describe("AksDefenderForContainers with sensorInstall helm", () => {
  test("the chart instead of the security profile; auto-provisioning and the 64def556 assignment off", () => {
    const synth = build({ ...HELM, policyScopeId: `/subscriptions/${SUB}` });
    const cluster = onlyResourceOf(synth, "azurerm_kubernetes_cluster");
    expect(cluster).not.toHaveProperty("microsoft_defender");
    expect(sensorProps(synth).AutoProvisioning).toBe("False");
    const assignments = Object.values(resourcesOf(synth, "azurerm_subscription_policy_assignment"));
    expect(assignments.map((a) => a.policy_definition_id.split("/").pop())).toEqual(["a8eff44f-8c92-45c3-a3fb-9880802d67a7"]);
    const release = onlyResourceOf(synth, "helm_release");
    expect(release).toMatchObject({ chart: "microsoft-defender-for-containers", namespace: "mdc", version: "0.10.5" });
    expect(release.depends_on).toEqual([expect.stringMatching(/^azurerm_security_center_subscription_pricing\.defender_plan_pricing_/)]);
    const values = release.values[0] as string;
    expect(values).toContain('"clusterName": "${element(split("/", azurerm_kubernetes_cluster.cluster.id), 8)}"');
    expect(values).toContain('"region": "westeurope"');
  });

  test("a helm provider per cluster from its kube_config", () => {
    const synth = build(HELM);
    const helm = synth.provider!.helm as any[];
    expect(helm).toHaveLength(1);
    expect(helm[0].alias).toBe("defender-aks-cluster");
    expect(helm[0].kubernetes).toEqual({
      host: "${azurerm_kubernetes_cluster.cluster.kube_config[0].host}",
      client_certificate: "${base64decode(azurerm_kubernetes_cluster.cluster.kube_config[0].client_certificate)}",
      client_key: "${base64decode(azurerm_kubernetes_cluster.cluster.kube_config[0].client_key)}",
      cluster_ca_certificate: "${base64decode(azurerm_kubernetes_cluster.cluster.kube_config[0].cluster_ca_certificate)}",
    });
    expect(onlyResourceOf(synth, "helm_release").provider).toBe("helm.defender-aks-cluster");
  });

  test("AKS Automatic, features and own providers", () => {
    const synth = synthesize((stack) => {
      const own = new HelmProvider(stack, "own-helm", { alias: "own" });
      new AksDefenderForContainers(stack, "defender", {
        location: "westeurope",
        workspaceResourceGroupName: "rg-sec",
        clusters: [testCluster(stack)],
        ...HELM,
        helm: { automatic: true, version: "0.11.4", providers: [own] },
        sensorFeatures: { antimalware: true, misconfigurationEnforcement: true },
      });
    });
    const release = onlyResourceOf(synth, "helm_release");
    expect(release).toMatchObject({ namespace: "kube-system", version: "0.11.4", provider: "helm.own" });
    expect(release.values[0]).toContain('"enableMisconfigurationPolicies": true');
    expect(release.values[0]).toContain('"antimalwareCollector": {\n        "enable": true');
    expect((synth.provider!.helm as any[]).map((p) => p.alias)).toEqual(["own"]);
  });

  test("security gating on each cluster: security profile, or Helm on AKS Automatic", () => {
    for (const install of [{ sensorInstall: AksSensorInstall.SECURITY_PROFILE }, { ...HELM, helm: { automatic: true } }]) {
      const synth = build({ ...install, securityGating: { registries: [{ registryId: ACR }] } }, READY);
      expect(onlyResourceOf(synth, "azapi_update_resource").resource_id).toBe("${azurerm_kubernetes_cluster.cluster.id}");
      expect(onlyResourceOf(synth, "azurerm_role_assignment").scope).toBe(ACR);
    }
  });

  test("security profile: anti-malware is the plan's AntiMalwareEnabled", () => {
    expect(sensorProps(build({ sensorFeatures: { antimalware: false } })).AntiMalwareEnabled).toBe("False");
    // Misconfiguration enforcement with the security profile: nothing on the cluster; the plan's sensor and API access are on.
    const synth = build({ sensorFeatures: { misconfigurationEnforcement: true } });
    expect(resourcesOf(synth, "helm_release")).toEqual({});
    expect(onlyResourceOf(synth, "azurerm_security_center_subscription_pricing").extension.map((e: any) => e.name)).toContain("AgentlessDiscoveryForKubernetes");
  });

  describe("rejects", () => {
    test("sensorPolicy true with helm at a policy scope", () => {
      expect(() => build({ ...HELM, policyScopeId: `/subscriptions/${SUB}`, sensorPolicy: true })).toThrow(
        /\[test\/defender\] sensorPolicy: got true; expected false or unset with sensorInstall "helm"\. .*64def556/,
      );
    });
    test("auto-provisioning on with helm", () => {
      expect(() => build({ ...HELM, planOptions: { sensorAutoProvisioning: true } })).toThrow(
        /planOptions\.sensorAutoProvisioning: got true; expected a plan with sensorAutoProvisioning: false/,
      );
    });
    test("a given plan that auto-provisions, with helm", () => {
      expect(() =>
        synthesize((stack) => {
          const plan = new DefenderForContainersPlan(stack, "plan");
          new AksDefenderForContainers(stack, "defender", { location: "westeurope", workspaceResourceGroupName: "rg-sec", clusters: [testCluster(stack)], plan, ...HELM });
        }),
      ).toThrow(/plan: got "test\/plan"; expected a plan with sensorAutoProvisioning: false/);
    });
    test("a cluster that already has a microsoft_defender block, with helm", () => {
      expect(() => build(HELM, { microsoftDefender: { logAnalyticsWorkspaceId: "x" } })).toThrow(/clusters\[0\]: got "test\/cluster"; expected a cluster without a microsoft_defender block/);
    });
    test("security gating with the chart outside AKS Automatic", () => {
      expect(() => build({ ...HELM, securityGating: { registries: [{ registryId: ACR }] } }, READY)).toThrow(
        /securityGating: got "set"; expected no securityGating with sensorInstall "helm" unless helm\.automatic is true/,
      );
    });
    test("helm options without helm", () => {
      expect(() => build({ helm: { automatic: true } })).toThrow(/helm: got \["automatic"\]; expected no Helm options without sensorInstall: "helm"/);
    });
    test("a provider count that does not match the clusters", () => {
      expect(() => build({ ...HELM, helm: { providers: [] } })).toThrow(/helm\.providers: got "0 providers"; expected one helm provider per cluster \(1\)/);
    });
    test("two clusters with the same construct ID", () => {
      expect(() =>
        synthesize((stack) => {
          const first = testCluster(stack, "cluster");
          const scope = new Construct(stack, "team-b");
          const second = testCluster(scope, "cluster");
          new AksDefenderForContainers(stack, "defender", { location: "westeurope", workspaceResourceGroupName: "rg-sec", clusters: [first, second], ...HELM });
        }),
      ).toThrow(/clusters\[1\]: got "test\/team-b\/cluster"; expected a cluster whose construct ID differs from clusters\[0\]'s \("cluster"\)/);
    });
    test("an unknown install method", () => {
      expect(() => build({ sensorInstall: "addon" as AksSensorInstall })).toThrow(/sensorInstall: got "addon"; expected one of "securityProfile", "helm"/);
    });
    test("private-cluster components with the security profile", () => {
      expect(() => build({ sensorFeatures: { privateClusterPreview: true } })).toThrow(/sensorFeatures\.privateClusterPreview: got true; expected false or unset with the security-profile sensor/);
    });
    test("misconfiguration enforcement with neither the plan's sensor nor Kubernetes API access", () => {
      expect(() => build({ planOptions: { sensor: false, agentlessDiscovery: false }, sensorFeatures: { misconfigurationEnforcement: true } })).toThrow(
        /sensorFeatures\.misconfigurationEnforcement: got true; expected a plan with the sensor or agentlessDiscovery on/,
      );
      // Either one is enough.
      expect(() => build({ planOptions: { agentlessDiscovery: false }, sensorFeatures: { misconfigurationEnforcement: true } })).not.toThrow();
    });
    test("anti-malware that contradicts planOptions.antiMalware", () => {
      expect(() => build({ planOptions: { antiMalware: true }, sensorFeatures: { antimalware: false } })).toThrow(/sensorFeatures\.antimalware: got false; expected the same as planOptions\.antiMalware \(true\)/);
    });
    test("misconfiguration enforcement on an old chart with helm", () => {
      expect(() => build({ ...HELM, sensorFeatures: { misconfigurationEnforcement: true } })).toThrow(/helm-sensor-cluster\] features\.misconfigurationEnforcement: got true; expected false, or a chart version 0\.11\.0/);
    });
  });
});
