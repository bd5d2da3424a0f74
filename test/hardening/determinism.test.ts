import { readFileSync, rmSync } from "fs";
import { join, relative } from "path";
import { filesUnder, ROOT, synthesizeExamples } from "./examples-output";

describe("determinism", () => {
  let first: string;
  let second: string;
  beforeAll(() => {
    first = synthesizeExamples();
    second = synthesizeExamples();
  }, 120_000);
  afterAll(() => {
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  test("two synths of every example are byte-identical", () => {
    const names = filesUnder(first).map((f) => relative(first, f)).sort();
    expect(filesUnder(second).map((f) => relative(second, f)).sort()).toEqual(names);
    expect(names.filter((n) => n.endsWith("cdk.tf.json")).length).toBeGreaterThan(0);
    for (const name of names) {
      expect({ name, content: readFileSync(join(second, name), "utf8") }).toEqual({ name, content: readFileSync(join(first, name), "utf8") });
    }
  });

  test("the output holds no machine-specific path", () => {
    for (const file of filesUnder(first)) {
      const content = readFileSync(file, "utf8");
      expect({ file: relative(first, file), hasOutdir: content.includes(first), hasRepo: content.includes(ROOT) }).toEqual({
        file: relative(first, file),
        hasOutdir: false,
        hasRepo: false,
      });
    }
  });
});
