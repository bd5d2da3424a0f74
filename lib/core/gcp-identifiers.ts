import { IConstruct } from "constructs";
import { validatePattern } from "./validation";

// Shapes of GCP identifiers. Sources: Resource Manager "Creating and managing projects" (project ID
// 6-30 chars), IAM "Service accounts" (account ID 6-30 chars), "Workload identity federation"
// (pool and provider IDs 4-32 chars), IAM "Custom roles" (role ID up to 64 chars).

const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const PROJECT_NUMBER = /^\d{6,20}$/;
const SERVICE_ACCOUNT_ID = /^[a-z](?:[a-z0-9-]{4,28}[a-z0-9])$/;
const CUSTOM_ROLE_ID = /^[a-zA-Z0-9_.]{3,64}$/;
const WORKLOAD_IDENTITY_ID = /^[a-z0-9-]{4,32}$/;

/** Validates a GCP project ID (6-30 lowercase letters, digits, hyphens; starts with a letter). Tokens pass through. */
export function validateGcpProjectId(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, PROJECT_ID, "a GCP project ID of 6-30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen");
}

/** Validates a GCP project number (digits only). Tokens pass through. */
export function validateGcpProjectNumber(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, PROJECT_NUMBER, "a GCP project number (6-20 digits) such as 123456789012");
}

/** Validates a service account ID (the part before `@`): 6-30 characters. Tokens pass through. */
export function validateGcpServiceAccountId(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, SERVICE_ACCOUNT_ID, "a service account ID of 6-30 lowercase letters, digits or hyphens, starting with a letter");
}

/** Validates a custom role ID (3-64 letters, digits, underscores or periods). Tokens pass through. */
export function validateGcpCustomRoleId(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, CUSTOM_ROLE_ID, "a custom role ID of 3-64 letters, digits, underscores or periods");
}

/** Validates a workload identity pool or provider ID (4-32 lowercase letters, digits or hyphens). Tokens pass through. */
export function validateWorkloadIdentityId(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, WORKLOAD_IDENTITY_ID, "an ID of 4-32 lowercase letters, digits or hyphens");
}

const SERVICE_ACCOUNT_EMAIL = /^[a-z](?:[a-z0-9-]{4,28}[a-z0-9])@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$/;

/** Validates a user-managed service account email (`<account>@<project>.iam.gserviceaccount.com`). Tokens pass through. */
export function validateGcpServiceAccountEmail(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, SERVICE_ACCOUNT_EMAIL, "a service account email such as microsoft-defender-containers@my-project.iam.gserviceaccount.com");
}

const GCP_LOCATION = /^[a-z]+-[a-z]+\d{1,2}(?:-[a-z])?$/;
const GKE_CLUSTER_NAME = /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Validates a GCP region or zone (`europe-west1`, `europe-west1-b`). Tokens pass through. */
export function validateGcpLocation(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, GCP_LOCATION, "a GCP region or zone such as europe-west1 or europe-west1-b");
}

/** Validates a GKE cluster name (1-40 lowercase letters, digits or hyphens, starting with a letter). Tokens pass through. */
export function validateGkeClusterName(scope: IConstruct, prop: string, value: string): string {
  return validatePattern(scope, prop, value, GKE_CLUSTER_NAME, "a GKE cluster name of 1-40 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen");
}
