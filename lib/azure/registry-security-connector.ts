import { Construct } from "constructs";
import { SecurityConnectorProperty } from "../core/catalog/security-connectors";
import { AzapiResource } from "./azapi/resource";
import { newConnectorResource, validateAdditionalOfferings, validateConnectorName, validateConnectorPlacement } from "./private/connector-resource";
import { SecurityConnectorBaseProps } from "./security-connector";

/** What one registry contributes to its connector. */
export interface RegistryConnectorSpec {
  /** `environmentName` and `environmentData.environmentType`. */
  readonly environment: { readonly environmentName: string; readonly environmentType: string };
  /** `offeringType` of the Defender for Containers offering. */
  readonly offeringType: string;
  /** `hierarchyIdentifier`. */
  readonly hierarchyIdentifier: string;
  /** Name used when `name` is not given. */
  readonly defaultName: string;
  /** `environmentData` members besides `environmentType` and `scanInterval`. */
  readonly environmentData?: { [key: string]: unknown };
  /** Write-only members (secrets), never stored in state. */
  readonly sensitiveBody?: { [key: string]: unknown };
  /** `sensitive_body_version`. */
  readonly sensitiveBodyVersion?: { [path: string]: string };
}

/**
 * A `Microsoft.Security/securityConnectors` resource for a container registry outside the clouds
 * (Docker Hub organization, JFrog Artifactory instance) with its Defender for Containers offering,
 * which has no settings of its own: it turns on inventory and agentless vulnerability assessment of
 * the registry's images (MS-Docs agentless-vulnerability-assessment-docker-hub / -jfrog). The
 * subclasses ({@link DockerHubSecurityConnector}, {@link JFrogSecurityConnector}) only describe their
 * environment.
 */
export abstract class RegistrySecurityConnector extends Construct {
  /** The ARM resource ID of the connector. */
  public readonly connectorId: string;
  /** The connector's Azure region, normalized (`westeurope`). */
  public readonly location: string;
  /** The connector's name. */
  public readonly name: string;
  /** The resource group ID (normalized when it was a literal). */
  public readonly resourceGroupId: string;
  /** The `azapi_resource`. */
  public readonly resource: AzapiResource;

  protected constructor(scope: Construct, id: string, props: SecurityConnectorBaseProps, describe: (connector: RegistrySecurityConnector) => RegistryConnectorSpec) {
    super(scope, id);
    const placement = validateConnectorPlacement(this, props);
    this.resourceGroupId = placement.resourceGroupId;
    this.location = placement.location;
    const spec = describe(this);
    this.name = validateConnectorName(this, props.name ?? spec.defaultName);
    const additionalOfferings = validateAdditionalOfferings(this, props.additionalOfferings ?? [], spec.offeringType);
    this.resource = newConnectorResource(this, {
      name: this.name,
      placement,
      hierarchyIdentifier: spec.hierarchyIdentifier,
      environmentName: spec.environment.environmentName,
      environmentType: spec.environment.environmentType,
      environmentData: spec.environmentData,
      offerings: [{ [SecurityConnectorProperty.OFFERING_TYPE]: spec.offeringType }, ...additionalOfferings],
      sensitiveBody: spec.sensitiveBody,
      sensitiveBodyVersion: spec.sensitiveBodyVersion,
      tags: props.tags,
      provider: props.provider,
    });
    this.connectorId = this.resource.id;
  }
}
