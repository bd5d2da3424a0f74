import { ManagementGroupPolicyExemption } from "@cdktf/provider-azurerm/lib/management-group-policy-exemption";
import { ResourceGroupPolicyExemption } from "@cdktf/provider-azurerm/lib/resource-group-policy-exemption";
import { ResourcePolicyExemption } from "@cdktf/provider-azurerm/lib/resource-policy-exemption";
import { SubscriptionPolicyExemption } from "@cdktf/provider-azurerm/lib/subscription-policy-exemption";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ExemptionCategory, mcsbDefaultAssignmentId } from "../core/catalog/exemptions";
import { DefenderValidationError, invalidValue } from "../core/errors";
import { PolicyScopeType, resolvePolicyScope, subscriptionOfScope } from "../core/policy-scope";
import { isUnresolved, validateNonEmptyUnique, validatePattern } from "../core/validation";
import { validateExpiry, validateJustification } from "./private/expiry";

/**
 * What an exemption covers; decides which azurerm `*_policy_exemption` resource carries it. The
 * three container scopes have the values of {@link PolicyScopeType} (a test holds them equal).
 */
export enum ExemptionScopeType {
  /** One resource (a cluster, a registry): `azurerm_resource_policy_exemption`. */
  RESOURCE = "resource",
  /** A resource group: `azurerm_resource_group_policy_exemption`. */
  RESOURCE_GROUP = "resourceGroup",
  /** A subscription: `azurerm_subscription_policy_exemption`. */
  SUBSCRIPTION = "subscription",
  /** A management group: `azurerm_management_group_policy_exemption`. */
  MANAGEMENT_GROUP = "managementGroup",
}

