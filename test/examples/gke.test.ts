import { GkeExampleStack } from "../../examples/gke/gke-stack";
import { EXAMPLE_DEFAULTS } from "../../examples/settings";
import { addressesOf, exampleApp, onlyResourceOf, resourcesOf, synthesizeStack } from "../util";

// Context pins every setting, so the snapshot does not depend on DEFENDER_* variables in the shell.
const synth = synthesizeStack(new GkeExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS }), "gke"));
const PROJECT = EXAMPLE_DEFAULTS.gcpProjectId;
const CONNECTOR = "azapi_resource.defender_connector_8BD7040A";
const email = (account: string) => `${account}@${PROJECT}.iam.gserviceaccount.com`;

describe("examples/gke", () => {
  test("matches the snapshot", () => {
    expect(synth).toMatchSnapshot();
  });

  test("Terraform addresses are stable", () => {
    expect(addressesOf(synth)).toEqual([
      CONNECTOR,
      "data.google_client_config.defender_client-config_DDC5DF2A",
      "data.google_container_cluster.defender_cluster-analytics-gke_6A7B0A2C",
      "data.google_container_cluster.defender_cluster-legacy-gke_FA60D5DD",
      "google_container_cluster.payments",
      "google_container_cluster.prod",
      "google_iam_workload_identity_pool.defender_workload-identity_pool_0A47F653",
      "google_iam_workload_identity_pool_provider.defender_workload-identity_providers_E186260E",
      "google_project_iam_custom_role.defender_service-accounts_custom-roles_CFE93EAD",
      "google_project_iam_member.defender_service-accounts_project-members_CE80797C",
      "google_project_service.defender_service-accounts_services_806A1080",
      "google_service_account.defender_service-accounts_B204B33E",
      "google_service_account_iam_member.defender_service-accounts_workload-identity-users_40A36318",
      "helm_release.defender_sensor-analytics-gke_release_AF2F2E42",
      "helm_release.defender_sensor-legacy-gke_release_D78B2138",
      "helm_release.defender_sensor-payments-gke_release_3EDBFACF",
      "helm_release.defender_sensor-prod-gke_release_0EF11A8E",
    ]);
  });

  test("providers: google for the project, azapi for the connector's subscription, one helm provider per cluster", () => {
    expect(synth.provider!.google).toEqual([{ project: PROJECT, region: EXAMPLE_DEFAULTS.gcpRegion }]);
    expect(synth.provider!.azapi).toEqual([{ subscription_id: "00000000-0000-0000-0000-000000000000" }]);
    expect(synth.provider!.helm.map((p: any) => p.alias)).toEqual(["defender-analytics-gke", "defender-legacy-gke", "defender-payments-gke", "defender-prod-gke"]);
    for (const release of Object.values(resourcesOf(synth, "helm_release"))) {
      expect(release.provider).toMatch(/^helm\.defender-[a-z-]+-gke$/);
      expect(release.depends_on).toEqual([CONNECTOR]);
    }
  });

  test("the connector is wired to the project's Defender accounts", () => {
    const connector = onlyResourceOf(synth, "azapi_resource");
    expect(connector.parent_id).toBe(EXAMPLE_DEFAULTS.gcpConnectorResourceGroupId);
    expect(connector.location).toBe(EXAMPLE_DEFAULTS.location);
    expect(connector.body.properties.hierarchyIdentifier).toBe(EXAMPLE_DEFAULTS.gcpProjectNumber);
    const offering = connector.body.properties.offerings[0];
    expect(offering.nativeCloudConnection).toEqual({ serviceAccountEmailAddress: email("microsoft-defender-containers"), workloadIdentityProviderId: "containers" });
    expect(offering.dataPipelineNativeCloudConnection).toEqual({ serviceAccountEmailAddress: email("ms-defender-containers-stream"), workloadIdentityProviderId: "containers-streams" });
    expect(offering.mdcContainersAgentlessDiscoveryK8s.serviceAccountEmailAddress).toBe(email("mdc-containers-k8s-operator"));
    expect(offering.mdcContainersImageAssessment.serviceAccountEmailAddress).toBe(email("mdc-containers-artifact-assess"));
    expect(onlyResourceOf(synth, "google_iam_workload_identity_pool").workload_identity_pool_id).toBe(EXAMPLE_DEFAULTS.azureTenantId.replace(/-/g, ""));
  });

  test("every cluster gets the sensor with its own identifiers; the restricted cluster admits Defender's CIDRs", () => {
    const clusters = Object.values(resourcesOf(synth, "helm_release")).map((r) => JSON.parse(r.values[0]).global.cloudIdentifiers.GCP);
    expect(clusters).toEqual([
      { projectId: PROJECT, location: "europe-west1", clusterName: "analytics-gke" },
      { projectId: PROJECT, location: "europe-west1-b", clusterName: "legacy-gke" },
      { projectId: PROJECT, location: "europe-west1", clusterName: "payments-gke" },
      { projectId: PROJECT, location: "europe-west1", clusterName: "prod-gke" },
    ]);
    const payments = resourcesOf(synth, "google_container_cluster").payments;
    expect(payments.master_authorized_networks_config.cidr_blocks.map((b: any) => b.cidr_block)).toEqual(["10.0.0.0/8", "172.212.245.192/28", "48.209.1.192/28"]);
    expect(synth.output!.protected_clusters.value).toEqual(["analytics-gke", "legacy-gke", "payments-gke", "prod-gke"]);
  });

  test("settings come from context", () => {
    const other = synthesizeStack(
      new GkeExampleStack(
        exampleApp({
          ...EXAMPLE_DEFAULTS,
          gcpProjectId: "acme-gke-prod",
          gkeExistingClusters: "batch:us-central1-a",
          gcpConnectorResourceGroupId: "/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg-sec",
        }),
        "gke",
      ),
    );
    expect(other.provider!.google[0].project).toBe("acme-gke-prod");
    expect(other.provider!.azapi[0].subscription_id).toBe("99999999-0000-0000-0000-000000000000");
    expect(Object.values<any>(other.data!.google_container_cluster)).toEqual([expect.objectContaining({ name: "batch", location: "us-central1-a", project: "acme-gke-prod" })]);
    expect(other.output!.protected_clusters.value).toEqual(["batch", "payments-gke", "prod-gke"]);
  });

  test("a malformed existing-cluster setting is an error", () => {
    expect(() => new GkeExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS, gkeExistingClusters: "legacy-gke" }), "gke")).toThrow(
      'example setting gkeExistingClusters: got "legacy-gke"; expected <name>:<region or zone>, e.g. legacy-gke:europe-west1-b.',
    );
  });
});
