import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ContainersOfferingProperty, SecurityConnectorProperty } from "../core/catalog/security-connectors";
import { invalidValue } from "../core/errors";
import { AzapiResource } from "./azapi/resource";
import { newConnectorResource, validateAdditionalOfferings, validateConnectorName, validateConnectorPlacement } from "./private/connector-resource";

/**
 * Props every security connector takes ({@link AwsSecurityConnector}, {@link GcpSecurityConnector},
 * {@link DockerHubSecurityConnector}, {@link JFrogSecurityConnector}): where it goes, how often
 * Defender scans, extra offerings, tags and the provider.
 */
export interface SecurityConnectorBaseProps {
  /** Resource group the connector is created in, e.g. `/subscriptions/<GUID>/resourceGroups/rg-security`. */
  readonly resourceGroupId: string;
  /** Azure region of the connector resource (`westeurope` or `West Europe`). */
  readonly location: string;
  /**
   * Connector name: 1-260 letters, digits, hyphens or underscores.
   * @default - `aws-<accountId>`, `gcp-<projectId>`, `dockerhub-<organization>`, `jfrog-<host>`
   */
  readonly name?: string;
  /**
   * Hours between Defender's scans of the environment (`environmentData.scanInterval`), 1-24.
   * @default 4
   */
  readonly scanIntervalHours?: number;
  /**
   * Other offerings to keep on the same connector (there is one connector per account, project,
   * organization or instance), e.g. `{ offeringType: "CspmMonitorAws", nativeCloudConnection: { cloudRoleArn } }`
   * or `{ offeringType: "DefenderCspmDockerHub" }`. Written after the Defender for Containers offering, as given.
   * @default - none
   */
  readonly additionalOfferings?: { [key: string]: any }[];
  /**
   * Tags of the connector resource.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * azapi provider (alias) of the connector's subscription.
   * @default - the stack's default azapi provider
   */
  readonly provider?: TerraformProvider;
}

/** Props shared by {@link AwsSecurityConnector} and {@link GcpSecurityConnector}. */
export interface SecurityConnectorProps extends SecurityConnectorBaseProps {
  /**
   * Collect Kubernetes audit logs (`enableAuditLogsAutoProvisioning`). Needs the offering's main
   * connection and its log pipeline connections.
   * @default true
   */
  readonly auditLogs?: boolean;
  /**
   * Let Defender install the sensor through Azure Arc (`enableDefenderAgentAutoProvisioning`).
   * Off by default: this library installs the sensor with Helm (`HelmDefenderSensor`), and
   * Microsoft's Helm install removes an Arc-based sensor first, so both would fight.
   * @default false
   */
  readonly sensorAutoProvisioning?: boolean;
  /**
   * Let Defender install the Azure Policy extension through Azure Arc (`enablePolicyAgentAutoProvisioning`).
   * @default false
   */
  readonly policyAddonAutoProvisioning?: boolean;
  /**
   * Vulnerability assessment of registry images (`mdcContainersImageAssessment`).
   * @default true
   */
  readonly imageAssessment?: boolean;
  /**
   * Agentless discovery of the clusters' Kubernetes API (`mdcContainersAgentlessDiscoveryK8s`).
   * @default true
   */
  readonly agentlessDiscovery?: boolean;
}

/** The Defender for Containers capabilities of a connector, with defaults applied. */
export interface SecurityConnectorCapabilities {
  /** `enableAuditLogsAutoProvisioning`. */
  readonly auditLogs: boolean;
  /** `enableDefenderAgentAutoProvisioning`. */
  readonly sensorAutoProvisioning: boolean;
  /** `enablePolicyAgentAutoProvisioning`. */
  readonly policyAddonAutoProvisioning: boolean;
  /** `mdcContainersImageAssessment.enabled`. */
  readonly imageAssessment: boolean;
  /** `mdcContainersAgentlessDiscoveryK8s.enabled`. */
  readonly agentlessDiscovery: boolean;
}

/** What one cloud contributes to a connector: its environment and its offering's connections. */
export interface SecurityConnectorCloudSpec {
  /** `environmentName`, e.g. `AWS`. */
  readonly environmentName: string;
  /** `environmentData.environmentType`, e.g. `AwsAccount`. */
  readonly environmentType: string;
  /** `hierarchyIdentifier`: AWS account ID or GCP project number. */
  readonly hierarchyIdentifier: string;
  /** `environmentData` members besides `environmentType` and `scanInterval`. */
  readonly environmentData: { [key: string]: unknown };
  /** `offeringType` of the Defender for Containers offering. */
  readonly offeringType: string;
  /** Cloud-specific offering members (connections, retention). */
  readonly offering: { [key: string]: unknown };
  /** Connection members of `mdcContainersImageAssessment` (besides `enabled`). */
  readonly imageAssessmentConnection: { [key: string]: unknown };
  /** Connection members of `mdcContainersAgentlessDiscoveryK8s` (besides `enabled`). */
  readonly agentlessDiscoveryConnection: { [key: string]: unknown };
  /** Name used when `name` is not given. */
  readonly defaultName: string;
}