/** Props of {@link DefenderRecommendationExemption}. */
export interface DefenderRecommendationExemptionProps {
  /**
   * What is exempted: a resource ID (e.g. an AKS cluster's), a resource group ID
   * (`/subscriptions/<GUID>/resourceGroups/<name>`), a subscription ID (`/subscriptions/<GUID>`) or a
   * management group ID (`/providers/Microsoft.Management/managementGroups/<id>`).
   */
  readonly scope: string;
  /**
   * The kind of {@link scope}; read from the ID's form when it is a literal, required when it is a
   * reference (e.g. `cluster.id`).
   * @default - from the form of `scope`
   */
  readonly scopeType?: ExemptionScopeType;
  /** Exemption name: 1-64 characters, none of `< > * % & : \ ? . + /`, not ending with a space. */
  readonly name: string;
  /**
   * The recommendations exempted: `policyDefinitionReferenceId`s in the initiative of
   * {@link policyAssignmentId}, e.g. `DefenderRecommendation.RUNNING_IMAGE_VULNERABILITIES`. At
   * least one: an exemption without them would cover every recommendation of the initiative.
   */
  readonly recommendations: string[];
  /** Mitigated (handled elsewhere) or Waiver (risk accepted). */
  readonly category: ExemptionCategory;
  /**
   * Why (at least 20 characters: who decided, ticket, compensating control). Becomes the
   * exemption's description, which the portal shows next to the exempted resource.
   */
  readonly justification: string;
  /**
   * When the exemption ends, ISO-8601 UTC (`2026-12-31T23:59:59Z`). Required unless
   * `neverExpires` is set: exemptions must not live forever. Once passed, the recommendation
   * applies again; with the context key `defender-for-containers:referenceDate` set (CI's date), a
   * date not after it is reported as a warning at synth.
   * @default - none (then `neverExpires` is required)
   */
  readonly expiresOn?: string;
  /**
   * Waive the expiry. Needs `neverExpiresJustification`, which is added to the description.
   * @default false
   */
  readonly neverExpires?: boolean;
  /**
   * Why this exemption may never expire (at least 20 characters).
   * @default - none
   */
  readonly neverExpiresJustification?: string;
  /**
   * The initiative assignment whose recommendations are exempted.
   * @default - Defender for Cloud's MCSB assignment of the scope's subscription,
   * `/subscriptions/<id>/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn`;
   * required for a management group scope or a referenced scope
   */
  readonly policyAssignmentId?: string;
  /**
   * Display name.
   * @default - the name
   */
  readonly displayName?: string;
  /**
   * azurerm provider.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/** An azurerm policy exemption of any of the four scopes. */
export type PolicyExemptionResource = ResourcePolicyExemption | ResourceGroupPolicyExemption | SubscriptionPolicyExemption | ManagementGroupPolicyExemption;

/** ARM naming rules of `Microsoft.Authorization/policyExemptions`. */
const EXEMPTION_NAME = /^[^<>*%&:\\?.+/]{0,63}[^<>*%&:\\?.+/ ]$/;
const REFERENCE_ID = /^\S+$/;
/** A resource below a resource group: `/subscriptions/<GUID>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>[/…]`. */
const RESOURCE_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/[A-Za-z0-9.]+\/[^/]+\/[^/]+(\/[^/]+\/[^/]+)*$/i;
const ASSIGNMENT_ID =
  /^((?:\/subscriptions\/[0-9a-f-]{36}(?:\/resourceGroups\/[^/]+)?)|(?:\/providers\/Microsoft\.Management\/managementGroups\/[^/]+))\/providers\/Microsoft\.Authorization\/policyAssignments\/[^/]+$/i;

/**
 * Exempts a resource, resource group, subscription or management group from Defender for Cloud
 * recommendations with an Azure Policy exemption (`Microsoft.Authorization/policyExemptions`, one
 * azurerm `*_policy_exemption` resource): the replacement of the disable rules that end with
 * grouped recommendations on 2026-07-31 (defender-docs `transition-disable-rules-exemptions.md`).
 *
 * Like {@link AlertSuppressionRule}, an exemption must expire unless explicitly waived, and must
 * say why. An exemption covers the recommendations of ONE initiative assignment (by default
 * Defender's MCSB assignment `SecurityCenterBuiltIn`); a recommendation that other assigned
 * initiatives also contain needs an exemption per assignment (defender-docs `exempt-resource.md`).
 * CVE-level exemptions (`Microsoft.Security/standardAssignments`) are not policy exemptions and are
 * not modelled here. Creating exemptions needs Security Admin, Owner or Resource Policy Contributor
 * on the scope.
 */
export class DefenderRecommendationExemption extends Construct {
  /** The azurerm policy exemption. */
  public readonly exemption: PolicyExemptionResource;
  /** What kind of scope it covers. */
  public readonly scopeType: ExemptionScopeType;
  /** The assignment whose recommendations are exempted. */
  public readonly policyAssignmentId: string;

  constructor(scope: Construct, id: string, props: DefenderRecommendationExemptionProps) {
    super(scope, id);
    validatePattern(this, "name", props.name, EXEMPTION_NAME, "1-64 characters without < > * % & : \\ ? . + /, not ending with a space");
    if (!Object.values(ExemptionCategory).includes(props.category)) {
      invalidValue(this, "category", props.category, `one of ${Object.values(ExemptionCategory).join(", ")}`);
    }
    const target = this.resolveScope(props);
    this.scopeType = target.type;
    const recommendations = validateNonEmptyUnique(this, "recommendations", props.recommendations, (r) => r, "recommendation");
    recommendations.forEach((r, i) => validatePattern(this, `recommendations[${i}]`, r, REFERENCE_ID, "a policyDefinitionReferenceId such as DefenderRecommendation.RUNNING_IMAGE_VULNERABILITIES"));
    const justification = validateJustification(this, "justification", props.justification);
    const expiresOn = validateExpiry(
      this,
      { date: props.expiresOn, neverExpires: props.neverExpires, neverExpiresJustification: props.neverExpiresJustification },
      {
        dateProp: "expiresOn",
        things: "exemptions",
        whenPast: "the exemption has ended and the recommendations apply again",
        remedy: "Extend the date or remove the exemption.",
      },
    );
    this.policyAssignmentId = this.assignment(props, target);

    const common = {
      name: props.name,
      displayName: props.displayName ?? props.name,
      policyAssignmentId: this.policyAssignmentId,
      policyDefinitionReferenceIds: [...recommendations],
      exemptionCategory: props.category,
      description: props.neverExpires ? `${justification} | Never expires: ${props.neverExpiresJustification!.trim()}` : justification,
      expiresOn,
      provider: props.provider,
    };
    switch (target.type) {
      case ExemptionScopeType.RESOURCE:
        this.exemption = new ResourcePolicyExemption(this, "exemption", { ...common, resourceId: target.id });
        break;
      case ExemptionScopeType.RESOURCE_GROUP:
        this.exemption = new ResourceGroupPolicyExemption(this, "exemption", { ...common, resourceGroupId: target.id });
        break;
      case ExemptionScopeType.SUBSCRIPTION:
        this.exemption = new SubscriptionPolicyExemption(this, "exemption", { ...common, subscriptionId: target.id });
        break;
      default:
        this.exemption = new ManagementGroupPolicyExemption(this, "exemption", { ...common, managementGroupId: target.id });
    }
  }

