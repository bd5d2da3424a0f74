import { TerraformOutput } from "cdktf";
import { DefenderWorkspace } from "../../lib/azure";
import { newStack, onlyResourceOf, synthesize, unresolved } from "../util";

const LAW = "azurerm_log_analytics_workspace";
const SUB = "11111111-2222-3333-4444-555555555555";

describe("DefenderWorkspace", () => {
  test("creates a PerGB2018 workspace with 30 days retention, protected from destroy", () => {
    const workspace = onlyResourceOf(
      synthesize((stack) => new DefenderWorkspace(stack, "ws", { resourceGroupName: "rg-sec", location: "West Europe" })),
      LAW,
    );
    expect(workspace).toEqual({
      name: "law-defender-containers-westeurope",
      location: "westeurope",
      resource_group_name: "rg-sec",
      sku: "PerGB2018",
      retention_in_days: 30,
      lifecycle: { prevent_destroy: true },
    });
  });

  test("passes name, retention, quota, network access and tags through", () => {
    const workspace = onlyResourceOf(
      synthesize(
        (stack) =>
          new DefenderWorkspace(stack, "ws", {
            name: "law-sec-01",
            resourceGroupName: "rg",
            location: "eastus",
            retentionInDays: 365,
            dailyQuotaGb: 10,
            internetIngestionEnabled: false,
            internetQueryEnabled: false,
            preventDestroy: false,
            tags: { team: "platform" },
          }),
      ),
      LAW,
    );
    expect(workspace).toMatchObject({
      name: "law-sec-01",
      retention_in_days: 365,
      daily_quota_gb: 10,
      internet_ingestion_enabled: false,
      internet_query_enabled: false,
      tags: { team: "platform" },
      lifecycle: { prevent_destroy: false },
    });
  });

  test("exposes the resource ID, workspace ID and key as references", () => {
    const synth = synthesize((stack) => {
      const ws = new DefenderWorkspace(stack, "ws", { resourceGroupName: "rg", location: "eastus" });
      new TerraformOutput(stack, "resource_id", { value: ws.workspaceResourceId });
      new TerraformOutput(stack, "workspace_id", { value: ws.workspaceId });
      new TerraformOutput(stack, "key", { value: ws.primarySharedKey, sensitive: true });
    });
    const address = "azurerm_log_analytics_workspace.ws_workspace_CBA56DD6";
    expect(synth.output).toEqual({
      resource_id: { value: `\${${address}.id}` },
      workspace_id: { value: `\${${address}.workspace_id}` },
      key: { value: `\${${address}.primary_shared_key}`, sensitive: true },
    });
  });

  test("a location given as a token is not validated", () => {
    const synth = synthesize((stack) => new DefenderWorkspace(stack, "ws", { name: "law-x", resourceGroupName: "rg", location: unresolved("var.loc") }));
    expect(onlyResourceOf(synth, LAW).name).toBe("law-x");
  });

  describe("defaultWorkspaceName", () => {
    test("follows the naming of Defender's policies", () => {
      expect(DefenderWorkspace.defaultWorkspaceName(SUB, "West Europe")).toEqual({
        locationCode: "WEU",
        resourceGroupName: "DefaultResourceGroup-WEU",
        workspaceName: `DefaultWorkspace-${SUB}-WEU`,
        resourceId: `/subscriptions/${SUB}/resourceGroups/DefaultResourceGroup-WEU/providers/Microsoft.OperationalInsights/workspaces/DefaultWorkspace-${SUB}-WEU`,
      });
      expect(DefenderWorkspace.defaultWorkspaceName(SUB, "eastus").locationCode).toBe("EUS");
      expect(DefenderWorkspace.defaultWorkspaceName(SUB, "westus3").locationCode).toBe("USW3");
    });
    test("rejects a region the policy has no code for", () => {
      expect(() => DefenderWorkspace.defaultWorkspaceName(SUB, "austriaeast")).toThrow(
        /DefenderWorkspace\.defaultWorkspaceName: region: got "austriaeast"; expected one of the regions Defender's policy names default workspaces for: .*westeurope/,
      );
    });
    test("rejects a subscription that is not a GUID", () => {
      expect(() => DefenderWorkspace.defaultWorkspaceName("sub", "eastus")).toThrow(
        'DefenderWorkspace.defaultWorkspaceName: subscriptionId: got "sub"; expected a GUID of the form 00000000-0000-0000-0000-000000000000.',
      );
    });
  });

  describe("validation", () => {
    const base = { resourceGroupName: "rg", location: "eastus" };
    test.each([29, 731, 45.5])("retentionInDays %p is an error", (retentionInDays) => {
      expect(() => new DefenderWorkspace(newStack(), "ws", { ...base, retentionInDays })).toThrow(
        `[test/ws] retentionInDays: got ${retentionInDays}; expected a whole number from 30 to 730.`,
      );
    });
    test.each(["ab", "-law", "law_1", "a".repeat(64)])("name %j is an error", (name) => {
      expect(() => new DefenderWorkspace(newStack(), "ws", { ...base, name })).toThrow(
        `[test/ws] name: got ${JSON.stringify(name)}; expected 4-63 letters, digits or hyphens, starting and ending with a letter or digit.`,
      );
    });
    test("an unknown location is an error with a suggestion", () => {
      expect(() => new DefenderWorkspace(newStack(), "ws", { ...base, location: "eastus3" })).toThrow(/\[test\/ws\] location: got "eastus3".*Did you mean "eastus"\?/);
    });
    test.each([0, -1])("dailyQuotaGb %p is an error", (dailyQuotaGb) => {
      expect(() => new DefenderWorkspace(newStack(), "ws", { ...base, dailyQuotaGb })).toThrow(/\[test\/ws\] dailyQuotaGb: got -?\d+; expected a whole number from 1/);
    });
  });
});
