import { readFileSync } from "fs";
import { join } from "path";
import { environmentVariableFor, EXAMPLE_DEFAULTS } from "../../examples/settings";

describe("README example settings table", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
  test.each(Object.keys(EXAMPLE_DEFAULTS))("documents %s and its environment variable", (name) => {
    expect(readme).toContain(`| \`${name}\` | \`${environmentVariableFor(name)}\` |`);
  });
});
