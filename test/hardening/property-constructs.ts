import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { TerraformStack, TerraformVariable } from "cdktf";
import * as aws from "../../lib/aws";
import * as azure from "../../lib/azure";
import { BuiltInPolicies, resolvePolicyScope } from "../../lib/core";
import { DinePolicyAssignment } from "../../lib/azure/dine-policy-assignment";
import { PropsStruct } from "../../lib/core/check-props";
import * as gcp from "../../lib/gcp";
import * as kubernetes from "../../lib/kubernetes";
import * as patterns from "../../lib/patterns";
import { testCluster } from "../azure/fixtures";

// The public constructs and the smallest props each accepts: the property-based suite sets one prop
// at a time to a generated value. A new construct is one line here (its props struct name is the
// key of its spec in lib/core/prop-specs.ts).

/** One construct under test. */
export interface ConstructUnderTest {
  /** The class name (the bad-input matrix and this suite must cover the same classes). */
  readonly construct: string;
  /** Its props struct in PROP_SPECS. */
  readonly struct: PropsStruct;
  /** Providers the construct needs in the stack. */
  readonly providers?: readonly ("aws" | "google" | "kubernetes" | "helm" | "azapi")[];
  /** The smallest valid props (a function of the stack for props that are constructs). */
  readonly props: (stack: TerraformStack) => Record<string, unknown>;
  /** Builds the construct with ID "subject". */
  readonly build: (stack: TerraformStack, props: any) => unknown;
}

