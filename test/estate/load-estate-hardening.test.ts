import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parse, stringify } from "yaml";
import { EstateDescriptionError, loadEstateDescription, MAX_ESTATE_FILE_BYTES, parseEstateDescription } from "../../lib/estate/load-estate-description";
import { VALID_ESTATE } from "./fixtures";

// Issue 16: every YAML failure is an EstateDescriptionError naming the file, the YAML path and the
// form expected; nothing escapes as a TypeError or a ReferenceError of the yaml library.

function fileWith(content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "estate-")), "estate.yaml");
  writeFileSync(file, content);
  return file;
}

function errorOf(run: () => unknown): EstateDescriptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EstateDescriptionError);
    return error as EstateDescriptionError;
  }
  throw new Error("no error");
}

describe("estate loader hardening", () => {
  test("an alias bomb (billion laughs) is refused with the file name", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g", "h"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
    const file = fileWith(bomb);
    const started = Date.now();
    const error = errorOf(() => loadEstateDescription(file));
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: got nothing; expected a document without excessive aliases \\(at most 100 alias expansions: `));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test("bytes that are not UTF-8 name the byte and line", () => {
    const bytes = Buffer.concat([Buffer.from("defaults:\n  tenantId: caf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    const file = fileWith(bytes);
    expect(errorOf(() => loadEstateDescription(file)).message).toBe(`${file}: got nothing; expected UTF-8 text (byte 25, line 2, is 0xe9: save the file as UTF-8).`);
  });

  test("a file over the size limit is refused before it is parsed", () => {
    const file = fileWith(Buffer.alloc(MAX_ESTATE_FILE_BYTES + 1, 0x20));
    expect(errorOf(() => loadEstateDescription(file)).message).toBe(`${file}: got nothing; expected a file of at most ${MAX_ESTATE_FILE_BYTES} bytes (it has ${MAX_ESTATE_FILE_BYTES + 1}).`);
  });

  test("a duplicate key deep in the file is named with its YAML path", () => {
    const text = VALID_ESTATE.replace("      region: eu-west-1\n", "      region: eu-west-1\n      region: eu-west-2\n");
    expect(errorOf(() => parseEstateDescription(text, "estate.yaml")).message).toMatch(/^estate\.yaml: aws\.accounts\[0\]\.region: got "region"; expected each key once in a map \(line \d+, column \d+: the key "region" is repeated\)\.$/);
  });

  test("a 20-digit project number keeps every digit (it was rounded to 12345678901234567000)", () => {
    const text = stringify(parse(VALID_ESTATE)).replace("projectNumber: 123456789012", "projectNumber: 12345678901234567891");
    expect(parseEstateDescription(text, "estate.yaml").gcp.projects[0].projectNumber).toBe("12345678901234567891");
    // A safe integer stays a number where the schema wants one.
    expect(parseEstateDescription(VALID_ESTATE).gcp.projects[0].projectNumber).toBe("123456789012");
    const big = stringify(parse(VALID_ESTATE)).replace("resourceGroupName: rg-security", "resourceGroupName: rg-security\n        retentionInDays: 99999999999999999999");
    // Refused, not rounded to 100000000000000000000.
    expect(errorOf(() => parseEstateDescription(big, "estate.yaml")).message).toContain('"retentionInDays":"99999999999999999999"');
  });

  test("text that is not a string (JavaScript caller) is an error, not a crash", () => {
    expect(errorOf(() => parseEstateDescription(undefined as never, "estate.yaml")).message).toBe("estate.yaml: got nothing; expected the text of a YAML or JSON file.");
  });
});
