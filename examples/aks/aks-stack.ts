import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { Fn, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  AksDefenderSensor,
  AksPolicyAddon,
  AksSecurityGating,
  AzapiProvider,
  DefenderForContainersPlan,
  DefenderWorkspace,
  DefenderWorkspaceAssignment,
  PolicyAddonAssignment,
  TargetClusters,
} from "cdktf-defender-for-containers/azure";
import { HelmDefenderSensor, SensorCluster } from "cdktf-defender-for-containers/kubernetes";
import { exampleFlag, exampleSetting } from "../settings";

/** Options of {@link AksExampleStack}. */
export interface AksExampleStackOptions {
  /**
   * How the cluster gets the sensor: the AKS security profile (with security gating on the
   * cluster), or the sensor Helm chart (with runtime anti-malware). The `aks-helm` example uses "helm".
   * @default "securityProfile"
   */
  readonly sensorInstall?: "securityProfile" | "helm";
}

/**
 * One subscription, one AKS cluster defined here: the Containers plan with every extension, a
 * dedicated workspace, and the cluster with the Defender sensor and the Azure Policy add-on.
 *
 * Turning things off: `DEFENDER_SENSOR_ENABLED=false npm run synth` removes the cluster's `microsoft_defender`
 * block (azurerm disables the sensor) and turns the plan's sensor auto-provisioning off so Defender
 * does not reinstall it; `DEFENDER_POLICY_ADDON_ENABLED=false` sets `azure_policy_enabled = false`.
 * Every construct ID stays the same, so only those attributes change.
 *
 * The AKS clusters of the subscription that this app does not define get the same through Azure
 * Policy: DINE assignments of the Defender profile (with this workspace) and of the policy add-on,
 * with remediation tasks for the clusters that already exist.
 *
 * Security gating: the cluster has the OIDC issuer and workload identity, and an identity with
 * AcrPull on the example's registry is set as the cluster's gating identity. The gating rules are
 * made in the portal.
 *
 * With `sensorInstall: "helm"` (the `aks-helm` stack) the cluster gets the sensor chart instead,
 * with runtime anti-malware: no `microsoft_defender` block, plan auto-provisioning off, and no
 * 64def556 assignment in the subscription (all three would bring the security-profile sensor back).
 */
export class AksExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string, options: AksExampleStackOptions = {}) {
    super(scope, id);
    const helm = options.sensorInstall === "helm";
    // A relative state path keeps the synthesized JSON the same on every machine; use a remote backend for real use.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const subscriptionId = exampleSetting(this, "subscriptionId");
    const location = exampleSetting(this, "location");
    const prefix = exampleSetting(this, "namePrefix");
    const sensorEnabled = exampleFlag(this, "sensorEnabled");
    const policyAddonEnabled = exampleFlag(this, "policyAddonEnabled");

    const azurerm = new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId });
    // Security gating is set on the cluster with azapi (azurerm has no argument for it).
    new AzapiProvider(this, "azapi", { subscriptionId });

    // Set importExisting: true (with subscriptionId) when the plan is already on in this subscription.
    // With the sensor off on purpose, stop auto-provisioning too, or Defender installs it again.
    const plan = new DefenderForContainersPlan(this, "containers-plan", {
      provider: azurerm,
      sensorAutoProvisioning: sensorEnabled && !helm,
    });

    const group = new ResourceGroup(this, "group", { name: `${prefix}-aks`, location });
    const workspace = new DefenderWorkspace(this, "workspace", {
      name: `${prefix}-defender`,
      resourceGroupName: group.name,
      location,
      retentionInDays: 90,
    });

    const cluster = new KubernetesCluster(this, "cluster", {
      name: `${prefix}-aks`,
      location,
      resourceGroupName: group.name,
      dnsPrefix: `${prefix}-aks`,
      defaultNodePool: { name: "system", nodeCount: 2, vmSize: "Standard_D4s_v5" },
      identity: { type: "SystemAssigned" },
      roleBasedAccessControlEnabled: true,
      // Security gating signs in with workload identity through the cluster's OIDC issuer (AKS 1.31+).
      oidcIssuerEnabled: true,
      workloadIdentityEnabled: true,
    });
    new AksDefenderSensor(this, "sensor", {
      cluster,
      workspaceResourceId: workspace.workspaceResourceId,
      plan,
      enabled: sensorEnabled && !helm,
    });
    new AksPolicyAddon(this, "policy-addon", { cluster, enabled: policyAddonEnabled });

    if (helm) {
      // The chart, pinned: with Helm you upgrade the sensor yourself (bump version).
      const kube = cluster.kubeConfig.get(0);
      const helmProvider = new HelmProvider(this, "helm", {
        kubernetes: {
          host: kube.host,
          clientCertificate: Fn.base64decode(kube.clientCertificate),
          clientKey: Fn.base64decode(kube.clientKey),
          clusterCaCertificate: Fn.base64decode(kube.clusterCaCertificate),
        },
      });
      new HelmDefenderSensor(this, "sensor-chart", {
        cluster: SensorCluster.aks({ clusterId: cluster.id, location }),
        features: { antimalware: true },
        provider: helmProvider,
      });
    } else {
      const registry = new ContainerRegistry(this, "registry", {
        name: `${prefix.replace(/[^A-Za-z0-9]/g, "")}images`,
        resourceGroupName: group.name,
        location,
        sku: "Standard",
      });
      new AksSecurityGating(this, "security-gating", { cluster, registries: [{ registryId: registry.id, key: "images" }], provider: azurerm });
    }

    // Existing clusters, by policy. The cluster above reports to the same workspace, so the policy
    // finds it compliant and does not rewrite it. In real use also set sensorAutoProvisioning: false
    // on the plan (auto-provisioning assigns the same policy with Defender's default workspace);
    // this example keeps the plan as it was so its Terraform stays unchanged.
    const policyScope = { scopeId: `/subscriptions/${subscriptionId}`, location, clusters: TargetClusters.AKS, remediate: true, provider: azurerm };
    // With the chart the 64def556 assignment must go (deploy-helm.md): it would enable the security profile.
    if (!helm) {
      new DefenderWorkspaceAssignment(this, "existing-clusters-workspace", {
        ...policyScope,
        logAnalyticsWorkspaceResourceId: workspace.workspaceResourceId,
      });
    }
    new PolicyAddonAssignment(this, "existing-clusters-policy-addon", policyScope);

    new TerraformOutput(this, "cluster_id", { value: cluster.id });
    new TerraformOutput(this, "workspace_resource_id", { value: workspace.workspaceResourceId });
  }
}
