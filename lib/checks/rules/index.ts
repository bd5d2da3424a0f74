import { CoverageRule } from "../rule";
import { AksClusterDefenderSensor } from "./AksClusterDefenderSensor";
import { AksClusterPolicyAddon } from "./AksClusterPolicyAddon";
import { AzureStackContainersPlan } from "./AzureStackContainersPlan";
import { ClusterSensorHelmRelease } from "./ClusterSensorHelmRelease";
import { EksClusterAuditLogs } from "./EksClusterAuditLogs";

export * from "./AksClusterDefenderSensor";
export * from "./AksClusterPolicyAddon";
export * from "./AzureStackContainersPlan";
export * from "./ClusterSensorHelmRelease";
export * from "./EksClusterAuditLogs";

/** Every rule of {@link DefenderCoverageChecks}, in report order. IDs never change meaning between releases. */
export const DEFENDER_COVERAGE_RULES: readonly CoverageRule[] = [
  AksClusterDefenderSensor,
  AksClusterPolicyAddon,
  EksClusterAuditLogs,
  AzureStackContainersPlan,
  ClusterSensorHelmRelease,
];
