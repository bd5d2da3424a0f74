import { TerraformProvider, TerraformResourceConfig, TerraformStack } from "cdktf";
import { Construct } from "constructs";

/**
 * Version constraint of the azure/azapi provider the binding is written against. `sensitive_body`
 * needs 2.4; the body is an HCL object (2.0+). Source: Azure/terraform-provider-azapi releases.
 */
export const AZAPI_PROVIDER_VERSION_CONSTRAINT = "~> 2.4";

/** Props of {@link AzapiProvider}. Only what this library needs; extend with `addOverride`. */
export interface AzapiProviderProps {
  /**
   * Alias, for a second configuration (another subscription).
   * @default - the default configuration
   */
  readonly alias?: string;
  /**
   * Subscription to use.
   * @default - from the environment (ARM_SUBSCRIPTION_ID, Azure CLI)
   */
  readonly subscriptionId?: string;
  /**
   * Tenant to use.
   * @default - from the environment
   */
  readonly tenantId?: string;
  /**
   * Cloud: `public`, `usgovernment` or `china`.
   * @default "public"
   */
  readonly environment?: string;
}

/**
 * The `azure/azapi` provider. No prebuilt cdktf package exists for it (@cdktf/provider-azapi is
 * not on npm), and `cdktf get` needs a terraform binary, so this library ships a minimal
 * hand-written binding for the ARM types azurerm lacks (security connectors, alert suppression
 * rules, Microsoft Security private links).
 */
export class AzapiProvider extends TerraformProvider {
  public static readonly tfResourceType = "azapi";

  private readonly props: AzapiProviderProps;
  private _alias?: string;

  constructor(scope: Construct, id: string, props: AzapiProviderProps = {}) {
    super(scope, id, {
      terraformResourceType: AzapiProvider.tfResourceType,
      terraformGeneratorMetadata: { providerName: "azapi", providerVersionConstraint: AZAPI_PROVIDER_VERSION_CONSTRAINT },
      terraformProviderSource: "azure/azapi",
    });
    this.props = props;
    this.alias = props.alias;
  }

  // TerraformProvider's own alias accessors are no-ops that generated providers override; without
  // this the alias would be dropped from the provider block and from resources' `provider`.
  public get alias(): string | undefined {
    return this._alias;
  }

  public set alias(value: string | undefined) {
    this._alias = value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      alias: this.alias,
      subscription_id: this.props.subscriptionId,
      tenant_id: this.props.tenantId,
      environment: this.props.environment,
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return simpleHclAttributes(this.synthesizeAttributes());
  }
}

/** Wraps plain attributes the way cdktf's HCL renderer expects them. */
export function simpleHclAttributes(attributes: { [name: string]: any }): { [name: string]: any } {
  const entries = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => {
      const storageClassType =
        typeof value === "boolean" ? "boolean" : typeof value === "number" ? "number" : Array.isArray(value) ? "list" : typeof value === "object" ? "object" : "string";
      const type = Array.isArray(value) ? "list" : typeof value === "object" ? "map" : "simple";
      return [name, { value, isBlock: false, type, storageClassType }];
    });
  return Object.fromEntries(entries);
}

/**
 * The given azapi provider; else undefined (the stack's default one applies), adding a default
 * `azapi` provider under `scope` when the stack has none.
 */
export function azapiProviderOrDefault(scope: Construct, given?: TerraformProvider): TerraformProvider | undefined {
  if (given) return given;
  const stack = TerraformStack.of(scope);
  const hasDefault = stack.node.findAll().some((c) => c instanceof AzapiProvider && c.alias === undefined);
  if (!hasDefault) new AzapiProvider(scope, "azapi");
  return undefined;
}

/** The `TerraformResource` config of an azapi resource type: generator metadata plus the meta-arguments given. */
export function azapiResourceConfig(terraformResourceType: string, props: Omit<TerraformResourceConfig, "terraformResourceType">): TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: { providerName: "azapi", providerVersionConstraint: AZAPI_PROVIDER_VERSION_CONSTRAINT },
    provider: props.provider,
    dependsOn: props.dependsOn,
    count: props.count,
    lifecycle: props.lifecycle,
    forEach: props.forEach,
  };
}
