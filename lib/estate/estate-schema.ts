import { z } from "zod";
import { AzureResourceIdFormat, AzureResourceIdFormats, isAzureResourceId } from "../core/azure-resource-id";
import { AwsIdentifierRules } from "../core/aws-identifiers";
import { GcpIdentifierRules } from "../core/gcp-identifiers";
import { AZURE_REGIONS } from "../core/catalog/regions";
import { normalizeRegion } from "../core/region";
import { GUID_RULE, IdentifierRule } from "../core/validation";

// The estate description file, as a zod schema. Every message is phrased to follow "expected", so
// the loader can print "<file>: <path>: got <value>; expected <message>".

const rule = (r: IdentifierRule) => z.string({ error: r.form }).regex(r.pattern, { error: r.form });
const azureId = (format: AzureResourceIdFormat) =>
  z.string().refine((value) => isAzureResourceId(value, format), { error: format.description });
const azureRegion = z
  .string()
  .refine((value) => AZURE_REGIONS.includes(normalizeRegion(value)), { error: 'an Azure region name such as "westeurope"' })
  .transform(normalizeRegion);

/** A unit name: becomes part of the stack name and of backend keys. */
const unitName = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
  error: "a name of 1-40 lowercase letters, digits or hyphens, starting and ending with a letter or digit",
});

const TEMPLATE_PLACEHOLDERS = ["{stack}", "{kind}", "{name}"];
const template = z.string().refine((value) => (value.match(/\{[^}]*\}/g) ?? []).every((p) => TEMPLATE_PLACEHOLDERS.includes(p)), {
  error: `a template whose only placeholders are ${TEMPLATE_PLACEHOLDERS.join(", ")}`,
});

/** Where each stack keeps its state. One entry in `defaults.backend`, overridable per unit. */
export const BackendSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("local"),
    /** State file path relative to the stack's directory. */
    /**
     * State file path, relative to the stack's directory (`cdktf.out/stacks/<stack>`). The default
     * puts every state next to `cdktf.out/`, so a stack reading another's outputs (a shared
     * workspace) finds the file at the same relative path.
     */
    pathTemplate: template.default("../../../terraform.{stack}.tfstate"),
  }),
  z.strictObject({
    type: z.literal("cloud"),
    organization: z.string({ error: "an HCP Terraform organization name" }).min(1, { error: "an HCP Terraform organization name" }),
    hostname: z.string().optional(),
    project: z.string().optional(),
    workspaceNameTemplate: template.default("defender-{stack}"),
  }),
  z.strictObject({
    type: z.literal("azurerm"),
    resourceGroupName: z.string({ error: "a resource group name" }).min(1, { error: "a resource group name" }),
    storageAccountName: z.string().regex(/^[a-z0-9]{3,24}$/, { error: "a storage account name of 3-24 lowercase letters or digits" }),
    containerName: z.string().min(3, { error: "a blob container name of 3-63 characters" }).max(63, { error: "a blob container name of 3-63 characters" }),
    keyTemplate: template.default("defender/{stack}.tfstate"),
    subscriptionId: rule(GUID_RULE).optional(),
    useAzureadAuth: z.boolean().default(true),
  }),
  z.strictObject({
    type: z.literal("s3"),
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "an S3 bucket name of 3-63 lowercase letters, digits, dots or hyphens" }),
    region: rule(AwsIdentifierRules.REGION),
    keyTemplate: template.default("defender/{stack}.tfstate"),
    /** S3-native locking (Terraform >= 1.10). */
    useLockfile: z.boolean().default(true),
    dynamodbTable: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal("gcs"),
    bucket: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/, { error: "a GCS bucket name of 3-63 lowercase letters, digits, dots, underscores or hyphens" }),
    prefixTemplate: template.default("defender/{stack}"),
  }),
]);

/** Which Defender components a subscription gets for clusters it does not define. */
const PolicySchema = z.strictObject({
  /** Scope of the DINE assignments: the subscription (default), a management group or a resource group ID. */
  scope: z
    .string()
    .refine(
      (value) => [AzureResourceIdFormats.SUBSCRIPTION, AzureResourceIdFormats.MANAGEMENT_GROUP, AzureResourceIdFormats.RESOURCE_GROUP].some((f) => isAzureResourceId(value, f)),
      { error: "a subscription, management group or resource group ID" },
    )
    .optional(),
  /** Assign the AKS Defender-profile policy with the workspace. */
  aks: z.boolean().default(true),
  /** Assign the Arc Defender-extension policy with the workspace. */
  arc: z.boolean().default(false),
  /** Assign the policies that install the Azure Policy add-on / extension. */
  policyAddon: z.boolean().default(true),
  /** Create remediation tasks for existing clusters. */
  remediate: z.boolean().default(true),
});

