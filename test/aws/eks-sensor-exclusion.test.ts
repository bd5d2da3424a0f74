import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { Construct } from "constructs";
import { EksSensorExclusion } from "../../lib/aws";
import { awsStack, resourcesOf, synthesizeIn } from "../util";

const eks = (scope: Construct, name: string) => new EksCluster(scope, name, { name, roleArn: "arn:aws:iam::123456789012:role/eks", vpcConfig: { subnetIds: ["subnet-1"] } });

describe("EksSensorExclusion", () => {
  test("adds the documented AWS tag next to the cluster's tags", () => {
    const out = synthesizeIn(awsStack, (stack) => {
      const dev = eks(stack, "dev");
      dev.tags = { team: "payments" };
      new EksSensorExclusion(stack, "exclusion", { clusters: [dev, eks(stack, "test")] });
    });
    const clusters = resourcesOf(out, "aws_eks_cluster");
    expect(clusters.dev.tags).toEqual({ team: "payments", ms_defender_container_exclude_sensors: "true" });
    expect(clusters.test.tags).toEqual({ ms_defender_container_exclude_sensors: "true" });
  });

  test("no clusters, a cluster twice, a conflicting tag", () => {
    const stack = awsStack();
    const dev = eks(stack, "dev");
    expect(() => new EksSensorExclusion(stack, "none", { clusters: [] })).toThrow("[test/none] clusters: got []; expected at least one cluster.");
    expect(() => new EksSensorExclusion(stack, "twice", { clusters: [dev, dev] })).toThrow('[test/twice] clusters[1]: got "test/dev"; expected each cluster once.');
    dev.tags = { ms_defender_container_exclude_sensors: "no" };
    expect(() => new EksSensorExclusion(stack, "conflict", { clusters: [dev] })).toThrow(
      '[test/conflict] clusters[0].tags: got ms_defender_container_exclude_sensors = "no"; expected "true" (or no such tag) on a cluster excluded from the sensor.',
    );
  });
});
