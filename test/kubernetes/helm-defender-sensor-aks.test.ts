import { HelmDefenderSensor, HelmDefenderSensorProps, SensorCluster } from "../../lib/kubernetes";
import { helmStack, onlyResourceOf, synthesizeIn, unresolved } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const AKS_ID = `/subscriptions/${SUB}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const AKS = SensorCluster.aks({ clusterId: AKS_ID, location: "westeurope" });
const CONNECTOR = { connectorId: `/subscriptions/${SUB}/resourceGroups/rg-security/providers/Microsoft.Security/securityConnectors/aws-123456789012`, location: "westeurope" };
const EKS = SensorCluster.eks({ accountId: "012345678901", region: "eu-west-1", clusterName: "prod-eks" });

function releaseFor(props: Partial<HelmDefenderSensorProps> = {}) {
  return onlyResourceOf(synthesizeIn(helmStack, (stack) => new HelmDefenderSensor(stack, "sensor", { cluster: AKS, ...props })), "helm_release");
}
const valuesOf = (release: any) => JSON.parse(release.values[0]);
const build = (props: Partial<HelmDefenderSensorProps>) => () => new HelmDefenderSensor(helmStack(), "sensor", { cluster: AKS, ...props } as HelmDefenderSensorProps);

describe("HelmDefenderSensor on AKS", () => {
  test("identifies the cluster by its resource ID: cloudIdentifiers.Azure and the AKS install script's values", () => {
    const release = releaseFor();
    expect(release).toMatchObject({ namespace: "mdc", create_namespace: true, version: "0.10.5" });
    expect(valuesOf(release)).toEqual({
      global: { cloudIdentifiers: { Azure: { subscriptionId: SUB, resourceGroupName: "rg-aks", clusterName: "prod-aks", region: "westeurope" } } },
      "microsoft-defender-for-containers-sensor": {
        Azure: { Cluster: { kubernetesDistro: "generic", Region: "westeurope", ResourceId: AKS_ID, Distribution: "aks", Infrastructure: "Azure" } },
      },
      "defender-admission-controller": { global: { azure: { cluster: { region: "westeurope", resourceId: AKS_ID, infrastructure: "Azure" } } } },
    });
  });

  test("AKS Automatic: the chart goes into kube-system, which is not created", () => {
    const release = releaseFor({ cluster: SensorCluster.aks({ clusterId: AKS_ID, location: "westeurope", automatic: true }) });
    expect(release.namespace).toBe("kube-system");
    expect(release.create_namespace).toBe(false);
  });

  test("a cluster reference is split into its parts by Terraform", () => {
    // The expressions hold quotes, so the document is JSON only once Terraform has evaluated them.
    const document: string = releaseFor({ cluster: SensorCluster.aks({ clusterId: unresolved("var.id"), location: "westeurope" }), legacyValues: false }).values[0];
    expect(document).toContain('"subscriptionId": "${element(split("/", lower("var.id")), 2)}"');
    expect(document).toContain('"resourceGroupName": "${element(split("/", lower("var.id")), 4)}"');
    expect(document).toContain('"clusterName": "${element(split("/", lower("var.id")), 8)}"');
  });

  test("normalizes the casing of a literal cluster ID and the region name", () => {
    const lower = AKS_ID.replace("resourceGroups", "resourcegroups");
    const values = valuesOf(releaseFor({ cluster: SensorCluster.aks({ clusterId: lower, location: "West Europe" }) }));
    expect(values["defender-admission-controller"].global.azure.cluster).toEqual({ resourceId: AKS_ID, region: "westeurope", infrastructure: "Azure" });
    expect(values.global.cloudIdentifiers.Azure.region).toBe("westeurope");
  });

  describe("rejects", () => {
    test("a connector for an AKS cluster", () => {
      expect(build({ connector: CONNECTOR })).toThrow(/\[test\/sensor\] connector: got ".*securityConnectors\/aws-123456789012"; expected no connector for an AKS cluster/);
    });
    test("an EKS cluster without a connector", () => {
      expect(build({ cluster: EKS })).toThrow(/connector: got undefined; expected the security connector of the cluster's AWS account or project/);
    });
    test("a cluster ID that is not an AKS cluster", () => {
      const bad = SensorCluster.aks({ clusterId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/arc1`, location: "westeurope" });
      expect(build({ cluster: bad })).toThrow(/cluster\.clusterId: got ".*connectedClusters\/arc1"; expected an AKS cluster resource ID/);
    });
    test("a location that is not an Azure region", () => {
      expect(build({ cluster: SensorCluster.aks({ clusterId: AKS_ID, location: "mars-north" }) })).toThrow(/cluster\.location: got "mars-north"; expected an Azure region name/);
    });
  });
});

