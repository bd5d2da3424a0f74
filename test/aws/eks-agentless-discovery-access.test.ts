import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformVariable } from "cdktf";
import { EksAccessMode, EksAgentlessDiscoveryAccess, EksAgentlessDiscoveryAccessProps } from "../../lib/aws";
import { AwsPartition } from "../../lib/core";
import { awsStack, kubernetesStack, onlyResourceOf, resourcesOf, synthesizeIn } from "../util";
import { ACCOUNT, defenderRoles } from "./fixtures";

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/MDCContainersAgentlessDiscoveryK8sRole`;
const ENTRY = "aws_eks_access_entry";
const ASSOCIATION = "aws_eks_access_policy_association";

const synthAccess = (props: Partial<EksAgentlessDiscoveryAccessProps> = {}) =>
  synthesizeIn(awsStack, (stack) => new EksAgentlessDiscoveryAccess(stack, "access", { roleArn: ROLE_ARN, clusterNames: ["prod", "dev"], ...props }));

describe("EksAgentlessDiscoveryAccess", () => {
  describe("ACCESS_ENTRIES mode (default)", () => {
    const synth = synthAccess();

    test("one access entry with for_each over the clusters, keyed by name, STANDARD, no user name or groups", () => {
      expect(Object.keys(resourcesOf(synth, ENTRY))).toHaveLength(1);
      const entry = onlyResourceOf(synth, ENTRY);
      expect(entry).toEqual({
        for_each: { dev: "dev", prod: "prod" },
        cluster_name: "${each.key}",
        principal_arn: ROLE_ARN,
        type: "STANDARD",
      });
      expect(entry.user_name).toBeUndefined();
      expect(entry.kubernetes_groups).toBeUndefined();
    });

    test("one policy association iterating the entries: cluster admin at cluster scope", () => {
      const entryId = Object.keys(resourcesOf(synth, ENTRY))[0];
      expect(onlyResourceOf(synth, ASSOCIATION)).toEqual({
        for_each: `\${aws_eks_access_entry.${entryId}}`,
        cluster_name: "${each.value.cluster_name}",
        principal_arn: "${each.value.principal_arn}",
        policy_arn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
        access_scope: { type: "cluster" },
      });
    });

    test("the for_each keys do not depend on the order of clusterNames", () => {
      expect(JSON.stringify(synthAccess({ clusterNames: ["dev", "prod"] }))).toBe(JSON.stringify(synth));
    });

    test("the policy, region, tags and provider can be set", () => {
      const s = synthesizeIn(awsStack, (stack) => {
        const provider = new AwsProvider(stack, "eu", { region: "eu-west-1", alias: "eu" });
        new EksAgentlessDiscoveryAccess(stack, "access", {
          roleArn: ROLE_ARN,
          clusterNames: ["prod"],
          accessPolicyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy",
          region: "eu-west-1",
          tags: { team: "sec" },
          provider,
        });
      });
      expect(onlyResourceOf(s, ASSOCIATION)).toMatchObject({
        policy_arn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy",
        region: "eu-west-1",
        provider: "aws.eu",
      });
      expect(onlyResourceOf(s, ENTRY)).toMatchObject({ region: "eu-west-1", tags: { team: "sec" }, provider: "aws.eu" });
    });

    test("a cluster of the same app can be named by reference", () => {
      const s = synthesizeIn(awsStack, (stack) => {
        const cluster = new EksCluster(stack, "cluster", { name: "prod", roleArn: `arn:aws:iam::${ACCOUNT}:role/eks`, vpcConfig: { subnetIds: ["subnet-1"] } });
        new EksAgentlessDiscoveryAccess(stack, "access", { roleArn: ROLE_ARN, clusterNames: [cluster.name, "dev"] });
      });
      // Terraform evaluates JSON object keys as templates: the key is the configured name, known at plan time.
      expect(onlyResourceOf(s, ENTRY).for_each).toEqual({ "${aws_eks_cluster.cluster.name}": "${aws_eks_cluster.cluster.name}", dev: "dev" });
    });

    test("the default policy follows the role's partition, or the partition prop", () => {
      const gov = synthAccess({ roleArn: ROLE_ARN.replace("arn:aws:", "arn:aws-us-gov:") });
      expect(onlyResourceOf(gov, ASSOCIATION).policy_arn).toBe("arn:aws-us-gov:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
      const cn = synthesizeIn(awsStack, (stack) => {
        const role = new TerraformVariable(stack, "role", { type: "string" });
        new EksAgentlessDiscoveryAccess(stack, "access", { roleArn: role.stringValue, clusterNames: ["prod"], partition: AwsPartition.AWS_CN });
      });
      expect(onlyResourceOf(cn, ASSOCIATION).policy_arn).toBe("arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
      expect(onlyResourceOf(cn, ENTRY).principal_arn).toBe("${var.role}");
    });

    test("takes the role ARN from DefenderForContainersAwsRoles", () => {
      const s = synthesizeIn(awsStack, (stack) => {
        const roles = defenderRoles(stack);
        new EksAgentlessDiscoveryAccess(stack, "access", { roleArn: roles.agentlessDiscoveryRoleArn!, clusterNames: ["prod"] });
      });
      expect(onlyResourceOf(s, ENTRY).principal_arn).toMatch(/^\$\{aws_iam_role\.roles_agentless-discovery-role_[0-9A-F]+\.arn\}$/);
    });
  });

  describe("CONFIG_MAP mode (legacy)", () => {
    test("maps the role to system:masters in aws-auth, keeping the existing mappings", () => {
      let access: EksAgentlessDiscoveryAccess | undefined;
      const s = synthesizeIn(kubernetesStack, (stack) => {
        access = new EksAgentlessDiscoveryAccess(stack, "access", {
          roleArn: ROLE_ARN,
          clusterNames: ["prod"],
          mode: EksAccessMode.CONFIG_MAP,
          existingRoleMappings: [{ roleArn: `arn:aws:iam::${ACCOUNT}:role/nodes`, username: "system:node:{{EC2PrivateDNSName}}", groups: ["system:bootstrappers", "system:nodes"] }],
        });
      });
      expect(resourcesOf(s, ENTRY)).toEqual({});
      const configMap = onlyResourceOf(s, "kubernetes_config_map_v1_data");
      expect(configMap.metadata).toEqual({ name: "aws-auth", namespace: "kube-system" });
      expect(configMap.force).toBe(true);
      expect(configMap.data.mapRoles).toBe(
        [
          `- rolearn: "arn:aws:iam::${ACCOUNT}:role/nodes"`,
          '  username: "system:node:{{EC2PrivateDNSName}}"',
          "  groups:",
          '    - "system:bootstrappers"',
          '    - "system:nodes"',
          `- rolearn: "${ROLE_ARN}"`,
          "  groups:",
          '    - "system:masters"',
          "",
        ].join("\n"),
      );
      expect(access!.awsAuthMapping).toBeDefined();
      expect(access!.accessEntry).toBeUndefined();
    });

    test("requires existingRoleMappings", () => {
      expect(() =>
        synthesizeIn(kubernetesStack, (stack) => new EksAgentlessDiscoveryAccess(stack, "access", { roleArn: ROLE_ARN, clusterNames: ["prod"], mode: EksAccessMode.CONFIG_MAP })),
      ).toThrow("[test/access] existingRoleMappings: got undefined in CONFIG_MAP mode; expected every mapRoles entry of the cluster to keep");
    });

    test("handles exactly one cluster", () => {
      expect(() =>
        synthesizeIn(kubernetesStack, (stack) =>
          new EksAgentlessDiscoveryAccess(stack, "access", { roleArn: ROLE_ARN, clusterNames: ["a", "b"], mode: EksAccessMode.CONFIG_MAP, existingRoleMappings: [] }),
        ),
      ).toThrow('[test/access] clusterNames: got ["a","b"]; expected exactly one cluster in CONFIG_MAP mode. A kubernetes provider talks to one cluster');
    });
  });

  describe("validation", () => {
    test("an empty cluster list", () => {
      expect(() => synthAccess({ clusterNames: [] })).toThrow("[test/access] clusterNames: got []; expected at least one cluster name.");
    });

    test("the same cluster twice", () => {
      expect(() => synthAccess({ clusterNames: ["prod", "dev", "prod"] })).toThrow(
        '[test/access] clusterNames[2]: got "prod"; expected each cluster name once. It is also clusterNames[0].',
      );
    });

    test("an invalid cluster name", () => {
      expect(() => synthAccess({ clusterNames: ["prod", "eks.prod"] })).toThrow('[test/access] clusterNames[1]: got "eks.prod"; expected an EKS cluster name');
    });

    test("a role ARN that is not an IAM role ARN", () => {
      expect(() => synthAccess({ roleArn: "MDCContainersAgentlessDiscoveryK8sRole" })).toThrow(
        '[test/access] roleArn: got "MDCContainersAgentlessDiscoveryK8sRole"; expected an IAM role ARN',
      );
      expect(() => synthAccess({ roleArn: `arn:aws:iam::${ACCOUNT}:user/someone` })).toThrow("[test/access] roleArn: got");
    });

    test("a bad access policy ARN", () => {
      expect(() => synthAccess({ accessPolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" })).toThrow(
        '[test/access] accessPolicyArn: got "arn:aws:iam::aws:policy/AdministratorAccess"; expected an EKS access policy ARN',
      );
    });

    test("a bad region", () => {
      expect(() => synthAccess({ region: "eu-west" })).toThrow('[test/access] region: got "eu-west"; expected an AWS region name');
    });

    test("props of the other mode", () => {
      expect(() => synthAccess({ existingRoleMappings: [] })).toThrow(
        "[test/access] existingRoleMappings: got [] in ACCESS_ENTRIES mode; expected it unset, since it applies to CONFIG_MAP mode only.",
      );
      expect(() =>
        synthesizeIn(kubernetesStack, (stack) =>
          new EksAgentlessDiscoveryAccess(stack, "access", {
            roleArn: ROLE_ARN,
            clusterNames: ["prod"],
            mode: EksAccessMode.CONFIG_MAP,
            existingRoleMappings: [],
            accessPolicyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy",
          }),
        ),
      ).toThrow('[test/access] accessPolicyArn: got "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy" in CONFIG_MAP mode; expected it unset, since it applies to ACCESS_ENTRIES mode only.');
    });

    test("an unknown mode", () => {
      expect(() => synthAccess({ mode: "AWS_AUTH" as EksAccessMode })).toThrow('[test/access] mode: got "AWS_AUTH"; expected one of ACCESS_ENTRIES, CONFIG_MAP (EksAccessMode).');
    });
  });
});
