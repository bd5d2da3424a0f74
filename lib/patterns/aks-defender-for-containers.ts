import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { Construct } from "constructs";
import { invalidValue } from "../core/errors";
import { AksAgentlessDiscovery } from "../azure/aks-agentless-discovery";
import { AksDefenderSensor } from "../azure/aks-defender-sensor";
import { AksPolicyAddon } from "../azure/aks-policy-addon";
import { TargetClusters } from "../azure/dine-policy-assignment";
import { DefenderPatternProps } from "./defender-pattern-props";
import { AzureDefenderPattern } from "./private/azure-defender-pattern";

/** Props of {@link AksDefenderForContainers}. */
export interface AksDefenderForContainersProps extends DefenderPatternProps {
  /**
   * AKS clusters defined in this app: each gets the sensor (reporting to the workspace) and,
   * with `policyAddon`, the Azure Policy add-on.
   * @default - none
   */
  readonly clusters?: KubernetesCluster[];
  /**
   * Azure Policy for the clusters: the add-on on `clusters`, and the add-on DINE assignment
   * (`a8eff44f…`) when `policyScopeId` is set.
   * @default true
   */
  readonly policyAddon?: boolean;
  /**
   * Guard `clusters` against the DINE policies' own writes (`lifecycle.ignore_changes` on
   * `microsoft_defender` and `azure_policy_enabled`).
   * @default - true when `policyScopeId` is set, so Terraform and the policy do not fight over the same cluster
   */
  readonly ignorePolicyChanges?: boolean;
  /**
   * Create the trusted-access bindings for agentless discovery on `clusters` and
   * `agentlessDiscoveryClusterIds`. Off by default: with the plan's agentless discovery on, Defender
   * creates the bindings itself, and a binding Terraform also creates would collide with it.
   * @default false
   */
  readonly agentlessDiscoveryBindings?: boolean;
  /**
   * Existing AKS clusters (literal IDs) that also get the bindings, with `agentlessDiscoveryBindings`.
   * @default - none
   */
  readonly agentlessDiscoveryClusterIds?: string[];
  /**
   * Assignment name prefix.
   * @default "mdc"
   */
  readonly namePrefix?: string;
}

/**
 * Defender for Containers for AKS, the way a platform team would turn it on: the plan with every
 * extension, a dedicated workspace (`prevent_destroy`), the sensor and policy add-on on the clusters
 * this app defines, and — for the clusters it does not define — the custom-workspace and policy
 * add-on DINE assignments at a subscription, management group or resource group, with remediation.
 * Every inner construct is exposed for further settings.
 */
export class AksDefenderForContainers extends AzureDefenderPattern {
  /** One sensor per cluster in `clusters`, in order. */
  public readonly sensors: AksDefenderSensor[] = [];
  /** One policy add-on per cluster in `clusters`, in order (none with `policyAddon: false`). */
  public readonly policyAddons: AksPolicyAddon[] = [];
  /** The trusted-access bindings, with `agentlessDiscoveryBindings`. */
  public readonly agentlessDiscovery?: AksAgentlessDiscovery;

  constructor(scope: Construct, id: string, props: AksDefenderForContainersProps) {
    const policyAddon = props.policyAddon ?? true;
    super(scope, id, props, { clusters: TargetClusters.AKS, addon: policyAddon, addonAssignmentId: "policy-addon-assignment", namePrefix: props.namePrefix });
    const ignorePolicyChanges = props.ignorePolicyChanges ?? props.policyScopeId !== undefined;

    (props.clusters ?? []).forEach((cluster, index) => {
      // Index-based IDs: these constructs only set attributes on the cluster, so they have no Terraform address.
      this.sensors.push(
        new AksDefenderSensor(this, `sensor-${index}`, { cluster, workspaceResourceId: this.workspaceResourceId, plan: this.plan, ignorePolicyChanges }),
      );
      if (policyAddon) this.policyAddons.push(new AksPolicyAddon(this, `policy-addon-${index}`, { cluster, ignorePolicyChanges }));
    });

    if (props.agentlessDiscoveryBindings) {
      if (!props.clusters?.length && !props.agentlessDiscoveryClusterIds?.length) {
        invalidValue(
          this,
          "agentlessDiscoveryClusterIds",
          props.agentlessDiscoveryClusterIds,
          "at least one AKS cluster ID (or clusters of this app) when agentlessDiscoveryBindings is true",
        );
      }
      this.agentlessDiscovery = new AksAgentlessDiscovery(this, "agentless-discovery", {
        clusters: props.clusters?.length ? props.clusters : undefined,
        clusterIds: props.agentlessDiscoveryClusterIds,
        plan: this.plan,
        provider: props.provider,
      });
    }
  }
}
