/**
 * Multicloud security connectors (`Microsoft.Security/securityConnectors`) with the Defender for
 * Containers offerings for AWS and GCP. azurerm has no resource for them (v4.40.0 has no
 * securityConnector code), so the constructs write the ARM body through azapi.
 *
 * Sources:
 *  - "Spec": Azure/azure-rest-api-specs `specification/security/resource-manager/Microsoft.Security/
 *    preview/2024-08-01-preview/securityConnectors.json`, as generated into Azure/bicep-types-az
 *    `generated/security/microsoft.security/2024-08-01-preview/types.md` (and embedded in
 *    Azure/terraform-provider-azapi `internal/azure/generated/security/microsoft.security/2024-08-01-preview`).
 *  - "Changelog": learn.microsoft.com/azure/templates/microsoft.security/change-log/securityconnectors
 *    (property renames of 2024-03-01-preview).
 *  - "Az.Security": Azure/azure-powershell `New-AzSecurityDefenderForContainersAwsOfferingObject` /
 *    `…GcpOfferingObject` examples.
 *  - facts: ../shared/reference/defender-facts.md A7 and Resolutions §3-4.
 */

/** ARM resource type of a security connector (resource-group scoped, tracked: has a location). */
export const SECURITY_CONNECTOR_RESOURCE_TYPE = "Microsoft.Security/securityConnectors";

/**
 * API version the constructs write. The latest version listed by Pulumi azure-native and the spec
 * (facts A7); the first with the current Defender for Containers property names
 * (`enable*AutoProvisioning`, `kubernetesDataCollection`; Changelog: renamed in 2024-03-01-preview)
 * and the `mdcContainers*` blocks.
 *
 * Checked again 2026-12: Azure/azure-rest-api-specs `specification/security/resource-manager/
 * Microsoft.Security/Security/SecurityConnectors.Management/main.tsp` (and `SecurityConnectors/main.tsp`)
 * list `2024-08-01-preview` as the only version of `enum Versions`, and `models.tsp` has no
 * `installationMethod`, `securityGatingEnabled` or `containerAntiMalwareEnabled`. A newer version is
 * not published in the specs, so the constructs stay on this one (docs/eks-and-gke.md, "Decisions").
 */
export const SECURITY_CONNECTOR_API_VERSION = "2024-08-01-preview";

/** `type` argument of `azapi_resource` for a security connector. */
export const SECURITY_CONNECTOR_AZAPI_TYPE = `${SECURITY_CONNECTOR_RESOURCE_TYPE}@${SECURITY_CONNECTOR_API_VERSION}`;

/**
 * `environmentName` (Spec: `CloudName`) and `environmentData.environmentType` (Spec: `EnvironmentData`
 * discriminator) per environment. Docker Hub and JFrog: azure-rest-api-specs
 * `SecurityConnectors.Management/models.tsp` (`DockerHubEnvironmentData`, `JFrogEnvironmentData`).
 */
export const SecurityConnectorEnvironment = {
  AWS: { environmentName: "AWS", environmentType: "AwsAccount" },
  GCP: { environmentName: "GCP", environmentType: "GcpProject" },
  DOCKER_HUB: { environmentName: "DockerHub", environmentType: "DockerHubOrganization" },
  JFROG: { environmentName: "JFrog", environmentType: "JFrogArtifactory" },
} as const;

/** `offeringType` of the Defender for Containers offerings (Spec: `CloudOffering` discriminator). */
export const SecurityConnectorOfferingType = {
  DEFENDER_FOR_CONTAINERS_AWS: "DefenderForContainersAws",
  DEFENDER_FOR_CONTAINERS_GCP: "DefenderForContainersGcp",
  /** `defenderForContainersDockerHubOffering`: no properties besides `offeringType`. */
  DEFENDER_FOR_CONTAINERS_DOCKER_HUB: "DefenderForContainersDockerHub",
  /** `defenderForContainersJFrogOffering`: no properties besides `offeringType`. */
  DEFENDER_FOR_CONTAINERS_JFROG: "DefenderForContainersJFrog",
} as const;

/**
 * Docker Hub authentication (Spec: `DockerHubEnvironmentData.authentication`, discriminated by
 * `authenticationType`; `AccessTokenAuthentication` has `username` and `accessToken`, the only
 * `AuthenticationType` is `AccessToken`).
 */
export const DockerHubAuthenticationProperty = {
  AUTHENTICATION: "authentication",
  AUTHENTICATION_TYPE: "authenticationType",
  ACCESS_TOKEN_TYPE: "AccessToken",
  USERNAME: "username",
  ACCESS_TOKEN: "accessToken",
} as const;

/**
 * Docker IDs and organization names: 4-30 lowercase letters and digits (Docker docs, "Create an
 * account": "Your Docker ID must be between 4 and 30 characters long, and can only contain numbers
 * and lowercase letters"; organizations share the namespace).
 */
export const DOCKER_HUB_NAMESPACE_PATTERN = /^[a-z0-9]{4,30}$/;