  private resolveScope(props: DefenderRecommendationExemptionProps): { type: ExemptionScopeType; id: string; subscriptionId?: string } {
    const given = props.scopeType;
    if (given !== undefined && !Object.values(ExemptionScopeType).includes(given)) {
      invalidValue(this, "scopeType", given, `one of ${Object.values(ExemptionScopeType).join(", ")}`);
    }
    if (isUnresolved(props.scope)) {
      if (given === undefined) {
        invalidValue(this, "scopeType", given, "an ExemptionScopeType when scope is an unresolved reference, since the exemption resource type is chosen from the ID's form");
      }
      return { type: given, id: props.scope };
    }
    if (typeof props.scope === "string" && RESOURCE_ID.test(props.scope)) {
      if (given !== undefined && given !== ExemptionScopeType.RESOURCE) {
        throw new DefenderValidationError(this, `scopeType: got "${given}" but scope ${JSON.stringify(props.scope)} is a resource ID; expected them to agree (or leave scopeType unset).`);
      }
      return { type: ExemptionScopeType.RESOURCE, id: props.scope, subscriptionId: props.scope.split("/")[2] };
    }
    if (given === ExemptionScopeType.RESOURCE) {
      invalidValue(this, "scope", props.scope, "a resource ID such as /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/<name>");
    }
    const policyScope = resolvePolicyScope(this, "scope", props.scope, given as PolicyScopeType | undefined);
    return { type: policyScope.type as unknown as ExemptionScopeType, id: policyScope.id, subscriptionId: subscriptionOfScope(policyScope) };
  }

  private assignment(props: DefenderRecommendationExemptionProps, target: { type: ExemptionScopeType; id: string; subscriptionId?: string }): string {
    const value = props.policyAssignmentId;
    if (value === undefined) {
      if (target.subscriptionId === undefined) {
        invalidValue(
          this,
          "policyAssignmentId",
          value,
          "the ID of the initiative assignment to exempt from",
          target.type === ExemptionScopeType.MANAGEMENT_GROUP
            ? "A management group has no default Defender assignment: give the assignment of the MCSB initiative at that management group."
            : "The default (the subscription's SecurityCenterBuiltIn assignment) needs a literal scope.",
        );
      }
      return mcsbDefaultAssignmentId(target.subscriptionId);
    }
    if (isUnresolved(value)) return value;
    const match = typeof value === "string" ? ASSIGNMENT_ID.exec(value) : null;
    if (!match) {
      invalidValue(this, "policyAssignmentId", value, "a policy assignment ID such as /subscriptions/<GUID>/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn");
    }
    // An exemption must lie at or below its assignment's scope; a management group's members are not known at synth.
    const assignmentScope = match[1];
    if (!isUnresolved(target.id) && assignmentScope.toLowerCase().startsWith("/subscriptions/") && !`${target.id.toLowerCase()}/`.startsWith(`${assignmentScope.toLowerCase()}/`)) {
      throw new DefenderValidationError(
        this,
        `policyAssignmentId: got ${JSON.stringify(value)}, assigned at ${assignmentScope}; expected an assignment at or above the exempted scope ${target.id}.`,
      );
    }
    return value;
  }
}
