import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Testing } from "cdktf";
import { EksAgentlessDiscoveryAccess } from "../../lib/aws";
import { DefenderWorkspace } from "../../lib/azure";
import { parseAzureResourceId, AzureResourceIdFormats } from "../../lib/core";
import { azureStack } from "../util";

// Issue 16, "accept what the clouds accept": names are checked against each cloud's documented rules.

describe("Azure resource group names (resource-name-rules: Unicode letters and digits, _ - . ( ), not ending with a period, 1-90)", () => {
  test.each(["rg-münchen", "資源群組", "rg_(prod).eu", "Ресурсы", "a".repeat(90)])("%s is accepted", (resourceGroupName) => {
    const stack = azureStack();
    new DefenderWorkspace(stack, "ws", { resourceGroupName, location: "westeurope" });
    const workspaces = Object.values(JSON.parse(Testing.synth(stack, true)).resource.azurerm_log_analytics_workspace) as any[];
    expect(workspaces.map((w) => w.resource_group_name)).toEqual([resourceGroupName]);
  });

  test.each(["rg.", "rg\u200b", "rg ", "rg/x", "a".repeat(91), "rg😀"])("%j is refused", (resourceGroupName) => {
    expect(() => new DefenderWorkspace(azureStack(), "ws", { resourceGroupName, location: "westeurope" })).toThrow(/expected a resource group name of 1-90 letters, digits \(any script\)/);
  });

  test("resource IDs with a Unicode resource group parse", () => {
    const stack = azureStack();
    const id = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-münchen/providers/Microsoft.OperationalInsights/workspaces/law-sec";
    expect(parseAzureResourceId(stack, "id", id, AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE)?.resourceGroupName).toBe("rg-münchen");
  });
});

describe("EKS cluster names are case-sensitive (CreateCluster: alphanumeric characters (case-sensitive), hyphens and underscores)", () => {
  test("Prod and prod are two clusters", () => {
    const stack = azureStack();
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    new KubernetesProvider(stack, "kubernetes", {});
    new EksAgentlessDiscoveryAccess(stack, "access", { roleArn: "arn:aws:iam::123456789012:role/MDCContainersAgentlessDiscoveryK8sRole", clusterNames: ["Prod", "prod"] });
    const synth = JSON.parse(Testing.synth(stack, true));
    const entries = Object.values(synth.resource.aws_eks_access_entry as Record<string, any>);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0].for_each)).toMatch(/"Prod".*"prod"|"prod".*"Prod"/);
  });

  test("the same name twice is still refused", () => {
    const stack = azureStack();
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    expect(() => new EksAgentlessDiscoveryAccess(stack, "access", { roleArn: "arn:aws:iam::123456789012:role/MDCContainersAgentlessDiscoveryK8sRole", clusterNames: ["prod", "prod"] })).toThrow(
      '[test/access] clusterNames[1]: got "prod"; expected each cluster name once. It is also clusterNames[0].',
    );
  });
});
