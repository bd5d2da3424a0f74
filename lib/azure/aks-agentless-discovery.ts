import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { KubernetesClusterTrustedAccessRoleBinding } from "@cdktf/provider-azurerm/lib/kubernetes-cluster-trusted-access-role-binding";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Fn, TerraformIterator, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { BuiltInRole, builtInRoleDefinitionId, TrustedAccess } from "../core/catalog";
import { AzureResourceIdFormats, formatAzureResourceId, parseAzureResourceId } from "../core/azure-resource-id";
import { checkFleetKeys, FleetKey, fleetKeyOf, FleetMember, fleetMembersFromIds } from "../core/cluster-fleet";
import { invalidValue } from "../core/errors";
import { isUnresolved, validateGuid, validateNonEmptyUnique, validatePattern } from "../core/validation";
import { checkProps } from "../core/check-props";
import { IDefenderPlan } from "./defender-for-containers-plan";

/** Props of {@link AksAgentlessDiscovery}. */
export interface AksAgentlessDiscoveryProps {
  /**
   * One AKS cluster by ID (literal or reference). Emits a plain resource.
   * @default - use `clusterIds` and/or `clusters`
   */
  readonly clusterId?: string;
  /**
   * AKS clusters by literal ID (existing clusters). With `clusters`, they share ONE binding
   * resource with `for_each` keyed by `fleetKey`.
   * @default - none
   */
  readonly clusterIds?: string[];
  /**
   * AKS clusters defined in this app. Their `name` (and `resourceGroupName` for
   * `FleetKey.RESOURCE_GROUP_AND_NAME`) must be literals: they form the `for_each` key.
   * @default - none
   */
  readonly clusters?: KubernetesCluster[];
  /**
   * How `for_each` keys are formed.
   * @default FleetKey.CLUSTER_NAME
   */
  readonly fleetKey?: FleetKey;
  /**
   * Binding name: 1-24 letters, digits or hyphens (at most 8 bindings per cluster).
   * @default "defender-containers"
   */
  readonly bindingName?: string;
  /**
   * Trusted-access roles granted to Defender.
   * @default ["Microsoft.Security/pricings/microsoft-defender-operator"]
   */
  readonly roles?: string[];
  /**
   * The plan the bindings' source (its security operator) belongs to; bindings are created after it.
   * @default - no explicit dependency
   */
  readonly plan?: IDefenderPlan;
  /**
   * Principal (object) ID of the Containers plan's security operator identity. When set, it gets
   * "Kubernetes Agentless Operator" (`d5a2ae44…`) on each subscription of the clusters — which
   * Defender normally grants itself when agentless discovery is on; set this only to manage that
   * grant in code.
   * @default - no role assignment
   */
  readonly operatorPrincipalId?: string;
  /**
   * Subscriptions for the operator role assignment.
   * @default - the subscriptions of `clusterId`/`clusterIds` (required when a cluster's subscription is not known at synth)
   */
  readonly operatorRoleSubscriptionIds?: string[];
  /**
   * azurerm provider.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

const BINDING_NAME = /^[A-Za-z0-9-]{1,24}$/;

/**
 * Agentless discovery on AKS: trusted-access role bindings
 * (`azurerm_kubernetes_cluster_trusted_access_role_binding`) that let Defender's Containers security
 * operator (`/subscriptions/<sub>/providers/Microsoft.Security/pricings/Containers/securityOperators/DefenderForContainersSecurityOperator`)
 * read each cluster's API with the `microsoft-defender-operator` role, and optionally the
 * subscription role assignment that identity needs.
 *
 * Source ID and binding name: Microsoft documents the binding only for CSPM (`defender-cloudposture`,
 * source `…/pricings/CloudPosture/securityOperators/DefenderCSPMSecurityOperator`). The Containers
 * source ID is the one seen in a real AKS export and in Microsoft's `enable-d4containersPreqs.ps1`;
 * the name `defender-containers` is inferred from the documented ClusterRole
 * `aks:trustedaccessrole:defender-containers:microsoft-defender-operator` (both UNCONFIRMED as
 * documentation; the name is configurable). Defender creates the binding itself when the plan's
 * agentless discovery is on: import it if the create reports that it exists.
 */
export class AksAgentlessDiscovery extends Construct {
  /** The binding resource (with `for_each` for several clusters). */
  public readonly binding: KubernetesClusterTrustedAccessRoleBinding;
  /** The `for_each` keys, sorted; empty for a single cluster. */
  public readonly clusterKeys: string[];
  /** The operator's subscription role assignment (`for_each` over subscription IDs), when `operatorPrincipalId` is set. */
  public readonly operatorRoleAssignment?: RoleAssignment;

