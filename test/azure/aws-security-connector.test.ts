import { TerraformOutput, TerraformVariable } from "cdktf";
import { AwsSecurityConnector, AwsSecurityConnectorProps } from "../../lib/azure";
import { azapiStack, onlyResourceOf, synthesizeIn } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-security`;
const ACCOUNT = "123456789012";
const arn = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:role/${name}`;

const ROLES = {
  kubernetesServiceRoleArn: arn("MDCContainersK8sRole"),
  kubernetesDataCollectionRoleArn: arn("MDCContainersK8sDataCollectionRole"),
  cloudWatchToKinesisRoleArn: arn("MDCContainersK8sCloudWatchToKinesisRole"),
  kinesisToS3RoleArn: arn("MDCContainersK8sKinesisToS3Role"),
  imageAssessmentRoleArn: arn("MDCContainersImageAssessmentRole"),
  agentlessDiscoveryRoleArn: arn("MDCContainersAgentlessDiscoveryK8sRole"),
};
const BASE: AwsSecurityConnectorProps = { resourceGroupId: RG, location: "westeurope", accountId: ACCOUNT, ...ROLES };

function connectorFor(props: Partial<AwsSecurityConnectorProps> = {}) {
  return onlyResourceOf(synthesizeIn(azapiStack, (stack) => new AwsSecurityConnector(stack, "aws", { ...BASE, ...props })), "azapi_resource");
}
const offeringOf = (resource: any) => resource.body.properties.offerings[0];
const build = (props: Partial<AwsSecurityConnectorProps>) => () => new AwsSecurityConnector(azapiStack(), "aws", { ...BASE, ...props } as AwsSecurityConnectorProps);

