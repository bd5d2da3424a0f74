import { Construct } from "constructs";
import {
  validateAwsAccountId,
  validateAwsRegion,
  validateAwsExternalId,
  validateCloudWatchLogsRetentionDays,
} from "../core/aws-identifiers";
import { validateIamRoleArn } from "../core/aws-arn";
import {
  ContainersAwsOfferingProperty,
  DEFAULT_KUBE_AUDIT_RETENTION_DAYS,
  SecurityConnectorEnvironment,
  SecurityConnectorOfferingType,
  SecurityConnectorProperty,
} from "../core/catalog/security-connectors";
import { validateNonEmptyUnique } from "../core/validation";
import { SecurityConnector, SecurityConnectorCapabilities, SecurityConnectorCloudSpec, SecurityConnectorProps } from "./security-connector";
import { checkPropsBeforeSuper } from "../core/check-props";

/** Props of {@link AwsSecurityConnector}. Role ARNs are typically `DefenderForContainersAwsRoles` outputs. */
export interface AwsSecurityConnectorProps extends SecurityConnectorProps {
  /** The AWS account to connect (12 digits): the connector's `hierarchyIdentifier`. */
  readonly accountId: string;
  /**
   * AWS regions Defender scans (`environmentData.regions`), each once.
   * @default - all regions (the property is left out)
   */
  readonly regions?: string[];
  /**
   * `kubernetesService.cloudRoleArn`: the role that provisions the audit-log pipeline
   * (MDCContainersK8sRole). Required when `auditLogs`, `sensorAutoProvisioning` or
   * `policyAddonAutoProvisioning` is on.
   * @default - none
   */
  readonly kubernetesServiceRoleArn?: string;
  /**
   * `kubernetesDataCollection.cloudRoleArn`: the role that reads the collected audit logs
   * (MDCContainersK8sDataCollectionRole). Required when `auditLogs` is on.
   * @default - none
   */
  readonly kubernetesDataCollectionRoleArn?: string;
  /**
   * `cloudWatchToKinesis.cloudRoleArn` (MDCContainersK8sCloudWatchToKinesisRole). Required when `auditLogs` is on.
   * @default - none
   */
  readonly cloudWatchToKinesisRoleArn?: string;
  /**
   * `kinesisToS3.cloudRoleArn` (MDCContainersK8sKinesisToS3Role). Required when `auditLogs` is on.
   * @default - none
   */
  readonly kinesisToS3RoleArn?: string;
  /**
   * `mdcContainersImageAssessment.cloudRoleArn` (MDCContainersImageAssessmentRole). Required when `imageAssessment` is on.
   * @default - none
   */
  readonly imageAssessmentRoleArn?: string;
  /**
   * `mdcContainersAgentlessDiscoveryK8s.cloudRoleArn` (MDCContainersAgentlessDiscoveryK8sRole).
   * Required when `agentlessDiscovery` is on.
   * @default - none
   */
  readonly agentlessDiscoveryRoleArn?: string;
  /**
   * `kubeAuditRetentionTime`: days Defender keeps the audit logs in their CloudWatch log group.
   * Defender applies it with `logs:PutRetentionPolicy`, so it must be a value CloudWatch accepts
   * (1, 3, 5, 7, 14, 30, 60, 90, … 3653).
   * @default 30
   */
  readonly kubeAuditRetentionDays?: number;
  /**
   * `dataCollectionExternalId`: external ID of the data-collection role's legacy trust
   * (`sts:ExternalId`), for roles created by Microsoft's older templates.
   * @default - none (the current roles trust Defender's OIDC tokens only)
   */
  readonly dataCollectionExternalId?: string;
}

/**
 * Connects an AWS account to Defender for Cloud with the `DefenderForContainersAws` offering:
 * `Microsoft.Security/securityConnectors@2024-08-01-preview` through azapi.
 *
 * A capability that is off needs no role; one that is on without its role ARN is an error naming
 * the missing prop. The IAM roles themselves are created on the AWS side (`DefenderForContainersAwsRoles`).
 *
 * @example
 * new AwsSecurityConnector(this, "aws", {
 *   resourceGroupId: "/subscriptions/<GUID>/resourceGroups/rg-security", location: "westeurope",
 *   accountId: "123456789012", regions: ["eu-west-1"],
 *   kubernetesServiceRoleArn: "arn:aws:iam::123456789012:role/MDCContainersK8sRole", // … one ARN per enabled capability
 * });
 */
