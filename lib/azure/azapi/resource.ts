import { IResolvable, TerraformResource, TerraformResourceConfig } from "cdktf";
import { Construct } from "constructs";
import { azapiResourceConfig, simpleHclAttributes } from "./provider";

/** Managed identity of an ARM resource. */
export interface AzapiIdentity {
  /** `SystemAssigned`, `UserAssigned` or `SystemAssigned, UserAssigned`. */
  readonly type: string;
  /**
   * User-assigned identity IDs.
   * @default - none
   */
  readonly identityIds?: string[];
}

/** Props of {@link AzapiResource} (the `azapi_resource` arguments this library uses). */
export interface AzapiResourceProps extends Omit<TerraformResourceConfig, "terraformResourceType" | "terraformGeneratorMetadata"> {
  /** `<resource type>@<api version>`, e.g. `Microsoft.Security/securityConnectors@2024-08-01-preview`. */
  readonly type: string;
  /** Resource name. */
  readonly name: string;
  /** ID of the parent: a resource group, subscription or parent resource. */
  readonly parentId: string;
  /**
   * Location, for tracked resources.
   * @default - none (proxy resources)
   */
  readonly location?: string;
  /** Request body (an object; azapi 2.x renders it as HCL). */
  readonly body: { [key: string]: any } | IResolvable;
  /**
   * Write-only properties (secrets) merged into the body but never stored in state.
   * @default - none
   */
  readonly sensitiveBody?: { [key: string]: any };
  /**
   * Versions of `sensitiveBody` members (`sensitive_body_version`, azapi 2.5+): path (e.g.
   * `properties.environmentData.authentication.accessToken`) → version. azapi sends a write-only
   * member again only when its version changes, so bump it to rotate a secret.
   * @default - none
   */
  readonly sensitiveBodyVersion?: { [path: string]: string };
  /**
   * Managed identity.
   * @default - none
   */
  readonly identity?: AzapiIdentity;
  /**
   * Response paths to expose on `output`. `[]` exposes nothing (Azure Verified Modules rule TFFR4).
   * @default []
   */
  readonly responseExportValues?: string[];
  /**
   * Validate the body against azapi's embedded schema. Turn off for API versions newer than the
   * provider's schema.
   * @default true
   */
  readonly schemaValidationEnabled?: boolean;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** `azapi_resource`: any ARM resource type by its REST shape. */
export class AzapiResource extends TerraformResource {
  public static readonly tfResourceType = "azapi_resource";

  private readonly props: AzapiResourceProps;

  constructor(scope: Construct, id: string, props: AzapiResourceProps) {
    super(scope, id, azapiResourceConfig(AzapiResource.tfResourceType, props));
    this.props = props;
  }

  /** The ARM resource ID. */
  public get id(): string {
    return this.getStringAttribute("id");
  }

  /** The exported response values (see `responseExportValues`). */
  public get output(): IResolvable {
    return this.interpolationForAttribute("output") as IResolvable;
  }

  /** The principal ID of the system-assigned identity, if any. */
  public get identityPrincipalId(): string {
    return this.getStringAttribute("identity[0].principal_id");
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const p = this.props;
    return {
      type: p.type,
      name: p.name,
      parent_id: p.parentId,
      location: p.location,
      body: p.body,
      sensitive_body: p.sensitiveBody,
      sensitive_body_version: p.sensitiveBodyVersion,
      identity: p.identity ? [{ type: p.identity.type, identity_ids: p.identity.identityIds }] : undefined,
      response_export_values: p.responseExportValues ?? [],
      schema_validation_enabled: p.schemaValidationEnabled,
      tags: p.tags,
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const { identity, ...rest } = this.synthesizeAttributes();
    return {
      ...simpleHclAttributes(rest),
      ...(identity ? { identity: { value: identity, isBlock: true, type: "list", storageClassType: "AzapiIdentityList" } } : {}),
    };
  }
}