describe("AwsSecurityConnector", () => {
  test("writes the DefenderForContainersAws offering with every role, flag and the retention", () => {
    const resource = connectorFor({ regions: ["eu-west-1", "us-east-1"] });
    expect(resource.type).toBe("Microsoft.Security/securityConnectors@2024-08-01-preview");
    expect(resource.name).toBe("aws-123456789012");
    expect(resource.parent_id).toBe(RG);
    expect(resource.location).toBe("westeurope");
    expect(resource.body).toEqual({
      properties: {
        hierarchyIdentifier: ACCOUNT,
        environmentName: "AWS",
        environmentData: { environmentType: "AwsAccount", regions: ["eu-west-1", "us-east-1"], scanInterval: 4 },
        offerings: [
          {
            offeringType: "DefenderForContainersAws",
            kubernetesService: { cloudRoleArn: ROLES.kubernetesServiceRoleArn },
            kubernetesDataCollection: { cloudRoleArn: ROLES.kubernetesDataCollectionRoleArn },
            cloudWatchToKinesis: { cloudRoleArn: ROLES.cloudWatchToKinesisRoleArn },
            kinesisToS3: { cloudRoleArn: ROLES.kinesisToS3RoleArn },
            kubeAuditRetentionTime: 30,
            enableAuditLogsAutoProvisioning: true,
            enableDefenderAgentAutoProvisioning: false,
            enablePolicyAgentAutoProvisioning: false,
            mdcContainersImageAssessment: { enabled: true, cloudRoleArn: ROLES.imageAssessmentRoleArn },
            mdcContainersAgentlessDiscoveryK8s: { enabled: true, cloudRoleArn: ROLES.agentlessDiscoveryRoleArn },
          },
        ],
      },
    });
  });

  test("keeps azapi schema validation on (the API version is in azapi's embedded schema) and exports nothing", () => {
    const resource = connectorFor();
    expect(resource).not.toHaveProperty("schema_validation_enabled");
    expect(resource.response_export_values).toEqual([]);
  });

  test("without regions, environmentData has no regions (all regions are scanned)", () => {
    expect(connectorFor().body.properties.environmentData).toEqual({ environmentType: "AwsAccount", scanInterval: 4 });
  });

  test("normalizes the resource group ID and the location, and exposes connectorId and location", () => {
    const stack = azapiStack();
    const connector = new AwsSecurityConnector(stack, "aws", {
      ...BASE,
      resourceGroupId: `/subscriptions/${SUB}/resourcegroups/rg-security`,
      location: "West Europe",
    });
    new TerraformOutput(stack, "connector_id", { value: connector.connectorId });
    const synth = synthesizeIn(() => stack, () => undefined);
    const resource = onlyResourceOf(synth, "azapi_resource");
    expect(resource.parent_id).toBe(RG);
    expect(resource.location).toBe("westeurope");
    expect(connector.location).toBe("westeurope");
    expect(connector.resourceGroupId).toBe(RG);
    expect(synth.output!.connector_id.value).toBe("${azapi_resource.aws_connector_2201E49E.id}");
    expect(connector.accountId).toBe(ACCOUNT);
  });

  test("capabilities that are off need no role and are written as off", () => {
    const resource = connectorFor({
      auditLogs: false,
      imageAssessment: false,
      agentlessDiscovery: false,
      kubernetesServiceRoleArn: undefined,
      kubernetesDataCollectionRoleArn: undefined,
      cloudWatchToKinesisRoleArn: undefined,
      kinesisToS3RoleArn: undefined,
      imageAssessmentRoleArn: undefined,
      agentlessDiscoveryRoleArn: undefined,
    });
    expect(offeringOf(resource)).toEqual({
      offeringType: "DefenderForContainersAws",
      kubeAuditRetentionTime: 30,
      enableAuditLogsAutoProvisioning: false,
      enableDefenderAgentAutoProvisioning: false,
      enablePolicyAgentAutoProvisioning: false,
      mdcContainersImageAssessment: { enabled: false },
      mdcContainersAgentlessDiscoveryK8s: { enabled: false },
    });
  });

  test("auto-provisioning flags, retention, scan interval, external ID, name and tags map to the body", () => {
    const resource = connectorFor({
      sensorAutoProvisioning: true,
      policyAddonAutoProvisioning: true,
      kubeAuditRetentionDays: 90,
      scanIntervalHours: 12,
      dataCollectionExternalId: "b6d36db8-eda7-4617-9d4f-41149b899dc7",
      name: "aws-prod",
      tags: { team: "sec" },
    });
    const offering = offeringOf(resource);
    expect(offering.enableDefenderAgentAutoProvisioning).toBe(true);
    expect(offering.enablePolicyAgentAutoProvisioning).toBe(true);
    expect(offering.kubeAuditRetentionTime).toBe(90);
    expect(offering.dataCollectionExternalId).toBe("b6d36db8-eda7-4617-9d4f-41149b899dc7");
    expect(resource.body.properties.environmentData.scanInterval).toBe(12);
    expect(resource.name).toBe("aws-prod");
    expect(resource.tags).toEqual({ team: "sec" });
  });

  test("additional offerings are kept after the containers offering", () => {
    const cspm = { offeringType: "CspmMonitorAws", nativeCloudConnection: { cloudRoleArn: arn("CspmMonitorAws") } };
    const offerings = connectorFor({ additionalOfferings: [cspm] }).body.properties.offerings;
    expect(offerings.map((o: any) => o.offeringType)).toEqual(["DefenderForContainersAws", "CspmMonitorAws"]);
    expect(offerings[1]).toEqual(cspm);
  });

  test("references (tokens) pass through unvalidated", () => {
    const resource = onlyResourceOf(
      synthesizeIn(azapiStack, (stack) => {
        const account = new TerraformVariable(stack, "account", { type: "string" });
        const role = new TerraformVariable(stack, "role", { type: "string" });
        new AwsSecurityConnector(stack, "aws", { ...BASE, accountId: account.stringValue, kubernetesServiceRoleArn: role.stringValue });
      }),
      "azapi_resource",
    );
    expect(resource.body.properties.hierarchyIdentifier).toBe("${var.account}");
    expect(resource.name).toBe("aws-${var.account}");
    expect(offeringOf(resource).kubernetesService).toEqual({ cloudRoleArn: "${var.role}" });
  });

  describe("validation", () => {
    test("a bad account ID", () => {
      expect(build({ accountId: "12345" })).toThrow('[test/aws] accountId: got "12345"; expected a 12-digit AWS account ID such as 123456789012.');
    });

    test("a role ARN that is not an ARN", () => {
      expect(build({ kinesisToS3RoleArn: "MDCContainersK8sKinesisToS3Role" })).toThrow(
        '[test/aws] kinesisToS3RoleArn: got "MDCContainersK8sKinesisToS3Role"; expected an IAM role ARN such as arn:aws:iam::123456789012:role/MDCContainersAgentlessDiscoveryK8sRole.',
      );
    });

    test("an ARN that is not an IAM role", () => {
      expect(build({ imageAssessmentRoleArn: "arn:aws:s3:::bucket-name" })).toThrow(/\[test\/aws\] imageAssessmentRoleArn: got "arn:aws:s3:::bucket-name"; expected an IAM role ARN/);
    });

    test("a role in another account", () => {
      expect(build({ agentlessDiscoveryRoleArn: arn("MDCContainersAgentlessDiscoveryK8sRole", "999999999999") })).toThrow(
        '[test/aws] agentlessDiscoveryRoleArn: got "arn:aws:iam::999999999999:role/MDCContainersAgentlessDiscoveryK8sRole"; expected a role in account 123456789012. The ARN names account 999999999999.',
      );
    });

    test("a bad region", () => {
      expect(build({ regions: ["eu-west-1", "westeurope"] })).toThrow('[test/aws] regions[1]: got "westeurope"; expected an AWS region name such as us-east-1 or eu-west-1.');
    });

    test("a region twice", () => {
      expect(build({ regions: ["eu-west-1", "EU-WEST-1"] })).toThrow('[test/aws] regions[1]: got "EU-WEST-1"; expected each AWS region once. It is also regions[0].');
    });

    test("an empty region list", () => {
      expect(build({ regions: [] })).toThrow("[test/aws] regions: got []; expected at least one AWS region.");
    });

    test("a resource group ID that is not one", () => {
      expect(build({ resourceGroupId: "rg-security" })).toThrow(
        '[test/aws] resourceGroupId: got "rg-security"; expected a resource group ID such as /subscriptions/<subscription GUID>/resourceGroups/<name>.',
      );
    });

    test("an unknown Azure region", () => {
      expect(build({ location: "westeurop" })).toThrow(/\[test\/aws\] location: got "westeurop"; expected an Azure region name .* Did you mean "westeurope"\?/);
    });

    test.each([
      ["kubernetesServiceRoleArn", "auditLogs"],
      ["kubernetesDataCollectionRoleArn", "auditLogs"],
      ["cloudWatchToKinesisRoleArn", "auditLogs"],
      ["kinesisToS3RoleArn", "auditLogs"],
      ["imageAssessmentRoleArn", "imageAssessment"],
      ["agentlessDiscoveryRoleArn", "agentlessDiscovery"],
    ])("%s missing while %s is on", (prop, capability) => {
      expect(build({ [prop]: undefined })).toThrow(
        `[test/aws] ${prop}: got undefined; expected an IAM role ARN, because ${capability} is on. Set ${capability}: false to leave it out.`,
      );
    });

    test("the main role is also needed by sensor auto-provisioning", () => {
      expect(build({ auditLogs: false, sensorAutoProvisioning: true, policyAddonAutoProvisioning: true, kubernetesServiceRoleArn: undefined })).toThrow(
        "[test/aws] kubernetesServiceRoleArn: got undefined; expected an IAM role ARN, because sensorAutoProvisioning and policyAddonAutoProvisioning are on. Set sensorAutoProvisioning: false and policyAddonAutoProvisioning: false to leave them out.",
      );
    });

    test.each([0, 45, 4000])("retention %d days is not a CloudWatch retention", (days) => {
      expect(build({ kubeAuditRetentionDays: days })).toThrow(
        `[test/aws] kubeAuditRetentionDays: got ${days}; expected a CloudWatch Logs retention in days: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653.`,
      );
    });

    test.each([0, 25, 1.5])("scan interval %d hours is out of range", (hours) => {
      expect(build({ scanIntervalHours: hours })).toThrow(`[test/aws] scanIntervalHours: got ${hours}; expected a whole number from 1 to 24.`);
    });

    test("a connector name with invalid characters", () => {
      expect(build({ name: "aws.prod" })).toThrow('[test/aws] name: got "aws.prod"; expected a connector name of 1-260 letters, digits, hyphens or underscores.');
    });

    test("an additional offering of the type the construct writes", () => {
      expect(build({ additionalOfferings: [{ offeringType: "DefenderForContainersAws" }] })).toThrow(
        '[test/aws] additionalOfferings[0].offeringType: got "DefenderForContainersAws"; expected each offering type once. The construct writes this offering itself.',
      );
    });

    test("the same additional offering twice, or one without a type", () => {
      expect(build({ additionalOfferings: [{ offeringType: "CspmMonitorAws" }, { offeringType: "CspmMonitorAws" }] })).toThrow(
        '[test/aws] additionalOfferings[1].offeringType: got "CspmMonitorAws"; expected each offering type once. It is also additionalOfferings[0].',
      );
      expect(build({ additionalOfferings: [{ nativeCloudConnection: {} }] })).toThrow(
        '[test/aws] additionalOfferings[0].offeringType: got undefined; expected an offering type such as "CspmMonitorAws".',
      );
    });
  });
});