const WorkspaceSchema = z.union([
  z.strictObject({
    resourceGroupName: z.string({ error: "a resource group name" }).min(1, { error: "a resource group name" }),
    name: z.string().optional(),
    retentionInDays: z.number({ error: "a whole number from 30 to 730" }).int({ error: "a whole number from 30 to 730" }).min(30, { error: "a whole number from 30 to 730" }).max(730, { error: "a whole number from 30 to 730" }).optional(),
  }),
  z.strictObject({ existingResourceId: azureId(AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE) }),
  z.strictObject({ sharedFrom: unitName }),
], { error: "a workspace to create ({resourceGroupName, name?, retentionInDays?}), an existing one ({existingResourceId}) or another subscription's ({sharedFrom: <subscription name>})" });

const PlanSchema = z.strictObject({
  importExisting: z.boolean().default(false),
  sensor: z.boolean().optional(),
  agentlessDiscovery: z.boolean().optional(),
  registryVulnerabilityAssessment: z.boolean().optional(),
  agentlessVmScanning: z.boolean().optional(),
  integrityContribution: z.boolean().optional(),
});

const SubscriptionSchema = z.strictObject({
  name: unitName,
  subscriptionId: rule(GUID_RULE),
  location: azureRegion.optional(),
  plan: PlanSchema.optional(),
  workspace: WorkspaceSchema.optional(),
  /** Governs the subscription's own clusters by policy unless turned off (`policy: {aks: false, policyAddon: false}`). */
  policy: PolicySchema.prefault({}),
  /** Existing AKS clusters that get agentless discovery (trusted access). */
  aksClusters: z.array(azureId(AzureResourceIdFormats.AKS_CLUSTER)).default([]),
  /** Existing Arc-enabled clusters that get the Defender and policy extensions. */
  arcClusters: z.array(azureId(AzureResourceIdFormats.CONNECTED_CLUSTER)).default([]),
  backend: BackendSchema.optional(),
});

/** Where a cloud connector lives on the Azure side. */
const ConnectorPlacementSchema = z.strictObject({
  /** Name of an entry of `azure.subscriptions`. */
  subscription: unitName,
  resourceGroupName: z.string({ error: "a resource group name" }).min(1, { error: "a resource group name" }),
  location: azureRegion.optional(),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, { error: "a connector name of 1-80 letters, digits, hyphens or underscores" }).optional(),
});

const AwsAccountSchema = z.strictObject({
  name: unitName,
  accountId: rule(AwsIdentifierRules.ACCOUNT_ID),
  region: rule(AwsIdentifierRules.REGION),
  assumeRoleArn: rule(AwsIdentifierRules.ARN).optional(),
  /** ARN of an existing IAM OIDC provider for Defender's issuer (one per account and URL). */
  existingOidcProviderArn: rule(AwsIdentifierRules.ARN).optional(),
  connector: ConnectorPlacementSchema,
  clusters: z
    .array(z.strictObject({ name: rule(AwsIdentifierRules.EKS_CLUSTER_NAME), region: rule(AwsIdentifierRules.REGION).optional() }))
    .min(1, { error: "at least one EKS cluster" }),
  backend: BackendSchema.optional(),
});

const GcpProjectSchema = z.strictObject({
  name: unitName,
  projectId: rule(GcpIdentifierRules.PROJECT_ID),
  projectNumber: z.union([z.string(), z.number()]).transform(String).pipe(rule(GcpIdentifierRules.PROJECT_NUMBER)),
  region: z.string().regex(/^[a-z]+-[a-z]+\d$/, { error: "a GCP region such as europe-west1" }).optional(),
  connector: ConnectorPlacementSchema,
  clusters: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z](?:[-a-z0-9]{0,38}[a-z0-9])?$/, { error: "a GKE cluster name of 1-40 lowercase letters, digits or hyphens" }),
        location: z.string().regex(/^[a-z]+-[a-z]+\d(?:-[a-z])?$/, { error: "a GCP region or zone such as europe-west1 or europe-west1-b" }),
      }),
    )
    .min(1, { error: "at least one GKE cluster" }),
  backend: BackendSchema.optional(),
});

