import { IConstruct } from "constructs";
import { invalidValue } from "./errors";
import { isUnresolved, validatePattern } from "./validation";

/**
 * AWS partitions, the second field of every ARN. Source: AWS General Reference "ARN format".
 * Defender for Containers is documented for commercial AWS; the others are accepted untested.
 */
export enum AwsPartition {
  /** Commercial regions. */
  AWS = "aws",
  /** AWS China (Beijing, Ningxia). */
  AWS_CN = "aws-cn",
  /** AWS GovCloud (US). */
  AWS_US_GOV = "aws-us-gov",
}

const IAM_ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

/** ARN of an IAM role at path `/`. */
export function iamRoleArn(partition: string, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

/** The partition of a literal ARN, or undefined for tokens and strings that are not ARNs. */
export function partitionOfArn(arn: string): AwsPartition | undefined {
  if (isUnresolved(arn)) return undefined;
  const field = /^arn:([a-z-]+):/.exec(arn)?.[1];
  return (Object.values(AwsPartition) as string[]).includes(field ?? "") ? (field as AwsPartition) : undefined;
}

/**
 * Validates an IAM role ARN (`arn:<partition>:iam::<12 digits>:role/[path/]<name>`) and, when
 * `accountId` is a literal, that the role lives in that account. Tokens pass through.
 */
export function validateIamRoleArn(scope: IConstruct, prop: string, value: string, accountId?: string): string {
  validatePattern(scope, prop, value, IAM_ROLE_ARN, "an IAM role ARN such as arn:aws:iam::123456789012:role/MDCContainersAgentlessDiscoveryK8sRole");
  if (isUnresolved(value) || accountId === undefined || isUnresolved(accountId)) return value;
  const roleAccount = IAM_ROLE_ARN.exec(value)![2];
  if (roleAccount !== accountId) invalidValue(scope, prop, value, `a role in account ${accountId}`, `The ARN names account ${roleAccount}.`);
  return value;
}

/** Validates one of the {@link AwsPartition} values (JavaScript callers can pass any string). */
export function validateAwsPartition(scope: IConstruct, prop: string, value: string): AwsPartition {
  if (!(Object.values(AwsPartition) as string[]).includes(value)) {
    invalidValue(scope, prop, value, `one of ${Object.values(AwsPartition).map((p) => JSON.stringify(p)).join(", ")}`);
  }
  return value as AwsPartition;
}
