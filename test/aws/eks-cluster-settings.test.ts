import { EksCluster, EksClusterConfig } from "@cdktf/provider-aws/lib/eks-cluster";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { allowDefenderEksApiServerAccess, enableEksAuditLogs } from "../../lib/aws";
import { awsStack, onlyResourceOf, synthesizeIn } from "../util";

const EKS = "aws_eks_cluster";

function cluster(stack: TerraformStack, extra: Partial<EksClusterConfig> = {}, vpc: Partial<EksClusterConfig["vpcConfig"]> = {}): EksCluster {
  return new EksCluster(stack, "cluster", {
    name: "prod",
    roleArn: "arn:aws:iam::123456789012:role/eks",
    vpcConfig: { subnetIds: ["subnet-1"], ...vpc },
    ...extra,
  });
}

describe("enableEksAuditLogs", () => {
  test("sets audit on a cluster without log types", () => {
    expect(onlyResourceOf(synthesizeIn(awsStack, (stack) => enableEksAuditLogs(cluster(stack))), EKS).enabled_cluster_log_types).toEqual(["audit"]);
  });

  test("adds audit after the existing types, once", () => {
    const synth = synthesizeIn(awsStack, (stack) => {
      const c = cluster(stack, { enabledClusterLogTypes: ["api", "authenticator"] });
      enableEksAuditLogs(c);
      enableEksAuditLogs(c);
    });
    expect(onlyResourceOf(synth, EKS).enabled_cluster_log_types).toEqual(["api", "authenticator", "audit"]);
  });

  test("leaves a list that already has audit alone", () => {
    const synth = synthesizeIn(awsStack, (stack) => enableEksAuditLogs(cluster(stack, { enabledClusterLogTypes: ["audit", "api"] })));
    expect(onlyResourceOf(synth, EKS).enabled_cluster_log_types).toEqual(["audit", "api"]);
  });

  test("merges into a list given as a token in Terraform", () => {
    const synth = synthesizeIn(awsStack, (stack) => {
      const types = new TerraformVariable(stack, "types", { type: "list(string)" });
      enableEksAuditLogs(cluster(stack, { enabledClusterLogTypes: types.listValue }));
    });
    expect(onlyResourceOf(synth, EKS).enabled_cluster_log_types).toBe('${distinct(concat(var.types, ["audit"]))}');
  });
});

describe("allowDefenderEksApiServerAccess", () => {
  const DEFENDER = ["172.212.245.192/28", "48.209.1.192/28"];

  test("adds Defender's CIDRs to a restricted public endpoint", () => {
    const synth = synthesizeIn(awsStack, (stack) => allowDefenderEksApiServerAccess(cluster(stack, {}, { publicAccessCidrs: ["203.0.113.0/24"] })));
    expect(onlyResourceOf(synth, EKS).vpc_config.public_access_cidrs).toEqual(["203.0.113.0/24", ...DEFENDER]);
  });

  test("adds only the missing ones", () => {
    const synth = synthesizeIn(awsStack, (stack) => allowDefenderEksApiServerAccess(cluster(stack, {}, { publicAccessCidrs: ["48.209.1.192/28"] })));
    expect(onlyResourceOf(synth, EKS).vpc_config.public_access_cidrs).toEqual(["48.209.1.192/28", "172.212.245.192/28"]);
  });

  test("leaves an unrestricted endpoint alone", () => {
    const open = synthesizeIn(awsStack, (stack) => allowDefenderEksApiServerAccess(cluster(stack, {}, { publicAccessCidrs: ["0.0.0.0/0"] })));
    expect(onlyResourceOf(open, EKS).vpc_config.public_access_cidrs).toEqual(["0.0.0.0/0"]);
    const unset = synthesizeIn(awsStack, (stack) => allowDefenderEksApiServerAccess(cluster(stack)));
    expect(onlyResourceOf(unset, EKS).vpc_config.public_access_cidrs).toBeUndefined();
  });

  test("merges into a token list in Terraform", () => {
    const synth = synthesizeIn(awsStack, (stack) => {
      const cidrs = new TerraformVariable(stack, "cidrs", { type: "list(string)" });
      allowDefenderEksApiServerAccess(cluster(stack, {}, { publicAccessCidrs: cidrs.listValue }));
    });
    expect(onlyResourceOf(synth, EKS).vpc_config.public_access_cidrs).toBe(`\${distinct(concat(var.cidrs, [${DEFENDER.map((c) => JSON.stringify(c)).join(", ")}]))}`);
  });

  test("warns about a cluster without a public endpoint and changes nothing", () => {
    const stack = awsStack();
    const c = cluster(stack, {}, { endpointPublicAccess: false, publicAccessCidrs: ["10.0.0.0/8"] });
    allowDefenderEksApiServerAccess(c);
    const warnings = c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data);
    expect(warnings).toEqual([expect.stringContaining("endpoint_public_access is false")]);
    expect(JSON.parse(Testing.synth(stack)).resource[EKS].cluster.vpc_config.public_access_cidrs).toEqual(["10.0.0.0/8"]);
  });
});
