import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { TerraformVariable } from "cdktf";
import { AwsSecurityConnector } from "../../lib/azure";
import { AzapiProvider } from "../../lib/azure/azapi/provider";
import { HelmDefenderSensor, HelmDefenderSensorProps, SensorCluster, SensorDistribution, SensorInfrastructure } from "../../lib/kubernetes";
import { helmStack, newStack, onlyResourceOf, synthesizeIn } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const CONNECTOR_ID = `/subscriptions/${SUB}/resourceGroups/rg-security/providers/Microsoft.Security/securityConnectors/aws-123456789012`;
const CONNECTOR = { connectorId: CONNECTOR_ID, location: "westeurope" };
const EKS = SensorCluster.eks({ accountId: "012345678901", region: "eu-west-1", clusterName: "prod-eks" });
const GKE = SensorCluster.gke({ projectId: "my-project", location: "europe-west1", clusterName: "prod-gke" });

function releaseFor(props: Partial<HelmDefenderSensorProps> = {}) {
  return onlyResourceOf(synthesizeIn(helmStack, (stack) => new HelmDefenderSensor(stack, "sensor", { connector: CONNECTOR, cluster: EKS, ...props })), "helm_release");
}
const valuesOf = (release: any) => {
  expect(release.values).toHaveLength(1);
  return JSON.parse(release.values[0]);
};
const build = (props: Partial<HelmDefenderSensorProps>) => () => new HelmDefenderSensor(helmStack(), "sensor", { connector: CONNECTOR, cluster: EKS, ...props });

const LEGACY_EKS = {
  "microsoft-defender-for-containers-sensor": {
    Azure: {
      SecurityConnectorResourceId: CONNECTOR_ID,
      Cluster: { kubernetesDistro: "generic", Distribution: "eks", Infrastructure: "aws", Region: "westeurope" },
    },
  },
  "defender-admission-controller": { global: { azure: { cluster: { infrastructure: "AWS", resourceId: CONNECTOR_ID } } } },
};

