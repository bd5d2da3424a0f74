/**
 * Hand-written synthesized stacks (cdk.tf.json) for the coverage report: the EKS, GKE and Arc
 * constructs live on other branches, so these use the Terraform shapes those clouds synthesize to,
 * recognised by type and by the catalog's names (extension types, chart, roles, accounts).
 */
export const SUBSCRIPTION = "11111111-1111-1111-1111-111111111111";
const OTHER_SUBSCRIPTION = "22222222-2222-2222-2222-222222222222";
const arcId = (name: string) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-arc/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const WORKSPACE = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;

/** Holds the subscription's plan; no clusters. */
export const platformStack = {
  provider: { azurerm: [{ features: [{}], subscription_id: SUBSCRIPTION }] },
  resource: {
    azurerm_security_center_subscription_pricing: {
      plan: { resource_type: "Containers", tier: "Standard", extension: [{ name: "ContainerSensor" }] },
    },
  },
};

/** Arc fleet: Defender extension on two clusters (for_each), policy extension on one, and a connected cluster without either. */
export const arcStack = {
  provider: { azurerm: [{ features: [{}], subscription_id: SUBSCRIPTION }] },
  resource: {
    azurerm_arc_kubernetes_cluster: {
      onprem: { name: "onprem-1", location: "westeurope", resource_group_name: "rg-arc", agent_public_key_certificate: "x", identity: { type: "SystemAssigned" } },
    },
    azurerm_arc_kubernetes_cluster_extension: {
      defender: {
        for_each: { "edge-1": arcId("edge-1"), "edge-2": arcId("edge-2") },
        name: "microsoft.azuredefender.kubernetes",
        extension_type: "microsoft.azuredefender.kubernetes",
        cluster_id: "${each.value}",
        configuration_settings: { logAnalyticsWorkspaceResourceID: WORKSPACE },
      },
      policy: {
        name: "azurepolicy",
        extension_type: "microsoft.policyinsights",
        cluster_id: arcId("edge-1"),
      },
      flux: {
        name: "flux",
        extension_type: "microsoft.flux",
        cluster_id: "${azurerm_arc_kubernetes_cluster.onprem.id}",
      },
    },
  },
};

/** Two EKS clusters, discovery access for one of them and for a cluster defined elsewhere, and a sensor release on one. */
export const eksStack = {
  provider: {
    aws: [{ region: "eu-west-1" }],
    helm: [{ alias: "prod", kubernetes: { host: "${aws_eks_cluster.prod.endpoint}" } }],
  },
  resource: {
    aws_eks_cluster: {
      prod: { name: "eks-prod", role_arn: "arn:aws:iam::123456789012:role/eks", enabled_cluster_log_types: ["api", "audit"], vpc_config: { subnet_ids: ["a"] } },
      dev: { name: "eks-dev", role_arn: "arn:aws:iam::123456789012:role/eks", enabled_cluster_log_types: ["api"], vpc_config: { subnet_ids: ["a"] } },
    },
    aws_eks_access_entry: {
      prod_discovery: { cluster_name: "${aws_eks_cluster.prod.name}", principal_arn: "arn:aws:iam::123456789012:role/MDCContainersAgentlessDiscoveryK8sRole" },
      legacy_discovery: { cluster_name: "eks-legacy", principal_arn: "arn:aws:iam::123456789012:role/MDCContainersAgentlessDiscoveryK8sRole" },
      admin: { cluster_name: "${aws_eks_cluster.dev.name}", principal_arn: "arn:aws:iam::123456789012:role/admin" },
    },
    helm_release: {
      sensor: {
        provider: "helm.prod",
        name: "microsoft-defender-for-containers",
        chart: "oci://mcr.microsoft.com/azuredefender/microsoft-defender-for-containers",
        namespace: "mdc",
      },
    },
  },
};

/** A GKE cluster with Defender's discovery account and a sensor release naming it. */
export const gkeStack = {
  provider: { google: [{ project: "p" }], helm: [{}] },
  resource: {
    google_container_cluster: { main: { name: "gke-main", location: "europe-west1" } },
    google_service_account: { operator: { account_id: "mdc-containers-k8s-operator" } },
    helm_release: {
      sensor: {
        name: "microsoft-defender-for-containers",
        chart: "microsoft-defender-for-containers",
        repository: "oci://mcr.microsoft.com/azuredefender",
        set: [{ name: "global.cloudIdentifiers.GCP.clusterName", value: "${google_container_cluster.main.name}" }],
      },
    },
  },
};

/** An AKS cluster with nothing, in a subscription without a plan. */
export const bareAksStack = {
  provider: { azurerm: [{ features: [{}], subscription_id: OTHER_SUBSCRIPTION }] },
  resource: {
    azurerm_kubernetes_cluster: {
      c: { name: "aks-bare", location: "westeurope", resource_group_name: "rg", dns_prefix: "bare", default_node_pool: { name: "p", vm_size: "v" } },
    },
  },
};

export const FIXTURE_STACKS = { "aks-bare": bareAksStack, arc: arcStack, eks: eksStack, gke: gkeStack, platform: platformStack };

/** `renderMarkdown` of {@link FIXTURE_STACKS}, character for character. */
export const FIXTURE_MARKDOWN = `### Defender for Containers coverage

| Stack | Cluster | Kind | Sensor | Policy add-on | Workspace | Agentless discovery | Audit logs |
| --- | --- | --- | --- | --- | --- | --- | --- |
| aks-bare | aks-bare | AKS | ✗ | ✗ | ✗ | ✗ | — |
| arc | edge-1 | Arc | ✓ | ✓ | ✓ | — | — |
| arc | edge-2 | Arc | ✓ | ✗ | ✓ | — | — |
| arc | onprem-1 | Arc | ✗ | ✗ | ✗ | — | — |
| eks | eks-dev | EKS | ✗ | — | — | ✗ | ✗ |
| eks | eks-legacy | EKS | ✗ | — | — | ✓ | — |
| eks | eks-prod | EKS | ✓ | — | — | ✓ | ✓ |
| gke | gke-main | GKE | ✓ | — | — | ✓ | — |

Containers plan (Standard): aks-bare ✗ · arc ✓ · platform ✓

8 clusters, 5 with gaps, 1 stack without a plan. ✓ configured · ✗ missing · excluded: kept off the sensor by the ms_defender_container_exclude_sensors tag · — not applicable or not managed in these stacks.
`;
