import { IConstruct } from "constructs";
import { invalidValue } from "./errors";
import { isUnresolved, validatePattern } from "./validation";

// Shapes of AWS identifiers. Source: AWS IAM User Guide "IAM identifiers" and "IAM and AWS STS quotas".

const ACCOUNT_ID = /^\d{12}$/;
/** Commercial, GovCloud and China region names, e.g. `us-east-1`, `us-gov-west-1`, `cn-north-1`. */
const REGION = /^(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12})?:.+$/;
const EKS_CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;

/** Validates a 12-digit AWS account ID. Tokens pass through. */
export function validateAwsAccountId(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, ACCOUNT_ID, "a 12-digit AWS account ID such as 123456789012");
}

/** Validates an AWS region name. Tokens pass through. */
export function validateAwsRegion(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, REGION, "an AWS region name such as us-east-1 or eu-west-1");
}

/** Validates an IAM role name (1-64 characters of letters, digits and `+=,.@_-`). Tokens pass through. */
export function validateIamRoleName(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, ROLE_NAME, "an IAM role name of 1-64 letters, digits or +=,.@_- characters");
}

/** Validates an ARN in any AWS partition. Tokens pass through. */
export function validateArn(scope: IConstruct, prop: string, value: string, what = "an ARN"): string {
  return validatePattern(scope, prop, value, ARN, `${what} such as arn:aws:iam::123456789012:role/name`);
}

/** Validates an EKS cluster name (1-100 letters, digits, hyphens or underscores, starting alphanumeric). Tokens pass through. */
export function validateEksClusterName(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, EKS_CLUSTER_NAME, "an EKS cluster name of 1-100 letters, digits, hyphens or underscores, starting with a letter or digit");
}

const IAM_ROLE_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;

/**
 * Validates an IAM role ARN (`arn:<partition>:iam::<account>:role/<path/name>`), and, when
 * `accountId` is a literal, that the role lives in that account. Tokens pass through.
 */
export function validateIamRoleArn(scope: IConstruct, prop: string, value: string, accountId?: string): string {
  validateArn(scope, prop, value, "an IAM role ARN");
  if (isUnresolved(value)) return value;
  const match = IAM_ROLE_ARN.exec(value);
  if (!match) invalidValue(scope, prop, value, "an IAM role ARN such as arn:aws:iam::123456789012:role/name");
  if (accountId !== undefined && !isUnresolved(accountId) && match[1] !== accountId) {
    invalidValue(scope, prop, value, `a role in account ${accountId}`, `The ARN names account ${match[1]}.`);
  }
  return value;
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
