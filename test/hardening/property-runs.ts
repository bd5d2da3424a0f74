// Bounds of the property-based tests. `npm test` runs a small, seeded sample so it stays within its
// time budget and fails the same way on every machine; a night run in CI sets DEFENDER_PROPERTY_RUNS
// (e.g. 2000) and, to explore new inputs, DEFENDER_PROPERTY_SEED.

/** Generated inputs per property. */
export const PROPERTY_RUNS = Number(process.env.DEFENDER_PROPERTY_RUNS ?? 0) || 0;
/** The seed: fixed unless DEFENDER_PROPERTY_SEED is set. */
export const PROPERTY_SEED = Number(process.env.DEFENDER_PROPERTY_SEED ?? 16) || 16;

/** Runs for a property: `fallback` in `npm test`, DEFENDER_PROPERTY_RUNS when set. */
export function runs(fallback: number): number {
  return PROPERTY_RUNS > 0 ? PROPERTY_RUNS : fallback;
}
