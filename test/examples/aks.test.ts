import { AksExampleStack } from "../../examples/aks/aks-stack";
import { EXAMPLE_DEFAULTS } from "../../examples/settings";
import { addressesOf, exampleApp, onlyResourceOf, synthesizeStack } from "../util";

// Context pins every setting, so the snapshot does not depend on DEFENDER_* variables in the shell.
const synth = synthesizeStack(new AksExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS }), "aks"));

describe("examples/aks", () => {
  test("matches the snapshot", () => {
    expect(synth).toMatchSnapshot();
  });

  test("Terraform addresses are stable", () => {
    expect(addressesOf(synth)).toEqual([
      "azurerm_kubernetes_cluster.cluster",
      "azurerm_log_analytics_workspace.workspace_B76F7DCA",
      "azurerm_resource_group.group",
      "azurerm_security_center_subscription_pricing.containers-plan_pricing_9CB37113",
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

  test("settings come from context", () => {
    const other = synthesizeStack(
      new AksExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS, location: "eastus", subscriptionId: "99999999-0000-0000-0000-000000000000" }), "aks"),
    );
    expect(onlyResourceOf(other, "azurerm_kubernetes_cluster").location).toBe("eastus");
    expect(other.provider!.azurerm[0].subscription_id).toBe("99999999-0000-0000-0000-000000000000");
  });
});
