/**
 * Parameter names of the built-in Defender for Containers policies, as their definitions declare
 * them. Source: Policy-repo (Azure/azure-policy `built-in-policies/policyDefinitions/Kubernetes/`
 * @ f4a50bac): 64def556… v4.3.0, 708b60a6… v7.3.0-preview, a8eff44f… v4.2.0, 0adc5395… v1.1.0.
 */
export const BuiltInPolicyParameter = {
  /** Every DINE policy here: `DeployIfNotExists` (default) or `Disabled`. */
  EFFECT: "effect",
  /** 64def556 and 708b60a6: the workspace the sensor reports to ("" = Defender's default workspace). */
  LOG_ANALYTICS_WORKSPACE_RESOURCE_ID: "logAnalyticsWorkspaceResourceId",
  /** 708b60a6: Arc cluster distributions the policy skips (default in `ARC_DEFENDER_POLICY_DEFAULT_EXCLUDED_DISTRIBUTIONS`). */
  EXCLUDED_DISTRIBUTIONS: "excludedDistributions",
} as const;
