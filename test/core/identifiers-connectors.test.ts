// Identifier checks added for the security connectors and the Helm sensor.
import { TerraformVariable } from "cdktf";
import {
  CLOUDWATCH_LOGS_RETENTION_DAYS,
  validateCloudWatchLogsRetentionDays,
  validateGcpLocation,
  validateGcpServiceAccountEmail,
  validateGkeClusterName,
  validateIamRoleArn,
} from "../../lib/core";
import { newStack } from "../util";

const scope = newStack();

describe.each([
  ["validateIamRoleArn", validateIamRoleArn, ["arn:aws:iam::123456789012:role/MDCContainersK8sRole", "arn:aws-cn:iam::123456789012:role/path/x"], ["arn:aws:iam::123456789012:user/x", "arn:aws:s3:::bucket", "MDCContainersK8sRole"], /IAM role ARN/],
  ["validateGcpServiceAccountEmail", validateGcpServiceAccountEmail, ["mdc-containers-k8s-operator@my-project.iam.gserviceaccount.com"], ["mdc@my-project.iam.gserviceaccount.com", "microsoft-defender-containers", "x-account@my-project.gserviceaccount.com"], /a service account email/],
  ["validateGcpLocation", validateGcpLocation, ["europe-west1", "us-central1-a", "northamerica-northeast2"], ["westeurope", "europe-west", "EUROPE-WEST1"], /a GCP region or zone/],
  ["validateGkeClusterName", validateGkeClusterName, ["prod-gke-1", "a"], ["Prod", "gke-", "1gke", "a".repeat(41)], /a GKE cluster name of 1-40/],
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

describe("validateIamRoleArn with an account", () => {
  test("accepts a role of that account and refuses one of another", () => {
    expect(validateIamRoleArn(scope, "prop", "arn:aws:iam::123456789012:role/x", "123456789012")).toBe("arn:aws:iam::123456789012:role/x");
    expect(() => validateIamRoleArn(scope, "prop", "arn:aws:iam::210987654321:role/x", "123456789012")).toThrow(
      '[test] prop: got "arn:aws:iam::210987654321:role/x"; expected a role in account 123456789012. The ARN names account 210987654321.',
    );
  });

  test("does not compare with an account that is a token", () => {
    const stack = newStack();
    const account = new TerraformVariable(stack, "account", { type: "string" }).stringValue;
    expect(validateIamRoleArn(stack, "prop", "arn:aws:iam::210987654321:role/x", account)).toBe("arn:aws:iam::210987654321:role/x");
  });
});

describe("validateCloudWatchLogsRetentionDays", () => {
  test.each([...CLOUDWATCH_LOGS_RETENTION_DAYS])("accepts %d", (days) => {
    expect(validateCloudWatchLogsRetentionDays(scope, "prop", days)).toBe(days);
  });
  test.each([0, 2, 31, 366, 3654, -1])("rejects %d", (days) => {
    expect(() => validateCloudWatchLogsRetentionDays(scope, "prop", days)).toThrow(`[test] prop: got ${days}; expected a CloudWatch Logs retention in days: one of 1, 3, 5,`);
  });
});
