import { rmSync } from "fs";
import { buildCoverageReport, Coverage, renderMarkdown } from "../../lib/testing";
import { synthesizeExamples } from "../hardening/examples-output";

// The report over every synthesized example: the examples protect every cluster they name, so any
// gap here is a regression in a construct or in the report.
describe("coverage report of the examples", () => {
  let outdir: string;
  beforeAll(() => {
    outdir = synthesizeExamples();
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test("every cluster of every example is covered", () => {
    const report = buildCoverageReport(outdir);
    expect(report.clusters.filter((c) => c.gaps.length > 0).map((c) => `${c.stack}/${c.name}: ${c.gaps.join(", ")}`)).toEqual([]);
    expect(renderMarkdown(report)).toMatch(/29 clusters, none with gaps, 1 excluded from the sensor\./);
    // The multicloud example's dev GKE cluster is kept off the sensor on purpose.
    expect(report.clusters.filter((c) => c.sensor === Coverage.EXCLUDED).map((c) => `${c.stack}/${c.name}`)).toEqual(["multicloud/mdc-example-gke-dev"]);
  });

  test("a Helm sensor written as a values document is tied to its existing EKS or GKE cluster", () => {
    const byName = (stack: string, name: string) => buildCoverageReport(outdir).clusters.find((c) => c.stack === stack && c.name === name);
    expect(byName("eks", "payments-prod")).toMatchObject({ kind: "EKS", sensor: Coverage.YES, agentlessDiscovery: Coverage.YES });
    expect(byName("gke", "legacy-gke")).toMatchObject({ kind: "GKE", sensor: Coverage.YES, agentlessDiscovery: Coverage.YES });
  });
});
