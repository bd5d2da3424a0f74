import { Token } from "cdktf";
import {
  AzureResourceIdFormats,
  parseAzureResourceId,
  validateEmail,
  validateIpv4Cidr,
  validateIsoUtcDateTime,
  validateSecretReference,
} from "../../lib/core";
import { newStack } from "../util";

const scope = newStack();
const token = Token.asString({ ref: "var.x" });

describe("validateEmail", () => {
  test.each(["secops@contoso.com", "first.last+tag@sub.contoso.co.uk"])("accepts %s", (v) => expect(validateEmail(scope, "e", v)).toBe(v));
  test.each(["", "a", "a@b", "a@b.c", "a@@b.com", "a b@c.com", "a@b.com;c@d.com", "a@b.com,c@d.com", "<a@b.com>"])("rejects %j", (v) => {
    expect(() => validateEmail(scope, "e", v)).toThrow(`[test] e: got ${JSON.stringify(v)}; expected one e-mail address`);
  });
  test("passes tokens", () => expect(validateEmail(scope, "e", token)).toBe(token));
});

describe("validateIpv4Cidr", () => {
  test.each(["10.0.0.0/8", "10.240.0.0/16", "192.168.1.4", "192.168.1.4/32", "0.0.0.0/0"])("accepts %s", (v) => expect(validateIpv4Cidr(scope, "c", v)).toBe(v));
  test.each(["10.0.0.0/33", "256.0.0.0/8", "10.0.0/8", "10.0.0.0/", "10.0.0.0/8/1", "::1", "*"])("rejects %j", (v) => {
    expect(() => validateIpv4Cidr(scope, "c", v)).toThrow(`[test] c: got ${JSON.stringify(v)}; expected an IPv4 address or CIDR block such as 10.240.0.0/16.`);
  });
  test("names the network address when host bits are set", () => {
    expect(() => validateIpv4Cidr(scope, "c", "10.1.2.3/16")).toThrow('[test] c: got "10.1.2.3/16"; expected the network address of the block, 10.1.0.0/16.');
  });
  test("passes tokens", () => expect(validateIpv4Cidr(scope, "c", token)).toBe(token));
});

describe("validateIsoUtcDateTime", () => {
  test("returns the instant", () => {
    expect(validateIsoUtcDateTime(scope, "d", "2028-02-29T12:30:00Z")).toBe(Date.UTC(2028, 1, 29, 12, 30, 0));
    expect(validateIsoUtcDateTime(scope, "d", "2026-01-01T00:00:00.1234567Z")).toBe(Date.UTC(2026, 0, 1));
  });
  test("rejects a leap day in a common year", () => {
    expect(() => validateIsoUtcDateTime(scope, "d", "2027-02-29T00:00:00Z")).toThrow("that exists on the calendar");
  });
  test("rejects offsets and missing parts", () => {
    for (const v of ["2026-01-01T00:00Z", "2026-01-01T00:00:00+00:00", "2026-1-1T00:00:00Z"]) {
      expect(() => validateIsoUtcDateTime(scope, "d", v)).toThrow(`[test] d: got ${JSON.stringify(v)}; expected an ISO-8601 UTC date-time`);
    }
  });
  test("tokens give undefined", () => expect(validateIsoUtcDateTime(scope, "d", token)).toBeUndefined());
});

describe("validateSecretReference", () => {
  test("passes tokens", () => expect(validateSecretReference(scope, "s", token, "a variable")).toBe(token));
  test("rejects a literal without showing it", () => {
    expect(() => validateSecretReference(scope, "s", "hunter2", "a variable")).toThrow(
      "[test] s: got a literal value (not shown: it is a secret); expected a reference to the secret, e.g. a variable. A literal would be written in clear text into cdk.tf.json.",
    );
    expect(() => validateSecretReference(scope, "s", "hunter2", "a variable")).not.toThrow(/hunter2/);
  });
});

describe("resource ID formats added for operations", () => {
  const RG = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg";
  test("EVENT_HUB parses namespace and hub", () => {
    expect(parseAzureResourceId(scope, "id", `${RG}/providers/microsoft.eventhub/namespaces/ns-sec/EventHubs/alerts`, AzureResourceIdFormats.EVENT_HUB)).toEqual({
      id: `${RG}/providers/Microsoft.EventHub/namespaces/ns-sec/eventhubs/alerts`,
      subscriptionId: "11111111-2222-3333-4444-555555555555",
      resourceGroupName: "rg",
      parentName: "ns-sec",
      name: "alerts",
    });
  });
  test("EVENT_HUB rejects a namespace name under 6 characters", () => {
    expect(() => parseAzureResourceId(scope, "id", `${RG}/providers/Microsoft.EventHub/namespaces/ns/eventhubs/alerts`, AzureResourceIdFormats.EVENT_HUB)).toThrow(
      "expected an Event Hub resource ID",
    );
  });
  test("LOGIC_APP and FIREWALL_POLICY", () => {
    expect(parseAzureResourceId(scope, "id", `${RG}/providers/Microsoft.Logic/workflows/handler`, AzureResourceIdFormats.LOGIC_APP)?.name).toBe("handler");
    expect(parseAzureResourceId(scope, "id", `${RG}/providers/Microsoft.Network/firewallPolicies/fwp`, AzureResourceIdFormats.FIREWALL_POLICY)?.name).toBe("fwp");
    expect(() => parseAzureResourceId(scope, "id", `${RG}/providers/Microsoft.Logic/workflows/handler`, AzureResourceIdFormats.FIREWALL_POLICY)).toThrow(
      "The value is a Microsoft.Logic/workflows ID.",
    );
  });
});