/** A JFrog platform host name such as `contoso.jfrog.io` (DNS labels, at least two). */
export const JFROG_HOST_PATTERN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Property names of the connector body (Spec: `SecurityConnectorProperties`, `AwsEnvironmentData`, `GcpProjectEnvironmentData`). */
export const SecurityConnectorProperty = {
  /** AWS account ID or GCP project number. */
  HIERARCHY_IDENTIFIER: "hierarchyIdentifier",
  ENVIRONMENT_NAME: "environmentName",
  ENVIRONMENT_DATA: "environmentData",
  ENVIRONMENT_TYPE: "environmentType",
  OFFERINGS: "offerings",
  OFFERING_TYPE: "offeringType",
  /** Hours between scans; the Spec says "between 1-hour to 24-hours". */
  SCAN_INTERVAL: "scanInterval",
  /** AWS: regions to scan (absent: all regions). */
  REGIONS: "regions",
  /** GCP: `{ projectId, projectNumber }` (`projectName` and `workloadIdentityPoolId` are read-only). */
  PROJECT_DETAILS: "projectDetails",
  PROJECT_ID: "projectId",
  PROJECT_NUMBER: "projectNumber",
} as const;

/** Scan interval bounds and default, in hours (Spec text; default = the Spec's CreateOrUpdate example value 4). */
export const SecurityConnectorScanInterval = {
  MIN_HOURS: 1,
  MAX_HOURS: 24,
  DEFAULT_HOURS: 4,
} as const;

/** Property names shared by both Defender for Containers offerings (Spec, 2024-03-01-preview and later). */
export const ContainersOfferingProperty = {
  /** Kubernetes audit logs collection. Old name (< 2024-03): `auditLogsAutoProvisioningFlag` (GCP). */
  AUDIT_LOGS_AUTO_PROVISIONING: "enableAuditLogsAutoProvisioning",
  /** Defender sensor auto-provisioning (through Azure Arc). Old name: `autoProvisioning` / `defenderAgentAutoProvisioningFlag`. */
  DEFENDER_AGENT_AUTO_PROVISIONING: "enableDefenderAgentAutoProvisioning",
  /** Azure Policy extension auto-provisioning (through Azure Arc). Old name: `policyAgentAutoProvisioningFlag`. */
  POLICY_AGENT_AUTO_PROVISIONING: "enablePolicyAgentAutoProvisioning",
  /** `{ enabled, <connection> }`: registry image vulnerability assessment. */
  IMAGE_ASSESSMENT: "mdcContainersImageAssessment",
  /** `{ enabled, <connection> }`: agentless discovery of the Kubernetes API. */
  AGENTLESS_DISCOVERY: "mdcContainersAgentlessDiscoveryK8s",
  ENABLED: "enabled",
} as const;

/** Property names of `DefenderForContainersAws` (Spec). Each connection is `{ cloudRoleArn }`. */
export const ContainersAwsOfferingProperty = {
  /** Role that provisions the audit-log pipeline (MDCContainersK8sRole). */
  KUBERNETES_SERVICE: "kubernetesService",
  /** Role that reads the collected audit logs (MDCContainersK8sDataCollectionRole). Old name: `kubernetesScubaReader`. */
  KUBERNETES_DATA_COLLECTION: "kubernetesDataCollection",
  /** Role CloudWatch Logs assumes to write to Kinesis Firehose. */
  CLOUDWATCH_TO_KINESIS: "cloudWatchToKinesis",
  /** Role Kinesis Firehose assumes to write to S3. */
  KINESIS_TO_S3: "kinesisToS3",
  /** Retention in days of the audit logs' CloudWatch log group (int). */
  KUBE_AUDIT_RETENTION_TIME: "kubeAuditRetentionTime",
  /** External ID of the data-collection role's legacy trust. Old name: `scubaExternalId`. */
  DATA_COLLECTION_EXTERNAL_ID: "dataCollectionExternalId",
  CLOUD_ROLE_ARN: "cloudRoleArn",
} as const;

/** Default `kubeAuditRetentionTime` in days (Az.Security example and MDC-repo `security_connector_aws` module default: 30). */
export const DEFAULT_KUBE_AUDIT_RETENTION_DAYS = 30;

/** Property names of `DefenderForContainersGcp` (Spec). Each connection is `{ serviceAccountEmailAddress, workloadIdentityProviderId }`. */
export const ContainersGcpOfferingProperty = {
  /** Main connection (service account `microsoft-defender-containers`, provider `containers`). */
  NATIVE_CLOUD_CONNECTION: "nativeCloudConnection",
  /** Audit-log stream connection (service account `ms-defender-containers-stream`, provider `containers-streams`). */
  DATA_PIPELINE_NATIVE_CLOUD_CONNECTION: "dataPipelineNativeCloudConnection",
  SERVICE_ACCOUNT_EMAIL_ADDRESS: "serviceAccountEmailAddress",
  WORKLOAD_IDENTITY_PROVIDER_ID: "workloadIdentityProviderId",
} as const;

/**
 * Workload identity provider IDs Defender's tokens are bound to (facts Resolutions §3; Az.Security GCP
 * example: main, agentless discovery and image assessment use `containers`; the data pipeline `containers-streams`).
 */
export const ContainersGcpWorkloadIdentityProvider = {
  CONTAINERS: "containers",
  CONTAINERS_STREAMS: "containers-streams",
} as const;

/**
 * Connector names accepted by Microsoft's sensor install script (`install_defender_sensor_mc.sh`
 * checks `securityConnectors/[a-zA-Z0-9_-]+`); the Spec sets no pattern, 260 is ARM's general limit.
 */
export const SECURITY_CONNECTOR_NAME_PATTERN = /^[A-Za-z0-9_-]{1,260}$/;
