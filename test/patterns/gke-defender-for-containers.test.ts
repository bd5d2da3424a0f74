import { Construct } from "constructs";
import { ContainerCluster, ContainerClusterConfig } from "@cdktf/provider-google/lib/container-cluster";
import { ContainerNodePool } from "@cdktf/provider-google/lib/container-node-pool";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { TerraformStack, TerraformVariable } from "cdktf";
import { AzapiProvider } from "../../lib/azure/azapi/provider";
import { GcpImageAssessmentAccess } from "../../lib/gcp";
import { GkeCluster, GkeDefenderCluster, GkeDefenderForContainers, GkeDefenderForContainersProps } from "../../lib/patterns";
import { gkeStack, newStack, onlyResourceOf, resourcesOf, SynthesizedStack, synthesizeStack } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-security`;
const PROJECT = "prod-gke-project";
const NUMBER = "123456789012";
const TENANT = "8efa1c55-953c-42df-a19d-d4599e4c64d4";
const POOL = "8efa1c55953c42dfa19dd4599e4c64d4";
const email = (account: string) => `${account}@${PROJECT}.iam.gserviceaccount.com`;
const BASE = { projectId: PROJECT, projectNumber: NUMBER, azureTenantId: TENANT, connectorResourceGroupId: RG, connectorLocation: "westeurope" };

type Props = Omit<GkeDefenderForContainersProps, "clusters"> & { clusters?: GkeCluster[] };

interface Built {
  readonly stack: TerraformStack;
  readonly defender: GkeDefenderForContainers;
  readonly synth: SynthesizedStack;
  readonly prod: ContainerCluster;
}

/** A stack with one app cluster (`prod-gke`) and one existing cluster (`legacy-gke`) unless `clusters` says otherwise. */
function build(props: Partial<Props> = {}, clusterConfig: Partial<ContainerClusterConfig> = {}, stack: TerraformStack = gkeStack()): Built {
  const prod = new ContainerCluster(stack, "prod", { name: "prod-gke", location: "europe-west1", initialNodeCount: 1, ...clusterConfig });
  const clusters = "clusters" in props ? props.clusters : [GkeCluster.fromContainerCluster(prod), GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b" })];
  const defender = new GkeDefenderForContainers(stack, "gke", { ...BASE, ...props, clusters });
  return { stack, defender, prod, synth: synthesizeStack(stack) };
}
/** Builds without synthesizing, for validation errors. */
const attempt = (props: Partial<Props>, clusterConfig: Partial<ContainerClusterConfig> = {}) => () => {
  const stack = gkeStack();
  const prod = new ContainerCluster(stack, "prod", { name: "prod-gke", location: "europe-west1", initialNodeCount: 1, ...clusterConfig });
  const clusters = "clusters" in props ? props.clusters : [GkeCluster.fromContainerCluster(prod)];
  new GkeDefenderForContainers(stack, "gke", { ...BASE, ...props, clusters });
};

const connectorOf = (synth: SynthesizedStack) => onlyResourceOf(synth, "azapi_resource");
const offeringOf = (synth: SynthesizedStack) => connectorOf(synth).body.properties.offerings[0];
const releases = (synth: SynthesizedStack) => resourcesOf(synth, "helm_release");
const releaseFor = (synth: SynthesizedStack, key: string) => {
  const found = Object.entries(releases(synth)).filter(([id]) => id.startsWith(`gke_sensor-${key}_release_`));
  expect(found).toHaveLength(1);
  return found[0][1];
};
const valuesOf = (release: any) => JSON.parse(release.values[0]);
const addressOf = (synth: SynthesizedStack, type: string) => `${type}.${Object.keys(resourcesOf(synth, type))[0]}`;
const helmProviders = (synth: SynthesizedStack) => Object.fromEntries((synth.provider?.helm ?? []).map((p: any) => [p.alias, p]));

describe("GkeDefenderForContainers", () => {
  describe("defaults: one app cluster, one existing cluster", () => {
    const { synth, defender } = build();
    const connectorAddress = addressOf(synth, "azapi_resource");

    test("the connector is wired to the emails and provider IDs the service accounts expose", () => {
      const offering = offeringOf(synth);
      expect(offering).toEqual({
        offeringType: "DefenderForContainersGcp",
        nativeCloudConnection: { serviceAccountEmailAddress: email("microsoft-defender-containers"), workloadIdentityProviderId: "containers" },
        dataPipelineNativeCloudConnection: { serviceAccountEmailAddress: email("ms-defender-containers-stream"), workloadIdentityProviderId: "containers-streams" },
        enableAuditLogsAutoProvisioning: true,
        enableDefenderAgentAutoProvisioning: false,
        enablePolicyAgentAutoProvisioning: false,
        mdcContainersImageAssessment: { enabled: true, serviceAccountEmailAddress: email("mdc-containers-artifact-assess"), workloadIdentityProviderId: "containers" },
        mdcContainersAgentlessDiscoveryK8s: { enabled: true, serviceAccountEmailAddress: email("mdc-containers-k8s-operator"), workloadIdentityProviderId: "containers" },
      });
      // The same values the inner constructs expose, not a second copy of the names.
      const accounts = defender.serviceAccounts;
      expect(offering.nativeCloudConnection).toEqual(accounts.nativeCloudConnection);
      expect(offering.dataPipelineNativeCloudConnection).toEqual(accounts.dataPipelineNativeCloudConnection);
      expect(offering.dataPipelineNativeCloudConnection.workloadIdentityProviderId).toBe(defender.workloadIdentity.containersStreamsProviderId);
      expect(offering.nativeCloudConnection.workloadIdentityProviderId).toBe(defender.workloadIdentity.containersProviderId);
    });

    test("the connector covers the project, sits in the given group and region, and waits for the identities", () => {
      const connector = connectorOf(synth);
      expect(connector).toMatchObject({ type: "Microsoft.Security/securityConnectors@2024-08-01-preview", name: `gcp-${PROJECT}`, parent_id: RG, location: "westeurope" });
      expect(connector.body.properties).toMatchObject({
        hierarchyIdentifier: NUMBER,
        environmentName: "GCP",
        environmentData: { environmentType: "GcpProject", projectDetails: { projectId: PROJECT, projectNumber: NUMBER }, scanInterval: 4 },
      });
      expect(connector.depends_on).toEqual([
        addressOf(synth, "google_iam_workload_identity_pool_provider"),
        addressOf(synth, "google_project_iam_member"),
        addressOf(synth, "google_service_account_iam_member"),
      ]);
      expect(connector).not.toHaveProperty("provider");
    });

    test("workload identity: pool named after the tenant, both providers, every account bound to the pool", () => {
      expect(onlyResourceOf(synth, "google_iam_workload_identity_pool")).toMatchObject({ project: PROJECT, workload_identity_pool_id: POOL });
      expect(Object.keys(onlyResourceOf(synth, "google_iam_workload_identity_pool_provider").for_each)).toEqual(["containers", "containers-streams"]);
      const users = onlyResourceOf(synth, "google_service_account_iam_member");
      expect(users.member).toBe(`principalSet://iam.googleapis.com/projects/${NUMBER}/locations/global/workloadIdentityPools/${POOL}/*`);
      expect(users.role).toBe("roles/iam.workloadIdentityUser");
      expect(Object.keys(users.for_each)).toEqual(["artifact-assess", "containers", "containers-stream", "k8s-operator"]);
      expect(Object.keys(onlyResourceOf(synth, "google_service_account").for_each)).toEqual(["artifact-assess", "containers", "containers-stream", "k8s-operator"]);
    });

    test("one sensor per cluster, keyed to the connector, with the cluster's identifiers, after the connector", () => {
      expect(Object.keys(releases(synth))).toHaveLength(2);
      for (const [key, location] of [
        ["prod-gke", "europe-west1"],
        ["legacy-gke", "europe-west1-b"],
      ]) {
        const release = releaseFor(synth, key);
        expect(release).toMatchObject({ chart: "microsoft-defender-for-containers", namespace: "mdc", version: "0.10.5", provider: `helm.gke-${key}` });
        expect(release.depends_on).toEqual([connectorAddress]);
        const values = valuesOf(release);
        expect(values.global.cloudIdentifiers).toEqual({ GCP: { projectId: PROJECT, location, clusterName: key } });
        expect(values["microsoft-defender-for-containers-sensor"].Azure.SecurityConnectorResourceId).toBe(`\${${connectorAddress}.id}`);
        expect(values["microsoft-defender-for-containers-sensor"].Azure.Cluster).toMatchObject({ Distribution: "gke", Infrastructure: "gcp", Region: "westeurope" });
        expect(values["defender-admission-controller"].global.azure.cluster).toEqual({ infrastructure: "GCP", resourceId: `\${${connectorAddress}.id}` });
      }
    });

    test("helm providers: the app cluster's from its own attributes, the existing one's through a data source, one shared access token", () => {
      const clientConfig = Object.keys(synth.data!.google_client_config);
      expect(clientConfig).toHaveLength(1);
      const token = `\${data.google_client_config.${clientConfig[0]}.access_token}`;
      const dataSources = synth.data!.google_container_cluster;
      expect(Object.keys(dataSources)).toHaveLength(1);
      const [legacyId, legacy] = Object.entries<any>(dataSources)[0];
      expect(legacy).toMatchObject({ name: "legacy-gke", location: "europe-west1-b", project: PROJECT });
      expect(helmProviders(synth)).toEqual({
        "gke-prod-gke": {
          alias: "gke-prod-gke",
          kubernetes: {
            host: "https://${google_container_cluster.prod.endpoint}",
            token,
            cluster_ca_certificate: "${base64decode(google_container_cluster.prod.master_auth[0].cluster_ca_certificate)}",
          },
        },
        "gke-legacy-gke": {
          alias: "gke-legacy-gke",
          kubernetes: {
            host: `https://\${data.google_container_cluster.${legacyId}.endpoint}`,
            token,
            cluster_ca_certificate: `\${base64decode(data.google_container_cluster.${legacyId}.master_auth[0].cluster_ca_certificate)}`,
          },
        },
      });
    });

    test("no audit config, and the app cluster without authorized networks is left open", () => {
      expect(resourcesOf(synth, "google_project_iam_audit_config")).toEqual({});
      expect(onlyResourceOf(synth, "google_container_cluster")).not.toHaveProperty("master_authorized_networks_config");
    });

    test("exposes every inner construct and the per-cluster maps", () => {
      expect(defender.clusterKeys).toEqual(["legacy-gke", "prod-gke"]);
      expect(Object.keys(defender.sensors)).toEqual(["legacy-gke", "prod-gke"]);
      expect(Object.keys(defender.helmProviders)).toEqual(["legacy-gke", "prod-gke"]);
      expect(Object.keys(defender.clusterDataSources)).toEqual(["legacy-gke"]);
      expect(defender.clientConfig).toBeDefined();
      expect(defender.auditConfig).toBeUndefined();
      expect(defender.connector.projectNumber).toBe(NUMBER);
      expect(defender.workloadIdentity.poolId).toBe(POOL);
      expect(defender.sensors["prod-gke"].version).toBe("0.10.5");
      expect(defender.projectId).toBe(PROJECT);
    });
  });

  test("the output does not depend on the order clusters are listed in", () => {
    const forward = build();
    const stack = gkeStack();
    const prod = new ContainerCluster(stack, "prod", { name: "prod-gke", location: "europe-west1", initialNodeCount: 1 });
    new GkeDefenderForContainers(stack, "gke", { ...BASE, clusters: [GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b" }), GkeCluster.fromContainerCluster(prod)] });
    expect(synthesizeStack(stack)).toEqual(forward.synth);
  });

  test("providers: google and azapi aliases reach every resource and data source; given helm providers are used as they are", () => {
    const stack = newStack();
    const google = new GoogleProvider(stack, "google", { alias: "proj" });
    const azapi = new AzapiProvider(stack, "azapi", { alias: "security" });
    const helm = new HelmProvider(stack, "helm-legacy", { alias: "legacy", kubernetes: { configPath: "~/.kube/config", configContext: "legacy" } });
    const prod = new ContainerCluster(stack, "prod", { name: "prod-gke", location: "europe-west1", initialNodeCount: 1, provider: google });
    const defender = new GkeDefenderForContainers(stack, "gke", {
      ...BASE,
      googleProvider: google,
      azapiProvider: azapi,
      dataAccessAuditLogs: true,
      clusters: [GkeCluster.fromContainerCluster(prod), GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b", helmProvider: helm })],
    });
    const synth = synthesizeStack(stack);
    expect(connectorOf(synth).provider).toBe("azapi.security");
    for (const type of [
      "google_iam_workload_identity_pool",
      "google_iam_workload_identity_pool_provider",
      "google_service_account",
      "google_project_iam_member",
      "google_project_iam_custom_role",
      "google_service_account_iam_member",
      "google_project_service",
      "google_project_iam_audit_config",
    ]) {
      expect({ type, provider: onlyResourceOf(synth, type).provider }).toEqual({ type, provider: "google.proj" });
    }
    expect(Object.values<any>(synth.data!.google_client_config)[0].provider).toBe("google.proj");
    // The existing cluster has its own helm provider: no data source for it, and its release uses it.
    expect(synth.data!.google_container_cluster).toBeUndefined();
    expect(releaseFor(synth, "legacy-gke").provider).toBe("helm.legacy");
    expect(releaseFor(synth, "prod-gke").provider).toBe("helm.gke-prod-gke");
    expect(defender.helmProviders["legacy-gke"]).toBe(helm);
    expect(defender.clusterDataSources).toEqual({});
  });

  test("with a helm provider for every cluster, no token or data source is read", () => {
    const stack = gkeStack();
    const helm = new HelmProvider(stack, "helm-legacy", { alias: "legacy", kubernetes: { configPath: "~/.kube/config" } });
    const defender = new GkeDefenderForContainers(stack, "gke", { ...BASE, clusters: [GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b", helmProvider: helm })] });
    const synth = synthesizeStack(stack);
    expect(synth.data).toBeUndefined();
    expect(defender.clientConfig).toBeUndefined();
    expect(synth.provider!.helm).toEqual([{ alias: "legacy", kubernetes: { config_path: "~/.kube/config" } }]);
  });

  test("the created helm providers' aliases: <pattern id>-<key> under the stack, path and path hash when nested, in key order", () => {
    expect(build().synth.provider!.helm.map((p: any) => p.alias)).toEqual(["gke-legacy-gke", "gke-prod-gke"]);
    const stack = gkeStack();
    const prod = new ContainerCluster(stack, "prod", { name: "prod-gke", location: "europe-west1", initialNodeCount: 1 });
    // Under a scope, so the logical IDs start with a letter as Terraform requires.
    new GkeDefenderForContainers(new Construct(stack, "team"), "2nd project", { ...BASE, clusters: [GkeCluster.fromContainerCluster(prod)] });
    expect(synthesizeStack(stack).provider!.helm.map((p: any) => p.alias)).toEqual([expect.stringMatching(/^team_2nd-project-[0-9a-f]{8}-prod-gke$/)]);
  });

  describe("capability toggles", () => {
    test("auditLogs: false drops the audit-log accounts, the streams provider and the connector's log connections", () => {
      const { synth } = build({ auditLogs: false });
      expect(Object.keys(onlyResourceOf(synth, "google_service_account").for_each)).toEqual(["artifact-assess", "k8s-operator"]);
      expect(Object.keys(onlyResourceOf(synth, "google_iam_workload_identity_pool_provider").for_each)).toEqual(["containers"]);
      const offering = offeringOf(synth);
      expect(offering.enableAuditLogsAutoProvisioning).toBe(false);
      expect(offering).not.toHaveProperty("nativeCloudConnection");
      expect(offering).not.toHaveProperty("dataPipelineNativeCloudConnection");
      expect(offering.mdcContainersAgentlessDiscoveryK8s.enabled).toBe(true);
    });

    test("agentlessDiscovery: false drops the operator account and its connection, and leaves authorized networks alone", () => {
      const networks = { masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "10.0.0.0/8" }] } };
      const { synth } = build({ agentlessDiscovery: false }, networks);
      expect(Object.keys(onlyResourceOf(synth, "google_service_account").for_each)).toEqual(["artifact-assess", "containers", "containers-stream"]);
      expect(offeringOf(synth).mdcContainersAgentlessDiscoveryK8s).toEqual({ enabled: false });
      expect(onlyResourceOf(synth, "google_container_cluster").master_authorized_networks_config.cidr_blocks).toEqual([{ cidr_block: "10.0.0.0/8" }]);
    });

    test("imageAssessment: false drops the artifact account and its connection", () => {
      const { synth } = build({ imageAssessment: false });
      expect(Object.keys(onlyResourceOf(synth, "google_service_account").for_each)).toEqual(["containers", "containers-stream", "k8s-operator"]);
      expect(offeringOf(synth).mdcContainersImageAssessment).toEqual({ enabled: false });
    });

    test("sensor: false installs nothing in the clusters and reads nothing from them; clusters may be left out", () => {
      const { synth, defender } = build({ sensor: false, clusters: undefined });
      expect(releases(synth)).toEqual({});
      expect(synth.provider!.helm).toBeUndefined();
      expect(synth.data).toBeUndefined();
      expect(defender.sensors).toEqual({});
      expect(defender.clusterKeys).toEqual([]);
      expect(offeringOf(synth).enableDefenderAgentAutoProvisioning).toBe(false);
    });

    test("sensor: false with Defender's auto-provisioning instead", () => {
      const { synth } = build({ sensor: false, connectorOptions: { sensorAutoProvisioning: true, policyAddonAutoProvisioning: true } });
      expect(offeringOf(synth)).toMatchObject({ enableDefenderAgentAutoProvisioning: true, enablePolicyAgentAutoProvisioning: true });
    });
  });

  describe("options", () => {
    test("chart version and sensor options reach every release; the release still waits for the connector without legacy values", () => {
      const { synth } = build({ sensorChartVersion: "0.11.3-preview", sensorOptions: { legacyValues: false, releaseName: "defender-k8s", values: { collectors: { antimalwareCollector: { enable: true } } } } });
      for (const key of ["prod-gke", "legacy-gke"]) {
        const release = releaseFor(synth, key);
        expect(release).toMatchObject({ version: "0.11.3-preview", name: "defender-k8s" });
        expect(valuesOf(release)).toEqual({
          collectors: { antimalwareCollector: { enable: true } },
          global: { cloudIdentifiers: { GCP: { projectId: PROJECT, location: key === "prod-gke" ? "europe-west1" : "europe-west1-b", clusterName: key } } },
        });
        expect(release.depends_on).toEqual([addressOf(synth, "azapi_resource")]);
      }
    });

    test("connector, account and pool options pass through", () => {
      const { synth } = build({
        connectorName: "gcp-prod",
        connectorLocation: "West Europe",
        connectorOptions: { scanIntervalHours: 12, tags: { owner: "platform" } },
        serviceAccountOptions: { accountIds: { k8sOperator: "mdc-k8s-op" }, imageAssessmentAccess: GcpImageAssessmentAccess.LEAST_PRIVILEGE, enableServices: false },
        workloadIdentityOptions: { poolId: "mdc-pool" },
      });
      const connector = connectorOf(synth);
      expect(connector).toMatchObject({ name: "gcp-prod", location: "westeurope", tags: { owner: "platform" } });
      expect(connector.body.properties.environmentData.scanInterval).toBe(12);
      expect(offeringOf(synth).mdcContainersAgentlessDiscoveryK8s.serviceAccountEmailAddress).toBe(email("mdc-k8s-op"));
      expect(onlyResourceOf(synth, "google_iam_workload_identity_pool").workload_identity_pool_id).toBe("mdc-pool");
      expect(resourcesOf(synth, "google_project_service")).toEqual({});
      expect(Object.keys(onlyResourceOf(synth, "google_project_iam_member").for_each)).toContain("artifact-assess/roles/artifactregistry.reader");
      expect(valuesOf(releaseFor(synth, "prod-gke"))["microsoft-defender-for-containers-sensor"].Azure.Cluster.Region).toBe("westeurope");
    });

    test("dataAccessAuditLogs: the Kubernetes Engine API's Data Access audit config, with sorted exemptions", () => {
      const { synth, defender } = build({
        dataAccessAuditLogs: true,
        dataAccessAuditLogExemptedMembers: ["serviceAccount:ci@prod-gke-project.iam.gserviceaccount.com", "group:noisy@example.com"],
      });
      const exempted = ["group:noisy@example.com", "serviceAccount:ci@prod-gke-project.iam.gserviceaccount.com"];
      expect(onlyResourceOf(synth, "google_project_iam_audit_config")).toEqual({
        project: PROJECT,
        service: "container.googleapis.com",
        audit_log_config: [
          { log_type: "ADMIN_READ", exempted_members: exempted },
          { log_type: "DATA_READ", exempted_members: exempted },
          { log_type: "DATA_WRITE", exempted_members: exempted },
        ],
      });
      expect(defender.auditConfig).toBeDefined();
      const plain = onlyResourceOf(build({ dataAccessAuditLogs: true }).synth, "google_project_iam_audit_config");
      expect(plain.audit_log_config).toEqual([{ log_type: "ADMIN_READ" }, { log_type: "DATA_READ" }, { log_type: "DATA_WRITE" }]);
    });

    test("restricted authorized networks of app clusters get Defender's CIDRs; allowApiServerAccess: false leaves them", () => {
      const networks = { masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "10.0.0.0/8", displayName: "corp" }] } };
      const blocks = (synth: SynthesizedStack) => onlyResourceOf(synth, "google_container_cluster").master_authorized_networks_config.cidr_blocks;
      expect(blocks(build({}, networks).synth)).toEqual([
        { cidr_block: "10.0.0.0/8", display_name: "corp" },
        { cidr_block: "172.212.245.192/28", display_name: "Microsoft Defender for Containers" },
        { cidr_block: "48.209.1.192/28", display_name: "Microsoft Defender for Containers" },
      ]);
      expect(blocks(build({ allowApiServerAccess: false }, networks).synth)).toEqual([{ cidr_block: "10.0.0.0/8", display_name: "corp" }]);
    });

    test("per cluster: sensorDependsOn orders the release after a node pool; key separates clusters of the same name", () => {
      const stack = gkeStack();
      const prod = new ContainerCluster(stack, "prod", { name: "prod-gke", location: "europe-west1", removeDefaultNodePool: true, initialNodeCount: 1 });
      const pool = new ContainerNodePool(stack, "pool", { cluster: prod.name, location: "europe-west1", nodeCount: 1 });
      const defender = new GkeDefenderForContainers(stack, "gke", {
        ...BASE,
        clusters: [
          GkeCluster.fromContainerCluster(prod, { sensorDependsOn: [pool] }),
          GkeCluster.fromName({ name: "prod-gke", location: "us-central1", key: "prod-gke-us" }),
        ],
      });
      const synth = synthesizeStack(stack);
      expect(releaseFor(synth, "prod-gke").depends_on).toEqual([addressOf(synth, "azapi_resource"), "google_container_node_pool.pool"]);
      expect(valuesOf(releaseFor(synth, "prod-gke-us")).global.cloudIdentifiers.GCP).toEqual({ projectId: PROJECT, location: "us-central1", clusterName: "prod-gke" });
      expect(defender.clusterKeys).toEqual(["prod-gke", "prod-gke-us"]);
    });

    test("an app cluster named by a reference works with a key; its identifiers stay references", () => {
      const stack = gkeStack();
      const name = new TerraformVariable(stack, "name", { type: "string" });
      const cluster = new ContainerCluster(stack, "dyn", { name: name.stringValue, initialNodeCount: 1 });
      new GkeDefenderForContainers(stack, "gke", { ...BASE, clusters: [GkeCluster.fromContainerCluster(cluster, { key: "dynamic" })] });
      const synth = synthesizeStack(stack);
      expect(valuesOf(releaseFor(synth, "dynamic")).global.cloudIdentifiers.GCP).toEqual({
        projectId: PROJECT,
        location: "${google_container_cluster.dyn.location}",
        clusterName: "${var.name}",
      });
    });
  });

  describe("validation", () => {
    const PROJECT_FORM = "a GCP project ID of 6-30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen";
    const KEY_FORM = "a key of 1-40 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen";

    test("project ID, project number and tenant", () => {
      expect(attempt({ projectId: "Prod_GKE" })).toThrow(`[test/gke] projectId: got "Prod_GKE"; expected ${PROJECT_FORM}.`);
      expect(attempt({ projectNumber: "prod" })).toThrow('[test/gke] projectNumber: got "prod"; expected a GCP project number (6-20 digits) such as 123456789012.');
      expect(attempt({ azureTenantId: "contoso.onmicrosoft.com" })).toThrow(
        '[test/gke] azureTenantId: got "contoso.onmicrosoft.com"; expected a GUID of the form 00000000-0000-0000-0000-000000000000.',
      );
      expect(attempt({ azureTenantId: "33e01921-4d64-4f8c-a055-5bdaffd5e33d" })).toThrow(
        '[test/gke/workload-identity] tenantId: got "33e01921-4d64-4f8c-a055-5bdaffd5e33d"; expected your own Azure tenant GUID.',
      );
    });

    test("clusters: required while the sensor is on, never empty", () => {
      expect(attempt({ clusters: undefined })).toThrow(
        "[test/gke] clusters: got []; expected at least one GkeDefenderCluster (GkeDefenderCluster.fromCluster(...) or GkeDefenderCluster.fromName(...)). The sensor is installed on each listed cluster; set sensor: false to connect the project without it.",
      );
      expect(attempt({ clusters: [], sensor: false })).toThrow(
        "[test/gke] clusters: got []; expected at least one GkeDefenderCluster (GkeDefenderCluster.fromCluster(...) or GkeDefenderCluster.fromName(...)).",
      );
    });

    test("clusters: each a GkeCluster with a valid name and location", () => {
      expect(attempt({ clusters: [{ name: "prod-gke", location: "europe-west1" } as any] })).toThrow(
        '[test/gke] clusters[0]: got {"name":"prod-gke","location":"europe-west1"}; expected GkeDefenderCluster.fromCluster(...) or GkeDefenderCluster.fromName(...).',
      );
      expect(attempt({ clusters: [GkeCluster.fromName({ name: "Prod_GKE", location: "europe-west1" })] })).toThrow(
        '[test/gke] clusters[0].name: got "Prod_GKE"; expected a GKE cluster name of 1-40 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen.',
      );
      expect(attempt({ clusters: [GkeCluster.fromName({ name: "legacy", location: "westeurope" })] })).toThrow(
        '[test/gke] clusters[0].location: got "westeurope"; expected a GCP region or zone such as europe-west1 or europe-west1-b.',
      );
      expect(attempt({}, { name: "x".repeat(41) })).toThrow(`[test/gke] clusters[0].name: got "${"x".repeat(41)}"`);
    });

    test("clusters: each once, each with its own key", () => {
      const legacy = () => GkeCluster.fromName({ name: "legacy-gke", location: "europe-west1-b" });
      expect(attempt({ clusters: [legacy(), legacy()] })).toThrow(
        '[test/gke] clusters[1]: got "europe-west1-b/legacy-gke"; expected each GKE cluster once. It is also clusters[0].',
      );
      expect(attempt({ clusters: [legacy(), GkeCluster.fromName({ name: "legacy-gke", location: "us-central1" })] })).toThrow(
        '[test/gke] clusters[1]: got key "legacy-gke", which is also the key of clusters[0]; expected every cluster to have its own key. Set key on one of them (two clusters may share a name in different locations).',
      );
      expect(attempt({ clusters: [GkeCluster.fromName({ name: "legacy-gke", location: "us-central1", key: "Legacy US" })] })).toThrow(
        `[test/gke] clusters[0].key: got "Legacy US"; expected ${KEY_FORM}.`,
      );
    });

    test("the same app cluster twice is one cluster", () => {
      const stack = gkeStack();
      const prod = new ContainerCluster(stack, "prod", { name: "prod-gke", location: "europe-west1", initialNodeCount: 1 });
      expect(() => new GkeDefenderForContainers(stack, "gke", { ...BASE, clusters: [GkeCluster.fromContainerCluster(prod), GkeCluster.fromContainerCluster(prod, { key: "again" })] })).toThrow(
        '[test/gke] clusters[1]: got "europe-west1/prod-gke"; expected each GKE cluster once. It is also clusters[0].',
      );
    });

    test("an app cluster named by a reference needs a key", () => {
      const stack = gkeStack();
      const name = new TerraformVariable(stack, "name", { type: "string" });
      const cluster = new ContainerCluster(stack, "dyn", { name: name.stringValue, initialNodeCount: 1 });
      expect(() => new GkeDefenderForContainers(stack, "gke", { ...BASE, clusters: [GkeCluster.fromContainerCluster(cluster)] })).toThrow(
        `[test/gke] clusters[0].key: got "<unresolved reference>"; expected a literal key: ${KEY_FORM}. The key names constructs and a provider alias, so it must be known at synth: set key on the cluster.`,
      );
    });

    test("one helm provider for two clusters", () => {
      const stack = gkeStack();
      const helm = new HelmProvider(stack, "helm", { alias: "shared", kubernetes: { configPath: "~/.kube/config" } });
      const clusters = ["a-gke", "b-gke"].map((name) => GkeCluster.fromName({ name, location: "europe-west1", helmProvider: helm }));
      expect(() => new GkeDefenderForContainers(stack, "gke", { ...BASE, clusters })).toThrow(
        '[test/gke] clusters[1].helmProvider: got "test/helm"; expected a helm provider of this cluster only. It is also the helmProvider of clusters[0].',
      );
    });

    test("an app cluster of another project", () => {
      expect(attempt({}, { project: "other-project" })).toThrow(
        `[test/gke] clusters[0].project: got "other-project"; expected "${PROJECT}", the pattern's projectId. One pattern covers one project: give each project its own pattern.`,
      );
    });

    test("the connector's sensor auto-provisioning while the pattern installs the sensor", () => {
      expect(attempt({ connectorOptions: { sensorAutoProvisioning: true } })).toThrow(
        "[test/gke] connectorOptions.sensorAutoProvisioning: got true; expected false while sensor is on. Auto-provisioning installs the sensor through Azure Arc and the Helm install removes an Arc-based sensor first, so the two would fight. Set sensor: false to let Defender install it.",
      );
    });

    test("the audit config", () => {
      expect(attempt({ dataAccessAuditLogs: true, auditLogs: false })).toThrow(
        "[test/gke] dataAccessAuditLogs: got true; expected false while auditLogs is false. Data Access audit logs only serve Defender's audit-log collection.",
      );
      expect(attempt({ dataAccessAuditLogExemptedMembers: ["group:noisy@example.com"] })).toThrow(
        '[test/gke] dataAccessAuditLogExemptedMembers: got ["group:noisy@example.com"]; expected none while dataAccessAuditLogs is off. Exemptions belong to the audit config the pattern only writes with dataAccessAuditLogs: true.',
      );
      expect(attempt({ dataAccessAuditLogs: true, dataAccessAuditLogExemptedMembers: ["noisy@example.com"] })).toThrow(
        '[test/gke] dataAccessAuditLogExemptedMembers[0]: got "noisy@example.com"; expected an IAM member such as serviceAccount:ci@my-project.iam.gserviceaccount.com or group:ops@example.com.',
      );
    });

    test("inner constructs report by their own path", () => {
      expect(attempt({ auditLogs: false, agentlessDiscovery: false, imageAssessment: false })).toThrow(
        "[test/gke] auditLogs, agentlessDiscovery, imageAssessment: got false for all three; expected at least one capability on (for the sensor alone, use HelmDefenderSensor with an existing connector).",
      );
      expect(attempt({ connectorResourceGroupId: "rg-security" })).toThrow('[test/gke/connector] resourceGroupId: got "rg-security"');
      expect(attempt({ connectorLocation: "westeurop" })).toThrow('[test/gke/connector] location: got "westeurop"');
      expect(attempt({ sensorChartVersion: "1.0.0" })).toThrow('[test/gke/sensor-prod-gke] version: got "1.0.0"');
      expect(attempt({ serviceAccountOptions: { accountIds: { containers: "microsoft-defender-for-containers-gke" } } })).toThrow(
        '[test/gke/service-accounts] accountIds.containers: got "microsoft-defender-for-containers-gke"',
      );
    });
  });
});

