import { CONTAINERS_PRICING_RESOURCE_TYPE } from "../../core/catalog/azure";
import { CoverageSignal } from "../../core/catalog/coverage";
import { AZURE_CLUSTER_TYPES, TerraformType } from "../resource-types";
import { complianceOf, RuleCompliance, StackCoverageRule } from "../rule";
import { equalsOrUnresolved, StackResources, SynthesizedConfig } from "../synthesized-config";

/** True when an `azurerm_security_center_subscription_pricing` is the Containers plan on the Standard tier. */
export function isStandardContainersPlan(config: SynthesizedConfig): boolean {
  return equalsOrUnresolved(config.resource_type, CONTAINERS_PRICING_RESOURCE_TYPE) && equalsOrUnresolved(config.tier, CoverageSignal.STANDARD_PRICING_TIER);
}

/** True when the stack defines a Kubernetes cluster in Azure: AKS, Arc-enabled, or an Arc cluster extension. */
export function stackHasAzureClusters(stack: StackResources): boolean {
  return AZURE_CLUSTER_TYPES.some((type) => stack.ofType(type).length > 0);
}

/**
 * MDC-AZURE-1: a stack with Azure clusters but no Standard Containers plan.
 *
 * Only stacks that define clusters (AKS, Arc, Arc extensions) are checked: a plan belongs to a
 * subscription, and a stack with other azurerm resources only has nothing for it to protect.
 */
export const AzureStackContainersPlan: StackCoverageRule = {
  id: "MDC-AZURE-1",
  name: "AzureStackContainersPlan",
  info: "The stack defines Azure Kubernetes clusters but no Defender for Containers plan (azurerm_security_center_subscription_pricing with resource_type Containers and tier Standard).",
  explanation:
    "Without the plan on the Standard tier in the clusters' subscription, sensors and extensions do not protect anything. Add DefenderForContainersPlan; if another stack or a policy owns the subscription's plan, acknowledge the finding on this stack.",
  checkStack: (stack) => {
    if (!stackHasAzureClusters(stack)) return RuleCompliance.NOT_APPLICABLE;
    return complianceOf(stack.ofType(TerraformType.SUBSCRIPTION_PRICING).some((pricing) => isStandardContainersPlan(pricing.config)));
  },
};
