import { warmSchemaCache } from "../lib/testing/schema";

/**
 * Derives every installed provider's schema once, before the workers start: each test file then
 * reads one small cached file per type it checks (a cold derivation costs 1–2 s and up to 600 MB).
 */
export default function globalSetup(): void {
  warmSchemaCache();
}
