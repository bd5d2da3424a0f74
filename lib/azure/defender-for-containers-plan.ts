import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import {
  SecurityCenterSubscriptionPricing,
  SecurityCenterSubscriptionPricingExtension,
} from "@cdktf/provider-azurerm/lib/security-center-subscription-pricing";
import { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import {
  armBoolean,
  containersPricingId,
  CONTAINERS_PRICING_RESOURCE_TYPE,
  PlanExtension,
  PlanExtensionProperty,
  SENSOR_INSTALLATION_METHOD_AKS_ADDON,
} from "../core/catalog";
import { DefenderValidationError } from "../core/errors";
import { ImportBlock, RemovedBlock } from "../core/terraform-blocks";
import { setPreventDestroy } from "../core/lifecycle";
import { isUnresolved, validateGuid } from "../core/validation";
import { checkProps } from "../core/check-props";

/** Pricing tier of the Defender for Containers plan. */
export enum PlanTier {
  /** Defender for Containers on: billed per vCore of protected clusters. */
  STANDARD = "Standard",
  /** Plan off. Extensions cannot be enabled on this tier. */
  FREE = "Free",
}

/** A tag that excludes machines from agentless scanning. */
export interface VmScanningExclusionTag {
  /** Tag name. */
  readonly key: string;
  /** Tag value. */
  readonly value: string;
}

/**
 * The subscription's Containers plan, as the constructs that depend on it take it: a
 * {@link DefenderForContainersPlan} of this app, or {@link DefenderForContainersPlan.fromAttributes} for a
 * plan another stack or team manages (no dependency is added then).
 */
export interface IDefenderPlan {
  /** The pricing resource, for `depends_on`; undefined for a plan this app does not manage. */
  readonly pricing?: ITerraformDependable;
  /** The plan's tier. */
  readonly tier: PlanTier;
  /** The extensions the plan turns on. */
  readonly enabledExtensions: readonly string[];
}

/** Attributes of a plan this app does not manage, for {@link DefenderForContainersPlan.fromAttributes}. */
export interface DefenderPlanAttributes {
  /**
   * The plan's tier.
   * @default PlanTier.STANDARD
   */
  readonly tier?: PlanTier;
  /**
   * The extensions the plan turns on.
   * @default - none known
   */
  readonly enabledExtensions?: readonly string[];
}

/** Props of {@link DefenderForContainersPlan}. */
export interface DefenderForContainersPlanProps {
  /**
   * Pricing tier. With {@link PlanTier.FREE} every extension defaults to off, and turning one on is an error.
   * @default PlanTier.STANDARD
   */
  readonly tier?: PlanTier;
  /**
   * The Defender sensor (`ContainerSensor`): runtime threat detection on the nodes.
   * @default true on Standard
   */
  readonly sensor?: boolean;
  /**
   * Security gating (`SecurityGatingEnabled` on the sensor): admission decisions based on image findings.
   * Only meaningful with the sensor on.
   * @default true
   */
  readonly securityGating?: boolean;
  /**
   * Anti-malware in the sensor (`AntiMalwareEnabled`).
   * @default true
   */
  readonly antiMalware?: boolean;
  /**
   * Let Defender install the sensor on AKS clusters automatically (`AutoProvisioning`).
   * Turn off when every cluster gets the sensor from Terraform or policy instead. Clusters tagged
   * `ms_defender_container_exclude_sensors=true` are skipped (`AksSensorExclusion`).
   *
   * Written as `"True"`/`"False"`. Decision (docs/facts-and-decisions.md, "AutoProvisioning
   * casing"): Microsoft's Terraform quickstart Azure/terraform `quickstart/101-aks-defender-containers/
   * main.tf` (PR #498, merged 2026-08) writes `"True"` and passes its idempotency check (a second
   * plan after apply is empty) every week through 2026-09-27 on azurerm 4.81, so the service keeps
   * the casing it is sent. A portal-enabled plan reads back `"true"` (a GET of 2025-11); adopting
   * such a plan shows a one-time in-place update, not a perpetual diff.
   * @default true
   */
  readonly sensorAutoProvisioning?: boolean;
  /**
   * Agentless discovery for Kubernetes (`AgentlessDiscoveryForKubernetes`; portal: "Kubernetes API access").
   * @default true on Standard
   */
  readonly agentlessDiscovery?: boolean;
  /**
   * Vulnerability assessment of container registry images (`ContainerRegistriesVulnerabilityAssessments`).
   * @default true on Standard
   */
  readonly registryVulnerabilityAssessment?: boolean;
  /**
   * Agentless scanning of node machines (`AgentlessVmScanning`).
   * @default true on Standard
   */
  readonly agentlessVmScanning?: boolean;
  /**
   * Machines with any of these tags are not scanned agentlessly. Written to the `ExclusionTags`
   * property as a JSON list of `{"key","value"}` objects.
   * @default - no exclusions (`"[]"`, the value the service returns)
   */
  readonly vmScanningExclusionTags?: VmScanningExclusionTag[];
  /**
   * Share security findings with other Microsoft services (`ContainerIntegrityContribution`).
   * @default true on Standard
   */
  readonly integrityContribution?: boolean;
  /**
   * Subscription the plan applies to. The pricing resource has no scope argument: the
   * subscription comes from the azurerm provider. When this is set and `provider` is not, the
   * construct creates an aliased azurerm provider for this subscription.
   * It is also the subscription part of the import ID for `importExisting`.
   * @default - the subscription of `provider`, or of the stack's default azurerm provider
   */
  readonly subscriptionId?: string;
  /**
   * azurerm provider (usually an alias) whose subscription gets the plan.
   * @default - a provider for `subscriptionId` if given, else the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
  /**
   * Adopt a plan that is already enabled instead of failing on create. azurerm refuses to create
   * the pricing when the tier is not Free ("already exists - to be managed via Terraform this
   * resource needs to be imported"), so this emits a Terraform `import` block for
   * `/subscriptions/<subscriptionId>/providers/Microsoft.Security/pricings/Containers`.
   * Requires `subscriptionId` and Terraform >= 1.5. The block is harmless once imported.
   * @default false
   */
  readonly importExisting?: boolean;
  /**
   * Set `prevent_destroy` on the pricing. Destroying this resource does not delete anything: the
   * provider sets the subscription's Containers plan to Free, which turns Defender for Containers
   * off for every cluster and team in the subscription. Keep this on: to downgrade, set
   * `tier: PlanTier.FREE` (an in-place update that `prevent_destroy` does not block); to stop
   * managing the plan without downgrading, use {@link DefenderForContainersPlan.stopManaging}.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * @deprecated Use `preventDestroy`, the name `DefenderWorkspace` and Terraform use; kept until 0.2.
   * @default true
   */
  readonly protectFromDestroy?: boolean;
}

/** Props of {@link DefenderForContainersPlan.stopManaging}. */
export interface StopManagingPlanProps {
  /**
   * The `subscriptionId` the plan was created with, when it was created without `provider`: the
   * plan then made an aliased azurerm provider, and Terraform still needs that provider
   * configuration while it forgets the pricing. Recreated here with the same alias.
   * @default - no provider is recreated (the plan used the stack's default or your own provider)
   */
  readonly subscriptionId?: string;
}

/**
 * The Defender for Containers plan of one subscription: `azurerm_security_center_subscription_pricing`
 * with `resource_type = "Containers"` and typed extension toggles.
 *
 * The `additional_extension_properties` the service adds are pinned, so a second `terraform plan`
 * after apply is empty. Extensions left off are sent as disabled by the provider.
 *
 * @example
 * new DefenderForContainersPlan(this, "plan", { vmScanningExclusionTags: [{ key: "scan", value: "off" }] });
 */
export class DefenderForContainersPlan extends Construct implements IDefenderPlan {
  /**
   * Stop managing a plan from Terraform without downgrading the subscription. Replace
   * `new DefenderForContainersPlan(scope, id, ...)` with `DefenderForContainersPlan.stopManaging(scope, id, ...)`
   * (same scope and id): it emits `removed { from = <the pricing's address>, lifecycle { destroy = false } }`
   * (Terraform >= 1.7), so the next apply drops the pricing from state and the subscription stays
   * on its current tier. After that apply the line can be deleted.
   *
   * This is the "keep on destroy" path; to downgrade, set `tier: PlanTier.FREE` instead.
   * @returns the construct standing in place of the plan
   */
  /** A plan this app does not manage (another stack's or team's), for props that take an {@link IDefenderPlan}. */
  public static fromAttributes(attrs: DefenderPlanAttributes = {}): IDefenderPlan {
    return { tier: attrs.tier ?? PlanTier.STANDARD, enabledExtensions: [...(attrs.enabledExtensions ?? [])] };
  }

  public static stopManaging(scope: Construct, id: string, props: StopManagingPlanProps = {}): Construct {
    const placeholder = new Construct(scope, id);
    if (props.subscriptionId !== undefined) {
      validateGuid(placeholder, "subscriptionId", props.subscriptionId);
      planProvider(placeholder, props.subscriptionId);
    }
    // Same path as the plan's pricing ("<id>/pricing"), hence the same logical ID and address.
    new RemovedBlock(placeholder, "pricing", { resourceType: SecurityCenterSubscriptionPricing.tfResourceType });
    return placeholder;
  }

  /** The pricing resource. */
  public readonly pricing: SecurityCenterSubscriptionPricing;
  /** The tier set on the plan. */
  public readonly tier: PlanTier;
  /** Names of the extensions turned on, in emission order. */
  public readonly enabledExtensions: string[];
  /** The provider the plan uses: given, created for `subscriptionId`, or undefined for the stack default. */
  public readonly provider?: TerraformProvider;
  /** Whether Defender installs the sensor on AKS clusters itself (the sensor on, with `AutoProvisioning`). */
  public readonly sensorAutoProvisioning: boolean;

  constructor(scope: Construct, id: string, props: DefenderForContainersPlanProps = {}) {
    super(scope, id);
    checkProps(this, props, "DefenderForContainersPlanProps");
    this.tier = props.tier ?? PlanTier.STANDARD;
    if (props.subscriptionId !== undefined) validateGuid(this, "subscriptionId", props.subscriptionId);
    const extensions = this.buildExtensions(props);
    this.enabledExtensions = extensions.map((e) => e.name);
    this.sensorAutoProvisioning = this.enabledExtensions.includes(PlanExtension.CONTAINER_SENSOR) && (props.sensorAutoProvisioning ?? true);

    this.provider = props.provider ?? (props.subscriptionId ? planProvider(this, props.subscriptionId) : undefined);
    this.pricing = new SecurityCenterSubscriptionPricing(this, "pricing", {
      resourceType: CONTAINERS_PRICING_RESOURCE_TYPE,
      tier: this.tier,
      extension: extensions.length > 0 ? extensions : undefined,
      provider: this.provider,
    });
    setPreventDestroy(this.pricing, props.preventDestroy ?? props.protectFromDestroy ?? true);

    if (props.importExisting) {
      if (props.subscriptionId === undefined) {
        throw new DefenderValidationError(
          this,
          `importExisting: got true without subscriptionId; expected subscriptionId to be set, since the import ID is ${containersPricingId("<subscriptionId>")}.`,
        );
      }
      new ImportBlock(this, "import", { resource: this.pricing, importId: containersPricingId(props.subscriptionId) });
    }
  }

  private buildExtensions(props: DefenderForContainersPlanProps): SecurityCenterSubscriptionPricingExtension[] {
    const standard = this.tier === PlanTier.STANDARD;
    const toggles: [keyof DefenderForContainersPlanProps, string, (() => Record<string, string>)?][] = [
      ["sensor", PlanExtension.CONTAINER_SENSOR, () => this.sensorProperties(props)],
      ["agentlessDiscovery", PlanExtension.AGENTLESS_DISCOVERY],
      ["registryVulnerabilityAssessment", PlanExtension.REGISTRY_VULNERABILITY_ASSESSMENT],
      ["agentlessVmScanning", PlanExtension.AGENTLESS_VM_SCANNING, () => this.vmScanningProperties(props)],
      ["integrityContribution", PlanExtension.INTEGRITY_CONTRIBUTION],
    ];
    const extensions: SecurityCenterSubscriptionPricingExtension[] = [];
    for (const [prop, name, properties] of toggles) {
      const requested = props[prop] as boolean | undefined;
      if (!standard && requested) {
        throw new DefenderValidationError(
          this,
          `${prop}: got true with tier "${this.tier}"; expected tier "${PlanTier.STANDARD}" — the service rejects extensions on the Free tier.`,
        );
      }
      if (requested ?? standard) {
        extensions.push({ name, additionalExtensionProperties: properties?.() });
      }
    }
    if (!standard && props.vmScanningExclusionTags?.length) {
      throw new DefenderValidationError(
        this,
        `vmScanningExclusionTags: got ${JSON.stringify(props.vmScanningExclusionTags)} with tier "${this.tier}"; expected no tags on the Free tier.`,
      );
    }
    return extensions;
  }

  private sensorProperties(props: DefenderForContainersPlanProps): Record<string, string> {
    return {
      [PlanExtensionProperty.ANTI_MALWARE]: armBoolean(props.antiMalware ?? true),
      [PlanExtensionProperty.AUTO_PROVISIONING]: armBoolean(props.sensorAutoProvisioning ?? true),
      [PlanExtensionProperty.INSTALLATION_METHOD]: SENSOR_INSTALLATION_METHOD_AKS_ADDON,
      [PlanExtensionProperty.SECURITY_GATING]: armBoolean(props.securityGating ?? true),
    };
  }

  private vmScanningProperties(props: DefenderForContainersPlanProps): Record<string, string> {
    const tags = props.vmScanningExclusionTags ?? [];
    tags.forEach((tag, i) => {
      if (isUnresolved(tag.key) || isUnresolved(tag.value)) return;
      if (!tag.key || tag.key.length > 512 || /[<>%&\\?/]/.test(tag.key)) {
        throw new DefenderValidationError(
          this,
          `vmScanningExclusionTags[${i}].key: got ${JSON.stringify(tag.key)}; expected an Azure tag name of 1-512 characters without < > % & \\ ? /.`,
        );
      }
    });
    return { [PlanExtensionProperty.EXCLUSION_TAGS]: JSON.stringify(tags.map(({ key, value }) => ({ key, value }))) };
  }
}

/** The aliased azurerm provider a plan creates for its subscription (at `<plan>/provider`). */
function planProvider(scope: Construct, subscriptionId: string): AzurermProvider {
  return new AzurermProvider(scope, "provider", {
    // One pricing per subscription, so one alias per subscription is unique in a stack.
    alias: isUnresolved(subscriptionId) ? "defender_containers" : `defender_containers_${subscriptionId.replace(/-/g, "_")}`,
    subscriptionId,
    features: [{}],
  });
}
