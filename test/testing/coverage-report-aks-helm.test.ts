import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { HelmDefenderSensor, SensorCluster } from "../../lib/kubernetes";
import { buildCoverageReport, Coverage } from "../../lib/testing";
import { testCluster } from "../azure/fixtures";
import { azureStack } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";

function aksRow(build: (stack: TerraformStack) => void) {
  const stack = azureStack();
  build(stack);
  const report = buildCoverageReport(Testing.fullSynth(stack));
  expect(report.clusters).toHaveLength(1);
  return report.clusters[0];
}

describe("coverage report: AKS with the sensor chart", () => {
  test("a sensor release that references the cluster is its sensor; the workspace does not apply", () => {
    const row = aksRow((stack) => {
      const cluster = testCluster(stack);
      const helm = new HelmProvider(stack, "helm", { kubernetes: { host: cluster.kubeConfig.get(0).host } });
      new HelmDefenderSensor(stack, "sensor", { cluster: SensorCluster.aks({ clusterId: cluster.id, location: "westeurope" }), provider: helm });
    });
    expect(row).toMatchObject({ sensor: Coverage.YES, workspace: Coverage.NOT_APPLICABLE });
    expect(row.gaps).not.toContain("sensor");
  });

  test("a sensor release for another AKS cluster (a literal ID) does not cover this one", () => {
    const row = aksRow((stack) => {
      testCluster(stack);
      new HelmProvider(stack, "helm", {});
      const other = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/elsewhere`;
      new HelmDefenderSensor(stack, "sensor", { cluster: SensorCluster.aks({ clusterId: other, location: "westeurope" }) });
    });
    expect(row).toMatchObject({ sensor: Coverage.NO, workspace: Coverage.NO });
    expect(row.gaps).toEqual(expect.arrayContaining(["sensor", "workspace"]));
  });
});
