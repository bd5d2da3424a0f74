import { AksExampleStack } from "../../examples/aks/aks-stack";
import { EXAMPLE_DEFAULTS } from "../../examples/settings";
import { addressesOf, exampleApp, onlyResourceOf, resourcesOf, synthesizeStack } from "../util";

// Context pins every setting, so the snapshot does not depend on DEFENDER_* variables in the shell.
const synth = synthesizeStack(new AksExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS }), "aks"));

describe("examples/aks", () => {
  test("matches the snapshot", () => {
    expect(synth).toMatchSnapshot();
  });

  test("Terraform addresses are stable", () => {
    expect(addressesOf(synth)).toEqual([
      "azapi_update_resource.security-gating_1D48E01D",
      "azurerm_container_registry.registry",
      "azurerm_federated_identity_credential.security-gating_federated-credential_AF783E59",
      "azurerm_kubernetes_cluster.cluster",
      "azurerm_log_analytics_workspace.workspace_B76F7DCA",
      "azurerm_resource_group.group",
      "azurerm_role_assignment.existing-clusters-policy-addon_aks_role-aks-contributor_168984BC",
      "azurerm_role_assignment.existing-clusters-policy-addon_aks_role-aks-policy-addon-deployment_B6E8599B",
      "azurerm_role_assignment.existing-clusters-workspace_aks_role-defender-containers-sensor-workspace_0B64E727",
      "azurerm_role_assignment.existing-clusters-workspace_aks_role-defender-containers-sensor_92D52836",
      "azurerm_role_assignment.existing-clusters-workspace_aks_role-defender-kubernetes-agent-operator-workspace_11DBC417",
      "azurerm_role_assignment.existing-clusters-workspace_aks_role-defender-kubernetes-agent-operator_EFB2A4C0",
      "azurerm_role_assignment.security-gating_acr-pull-images_3D5A6E2D",
      "azurerm_security_center_subscription_pricing.containers-plan_pricing_9CB37113",
      "azurerm_subscription_policy_assignment.existing-clusters-policy-addon_aks_assignment_FD246245",
      "azurerm_subscription_policy_assignment.existing-clusters-workspace_aks_assignment_3E74E181",
      "azurerm_subscription_policy_remediation.existing-clusters-policy-addon_aks_remediation_08963759",
      "azurerm_subscription_policy_remediation.existing-clusters-workspace_aks_remediation_BEE0C548",
      "azurerm_user_assigned_identity.security-gating_identity_73A75C00",
    ]);
  });

  test("the cluster reports to the Defender workspace and has the policy add-on", () => {
    const cluster = onlyResourceOf(synth, "azurerm_kubernetes_cluster");
    expect(cluster.microsoft_defender).toEqual({ log_analytics_workspace_id: "${azurerm_log_analytics_workspace.workspace_B76F7DCA.id}" });
    expect(cluster.azure_policy_enabled).toBe(true);
    expect(cluster.depends_on).toEqual(["azurerm_security_center_subscription_pricing.containers-plan_pricing_9CB37113"]);
  });

  test("the plan is Standard with every extension, and the workspace is protected", () => {
    const pricing = onlyResourceOf(synth, "azurerm_security_center_subscription_pricing");
    expect(pricing.tier).toBe("Standard");
    expect(pricing.extension).toHaveLength(5);
    expect(onlyResourceOf(synth, "azurerm_log_analytics_workspace").lifecycle).toEqual({ prevent_destroy: true });
  });

  test("existing clusters get the sensor with the same workspace and the add-on through policy, with remediation", () => {
    const assignments = resourcesOf(synth, "azurerm_subscription_policy_assignment");
    const defender = assignments["existing-clusters-workspace_aks_assignment_3E74E181"];
    expect(defender.policy_definition_id).toBe("/providers/Microsoft.Authorization/policyDefinitions/64def556-fbad-4622-930e-72d1d5589bf5");
    expect(defender.subscription_id).toBe(`/subscriptions/${EXAMPLE_DEFAULTS.subscriptionId}`);
    expect(JSON.parse(defender.parameters)).toEqual({
      effect: { value: "DeployIfNotExists" },
      logAnalyticsWorkspaceResourceId: { value: "${azurerm_log_analytics_workspace.workspace_B76F7DCA.id}" },
    });
    expect(defender.identity).toEqual({ type: "SystemAssigned" });
    expect(defender.location).toBe("westeurope");
    const addon = assignments["existing-clusters-policy-addon_aks_assignment_FD246245"];
    expect(addon.policy_definition_id).toBe("/providers/Microsoft.Authorization/policyDefinitions/a8eff44f-8c92-45c3-a3fb-9880802d67a7");
    const remediations = Object.values(resourcesOf(synth, "azurerm_subscription_policy_remediation"));
    expect(remediations.map((r) => r.resource_discovery_mode)).toEqual(["ReEvaluateCompliance", "ReEvaluateCompliance"]);
  });

  test("security gating: the cluster's OIDC issuer and workload identity, an identity with AcrPull on the registry", () => {
    const cluster = onlyResourceOf(synth, "azurerm_kubernetes_cluster");
    expect(cluster).toMatchObject({ oidc_issuer_enabled: true, workload_identity_enabled: true });
    const gating = onlyResourceOf(synth, "azapi_update_resource");
    expect(gating.type).toBe("Microsoft.ContainerService/managedClusters@2025-10-02-preview");
    expect(gating.resource_id).toBe("${azurerm_kubernetes_cluster.cluster.id}");
    const body = gating.body.properties.securityProfile.defender.securityGating;
    expect(body).toMatchObject({ enabled: true, allowSecretAccess: false });
    expect(body.identities).toHaveLength(1);
    expect(body.identities[0].azureContainerRegistry).toBe('${element(split("/", azurerm_container_registry.registry.id), 8)}');
    const role = resourcesOf(synth, "azurerm_role_assignment")["security-gating_acr-pull-images_3D5A6E2D"];
    expect(role).toMatchObject({
      scope: "${azurerm_container_registry.registry.id}",
      role_definition_id: '/subscriptions/${element(split("/", azurerm_container_registry.registry.id), 2)}/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d',
    });
    expect(onlyResourceOf(synth, "azurerm_federated_identity_credential").subject).toBe("system:serviceaccount:kube-system:defender-admission-controller-serviceaccount");
    expect(synth.provider!.azapi[0].subscription_id).toBe(EXAMPLE_DEFAULTS.subscriptionId);
  });

  test("settings come from context", () => {
    const other = synthesizeStack(
      new AksExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS, location: "eastus", subscriptionId: "99999999-0000-0000-0000-000000000000" }), "aks"),
    );
    expect(onlyResourceOf(other, "azurerm_kubernetes_cluster").location).toBe("eastus");
    expect(other.provider!.azurerm[0].subscription_id).toBe("99999999-0000-0000-0000-000000000000");
  });
});

