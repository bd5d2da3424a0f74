import { IResolvable, TerraformResource, TerraformResourceConfig } from "cdktf";
import { Construct } from "constructs";
import { azapiResourceConfig, simpleHclAttributes } from "./provider";

/** Props of {@link AzapiResourceAction} (the `azapi_resource_action` arguments this library uses). */
export interface AzapiResourceActionProps extends Omit<TerraformResourceConfig, "terraformResourceType" | "terraformGeneratorMetadata"> {
  /** `<resource type>@<api version>` of `resourceId`, e.g. `Microsoft.Resources/tags@2021-04-01`. */
  readonly type: string;
  /** The existing resource the request goes to. */
  readonly resourceId: string;
  /**
   * Action name appended to the ID; none sends the request to the ID itself.
   * @default - none
   */
  readonly action?: string;
  /**
   * HTTP method: `POST`, `PATCH`, `PUT` or `DELETE`.
   * @default "POST"
   */
  readonly method?: string;
  /**
   * Request body.
   * @default - none
   */
  readonly body?: { [key: string]: any } | IResolvable;
  /**
   * `apply` (on create and on every change) or `destroy` (when the resource is destroyed).
   * @default "apply"
   */
  readonly when?: string;
  /**
   * Response paths to expose on `output`. `[]` exposes nothing.
   * @default []
   */
  readonly responseExportValues?: string[];
}

/**
 * `azapi_resource_action`: one request to an existing ARM resource, without managing its
 * lifecycle (github.com/Azure/terraform-provider-azapi `docs/resources/resource_action.md`).
 */
export class AzapiResourceAction extends TerraformResource {
  public static readonly tfResourceType = "azapi_resource_action";

  private readonly props: AzapiResourceActionProps;

  constructor(scope: Construct, id: string, props: AzapiResourceActionProps) {
    super(scope, id, azapiResourceConfig(AzapiResourceAction.tfResourceType, props));
    this.props = props;
  }

  /** The ID of the resource acted on. */
  public get id(): string {
    return this.getStringAttribute("id");
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const p = this.props;
    return {
      type: p.type,
      resource_id: p.resourceId,
      action: p.action,
      method: p.method,
      body: p.body,
      when: p.when,
      response_export_values: p.responseExportValues ?? [],
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return simpleHclAttributes(this.synthesizeAttributes());
  }
}
