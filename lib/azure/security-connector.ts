import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AzureResourceIdFormats, parseAzureResourceId } from "../core/azure-resource-id";
import {
  ContainersOfferingProperty,
  SECURITY_CONNECTOR_AZAPI_TYPE,
  SECURITY_CONNECTOR_NAME_PATTERN,
  SecurityConnectorProperty,
  SecurityConnectorScanInterval,
} from "../core/catalog/security-connectors";
import { invalidValue } from "../core/errors";
import { validateAzureRegion } from "../core/region";
import { isUnresolved, validateIntegerInRange, validatePattern } from "../core/validation";
import { AzapiResource } from "./azapi/resource";

/** Props shared by {@link AwsSecurityConnector} and {@link GcpSecurityConnector}. */
export interface SecurityConnectorProps {
  /** Resource group the connector is created in, e.g. `/subscriptions/<GUID>/resourceGroups/rg-security`. */
  readonly resourceGroupId: string;
  /** Azure region of the connector resource (`westeurope` or `West Europe`). */
  readonly location: string;
  /**
   * Connector name: 1-260 letters, digits, hyphens or underscores.
   * @default - `aws-<accountId>` / `gcp-<projectId>`
   */
  readonly name?: string;
  /**
   * Hours between Defender's scans of the account or project (`environmentData.scanInterval`), 1-24.
   * @default 4
   */
  readonly scanIntervalHours?: number;
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
  /**
   * Other offerings to keep on the same connector (there is one connector per account or
   * project), e.g. `{ offeringType: "CspmMonitorAws", nativeCloudConnection: { cloudRoleArn } }`.
   * Written after the Defender for Containers offering, as given.
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
    const resourceGroup = parseAzureResourceId(this, "resourceGroupId", props.resourceGroupId, AzureResourceIdFormats.RESOURCE_GROUP);
    this.resourceGroupId = resourceGroup?.id ?? props.resourceGroupId;
    this.location = validateAzureRegion(this, "location", props.location);
    const scanInterval = validateIntegerInRange(
      this,
      "scanIntervalHours",
      props.scanIntervalHours ?? SecurityConnectorScanInterval.DEFAULT_HOURS,
      SecurityConnectorScanInterval.MIN_HOURS,
      SecurityConnectorScanInterval.MAX_HOURS,
    );
    this.capabilities = {
      auditLogs: props.auditLogs ?? true,
      sensorAutoProvisioning: props.sensorAutoProvisioning ?? false,
      policyAddonAutoProvisioning: props.policyAddonAutoProvisioning ?? false,
      imageAssessment: props.imageAssessment ?? true,
      agentlessDiscovery: props.agentlessDiscovery ?? true,
    };

    // Runs after the shared props are validated and `capabilities` is set, which the cloud's checks read.
    const cloud = describeCloud(this);
    this.name = validatePattern(this, "name", props.name ?? cloud.defaultName, SECURITY_CONNECTOR_NAME_PATTERN, "a connector name of 1-260 letters, digits, hyphens or underscores");
    const additionalOfferings = this.validateAdditionalOfferings(props.additionalOfferings ?? [], cloud.offeringType);

    const P = SecurityConnectorProperty;
    const O = ContainersOfferingProperty;
    const c = this.capabilities;
    const offering = {
      [P.OFFERING_TYPE]: cloud.offeringType,
      ...cloud.offering,
      [O.AUDIT_LOGS_AUTO_PROVISIONING]: c.auditLogs,
      [O.DEFENDER_AGENT_AUTO_PROVISIONING]: c.sensorAutoProvisioning,
      [O.POLICY_AGENT_AUTO_PROVISIONING]: c.policyAddonAutoProvisioning,
      [O.IMAGE_ASSESSMENT]: { [O.ENABLED]: c.imageAssessment, ...cloud.imageAssessmentConnection },
      [O.AGENTLESS_DISCOVERY]: { [O.ENABLED]: c.agentlessDiscovery, ...cloud.agentlessDiscoveryConnection },
    };
    this.resource = new AzapiResource(this, "connector", {
      type: SECURITY_CONNECTOR_AZAPI_TYPE,
      name: this.name,
      parentId: this.resourceGroupId,
      location: this.location,
      body: {
        properties: {
          [P.HIERARCHY_IDENTIFIER]: cloud.hierarchyIdentifier,
          [P.ENVIRONMENT_NAME]: cloud.environmentName,
          [P.ENVIRONMENT_DATA]: { [P.ENVIRONMENT_TYPE]: cloud.environmentType, ...cloud.environmentData, [P.SCAN_INTERVAL]: scanInterval },
          [P.OFFERINGS]: [offering, ...additionalOfferings],
        },
      },
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

  private validateAdditionalOfferings(offerings: { [key: string]: any }[], ownType: string): { [key: string]: any }[] {
    const seen = new Map<string, number>([[ownType, -1]]);
    offerings.forEach((offering, index) => {
      const prop = `additionalOfferings[${index}].${SecurityConnectorProperty.OFFERING_TYPE}`;
      const type = offering?.[SecurityConnectorProperty.OFFERING_TYPE];
      if (isUnresolved(type)) return;
      if (typeof type !== "string" || type.length === 0) invalidValue(this, prop, type, "an offering type such as \"CspmMonitorAws\"");
      const first = seen.get(type);
      if (first !== undefined) {
        invalidValue(this, prop, type, "each offering type once", first < 0 ? "The construct writes this offering itself." : `It is also additionalOfferings[${first}].`);
      }
      seen.set(type, index);
    });
    return offerings;
  }
}
