import { IConstruct } from "constructs";
import { invalidValue } from "./errors";
import { IdentifierRule, isUnresolved, validateRule } from "./validation";

// Shapes of AWS identifiers. Source: AWS IAM User Guide "IAM identifiers" and "IAM and AWS STS quotas".

/** Rules for AWS identifiers, shared by the construct validators and the estate file schema. */
export const AwsIdentifierRules = {
  ACCOUNT_ID: { pattern: /^\d{12}$/, form: "a 12-digit AWS account ID such as 123456789012" },
  /** Commercial, GovCloud and China region names, e.g. `us-east-1`, `us-gov-west-1`, `cn-north-1`. */
  REGION: {
    pattern: /^(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d$/,
    form: "an AWS region name such as us-east-1 or eu-west-1",
  },
  ROLE_NAME: { pattern: /^[\w+=,.@-]{1,64}$/, form: "an IAM role name of 1-64 letters, digits or +=,.@_- characters" },
  ARN: { pattern: /^arn:aws(?:-cn|-us-gov)?:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12})?:.+$/, form: "an ARN such as arn:aws:iam::123456789012:role/name" },
  /** `sts:ExternalId` (IAM: 2-1224 characters). */
  EXTERNAL_ID: { pattern: /^[\w+=,.@:/-]{2,1224}$/, form: "an external ID of 2-1224 letters, digits or +=,.@:/_- characters" },
  /**
   * EKS CreateCluster `name`: "alphanumeric characters (case-sensitive), hyphens, and underscores",
   * starting alphanumeric, at most 100 (https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html).
   * Case-sensitive: `Prod` and `prod` are two clusters.
   */
  EKS_CLUSTER_NAME: {
    pattern: /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/,
    form: "an EKS cluster name of 1-100 letters, digits, hyphens or underscores, starting with a letter or digit",
  },
} satisfies Record<string, IdentifierRule>;

/** Validates a 12-digit AWS account ID. Tokens pass through. */
export function validateAwsAccountId(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, AwsIdentifierRules.ACCOUNT_ID);
}

/** Validates an AWS region name. Tokens pass through. */
export function validateAwsRegion(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, AwsIdentifierRules.REGION);
}

/** Validates an IAM role name (1-64 characters of letters, digits and `+=,.@_-`). Tokens pass through. */
export function validateIamRoleName(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, AwsIdentifierRules.ROLE_NAME);
}

/** Validates an ARN in any AWS partition. Tokens pass through. */
export function validateArn(scope: IConstruct, prop: string, value: string, what = "an ARN"): string {
  const rule = AwsIdentifierRules.ARN;
  return validateRule(scope, prop, value, { pattern: rule.pattern, form: rule.form.replace(/^an ARN/, what) });
}

/** Validates an `sts:ExternalId` value. Tokens pass through. */
export function validateAwsExternalId(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, AwsIdentifierRules.EXTERNAL_ID);
}

/** Validates an EKS cluster name (1-100 letters, digits, hyphens or underscores, starting alphanumeric). Tokens pass through. */
export function validateEksClusterName(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, AwsIdentifierRules.EKS_CLUSTER_NAME);
}

/**
 * Retention values CloudWatch Logs accepts for a log group, in days (AWS CloudWatch Logs API
 * Reference, PutRetentionPolicy `retentionInDays`). Any other value is rejected by the API.
 */
export const CLOUDWATCH_LOGS_RETENTION_DAYS: readonly number[] = Object.freeze([
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]);

/** Validates a CloudWatch Logs retention in days (one of {@link CLOUDWATCH_LOGS_RETENTION_DAYS}). Tokens pass through. */
export function validateCloudWatchLogsRetentionDays(scope: IConstruct, prop: string, value: number): number {
  if (isUnresolved(value)) return value;
  if (!CLOUDWATCH_LOGS_RETENTION_DAYS.includes(value)) {
    invalidValue(scope, prop, value, `a CloudWatch Logs retention in days: one of ${CLOUDWATCH_LOGS_RETENTION_DAYS.join(", ")}`);
  }
  return value;
}
