import { Testing } from "cdktf";
import { Construct } from "constructs";
import { readFileSync } from "fs";
import { join } from "path";
import * as aws from "../../lib/aws";
import * as azure from "../../lib/azure";
import { DefenderValidationError } from "../../lib/core";
import * as gcp from "../../lib/gcp";
import * as kubernetes from "../../lib/kubernetes";
import * as patterns from "../../lib/patterns";
import { azureStack } from "../util";
import { BAD_INPUT_CASES } from "./bad-input-cases";
import { renderBadInputTable } from "./render-bad-input-table";

/**
 * Public construct classes that cannot reject input, so they have no bad-input case. Every other
 * construct class exported from these entry points must appear as the `construct` of a case.
 */
const CANNOT_REJECT_INPUT = new Set([
  // The azapi provider binding: its props are the provider's own settings, passed through as given.
  // (SecurityConnector, AzapiResource, ImportBlock and RemovedBlock are internal: not exported.)
  "AzapiProvider",
]);

/** Names of the construct classes exported from the construct entry points. */
function exportedConstructClasses(): string[] {
  return [aws, gcp, kubernetes, azure, patterns]
    .flatMap((entry) => Object.entries(entry))
    .filter(([, value]) => typeof value === "function" && value.prototype instanceof Construct)
    .map(([name]) => name)
    .sort();
}

describe("bad-input matrix", () => {
  test.each(BAD_INPUT_CASES.map((c) => [`${c.construct}: ${c.input}`, c] as const))("%s", (_name, badInput) => {
    const stack = azureStack();
    let error: unknown;
    try {
      badInput.build(stack);
      Testing.synth(stack, true);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    if (typeof badInput.message === "string") expect(message).toBe(badInput.message);
    else expect(message).toMatch(badInput.message);
    // A library error, not a TypeError or a cdktf internal failure (cdktf's App.synth throws a plain
    // Error listing the error annotations checked at synth).
    expect((error as Error).constructor.name).toMatch(/^(DefenderValidationError|DefenderArgumentError|EstateDescriptionError|Error)$/);
    if (error instanceof DefenderValidationError) expect(message.startsWith(`[${error.constructPath}] `)).toBe(true);
    expect(message).toMatch(/got .*expected /s);
  });

  test("holds at least 60 cases", () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(60);
  });

  test("every public construct that can reject input has a case", () => {
    const covered = new Set(BAD_INPUT_CASES.map((c) => c.construct));
    const exported = exportedConstructClasses();
    expect(exported.filter((name) => !covered.has(name) && !CANNOT_REJECT_INPUT.has(name))).toEqual([]);
    // The exclusions are real exports, and none of them has cases (or it would not belong there).
    for (const name of CANNOT_REJECT_INPUT) {
      expect(exported).toContain(name);
      expect(covered.has(name)).toBe(false);
    }
  });

  test("docs/bad-input.md lists every case (regenerate with: npx tsx test/hardening/render-bad-input-table.ts > docs/bad-input.md)", () => {
    expect(readFileSync(join(__dirname, "..", "..", "docs", "bad-input.md"), "utf8")).toBe(renderBadInputTable());
  });
});
