import { SecurityCenterContact } from "@cdktf/provider-azurerm/lib/security-center-contact";
import { TerraformIterator, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { SecurityContactNaming } from "../core/catalog";
import { validateEmail } from "../core/formats";
import { validateNonEmptyUnique, validatePattern } from "../core/validation";
import { checkProps } from "../core/check-props";

/** Props of {@link SecurityContact}. */
export interface SecurityContactProps {
  /**
   * Addresses that receive Defender for Cloud's alert e-mails. One address per entry: azurerm's
   * API version holds one address per contact, so each address becomes one contact
   * (`default1`, `default2`, …). The position decides the name: reordering changes addresses
   * in place; removing an entry deletes the last contact.
   */
  readonly emails: string[];
  /**
   * Phone number of the security contact. Set on the first contact only (the API refuses a phone
   * on the others).
   * @default - none
   */
  readonly phone?: string;
  /**
   * Send alert e-mails to the contacts (`alert_notifications`).
   * @default true
   */
  readonly alertNotifications?: boolean;
  /**
   * Also send alert e-mails to the subscription's owners and admins (`alerts_to_admins`).
   * @default true
   */
  readonly alertsToAdmins?: boolean;
  /**
   * Contact names are `<namePrefix>1`, `<namePrefix>2`, …. The name is ForceNew: changing the
   * prefix deletes every contact and creates new ones (alerts go nowhere in between).
   * @default "default" (names default1, default2, …)
   */
  readonly namePrefix?: string;
  /**
   * azurerm provider (alias) of the subscription the contacts belong to.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

const NAME_PREFIX = /^[A-Za-z0-9][A-Za-z0-9_-]{0,58}$/;
const PHONE = /^\+?[0-9][0-9 ().-]{3,29}$/;

/**
 * The subscription's Defender for Cloud security contacts (`azurerm_security_center_contact`):
 * who gets alert e-mails. The first address is one resource (with the phone number); further
 * addresses are one resource with `for_each`, keyed by contact name.
 *
 * A contact of the same name that already exists (e.g. `default1` made by a script) fails the
 * create with "already exists"; import it (`/subscriptions/<id>/providers/Microsoft.Security/securityContacts/default1`).
 */
export class SecurityContact extends Construct {
  /** The first contact (`<namePrefix>1`). */
  public readonly primary: SecurityCenterContact;
  /** The other contacts, one resource with `for_each` (undefined with a single address). */
  public readonly additional?: SecurityCenterContact;
  /** Contact name → address, in order. */
  public readonly contacts: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: SecurityContactProps) {
    super(scope, id);
    checkProps(this, props, "SecurityContactProps");
    const emails = validateNonEmptyUnique(this, "emails", props.emails, (e) => e, "e-mail address");
    emails.forEach((email, i) => validateEmail(this, `emails[${i}]`, email));
    if (props.phone !== undefined) validatePattern(this, "phone", props.phone, PHONE, "a phone number of 4-30 digits, spaces and ( ) . - with an optional leading +, e.g. +1-555-555-5555");
    const prefix = validatePattern(
      this,
      "namePrefix",
      props.namePrefix ?? SecurityContactNaming.DEFAULT_PREFIX,
      NAME_PREFIX,
      "1-59 letters, digits, hyphens or underscores, starting with a letter or digit",
    );

    this.contacts = Object.fromEntries(emails.map((email, i) => [SecurityContactNaming.name(prefix, i), email]));
    const common = {
      alertNotifications: props.alertNotifications ?? true,
      alertsToAdmins: props.alertsToAdmins ?? true,
      provider: props.provider,
    };
    this.primary = new SecurityCenterContact(this, "contact", {
      ...common,
      name: SecurityContactNaming.name(prefix, 0),
      email: emails[0],
      phone: props.phone,
    });
    const rest = Object.entries(this.contacts).slice(1);
    if (rest.length > 0) {
      const iterator = TerraformIterator.fromMap(Object.fromEntries(rest));
      this.additional = new SecurityCenterContact(this, "additional", {
        ...common,
        forEach: iterator,
        name: iterator.key,
        email: iterator.value,
      });
    }
  }
}
