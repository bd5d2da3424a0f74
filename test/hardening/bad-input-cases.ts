import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { TerraformStack } from "cdktf";
import { AksDefenderSensor, DefenderForContainersPlan, DefenderWorkspace, PlanTier } from "../../lib/azure";
import { EksDefenderCluster, EksDefenderForContainers, EksDefenderForContainersProps } from "../../lib/patterns";
import { testCluster } from "../azure/fixtures";

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
  // EksDefenderForContainers
  ...(
    [
      ["account ID of 5 digits", { accountId: "12345" }, '[test/subject] accountId: got "12345"; expected a 12-digit AWS account ID such as 123456789012.'],
      ["Azure tenant that is a name", { azureTenantId: "contoso" }, `[test/subject] azureTenantId: got "contoso"; expected ${GUID_FORM}.`],
      ["no clusters", { clusters: [] }, "[test/subject] clusters: got []; expected at least one EKS cluster."],
      [
        "the same cluster twice",
        { clusters: [EksDefenderCluster.fromName("prod"), EksDefenderCluster.fromName("prod")] },
        '[test/subject] clusters[1]: got "prod"; expected each EKS cluster once. It is also clusters[0].',
      ],
      [
        "cluster outside the scanned regions",
        { regions: ["us-east-1"] },
        '[test/subject] clusters[0].region: got "eu-west-1"; expected one of regions (us-east-1). Defender scans, and the roles allow, only those regions: add it to regions.',
      ],
      [
        "OIDC provider of another account",
        { oidcProviderArn: `arn:aws:iam::210987654321:oidc-provider/sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/` },
        '[test/subject] oidcProviderArn: got "arn:aws:iam::210987654321:oidc-provider/sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/"; expected an OIDC provider of account 123456789012. Roles can only trust an identity provider of their own account.',
      ],
      [
        "every capability off",
        { auditLogs: false, agentlessDiscovery: false, imageAssessment: false },
        /^\[test\/subject\] auditLogs, agentlessDiscovery, imageAssessment: got false for all three; expected at least one capability on/,
      ],
      [
        "Arc auto-provisioning next to Helm sensors",
        { connectorOptions: { sensorAutoProvisioning: true } },
        /^\[test\/subject\] connectorOptions\.sensorAutoProvisioning: got true; expected false while the pattern installs the sensor with Helm\./,
      ],
    ] as [string, Partial<EksDefenderForContainersProps>, string | RegExp][]
  ).map(
    ([input, props, message]): BadInputCase => ({
      construct: "EksDefenderForContainers",
      input,
      build: (stack) =>
        new EksDefenderForContainers(stack, "subject", {
          accountId: "123456789012",
          azureTenantId: "aaaaaaaa-1111-2222-3333-444444444444",
          region: "eu-west-1",
          resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-security`,
          location: "westeurope",
          clusters: [EksDefenderCluster.fromName("prod")],
          ...props,
        }),
      message,
    }),
  ),
  {
    construct: "EksDefenderForContainers",
    input: "app cluster in CONFIG_MAP mode with access entries",
    build: (stack) => {
      const cluster = new EksCluster(stack, "cluster", {
        name: "prod",
        roleArn: "arn:aws:iam::123456789012:role/eks",
        vpcConfig: { subnetIds: ["subnet-1"] },
        accessConfig: { authenticationMode: "CONFIG_MAP" },
      });
      new EksDefenderForContainers(stack, "subject", {
        accountId: "123456789012",
        azureTenantId: "aaaaaaaa-1111-2222-3333-444444444444",
        region: "eu-west-1",
        resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-security`,
        location: "westeurope",
        clusters: [EksDefenderCluster.fromCluster(cluster)],
      });
    },
    message: /^\[test\/subject\] clusters\[0\]\.cluster\.accessConfig\.authenticationMode: got "CONFIG_MAP"; expected one of API, API_AND_CONFIG_MAP/,
  },
];
