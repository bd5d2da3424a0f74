import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import {
  DEFENDER_CONTAINERS_AWS_CLIENT_IDS,
  DEFENDER_OIDC_ISSUER,
  DEFENDER_OIDC_PROVIDER_PATH,
  DEFENDER_OIDC_THUMBPRINT,
} from "../core/catalog";
import { AwsPartition } from "../core/aws-arn";
import { invalidValue } from "../core/errors";
import { isUnresolved, validatePattern } from "../core/validation";

/** An IAM OIDC provider for Defender's issuer: one created by {@link DefenderOidcProvider} or an existing one. */
export interface IDefenderOidcProvider {
  /** ARN of the provider (`arn:<partition>:iam::<account>:oidc-provider/sts.windows.net/<Defender tenant>/`). */
  readonly arn: string;
  /**
   * Client IDs (audiences) the provider is known to accept; undefined when the provider was
   * referenced by ARN and its list is not known at synth time.
   */
  readonly clientIds?: readonly string[];
}

/** Props of {@link DefenderOidcProvider}. */
export interface DefenderOidcProviderProps {
  /**
   * Client IDs (audiences) the provider accepts. IAM rejects a Defender token whose `aud` is not
   * in this list, so it must hold the audience of every role that trusts the provider.
   * @default - the Defender for Containers audiences: `api://6610e979-…` (Kubernetes,
   * agentless discovery, image assessment) and `api://1462b192-…` (data collection)
   */
  readonly clientIds?: string[];
  /**
   * Client IDs added after `clientIds`, e.g. `DEFENDER_AWS_ONBOARDING_TEMPLATE_CLIENT_IDS` when
   * this provider is shared with Defender CSPM or Defender for Servers.
   * @default - none
   */
  readonly additionalClientIds?: string[];
  /**
   * TLS thumbprints of the issuer (40 hex characters each).
   * @default - the thumbprint in Microsoft's template (`626d44e7…`)
   */
  readonly thumbprints?: string[];
  /**
   * Tags on the provider.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * aws provider (alias) of the account.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

/** Props of {@link DefenderOidcProvider.fromArn}. */
export interface DefenderOidcProviderReference {
  /** ARN of the existing provider. */
  readonly arn: string;
  /**
   * The client IDs the existing provider is known to accept, so roles can check their audience
   * against them.
   * @default - unknown: no check
   */
  readonly clientIds?: string[];
}

const THUMBPRINT = /^[0-9a-fA-F]{40}$/;
const CLIENT_ID = /^\S{1,255}$/;
const escaped = DEFENDER_OIDC_PROVIDER_PATH.replace(/[.]/g, "\\.");
const PROVIDER_ARN = new RegExp(`^arn:(aws|aws-cn|aws-us-gov):iam::\\d{12}:oidc-provider/${escaped}$`);

/**
 * The IAM OpenID Connect provider through which Defender's tokens (issuer
 * `https://sts.windows.net/33e01921-…/`, Defender's own tenant) are exchanged for AWS role
 * credentials (`aws_iam_openid_connect_provider`).
 *
 * An account can hold only one provider per issuer URL, and onboarding another Defender plan
 * (CSPM, Servers) through Microsoft's CloudFormation may already have created it. Then reference
 * it with {@link DefenderOidcProvider.fromArn} instead, and make sure its client-ID list holds
 * the Defender for Containers audiences (the data-collection one, `api://1462b192-…`, was
 * missing from Microsoft's Terraform template default).
 *
 * @example
 * const oidc = new DefenderOidcProvider(this, "oidc");
 * // or: DefenderOidcProvider.fromArn(this, "oidc", { arn: DefenderOidcProvider.arnForAccount("123456789012") });
 */
export class DefenderOidcProvider extends Construct implements IDefenderOidcProvider {
  /**
   * References a provider that already exists. The ARN is checked: it must be an IAM OIDC
   * provider for Defender's issuer, including the trailing slash the roles' conditions use.
   */
  public static fromArn(scope: Construct, id: string, reference: DefenderOidcProviderReference): IDefenderOidcProvider {
    return new ExistingDefenderOidcProvider(scope, id, reference);
  }