export class AwsSecurityConnector extends SecurityConnector {
  /** The connected account. */
  public readonly accountId: string;

  constructor(scope: Construct, id: string, props: AwsSecurityConnectorProps) {
    checkPropsBeforeSuper(scope, id, props, "AwsSecurityConnectorProps");
    super(scope, id, props, (connector) => AwsSecurityConnector.describe(connector, props));
    this.accountId = props.accountId;
  }

  private static describe(connector: SecurityConnector, props: AwsSecurityConnectorProps): SecurityConnectorCloudSpec {
    const accountId = validateAwsAccountId(connector, "accountId", props.accountId);
    if (props.regions !== undefined) {
      validateNonEmptyUnique(connector, "regions", props.regions, (region) => region, "AWS region");
      props.regions.forEach((region, index) => validateAwsRegion(connector, `regions[${index}]`, region));
    }
    const role = (prop: keyof AwsSecurityConnectorProps, requiredBy: (keyof SecurityConnectorCapabilities)[]): { [key: string]: string } | undefined => {
      const arn = SecurityConnector.requireConnection(connector, prop, props[prop] as string | undefined, requiredBy, "an IAM role ARN");
      if (arn === undefined) return undefined;
      return { [ContainersAwsOfferingProperty.CLOUD_ROLE_ARN]: validateIamRoleArn(connector, prop, arn, accountId) };
    };
    // The main role serves every auto-provisioned component; the pipeline roles serve audit logs only.
    const main = role("kubernetesServiceRoleArn", ["auditLogs", "sensorAutoProvisioning", "policyAddonAutoProvisioning"]);
    const dataCollection = role("kubernetesDataCollectionRoleArn", ["auditLogs"]);
    const cloudWatchToKinesis = role("cloudWatchToKinesisRoleArn", ["auditLogs"]);
    const kinesisToS3 = role("kinesisToS3RoleArn", ["auditLogs"]);
    const imageAssessment = role("imageAssessmentRoleArn", ["imageAssessment"]);
    const agentlessDiscovery = role("agentlessDiscoveryRoleArn", ["agentlessDiscovery"]);
    const retention = validateCloudWatchLogsRetentionDays(connector, "kubeAuditRetentionDays", props.kubeAuditRetentionDays ?? DEFAULT_KUBE_AUDIT_RETENTION_DAYS);

    const A = ContainersAwsOfferingProperty;
    const offering: { [key: string]: unknown } = {};
    if (main) offering[A.KUBERNETES_SERVICE] = main;
    if (dataCollection) offering[A.KUBERNETES_DATA_COLLECTION] = dataCollection;
    if (cloudWatchToKinesis) offering[A.CLOUDWATCH_TO_KINESIS] = cloudWatchToKinesis;
    if (kinesisToS3) offering[A.KINESIS_TO_S3] = kinesisToS3;
    offering[A.KUBE_AUDIT_RETENTION_TIME] = retention;
    if (props.dataCollectionExternalId !== undefined) {
      offering[A.DATA_COLLECTION_EXTERNAL_ID] = validateAwsExternalId(connector, "dataCollectionExternalId", props.dataCollectionExternalId);
    }

    return {
      environmentName: SecurityConnectorEnvironment.AWS.environmentName,
      environmentType: SecurityConnectorEnvironment.AWS.environmentType,
      hierarchyIdentifier: accountId,
      environmentData: props.regions ? { [SecurityConnectorProperty.REGIONS]: [...props.regions] } : {},
      offeringType: SecurityConnectorOfferingType.DEFENDER_FOR_CONTAINERS_AWS,
      offering,
      imageAssessmentConnection: imageAssessment ?? {},
      agentlessDiscoveryConnection: agentlessDiscovery ?? {},
      defaultName: `aws-${accountId}`,
    };
  }
}
