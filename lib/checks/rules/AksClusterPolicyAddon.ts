import { BuiltInPolicies } from "../../core/catalog/azure";
import { TerraformType } from "../resource-types";
import { complianceOf, ResourceCoverageRule } from "../rule";
import { isTrueOrExpression, SynthesizedConfig } from "../synthesized-config";

/** True when an `azurerm_kubernetes_cluster` has `azure_policy_enabled = true` (or a reference). */
export function aksClusterHasPolicyAddon(config: SynthesizedConfig): boolean {
  return isTrueOrExpression(config.azure_policy_enabled);
}

/** MDC-AKS-2: an AKS cluster without the Azure Policy add-on. */
export const AksClusterPolicyAddon: ResourceCoverageRule = {
  id: "MDC-AKS-2",
  name: "AksClusterPolicyAddon",
  info: "The AKS cluster does not have the Azure Policy add-on (azure_policy_enabled is not true).",
  explanation:
    "Defender's Kubernetes data-plane recommendations (pod security, image sources) are audited and enforced through the add-on. " +
    `Add AksPolicyAddon for the cluster; if policy ${BuiltInPolicies.AKS_POLICY_ADDON.name} installs it instead, acknowledge the finding.`,
  resourceTypes: [TerraformType.AKS_CLUSTER],
  checkResource: (resource) => complianceOf(aksClusterHasPolicyAddon(resource.config)),
};
