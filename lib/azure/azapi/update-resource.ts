import { IResolvable, TerraformResource, TerraformResourceConfig } from "cdktf";
import { Construct } from "constructs";
import { azapiResourceConfig, simpleHclAttributes } from "./provider";

/** Props of {@link AzapiUpdateResource} (the `azapi_update_resource` arguments this library uses). */
export interface AzapiUpdateResourceProps extends Omit<TerraformResourceConfig, "terraformResourceType" | "terraformGeneratorMetadata"> {
  /** `<resource type>@<api version>`, e.g. `Microsoft.ContainerService/managedClusters@2025-10-02-preview`. */
  readonly type: string;
  /** ID of the existing resource to update. */
  readonly resourceId: string;
  /** The part of the body to set (azapi merges it into the resource read with GET, then PUTs). */
  readonly body: { [key: string]: any } | IResolvable;
  /**
   * Response paths to expose on `output`.
   * @default []
   */
  readonly responseExportValues?: string[];
}

/**
 * `azapi_update_resource`: manages a subset of an existing ARM resource's properties. Deleting it
 * changes nothing in Azure (Azure/terraform-provider-azapi `docs/resources/update_resource.md`):
 * to undo a change, apply the old value first.
 */
export class AzapiUpdateResource extends TerraformResource {
  public static readonly tfResourceType = "azapi_update_resource";

  private readonly props: AzapiUpdateResourceProps;

  constructor(scope: Construct, id: string, props: AzapiUpdateResourceProps) {
    super(scope, id, azapiResourceConfig(AzapiUpdateResource.tfResourceType, props));
    this.props = props;
  }

  /** The ARM resource ID. */
  public get id(): string {
    return this.getStringAttribute("id");
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const p = this.props;
    return { type: p.type, resource_id: p.resourceId, body: p.body, response_export_values: p.responseExportValues ?? [] };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return simpleHclAttributes(this.synthesizeAttributes());
  }
}
