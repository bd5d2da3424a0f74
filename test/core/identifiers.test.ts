import {
  validateArn,
  validateAwsAccountId,
  validateAwsRegion,
  validateEksClusterName,
  validateGcpCustomRoleId,
  validateGcpProjectId,
  validateGcpProjectNumber,
  validateGcpServiceAccountId,
  validateGcpServiceName,
  validateIamRoleName,
  validateWorkloadIdentityId,
} from "../../lib/core";
import { newStack } from "../util";

const scope = newStack();

describe.each([
  ["validateAwsAccountId", validateAwsAccountId, ["123456789012"], ["12345678901", "1234567890123", "abcdefghijkl"], /a 12-digit AWS account ID/],
  ["validateAwsRegion", validateAwsRegion, ["us-east-1", "eu-central-2", "us-gov-west-1", "cn-northwest-1", "ap-southeast-5"], ["westeurope", "us-east", "US-EAST-1"], /an AWS region name/],
  ["validateIamRoleName", validateIamRoleName, ["MDCContainersK8sRole", "a+b=c,d.e@f_g-h"], ["", "a".repeat(65), "bad/name"], /an IAM role name of 1-64/],
  ["validateArn", validateArn, ["arn:aws:iam::123456789012:role/x", "arn:aws-us-gov:eks:us-gov-west-1:123456789012:cluster/c"], ["arn:aws:iam::12345:role/x", "role/x", "arn:gcp:iam::123456789012:role/x"], /an ARN such as/],
  ["validateEksClusterName", validateEksClusterName, ["prod-eks_1"], ["-eks", "a".repeat(101), "eks.prod"], /an EKS cluster name/],
  ["validateGcpProjectId", validateGcpProjectId, ["my-project-1", "abcdef"], ["abcde", "1project", "my-project-", "My-Project", "a".repeat(31)], /a GCP project ID of 6-30/],
  ["validateGcpProjectNumber", validateGcpProjectNumber, ["123456789012"], ["my-project", "12345"], /a GCP project number/],
  ["validateGcpServiceAccountId", validateGcpServiceAccountId, ["mdc-containers-k8s-operator", "abcdef"], ["abcde", "a".repeat(31), "1abcdef", "abcdef-"], /a service account ID of 6-30/],
  ["validateGcpCustomRoleId", validateGcpCustomRoleId, ["MDCGkeClusterWriteRole", "a.b_c"], ["ab", "bad-role", "a".repeat(65)], /a custom role ID of 3-64/],
  ["validateWorkloadIdentityId", validateWorkloadIdentityId, ["containers", "containers-streams"], ["abc", "Containers", "a".repeat(33), "gcp-pool"], /an ID of 4-32 lowercase/],
  ["validateGcpServiceName", validateGcpServiceName, ["container.googleapis.com", "iamcredentials.googleapis.com"], ["container", "container.googleapis.com.evil", "Container.googleapis.com"], /a Google API service name/],
] as const)("%s", (name, validate, good, bad, expected) => {
  test.each(good as readonly string[])("accepts %j", (value) => {
    expect(validate(scope, "prop", value)).toBe(value);
  });
  test.each(bad as readonly string[])("rejects %j naming the property and value", (value) => {
    expect(() => validate(scope, "prop", value)).toThrow(`[test] prop: got ${JSON.stringify(value)}; expected`);
    expect(() => validate(scope, "prop", value)).toThrow(expected);
  });
  test("passes tokens through", () => {
    expect(validate(scope, "prop", "${TfToken[TOKEN.1]}")).toBe("${TfToken[TOKEN.1]}");
  });
  test("is named for what it checks", () => expect(validate.name).toBe(name));
});
