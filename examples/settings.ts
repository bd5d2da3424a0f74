import { Construct } from "constructs";

/**
 * Placeholder values the examples synthesize with, so `npm run synth` needs no credentials.
 * Override each one with an environment variable (DEFENDER_SUBSCRIPTION_ID=...) or a context value
 * ("context" in cdktf.json, or the CDKTF_CONTEXT_JSON environment variable that cdktf's App reads;
 * cdktf-cli 0.21 has no --context flag).
 * Context wins over the environment, so tests that pass context are not affected by the shell.
 */
export const EXAMPLE_DEFAULTS = {
  /** Azure subscription that gets the plan and the clusters. */
  subscriptionId: "00000000-0000-0000-0000-000000000000",
  /** Azure region for the resource group, workspace and clusters. */
  location: "westeurope",
  /** Prefix for resource names. */
  namePrefix: "mdc-example",
  /** AKS example: "false" turns the Defender sensor off on the cluster (the removal path). */
  sensorEnabled: "true",
  /** AKS example: "false" turns the Azure Policy add-on off on the cluster. */
  policyAddonEnabled: "true",
  /**
   * Subscription of the Arc example (its plan, workspace and policy assignments). A different
   * placeholder from `subscriptionId`: each example stack owns the Containers plan of its subscription.
   */
  arcSubscriptionId: "11111111-1111-1111-1111-111111111111",
  /** Comma-separated IDs of the existing Arc-enabled (connected) clusters the Arc example protects directly. */
  arcClusterIds: [
    "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-arc-stores/providers/Microsoft.Kubernetes/connectedClusters/store-berlin-01",
    "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-arc-stores/providers/Microsoft.Kubernetes/connectedClusters/store-munich-01",
    "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-arc-factory/providers/Microsoft.Kubernetes/connectedClusters/factory-line-7",
  ].join(","),
  /** GKE example: the GCP project that holds the clusters (the google provider's project). */
  gcpProjectId: "mdc-example-gke",
  /** GKE example: that project's number. */
  gcpProjectNumber: "123456789012",
  /** GKE example: region of the clusters the example defines. */
  gcpRegion: "europe-west1",
  /** GKE example: resource group of the GCP security connector; the azapi provider uses its subscription. */
  gcpConnectorResourceGroupId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/mdc-example-security",
  /** GKE example: comma-separated existing clusters of the project, each `<name>:<region or zone>`. */
  gkeExistingClusters: "analytics-gke:europe-west1,legacy-gke:europe-west1-b",
  /** EKS example: the AWS account with the clusters (12 digits). */
  awsAccountId: "123456789012",
  /** EKS example: AWS region of the clusters and of the aws provider. */
  awsRegion: "eu-west-1",
  /** EKS, GKE, multicloud examples: your Azure (Entra) tenant ID. The Defender AWS roles trust only its sessions; the GCP workload identity pool ID is derived from it. */
  azureTenantId: "22222222-2222-2222-2222-222222222222",
  /** EKS example: existing resource group of the AWS security connector; its subscription is the azapi provider's. */
  awsConnectorResourceGroupId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/mdc-example-security",
  /** EKS example: comma-separated names of existing EKS clusters (not defined in the app) in `awsRegion`. */
  eksClusterNames: "payments-prod,search-prod",
  /** EKS example: comma-separated subnet IDs of the EKS cluster the example defines. */
  eksSubnetIds: "subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002",
  /**
   * Subscription of the multicloud example (its own plan, like every example that owns one; a
   * subscription has one Containers plan, so two examples must not share a placeholder).
   */
  multicloudSubscriptionId: "44444444-4444-4444-4444-444444444444",
} as const;

export type ExampleSettingName = keyof typeof EXAMPLE_DEFAULTS;

/** `subscriptionId` → `DEFENDER_SUBSCRIPTION_ID`. */
export function environmentVariableFor(name: string): string {
  return `DEFENDER_${name.replace(/([A-Z])/g, "_$1").toUpperCase()}`;
}

/** Reads an example setting from context, then the environment, then {@link EXAMPLE_DEFAULTS}. */
export function exampleSetting(scope: Construct, name: ExampleSettingName): string {
  const fromContext = scope.node.tryGetContext(name) as string | undefined;
  return fromContext ?? process.env[environmentVariableFor(name)] ?? EXAMPLE_DEFAULTS[name];
}

/** Reads a true/false example setting; context may hold a boolean or the strings "true"/"false". */
export function exampleFlag(scope: Construct, name: ExampleSettingName): boolean {
  const fromContext = scope.node.tryGetContext(name) as string | boolean | undefined;
  const value = String(fromContext ?? process.env[environmentVariableFor(name)] ?? EXAMPLE_DEFAULTS[name]).toLowerCase();
  if (value !== "true" && value !== "false") throw new Error(`example setting ${name}: got ${JSON.stringify(value)}; expected "true" or "false".`);
  return value === "true";
}
