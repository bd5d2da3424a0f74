import { ArcKubernetesCluster } from "@cdktf/provider-azurerm/lib/arc-kubernetes-cluster";
import { TerraformOutput, TerraformVariable } from "cdktf";
import { ArcDefenderSensor, ArcDefenderSensorProps, ArcReleaseTrain, DefenderForContainersPlan, DefenderWorkspace } from "../../lib/azure";
import { FleetKey } from "../../lib/core";
import { onlyResourceOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const arc = (name: string, rg = "rg-edge") => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const EXT = "azurerm_arc_kubernetes_cluster_extension";

function build(props: Partial<ArcDefenderSensorProps>) {
  return onlyResourceOf(synthesize((stack) => new ArcDefenderSensor(stack, "sensor", { workspaceResourceId: WORKSPACE, ...props })), EXT);
}

describe("ArcDefenderSensor", () => {
  test("one cluster: the Defender extension as the DINE policy installs it", () => {
    expect(build({ clusterId: arc("edge-01") })).toEqual({
      cluster_id: arc("edge-01"),
      name: "microsoft.azuredefender.kubernetes",
      extension_type: "microsoft.azuredefender.kubernetes",
      release_namespace: "mdc",
      release_train: "Stable",
      identity: { type: "SystemAssigned" },
      configuration_settings: { logAnalyticsWorkspaceResourceID: WORKSPACE, auditLogPath: "/var/log/kube-apiserver/audit.log" },
    });
  });

  test("a fleet is ONE resource with for_each keyed by cluster name, in sorted order", () => {
    const extension = build({ clusterIds: [arc("edge-02"), arc("edge-01"), arc("factory", "rg-factory")] });
    expect(extension.for_each).toEqual({ "edge-01": arc("edge-01"), "edge-02": arc("edge-02"), factory: arc("factory", "rg-factory") });
    expect(Object.keys(extension.for_each)).toEqual(["edge-01", "edge-02", "factory"]);
    expect(extension.cluster_id).toBe("${each.value}");
  });

  test("removing a cluster leaves the other keys untouched", () => {
    const all = build({ clusterIds: [arc("a"), arc("b"), arc("c")] }).for_each;
    const fewer = build({ clusterIds: [arc("c"), arc("a")] }).for_each;
    expect(fewer).toEqual({ a: all.a, c: all.c });
  });

  test("FleetKey.RESOURCE_GROUP_AND_NAME keys clusters that share a name", () => {
    const extension = build({ clusterIds: [arc("edge", "rg-1"), arc("edge", "rg-2")], fleetKey: FleetKey.RESOURCE_GROUP_AND_NAME });
    expect(Object.keys(extension.for_each)).toEqual(["rg-1/edge", "rg-2/edge"]);
  });

  test("a literal workspace key is refused: it would be written in clear text into cdk.tf.json", () => {
    expect(() => build({ clusterId: arc("edge-01"), workspaceId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", workspaceKey: "c2VjcmV0" })).toThrow(
      "[test/sensor] workspaceKey: got a literal value (not shown: it is a secret); expected a reference to the secret",
    );
  });

  test.each([
    ["releaseTrain", { releaseTrain: "Nightly" as ArcReleaseTrain }, '[test/sensor] releaseTrain: got "Nightly"; expected one of Stable, Preview (ArcReleaseTrain).'],
    ["version", { version: "vNext" }, '[test/sensor] version: got "vNext"; expected an extension version such as 0.7.12 or 1.2.3-preview.'],
  ])("a bad %s is an error", (_prop, props, message) => {
    expect(() => build({ clusterId: arc("edge-01"), ...props })).toThrow(message);
  });

  test("audit log path, release train, version and the workspace secrets as protected settings", () => {
    const synth = synthesize((stack) => {
      const key = new TerraformVariable(stack, "workspace_key", { type: "string", sensitive: true });
      new ArcDefenderSensor(stack, "sensor", {
        workspaceResourceId: WORKSPACE,
        clusterId: arc("edge-01"),
        auditLogPath: "/var/lib/k3s/audit.log",
        releaseTrain: ArcReleaseTrain.PREVIEW,
        version: "0.9.58",
        workspaceId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        workspaceKey: key.stringValue,
      });
    });
    const extension = onlyResourceOf(synth, EXT);
    expect(extension.configuration_settings.auditLogPath).toBe("/var/lib/k3s/audit.log");
    expect(extension.release_train).toBe("Preview");
    expect(extension.version).toBe("0.9.58");
    expect(extension.configuration_protected_settings).toEqual({ "omsagent.secret.wsid": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "omsagent.secret.key": "${var.workspace_key}" });
    expect(JSON.stringify(extension.configuration_settings)).not.toContain("workspace_key");
  });

  test("a workspace of the app: key only in protected settings (not in the for_each map, not in outputs); after the plan", () => {
    const synth = synthesize((stack) => {
      const plan = new DefenderForContainersPlan(stack, "plan");
      const ws = new DefenderWorkspace(stack, "ws", { resourceGroupName: "rg", location: "westeurope" });
      const sensor = new ArcDefenderSensor(stack, "sensor", {
        clusterIds: [arc("a"), arc("b")],
        workspaceResourceId: ws.workspaceResourceId,
        workspaceId: ws.workspaceId,
        workspaceKey: ws.primarySharedKey,
        plan,
      });
      new TerraformOutput(stack, "clusters", { value: sensor.clusterKeys });
    });
    const extension = onlyResourceOf(synth, EXT);
    expect(extension.configuration_protected_settings["omsagent.secret.key"]).toBe("${azurerm_log_analytics_workspace.ws_workspace_CBA56DD6.primary_shared_key}");
    expect(JSON.stringify(extension.for_each)).not.toContain("primary_shared_key");
    expect(JSON.stringify(synth.output)).not.toContain("primary_shared_key");
    expect(synth.output!.clusters.value).toEqual(["a", "b"]);
    expect(extension.depends_on).toEqual([expect.stringMatching(/^azurerm_security_center_subscription_pricing\.plan_pricing_/)]);
  });

  test("one cluster defined in the app, by reference", () => {
    const synth = synthesize((stack) => {
      const cluster = new ArcKubernetesCluster(stack, "arc", {
        name: "edge",
        resourceGroupName: "rg",
        location: "westeurope",
        agentPublicKeyCertificate: "cert",
        identity: { type: "SystemAssigned" },
      });
      new ArcDefenderSensor(stack, "sensor", { clusterId: cluster.id, workspaceResourceId: WORKSPACE });
    });
    expect(onlyResourceOf(synth, EXT).cluster_id).toBe("${azurerm_arc_kubernetes_cluster.arc.id}");
  });

  describe("validation", () => {
    test("an empty list is an error", () => {
      expect(() => build({ clusterIds: [] })).toThrow("[test/sensor] clusterIds: got []; expected at least one connected cluster.");
    });
    test("neither clusterId nor clusterIds is an error", () => {
      expect(() => build({})).toThrow("[test/sensor] clusterIds: got undefined; expected clusterId (one cluster) or clusterIds (a fleet).");
    });
    test("both clusterId and clusterIds is an error", () => {
      expect(() => build({ clusterId: arc("a"), clusterIds: [arc("b")] })).toThrow("[test/sensor] clusterIds: got");
    });
    test("the same cluster twice is an error", () => {
      expect(() => build({ clusterIds: [arc("a"), arc("b"), arc("a")] })).toThrow(
        `[test/sensor] clusterIds[2]: got "${arc("a")}"; expected each connected cluster once. It is also clusterIds[0].`,
      );
    });
    test("two clusters with the same name in different groups is an error under the name key", () => {
      expect(() => build({ clusterIds: [arc("edge", "rg-1"), arc("edge", "rg-2")] })).toThrow(/clusterIds\[1\]: got .*whose for_each key "edge" is also the key of clusterIds\[0\]/);
    });
    test("an AKS cluster ID is not a connected cluster ID", () => {
      const aks = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`;
      expect(() => build({ clusterIds: [aks] })).toThrow(
        `[test/sensor] clusterIds[0]: got "${aks}"; expected an Arc-enabled Kubernetes cluster resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Kubernetes/connectedClusters/<name>. The value is a Microsoft.ContainerService/managedClusters ID.`,
      );
      expect(() => build({ clusterId: aks })).toThrow(`[test/sensor] clusterId: got "${aks}"; expected an Arc-enabled Kubernetes cluster resource ID`);
    });
    test("a bad workspace ID is an error", () => {
      expect(() => build({ clusterId: arc("a"), workspaceResourceId: arc("a") })).toThrow(
        `[test/sensor] workspaceResourceId: got "${arc("a")}"; expected a Log Analytics workspace resource ID`,
      );
    });
    test("a workspace ID without key (or the reverse) is an error", () => {
      expect(() => build({ clusterId: arc("a"), workspaceId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" })).toThrow(
        "[test/sensor] workspaceKey: got undefined while workspaceId is set; expected both or neither",
      );
      expect(() => build({ clusterId: arc("a"), workspaceKey: "k" })).toThrow("[test/sensor] workspaceId: got undefined while workspaceKey is set");
    });
    test("a workspace ID that is not a GUID is an error", () => {
      expect(() => build({ clusterId: arc("a"), workspaceId: "law-sec", workspaceKey: "k" })).toThrow('[test/sensor] workspaceId: got "law-sec"; expected a GUID');
    });
    test("a relative audit log path is an error", () => {
      expect(() => build({ clusterId: arc("a"), auditLogPath: "audit.log" })).toThrow('[test/sensor] auditLogPath: got "audit.log"; expected an absolute file path');
    });
  });
});