/** The whole estate file. */
export const EstateSchema = z
  .strictObject({
    defaults: z.strictObject({
      /** The organization's Entra tenant (AWS role session names, GCP workload identity pool). */
      tenantId: rule(GUID_RULE),
      location: azureRegion.default("westeurope"),
      backend: BackendSchema.default({ type: "local", pathTemplate: "../../../terraform.{stack}.tfstate" }),
    }),
    azure: z.strictObject({ subscriptions: z.array(SubscriptionSchema).default([]) }).default({ subscriptions: [] }),
    aws: z.strictObject({ accounts: z.array(AwsAccountSchema).default([]) }).default({ accounts: [] }),
    gcp: z.strictObject({ projects: z.array(GcpProjectSchema).default([]) }).default({ projects: [] }),
  })
  .superRefine((estate, ctx) => {
    // Names become stack names and IDs identify state: each may appear once.
    const unique = <T extends Record<K, string>, K extends string>(items: T[], key: K, path: [string, string]) => {
      const seen = new Map<string, number>();
      items.forEach((item, index) => {
        const value = item[key].toLowerCase();
        const first = seen.get(value);
        if (first === undefined) seen.set(value, index);
        else ctx.addIssue({ code: "custom", path: [...path, index, key], message: `each ${key} once (it is also at ${path.join(".")}[${first}])`, input: item[key] });
      });
    };
    unique(estate.azure.subscriptions, "name", ["azure", "subscriptions"]);
    unique(estate.azure.subscriptions, "subscriptionId", ["azure", "subscriptions"]);
    unique(estate.aws.accounts, "name", ["aws", "accounts"]);
    unique(estate.aws.accounts, "accountId", ["aws", "accounts"]);
    unique(estate.gcp.projects, "name", ["gcp", "projects"]);
    unique(estate.gcp.projects, "projectId", ["gcp", "projects"]);

    const subscriptionNames = estate.azure.subscriptions.map((s) => s.name);
    const knownSubscription = `the name of an entry of azure.subscriptions (${subscriptionNames.join(", ") || "none defined"})`;
    estate.aws.accounts.forEach((account, i) => {
      if (!subscriptionNames.includes(account.connector.subscription)) {
        ctx.addIssue({ code: "custom", path: ["aws", "accounts", i, "connector", "subscription"], message: knownSubscription, input: account.connector.subscription });
      }
      account.clusters.forEach((cluster, j) => {
        if (account.clusters.findIndex((c) => c.name === cluster.name && (c.region ?? account.region) === (cluster.region ?? account.region)) !== j) {
          ctx.addIssue({ code: "custom", path: ["aws", "accounts", i, "clusters", j, "name"], message: "each cluster once per region", input: cluster.name });
        }
      });
    });
    estate.gcp.projects.forEach((project, i) => {
      if (!subscriptionNames.includes(project.connector.subscription)) {
        ctx.addIssue({ code: "custom", path: ["gcp", "projects", i, "connector", "subscription"], message: knownSubscription, input: project.connector.subscription });
      }
    });
    estate.azure.subscriptions.forEach((subscription, i) => {
      const shared = subscription.workspace && "sharedFrom" in subscription.workspace ? subscription.workspace.sharedFrom : undefined;
      if (shared === undefined) return;
      const source = estate.azure.subscriptions.find((s) => s.name === shared);
      if (!source || !source.workspace || !("resourceGroupName" in source.workspace) || shared === subscription.name) {
        ctx.addIssue({
          code: "custom",
          path: ["azure", "subscriptions", i, "workspace", "sharedFrom"],
          message: "the name of another subscription that creates its workspace ({resourceGroupName: ...})",
          input: shared,
        });
      }
    });
    if (estate.azure.subscriptions.length + estate.aws.accounts.length + estate.gcp.projects.length === 0) {
      ctx.addIssue({ code: "custom", path: [], message: "at least one subscription, account or project", input: estate });
    }
  });

/** A validated estate description, with defaults applied. */
export type EstateDescription = z.output<typeof EstateSchema>;
export type EstateBackend = z.output<typeof BackendSchema>;
export type EstateSubscription = EstateDescription["azure"]["subscriptions"][number];
export type EstateAwsAccount = EstateDescription["aws"]["accounts"][number];
export type EstateGcpProject = EstateDescription["gcp"]["projects"][number];