describe("GkeDefenderCluster (the names EKS uses too) and the deprecated GkeCluster", () => {
  test("fromCluster / fromName(name, { location }) / cluster / name build what the deprecated forms build", () => {
    const current = gkeStack();
    const prodNow = new ContainerCluster(current, "prod", { name: "prod-gke", location: "europe-west1", initialNodeCount: 1 });
    const now = [GkeDefenderCluster.fromCluster(prodNow), GkeDefenderCluster.fromName("legacy-gke", { location: "europe-west1-b" })];
    new GkeDefenderForContainers(current, "gke", { ...BASE, clusters: now });
    expect(now[0].cluster).toBe(prodNow);
    expect(now[1]).toMatchObject({ name: "legacy-gke", location: "europe-west1-b", cluster: undefined });
    const before = build(); // GkeCluster.fromContainerCluster + fromName({ name, location })
    expect(synthesizeStack(current)).toEqual(before.synth);
    expect(GkeCluster).toBe(GkeDefenderCluster);
    expect(GkeCluster.fromContainerCluster(before.prod).containerCluster).toBe(before.prod);
  });

  test("per-cluster sensor: false skips one cluster; its helm provider and data source are not created", () => {
    const stack = gkeStack();
    const prod = new ContainerCluster(stack, "prod", { name: "prod-gke", location: "europe-west1", initialNodeCount: 1 });
    const defender = new GkeDefenderForContainers(stack, "gke", {
      ...BASE,
      clusters: [GkeDefenderCluster.fromCluster(prod), GkeDefenderCluster.fromName("legacy-gke", { location: "europe-west1-b", sensor: false })],
    });
    const synth = synthesizeStack(stack);
    expect(Object.keys(defender.sensors)).toEqual(["prod-gke"]);
    expect(defender.clusterKeys).toEqual(["legacy-gke", "prod-gke"]);
    expect(Object.keys(helmProviders(synth))).toEqual(["gke-prod-gke"]);
    expect(synth.data).not.toHaveProperty("google_container_cluster");
  });

  test("a googleProvider of the wrong kind", () => {
    const stack = gkeStack();
    const helm = new HelmProvider(stack, "helm-x", { alias: "x", kubernetes: { configPath: "~/.kube/config" } });
    const prod = new ContainerCluster(stack, "prod", { name: "prod-gke", location: "europe-west1", initialNodeCount: 1 });
    expect(() => new GkeDefenderForContainers(stack, "gke", { ...BASE, clusters: [GkeDefenderCluster.fromCluster(prod)], googleProvider: helm })).toThrow(
      '[test/gke] googleProvider: got "helm provider"; expected a google provider.',
    );
  });
});
