// Internal: IAM policy JSON for the Defender roles. Not exported from the entry point.
//
// Decision: policies are plain JSON strings built here, not `aws_iam_policy_document` data
// sources or `jsonencode()`. With literal inputs the synthesized file holds the exact policy a
// reviewer approves, there is nothing for Terraform to read at plan time, and two synths are
// byte-identical. Token inputs (a provider ARN, an account ID from a data source) are embedded
// as string interpolations, which Terraform resolves inside the string. The aws provider compares
// policies semantically, so IAM's reformatting on read does not show as a diff.
import { DEFENDER_OIDC_PROVIDER_PATH, defenderRoleSessionName } from "../core/catalog";

/** One IAM policy statement, in IAM's own JSON field names. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Principal?: Record<string, string>;
  readonly Action: readonly string[];
  readonly Resource?: readonly string[];
  readonly Condition?: Record<string, Record<string, string>>;
}

/** Serializes statements as an IAM policy document. Key order is fixed, so output is deterministic. */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/**
 * Trust statement for a role Defender assumes with a token from its tenant.
 *
 * Decision: `StringEquals` on both keys. Microsoft's template writes `StringLike` with the same
 * wildcard-free values, which IAM evaluates identically; `StringEquals` states the exact match
 * and is what IAM Access Analyzer expects for `:aud`.
 */
export function webIdentityTrustStatement(sid: string, oidcProviderArn: string, audience: string, azureTenantId: string): PolicyStatement {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { Federated: oidcProviderArn },
    Action: ["sts:AssumeRoleWithWebIdentity"],
    Condition: {
      StringEquals: {
        [`${DEFENDER_OIDC_PROVIDER_PATH}:aud`]: audience,
        "sts:RoleSessionName": defenderRoleSessionName(azureTenantId),
      },
    },
  };
}

/** Trust statement for an AWS service principal, with an optional `sts:ExternalId`. */
export function serviceTrustStatement(sid: string, service: string, externalId?: string): PolicyStatement {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { Service: service },
    Action: ["sts:AssumeRole"],
    Condition: externalId === undefined ? undefined : { StringEquals: { "sts:ExternalId": externalId } },
  };
}
