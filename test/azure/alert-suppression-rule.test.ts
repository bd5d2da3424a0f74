import { AnnotationMetadataEntryType, Testing, TerraformStack } from "cdktf";
import {
  AlertSuppressionRule,
  AlertSuppressionRuleProps,
  AzapiProvider,
  SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY,
  SuppressionEntityField,
  SuppressionReason,
  SuppressionRuleState,
} from "../../lib/azure";
import { newStack, onlyResourceOf, synthesizeWithAzapi } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const base: AlertSuppressionRuleProps = {
  subscriptionId: SUB,
  name: "dismiss-scanner",
  alertType: "K8S_ExposedDashboard",
  reason: SuppressionReason.FALSE_POSITIVE,
  expirationDateUtc: "2026-12-31T23:59:59Z",
};

function ruleOf(props: Partial<AlertSuppressionRuleProps>) {
  return onlyResourceOf(synthesizeWithAzapi((stack) => new AlertSuppressionRule(stack, "rule", { ...base, ...props })), "azapi_resource");
}
const make = (props: Partial<AlertSuppressionRuleProps>, stack: TerraformStack = newStack()) => () => new AlertSuppressionRule(stack, "rule", { ...base, ...props });

describe("AlertSuppressionRule", () => {
  test("renders an azapi_resource at subscription scope with the typed body", () => {
    expect(ruleOf({ comment: "scanner VM", conditions: [{ field: SuppressionEntityField.IP_ADDRESS, in: ["10.0.0.4", "10.0.0.5"] }, { field: "entities.process.commandline", contains: "nmap" }] })).toEqual({
      type: "Microsoft.Security/alertsSuppressionRules@2019-01-01-preview",
      name: "dismiss-scanner",
      parent_id: `/subscriptions/${SUB}`,
      response_export_values: [],
      body: {
        properties: {
          alertType: "K8S_ExposedDashboard",
          reason: "FalsePositive",
          state: "Enabled",
          comment: "scanner VM",
          expirationDateUtc: "2026-12-31T23:59:59Z",
          suppressionAlertsScope: {
            allOf: [
              { field: "entities.ip.address", in: ["10.0.0.4", "10.0.0.5"] },
              { field: "entities.process.commandline", contains: "nmap" },
            ],
          },
        },
      },
    });
  });

  test("without conditions there is no suppressionAlertsScope; state can be Disabled", () => {
    const body = ruleOf({ state: SuppressionRuleState.DISABLED }).body.properties;
    expect(body.suppressionAlertsScope).toBeUndefined();
    expect(body.state).toBe("Disabled");
    expect(body.comment).toBeUndefined();
  });

  test.each(Object.values(SuppressionReason).filter((r) => r !== SuppressionReason.OTHER))("reason %s is written as is", (reason) => {
    expect(ruleOf({ reason }).body.properties.reason).toBe(reason);
  });

  test("Other with a comment", () => {
    expect(ruleOf({ reason: SuppressionReason.OTHER, comment: "pen test until year end" }).body.properties).toMatchObject({ reason: "Other", comment: "pen test until year end" });
  });

  test("neverExpires with a justification: no expirationDateUtc, the justification lands in the comment", () => {
    const body = ruleOf({ expirationDateUtc: undefined, neverExpires: true, neverExpiresJustification: "benign health probe, reviewed by SOC (INC-1234)", comment: "probe" }).body
      .properties;
    expect(body.expirationDateUtc).toBeUndefined();
    expect(body.comment).toBe("probe | Never expires: benign health probe, reviewed by SOC (INC-1234)");
  });

  test("alertType * is accepted with a condition", () => {
    expect(ruleOf({ alertType: "*", conditions: [{ field: SuppressionEntityField.AZURE_RESOURCE_ID, contains: "/resourceGroups/rg-sandbox/" }] }).body.properties.alertType).toBe("*");
  });

  test("fraction seconds are accepted", () => {
    expect(ruleOf({ expirationDateUtc: "2026-12-01T19:50:47.083633Z" }).body.properties.expirationDateUtc).toBe("2026-12-01T19:50:47.083633Z");
  });

  test("passes a given azapi provider to the resource", () => {
    // Checked on the construct: AzapiProvider does not render its alias yet (reported to the lead).
    const stack = newStack();
    const other = new AzapiProvider(stack, "prod", { alias: "prod" });
    const rule = new AlertSuppressionRule(stack, "rule", { ...base, provider: other });
    expect(rule.resource.provider).toBe(other);
  });

  describe("expiry warning against the reference date from context (the clock is never read)", () => {
    function warnings(referenceDate?: string, expirationDateUtc = base.expirationDateUtc) {
      const stack = newStack(referenceDate ? { [SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY]: referenceDate } : {});
      new AzapiProvider(stack, "azapi");
      const rule = new AlertSuppressionRule(stack, "rule", { ...base, expirationDateUtc });
      Testing.synth(stack);
      return rule.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
    }

    test("no reference date: no warning, whatever the date", () => {
      expect(warnings(undefined, "2001-01-01T00:00:00Z")).toEqual([]);
    });
    test("a date after the reference date: no warning", () => {
      expect(warnings("2026-06-01")).toEqual([]);
    });
    test("a date on or before the reference date: a warning", () => {
      const found = warnings("2027-01-01");
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/expirationDateUtc 2026-12-31T23:59:59Z is not after the reference date 2027-01-01/);
    });
    test("a malformed reference date is an error", () => {
      expect(() => warnings("01/01/2027")).toThrow(`[test/rule] context "${SUPPRESSION_REFERENCE_DATE_CONTEXT_KEY}": got "01/01/2027"; expected a date YYYY-MM-DD.`);
    });
  });

  describe("rejects bad input", () => {
    test("missing expiration without waiver", () => {
      expect(make({ expirationDateUtc: undefined })).toThrow(
        "[test/rule] expirationDateUtc: got undefined; expected an ISO-8601 UTC date-time such as 2026-12-31T23:59:59Z — suppressions must expire. To waive this, set neverExpires: true with a neverExpiresJustification.",
      );
    });

    test.each(["2026-12-31", "2026-12-31T23:59:59", "2026-12-31T23:59:59+01:00", "2026-12-31 23:59:59Z", "31/12/2026", "tomorrow"])("malformed date %j", (value) => {
      expect(make({ expirationDateUtc: value })).toThrow(`[test/rule] expirationDateUtc: got ${JSON.stringify(value)}; expected an ISO-8601 UTC date-time such as 2026-12-31T23:59:59Z.`);
    });

    test.each(["2026-02-29T00:00:00Z", "2026-04-31T12:00:00Z", "2026-13-01T00:00:00Z", "2026-12-31T24:00:00Z", "2026-12-31T23:60:00Z"])("a date that does not exist %j", (value) => {
      expect(make({ expirationDateUtc: value })).toThrow(`[test/rule] expirationDateUtc: got ${JSON.stringify(value)}; expected an ISO-8601 UTC date-time such as 2026-12-31T23:59:59Z that exists on the calendar.`);
    });

    test("neverExpires without justification, or with a short one", () => {
      expect(make({ expirationDateUtc: undefined, neverExpires: true })).toThrow('[test/rule] neverExpiresJustification: got ""; expected a justification of at least 20 characters');
      expect(make({ expirationDateUtc: undefined, neverExpires: true, neverExpiresJustification: "because" })).toThrow('[test/rule] neverExpiresJustification: got "because"');
    });

    test("neverExpires together with a date", () => {
      expect(make({ neverExpires: true, neverExpiresJustification: "a long enough justification text" })).toThrow(
        '[test/rule] neverExpires: got true together with expirationDateUtc "2026-12-31T23:59:59Z"; expected one or the other.',
      );
    });

    test.each(["a", "-starts-with-dash", "has space", "x".repeat(51), "dots.not.allowed"])("name %j", (name) => {
      expect(make({ name })).toThrow(`[test/rule] name: got ${JSON.stringify(name)}; expected 2-50 letters, digits, hyphens or underscores`);
    });

    test("subscription that is not a GUID", () => {
      expect(make({ subscriptionId: "prod" })).toThrow('[test/rule] subscriptionId: got "prod"; expected a GUID');
    });

    test("empty alert type", () => {
      expect(make({ alertType: " " })).toThrow('[test/rule] alertType: got " "; expected an alert type');
    });

    test("alertType * without conditions", () => {
      expect(make({ alertType: "*" })).toThrow('[test/rule] alertType: got "*" without conditions; expected a specific alert type, or at least one condition');
    });

    test("reason Other without comment", () => {
      expect(make({ reason: SuppressionReason.OTHER })).toThrow('[test/rule] comment: got ""; expected a non-empty comment explaining the reason when reason is "Other".');
    });

    test("conditions with both or neither operator, empty values, bad field", () => {
      expect(make({ conditions: [{ field: "entities.ip.address", in: ["1.1.1.1"], contains: "1" }] })).toThrow(
        "[test/rule] conditions[0]: got both in and contains; expected exactly one of in (equals one of) or contains.",
      );
      expect(make({ conditions: [{ field: "entities.ip.address" }] })).toThrow("[test/rule] conditions[0]: got neither in nor contains");
      expect(make({ conditions: [{ field: "entities.ip.address", in: [] }] })).toThrow("[test/rule] conditions[0].in: got []; expected a non-empty list of non-empty values.");
      expect(make({ conditions: [{ field: "entities.ip.address", contains: "" }] })).toThrow('[test/rule] conditions[0].contains: got ""; expected a non-empty text.');
      expect(make({ conditions: [{ field: "entities ip", contains: "x" }] })).toThrow('[test/rule] conditions[0].field: got "entities ip"; expected an entity field');
    });
  });
});
