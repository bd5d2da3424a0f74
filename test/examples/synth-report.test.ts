import { Annotations, App, TerraformStack } from "cdktf";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { synthAndReport } from "../../examples/synth-report";

describe("npm run synth's report", () => {
  let outdir: string;
  beforeEach(() => (outdir = mkdtempSync(join(tmpdir(), "synth-report-"))));
  afterEach(() => rmSync(outdir, { recursive: true, force: true }));

  function appWith(annotate: (stack: TerraformStack) => void): App {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "one");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    new ResourceGroup(stack, "rg", { name: "rg", location: "westeurope" });
    annotate(stack);
    return app;
  }

  test("prints each stack it wrote, every warning with its construct path, and the totals", () => {
    const lines: string[] = [];
    synthAndReport(appWith((stack) => Annotations.of(stack).addWarning("cluster app has no sensor")), (line) => lines.push(line));
    expect(lines[0]).toMatch(/^one: .*stacks\/one\/cdk\.tf\.json \(1 resources\)$/);
    expect(lines).toContain("  warning [one] cluster app has no sensor");
    expect(lines[lines.length - 1]).toMatch(/^Synthesized 1 stack into .*: 0 errors, 1 warnings, 0 infos\.$/);
  });

  test("an error annotation fails the synth with its message", () => {
    const app = appWith((stack) => Annotations.of(stack).addError("cluster app is unprotected"));
    expect(() => synthAndReport(app, () => undefined)).toThrow(/\[one\] cluster app is unprotected/);
  });
});
