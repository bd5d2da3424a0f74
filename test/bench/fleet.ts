/** A fleet benchmark: the library's constructs vs a hand-written raw-L1 stack for the same clusters. */
export interface FleetScenario {
  readonly name: string;
  readonly clusters: number;
  /** Script (run with tsx) that builds and synthesizes the library version and prints the JSON size. */
  readonly library: string;
  /** Script that builds the raw-L1 baseline and prints the JSON size. */
  readonly rawL1: string;
}

/** Fleet scenarios; filled in once the fleet constructs (Arc sensor, AKS policy path, EKS access) exist. */
export function fleetScenarios(): FleetScenario[] {
  return [];
}
