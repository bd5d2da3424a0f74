import { ArcDefenderSensor, ArcDefenderSensorProps, ArcReleaseTrain } from "../../lib/azure";
import { ArcDefenderForContainers } from "../../lib/patterns";
import { onlyResourceOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-edge/providers/Microsoft.Kubernetes/connectedClusters/edge-01`;
const EXT = "azurerm_arc_kubernetes_cluster_extension";

function extensionFor(props: Partial<ArcDefenderSensorProps>) {
  return onlyResourceOf(synthesize((stack) => new ArcDefenderSensor(stack, "sensor", { workspaceResourceId: WORKSPACE, clusterId: CLUSTER, ...props })), EXT);
}

describe("ArcDefenderSensor features", () => {
  test("anti-malware becomes collectors.antimalwareCollector.enable, as a string", () => {
    const extension = extensionFor({ features: { antimalware: true } });
    expect(extension.configuration_settings).toEqual({
      logAnalyticsWorkspaceResourceID: WORKSPACE,
      auditLogPath: "/var/log/kube-apiserver/audit.log",
      "collectors.antimalwareCollector.enable": "true",
    });
    expect(extension.release_train).toBe("Stable");
    expect(extensionFor({ features: { antimalware: false } }).configuration_settings["collectors.antimalwareCollector.enable"]).toBe("false");
  });

  test("private-cluster components (preview) put the extension on the Preview train unless a train is given", () => {
    const extension = extensionFor({ features: { privateClusterPreview: true } });
    expect(extension.release_train).toBe("Preview");
    expect(extension.configuration_settings).toMatchObject({ "inventoryCollector.enabled": "true", "configController.enabled": "true" });
    // The page as published in July 2026 installs them without naming a train.
    expect(extensionFor({ releaseTrain: ArcReleaseTrain.STABLE, features: { privateClusterPreview: true } }).release_train).toBe("Stable");
  });

  test("the Arc pattern passes its sensorFeatures to the sensor (the policy extension keeps its train)", () => {
    const synth = synthesize(
      (stack) =>
        new ArcDefenderForContainers(stack, "arc", {
          location: "westeurope",
          workspaceResourceId: WORKSPACE,
          clusterIds: [CLUSTER],
          sensorFeatures: { antimalware: true, privateClusterPreview: true },
        }),
    );
    const extensions = Object.values(synth.resource![EXT]) as any[];
    const sensor = extensions.find((e) => e.extension_type === "microsoft.azuredefender.kubernetes");
    const policy = extensions.find((e) => e.extension_type === "microsoft.policyinsights");
    expect(sensor.release_train).toBe("Preview");
    expect(sensor.configuration_settings["collectors.antimalwareCollector.enable"]).toBe("true");
    expect(policy.release_train).toBe("Stable");
  });

  describe("rejects", () => {
    test("misconfiguration enforcement, which has no extension setting", () => {
      expect(() => extensionFor({ features: { misconfigurationEnforcement: true } })).toThrow(
        /\[test\/sensor\] features\.misconfigurationEnforcement: got true; expected false or unset on the Arc extension\. .*Kubernetes API access/,
      );
    });
  });
});
