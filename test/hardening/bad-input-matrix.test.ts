import { Testing } from "cdktf";
import { readFileSync } from "fs";
import { join } from "path";
import { DefenderValidationError } from "../../lib/core";
import { azureStack } from "../util";
import { BAD_INPUT_CASES } from "./bad-input-cases";
import { renderBadInputTable } from "./render-bad-input-table";

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
    // A library error, not a TypeError or a cdktf internal failure.
    expect((error as Error).constructor.name).toMatch(/^(DefenderValidationError|Error|EstateDescriptionError)$/);
    if (error instanceof DefenderValidationError) expect(message.startsWith(`[${error.constructPath}] `)).toBe(true);
    expect(message).toMatch(/got .*expected /s);
  });

  test("docs/bad-input.md lists every case (regenerate with: npx tsx test/hardening/render-bad-input-table.ts > docs/bad-input.md)", () => {
    expect(readFileSync(join(__dirname, "..", "..", "docs", "bad-input.md"), "utf8")).toBe(renderBadInputTable());
  });
});
