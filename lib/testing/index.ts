// Testing entry point (`<package>/testing`): helpers for users' own jest tests.
// Loads cdktf but no provider package: resources are recognised by Terraform type.
export * from "./coverage-report";
export * from "./coverage-markdown";
export * from "./synthesize-for-defender";
export * from "./synthesize-stack-json";
export * from "./expect-cluster-protected";
export * from "./matchers";
export * from "./offline-plan";
export * from "./terraform-checks";
export { defaultSchemaRegistry } from "./schema/registry";
export type { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema, NestingMode, ProviderSchema, SchemaRegistry } from "./schema/types";
// Thrown by these helpers when an assertion fails or their input is missing.
export { DefenderTestingError } from "../core/errors";
