import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { prepareStackSkippingLocalReferences } from "../core/private/prepare-stack";
import { DefenderForContainersPlan, DefenderWorkspace } from "../azure";
import { AksDefenderForContainers, ArcDefenderForContainers } from "../patterns";
import { DefenderValidationError } from "../core/errors";
import { configureEstateBackend } from "./estate-backend";
import { EstateDescription, EstateSubscription } from "./estate-schema";

/** Props of {@link DefenderSubscriptionStack}. */
export interface DefenderSubscriptionStackProps {
  /** The subscription's entry in the estate file. */
  readonly subscription: EstateSubscription;
  /** The estate's defaults. */
  readonly defaults: EstateDescription["defaults"];
  /**
   * The workspace of another subscription's stack, for `workspace: {sharedFrom: …}`. Referencing it
   * makes a real cdktf cross-stack reference: an output in that stack, a `terraform_remote_state`
   * data source here.
   * @default - none
   */
  readonly sharedWorkspace?: DefenderWorkspace;
}

/**
 * One Azure subscription of an estate, in its own Terraform state: the Containers plan, the
 * workspace (created, existing or another subscription's), the DINE assignments that govern the
 * subscription's AKS (and optionally Arc) clusters, the Arc extensions on listed clusters and the
 * agentless-discovery bindings on listed AKS clusters.
 */
export class DefenderSubscriptionStack extends TerraformStack {
  /** The azurerm provider, configured for this subscription. */
  public readonly azurerm: AzurermProvider;
  /** The subscription's Containers plan. */
  public readonly plan: DefenderForContainersPlan;
  /** The workspace this stack created, if it created one. */
  public readonly workspace?: DefenderWorkspace;
  /** The workspace the subscription's clusters report to. */
  public readonly workspaceResourceId: string;
  /** The AKS pattern (policy path and agentless discovery). */
  public readonly aks: AksDefenderForContainers;
  /** The Arc pattern, when the subscription lists Arc clusters or assigns the Arc policy. */
  public readonly arc?: ArcDefenderForContainers;

  constructor(scope: Construct, id: string, props: DefenderSubscriptionStackProps) {
    super(scope, id);
    const { subscription, defaults } = props;
    configureEstateBackend(this, subscription.backend ?? defaults.backend, { stack: id, kind: "azure", name: subscription.name });
    const location = subscription.location ?? defaults.location;
    this.azurerm = new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: subscription.subscriptionId });

    const policy = subscription.policy;
    const scopeId = policy.scope ?? `/subscriptions/${subscription.subscriptionId}`;
    const { importExisting, ...extensions } = subscription.plan ?? { importExisting: false };
    this.plan = new DefenderForContainersPlan(this, "plan", {
      ...extensions,
      // Auto-provisioning would assign the same policy with Defender's default workspace.
      sensorAutoProvisioning: !(policy.aks || policy.arc),
      subscriptionId: subscription.subscriptionId,
      importExisting,
      provider: this.azurerm,
    });

    const workspace = subscription.workspace ?? { resourceGroupName: "rg-defender-containers" };
    if ("resourceGroupName" in workspace) {
      this.workspace = new DefenderWorkspace(this, "workspace", { ...workspace, location, provider: this.azurerm });
      this.workspaceResourceId = this.workspace.workspaceResourceId;
    } else if ("existingResourceId" in workspace) {
      this.workspaceResourceId = workspace.existingResourceId;
    } else {
      if (!props.sharedWorkspace) throw new DefenderValidationError(this, `workspace.sharedFrom: got ${JSON.stringify(workspace.sharedFrom)}; expected the workspace of that subscription to be passed as sharedWorkspace.`);
      this.workspaceResourceId = props.sharedWorkspace.workspaceResourceId;
    }

    const common = { location, plan: this.plan, workspaceResourceId: this.workspaceResourceId, remediate: policy.remediate, provider: this.azurerm };
    this.aks = new AksDefenderForContainers(this, "aks", {
      ...common,
      policyScopeId: policy.aks || policy.policyAddon ? scopeId : undefined,
      policyAddon: policy.policyAddon,
      agentlessDiscoveryBindings: subscription.aksClusters.length > 0,
      agentlessDiscoveryClusterIds: subscription.aksClusters.length > 0 ? subscription.aksClusters : undefined,
    });
    if (subscription.arcClusters.length > 0 || policy.arc) {
      this.arc = new ArcDefenderForContainers(this, "arc", {
        ...common,
        clusterIds: subscription.arcClusters.length > 0 ? subscription.arcClusters : undefined,
        policyScopeId: policy.arc ? scopeId : undefined,
        policyExtension: policy.policyAddon,
      });
    }
  }

  /** What cdktf's `prepareStack()` does, without resolving the references that stay in this stack (same output, less work). */
  public prepareStack(): void {
    if (!prepareStackSkippingLocalReferences(this)) super.prepareStack();
  }
}
