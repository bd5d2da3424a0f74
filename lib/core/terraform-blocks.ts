import { TerraformElement, TerraformProvider, TerraformResource } from "cdktf";
import { Construct } from "constructs";

/** Props of {@link ImportBlock}. */
export interface ImportBlockProps {
  /** The resource to import into. */
  readonly resource: TerraformResource;
  /** The ID of the existing object, as `terraform import` takes it. */
  readonly importId: string;
  /**
   * Provider configuration the import uses.
   * @default - the resource's provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * A top-level Terraform `import` block (Terraform >= 1.5).
 *
 * cdktf's own `TerraformResource.importFrom()` adds a validation that shells out to
 * `terraform version`, so synth would fail on machines without a terraform binary (CI, the
 * README's synth command). This element writes the same block without that check.
 */
export class ImportBlock extends TerraformElement {
  private readonly props: ImportBlockProps;

  constructor(scope: Construct, id: string, props: ImportBlockProps) {
    super(scope, id);
    this.props = props;
  }

  public toTerraform(): any {
    const { resource, importId } = this.props;
    const provider = this.props.provider ?? resource.provider;
    return {
      import: [
        {
          to: `${resource.terraformResourceType}.${resource.friendlyUniqueId}`,
          id: importId,
          provider: provider?.fqn,
        },
      ],
    };
  }
}
