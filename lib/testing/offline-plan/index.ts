// Real Terraform, offline: the stub provider and planOffline. Importing this loads no gRPC or msgpack
// code; @grpc/grpc-js, @grpc/proto-loader and @msgpack/msgpack load when a plan (or a codec call) runs.
export { planOffline, OfflinePlanInputError, readStacks, findExecutable } from "./plan-offline";
export type { PlanOfflineOptions, StackPlanResult } from "./plan-offline";
export { startStubServer, providerAddress } from "./stub-provider";
export type { StubServer, StubServerOptions, StubProviderRequest, ReattachConfig } from "./stub-provider";
export { encodeCty, decodeCty, ctyFromJson, CtyUnknown, CtyDynamic, CtyValueError, UNKNOWN } from "./cty-msgpack";
export type { CtyValue } from "./cty-msgpack";
