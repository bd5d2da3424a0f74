import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Token } from "cdktf";
import { SecurityContact } from "../../lib/azure";
import { newStack, onlyResourceOf, resourcesOf, synthesize } from "../util";

const CONTACT = "azurerm_security_center_contact";

function contactsOf(props: ConstructorParameters<typeof SecurityContact>[2]) {
  return resourcesOf(synthesize((stack) => new SecurityContact(stack, "contact", props)), CONTACT);
}

describe("SecurityContact", () => {
  test("one address: one contact named default1 with notifications to contact and admins on", () => {
    const synth = synthesize((stack) => new SecurityContact(stack, "contact", { emails: ["secops@contoso.com"] }));
    expect(onlyResourceOf(synth, CONTACT)).toEqual({
      name: "default1",
      email: "secops@contoso.com",
      alert_notifications: true,
      alerts_to_admins: true,
    });
  });

  test("further addresses are one for_each resource keyed by contact name; the phone is on the first only", () => {
    const contacts = Object.values(contactsOf({ emails: ["a@contoso.com", "b@contoso.com", "c@contoso.com"], phone: "+1-555-555-5555" }));
    expect(contacts).toHaveLength(2);
    const [primary, additional] = contacts;
    expect(primary).toMatchObject({ name: "default1", email: "a@contoso.com", phone: "+1-555-555-5555" });
    expect(additional.for_each).toEqual({ default2: "b@contoso.com", default3: "c@contoso.com" });
    expect(additional.name).toBe("${each.key}");
    expect(additional.email).toBe("${each.value}");
    expect(additional.phone).toBeUndefined();
  });

  test("exposes the name → address map", () => {
    const c = new SecurityContact(newStack(), "c", { emails: ["a@contoso.com", "b@contoso.com"] });
    expect(c.contacts).toEqual({ default1: "a@contoso.com", default2: "b@contoso.com" });
    expect(c.additional).toBeDefined();
  });

  test("alertNotifications, alertsToAdmins and namePrefix are applied to every contact", () => {
    const contacts = Object.values(contactsOf({ emails: ["a@contoso.com", "b@contoso.com"], alertNotifications: false, alertsToAdmins: false, namePrefix: "soc" }));
    for (const c of contacts) {
      expect(c.alert_notifications).toBe(false);
      expect(c.alerts_to_admins).toBe(false);
    }
    expect(contacts[0].name).toBe("soc1");
    expect(contacts[1].for_each).toEqual({ soc2: "b@contoso.com" });
  });

  test("a given provider is used by every contact", () => {
    const synth = synthesize((stack) => {
      const other = new AzurermProvider(stack, "prod", { features: [{}], alias: "prod" });
      new SecurityContact(stack, "c", { emails: ["a@contoso.com", "b@contoso.com"], provider: other });
    });
    expect(Object.values(resourcesOf(synth, CONTACT)).map((c) => c.provider)).toEqual(["azurerm.prod", "azurerm.prod"]);
  });

  test("token addresses pass through unvalidated", () => {
    const email = Token.asString({ ref: "var.email" });
    expect(() => new SecurityContact(newStack(), "c", { emails: [email] })).not.toThrow();
  });

  describe("rejects bad input", () => {
    test.each(["secops", "secops@contoso", "a@contoso.com,b@contoso.com", "a@contoso.com;b@contoso.com", "a b@contoso.com", ""])("email %j", (email) => {
      expect(() => new SecurityContact(newStack(), "c", { emails: ["ok@contoso.com", email] })).toThrow(
        `[test/c] emails[1]: got ${JSON.stringify(email)}; expected one e-mail address such as secops@contoso.com`,
      );
    });

    test("no address", () => {
      expect(() => new SecurityContact(newStack(), "c", { emails: [] })).toThrow("[test/c] emails: got []; expected at least one e-mail address.");
    });

    test("the same address twice (case-insensitive)", () => {
      expect(() => new SecurityContact(newStack(), "c", { emails: ["a@contoso.com", "A@Contoso.com"] })).toThrow(
        '[test/c] emails[1]: got "A@Contoso.com"; expected each e-mail address once. It is also emails[0].',
      );
    });

    test("a phone number with letters", () => {
      expect(() => new SecurityContact(newStack(), "c", { emails: ["a@contoso.com"], phone: "call me" })).toThrow('[test/c] phone: got "call me"; expected a phone number');
    });

    test("a name prefix with a slash", () => {
      expect(() => new SecurityContact(newStack(), "c", { emails: ["a@contoso.com"], namePrefix: "a/b" })).toThrow('[test/c] namePrefix: got "a/b"; expected 1-59 letters');
    });
  });
});
