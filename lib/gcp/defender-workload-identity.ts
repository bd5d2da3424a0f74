import { IamWorkloadIdentityPool } from "@cdktf/provider-google/lib/iam-workload-identity-pool";
import { IamWorkloadIdentityPoolProvider } from "@cdktf/provider-google/lib/iam-workload-identity-pool-provider";
import { Fn, TerraformIterator, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import {
  DEFENDER_GCP_ATTRIBUTE_MAPPING,
  DEFENDER_OIDC_ISSUER,
  DEFENDER_TENANT_ID,
  DefenderGcpOidcProvider,
  DefenderGcpPool,
  DefenderGcpProvider,
} from "../core/catalog";
import { DefenderValidationError, invalidValue } from "../core/errors";
import {
  gcpWorkloadIdentityPoolName,
  gcpWorkloadIdentityPoolPrincipalSet,
  gcpWorkloadIdentityProviderName,
  validateGcpProjectId,
  validateGcpProjectNumber,
  validateWorkloadIdentityId,
} from "../core/gcp-identifiers";
import { isGuid, isUnresolved, validateGuid } from "../core/validation";
import { checkProps } from "../core/check-props";

/** Props of {@link DefenderWorkloadIdentity}. */
export interface DefenderWorkloadIdentityProps {
  /** ID of the GCP project the security connector covers (where the pool is created). */
  readonly projectId: string;
  /**
   * Number of that project. Full resource names and the `principalSet` that IAM bindings and the
   * connector use are built from the number, not the ID.
   */
  readonly projectNumber: string;
  /**
   * Your Azure (Entra) tenant GUID: the tenant of the subscription that holds the security
   * connector. The default pool ID is this GUID without hyphens, as Defender's onboarding names it.
   * Not Defender's own tenant (33e01921-…), which is the token issuer and is set for you.
   * @default - required unless `poolId` is given
   */
  readonly tenantId?: string;
  /**
   * Pool ID, when it must differ from the tenant-derived default (for example a pool that
   * Defender's portal script already created with another ID). 4-32 lowercase letters, digits
   * or hyphens, not starting with `gcp-`. The connector reads the pool ID back from GCP, so check
   * it with a GET of the connector after apply.
   * @default - `tenantId` without hyphens, lowercase (32 characters)
   */
  readonly poolId?: string;
  /**
   * Create the `containers-streams` provider used by the data-collection account
   * (`ms-defender-containers-stream`). Turn off only when audit-log collection is off.
   * @default true
   */
  readonly dataCollection?: boolean;
  /**
   * Pool display name (at most 32 characters).
   * @default "Microsoft Defender for Cloud"
   */
  readonly displayName?: string;
  /**
   * google provider (usually an alias) of the project.
   * @default - the stack's default google provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * The workload identity pool Microsoft Defender for Cloud signs in to a GCP project through, with
 * the OIDC providers Defender for Containers uses (`containers`, `containers-streams`): issuer
 * Defender's Entra tenant, `google.subject = assertion.sub`, one allowed audience each.
 *
 * The providers are one `google_iam_workload_identity_pool_provider` with `for_each` keyed by
 * provider ID. Deleting a pool or provider keeps its ID reserved for 30 days (GCP soft delete):
 * re-creating it under the same ID within that time fails until it is undeleted.
 *
 * @example
 * const wif = new DefenderWorkloadIdentity(this, "wif", {
 *   projectId: "prod-gke", projectNumber: "123456789012", tenantId: "8efa1c55-953c-42df-a19d-d4599e4c64d4",
 * });
 */
export class DefenderWorkloadIdentity extends Construct {
  /** The pool. */
  public readonly pool: IamWorkloadIdentityPool;
  /** The OIDC providers: one resource, `for_each` keyed by provider ID. */
  public readonly providers: IamWorkloadIdentityPoolProvider;
  /** Project ID. */
  public readonly projectId: string;
  /** Project number. */
  public readonly projectNumber: string;
  /** Pool ID (the last part of the pool name). */
  public readonly poolId: string;
  /** `projects/<number>/locations/global/workloadIdentityPools/<pool>`. */
  public readonly poolName: string;
  /** `principalSet://iam.googleapis.com/<poolName>/*`: every identity of the pool, for `workloadIdentityUser` bindings. */
  public readonly principalSet: string;
  /** ID of the provider for the Containers accounts (the connector's `workloadIdentityProviderId`): `containers`. */
  public readonly containersProviderId: string;
  /** ID of the data-collection provider, `containers-streams`; undefined when `dataCollection` is off. */
  public readonly containersStreamsProviderId?: string;
  /** IDs of every provider created, sorted. */
  public readonly providerIds: string[];
  /** Full resource name of each provider created, by provider ID. */
  public readonly providerNames: Readonly<Record<string, string>>;
  /** The google provider the resources use (undefined: the stack default). */
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: DefenderWorkloadIdentityProps) {
    super(scope, id);
    checkProps(this, props, "DefenderWorkloadIdentityProps");
    this.projectId = validateGcpProjectId(this, "projectId", props.projectId);
    this.projectNumber = validateGcpProjectNumber(this, "projectNumber", props.projectNumber);
    this.poolId = this.resolvePoolId(props);
    this.provider = props.provider;
    const displayName = props.displayName ?? DefenderGcpPool.DISPLAY_NAME;
    if (!isUnresolved(displayName) && (displayName.length === 0 || displayName.length > 32)) {
      invalidValue(this, "displayName", displayName, "a display name of 1-32 characters");
    }

    const providers: DefenderGcpOidcProvider[] = [DefenderGcpProvider.CONTAINERS];
    if (props.dataCollection ?? true) providers.push(DefenderGcpProvider.CONTAINERS_STREAMS);
    this.providerIds = providers.map((p) => p.id).sort();
    this.containersProviderId = DefenderGcpProvider.CONTAINERS.id;
    this.containersStreamsProviderId = (props.dataCollection ?? true) ? DefenderGcpProvider.CONTAINERS_STREAMS.id : undefined;
    this.poolName = gcpWorkloadIdentityPoolName(this.projectNumber, this.poolId);
    this.principalSet = gcpWorkloadIdentityPoolPrincipalSet(this.projectNumber, this.poolId);
    this.providerNames = Object.freeze(
      Object.fromEntries(this.providerIds.map((pid) => [pid, gcpWorkloadIdentityProviderName(this.projectNumber, this.poolId, pid)])),
    );

    this.pool = new IamWorkloadIdentityPool(this, "pool", {
      project: this.projectId,
      workloadIdentityPoolId: this.poolId,
      displayName,
      description: DefenderGcpPool.DESCRIPTION,
      provider: this.provider,
    });

    const byId = Object.fromEntries(
      [...providers].sort((a, b) => a.id.localeCompare(b.id)).map((p) => [p.id, { audience: p.audience, description: p.description }]),
    );
    const each = TerraformIterator.fromMap(byId);
    this.providers = new IamWorkloadIdentityPoolProvider(this, "providers", {
      forEach: each,
      project: this.projectId,
      // The attribute (not the literal ID) orders each provider after the pool.
      workloadIdentityPoolId: this.pool.workloadIdentityPoolId,
      workloadIdentityPoolProviderId: each.key,
      description: each.getString("description"),
      attributeMapping: { ...DEFENDER_GCP_ATTRIBUTE_MAPPING },
      oidc: { issuerUri: DEFENDER_OIDC_ISSUER, allowedAudiences: [each.getString("audience")] },
      provider: this.provider,
    });
  }

  /** Full resource name of a provider created here; throws for a provider this construct did not create. */
  public providerName(providerId: string): string {
    const name = this.providerNames[providerId];
    if (name === undefined) {
      throw new DefenderValidationError(this, `providerName: got ${JSON.stringify(providerId)}; expected one of ${this.providerIds.join(", ")}.`);
    }
    return name;
  }

  private resolvePoolId(props: DefenderWorkloadIdentityProps): string {
    if (props.poolId !== undefined) {
      const hint =
        typeof props.poolId === "string" && isGuid(props.poolId)
          ? "A tenant GUID does not fit with its hyphens: pass it as tenantId and the pool ID becomes the GUID without hyphens (32 characters)."
          : undefined;
      return validateWorkloadIdentityId(this, "poolId", props.poolId, hint);
    }
    if (props.tenantId === undefined) {
      invalidValue(this, "tenantId", undefined, "your Azure tenant GUID (the default pool ID is derived from it), or poolId to name the pool yourself");
    }
    const tenantId = validateGuid(this, "tenantId", props.tenantId);
    if (isUnresolved(tenantId)) return Fn.lower(Fn.replace(tenantId, "-", ""));
    if (tenantId.toLowerCase() === DEFENDER_TENANT_ID) {
      invalidValue(
        this,
        "tenantId",
        tenantId,
        "your own Azure tenant GUID",
        "This is Microsoft Defender for Cloud's tenant, which issues the tokens and is already set as the providers' issuer.",
      );
    }
    return DefenderGcpPool.poolIdFromTenantId(tenantId);
  }
}
