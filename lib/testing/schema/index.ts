export * from "./types";
export { SchemaDerivationError } from "./errors";
export { cdktfProviderSchema, warmSchemaCache, CDKTF_PROVIDER_PACKAGES } from "./cdktf-provider-schema";
export type { CdktfProviderSchemaOptions, WarmedProvider } from "./cdktf-provider-schema";
export { SCHEMA_CACHE_DIR_ENV, SCHEMA_FORMAT_VERSION } from "./schema-cache";
export { azapiSchema, AZAPI_SCHEMA_VERSION } from "./azapi-schema";
export { defaultSchemaRegistry } from "./registry";
