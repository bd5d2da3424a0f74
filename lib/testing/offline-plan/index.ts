// Real Terraform, offline: planOffline runs terraform init, validate and plan against the schema-serving
// stub provider. Importing this loads no gRPC or msgpack code; they load when a plan runs.
export { planOffline, OfflinePlanInputError } from "./plan-offline";
export type { PlanOfflineOptions, StackPlanResult } from "./plan-offline";
