import { ArcKubernetesClusterExtension } from "@cdktf/provider-azurerm/lib/arc-kubernetes-cluster-extension";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ArcExtension } from "../core/catalog";
import { ArcClusterTargets, ArcReleaseTrain } from "./arc-defender-sensor";
import { newArcExtension } from "./private/arc-extension";
import { checkProps } from "../core/check-props";

/** Props of {@link ArcPolicyExtension}. */
export interface ArcPolicyExtensionProps extends ArcClusterTargets {
  /**
   * Release train.
   * @default ArcReleaseTrain.STABLE
   */
  readonly releaseTrain?: ArcReleaseTrain;
  /**
   * Pin an extension version.
   * @default - latest, auto-upgraded
   */
  readonly version?: string;
  /**
   * azurerm provider.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * Azure Policy for Kubernetes on Arc-enabled clusters: the `microsoft.policyinsights` cluster
 * extension named `azurepolicy` in `kube-system`, as the built-in policy 0adc5395… installs it.
 * Defender for Containers uses it for its Kubernetes data-plane recommendations.
 *
 * For a fleet (`clusterIds`) it emits one resource with `for_each`, keyed by cluster name.
 */
export class ArcPolicyExtension extends Construct {
  /** The extension resource (with `for_each` for a fleet). */
  public readonly extension: ArcKubernetesClusterExtension;
  /** The `for_each` keys, sorted; empty for a single cluster. */
  public readonly clusterKeys: string[];
  /** The cluster IDs (canonical casing for literals), in key order. */
  public readonly clusterIds: string[];

  constructor(scope: Construct, id: string, props: ArcPolicyExtensionProps) {
    super(scope, id);
    checkProps(this, props, "ArcPolicyExtensionProps");
    const result = newArcExtension(this, props, {
      name: ArcExtension.POLICY.name,
      extensionType: ArcExtension.POLICY.extensionType,
      releaseNamespace: ArcExtension.POLICY.releaseNamespace,
      releaseTrain: props.releaseTrain ?? ArcReleaseTrain.STABLE,
      version: props.version,
      identity: { type: "SystemAssigned" },
      provider: props.provider,
    });
    this.extension = result.extension;
    this.clusterKeys = result.clusterKeys;
    this.clusterIds = result.clusterIds;
  }
}
