// Estate entry point (`<package>/estate`, also re-exported by the root). The estate file's schema and
// loader's parser (zod, yaml) load on the first parse, not on import (load-estate-description.ts): an app that
// builds stacks from a description it already holds, and every app importing the package root, pays for neither.
// The zod schemas are internal.

export type { EstateAwsAccount, EstateBackend, EstateDescription, EstateGcpProject, EstateSubscription } from "./estate-schema";
export * from "./load-estate-description";
export * from "./estate-backend";
export * from "./hcp-terraform-backend";
export * from "./subscription-stack";
export * from "./aws-account-stack";
export * from "./gcp-project-stack";
export * from "./connector-placement";
export * from "./estate-selection";
export * from "./estate-ci-matrix";
export * from "./defender-estate";
// The base of EstateSelectionError, so a catch needs nothing from the package root.
export { DefenderArgumentError } from "../core/errors";
