import { TerraformStack, TerraformVariable, Token } from "cdktf";
import { AlertExport, AlertExportProps, AlertSeverity, ExportSource } from "../../lib/azure";
import { newStack, onlyResourceOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-sec`;
const WORKSPACE = `${RG}/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const EVENT_HUB = `${RG}/providers/Microsoft.EventHub/namespaces/ns-security/eventhubs/defender`;
const LOGIC_APP = `${RG}/providers/Microsoft.Logic/workflows/alert-handler`;
const AUTOMATION = "azurerm_security_center_automation";

const base = { resourceGroupName: "rg-sec", location: "westeurope", scopes: [`/subscriptions/${SUB}`] };

function automationOf(props: Partial<AlertExportProps> | ((stack: TerraformStack) => Partial<AlertExportProps>)) {
  const synth = synthesize((stack) => {
    const extra = typeof props === "function" ? props(stack) : props;
    new AlertExport(stack, "export", { ...base, workspaceResourceId: WORKSPACE, ...extra } as AlertExportProps);
  });
  return onlyResourceOf(synth, AUTOMATION);
}

const secret = (stack: TerraformStack, id: string) => new TerraformVariable(stack, id, { type: "string", sensitive: true }).stringValue;
const make = (props: Partial<AlertExportProps>) => () => new AlertExport(newStack(), "export", { ...base, ...props } as AlertExportProps);

describe("AlertExport", () => {
  test("workspace export: named ExportToWorkspace, alerts + recommendations + findings, no filters", () => {
    expect(automationOf({})).toEqual({
      name: "ExportToWorkspace",
      location: "westeurope",
      resource_group_name: "rg-sec",
      scopes: [`/subscriptions/${SUB}`],
      action: [{ type: "Workspace", resource_id: WORKSPACE }],
      source: [{ event_source: "Alerts" }, { event_source: "Assessments" }, { event_source: "SubAssessments" }],
      enabled: true,
      description: "Microsoft Defender for Cloud continuous export (managed by Terraform)",
    });
  });

  test("Event Hub export: named ExportToEventHub, the connection string is the reference it was given", () => {
    const automation = automationOf((stack) => ({ workspaceResourceId: undefined, eventHub: { eventHubResourceId: EVENT_HUB, connectionString: secret(stack, "cs") } }));
    expect(automation.name).toBe("ExportToEventHub");
    expect(automation.action).toEqual([{ type: "EventHub", resource_id: EVENT_HUB, connection_string: "${var.cs}" }]);
  });

  test("Logic App automation: named ExportToLogicApp with the trigger URL reference", () => {
    const automation = automationOf((stack) => ({ workspaceResourceId: undefined, logicApp: { logicAppResourceId: LOGIC_APP, triggerUrl: secret(stack, "url") } }));
    expect(automation.name).toBe("ExportToLogicApp");
    expect(automation.action).toEqual([{ type: "LogicApp", resource_id: LOGIC_APP, trigger_url: "${var.url}" }]);
  });

  test("the connection string never appears in the synthesized output as a value, and nothing is output", () => {
    const synth = synthesize((stack) => {
      new AlertExport(stack, "export", { ...base, eventHub: { eventHubResourceId: EVENT_HUB, connectionString: secret(stack, "cs") } });
    });
    expect(synth.output).toBeUndefined();
    expect(synth.variable.cs).toEqual({ type: "string", sensitive: true });
  });

  test("alert severities: one rule set per severity on Severity, lower case, canonical order", () => {
    const automation = automationOf({ alertSeverities: [AlertSeverity.INFORMATIONAL, AlertSeverity.HIGH] });
    const alerts = automation.source.find((s: any) => s.event_source === "Alerts");
    expect(alerts.rule_set).toEqual([
      { rule: [{ property_path: "Severity", operator: "Equals", expected_value: "high", property_type: "String" }] },
      { rule: [{ property_path: "Severity", operator: "Equals", expected_value: "informational", property_type: "String" }] },
    ]);
  });

  test("recommendation severities: type Contains Microsoft.Security/assessments AND properties.metadata.severity per rule set", () => {
    const automation = automationOf({ recommendationSeverities: [AlertSeverity.MEDIUM, AlertSeverity.HIGH] });
    const recommendations = automation.source.find((s: any) => s.event_source === "Assessments");
    const typeRule = { property_path: "type", operator: "Contains", expected_value: "Microsoft.Security/assessments", property_type: "String" };
    expect(recommendations.rule_set).toEqual([
      { rule: [typeRule, { property_path: "properties.metadata.severity", operator: "Equals", expected_value: "High", property_type: "String" }] },
      { rule: [typeRule, { property_path: "properties.metadata.severity", operator: "Equals", expected_value: "Medium", property_type: "String" }] },
    ]);
    expect(automation.source.find((s: any) => s.event_source === "Alerts").rule_set).toBeUndefined();
  });

  test("recommendation filters also apply to the recommendations snapshot", () => {
    const automation = automationOf({ sources: [ExportSource.RECOMMENDATIONS_SNAPSHOT], recommendationSeverities: [AlertSeverity.LOW] });
    expect(automation.source).toHaveLength(1);
    expect(automation.source[0].rule_set[0].rule[1].expected_value).toBe("Low");
  });

  test("sources, name, enabled, description and tags are passed through", () => {
    const automation = automationOf({
      sources: [ExportSource.SECURE_SCORES, ExportSource.REGULATORY_COMPLIANCE_SNAPSHOT],
      name: "defender-export-custom",
      enabled: false,
      description: "custom",
      tags: { team: "soc" },
    });
    expect(automation.source).toEqual([{ event_source: "SecureScores" }, { event_source: "RegulatoryComplianceAssessmentSnapshot" }]);
    expect(automation).toMatchObject({ name: "defender-export-custom", enabled: false, description: "custom", tags: { team: "soc" } });
  });

  test("scopes accept subscriptions and resource groups and are normalized; location display names are normalized", () => {
    const automation = automationOf({ location: "West Europe", scopes: [`/SUBSCRIPTIONS/${SUB}`, `/subscriptions/${SUB}/resourcegroups/rg-aks`] });
    expect(automation.scopes).toEqual([`/subscriptions/${SUB}`, `/subscriptions/${SUB}/resourceGroups/rg-aks`]);
    expect(automation.location).toBe("westeurope");
  });

  test("exposes the name and destination type", () => {
    const e = new AlertExport(newStack(), "e", { ...base, workspaceResourceId: WORKSPACE });
    expect(e.automationName).toBe("ExportToWorkspace");
    expect(e.destinationType).toBe("Workspace");
  });

  test("token IDs pass through unvalidated", () => {
    const automation = automationOf((stack) => ({
      workspaceResourceId: new TerraformVariable(stack, "ws", { type: "string" }).stringValue,
      scopes: [new TerraformVariable(stack, "scope", { type: "string" }).stringValue],
    }));
    expect(automation.action[0].resource_id).toBe("${var.ws}");
    expect(automation.scopes).toEqual(["${var.scope}"]);
  });

  describe("rejects bad input", () => {
    test("no destination", () => {
      expect(make({})).toThrow("[test/export] destination: got none; expected exactly one of workspaceResourceId, eventHub, logicApp.");
    });

    test("two destinations", () => {
      expect(make({ workspaceResourceId: WORKSPACE, logicApp: { logicAppResourceId: LOGIC_APP, triggerUrl: Token.asString({ ref: "x" }) } })).toThrow(
        "[test/export] destination: got workspaceResourceId and logicApp; expected exactly one of workspaceResourceId, eventHub, logicApp.",
      );
    });

    test("a workspace ID that is an AKS cluster ID", () => {
      expect(make({ workspaceResourceId: `${RG}/providers/Microsoft.ContainerService/managedClusters/aks` })).toThrow(
        /^\[test\/export\] workspaceResourceId: got ".*"; expected a Log Analytics workspace resource ID.*The value is a Microsoft\.ContainerService\/managedClusters ID\./,
      );
    });

    test("an Event Hub namespace ID instead of an event hub ID", () => {
      const namespace = `${RG}/providers/Microsoft.EventHub/namespaces/ns-security`;
      expect(make({ eventHub: { eventHubResourceId: namespace, connectionString: Token.asString({ ref: "x" }) } })).toThrow(
        /^\[test\/export\] eventHub\.eventHubResourceId: got ".*"; expected an Event Hub resource ID .*\(the event hub, not the namespace\)\. The value is a Microsoft\.EventHub\/namespaces ID\./,
      );
    });

    test("a bad Logic App ID", () => {
      expect(make({ logicApp: { logicAppResourceId: "alert-handler", triggerUrl: Token.asString({ ref: "x" }) } })).toThrow(
        '[test/export] logicApp.logicAppResourceId: got "alert-handler"; expected a Logic App workflow resource ID',
      );
    });

    test("a literal connection string, without echoing it", () => {
      const literal = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0";
      let message = "";
      try {
        make({ eventHub: { eventHubResourceId: EVENT_HUB, connectionString: literal } })();
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/^\[test\/export\] eventHub\.connectionString: got a literal value \(not shown: it is a secret\); expected a reference to the secret/);
      expect(message).not.toContain("c2VjcmV0");
    });

    test("a literal trigger URL", () => {
      expect(make({ logicApp: { logicAppResourceId: LOGIC_APP, triggerUrl: "https://prod.logic.azure.com/x?sig=abc" } })).toThrow(
        "[test/export] logicApp.triggerUrl: got a literal value (not shown: it is a secret)",
      );
    });

    test("an empty connection string", () => {
      expect(make({ eventHub: { eventHubResourceId: EVENT_HUB, connectionString: "" } })).toThrow('[test/export] eventHub.connectionString: got ""; expected a reference');
    });

    test.each([
      [[], "[test/export] scopes: got []; expected at least one scope."],
      [["sub-1"], '[test/export] scopes[0]: got "sub-1"; expected a subscription ID (/subscriptions/<GUID>) or a resource group ID'],
      [[WORKSPACE], "[test/export] scopes[0]: got"],
      [[`/subscriptions/${SUB}`, `/Subscriptions/${SUB}`], `[test/export] scopes[1]: got "/Subscriptions/${SUB}"; expected each scope once.`],
    ])("scopes %j", (scopes, message) => {
      expect(make({ workspaceResourceId: WORKSPACE, scopes: scopes as string[] })).toThrow(message);
    });

    test("a recommendation severity of Informational", () => {
      expect(make({ workspaceResourceId: WORKSPACE, recommendationSeverities: [AlertSeverity.INFORMATIONAL] })).toThrow(
        '[test/export] recommendationSeverities[0]: got "Informational"; expected one of High, Medium, Low.',
      );
    });

    test("an unknown severity", () => {
      expect(make({ workspaceResourceId: WORKSPACE, alertSeverities: ["Critical" as AlertSeverity] })).toThrow(
        '[test/export] alertSeverities[0]: got "Critical"; expected one of High, Medium, Low, Informational (AlertSeverity).',
      );
    });

    test("an empty or repeated severity list", () => {
      expect(make({ workspaceResourceId: WORKSPACE, alertSeverities: [] })).toThrow("[test/export] alertSeverities: got []; expected at least one severity.");
      expect(make({ workspaceResourceId: WORKSPACE, alertSeverities: [AlertSeverity.HIGH, AlertSeverity.HIGH] })).toThrow(
        '[test/export] alertSeverities[1]: got "High"; expected each severity once.',
      );
    });

    test("severity filters without their source", () => {
      expect(make({ workspaceResourceId: WORKSPACE, sources: [ExportSource.RECOMMENDATIONS], alertSeverities: [AlertSeverity.HIGH] })).toThrow(
        "[test/export] alertSeverities: got a filter without the ALERTS source",
      );
      expect(make({ workspaceResourceId: WORKSPACE, sources: [ExportSource.ALERTS], recommendationSeverities: [AlertSeverity.HIGH] })).toThrow(
        "[test/export] recommendationSeverities: got a filter without a recommendations source",
      );
    });

    test("empty or repeated sources", () => {
      expect(make({ workspaceResourceId: WORKSPACE, sources: [] })).toThrow("[test/export] sources: got []; expected at least one source.");
      expect(make({ workspaceResourceId: WORKSPACE, sources: [ExportSource.ALERTS, ExportSource.ALERTS] })).toThrow('[test/export] sources[1]: got "Alerts"; expected each source once.');
    });

    test("a bad name and a bad location", () => {
      expect(make({ workspaceResourceId: WORKSPACE, name: "export/alerts" })).toThrow('[test/export] name: got "export/alerts"; expected 1-260 letters');
      expect(make({ workspaceResourceId: WORKSPACE, location: "westeurop" })).toThrow('[test/export] location: got "westeurop"');
    });
  });
});