  constructor(scope: Construct, id: string, props: AksAgentlessDiscoveryProps) {
    super(scope, id);
    checkProps(this, props, "AksAgentlessDiscoveryProps");
    const name = validatePattern(this, "bindingName", props.bindingName ?? TrustedAccess.DEFAULT_BINDING_NAME, BINDING_NAME, "1-24 letters, digits or hyphens");
    const roles = [...validateNonEmptyUnique(this, "roles", props.roles ?? [TrustedAccess.DEFENDER_OPERATOR_ROLE], (r) => r, "role")];
    const common = { name, roles, dependsOn: props.plan?.pricing ? [props.plan.pricing] : undefined, provider: props.provider };
    const subscriptions = new Set<string>();
    let unknownSubscription = false;

    const many = props.clusterIds !== undefined || props.clusters !== undefined;
    if (props.clusterId !== undefined && many) {
      invalidValue(this, "clusterId", props.clusterId, "clusterId alone, or clusterIds/clusters, not both");
    }
    if (props.clusterId !== undefined) {
      const parsed = parseAzureResourceId(this, "clusterId", props.clusterId, AzureResourceIdFormats.AKS_CLUSTER);
      const clusterId = parsed?.id ?? props.clusterId;
      if (parsed?.subscriptionId) subscriptions.add(parsed.subscriptionId);
      else unknownSubscription = true;
      this.binding = new KubernetesClusterTrustedAccessRoleBinding(this, "binding", {
        ...common,
        kubernetesClusterId: clusterId,
        sourceResourceId: TrustedAccess.sourceResourceId(parsed?.subscriptionId ?? subscriptionOf(clusterId)),
      });
      this.clusterKeys = [];
    } else {
      const fleetKey = props.fleetKey ?? FleetKey.CLUSTER_NAME;
      const members: FleetMember[] = [];
      if (props.clusterIds !== undefined || !props.clusters?.length) {
        members.push(...fleetMembersFromIds(this, "clusterIds", props.clusterIds, AzureResourceIdFormats.AKS_CLUSTER, fleetKey, "AKS cluster"));
      }
      (props.clusters ?? []).forEach((cluster, index) => members.push(this.memberOf(cluster, index, fleetKey)));
      const sorted = checkFleetKeys(this, members, fleetKey);
      for (const member of sorted) {
        if (member.subscriptionId) subscriptions.add(member.subscriptionId);
        else unknownSubscription = true;
      }
      // for_each maps each key to the cluster ID alone: the source resource is the same for every
      // cluster of a subscription, so it is written once (or derived from each.value across
      // subscriptions) instead of repeated per cluster — a fleet's JSON stays small.
      const iterator = TerraformIterator.fromMap(Object.fromEntries(sorted.map((m) => [m.key, m.clusterId])));
      const [onlySubscription] = subscriptions.size === 1 && !unknownSubscription ? [...subscriptions] : [];
      this.binding = new KubernetesClusterTrustedAccessRoleBinding(this, "binding", {
        ...common,
        forEach: iterator,
        kubernetesClusterId: iterator.value,
        sourceResourceId: TrustedAccess.sourceResourceId(onlySubscription ?? subscriptionOf(iterator.value)),
      });
      this.clusterKeys = sorted.map((m) => m.key);
    }

    if (props.operatorPrincipalId !== undefined) {
      validateGuid(this, "operatorPrincipalId", props.operatorPrincipalId);
      let subscriptionIds: string[];
      if (props.operatorRoleSubscriptionIds !== undefined) {
        validateNonEmptyUnique(this, "operatorRoleSubscriptionIds", props.operatorRoleSubscriptionIds, (s) => s, "subscription ID");
        props.operatorRoleSubscriptionIds.forEach((s, i) => validateGuid(this, `operatorRoleSubscriptionIds[${i}]`, s));
        subscriptionIds = [...props.operatorRoleSubscriptionIds];
      } else {
        if (unknownSubscription) {
          invalidValue(
            this,
            "operatorRoleSubscriptionIds",
            undefined,
            "the subscription IDs for the operator role, since some clusters' subscriptions are not known at synth (clusters defined in this app or referenced IDs)",
          );
        }
        subscriptionIds = [...subscriptions];
      }
      const iterator = TerraformIterator.fromMap(
        Object.fromEntries(subscriptionIds.sort().map((s) => [s, formatAzureResourceId(AzureResourceIdFormats.SUBSCRIPTION, { name: s })])),
      );
      this.operatorRoleAssignment = new RoleAssignment(this, "operator-role", {
        forEach: iterator,
        scope: iterator.value,
        roleDefinitionId: `${iterator.value}${builtInRoleDefinitionId(BuiltInRole.KUBERNETES_AGENTLESS_OPERATOR)}`,
        principalId: props.operatorPrincipalId,
        description: "Defender for Containers security operator: agentless discovery (Kubernetes Agentless Operator).",
        provider: props.provider,
      });
    }
  }

  private memberOf(cluster: KubernetesCluster, index: number, fleetKey: FleetKey): FleetMember {
    const source = `clusters[${index}]`;
    const name = cluster.nameInput;
    const group = cluster.resourceGroupNameInput;
    const needsGroup = fleetKey === FleetKey.RESOURCE_GROUP_AND_NAME;
    if (name === undefined || isUnresolved(name) || (needsGroup && (group === undefined || isUnresolved(group)))) {
      invalidValue(
        this,
        source,
        cluster.node.path,
        `a cluster whose name${needsGroup ? " and resource group name are literals" : " is a literal"}`,
        "They form the for_each key, which Terraform needs at plan time; pass such a cluster as clusterId to its own AksAgentlessDiscovery.",
      );
    }
    return { key: fleetKeyOf(fleetKey, group ?? "", name), clusterId: cluster.id, source, label: cluster.node.path };
  }
}

/** The subscription segment of a cluster ID reference, cut out by Terraform. */
function subscriptionOf(clusterIdReference: string): string {
  return Fn.element(Fn.split("/", clusterIdReference), 2);
}
