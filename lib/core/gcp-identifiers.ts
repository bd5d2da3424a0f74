import { IConstruct } from "constructs";
import { IdentifierRule, validateRule } from "./validation";

// Shapes of GCP identifiers. Sources: Resource Manager "Creating and managing projects" (project ID
// 6-30 chars), IAM "Service accounts" (account ID 6-30 chars), "Workload identity federation"
// (pool and provider IDs 4-32 chars), IAM "Custom roles" (role ID up to 64 chars).

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
  WORKLOAD_IDENTITY_ID: { pattern: /^[a-z0-9-]{4,32}$/, form: "an ID of 4-32 lowercase letters, digits or hyphens" },
} satisfies Record<string, IdentifierRule>;

/** Validates a GCP project ID (6-30 lowercase letters, digits, hyphens; starts with a letter). Tokens pass through. */
export function validateGcpProjectId(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.PROJECT_ID);
}

/** Validates a GCP project number (digits only). Tokens pass through. */
export function validateGcpProjectNumber(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.PROJECT_NUMBER);
}

/** Validates a service account ID (the part before `@`): 6-30 characters. Tokens pass through. */
export function validateGcpServiceAccountId(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.SERVICE_ACCOUNT_ID);
}

/** Validates a custom role ID (3-64 letters, digits, underscores or periods). Tokens pass through. */
export function validateGcpCustomRoleId(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.CUSTOM_ROLE_ID);
}

/** Validates a workload identity pool or provider ID (4-32 lowercase letters, digits or hyphens). Tokens pass through. */
export function validateWorkloadIdentityId(scope: IConstruct, prop: string, value: string): string {
  return validateRule(scope, prop, value, GcpIdentifierRules.WORKLOAD_IDENTITY_ID);
}
