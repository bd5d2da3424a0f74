// Estate entry point (`<package>/estate`, also re-exported by the root). The estate file's schema and
// loader (zod, yaml) are loaded on first use, not on import: an app that builds stacks from a description
// it already holds, and every app importing the package root, pays for neither.
import type * as Loader from "./load-estate-description";
import type * as Schema from "./estate-schema";
import { lazyExports } from "./lazy-exports";

export type { EstateAwsAccount, EstateBackend, EstateDescription, EstateGcpProject, EstateSubscription } from "./estate-schema";
export type { EstateIssue } from "./load-estate-description";
export * from "./estate-backend";
export * from "./hcp-terraform-backend";
export * from "./subscription-stack";
export * from "./aws-account-stack";
export * from "./gcp-project-stack";
export * from "./connector-placement";
export * from "./estate-selection";
export * from "./estate-ci-matrix";
export * from "./defender-estate";

/** Reads and validates an estate description (YAML or JSON). */
export declare const loadEstateDescription: typeof Loader.loadEstateDescription;
/** Parses and validates estate description text; `file` is only used in messages. */
export declare const parseEstateDescription: typeof Loader.parseEstateDescription;
/** `["aws","accounts",3,"region"]` → `aws.accounts[3].region`. */
export declare const formatPath: typeof Loader.formatPath;
/** Thrown for an estate file that cannot be read, parsed or validated; lists every problem. */
export declare const EstateDescriptionError: typeof Loader.EstateDescriptionError;
export type EstateDescriptionError = Loader.EstateDescriptionError;
/** The estate file's schema (zod). */
export declare const EstateSchema: typeof Schema.EstateSchema;
/** The schema of one backend entry (zod). */
export declare const BackendSchema: typeof Schema.BackendSchema;

// `module.exports`, not `exports`: transpilers that wrap ES modules (esbuild, hence tsx) replace the former.
lazyExports(module.exports, () => require("./load-estate-description") as typeof Loader, ["loadEstateDescription", "parseEstateDescription", "formatPath", "EstateDescriptionError"]);
lazyExports(module.exports, () => require("./estate-schema") as typeof Schema, ["EstateSchema", "BackendSchema"]);
