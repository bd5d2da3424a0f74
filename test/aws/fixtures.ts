import { TerraformStack } from "cdktf";
import { DefenderForContainersAwsRoles, DefenderForContainersAwsRolesProps, DefenderOidcProvider } from "../../lib/aws";
import { resourcesOf, SynthesizedStack } from "../util";

export const ACCOUNT = "123456789012";
export const TENANT = "aaaaaaaa-1111-2222-3333-444444444444";
export const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/`;

/** An OIDC provider and the roles with the given props over the defaults. */
export function defenderRoles(stack: TerraformStack, props: Partial<DefenderForContainersAwsRolesProps> = {}): DefenderForContainersAwsRoles {
  const oidcProvider = props.oidcProvider ?? new DefenderOidcProvider(stack, "oidc");
  return new DefenderForContainersAwsRoles(stack, "roles", { oidcProvider, accountId: ACCOUNT, azureTenantId: TENANT, ...props });
}

/** Synthesized IAM roles by name. */
export function rolesByName(synth: SynthesizedStack): Record<string, any> {
  return Object.fromEntries(Object.values(resourcesOf(synth, "aws_iam_role")).map((role: any) => [role.name, role]));
}

/** The parsed inline policy of the role with the given logical-ID key (e.g. "kubernetes"). */
export function inlinePolicyOf(synth: SynthesizedStack, key: string): any {
  const entry = Object.entries(resourcesOf(synth, "aws_iam_role_policy")).find(([id]) => id.startsWith(`roles_${key}-policy_`));
  if (!entry) throw new Error(`no inline policy for ${key}`);
  return JSON.parse(entry[1].policy);
}

/** The parsed trust policy of the role with the given name. */
export function trustOf(synth: SynthesizedStack, roleName: string): any {
  const role = rolesByName(synth)[roleName];
  if (!role) throw new Error(`no role ${roleName}`);
  return JSON.parse(role.assume_role_policy);
}
