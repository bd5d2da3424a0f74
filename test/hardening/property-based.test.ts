import { Testing } from "cdktf";
import { Construct } from "constructs";
import * as aws from "../../lib/aws";
import * as azure from "../../lib/azure";
import * as gcp from "../../lib/gcp";
import * as kubernetes from "../../lib/kubernetes";
import * as patterns from "../../lib/patterns";
import * as fc from "fast-check";
import { DefenderValidationError } from "../../lib/core";
import { PROP_SPECS } from "../../lib/core/prop-specs";
import { azureStack } from "../util";
import { addProviders, CONSTRUCTS_UNDER_TEST, ConstructUnderTest } from "./property-constructs";
import { runs, PROPERTY_SEED } from "./property-runs";
import { hostileValue } from "./property-values";

// Issue 16: for every public construct and every prop, any value gives either a
// DefenderValidationError or a stack that passes the Terraform checks (test/setup.ts applies
// validateTerraformJson to every Testing.synth) — never a TypeError, a RangeError or output those
// checks refuse. Seeded and bounded for `npm test`; DEFENDER_PROPERTY_RUNS=2000 for a night run.

/** Builds `subject` with `props` and synthesizes; returns the error, if any. */
function attempt(subject: ConstructUnderTest, props: (stack: ReturnType<typeof azureStack>) => unknown): unknown {
  const stack = azureStack();
  addProviders(stack, subject.providers);
  try {
    subject.build(stack, props(stack));
    Testing.synth(stack);
    return undefined;
  } catch (error) {
    return error;
  }
}

function expectLibraryErrorOrNone(error: unknown): void {
  if (error === undefined || error instanceof DefenderValidationError) return;
  throw error;
}

describe.each(CONSTRUCTS_UNDER_TEST.map((c) => [c.construct, c] as const))("%s", (_name, subject) => {
  const fields = Object.keys(PROP_SPECS[subject.struct] ?? {});

  test("its minimal props synthesize", () => {
    expect(attempt(subject, (stack) => subject.props(stack))).toBeUndefined();
  });

  test("props that are not an object are a DefenderValidationError", () => {
    for (const props of [undefined, null, "props", 42, [subject.props]]) {
      const error = attempt(subject, () => props);
      // Constructs whose props are all optional accept undefined (the default `{}`).
      if (error !== undefined) expect(error).toBeInstanceOf(DefenderValidationError);
    }
  });

  test("any value in any prop: a DefenderValidationError or valid Terraform (property)", () => {
    expect(fields.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...fields), hostileValue, (field, value) => {
        expectLibraryErrorOrNone(
          attempt(subject, (stack) => {
            const base = subject.props(stack);
            return { ...base, [field]: value(stack, base[field]) };
          }),
        );
      }),
      { seed: PROPERTY_SEED, numRuns: runs(Math.max(12, fields.length)) },
    );
  });
});

/** Construct classes the property suite does not build: bases, bindings and blocks the bad-input matrix also leaves out, and the estate stacks (their input is the zod-checked estate file). */
const NOT_IN_TABLE = new Set(["SecurityConnector", "RegistrySecurityConnector", "AzapiProvider", "AzapiResource", "AzapiUpdateResource", "AzapiResourceAction", "ImportBlock", "RemovedBlock", "DefenderCoverageChecks"]);

test("the table holds every public construct class", () => {
  const exported = [aws, gcp, kubernetes, azure, patterns]
    .flatMap((entry) => Object.entries(entry))
    .filter(([, value]) => typeof value === "function" && value.prototype instanceof Construct)
    .map(([name]) => name);
  const inTable = new Set(CONSTRUCTS_UNDER_TEST.map((c) => c.construct));
  expect([...new Set(exported)].filter((name) => !inTable.has(name) && !NOT_IN_TABLE.has(name)).sort()).toEqual([]);
});

test("every props struct of the table has a spec", () => {
  expect(CONSTRUCTS_UNDER_TEST.filter((c) => !PROP_SPECS[c.struct]).map((c) => c.construct)).toEqual([]);
});