  /** The ARN Defender's provider has in an account, for {@link DefenderOidcProvider.fromArn}. */
  public static arnForAccount(accountId: string, partition: AwsPartition = AwsPartition.AWS): string {
    return `arn:${partition}:iam::${accountId}:oidc-provider/${DEFENDER_OIDC_PROVIDER_PATH}`;
  }

  /** The provider resource. */
  public readonly resource: IamOpenidConnectProvider;
  /** ARN of the provider. */
  public readonly arn: string;
  /** The client IDs written to `client_id_list`, in order. */
  public readonly clientIds: readonly string[];

  constructor(scope: Construct, id: string, props: DefenderOidcProviderProps = {}) {
    super(scope, id);
    const base = props.clientIds ?? [...DEFENDER_CONTAINERS_AWS_CLIENT_IDS];
    if (base.length === 0) invalidValue(this, "clientIds", base, "at least one client ID (audience)");
    const additional = props.additionalClientIds ?? [];
    const checkClientId = (prop: string) => (clientId: string, i: number) =>
      validatePattern(this, `${prop}[${i}]`, clientId, CLIENT_ID, "a client ID (audience) such as api://6610e979-c931-41ec-adc7-b9920c9d52f1");
    base.forEach(checkClientId("clientIds"));
    additional.forEach(checkClientId("additionalClientIds"));
    const all = [...base, ...additional];
    // IAM rejects duplicate client IDs; keep the first occurrence so the order stays the caller's.
    this.clientIds = [...new Set(all)];
    // IAM quotas: 100 client IDs and 5 thumbprints per OIDC provider (IAM User Guide, "IAM and AWS STS quotas").
    if (this.clientIds.length > 100) invalidValue(this, "clientIds", this.clientIds.length, "at most 100 client IDs in all (an IAM quota)");
    const thumbprints = props.thumbprints ?? [DEFENDER_OIDC_THUMBPRINT];
    if (thumbprints.length === 0 || thumbprints.length > 5) invalidValue(this, "thumbprints", thumbprints, "1 to 5 thumbprints (an IAM quota)");
    thumbprints.forEach((t, i) => validatePattern(this, `thumbprints[${i}]`, t, THUMBPRINT, "a certificate thumbprint of 40 hexadecimal characters"));

    this.resource = new IamOpenidConnectProvider(this, "provider", {
      url: DEFENDER_OIDC_ISSUER,
      clientIdList: [...this.clientIds],
      thumbprintList: thumbprints,
      tags: props.tags,
      provider: props.provider,
    });
    this.arn = this.resource.arn;
  }
}

/** A provider referenced by ARN. Kept in this file: it is the other half of {@link DefenderOidcProvider}. */
class ExistingDefenderOidcProvider extends Construct implements IDefenderOidcProvider {
  public readonly arn: string;
  public readonly clientIds?: readonly string[];

  constructor(scope: Construct, id: string, reference: DefenderOidcProviderReference) {
    super(scope, id);
    const arn = reference.arn;
    if (!isUnresolved(arn) && (typeof arn !== "string" || !PROVIDER_ARN.test(arn))) {
      const otherIssuer = typeof arn === "string" && /:oidc-provider\//.test(arn);
      invalidValue(
        this,
        "arn",
        arn,
        `the ARN of the IAM OIDC provider for Defender's issuer, such as ${DefenderOidcProvider.arnForAccount("123456789012")}`,
        otherIssuer
          ? `Defender's tokens are issued by ${DEFENDER_OIDC_ISSUER} (trailing slash included); a provider for another URL does not accept them.`
          : undefined,
      );
    }
    this.arn = arn;
    this.clientIds = reference.clientIds ? [...reference.clientIds] : undefined;
  }
}
