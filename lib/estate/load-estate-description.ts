import { readFileSync } from "fs";
import { EstateDescriptionError } from "./estate-description-error";
import type { EstateDescription } from "./estate-schema";
import type { parseEstateText } from "./parse-estate-text";

// The estate loader's entry: reading, size and encoding checks here; the YAML parser and the zod schema
// (parse-estate-text.ts) load on the first parse, not when the package or an entry point is imported.

export { EstateDescriptionError, formatPath } from "./estate-description-error";
export type { EstateIssue } from "./estate-description-error";

/** Largest estate file read, in bytes: a description of thousands of units is well below it. */
export const MAX_ESTATE_FILE_BYTES = 16 * 1024 * 1024;

/** Reads and validates an estate description (YAML or JSON: JSON is read by the same YAML parser). */
export function loadEstateDescription(file: string): EstateDescription {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new EstateDescriptionError(file, [{ path: "", value: undefined, expected: `a readable file (${(error as Error).message})` }]);
  }
  return parseEstateDescription(decodeUtf8(bytes, file), file);
}

/** `bytes` as UTF-8 text; a file that is too large or not UTF-8 is an error naming the first bad byte. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_ESTATE_FILE_BYTES) {
    throw new EstateDescriptionError(file, [{ path: "", value: undefined, expected: `a file of at most ${MAX_ESTATE_FILE_BYTES} bytes (it has ${bytes.length})` }]);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // The first byte that is not valid UTF-8: where the lenient decoding has a replacement
    // character that the file does not spell as EF BF BD.
    const lenient = Buffer.from(bytes).toString("utf8");
    let offset = 0;
    for (let index = lenient.indexOf("\ufffd"); index >= 0; index = lenient.indexOf("\ufffd", index + 1)) {
      offset = Buffer.byteLength(lenient.slice(0, index));
      if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) break;
    }
    const line = Buffer.from(bytes.subarray(0, offset)).toString("utf8").split("\n").length;
    throw new EstateDescriptionError(file, [
      { path: "", value: undefined, expected: `UTF-8 text (byte ${offset}, line ${line}, is 0x${bytes[offset]?.toString(16).padStart(2, "0")}: save the file as UTF-8)` },
    ]);
  }
}

/** Parses and validates estate description text; `file` is only used in messages. */
export function parseEstateDescription(text: string, file = "<estate>"): EstateDescription {
  if (typeof text !== "string") throw new EstateDescriptionError(file, [{ path: "", value: undefined, expected: "the text of a YAML or JSON file" }]);
  if (Buffer.byteLength(text) > MAX_ESTATE_FILE_BYTES) decodeUtf8(Buffer.from(text), file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- yaml and zod load on the first parse
  const parse = (require("./parse-estate-text") as { parseEstateText: typeof parseEstateText }).parseEstateText;
  return parse(text, file);
}
