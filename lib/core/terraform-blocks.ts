import { TerraformElement, TerraformProvider, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { DefenderValidationError } from "./errors";
import { validatePattern } from "./validation";
import { checkProps } from "./check-props";

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
    checkProps(this, props, "ImportBlockProps");
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

  /**
   * The same block for `cdktf synth --hcl`. The HCL synthesizer renders only what `toHclTerraform()`
   * returns, and `TerraformElement`'s default is nothing: without this the import would vanish from
   * HCL output, and Terraform would try to create a plan that already exists.
   */
  public toHclTerraform(): any {
    const { resource, importId } = this.props;
    const provider = this.props.provider ?? resource.provider;
    const reference = (value: string) => ({ value, type: "simple", storageClassType: "reference" });
    return {
      import: [
        {
          to: reference(`${resource.terraformResourceType}.${resource.friendlyUniqueId}`),
          id: { value: importId, type: "simple", storageClassType: "string" },
          provider: provider ? reference(provider.fqn) : undefined,
        },
      ],
    };
  }
}

/** Props of {@link RemovedBlock}. Give `from`, or `resourceType` when the block takes the removed resource's place. */
export interface RemovedBlockProps {
  /**
   * Address of the resource that is no longer in the configuration, `<type>.<name>` as it appears
   * in state (e.g. `azurerm_security_center_subscription_pricing.plan_pricing_1A2B3C4D`).
   * @default - `<resourceType>.<the logical ID of this block's construct path>`
   */
  readonly from?: string;
  /**
   * Terraform type of the removed resource, for a block created at the construct path the resource
   * had (same scope, same id). cdktf derives logical IDs from the construct path alone, so the
   * block then computes the exact address the resource had.
   * @default - none; `from` is required
   */
  readonly resourceType?: string;
  /**
   * Whether Terraform destroys the object. `false` only forgets it: the object stays in Azure,
   * unmanaged.
   * @default false
   */
  readonly destroy?: boolean;
}

/** `<type>.<name>` with Terraform's identifier rules (letters, digits, `_`, `-`; not starting with a digit). */
const RESOURCE_ADDRESS = /^[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*$/;
const RESOURCE_TYPE = /^[a-z][a-z0-9]*_[a-z0-9_]+$/;

/**
 * A top-level Terraform `removed` block (Terraform >= 1.7): the resource at `from` has left the
 * configuration, and with `destroy = false` Terraform drops it from state without destroying it.
 *
 * cdktf 0.21 has no construct for it. Its HCL renderer (`cdktf synth --hcl`) drops top-level
 * blocks it does not know, and a dropped `removed` block turns "forget" into "destroy", so this
 * element refuses to render as HCL instead of disappearing silently.
 */
export class RemovedBlock extends TerraformElement {
  /** The address Terraform forgets (or destroys). */
  public readonly from: string;
  private readonly destroy: boolean;

  constructor(scope: Construct, id: string, props: RemovedBlockProps) {
    super(scope, id);
    checkProps(this, props, "RemovedBlockProps");
    if ((props.from === undefined) === (props.resourceType === undefined)) {
      throw new DefenderValidationError(
        this,
        `from: got ${props.from === undefined ? "neither from nor resourceType" : "both from and resourceType"}; expected exactly one of them.`,
      );
    }
    if (props.from !== undefined) {
      this.from = validatePattern(this, "from", props.from, RESOURCE_ADDRESS, "a resource address <type>.<name> such as azurerm_x.my_x");
    } else {
      const type = validatePattern(this, "resourceType", props.resourceType!, RESOURCE_TYPE, "a Terraform resource type such as azurerm_resource_group");
      this.from = `${type}.${this.friendlyUniqueId}`;
    }
    this.destroy = props.destroy ?? false;
  }

  public toTerraform(): any {
    return { removed: [{ from: this.from, lifecycle: { destroy: this.destroy } }] };
  }

  public toHclTerraform(): any {
    throw new DefenderValidationError(
      this,
      `from: ${this.from} cannot be written as HCL (cdktf's HCL synthesizer drops top-level removed blocks, and without it Terraform would destroy the resource); synthesize JSON instead (the default).`,
    );
  }
}
