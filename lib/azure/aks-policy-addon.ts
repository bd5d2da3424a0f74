import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { Construct } from "constructs";
import { addIgnoreChanges } from "../core/lifecycle";

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
}

/**
 * Turns on the Azure Policy add-on (`azure_policy_enabled`) for an AKS cluster defined in the same
 * app. Defender for Containers uses it to audit and enforce Kubernetes data-plane
 * recommendations (pod security, image sources) from Azure Policy.
 */
export class AksPolicyAddon extends Construct {
  /** The cluster the add-on was turned on for. */
  public readonly cluster: KubernetesCluster;

  constructor(scope: Construct, id: string, props: AksPolicyAddonProps) {
    super(scope, id);
    this.cluster = props.cluster;
    props.cluster.azurePolicyEnabled = true;
    if (props.ignorePolicyChanges) addIgnoreChanges(props.cluster, ["azure_policy_enabled"]);
  }
}
