import { IConstruct } from "constructs";
import { invalidValue } from "./errors";
import { IdentifierRule, isUnresolved, validateRule } from "./validation";

// Shapes of GCP identifiers. Sources: Resource Manager "Creating and managing projects" (project ID
// 6-30 chars), IAM "Service accounts" (account ID 6-30 chars), "Workload identity federation"
// (pool and provider IDs 4-32 chars, prefix `gcp-` reserved), IAM "Custom roles" (role ID up to
// 64 chars), Service Usage (service names `<name>.googleapis.com`).

/** Rules for GCP identifiers, shared by the construct validators and the estate file schema. */
export const GcpIdentifierRules = {
  PROJECT_ID: {
    pattern: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
    form: "a GCP project ID of 6-30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen",
  },
  PROJECT_NUMBER: { pattern: /^\d{6,20}$/, form: "a GCP project number (6-20 digits) such as 123456789012" },
  SERVICE_ACCOUNT_ID: {
    pattern: /^[a-z](?:[a-z0-9-]{4,28}[a-z0-9])$/,
    form: "a service account ID of 6-30 lowercase letters, digits or hyphens, starting with a letter",
  },
  CUSTOM_ROLE_ID: { pattern: /^[a-zA-Z0-9_.]{3,64}$/, form: "a custom role ID of 3-64 letters, digits, underscores or periods" },
  WORKLOAD_IDENTITY_ID: { pattern: /^(?!gcp-)[a-z0-9-]{4,32}$/, form: 'an ID of 4-32 lowercase letters, digits or hyphens, not starting with "gcp-"' },
  SERVICE_ACCOUNT_EMAIL: {
    pattern: /^[a-z](?:[a-z0-9-]{4,28}[a-z0-9])@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$/,
    form: "a service account email such as microsoft-defender-containers@my-project.iam.gserviceaccount.com",
  },
  LOCATION: { pattern: /^[a-z]+-[a-z]+\d{1,2}(?:-[a-z])?$/, form: "a GCP region or zone such as europe-west1 or europe-west1-b" },
  GKE_CLUSTER_NAME: {
    pattern: /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/,
    form: "a GKE cluster name of 1-40 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen",
  },
  SERVICE_NAME: { pattern: /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*\.googleapis\.com$/, form: "a Google API service name such as container.googleapis.com" },
} satisfies Record<string, IdentifierRule>;

/** Validates a GCP project ID (6-30 lowercase letters, digits, hyphens; starts with a letter). Tokens pass through. */
export function validateGcpProjectId(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.PROJECT_ID);
}

/** Validates a GCP project number (digits only). Tokens pass through. */
export function validateGcpProjectNumber(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.PROJECT_NUMBER);
}

/**
 * Validates a service account ID (the part before `@`): 6-30 characters. The message says how
 * long a too-long ID is, since names built from prefixes overflow easily. Tokens pass through.
 */
export function validateGcpServiceAccountId(scope: IConstruct, prop: string, value: string): string {
  return validateWithHint(scope, prop, value, GcpIdentifierRules.SERVICE_ACCOUNT_ID, lengthHint(value, 6, 30));
}

/** Validates a custom role ID (3-64 letters, digits, underscores or periods). Tokens pass through. */
export function validateGcpCustomRoleId(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.CUSTOM_ROLE_ID);
}

/**
 * Validates a workload identity pool or provider ID: 4-32 lowercase letters, digits or hyphens,
 * and not starting with `gcp-` (reserved by Google). Tokens pass through.
 */
export function validateWorkloadIdentityId(scope: IConstruct, prop: string, value: string, hint?: string): string {
  const reserved = typeof value === "string" && value.startsWith("gcp-") ? 'The prefix "gcp-" is reserved by Google.' : undefined;
  const why = [lengthHint(value, 4, 32), reserved, hint].filter(Boolean).join(" ") || undefined;
  return validateWithHint(scope, prop, value, GcpIdentifierRules.WORKLOAD_IDENTITY_ID, why);
}

/** Validates a Google API service name such as `container.googleapis.com`. Tokens pass through. */
export function validateGcpServiceName(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.SERVICE_NAME);
}

/** Validates a user-managed service account email (`<account>@<project>.iam.gserviceaccount.com`). Tokens pass through. */
export function validateGcpServiceAccountEmail(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.SERVICE_ACCOUNT_EMAIL);
}

/** Validates a GCP region or zone (`europe-west1`, `europe-west1-b`). Tokens pass through. */
export function validateGcpLocation(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.LOCATION);
}

/** Validates a GKE cluster name (1-40 lowercase letters, digits or hyphens, starting with a letter). Tokens pass through. */
export function validateGkeClusterName(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.GKE_CLUSTER_NAME);
}

/** Full resource name of a workload identity pool: `projects/<number>/locations/global/workloadIdentityPools/<id>`. */
export function gcpWorkloadIdentityPoolName(projectNumber: string, poolId: string): string {
  return `projects/${projectNumber}/locations/global/workloadIdentityPools/${poolId}`;
}

/** Full resource name of a provider in a workload identity pool. */
export function gcpWorkloadIdentityProviderName(projectNumber: string, poolId: string, providerId: string): string {
  return `${gcpWorkloadIdentityPoolName(projectNumber, poolId)}/providers/${providerId}`;
}

/** IAM member for every identity of a workload identity pool (`principalSet://…/*`). */
export function gcpWorkloadIdentityPoolPrincipalSet(projectNumber: string, poolId: string): string {
  return `principalSet://iam.googleapis.com/${gcpWorkloadIdentityPoolName(projectNumber, poolId)}/*`;
}

/** Email of a user-managed service account in a project (project IDs without a domain prefix). */
export function gcpServiceAccountEmail(accountId: string, projectId: string): string {
  return `${accountId}@${projectId}.iam.gserviceaccount.com`;
}

/** `projects/<project>/serviceAccounts/<email>`: the `service_account_id` IAM resources take. */
export function gcpServiceAccountResourceName(projectId: string, email: string): string {
  return `projects/${projectId}/serviceAccounts/${email}`;
}

/** `projects/<project>/roles/<roleId>`: how a project-level custom role is granted. */
export function gcpProjectCustomRoleName(projectId: string, roleId: string): string {
  return `projects/${projectId}/roles/${roleId}`;
}

function validateWithHint(scope: IConstruct, prop: string, value: string, rule: IdentifierRule, hint: string | undefined): string {
  if (isUnresolved(value)) return value;
  if (typeof value !== "string" || !rule.pattern.test(value)) invalidValue(scope, prop, value, rule.form, hint);
  return value;
}

function lengthHint(value: unknown, min: number, max: number): string | undefined {
  if (typeof value !== "string" || (value.length >= min && value.length <= max)) return undefined;
  return `It has ${value.length} characters.`;
}
