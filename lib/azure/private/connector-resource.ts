import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AzureResourceIdFormats, parseAzureResourceId } from "../../core/azure-resource-id";
import { SECURITY_CONNECTOR_AZAPI_TYPE, SECURITY_CONNECTOR_NAME_PATTERN, SecurityConnectorProperty, SecurityConnectorScanInterval } from "../../core/catalog/security-connectors";
import { invalidValue } from "../../core/errors";
import { validateAzureRegion } from "../../core/region";
import { isUnresolved, validateIntegerInRange, validatePattern } from "../../core/validation";
import { AzapiResource } from "../azapi/resource";

// Shared by every `Microsoft.Security/securityConnectors` construct (AWS, GCP, Docker Hub, JFrog):
// where the connector goes, its scan interval, extra offerings and the azapi_resource. Not exported
// from the package.

/** Placement props every connector takes (see `SecurityConnectorBaseProps` for their docs). */
export interface ConnectorPlacementInput {
  readonly resourceGroupId: string;
  readonly location: string;
  readonly scanIntervalHours?: number;
}

/** Validated placement. */
export interface ConnectorPlacement {
  /** Normalized when it was a literal. */
  readonly resourceGroupId: string;
  /** Normalized (`westeurope`). */
  readonly location: string;
  /** Hours between scans. */
  readonly scanInterval: number;
}

/** Validates where a connector goes and how often Defender scans. */
export function validateConnectorPlacement(scope: Construct, props: ConnectorPlacementInput): ConnectorPlacement {
  const resourceGroup = parseAzureResourceId(scope, "resourceGroupId", props.resourceGroupId, AzureResourceIdFormats.RESOURCE_GROUP);
  return {
    resourceGroupId: resourceGroup?.id ?? props.resourceGroupId,
    location: validateAzureRegion(scope, "location", props.location),
    scanInterval: validateIntegerInRange(
      scope,
      "scanIntervalHours",
      props.scanIntervalHours ?? SecurityConnectorScanInterval.DEFAULT_HOURS,
      SecurityConnectorScanInterval.MIN_HOURS,
      SecurityConnectorScanInterval.MAX_HOURS,
    ),
  };
}

/** Validates a connector name (given or the environment's default). */
export function validateConnectorName(scope: Construct, name: string): string {
  return validatePattern(scope, "name", name, SECURITY_CONNECTOR_NAME_PATTERN, "a connector name of 1-260 letters, digits, hyphens or underscores");
}

/** Validates `additionalOfferings`: each offering type once, and never the construct's own. */
export function validateAdditionalOfferings(scope: Construct, offerings: { [key: string]: any }[], ownType: string): { [key: string]: any }[] {
  const seen = new Map<string, number>([[ownType, -1]]);
  offerings.forEach((offering, index) => {
    const prop = `additionalOfferings[${index}].${SecurityConnectorProperty.OFFERING_TYPE}`;
    const type = offering?.[SecurityConnectorProperty.OFFERING_TYPE];
    if (isUnresolved(type)) return;
    if (typeof type !== "string" || type.length === 0) invalidValue(scope, prop, type, 'an offering type such as "CspmMonitorAws"');
    const first = seen.get(type);
    if (first !== undefined) {
      invalidValue(scope, prop, type, "each offering type once", first < 0 ? "The construct writes this offering itself." : `It is also additionalOfferings[${first}].`);
    }
    seen.set(type, index);
  });
  return offerings;
}

/** What goes into one connector resource. */
export interface ConnectorResourceSpec {
  readonly name: string;
  readonly placement: ConnectorPlacement;
  /** `hierarchyIdentifier`. */
  readonly hierarchyIdentifier: string;
  /** `environmentName`. */
  readonly environmentName: string;
  /** `environmentData.environmentType`. */
  readonly environmentType: string;
  /** `environmentData` members besides `environmentType` and `scanInterval`. */
  readonly environmentData?: { [key: string]: unknown };
  /** `offerings`, in order. */
  readonly offerings: { [key: string]: unknown }[];
  /** Write-only members, merge-patched into the body by azapi and never stored in state. */
  readonly sensitiveBody?: { [key: string]: unknown };
  /** `sensitive_body_version`: path → version; a new version sends the sensitive member again. */
  readonly sensitiveBodyVersion?: { [path: string]: string };
  readonly tags?: { [key: string]: string };
  readonly provider?: TerraformProvider;
}

/** The `azapi_resource` of a security connector (construct ID `connector`). */
export function newConnectorResource(scope: Construct, spec: ConnectorResourceSpec): AzapiResource {
  const P = SecurityConnectorProperty;
  return new AzapiResource(scope, "connector", {
    type: SECURITY_CONNECTOR_AZAPI_TYPE,
    name: spec.name,
    parentId: spec.placement.resourceGroupId,
    location: spec.placement.location,
    body: {
      properties: {
        [P.HIERARCHY_IDENTIFIER]: spec.hierarchyIdentifier,
        [P.ENVIRONMENT_NAME]: spec.environmentName,
        [P.ENVIRONMENT_DATA]: { [P.ENVIRONMENT_TYPE]: spec.environmentType, ...spec.environmentData, [P.SCAN_INTERVAL]: spec.placement.scanInterval },
        [P.OFFERINGS]: spec.offerings,
      },
    },
    sensitiveBody: spec.sensitiveBody,
    sensitiveBodyVersion: spec.sensitiveBodyVersion,
    tags: spec.tags,
    provider: spec.provider,
  });
}
