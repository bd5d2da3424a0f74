import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { IamWorkloadIdentityPoolProvider } from "@cdktf/provider-google/lib/iam-workload-identity-pool-provider";
import { TerraformOutput, TerraformVariable, Testing } from "cdktf";
import { DefenderWorkloadIdentity, DefenderWorkloadIdentityProps } from "../../lib/gcp";
import { googleStack, onlyResourceOf, synthesizeStack } from "../util";

const TENANT = "8EFA1C55-953c-42df-a19d-d4599e4c64d4";
const POOL_ID = "8efa1c55953c42dfa19dd4599e4c64d4";
const BASE = { projectId: "prod-gke", projectNumber: "123456789012", tenantId: TENANT };
const POOL = "google_iam_workload_identity_pool";
const PROVIDER = "google_iam_workload_identity_pool_provider";

function build(props: Partial<DefenderWorkloadIdentityProps> = {}) {
  const stack = googleStack();
  const wif = new DefenderWorkloadIdentity(stack, "wif", { ...BASE, ...props } as DefenderWorkloadIdentityProps);
  return { stack, wif, synth: synthesizeStack(stack) };
}

describe("DefenderWorkloadIdentity", () => {
  test("pool ID is the tenant GUID without hyphens, lowercase, in the given project", () => {
    const { synth, wif } = build();
    const pool = onlyResourceOf(synth, POOL);
    expect(pool).toEqual({
      project: "prod-gke",
      workload_identity_pool_id: POOL_ID,
      display_name: "Microsoft Defender for Cloud",
      description: "Microsoft defender for cloud provisioner workload identity pool",
    });
    expect(wif.poolId).toBe(POOL_ID);
    expect(wif.poolId).toHaveLength(32);
  });

  test("one provider resource with for_each keyed by provider ID: Defender's issuer, subject mapping and audiences", () => {
    const provider = onlyResourceOf(build().synth, PROVIDER);
    expect(provider.for_each).toEqual({
      containers: { audience: "api://6610e979-c931-41ec-adc7-b9920c9d52f1", description: "OIDC identity pool provider for Containers." },
      "containers-streams": {
        audience: "api://2041288c-b303-4ca0-9076-9612db3beeb2",
        description: "OIDC identity pool provider for Containers Data Collection.",
      },
    });
    expect(provider.workload_identity_pool_provider_id).toBe("${each.key}");
    expect(provider.oidc).toEqual({
      issuer_uri: "https://sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/",
      allowed_audiences: ["${each.value.audience}"],
    });
    expect(provider.attribute_mapping).toEqual({ "google.subject": "assertion.sub" });
    expect(provider.project).toBe("prod-gke");
    // References the pool, so Terraform creates the providers after it.
    expect(provider.workload_identity_pool_id).toMatch(/^\$\{google_iam_workload_identity_pool\.wif_pool_[0-9A-F]+\.workload_identity_pool_id\}$/);
  });

  test("matches the jest adapter's resource matcher", () => {
    const stack = googleStack();
    new DefenderWorkloadIdentity(stack, "wif", BASE);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(IamWorkloadIdentityPoolProvider, {
      attribute_mapping: { "google.subject": "assertion.sub" },
    });
  });

  test("exposes provider IDs, full provider names, pool name and principalSet for the connector and bindings", () => {
    const { wif } = build();
    const pool = `projects/123456789012/locations/global/workloadIdentityPools/${POOL_ID}`;
    expect(wif.poolName).toBe(pool);
    expect(wif.containersProviderId).toBe("containers");
    expect(wif.containersStreamsProviderId).toBe("containers-streams");
    expect(wif.providerIds).toEqual(["containers", "containers-streams"]);
    expect(wif.providerNames).toEqual({ containers: `${pool}/providers/containers`, "containers-streams": `${pool}/providers/containers-streams` });
    expect(wif.providerName("containers")).toBe(`${pool}/providers/containers`);
    expect(wif.principalSet).toBe(`principalSet://iam.googleapis.com/${pool}/*`);
  });

  test("providerName rejects a provider it did not create", () => {
    const { wif } = build({ dataCollection: false });
    expect(() => wif.providerName("containers-streams")).toThrow('[test/wif] providerName: got "containers-streams"; expected one of containers.');
  });

  test("dataCollection: false leaves out containers-streams only", () => {
    const { synth, wif } = build({ dataCollection: false });
    expect(Object.keys(onlyResourceOf(synth, PROVIDER).for_each)).toEqual(["containers"]);
    expect(wif.containersStreamsProviderId).toBeUndefined();
    expect(wif.providerIds).toEqual(["containers"]);
  });

  test("poolId overrides the tenant-derived ID", () => {
    const { synth, wif } = build({ tenantId: undefined, poolId: "defender-pool" });
    expect(onlyResourceOf(synth, POOL).workload_identity_pool_id).toBe("defender-pool");
    expect(wif.principalSet).toContain("/workloadIdentityPools/defender-pool/*");
  });

  test("a tenant GUID token is turned into the pool ID by Terraform", () => {
    const stack = googleStack();
    const tenant = new TerraformVariable(stack, "tenant", { type: "string" });
    new DefenderWorkloadIdentity(stack, "wif", { ...BASE, tenantId: tenant.stringValue });
    expect(onlyResourceOf(synthesizeStack(stack), POOL).workload_identity_pool_id).toBe('${lower(replace(var.tenant, "-", ""))}');
  });

  test("project tokens pass through unvalidated", () => {
    const stack = googleStack();
    const id = new TerraformVariable(stack, "project_id", { type: "string" });
    const number = new TerraformVariable(stack, "project_number", { type: "string" });
    const wif = new DefenderWorkloadIdentity(stack, "wif", { projectId: id.stringValue, projectNumber: number.stringValue, tenantId: TENANT });
    new TerraformOutput(stack, "principal_set", { value: wif.principalSet });
    const synth = synthesizeStack(stack);
    expect(onlyResourceOf(synth, POOL).project).toBe("${var.project_id}");
    expect(synth.output?.principal_set.value).toBe(`principalSet://iam.googleapis.com/projects/\${var.project_number}/locations/global/workloadIdentityPools/${POOL_ID}/*`);
  });

  test("uses a given provider alias", () => {
    const stack = googleStack();
    const alias = new GoogleProvider(stack, "other", { alias: "other", project: "other-project" });
    new DefenderWorkloadIdentity(stack, "wif", { ...BASE, provider: alias });
    const synth = synthesizeStack(stack);
    expect(onlyResourceOf(synth, POOL).provider).toBe("google.other");
    expect(onlyResourceOf(synth, PROVIDER).provider).toBe("google.other");
  });

  describe("rejects bad input", () => {
    const make = (props: Partial<DefenderWorkloadIdentityProps>) => () =>
      new DefenderWorkloadIdentity(googleStack(), "wif", { ...BASE, ...props } as DefenderWorkloadIdentityProps);

    test("a project ID that is not one", () => {
      expect(make({ projectId: "Prod_GKE" })).toThrow('[test/wif] projectId: got "Prod_GKE"; expected a GCP project ID of 6-30');
    });

    test("a project number that is not one", () => {
      expect(make({ projectNumber: "prod-gke" })).toThrow('[test/wif] projectNumber: got "prod-gke"; expected a GCP project number');
    });

    test("a tenant ID that is not a GUID", () => {
      expect(make({ tenantId: "contoso.onmicrosoft.com" })).toThrow('[test/wif] tenantId: got "contoso.onmicrosoft.com"; expected a GUID');
    });

    test("Defender's own tenant instead of the customer's", () => {
      expect(make({ tenantId: "33e01921-4d64-4f8c-a055-5bdaffd5e33d" })).toThrow(
        '[test/wif] tenantId: got "33e01921-4d64-4f8c-a055-5bdaffd5e33d"; expected your own Azure tenant GUID. This is Microsoft Defender for Cloud\'s tenant',
      );
    });

    test("neither tenantId nor poolId", () => {
      expect(make({ tenantId: undefined })).toThrow("[test/wif] tenantId: got undefined; expected your Azure tenant GUID");
    });

    test("a pool ID that cannot fit in 32 characters says how long it is", () => {
      const long = "defender-for-containers-pool-prod-01";
      expect(make({ poolId: long })).toThrow(
        `[test/wif] poolId: got "${long}"; expected an ID of 4-32 lowercase letters, digits or hyphens, not starting with "gcp-". It has 36 characters.`,
      );
    });

    test("a tenant GUID with hyphens given as poolId gets a hint", () => {
      expect(make({ poolId: TENANT.toLowerCase() })).toThrow("It has 36 characters. A tenant GUID does not fit with its hyphens: pass it as tenantId");
    });

    test("a pool ID that is too short", () => {
      expect(make({ poolId: "mdc" })).toThrow('[test/wif] poolId: got "mdc"; expected an ID of 4-32');
    });

    test("a pool ID in Google's reserved gcp- prefix", () => {
      expect(make({ poolId: "gcp-defender" })).toThrow('poolId: got "gcp-defender"; expected an ID of 4-32 lowercase letters, digits or hyphens, not starting with "gcp-". The prefix "gcp-" is reserved by Google.');
    });

    test("a pool ID with upper-case letters", () => {
      expect(make({ poolId: "DefenderPool" })).toThrow('[test/wif] poolId: got "DefenderPool"; expected an ID of 4-32');
    });

    test("a display name over 32 characters", () => {
      expect(make({ displayName: "Microsoft Defender for Cloud (containers)" })).toThrow(
        '[test/wif] displayName: got "Microsoft Defender for Cloud (containers)"; expected a display name of 1-32 characters.',
      );
    });
  });
});
