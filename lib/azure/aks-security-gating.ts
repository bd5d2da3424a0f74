import { FederatedIdentityCredential } from "@cdktf/provider-azurerm/lib/federated-identity-credential";
import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { Fn, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AzureResourceIdFormats, parseAzureResourceId } from "../core/azure-resource-id";
import { BuiltInRole, builtInRoleDefinitionId, SecurityGating } from "../core/catalog/azure";
import { DefenderValidationError, invalidValue } from "../core/errors";
import { isUnresolved, validatePattern } from "../core/validation";
import { AzapiUpdateResource } from "./azapi/update-resource";

/** A container registry the gating admission controller reads image findings from. */
export interface GatingRegistry {
  /**
   * Resource ID of the Azure Container Registry, literal or a reference (`ContainerRegistry.id`):
   * `/subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>`.
   */
  readonly registryId: string;
  /**
   * Names the registry's role assignment (`acr-pull-<key>`) in the Terraform address.
   * @default - the registry name from a literal `registryId`; required for a reference
   */
  readonly key?: string;
}

/** Props of {@link AksSecurityGating}. */
export interface AksSecurityGatingProps {
  /**
   * An `azurerm_kubernetes_cluster` defined in this app. It must have `oidcIssuerEnabled: true`
   * and `workloadIdentityEnabled: true`, and — when `kubernetesVersion` is a literal — 1.31 or later.
   */
  readonly cluster: KubernetesCluster;
  /**
   * Every Azure Container Registry the cluster pulls from: the identity gets AcrPull on each and
   * the gating block names each with the identity. At least one.
   */
  readonly registries: GatingRegistry[];
  /**
   * Let the admission controller read the cluster's image pull secrets, for registries reached by
   * secret instead of a managed identity (`allowSecretAccess`).
   * @default false
   */
  readonly allowSecretAccess?: boolean;
  /**
   * Name of the user-assigned identity the construct creates.
   * @default - `<cluster name>-defender-gating`
   */
  readonly identityName?: string;
  /**
   * Resource group of the identity.
   * @default - the cluster's resource group
   */
  readonly identityResourceGroupName?: string;
  /**
   * azurerm provider of the identity, its credential and role assignments.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
  /**
   * azapi provider of the cluster's subscription, for the `azapi_update_resource`.
   * @default - the stack's default azapi provider
   */
  readonly azapiProvider?: TerraformProvider;
}

const REGISTRY_KEY = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

/**
 * Security gating (gated deployment) on an AKS cluster of this app, the cluster side as Microsoft
 * documents it for infrastructure as code (defender-docs `gated-deployment-infrastructure-as-code.md`):
 *
 * - a user-assigned identity with AcrPull on every registry of `registries`;
 * - its federated identity credential for the admission controller's service account
 *   (`system:serviceaccount:kube-system:defender-admission-controller-serviceaccount`, audience
 *   `api://AzureADTokenExchange`, issuer the cluster's OIDC issuer URL);
 * - `securityProfile.defender.securityGating { enabled, identities, allowSecretAccess }` on the
 *   cluster. azurerm's `microsoft_defender` block has no gating arguments, so this is one
 *   `azapi_update_resource` (api `2025-10-02-preview`) whose body holds only the `securityGating`
 *   part: it leaves the workspace and `securityMonitoring` to azurerm, and azurerm, which does not
 *   know the property, does not plan changes to it.
 *
 * Drift: each plan reads the cluster and compares only the properties in this body, so if
 * something else turns gating off or changes the identities, the next plan shows the update and
 * the apply restores it. Removing the construct does not turn gating off (an update resource's
 * destroy changes nothing): set it to a disabled state first or turn gating off in the portal.
 *
 * The plan-side switch is `DefenderForContainersPlan` `securityGating` (on by default). The gating
 * rules themselves (audit/deny, exemptions) exist only in the portal (faq-runtime-gated.md).
 */
export class AksSecurityGating extends Construct {
  /** The identity the admission controller uses to read registries. */
  public readonly identity: UserAssignedIdentity;
  /** Its federated identity credential for the admission controller's service account. */
  public readonly federatedCredential: FederatedIdentityCredential;
  /** AcrPull on each registry, by key. */
  public readonly registryAccess: { readonly [key: string]: RoleAssignment };
  /** The `azapi_update_resource` that sets `securityProfile.defender.securityGating` on the cluster. */
  public readonly gating: AzapiUpdateResource;

