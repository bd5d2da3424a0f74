import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { Aspects, LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import {
  AksDefenderForContainers,
  ArcDefenderForContainers,
  CheckLevel,
  DefenderCoverageChecks,
  EksDefenderCluster,
  EksDefenderForContainers,
  GkeDefenderCluster,
  GkeDefenderForContainers,
} from "cdktf-defender-for-containers";
import {
  AlertExport,
  AlertSeverity,
  AlertSuppressionRule,
  AzapiProvider,
  DefenderRecommendation,
  DefenderRecommendationExemption,
  DockerHubSecurityConnector,
  ExemptionCategory,
  ExemptionScopeType,
  JFrogSecurityConnector,
  mcsbDefaultAssignmentId,
  PodSecurityBaseline,
  PodSecurityEffect,
  SecurityContact,
  SuppressionEntityField,
  SuppressionReason,
} from "cdktf-defender-for-containers/azure";
import { GkeSensorExclusion } from "cdktf-defender-for-containers/gcp";
import { exampleSetting } from "../settings";

/**
 * One security team, four environments, one app: an AKS cluster defined here plus the
 * subscription's other AKS clusters by policy, Arc-enabled clusters on-premises, an AWS account
 * with EKS clusters and a GCP project with GKE clusters — all reporting to one Defender workspace
 * and one set of security contacts, with alerts exported to the workspace and the pod-security
 * baseline audited. The exceptions are code too: an alert suppression rule for a known scanner, a
 * recommendation exemption that expires, and a dev GKE cluster kept off the sensor with the
 * documented exclusion label ("mixed deployment"). The coverage checks run on this stack at synth.
 *
 * A single stack keeps the example readable; at scale use one stack per subscription, account and
 * project (see examples/estate).
 */
export class MulticloudExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    // Report unprotected clusters as warnings when this stack is synthesized.
    Aspects.of(this).add(new DefenderCoverageChecks({ level: CheckLevel.WARNING }));

    const subscriptionId = exampleSetting(this, "multicloudSubscriptionId");
    const location = exampleSetting(this, "location");
    const prefix = exampleSetting(this, "namePrefix");
    const tenantId = exampleSetting(this, "azureTenantId");
    const subscriptionScope = `/subscriptions/${subscriptionId}`;
    const connectorGroupId = `${subscriptionScope}/resourceGroups/${prefix}-security`;

    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId });
    new AzapiProvider(this, "azapi", { subscriptionId });
    new AwsProvider(this, "aws", { region: exampleSetting(this, "awsRegion"), allowedAccountIds: [exampleSetting(this, "awsAccountId")] });
    new GoogleProvider(this, "google", { project: exampleSetting(this, "gcpProjectId") });

    // Azure: the plan, the shared workspace, an AKS cluster of this app and, by policy, every other one.
    const group = new ResourceGroup(this, "security", { name: `${prefix}-security`, location });
    const cluster = new KubernetesCluster(this, "aks", {
      name: `${prefix}-mc-aks`,
      location,
      resourceGroupName: group.name,
      dnsPrefix: `${prefix}-mc-aks`,
      defaultNodePool: { name: "system", nodeCount: 2, vmSize: "Standard_D4s_v5" },
      identity: { type: "SystemAssigned" },
    });
    const aks = new AksDefenderForContainers(this, "aks-defender", {
      location,
      workspaceResourceGroupName: group.name,
      workspaceOptions: { name: `${prefix}-mc-defender`, retentionInDays: 90 },
      clusters: [cluster],
      policyScopeId: subscriptionScope,
    });

    // On-premises: Arc-enabled clusters, sharing the plan and the workspace.
    new ArcDefenderForContainers(this, "arc-defender", {
      location,
      plan: aks.plan,
      workspaceResourceId: aks.workspaceResourceId,
      clusterIds: exampleSetting(this, "arcClusterIds")
        .split(",")
        .map((id) => id.replace(/^\/subscriptions\/[^/]+/, subscriptionScope)),
    });

    // AWS and GCP: connectors in the security resource group, sensors on the clusters.
    new EksDefenderForContainers(this, "eks-defender", {
      accountId: exampleSetting(this, "awsAccountId"),
      azureTenantId: tenantId,
      region: exampleSetting(this, "awsRegion"),
      connectorResourceGroupId: connectorGroupId,
      connectorLocation: location,
      clusters: exampleSetting(this, "eksClusterNames")
        .split(",")
        .map((name) => EksDefenderCluster.fromName(name)),
      // Runtime anti-malware in the sensor chart (off by default; more CPU and memory per node:
      // docs/sensor-features.md). The same option as on the AKS and Arc patterns.
      sensorFeatures: { antimalware: true },
    });
    // A dev GKE cluster of this app, kept off Defender's automatic sensor deployment by the documented
    // label (the coverage report shows it as "excluded"). The plan still bills its vCores: see
    // docs/exemptions-and-exclusion.md for keeping dev clusters off the bill.
    const devGke = new ContainerCluster(this, "gke-dev", {
      name: `${prefix}-gke-dev`,
      location: exampleSetting(this, "gcpRegion"),
      initialNodeCount: 1,
      deletionProtection: false,
      resourceLabels: { env: "dev" },
    });
    new GkeSensorExclusion(this, "gke-dev-exclusion", { clusters: [devGke] });
    new GkeDefenderForContainers(this, "gke-defender", {
      projectId: exampleSetting(this, "gcpProjectId"),
      projectNumber: exampleSetting(this, "gcpProjectNumber"),
      azureTenantId: tenantId,
      connectorResourceGroupId: connectorGroupId,
      connectorLocation: location,
      clusters: exampleSetting(this, "gkeExistingClusters")
        .split(",")
        .map((entry) => {
          const [name, clusterLocation] = entry.split(":");
          return GkeDefenderCluster.fromName(name, { location: clusterLocation });
        }),
      // Kubernetes misconfiguration enforcement needs sensor chart 0.11 or later (and Kubernetes 1.30):
      // pin the 0.11 release you tested through this variable.
      sensorChartVersion: new TerraformVariable(this, "gke_sensor_chart_version", {
        type: "string",
        description: "Defender sensor chart version for the GKE clusters, 0.11.0 or later (misconfiguration enforcement).",
      }).stringValue,
      sensorFeatures: { misconfigurationEnforcement: true },
    });

    // Registries outside the clouds: a Docker Hub organization (a read-only token of a dedicated user,
    // from a sensitive variable, sent only through azapi's write-only sensitive_body) and a JFrog
    // Artifactory instance (Defender signs in through the OIDC integration the portal sets up on the
    // JFrog side). Replace the organization, user and host with yours.
    const dockerHubToken = new TerraformVariable(this, "dockerhub_access_token", {
      type: "string",
      sensitive: true,
      description: "Read-only access token of the Docker Hub user Defender signs in as.",
    });
    new DockerHubSecurityConnector(this, "dockerhub", {
      resourceGroupId: connectorGroupId,
      location,
      organization: "contoso",
      username: "mdcscanner",
      accessToken: dockerHubToken.stringValue,
    });
    new JFrogSecurityConnector(this, "jfrog", { resourceGroupId: connectorGroupId, location, host: "contoso.jfrog.io" });

    // Day two: who hears about alerts, where alerts go, and what pods may do.
    new SecurityContact(this, "contacts", { emails: ["secops@contoso.example", "platform@contoso.example"], alertNotifications: true, alertsToAdmins: true });
    new AlertExport(this, "alert-export", {
      resourceGroupName: group.name,
      location,
      scopes: [subscriptionScope],
      workspaceResourceId: aks.workspaceResourceId,
      alertSeverities: [AlertSeverity.HIGH, AlertSeverity.MEDIUM],
    });
    new PodSecurityBaseline(this, "pod-security", { scope: subscriptionScope, effect: PodSecurityEffect.AUDIT });

    // Exceptions, reviewed like any other change: both expire, both say why.
    new AlertSuppressionRule(this, "scanner-suppression", {
      subscriptionId,
      name: "vulnerability-scanner-namespaces",
      alertType: "K8S.NODE_NamespaceCreation",
      reason: SuppressionReason.SPECIFIC_ENTITY_FALSE_POSITIVE,
      comment: "The weekly penetration-test runner creates Linux namespaces (SEC-2041).",
      conditions: [{ field: SuppressionEntityField.HOST_NAME, in: [`${prefix}-pentest-runner`] }],
      expirationDateUtc: "2027-06-30T00:00:00Z",
    });
    new DefenderRecommendationExemption(this, "aks-ip-ranges-exemption", {
      scope: cluster.id,
      scopeType: ExemptionScopeType.RESOURCE,
      policyAssignmentId: mcsbDefaultAssignmentId(subscriptionId),
      name: `${prefix}-mc-aks-authorized-ip-ranges`,
      recommendations: [DefenderRecommendation.AKS_AUTHORIZED_IP_RANGES],
      category: ExemptionCategory.MITIGATED,
      justification: "The API server is reachable only through the corporate egress proxy, which enforces the allow list (NET-318).",
      expiresOn: "2027-06-30T00:00:00Z",
    });

    new TerraformOutput(this, "workspace_resource_id", { value: aks.workspaceResourceId });
  }
}