describe("examples/aks: turning things off by flag", () => {
  const off = (flags: Record<string, unknown>) => synthesizeStack(new AksExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS, ...flags }), "aks"));

  test("sensorEnabled=false removes the cluster's microsoft_defender block and stops auto-provisioning; nothing else changes", () => {
    const changed = off({ sensorEnabled: "false" });
    expect(addressesOf(changed)).toEqual(addressesOf(synth));
    const { microsoft_defender: _block, depends_on: _dependsOn, ...clusterRest } = onlyResourceOf(synth, "azurerm_kubernetes_cluster");
    expect(onlyResourceOf(changed, "azurerm_kubernetes_cluster")).toEqual(clusterRest);
    const sensorExtension = (s: typeof synth) =>
      onlyResourceOf(s, "azurerm_security_center_subscription_pricing").extension.find((e: any) => e.name === "ContainerSensor");
    expect(sensorExtension(changed).additional_extension_properties.AutoProvisioning).toBe("False");
    expect({ ...sensorExtension(changed).additional_extension_properties, AutoProvisioning: "True" }).toEqual(
      sensorExtension(synth).additional_extension_properties,
    );
    // What stays: the workspace (still protected) and the plan (still Standard, still protected).
    expect(onlyResourceOf(changed, "azurerm_log_analytics_workspace")).toEqual(onlyResourceOf(synth, "azurerm_log_analytics_workspace"));
    expect(onlyResourceOf(changed, "azurerm_security_center_subscription_pricing")).toMatchObject({ tier: "Standard", lifecycle: { prevent_destroy: true } });
    expect(changed.output).toEqual(synth.output);
  });

  test("policyAddonEnabled=false sets azure_policy_enabled = false and leaves the sensor on", () => {
    const changed = off({ policyAddonEnabled: false });
    expect(addressesOf(changed)).toEqual(addressesOf(synth));
    const cluster = onlyResourceOf(changed, "azurerm_kubernetes_cluster");
    expect(cluster.azure_policy_enabled).toBe(false);
    expect({ ...cluster, azure_policy_enabled: true }).toEqual(onlyResourceOf(synth, "azurerm_kubernetes_cluster"));
  });

  test("the default output is the same with the flags given as true", () => {
    expect(off({ sensorEnabled: true, policyAddonEnabled: "true" })).toEqual(synth);
  });

  test("a flag that is not true/false is an error", () => {
    expect(() => off({ sensorEnabled: "no" })).toThrow('example setting sensorEnabled: got "no"; expected "true" or "false".');
  });
});

describe("examples/aks with sensorInstall helm (the aks-helm stack)", () => {
  const helm = synthesizeStack(new AksExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS }), "aks-helm", { sensorInstall: "helm" }));

  test("the chart with anti-malware instead of the security profile, and nothing that would bring the profile back", () => {
    const cluster = onlyResourceOf(helm, "azurerm_kubernetes_cluster");
    expect(cluster).not.toHaveProperty("microsoft_defender");
    const sensor = onlyResourceOf(helm, "azurerm_security_center_subscription_pricing").extension.find((e: any) => e.name === "ContainerSensor");
    expect(sensor.additional_extension_properties.AutoProvisioning).toBe("False");
    const assignments = Object.values(resourcesOf(helm, "azurerm_subscription_policy_assignment"));
    expect(assignments.map((a: any) => a.policy_definition_id.split("/").pop())).toEqual(["a8eff44f-8c92-45c3-a3fb-9880802d67a7"]);
    const release = onlyResourceOf(helm, "helm_release");
    expect(release).toMatchObject({ chart: "microsoft-defender-for-containers", namespace: "mdc", version: "0.10.5" });
    expect(release.values[0]).toContain('"antimalwareCollector": {\n        "enable": true');
    expect(resourcesOf(helm, "azapi_update_resource")).toEqual({});
  });
});