  constructor(scope: Construct, id: string, props: AksSecurityGatingProps) {
    super(scope, id);
    const cluster = props.cluster;
    this.checkPrerequisites(cluster);
    const registries = this.resolveRegistries(props.registries);

    this.identity = new UserAssignedIdentity(this, "identity", {
      name: props.identityName ?? `${cluster.name}-defender-gating`,
      resourceGroupName: props.identityResourceGroupName ?? cluster.resourceGroupName,
      location: cluster.location,
      provider: props.provider,
    });
    this.federatedCredential = new FederatedIdentityCredential(this, "federated-credential", {
      name: "defender-admission-controller",
      resourceGroupName: this.identity.resourceGroupName,
      parentId: this.identity.id,
      issuer: cluster.oidcIssuerUrl,
      subject: SecurityGating.SERVICE_ACCOUNT_SUBJECT,
      audience: [SecurityGating.AUDIENCE],
      provider: props.provider,
    });
    const access: { [key: string]: RoleAssignment } = {};
    for (const registry of registries) {
      access[registry.key] = new RoleAssignment(this, `acr-pull-${registry.key}`, {
        scope: registry.id,
        // Subscription-scoped, the form azurerm reads back, so the plan stays empty.
        roleDefinitionId: builtInRoleDefinitionId(BuiltInRole.ACR_PULL, registry.subscriptionId),
        principalId: this.identity.principalId,
        principalType: "ServicePrincipal",
        provider: props.provider,
      });
    }
    this.registryAccess = access;

    const identity = { resourceId: this.identity.id, clientId: this.identity.clientId, objectId: this.identity.principalId };
    this.gating = new AzapiUpdateResource(this, "gating", {
      type: `${SecurityGating.MANAGED_CLUSTER_TYPE}@${SecurityGating.API_VERSION}`,
      resourceId: cluster.id,
      body: {
        properties: {
          securityProfile: {
            defender: {
              securityGating: {
                enabled: true,
                allowSecretAccess: props.allowSecretAccess ?? false,
                identities: registries.map((registry) => ({ azureContainerRegistry: registry.name, identity })),
              },
            },
          },
        },
      },
      // The identity must be able to read the registries and sign in before gating uses it.
      dependsOn: [this.federatedCredential, ...Object.values(access)],
      provider: props.azapiProvider,
    });
  }

  /** OIDC issuer, workload identity and the Kubernetes version, where the cluster sets them as literals. */
  private checkPrerequisites(cluster: KubernetesCluster): void {
    const required: [string, boolean | unknown][] = [
      ["oidcIssuerEnabled", cluster.oidcIssuerEnabledInput],
      ["workloadIdentityEnabled", cluster.workloadIdentityEnabledInput],
    ];
    for (const [prop, value] of required) {
      if (value !== true && !isUnresolved(value)) {
        throw new DefenderValidationError(
          this,
          `cluster: got ${cluster.node.path} with ${prop} ${JSON.stringify(value ?? "unset")}; expected ${prop}: true — the gating agent signs in with workload identity through the cluster's OIDC issuer.`,
        );
      }
    }
    const version = cluster.kubernetesVersionInput;
    if (version !== undefined && !isUnresolved(version) && !atLeastVersion(version, SecurityGating.MIN_KUBERNETES_VERSION)) {
      throw new DefenderValidationError(
        this,
        `cluster: got ${cluster.node.path} with kubernetesVersion "${version}"; expected ${SecurityGating.MIN_KUBERNETES_VERSION} or later — gated deployment needs AKS ${SecurityGating.MIN_KUBERNETES_VERSION}+.`,
      );
    }
  }

  private resolveRegistries(registries: GatingRegistry[]): { id: string; name: string; key: string; subscriptionId: string }[] {
    if (!Array.isArray(registries) || registries.length === 0) {
      invalidValue(this, "registries", registries, "at least one Azure Container Registry the cluster pulls from");
    }
    const seen = new Set<string>();
    return registries.map((registry, index) => {
      const parsed = parseAzureResourceId(this, `registries[${index}].registryId`, registry.registryId, AzureResourceIdFormats.CONTAINER_REGISTRY);
      const name = parsed?.name ?? Fn.element(Fn.split("/", registry.registryId), 8);
      const subscriptionId = parsed?.subscriptionId ?? Fn.element(Fn.split("/", registry.registryId), 2);
      const key = registry.key ?? parsed?.name.toLowerCase();
      if (key === undefined) {
        invalidValue(this, `registries[${index}].key`, undefined, "a key, because registryId is a reference", "The key names the registry's role assignment in the Terraform address, so it must be known at synth.");
      }
      validatePattern(this, `registries[${index}].key`, key, REGISTRY_KEY, "1-50 lowercase letters, digits or hyphens");
      if (seen.has(key)) invalidValue(this, `registries[${index}].key`, key, "a key no other registry has");
      seen.add(key);
      return { id: parsed?.id ?? registry.registryId, name, key, subscriptionId };
    });
  }
}

/** `major.minor[.patch]` compared with a `major.minor` minimum. */
function atLeastVersion(version: string, minimum: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  const [minMajor, minMinor] = minimum.split(".").map(Number);
  if (Number.isNaN(major) || Number.isNaN(minor)) return true;
  return major > minMajor || (major === minMajor && minor >= minMinor);
}