describe("HelmDefenderSensor features", () => {
  test("anti-malware and misconfiguration enforcement become the documented chart values", () => {
    const values = valuesOf(releaseFor({ version: "0.11.2", features: { antimalware: true, misconfigurationEnforcement: true }, legacyValues: false }));
    expect(values["microsoft-defender-for-containers-sensor"]).toEqual({ collectors: { antimalwareCollector: { enable: true } } });
    expect(values["defender-admission-controller"]).toEqual({ enableMisconfigurationPolicies: true });
  });

  test("a feature set to false is written as false; unset features write nothing", () => {
    const values = valuesOf(releaseFor({ features: { antimalware: false }, legacyValues: false }));
    expect(values["microsoft-defender-for-containers-sensor"]).toEqual({ collectors: { antimalwareCollector: { enable: false } } });
    expect(values).not.toHaveProperty("defender-admission-controller");
  });

  test("the same features work for EKS (shared with the multicloud patterns)", () => {
    const release = onlyResourceOf(
      synthesizeIn(helmStack, (stack) => new HelmDefenderSensor(stack, "sensor", { cluster: EKS, connector: CONNECTOR, features: { antimalware: true } })),
      "helm_release",
    );
    expect(valuesOf(release)["microsoft-defender-for-containers-sensor"].collectors).toEqual({ antimalwareCollector: { enable: true } });
  });

  test("private-cluster components (preview) on a 0.11 chart, preview build or not", () => {
    for (const version of ["0.11.3-preview", "0.11.4"]) {
      const values = valuesOf(releaseFor({ version, features: { privateClusterPreview: true }, legacyValues: false }));
      expect(values["microsoft-defender-for-containers-sensor"]).toEqual({ inventoryCollector: { enabled: true }, configController: { enabled: true } });
    }
  });

  test("an unpinned or referenced chart version is not checked", () => {
    expect(() => releaseFor({ version: "latest", allowLatestVersion: true, features: { misconfigurationEnforcement: true, privateClusterPreview: true } })).not.toThrow();
  });

  describe("rejects", () => {
    test("misconfiguration enforcement on a chart older than 0.11", () => {
      expect(build({ features: { misconfigurationEnforcement: true } })).toThrow(
        /\[test\/sensor\] features\.misconfigurationEnforcement: got true; expected false, or a chart version 0\.11\.0 or later \(got version "0\.10\.5"\)/,
      );
    });
    test("anti-malware on a chart older than 0.10.2", () => {
      expect(build({ version: "0.10.1", features: { antimalware: true } })).toThrow(/features\.antimalware: got true; expected false, or a chart version 0\.10\.2 or later \(got version "0\.10\.1"\)/);
    });
    test("private-cluster components on a chart older than 0.11", () => {
      expect(build({ features: { privateClusterPreview: true } })).toThrow(
        /features\.privateClusterPreview: got true; expected false, or a chart version 0\.11\.0 or later \(got version "0\.10\.5"\)/,
      );
    });
    test("private-cluster values given without the preview flag", () => {
      expect(build({ values: { "microsoft-defender-for-containers-sensor": { configController: { enabled: true } } } })).toThrow(
        /values\.microsoft-defender-for-containers-sensor\.configController\.enabled: got true; expected unset without features\.privateClusterPreview/,
      );
    });
  });
});
