import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { Construct } from "constructs";
import { DefenderValidationError } from "../core/errors";
import { addIgnoreChanges, ignoresAttribute } from "../core/lifecycle";
import { checkProps } from "../core/check-props";

/** Props of {@link AksPolicyAddon}. */
export interface AksPolicyAddonProps {
  /** An `azurerm_kubernetes_cluster` defined in this app. */
  readonly cluster: KubernetesCluster;
  /**
   * Add `azure_policy_enabled` to the cluster's `lifecycle.ignore_changes`, for clusters where the
   * DINE policy a8eff44f… also manages the add-on.
   * @default false
   */
  readonly ignorePolicyChanges?: boolean;
  /**
   * `false` turns the add-on off: `azure_policy_enabled = false`, and AKS removes the add-on
   * (`addonProfiles.azurepolicy.enabled = false`: its Azure Policy and Gatekeeper pods go). Policy
   * assignments stay and report the cluster as non-compliant; where the DINE policy a8eff44f… is
   * assigned it turns the add-on on again.
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * Turns on (or, with `enabled: false`, off) the Azure Policy add-on (`azure_policy_enabled`) for
 * an AKS cluster defined in the same app. Defender for Containers uses it to audit and enforce Kubernetes data-plane
 * recommendations (pod security, image sources) from Azure Policy.
 */
export class AksPolicyAddon extends Construct {
  /** The cluster the add-on was turned on (or off) for. */
  public readonly cluster: KubernetesCluster;
  /** Whether the add-on is on. */
  public readonly enabled: boolean;

  constructor(scope: Construct, id: string, props: AksPolicyAddonProps) {
    super(scope, id);
    checkProps(this, props, "AksPolicyAddonProps");
    this.cluster = props.cluster;
    this.enabled = props.enabled ?? true;
    if (!this.enabled && props.ignorePolicyChanges) {
      throw new DefenderValidationError(
        this,
        "ignorePolicyChanges: got true with enabled false; expected false — ignore_changes on azure_policy_enabled would keep the add-on on.",
      );
    }
    // An explicit false rather than an absent attribute, so the plan reads `true -> false`.
    props.cluster.azurePolicyEnabled = this.enabled;
    if (props.ignorePolicyChanges) addIgnoreChanges(props.cluster, ["azure_policy_enabled"]);
    if (!this.enabled) {
      this.node.addValidation({
        validate: () =>
          ignoresAttribute(this.cluster, "azure_policy_enabled")
            ? [`enabled: got false, but ${this.cluster.node.path} ignores changes to azure_policy_enabled; expected no such lifecycle.ignore_changes entry, or the add-on stays on.`]
            : [],
      });
    }
  }
}
