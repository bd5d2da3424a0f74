import { Construct } from "constructs";
import {
  ContainersGcpOfferingProperty,
  ContainersGcpWorkloadIdentityProvider,
  SecurityConnectorEnvironment,
  SecurityConnectorOfferingType,
  SecurityConnectorProperty,
} from "../core/catalog/security-connectors";
import { validateGcpProjectId, validateGcpProjectNumber, validateGcpServiceAccountEmail, validateWorkloadIdentityId } from "../core/gcp-identifiers";
import { SecurityConnector, SecurityConnectorCapabilities, SecurityConnectorCloudSpec, SecurityConnectorProps } from "./security-connector";
import { checkPropsBeforeSuper } from "../core/check-props";

/**
 * Props of {@link GcpSecurityConnector}. Service account emails are typically
 * `DefenderForContainersGcpServiceAccounts` outputs; the provider IDs default to the ones
 * Defender's tokens are bound to.
 */
export interface GcpSecurityConnectorProps extends SecurityConnectorProps {
  /** The project ID, e.g. `my-project` (`environmentData.projectDetails.projectId`). */
  readonly projectId: string;
  /** The project number: the connector's `hierarchyIdentifier` and `projectDetails.projectNumber`. */
  readonly projectNumber: string;
  /**
   * `nativeCloudConnection.serviceAccountEmailAddress` (account `microsoft-defender-containers`).
   * Required when `auditLogs`, `sensorAutoProvisioning` or `policyAddonAutoProvisioning` is on.
   * @default - none
   */
  readonly nativeCloudConnectionServiceAccountEmail?: string;
  /**
   * `nativeCloudConnection.workloadIdentityProviderId`.
   * @default "containers"
   */
  readonly nativeCloudConnectionProviderId?: string;
  /**
   * `dataPipelineNativeCloudConnection.serviceAccountEmailAddress` (account `ms-defender-containers-stream`).
   * Required when `auditLogs` is on.
   * @default - none
   */
  readonly dataPipelineServiceAccountEmail?: string;
  /**
   * `dataPipelineNativeCloudConnection.workloadIdentityProviderId`.
   * @default "containers-streams"
   */
  readonly dataPipelineProviderId?: string;
  /**
   * `mdcContainersImageAssessment.serviceAccountEmailAddress` (account `mdc-containers-artifact-assess`).
   * Required when `imageAssessment` is on.
   * @default - none
   */
  readonly imageAssessmentServiceAccountEmail?: string;
  /**
   * `mdcContainersImageAssessment.workloadIdentityProviderId`.
   * @default "containers"
   */
  readonly imageAssessmentProviderId?: string;
  /**
   * `mdcContainersAgentlessDiscoveryK8s.serviceAccountEmailAddress` (account `mdc-containers-k8s-operator`).
   * Required when `agentlessDiscovery` is on.
   * @default - none
   */
  readonly agentlessDiscoveryServiceAccountEmail?: string;
  /**
   * `mdcContainersAgentlessDiscoveryK8s.workloadIdentityProviderId`.
   * @default "containers"
   */
  readonly agentlessDiscoveryProviderId?: string;
}

/**
 * Connects a GCP project to Defender for Cloud with the `DefenderForContainersGcp` offering:
 * `Microsoft.Security/securityConnectors@2024-08-01-preview` through azapi.
 *
 * A capability that is off needs no service account; one that is on without its service account
 * email is an error naming the missing prop.
 */
export class GcpSecurityConnector extends SecurityConnector {
  /** The connected project's ID. */
  public readonly projectId: string;
  /** The connected project's number. */
  public readonly projectNumber: string;

  constructor(scope: Construct, id: string, props: GcpSecurityConnectorProps) {
    checkPropsBeforeSuper(scope, id, props, "GcpSecurityConnectorProps");
    super(scope, id, props, (connector) => GcpSecurityConnector.describe(connector, props));
    this.projectId = props.projectId;
    this.projectNumber = props.projectNumber;
  }

  private static describe(connector: SecurityConnector, props: GcpSecurityConnectorProps): SecurityConnectorCloudSpec {
    const projectId = validateGcpProjectId(connector, "projectId", props.projectId);
    const projectNumber = validateGcpProjectNumber(connector, "projectNumber", props.projectNumber);
    const G = ContainersGcpOfferingProperty;
    const connection = (
      emailProp: keyof GcpSecurityConnectorProps,
      providerProp: keyof GcpSecurityConnectorProps,
      defaultProvider: string,
      requiredBy: (keyof SecurityConnectorCapabilities)[],
    ): { [key: string]: string } | undefined => {
      const email = SecurityConnector.requireConnection(connector, emailProp, props[emailProp] as string | undefined, requiredBy, "a service account email");
      const provider = validateWorkloadIdentityId(connector, providerProp, (props[providerProp] as string | undefined) ?? defaultProvider);
      if (email === undefined) return undefined;
      return {
        [G.SERVICE_ACCOUNT_EMAIL_ADDRESS]: validateGcpServiceAccountEmail(connector, emailProp, email),
        [G.WORKLOAD_IDENTITY_PROVIDER_ID]: provider,
      };
    };
    const { CONTAINERS, CONTAINERS_STREAMS } = ContainersGcpWorkloadIdentityProvider;
    // The main connection serves every auto-provisioned component; the data pipeline serves audit logs only.
    const main = connection("nativeCloudConnectionServiceAccountEmail", "nativeCloudConnectionProviderId", CONTAINERS, [
      "auditLogs",
      "sensorAutoProvisioning",
      "policyAddonAutoProvisioning",
    ]);
    const dataPipeline = connection("dataPipelineServiceAccountEmail", "dataPipelineProviderId", CONTAINERS_STREAMS, ["auditLogs"]);
    const imageAssessment = connection("imageAssessmentServiceAccountEmail", "imageAssessmentProviderId", CONTAINERS, ["imageAssessment"]);
    const agentlessDiscovery = connection("agentlessDiscoveryServiceAccountEmail", "agentlessDiscoveryProviderId", CONTAINERS, ["agentlessDiscovery"]);

    const offering: { [key: string]: unknown } = {};
    if (main) offering[G.NATIVE_CLOUD_CONNECTION] = main;
    if (dataPipeline) offering[G.DATA_PIPELINE_NATIVE_CLOUD_CONNECTION] = dataPipeline;
    const P = SecurityConnectorProperty;
    return {
      environmentName: SecurityConnectorEnvironment.GCP.environmentName,
      environmentType: SecurityConnectorEnvironment.GCP.environmentType,
      hierarchyIdentifier: projectNumber,
      environmentData: { [P.PROJECT_DETAILS]: { [P.PROJECT_ID]: projectId, [P.PROJECT_NUMBER]: projectNumber } },
      offeringType: SecurityConnectorOfferingType.DEFENDER_FOR_CONTAINERS_GCP,
      offering,
      imageAssessmentConnection: imageAssessment ?? {},
      agentlessDiscoveryConnection: agentlessDiscovery ?? {},
      defaultName: `gcp-${projectId}`,
    };
  }
}
