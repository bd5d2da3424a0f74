import { Aspects, TerraformDataSource, TerraformProvider, TerraformResource } from "cdktf";
import { IConstruct } from "constructs";
import { invalidValue } from "../../core/errors";

// Shared by the patterns: provider wiring for inner constructs. Not exported from the package.

/**
 * Checks that `provider`, when given, is a provider of `type` (e.g. `aws`, `helm`, `azapi`):
 * a helm provider passed where the aws one belongs would only fail at plan time.
 */
export function checkProviderType(scope: IConstruct, prop: string, provider: TerraformProvider | undefined, type: string): TerraformProvider | undefined {
  if (provider === undefined) return undefined;
  const actual = (provider as { terraformResourceType?: unknown } | null)?.terraformResourceType;
  if (actual !== type) invalidValue(scope, prop, typeof actual === "string" ? `${actual} provider` : provider, `${/^[aeiou]/.test(type) ? "an" : "a"} ${type} provider`);
  return provider;
}

/**
 * Sets `provider` on every resource and data source of its provider type (an aws provider: the aws
 * resources) below `scope` that has none: for inner constructs without a `provider` prop. Resources
 * given a provider explicitly keep theirs. Applied now and again at synth (an Aspect), so resources
 * added below `scope` later get it too: the result does not depend on the order constructs are
 * created in, and resources of other providers are never touched.
 */
export function useProvider(scope: IConstruct, provider: TerraformProvider | undefined): void {
  if (provider === undefined) return;
  const type = provider.terraformResourceType;
  const apply = (node: IConstruct) => {
    if ((node instanceof TerraformResource || node instanceof TerraformDataSource) && node.provider === undefined && node.terraformGeneratorMetadata?.providerName === type) {
      node.provider = provider;
    }
  };
  for (const node of scope.node.findAll()) apply(node);
  Aspects.of(scope).add({ visit: apply });
}
