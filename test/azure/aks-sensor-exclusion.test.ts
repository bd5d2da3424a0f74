import { TerraformStack, TerraformVariable, Token } from "cdktf";
import { AksSensorExclusion, AksSensorExclusionProps, AzapiProvider, FleetKey, SensorExclusionTag } from "../../lib/azure";
import { testCluster } from "./fixtures";
import { azureStack, newStack, resourcesOf, synthesize, synthesizeWithAzapi } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const aksId = (rg: string, name: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.ContainerService/managedClusters/${name}`;
const make = (props: AksSensorExclusionProps, stack: TerraformStack = azureStack()) => () => new AksSensorExclusion(stack, "exclusion", props);

describe("AksSensorExclusion", () => {
  test("the documented tag", () => {
    expect(SensorExclusionTag).toEqual({ KEY: "ms_defender_container_exclude_sensors", VALUE: "true" });
  });

  test("clusters of the app: the tag joins the cluster's own tags", () => {
    const out = synthesize((stack) => {
      const dev = testCluster(stack, "dev");
      dev.tags = { env: "dev" };
      const test = testCluster(stack, "test");
      new AksSensorExclusion(stack, "exclusion", { clusters: [dev, test] });
    });
    const clusters = resourcesOf(out, "azurerm_kubernetes_cluster");
    expect(clusters.dev.tags).toEqual({ env: "dev", ms_defender_container_exclude_sensors: "true" });
    expect(clusters.test.tags).toEqual({ ms_defender_container_exclude_sensors: "true" });
    expect(out.resource?.azapi_resource_action).toBeUndefined();
  });

  test("tags known only at plan time are merged in Terraform", () => {
    const out = synthesize((stack) => {
      const tags = new TerraformVariable(stack, "tags", { type: "map(string)" });
      const cluster = testCluster(stack, "dev");
      cluster.tags = Token.asStringMap(tags.value);
      new AksSensorExclusion(stack, "exclusion", { clusters: [cluster] });
    });
    expect(resourcesOf(out, "azurerm_kubernetes_cluster").dev.tags).toBe('${merge(var.tags, {"ms_defender_container_exclude_sensors" = "true"})}');
  });

  test("existing clusters: one tag merge and one removal on destroy, for_each keyed by cluster name", () => {
    const out = synthesizeWithAzapi((stack) => new AksSensorExclusion(stack, "exclusion", { existingClusterIds: [aksId("rg-b", "aks-b"), aksId("rg-a", "aks-a")] }));
    const actions = resourcesOf(out, "azapi_resource_action");
    const merge = Object.values(actions).find((a: any) => a.body.operation === "Merge") as any;
    const removal = Object.values(actions).find((a: any) => a.body.operation === "Delete") as any;
    expect(Object.keys(actions)).toHaveLength(2);
    expect(merge).toMatchObject({
      for_each: {
        "aks-a": `${aksId("rg-a", "aks-a")}/providers/Microsoft.Resources/tags/default`,
        "aks-b": `${aksId("rg-b", "aks-b")}/providers/Microsoft.Resources/tags/default`,
      },
      type: "Microsoft.Resources/tags@2021-04-01",
      resource_id: "${each.value}",
      method: "PATCH",
      body: { operation: "Merge", properties: { tags: { ms_defender_container_exclude_sensors: "true" } } },
      response_export_values: [],
    });
    expect(merge.when).toBeUndefined();
    expect(removal).toMatchObject({ method: "PATCH", when: "destroy", body: { operation: "Delete", properties: { tags: { ms_defender_container_exclude_sensors: "true" } } } });
  });

  test("adds a default azapi provider when the stack has none; uses a given one", () => {
    const plain = synthesize((stack) => new AksSensorExclusion(stack, "exclusion", { existingClusterIds: [aksId("rg", "aks")] }));
    expect(Object.keys(plain.provider ?? {})).toContain("azapi");
    const aliased = synthesize((stack) => {
      const azapi = new AzapiProvider(stack, "other", { alias: "other" });
      new AksSensorExclusion(stack, "exclusion", { existingClusterIds: [aksId("rg", "aks")], azapiProvider: azapi });
    });
    expect(Object.values(resourcesOf(aliased, "azapi_resource_action")).map((a: any) => a.provider)).toEqual(["azapi.other", "azapi.other"]);
  });

  describe("validation", () => {
    test("nothing to exclude", () => {
      expect(make({})).toThrow("[test/exclusion] clusters: got []; expected at least one cluster of the app or one existing cluster ID (existingClusterIds).");
    });

    test("on-premises Arc clusters are refused with the documented reason", () => {
      const arc = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/edge-01`;
      expect(make({ existingClusterIds: [arc] })).toThrow(
        `[test/exclusion] existingClusterIds[0]: got "${arc}"; expected an AKS cluster ID. Exclusion tags aren't supported for Arc-enabled clusters in on-premises environments`,
      );
    });

    test("existing IDs: AKS IDs, literal, each once, distinct keys", () => {
      expect(make({ existingClusterIds: ["aks-dev"] })).toThrow('[test/exclusion] existingClusterIds[0]: got "aks-dev"; expected an AKS cluster resource ID');
      expect(make({ existingClusterIds: [aksId("rg", "aks"), aksId("rg", "aks")] })).toThrow('[test/exclusion] existingClusterIds[1]: got');
      expect(make({ existingClusterIds: [aksId("rg-a", "aks"), aksId("rg-b", "aks")] })).toThrow(/whose for_each key "aks" is also the key of existingClusterIds\[0\]/);
      const stack = azureStack();
      new AksSensorExclusion(stack, "ok", { existingClusterIds: [aksId("rg-a", "aks"), aksId("rg-b", "aks")], fleetKey: FleetKey.RESOURCE_GROUP_AND_NAME });
    });

    test("a cluster of the app twice, or a tag already set to another value", () => {
      const stack = newStack();
      const cluster = testCluster(stack, "dev");
      expect(make({ clusters: [cluster, cluster] }, stack)).toThrow('[test/exclusion] clusters[1]: got "test/dev"; expected each cluster once.');
      const other = newStack();
      const included = testCluster(other, "dev");
      included.tags = { ms_defender_container_exclude_sensors: "false" };
      expect(make({ clusters: [included] }, other)).toThrow(
        '[test/exclusion] clusters[0].tags: got ms_defender_container_exclude_sensors = "false"; expected "true" (or no such tag) on a cluster excluded from the sensor.',
      );
    });
  });
});
