import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { GkeSensorExclusion } from "../../lib/gcp";
import { SensorExclusionTag } from "../../lib/core";
import { gkeStack, resourcesOf, synthesizeIn } from "../util";

/** GCP label rules: keys start with a lower-case letter; keys and values hold lower-case letters, digits, `_` and `-`, at most 63 characters. */
const GCP_LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const GCP_LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;

describe("GkeSensorExclusion", () => {
  test("the documented key and value are valid GCP labels", () => {
    expect(SensorExclusionTag.KEY).toMatch(GCP_LABEL_KEY);
    expect(SensorExclusionTag.VALUE).toMatch(GCP_LABEL_VALUE);
  });

  test("adds the label to resource_labels next to the cluster's labels", () => {
    const out = synthesizeIn(gkeStack, (stack) => {
      const dev = new ContainerCluster(stack, "dev", { name: "dev-gke", location: "europe-west1", initialNodeCount: 1, resourceLabels: { env: "dev" } });
      new GkeSensorExclusion(stack, "exclusion", { clusters: [dev] });
    });
    expect(resourcesOf(out, "google_container_cluster").dev.resource_labels).toEqual({ env: "dev", ms_defender_container_exclude_sensors: "true" });
  });

  test("a conflicting label is an error naming resourceLabels", () => {
    const stack = gkeStack();
    const dev = new ContainerCluster(stack, "dev", { name: "dev-gke", location: "europe-west1", initialNodeCount: 1, resourceLabels: { ms_defender_container_exclude_sensors: "false" } });
    expect(() => new GkeSensorExclusion(stack, "exclusion", { clusters: [dev] })).toThrow(
      '[test/exclusion] clusters[0].resourceLabels: got ms_defender_container_exclude_sensors = "false"; expected "true" (or no such tag) on a cluster excluded from the sensor.',
    );
    expect(() => new GkeSensorExclusion(stack, "none", { clusters: [] })).toThrow("[test/none] clusters: got []; expected at least one cluster.");
  });
});
