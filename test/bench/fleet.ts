/** A fleet benchmark: the library's constructs vs a hand-written raw-L1 stack for the same clusters. */
export interface FleetScenario {
  readonly name: string;
  readonly clusters: number;
  /** Script (run with tsx) that builds and synthesizes the library version and prints its FleetResult as JSON. */
  readonly library: string;
  /** Script that builds the raw-L1 baseline and prints its FleetResult as JSON. */
  readonly rawL1: string;
}

/** Fleets of N Arc clusters, N AKS clusters (policy path + agentless discovery) and N EKS clusters. */
export function fleetScenarios(sizes: readonly number[] = [100, 1000, 5000]): FleetScenario[] {
  const script = (fn: string, n: number) => `process.stdout.write(JSON.stringify(require("./test/bench/fleet-stacks.ts").${fn}(${n})));`;
  return sizes.map((n) => ({
    name: `fleet of ${n.toLocaleString("en-US")} × (Arc, AKS, EKS) clusters: construct + synth`,
    clusters: n,
    library: script("libraryFleet", n),
    rawL1: script("rawL1Fleet", n),
  }));
}
