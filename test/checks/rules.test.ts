import {
  AksClusterDefenderSensor,
  AksClusterPolicyAddon,
  AzureStackContainersPlan,
  ClusterSensorHelmRelease,
  DEFENDER_COVERAGE_RULES,
  EksClusterAuditLogs,
  isResourceRule,
  ResourceCoverageRule,
  RuleCompliance,
  stackResourcesOf,
  SynthesizedResource,
} from "../../lib/checks";

const { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } = RuleCompliance;
const EMPTY_STACK = stackResourcesOf([]);

function resource(type: string, config: Record<string, unknown>, logicalId = "r"): SynthesizedResource {
  return { type, logicalId, config };
}

function onResource(rule: ResourceCoverageRule, config: Record<string, unknown>, stack = EMPTY_STACK): RuleCompliance {
  return rule.checkResource(resource(rule.resourceTypes[0], config), stack);
}

describe("coverage rules (pure functions over synthesized JSON)", () => {
  test("rule IDs are unique and each rule's name is its file name", () => {
    const ids = DEFENDER_COVERAGE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(["MDC-AKS-1", "MDC-AKS-2", "MDC-EKS-1", "MDC-AZURE-1", "MDC-HELM-1"]);
    for (const rule of DEFENDER_COVERAGE_RULES) {
      expect(require.resolve(`../../lib/checks/rules/${rule.name}`)).toBeDefined();
    }
  });

  test("MDC-AKS-1 AksClusterDefenderSensor", () => {
    expect(onResource(AksClusterDefenderSensor, {})).toBe(NON_COMPLIANT);
    expect(onResource(AksClusterDefenderSensor, { microsoft_defender: {} })).toBe(NON_COMPLIANT);
    expect(onResource(AksClusterDefenderSensor, { microsoft_defender: { log_analytics_workspace_id: "" } })).toBe(NON_COMPLIANT);
    expect(onResource(AksClusterDefenderSensor, { microsoft_defender: { log_analytics_workspace_id: "/subscriptions/x/ws" } })).toBe(COMPLIANT);
    // Terraform JSON may write a block as a list; references and dynamic blocks count as set.
    expect(onResource(AksClusterDefenderSensor, { microsoft_defender: [{ log_analytics_workspace_id: "${var.ws}" }] })).toBe(COMPLIANT);
    expect(onResource(AksClusterDefenderSensor, { microsoft_defender: "${local.defender}" })).toBe(COMPLIANT);
    expect(onResource(AksClusterDefenderSensor, { dynamic: { microsoft_defender: { for_each: "${var.x}" } } })).toBe(COMPLIANT);
  });

  test("MDC-AKS-2 AksClusterPolicyAddon", () => {
    expect(onResource(AksClusterPolicyAddon, {})).toBe(NON_COMPLIANT);
    expect(onResource(AksClusterPolicyAddon, { azure_policy_enabled: false })).toBe(NON_COMPLIANT);
    expect(onResource(AksClusterPolicyAddon, { azure_policy_enabled: true })).toBe(COMPLIANT);
    expect(onResource(AksClusterPolicyAddon, { azure_policy_enabled: "${var.policy}" })).toBe(COMPLIANT);
  });

  test("MDC-EKS-1 EksClusterAuditLogs", () => {
    expect(onResource(EksClusterAuditLogs, {})).toBe(NON_COMPLIANT);
    expect(onResource(EksClusterAuditLogs, { enabled_cluster_log_types: ["api", "authenticator"] })).toBe(NON_COMPLIANT);
    expect(onResource(EksClusterAuditLogs, { enabled_cluster_log_types: ["api", "audit"] })).toBe(COMPLIANT);
    expect(onResource(EksClusterAuditLogs, { enabled_cluster_log_types: "${var.log_types}" })).toBe(COMPLIANT);
    expect(onResource(EksClusterAuditLogs, { enabled_cluster_log_types: ["api", "${var.extra}"] })).toBe(COMPLIANT);
  });

  test("MDC-AZURE-1 AzureStackContainersPlan", () => {
    const aks = resource("azurerm_kubernetes_cluster", {});
    const arcExtension = resource("azurerm_arc_kubernetes_cluster_extension", {});
    const plan = (config: Record<string, unknown>) => resource("azurerm_security_center_subscription_pricing", config, "plan");
    const check = (...resources: SynthesizedResource[]) => AzureStackContainersPlan.checkStack(stackResourcesOf(resources));
    expect(check()).toBe(NOT_APPLICABLE);
    expect(check(resource("azurerm_resource_group", {}))).toBe(NOT_APPLICABLE);
    expect(check(aks)).toBe(NON_COMPLIANT);
    expect(check(arcExtension)).toBe(NON_COMPLIANT);
    expect(check(aks, plan({ resource_type: "Containers", tier: "Free" }))).toBe(NON_COMPLIANT);
    expect(check(aks, plan({ resource_type: "VirtualMachines", tier: "Standard" }))).toBe(NON_COMPLIANT);
    expect(check(aks, plan({ resource_type: "Containers", tier: "Standard" }))).toBe(COMPLIANT);
    expect(check(arcExtension, plan({ resource_type: "Containers", tier: "${var.tier}" }))).toBe(COMPLIANT);
  });

  test("MDC-HELM-1 ClusterSensorHelmRelease", () => {
    const release = (config: Record<string, unknown>) => stackResourcesOf([resource("helm_release", config)]);
    expect(ClusterSensorHelmRelease.optIn).toBe(true);
    expect(ClusterSensorHelmRelease.resourceTypes).toEqual(["aws_eks_cluster", "google_container_cluster"]);
    expect(onResource(ClusterSensorHelmRelease, {})).toBe(NON_COMPLIANT);
    expect(onResource(ClusterSensorHelmRelease, {}, release({ chart: "ingress-nginx" }))).toBe(NON_COMPLIANT);
    expect(onResource(ClusterSensorHelmRelease, {}, release({ chart: "microsoft-defender-for-containers", repository: "oci://mcr.microsoft.com/azuredefender" }))).toBe(
      COMPLIANT,
    );
    expect(onResource(ClusterSensorHelmRelease, {}, release({ chart: "oci://mcr.microsoft.com/azuredefender/microsoft-defender-for-containers" }))).toBe(COMPLIANT);
  });

  test("every resource rule names the Terraform types it applies to", () => {
    for (const rule of DEFENDER_COVERAGE_RULES.filter(isResourceRule)) {
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
      for (const type of rule.resourceTypes) expect(type).toMatch(/^(azurerm|aws|google)_[a-z_]+$/);
    }
  });
});
