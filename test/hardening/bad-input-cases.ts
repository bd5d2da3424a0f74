import { TerraformStack } from "cdktf";
import { AksDefenderSensor, DefenderForContainersPlan, DefenderWorkspace, PlanTier } from "../../lib/azure";
import { testCluster } from "../azure/fixtures";
import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { GkeCluster, GkeDefenderForContainers, GkeDefenderForContainersProps } from "../../lib/patterns";

/** One bad input: what is fed to which construct, and the message it must fail with. */
export interface BadInputCase {
  /** The public construct (or function) receiving the input. */
  readonly construct: string;
  /** What is wrong, in a few words. */
  readonly input: string;
  /** Builds the failing construct in `stack` (construct ID "subject" where possible). */
  readonly build: (stack: TerraformStack) => void;
  /** The exact error message, or a pattern for long ones. */
  readonly message: string | RegExp;
}

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const AKS_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1`;
const GUID_FORM = "a GUID of the form 00000000-0000-0000-0000-000000000000";

/** The matrix. Constructs from each area append their cases here. */
export const BAD_INPUT_CASES: BadInputCase[] = [
  // DefenderForContainersPlan
  ...(["sensor", "agentlessDiscovery", "registryVulnerabilityAssessment", "agentlessVmScanning", "integrityContribution"] as const).map(
    (prop): BadInputCase => ({
      construct: "DefenderForContainersPlan",
      input: `Free tier with ${prop} on`,
      build: (stack) => new DefenderForContainersPlan(stack, "subject", { tier: PlanTier.FREE, [prop]: true }),
      message: `[test/subject] ${prop}: got true with tier "Free"; expected tier "Standard" — the service rejects extensions on the Free tier.`,
    }),
  ),
  {
    construct: "DefenderForContainersPlan",
    input: "Free tier with exclusion tags",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { tier: PlanTier.FREE, vmScanningExclusionTags: [{ key: "a", value: "b" }] }),
    message: '[test/subject] vmScanningExclusionTags: got tags with tier "Free"; expected no tags on the Free tier.',
  },
  {
    construct: "DefenderForContainersPlan",
    input: "subscription ID that is a name",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { subscriptionId: "prod" }),
    message: `[test/subject] subscriptionId: got "prod"; expected ${GUID_FORM}.`,
  },
  {
    construct: "DefenderForContainersPlan",
    input: "subscription ID with braces",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { subscriptionId: `{${SUB}}` }),
    message: `[test/subject] subscriptionId: got "{${SUB}}"; expected ${GUID_FORM}.`,
  },
  {
    construct: "DefenderForContainersPlan",
    input: "importExisting without subscriptionId",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { importExisting: true }),
    message: /^\[test\/subject\] importExisting: got true without subscriptionId; expected subscriptionId to be set/,
  },
  {
    construct: "DefenderForContainersPlan",
    input: "exclusion tag name with a slash",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { vmScanningExclusionTags: [{ key: "a/b", value: "x" }] }),
    message: /^\[test\/subject\] vmScanningExclusionTags\[0\]\.key: got "a\/b"; expected an Azure tag name/,
  },
  {
    construct: "DefenderForContainersPlan",
    input: "empty exclusion tag name",
    build: (stack) => new DefenderForContainersPlan(stack, "subject", { vmScanningExclusionTags: [{ key: "", value: "x" }] }),
    message: /^\[test\/subject\] vmScanningExclusionTags\[0\]\.key: got ""; expected an Azure tag name/,
  },
  // DefenderWorkspace
  ...[29, 731, 45.5].map(
    (retentionInDays): BadInputCase => ({
      construct: "DefenderWorkspace",
      input: `retention of ${retentionInDays} days`,
      build: (stack) => new DefenderWorkspace(stack, "subject", { resourceGroupName: "rg", location: "eastus", retentionInDays }),
      message: `[test/subject] retentionInDays: got ${retentionInDays}; expected a whole number from 30 to 730.`,
    }),
  ),
  ...["ab", "-law", "law_1", "a".repeat(64)].map(
    (name): BadInputCase => ({
      construct: "DefenderWorkspace",
      input: `name ${name.length > 10 ? `of ${name.length} characters` : JSON.stringify(name)}`,
      build: (stack) => new DefenderWorkspace(stack, "subject", { resourceGroupName: "rg", location: "eastus", name }),
      message: `[test/subject] name: got ${JSON.stringify(name)}; expected 4-63 letters, digits or hyphens, starting and ending with a letter or digit.`,
    }),
  ),
  {
    construct: "DefenderWorkspace",
    input: "location with a typo",
    build: (stack) => new DefenderWorkspace(stack, "subject", { resourceGroupName: "rg", location: "westeurop" }),
    message: /^\[test\/subject\] location: got "westeurop"; expected an Azure region name .* Did you mean "westeurope"\?/,
  },
  {
    construct: "DefenderWorkspace",
    input: "AWS region as location",
    build: (stack) => new DefenderWorkspace(stack, "subject", { resourceGroupName: "rg", location: "us-east-1" }),
    message: /^\[test\/subject\] location: got "us-east-1"; expected an Azure region name/,
  },
  {
    construct: "DefenderWorkspace",
    input: "daily quota of 0 GB",
    build: (stack) => new DefenderWorkspace(stack, "subject", { resourceGroupName: "rg", location: "eastus", dailyQuotaGb: 0 }),
    message: /^\[test\/subject\] dailyQuotaGb: got 0; expected a whole number from 1/,
  },
  {
    construct: "DefenderWorkspace.defaultWorkspaceName",
    input: "region without a Defender location code",
    build: () => DefenderWorkspace.defaultWorkspaceName(SUB, "italynorth"),
    message: /^DefenderWorkspace\.defaultWorkspaceName: region: got "italynorth"; expected one of the regions/,
  },
  {
    construct: "DefenderWorkspace.defaultWorkspaceName",
    input: "subscription that is not a GUID",
    build: () => DefenderWorkspace.defaultWorkspaceName("prod", "eastus"),
    message: `DefenderWorkspace.defaultWorkspaceName: subscriptionId: got "prod"; expected ${GUID_FORM}.`,
  },
  // AksDefenderSensor
  {
    construct: "AksDefenderSensor",
    input: "workspace name instead of ID",
    build: (stack) => new AksDefenderSensor(stack, "subject", { cluster: testCluster(stack), workspaceResourceId: "law-sec" }),
    message: /^\[test\/subject\] workspaceResourceId: got "law-sec"; expected a Log Analytics workspace resource ID/,
  },
  {
    construct: "AksDefenderSensor",
    input: "AKS cluster ID as workspace",
    build: (stack) => new AksDefenderSensor(stack, "subject", { cluster: testCluster(stack), workspaceResourceId: AKS_ID }),
    message: /The value is a Microsoft\.ContainerService\/managedClusters ID\.$/,
  },
  {
    construct: "AksDefenderSensor",
    input: "workspace ID with a bad subscription GUID",
    build: (stack) => new AksDefenderSensor(stack, "subject", { cluster: testCluster(stack), workspaceResourceId: WORKSPACE.replace(SUB, "1234") }),
    message: /^\[test\/subject\] workspaceResourceId: got "\/subscriptions\/1234\//,
  },
  {
    construct: "AksDefenderSensor",
    input: "workspace ID with a child segment",
    build: (stack) => new AksDefenderSensor(stack, "subject", { cluster: testCluster(stack), workspaceResourceId: `${WORKSPACE}/tables/x` }),
    message: /^\[test\/subject\] workspaceResourceId: got ".*\/tables\/x"; expected a Log Analytics workspace resource ID/,
  },
  {
    construct: "AksDefenderSensor",
    input: "same cluster twice",
    build: (stack) => {
      const cluster = testCluster(stack);
      new AksDefenderSensor(stack, "first", { cluster, workspaceResourceId: WORKSPACE });
      new AksDefenderSensor(stack, "subject", { cluster, workspaceResourceId: WORKSPACE });
    },
    message: /^\[test\/subject\] cluster: got test\/cluster, which already has a microsoft_defender block/,
  },
  // GkeDefenderForContainers
  ...(
    [
      ["project ID with capitals", { projectId: "Prod_GKE" }, '[test/subject] projectId: got "Prod_GKE"; expected a GCP project ID of 6-30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen.'],
      ["project number that is the project ID", { projectNumber: "prod-gke" }, '[test/subject] projectNumber: got "prod-gke"; expected a GCP project number (6-20 digits) such as 123456789012.'],
      ["tenant that is a domain", { azureTenantId: "contoso.onmicrosoft.com" }, `[test/subject] azureTenantId: got "contoso.onmicrosoft.com"; expected ${GUID_FORM}.`],
      ["no clusters while the sensor is on", { clusters: undefined }, /^\[test\/subject\] clusters: got \[\]; expected at least one GkeCluster .*set sensor: false/],
      ["sensor auto-provisioning next to the Helm sensor", { connectorOptions: { sensorAutoProvisioning: true } }, /^\[test\/subject\] connectorOptions\.sensorAutoProvisioning: got true; expected false while sensor is on\./],
      ["exempted member without a type prefix", { dataAccessAuditLogs: true, dataAccessAuditLogExemptedMembers: ["ci@example.com"] }, /^\[test\/subject\] dataAccessAuditLogExemptedMembers\[0\]: got "ci@example.com"; expected an IAM member/],
      [
        "same cluster twice",
        { clusters: [GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b" }), GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b" })] },
        '[test/subject] clusters[1]: got "europe-west1-b/legacy-gke"; expected each GKE cluster once. It is also clusters[0].',
      ],
      [
        "two clusters of one name in different locations, no key",
        { clusters: [GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b" }), GkeCluster.fromName({ name: "legacy-gke", location: "us-central1" })] },
        /^\[test\/subject\] clusters\[1\]: got key "legacy-gke", which is also the key of clusters\[0\]; expected every cluster to have its own key\./,
      ],
      ["cluster location that is an Azure region", { clusters: [GkeCluster.fromName({ name: "legacy-gke", location: "westeurope" })] }, /^\[test\/subject\] clusters\[0\]\.location: got "westeurope"; expected a GCP region or zone/],
    ] as [string, Partial<GkeDefenderForContainersProps>, string | RegExp][]
  ).map(
    ([input, props, message]): BadInputCase => ({
      construct: "GkeDefenderForContainers",
      input,
      build: (stack) =>
        new GkeDefenderForContainers(stack, "subject", {
          projectId: "prod-gke",
          projectNumber: "123456789012",
          azureTenantId: "8efa1c55-953c-42df-a19d-d4599e4c64d4",
          connectorResourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-security`,
          connectorLocation: "westeurope",
          clusters: [GkeCluster.fromName({ name: "prod-gke", location: "europe-west1" })],
          ...props,
        }),
      message,
    }),
  ),
  {
    construct: "GkeDefenderForContainers",
    input: "app cluster of another project",
    build: (stack) => {
      const cluster = new ContainerCluster(stack, "cluster", { name: "prod-gke", project: "other-project", initialNodeCount: 1 });
      new GkeDefenderForContainers(stack, "subject", {
        projectId: "prod-gke",
        projectNumber: "123456789012",
        azureTenantId: "8efa1c55-953c-42df-a19d-d4599e4c64d4",
        connectorResourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-security`,
        connectorLocation: "westeurope",
        clusters: [GkeCluster.fromContainerCluster(cluster)],
      });
    },
    message: '[test/subject] clusters[0].project: got "other-project"; expected "prod-gke", the pattern\'s projectId. One pattern covers one project: give each project its own pattern.',
  },
];