const SUB = "11111111-2222-3333-4444-555555555555";
const TENANT = "aaaaaaaa-1111-2222-3333-444444444444";
const ACCOUNT = "123456789012";
const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg-sec`;
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const ARC_ID = `/subscriptions/${SUB}/resourceGroups/rg-edge/providers/Microsoft.Kubernetes/connectedClusters/arc1`;
const AKS_ID = `/subscriptions/${SUB}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks1`;
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const serviceAccount = (name: string) => `${name}@my-project.iam.gserviceaccount.com`;
const CONNECTOR = { connectorId: `${RG_ID}/providers/Microsoft.Security/securityConnectors/aws-${ACCOUNT}`, location: "westeurope" };

export const CONSTRUCTS_UNDER_TEST: readonly ConstructUnderTest[] = [
  // lib/aws
  { construct: "DefenderOidcProvider", struct: "DefenderOidcProviderProps", providers: ["aws"], props: () => ({}), build: (s, p) => new aws.DefenderOidcProvider(s, "subject", p) },
  {
    construct: "DefenderForContainersAwsRoles",
    struct: "DefenderForContainersAwsRolesProps",
    providers: ["aws"],
    props: (s) => ({ oidcProvider: new aws.DefenderOidcProvider(s, "oidc"), accountId: ACCOUNT, azureTenantId: TENANT }),
    build: (s, p) => new aws.DefenderForContainersAwsRoles(s, "subject", p),
  },
  {
    construct: "EksAgentlessDiscoveryAccess",
    struct: "EksAgentlessDiscoveryAccessProps",
    providers: ["aws", "kubernetes"],
    props: () => ({ roleArn: role("MDCContainersAgentlessDiscoveryK8sRole"), clusterNames: ["prod", "dev"] }),
    build: (s, p) => new aws.EksAgentlessDiscoveryAccess(s, "subject", p),
  },
  // lib/kubernetes
  {
    construct: "AwsAuthRoleMapping",
    struct: "AwsAuthRoleMappingProps",
    providers: ["kubernetes"],
    props: () => ({ roleArn: role("MDCContainersAgentlessDiscoveryK8sRole"), existingRoleMappings: [{ roleArn: role("eks-nodes"), username: "system:node:{{EC2PrivateDNSName}}", groups: ["system:nodes"] }] }),
    build: (s, p) => new kubernetes.AwsAuthRoleMapping(s, "subject", p),
  },
  {
    construct: "HelmDefenderSensor",
    struct: "HelmDefenderSensorProps",
    providers: ["helm"],
    props: () => ({ connector: CONNECTOR, cluster: kubernetes.SensorCluster.eks({ accountId: "012345678901", region: "eu-west-1", clusterName: "prod-eks" }) }),
    build: (s, p) => new kubernetes.HelmDefenderSensor(s, "subject", p),
  },
  // lib/gcp
  {
    construct: "DefenderWorkloadIdentity",
    struct: "DefenderWorkloadIdentityProps",
    providers: ["google"],
    props: () => ({ projectId: "prod-gke", projectNumber: "123456789012", tenantId: TENANT }),
    build: (s, p) => new gcp.DefenderWorkloadIdentity(s, "subject", p),
  },
  {
    construct: "DefenderForContainersGcpServiceAccounts",
    struct: "DefenderForContainersGcpServiceAccountsProps",
    providers: ["google"],
    props: (s) => ({ workloadIdentity: new gcp.DefenderWorkloadIdentity(s, "wif", { projectId: "prod-gke", projectNumber: "123456789012", tenantId: TENANT }) }),
    build: (s, p) => new gcp.DefenderForContainersGcpServiceAccounts(s, "subject", p),
  },
  // lib/azure
  { construct: "DefenderForContainersPlan", struct: "DefenderForContainersPlanProps", props: () => ({}), build: (s, p) => new azure.DefenderForContainersPlan(s, "subject", p) },
  { construct: "DefenderWorkspace", struct: "DefenderWorkspaceProps", props: () => ({ resourceGroupName: "rg", location: "eastus" }), build: (s, p) => new azure.DefenderWorkspace(s, "subject", p) },
  { construct: "AksDefenderSensor", struct: "AksDefenderSensorProps", props: (s) => ({ cluster: testCluster(s), workspaceResourceId: WORKSPACE }), build: (s, p) => new azure.AksDefenderSensor(s, "subject", p) },
  { construct: "AksPolicyAddon", struct: "AksPolicyAddonProps", props: (s) => ({ cluster: testCluster(s) }), build: (s, p) => new azure.AksPolicyAddon(s, "subject", p) },
  { construct: "ArcDefenderSensor", struct: "ArcDefenderSensorProps", props: () => ({ clusterId: ARC_ID, workspaceResourceId: WORKSPACE }), build: (s, p) => new azure.ArcDefenderSensor(s, "subject", p) },
  { construct: "ArcPolicyExtension", struct: "ArcPolicyExtensionProps", props: () => ({ clusterId: ARC_ID }), build: (s, p) => new azure.ArcPolicyExtension(s, "subject", p) },
  { construct: "AksAgentlessDiscovery", struct: "AksAgentlessDiscoveryProps", props: () => ({ clusterId: AKS_ID }), build: (s, p) => new azure.AksAgentlessDiscovery(s, "subject", p) },
  {
    construct: "DefenderWorkspaceAssignment",
    struct: "DefenderWorkspaceAssignmentProps",
    props: () => ({ scopeId: `/subscriptions/${SUB}`, location: "westeurope", logAnalyticsWorkspaceResourceId: WORKSPACE }),
    build: (s, p) => new azure.DefenderWorkspaceAssignment(s, "subject", p),
  },
  { construct: "PolicyAddonAssignment", struct: "PolicyAddonAssignmentProps", props: () => ({ scopeId: `/subscriptions/${SUB}`, location: "westeurope" }), build: (s, p) => new azure.PolicyAddonAssignment(s, "subject", p) },
  {
    construct: "DinePolicyAssignment",
    struct: "DinePolicyAssignmentProps",
    props: (s) => ({ policy: BuiltInPolicies.ARC_POLICY_EXTENSION, policyScope: resolvePolicyScope(s, "scopeId", `/subscriptions/${SUB}`), name: "mdc-arc-policy-ext", location: "westeurope" }),
    build: (s, p) => new DinePolicyAssignment(s, "subject", p),
  },
  { construct: "PodSecurityBaseline", struct: "PodSecurityBaselineProps", props: () => ({ scope: `/subscriptions/${SUB}` }), build: (s, p) => new azure.PodSecurityBaseline(s, "subject", p) },
  { construct: "SecurityContact", struct: "SecurityContactProps", props: () => ({ emails: ["secops@contoso.com"] }), build: (s, p) => new azure.SecurityContact(s, "subject", p) },
  {
    construct: "AlertExport",
    struct: "AlertExportProps",
    props: () => ({ resourceGroupName: "rg-sec", location: "westeurope", scopes: [`/subscriptions/${SUB}`], workspaceResourceId: WORKSPACE }),
    build: (s, p) => new azure.AlertExport(s, "subject", p),
  },
  {
    construct: "AlertSuppressionRule",
    struct: "AlertSuppressionRuleProps",
    providers: ["azapi"],
    props: () => ({ subscriptionId: SUB, name: "dismiss-scanner", alertType: "K8S_ExposedDashboard", reason: "FalsePositive", expirationDateUtc: "2026-12-31T23:59:59Z" }),
    build: (s, p) => new azure.AlertSuppressionRule(s, "subject", p),
  },
  {
    construct: "DefenderEgressFirewallRules",
    struct: "DefenderEgressFirewallRulesProps",
    props: () => ({ firewallPolicyId: `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/firewallPolicies/fwp-hub`, sourceAddresses: ["10.240.0.0/16"], priority: 500 }),
    build: (s, p) => new azure.DefenderEgressFirewallRules(s, "subject", p),
  },
  {
    construct: "DefenderPrivateLink",
    struct: "DefenderPrivateLinkProps",
    providers: ["azapi"],
    props: () => ({
      resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-net`,
      location: "westeurope",
      subnetId: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-aks/subnets/private-endpoints`,
    }),
    build: (s, p) => new azure.DefenderPrivateLink(s, "subject", p),
  },
  {
    construct: "AwsSecurityConnector",
    struct: "AwsSecurityConnectorProps",
    providers: ["azapi"],
    props: () => ({
      resourceGroupId: RG_ID,
      location: "westeurope",
      accountId: ACCOUNT,
      kubernetesServiceRoleArn: role("MDCContainersK8sRole"),
      kubernetesDataCollectionRoleArn: role("MDCContainersK8sDataCollectionRole"),
      cloudWatchToKinesisRoleArn: role("MDCContainersK8sCloudWatchToKinesisRole"),
      kinesisToS3RoleArn: role("MDCContainersK8sKinesisToS3Role"),
      imageAssessmentRoleArn: role("MDCContainersImageAssessmentRole"),
      agentlessDiscoveryRoleArn: role("MDCContainersAgentlessDiscoveryK8sRole"),
    }),
    build: (s, p) => new azure.AwsSecurityConnector(s, "subject", p),
  },
  {
    construct: "GcpSecurityConnector",
    struct: "GcpSecurityConnectorProps",
    providers: ["azapi"],
    props: () => ({
      resourceGroupId: RG_ID,
      location: "westeurope",
      projectId: "my-project",
      projectNumber: "123456789012",
      nativeCloudConnectionServiceAccountEmail: serviceAccount("microsoft-defender-containers"),
      dataPipelineServiceAccountEmail: serviceAccount("ms-defender-containers-stream"),
      imageAssessmentServiceAccountEmail: serviceAccount("mdc-containers-artifact-assess"),
      agentlessDiscoveryServiceAccountEmail: serviceAccount("mdc-containers-k8s-operator"),
    }),
    build: (s, p) => new azure.GcpSecurityConnector(s, "subject", p),
  },
  {
    construct: "JFrogSecurityConnector",
    struct: "JFrogSecurityConnectorProps",
    providers: ["azapi"],
    props: () => ({ resourceGroupId: RG_ID, location: "westeurope", host: "contoso.jfrog.io" }),
    build: (s, p) => new azure.JFrogSecurityConnector(s, "subject", p),
  },
  {
    construct: "DockerHubSecurityConnector",
    struct: "DockerHubSecurityConnectorProps",
    providers: ["azapi"],
    props: (s) => ({ resourceGroupId: RG_ID, location: "westeurope", organization: "contoso", username: "mdcuser", accessToken: new TerraformVariable(s, "token", { type: "string", sensitive: true }).stringValue }),
    build: (s, p) => new azure.DockerHubSecurityConnector(s, "subject", p),
  },
  {
    construct: "AksSecurityGating",
    struct: "AksSecurityGatingProps",
    providers: ["azapi"],
    props: (s) => ({
      cluster: testCluster(s, "cluster", { oidcIssuerEnabled: true, workloadIdentityEnabled: true }),
      registries: [{ registryId: `/subscriptions/${SUB}/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/contosoimages` }],
    }),
    build: (s, p) => new azure.AksSecurityGating(s, "subject", p),
  },
  {
    construct: "AksSensorExclusion",
    struct: "AksSensorExclusionProps",
    providers: ["azapi"],
    props: (s) => ({ clusters: [testCluster(s)] }),
    build: (s, p) => new azure.AksSensorExclusion(s, "subject", p),
  },
  {
    construct: "DefenderRecommendationExemption",
    struct: "DefenderRecommendationExemptionProps",
    props: () => ({
      scope: AKS_ID,
      name: "aks-dev-running-images",
      recommendations: [azure.DefenderRecommendation.RUNNING_IMAGE_VULNERABILITIES],
      category: azure.ExemptionCategory.WAIVER,
      justification: "Dev cluster, no customer data; SEC-1234 accepted by the CISO",
      expiresOn: "2026-12-31T23:59:59Z",
    }),
    build: (s, p) => new azure.DefenderRecommendationExemption(s, "subject", p),
  },
  {
    construct: "EksSensorExclusion",
    struct: "EksSensorExclusionProps",
    providers: ["aws"],
    props: (s) => ({ clusters: [new EksCluster(s, "eks", { name: "dev", roleArn: role("eks"), vpcConfig: { subnetIds: ["subnet-1"] } })] }),
    build: (s, p) => new aws.EksSensorExclusion(s, "subject", p),
  },
  {
    construct: "GkeSensorExclusion",
    struct: "GkeSensorExclusionProps",
    providers: ["google"],
    props: (s) => ({ clusters: [new ContainerCluster(s, "gke", { name: "dev", location: "europe-west1", initialNodeCount: 1 })] }),
    build: (s, p) => new gcp.GkeSensorExclusion(s, "subject", p),
  },
  // lib/patterns
  {
    construct: "AksDefenderForContainers",
    struct: "AksDefenderForContainersProps",
    props: (s) => ({ location: "westeurope", workspaceResourceGroupName: "rg-sec", clusters: [testCluster(s)] }),
    build: (s, p) => new patterns.AksDefenderForContainers(s, "subject", p),
  },
  {
    construct: "ArcDefenderForContainers",
    struct: "ArcDefenderForContainersProps",
    props: () => ({ location: "westeurope", workspaceResourceGroupName: "rg-sec" }),
    build: (s, p) => new patterns.ArcDefenderForContainers(s, "subject", p),
  },
  {
    construct: "EksDefenderForContainers",
    struct: "EksDefenderForContainersProps",
    providers: ["aws", "kubernetes", "helm", "azapi"],
    props: () => ({ accountId: ACCOUNT, azureTenantId: TENANT, region: "eu-west-1", resourceGroupId: RG_ID, location: "westeurope", clusters: [patterns.EksDefenderCluster.fromName("prod")] }),
    build: (s, p) => new patterns.EksDefenderForContainers(s, "subject", p),
  },
  {
    construct: "GkeDefenderForContainers",
    struct: "GkeDefenderForContainersProps",
    providers: ["google", "kubernetes", "helm", "azapi"],
    props: () => ({
      projectId: "prod-gke",
      projectNumber: "123456789012",
      azureTenantId: TENANT,
      connectorResourceGroupId: RG_ID,
      connectorLocation: "westeurope",
      clusters: [patterns.GkeCluster.fromName({ name: "prod-gke", location: "europe-west1" })],
    }),
    build: (s, p) => new patterns.GkeDefenderForContainers(s, "subject", p),
  },
];

/** Adds the providers a construct needs. */
export function addProviders(stack: TerraformStack, providers: ConstructUnderTest["providers"] = []): void {
  for (const provider of providers) {
    if (provider === "aws") new AwsProvider(stack, "aws", { region: "us-east-1" });
    if (provider === "google") new GoogleProvider(stack, "google", {});
    if (provider === "kubernetes") new KubernetesProvider(stack, "kubernetes", {});
    if (provider === "helm") new HelmProvider(stack, "helm", {});
    if (provider === "azapi") new azure.AzapiProvider(stack, "azapi");
  }
}