/**
 * A `Microsoft.Security/securityConnectors` resource with a Defender for Containers offering,
 * written with `azapi_resource`. The cloud-specific subclasses ({@link AwsSecurityConnector},
 * {@link GcpSecurityConnector}) only describe their environment and connections; validation of
 * the shared props, the body layout and the resource live here.
 *
 * The azapi schema validation stays on: azapi 2.4+ embeds the 2024-08-01-preview schema of this
 * type (Azure/terraform-provider-azapi `internal/azure/generated/security/microsoft.security/
 * 2024-08-01-preview`), so a misspelt property fails at plan time instead of being ignored.
 */
export abstract class SecurityConnector extends Construct {
  /** The ARM resource ID of the connector (what `HelmDefenderSensor` is keyed to). */
  public readonly connectorId: string;
  /** The connector's Azure region, normalized (`westeurope`). */
  public readonly location: string;
  /** The connector's name. */
  public readonly name: string;
  /** The resource group ID (normalized when it was a literal). */
  public readonly resourceGroupId: string;
  /** The capabilities turned on, with defaults applied. */
  public readonly capabilities: SecurityConnectorCapabilities;
  /** The `azapi_resource`. */
  public readonly resource: AzapiResource;

  protected constructor(
    scope: Construct,
    id: string,
    props: SecurityConnectorProps,
    describeCloud: (connector: SecurityConnector) => SecurityConnectorCloudSpec,
  ) {
    super(scope, id);
    const placement = validateConnectorPlacement(this, props);
    this.resourceGroupId = placement.resourceGroupId;
    this.location = placement.location;
    this.capabilities = {
      auditLogs: props.auditLogs ?? true,
      sensorAutoProvisioning: props.sensorAutoProvisioning ?? false,
      policyAddonAutoProvisioning: props.policyAddonAutoProvisioning ?? false,
      imageAssessment: props.imageAssessment ?? true,
      agentlessDiscovery: props.agentlessDiscovery ?? true,
    };

    // Runs after the shared props are validated and `capabilities` is set, which the cloud's checks read.
    const cloud = describeCloud(this);
    this.name = validateConnectorName(this, props.name ?? cloud.defaultName);
    const additionalOfferings = validateAdditionalOfferings(this, props.additionalOfferings ?? [], cloud.offeringType);

    const O = ContainersOfferingProperty;
    const c = this.capabilities;
    const offering = {
      [SecurityConnectorProperty.OFFERING_TYPE]: cloud.offeringType,
      ...cloud.offering,
      [O.AUDIT_LOGS_AUTO_PROVISIONING]: c.auditLogs,
      [O.DEFENDER_AGENT_AUTO_PROVISIONING]: c.sensorAutoProvisioning,
      [O.POLICY_AGENT_AUTO_PROVISIONING]: c.policyAddonAutoProvisioning,
      [O.IMAGE_ASSESSMENT]: { [O.ENABLED]: c.imageAssessment, ...cloud.imageAssessmentConnection },
      [O.AGENTLESS_DISCOVERY]: { [O.ENABLED]: c.agentlessDiscovery, ...cloud.agentlessDiscoveryConnection },
    };
    this.resource = newConnectorResource(this, {
      name: this.name,
      placement,
      hierarchyIdentifier: cloud.hierarchyIdentifier,
      environmentName: cloud.environmentName,
      environmentType: cloud.environmentType,
      environmentData: cloud.environmentData,
      offerings: [offering, ...additionalOfferings],
      tags: props.tags,
      provider: props.provider,
    });
    this.connectorId = this.resource.id;
  }

  /**
   * Returns `value` when given; throws when it is missing although one of `requiredBy` (capability
   * props that are on) needs it. Use for the role ARNs / service accounts a capability connects with.
   */
  protected static requireConnection<T>(connector: SecurityConnector, prop: string, value: T | undefined, requiredBy: (keyof SecurityConnectorCapabilities)[], expected: string): T | undefined {
    const on = requiredBy.filter((capability) => connector.capabilities[capability]);
    if (value === undefined && on.length > 0) {
      const reasons = on.join(" and ");
      invalidValue(
        connector,
        prop,
        undefined,
        `${expected}, because ${reasons} ${on.length > 1 ? "are" : "is"} on`,
        `Set ${on.map((capability) => `${capability}: false`).join(" and ")} to leave ${on.length > 1 ? "them" : "it"} out.`,
      );
    }
    return value;
  }
}
