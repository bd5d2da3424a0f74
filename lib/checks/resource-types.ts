/**
 * Terraform resource types the checks and the coverage report look at. Plain strings, so neither
 * needs to load a provider package to recognise a resource.
 */
export const TerraformType = {
  AKS_CLUSTER: "azurerm_kubernetes_cluster",
  AKS_TRUSTED_ACCESS_BINDING: "azurerm_kubernetes_cluster_trusted_access_role_binding",
  ARC_CLUSTER: "azurerm_arc_kubernetes_cluster",
  ARC_PROVISIONED_CLUSTER: "azurerm_arc_kubernetes_provisioned_cluster",
  ARC_EXTENSION: "azurerm_arc_kubernetes_cluster_extension",
  SUBSCRIPTION_PRICING: "azurerm_security_center_subscription_pricing",
  EKS_CLUSTER: "aws_eks_cluster",
  EKS_ACCESS_ENTRY: "aws_eks_access_entry",
  IAM_ROLE: "aws_iam_role",
  GKE_CLUSTER: "google_container_cluster",
  GCP_SERVICE_ACCOUNT: "google_service_account",
  HELM_RELEASE: "helm_release",
  /** ConfigMap resources that may hold `aws-auth` (legacy EKS access). */
  CONFIG_MAPS: ["kubernetes_config_map", "kubernetes_config_map_v1", "kubernetes_config_map_v1_data"],
} as const;

/** Resource types that are Kubernetes clusters in Azure (AKS or Arc-enabled). */
export const AZURE_CLUSTER_TYPES: readonly string[] = [
  TerraformType.AKS_CLUSTER,
  TerraformType.ARC_CLUSTER,
  TerraformType.ARC_PROVISIONED_CLUSTER,
  TerraformType.ARC_EXTENSION,
];