describe("HelmDefenderSensor", () => {
  test("installs the pinned chart from MCR into namespace mdc", () => {
    const release = releaseFor();
    expect(release).toMatchObject({
      name: "microsoft-defender-for-containers",
      repository: "oci://mcr.microsoft.com/azuredefender",
      chart: "microsoft-defender-for-containers",
      version: "0.10.5",
      namespace: "mdc",
      create_namespace: true,
      atomic: true,
    });
    expect(release).not.toHaveProperty("devel");
    expect(release).not.toHaveProperty("set");
    expect(release).not.toHaveProperty("set_sensitive");
  });

  test("EKS: current cloudIdentifiers.AWS values and the install script's values", () => {
    expect(valuesOf(releaseFor())).toEqual({ global: { cloudIdentifiers: { AWS: { accountId: "012345678901", region: "eu-west-1", clusterName: "prod-eks" } } }, ...LEGACY_EKS });
  });

  test("GKE: current cloudIdentifiers.GCP values and the install script's values", () => {
    expect(valuesOf(releaseFor({ cluster: GKE }))).toEqual({
      global: { cloudIdentifiers: { GCP: { projectId: "my-project", location: "europe-west1", clusterName: "prod-gke" } } },
      "microsoft-defender-for-containers-sensor": {
        Azure: {
          SecurityConnectorResourceId: CONNECTOR_ID,
          Cluster: { kubernetesDistro: "generic", Distribution: "gke", Infrastructure: "gcp", Region: "westeurope" },
        },
      },
      "defender-admission-controller": { global: { azure: { cluster: { infrastructure: "GCP", resourceId: CONNECTOR_ID } } } },
    });
  });

  test("legacyValues: false writes only the current keys", () => {
    expect(valuesOf(releaseFor({ legacyValues: false }))).toEqual({
      global: { cloudIdentifiers: { AWS: { accountId: "012345678901", region: "eu-west-1", clusterName: "prod-eks" } } },
    });
  });

  test("EKS Auto Mode sets the collectors' SELinux type", () => {
    const cluster = SensorCluster.eks({ accountId: "012345678901", region: "eu-west-1", clusterName: "auto", autoMode: true });
    expect(valuesOf(releaseFor({ cluster, legacyValues: false })).collectors).toEqual({ seLinuxOptions: { type: "super_t" } });
    expect(valuesOf(releaseFor())).not.toHaveProperty("collectors");
  });

  test("a self-managed cluster on AWS uses distribution other with the AWS identifiers", () => {
    const cluster = SensorCluster.other({ infrastructure: SensorInfrastructure.AWS, accountId: "012345678901", region: "us-east-1", clusterName: "kops-1" });
    expect(cluster.distribution).toBe(SensorDistribution.OTHER);
    const values = valuesOf(releaseFor({ cluster }));
    expect(values.global.cloudIdentifiers).toEqual({ AWS: { accountId: "012345678901", region: "us-east-1", clusterName: "kops-1" } });
    expect(values["microsoft-defender-for-containers-sensor"].Azure.Cluster.Distribution).toBe("other");
  });

  test("the values document is sorted JSON, so the output does not depend on the order values are given in", () => {
    const a = releaseFor({ values: { zeta: { b: 1, a: 2 }, alpha: true } }).values[0];
    const b = releaseFor({ values: { alpha: true, zeta: { a: 2, b: 1 } } }).values[0];
    expect(a).toBe(b);
    expect(Object.keys(JSON.parse(a))).toEqual(["alpha", "defender-admission-controller", "global", "microsoft-defender-for-containers-sensor", "zeta"]);
    expect(a).toContain('\n  "alpha": true,');
  });

  test("extra values merge into the construct's maps and win on conflicts", () => {
    const values = valuesOf(
      releaseFor({
        values: {
          global: { cloudIdentifiers: { AWS: { region: "eu-central-1" } }, proxy: "http://proxy:3128" },
          "microsoft-defender-for-containers-sensor": { collectors: { antimalwareCollector: { enable: "true" } } },
        },
      }),
    );
    expect(values.global).toEqual({ cloudIdentifiers: { AWS: { accountId: "012345678901", region: "eu-central-1", clusterName: "prod-eks" } }, proxy: "http://proxy:3128" });
    expect(values["microsoft-defender-for-containers-sensor"].collectors).toEqual({ antimalwareCollector: { enable: "true" } });
    expect(values["microsoft-defender-for-containers-sensor"].Azure.SecurityConnectorResourceId).toBe(CONNECTOR_ID);
  });

  test("workspace ID and key go to set_sensitive only, never to values", () => {
    const synth = synthesizeIn(helmStack, (stack) => {
      const key = new TerraformVariable(stack, "workspace_key", { type: "string", sensitive: true });
      new HelmDefenderSensor(stack, "sensor", { connector: CONNECTOR, cluster: EKS, workspaceId: "99999999-8888-7777-6666-555555555555", workspaceKey: key.stringValue });
    });
    const release = onlyResourceOf(synth, "helm_release");
    expect(release.set_sensitive).toEqual([
      { name: "microsoft-defender-for-containers-sensor.omsagent.secret.wsid", value: "99999999-8888-7777-6666-555555555555", type: "string" },
      { name: "microsoft-defender-for-containers-sensor.omsagent.secret.key", value: "${var.workspace_key}", type: "string" },
    ]);
    expect(release.values[0]).not.toContain("99999999-8888-7777-6666-555555555555");
    expect(release.values[0]).not.toContain("workspace_key");
    expect(release.values[0]).not.toContain("omsagent");
    expect(synth.output).toBeUndefined();
  });

  test("a connector built in the same app is referenced by its ID and normalized location", () => {
    const stack = newStack();
    new AzapiProvider(stack, "azapi");
    new HelmProvider(stack, "helm", {});
    const connector = new AwsSecurityConnector(stack, "aws", {
      resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-security`,
      location: "West Europe",
      accountId: "123456789012",
      auditLogs: false,
      imageAssessment: false,
      agentlessDiscovery: false,
    });
    new HelmDefenderSensor(stack, "sensor", { connector, cluster: EKS });
    const values = valuesOf(onlyResourceOf(synthesizeIn(() => stack, () => undefined), "helm_release"));
    expect(values["microsoft-defender-for-containers-sensor"].Azure.SecurityConnectorResourceId).toBe("${azapi_resource.aws_connector_2201E49E.id}");
    expect(values["microsoft-defender-for-containers-sensor"].Azure.Cluster.Region).toBe("westeurope");
  });

  test("a literal connector ID is normalized to canonical casing", () => {
    const lower = CONNECTOR_ID.replace("resourceGroups", "resourcegroups").replace("Microsoft.Security", "microsoft.security");
    const values = valuesOf(releaseFor({ connector: { connectorId: lower, location: "West Europe" } }));
    expect(values["defender-admission-controller"].global.azure.cluster.resourceId).toBe(CONNECTOR_ID);
  });

  test("a preview version, a mirror repository and another release name", () => {
    const release = releaseFor({ version: "0.11.3-preview", repository: "oci://myregistry.azurecr.io/mirror", releaseName: "defender-k8s" });
    expect(release).toMatchObject({ version: "0.11.3-preview", repository: "oci://myregistry.azurecr.io/mirror", name: "defender-k8s" });
  });

  test("latest with the explicit opt-in installs the newest build (devel) without a version", () => {
    const release = releaseFor({ version: "latest", allowLatestVersion: true });
    expect(release.devel).toBe(true);
    expect(release).not.toHaveProperty("version");
  });

  describe("validation", () => {
    test.each(["1.0.0", "0.10", "v0.10.5", "0.10.5-beta", "latest-preview"])("chart version %s", (version) => {
      expect(build({ version })).toThrow(
        `[test/sensor] version: got "${version}"; expected a chart version 0.<minor>.<patch> or 0.<minor>.<patch>-preview such as "0.10.5".`,
      );
    });

    test("latest without the opt-in", () => {
      expect(build({ version: "latest" })).toThrow(
        '[test/sensor] version: got "latest" without allowLatestVersion; expected a pinned version such as "0.10.5", or allowLatestVersion: true.',
      );
    });

    test("a connector ID that is not a security connector", () => {
      expect(build({ connector: { connectorId: `/subscriptions/${SUB}/resourceGroups/rg-security`, location: "westeurope" } })).toThrow(
        /\[test\/sensor\] connector\.connectorId: got "\/subscriptions\/.*\/resourceGroups\/rg-security"; expected a security connector resource ID such as/,
      );
    });

    test("a connector location that is not an Azure region", () => {
      expect(build({ connector: { connectorId: CONNECTOR_ID, location: "eu-west-1" } })).toThrow(/\[test\/sensor\] connector\.location: got "eu-west-1"; expected an Azure region name/);
    });

    test("EKS: bad account ID, region and cluster name", () => {
      expect(build({ cluster: SensorCluster.eks({ accountId: "1234", region: "eu-west-1", clusterName: "c" }) })).toThrow(
        '[test/sensor] cluster.accountId: got "1234"; expected a 12-digit AWS account ID such as 123456789012.',
      );
      expect(build({ cluster: SensorCluster.eks({ accountId: "012345678901", region: "westeurope", clusterName: "c" }) })).toThrow(
        '[test/sensor] cluster.region: got "westeurope"; expected an AWS region name such as us-east-1 or eu-west-1.',
      );
      expect(build({ cluster: SensorCluster.eks({ accountId: "012345678901", region: "eu-west-1", clusterName: "-bad" }) })).toThrow(
        /\[test\/sensor\] cluster\.clusterName: got "-bad"; expected an EKS cluster name/,
      );
    });

    test("GKE: bad project ID, location and cluster name", () => {
      expect(build({ cluster: SensorCluster.gke({ projectId: "1project", location: "europe-west1", clusterName: "c" }) })).toThrow(
        /\[test\/sensor\] cluster\.projectId: got "1project"; expected a GCP project ID/,
      );
      expect(build({ cluster: SensorCluster.gke({ projectId: "my-project", location: "West Europe", clusterName: "c" }) })).toThrow(
        '[test/sensor] cluster.location: got "West Europe"; expected a GCP region or zone such as europe-west1 or europe-west1-b.',
      );
      expect(build({ cluster: SensorCluster.gke({ projectId: "my-project", location: "europe-west1", clusterName: "Prod_GKE" }) })).toThrow(
        /\[test\/sensor\] cluster\.clusterName: got "Prod_GKE"; expected a GKE cluster name/,
      );
    });

    test("other: the identifier of the cluster's cloud is required and the other cloud's is refused", () => {
      expect(build({ cluster: SensorCluster.other({ infrastructure: SensorInfrastructure.GCP, region: "europe-west1", clusterName: "c" }) })).toThrow(
        "[test/sensor] cluster.projectId: got undefined; expected a value, because the cluster runs on GCP.",
      );
      expect(
        build({ cluster: SensorCluster.other({ infrastructure: SensorInfrastructure.AWS, accountId: "012345678901", projectId: "my-project", region: "us-east-1", clusterName: "c" }) }),
      ).toThrow('[test/sensor] cluster.projectId: got "my-project"; expected no projectId for a cluster on AWS.');
    });

    test("workspace ID without key, key without ID, and an ID that is not a GUID", () => {
      expect(build({ workspaceId: "99999999-8888-7777-6666-555555555555" })).toThrow(
        "[test/sensor] workspaceKey: got undefined; expected the workspace primary key, because workspaceId is set.",
      );
      expect(build({ workspaceKey: "k" })).toThrow("[test/sensor] workspaceId: got undefined; expected the workspace ID (a GUID), because workspaceKey is set.");
      expect(build({ workspaceId: "law-defender", workspaceKey: "k" })).toThrow(
        '[test/sensor] workspaceId: got "law-defender"; expected a GUID of the form 00000000-0000-0000-0000-000000000000.',
      );
    });

    test("a release name Helm refuses and a repository that is not a URL", () => {
      expect(build({ releaseName: "Defender_Sensor" })).toThrow(
        '[test/sensor] releaseName: got "Defender_Sensor"; expected a Helm release name of 1-53 lowercase letters, digits or hyphens.',
      );
      expect(build({ repository: "mcr.microsoft.com/azuredefender" })).toThrow(
        '[test/sensor] repository: got "mcr.microsoft.com/azuredefender"; expected a chart repository URL such as oci://mcr.microsoft.com/azuredefender.',
      );
    });

    test("values that are not a map", () => {
      expect(build({ values: ["a"] as any })).toThrow('[test/sensor] values: got ["a"]; expected a map of string keys to plain JSON-like data');
    });
  });
});
