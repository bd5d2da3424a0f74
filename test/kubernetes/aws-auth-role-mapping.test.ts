import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformVariable } from "cdktf";
import { AwsAuthRoleMapping, AwsAuthRoleMappingProps } from "../../lib/kubernetes";
import { renderAwsAuthMapRoles } from "../../lib/kubernetes/aws-auth-role-mapping-entry";
import { kubernetesStack, onlyResourceOf, synthesizeIn } from "../util";

const ACCOUNT = "123456789012";
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/MDCContainersAgentlessDiscoveryK8sRole`;
const NODES = { roleArn: `arn:aws:iam::${ACCOUNT}:role/eks-nodes`, username: "system:node:{{EC2PrivateDNSName}}", groups: ["system:bootstrappers", "system:nodes"] };
const CONFIG_MAP = "kubernetes_config_map_v1_data";

const synthMapping = (props: Partial<AwsAuthRoleMappingProps> = {}) =>
  synthesizeIn(kubernetesStack, (stack) => new AwsAuthRoleMapping(stack, "mapping", { roleArn: ROLE_ARN, existingRoleMappings: [NODES], ...props }));

describe("AwsAuthRoleMapping", () => {
  test("writes the existing mappings plus the role (system:masters) into kube-system/aws-auth mapRoles, forcing ownership", () => {
    expect(onlyResourceOf(synthMapping(), CONFIG_MAP)).toEqual({
      metadata: { name: "aws-auth", namespace: "kube-system" },
      force: true,
      data: {
        mapRoles: [
          `- rolearn: "arn:aws:iam::${ACCOUNT}:role/eks-nodes"`,
          '  username: "system:node:{{EC2PrivateDNSName}}"',
          "  groups:",
          '    - "system:bootstrappers"',
          '    - "system:nodes"',
          `- rolearn: "${ROLE_ARN}"`,
          "  groups:",
          '    - "system:masters"',
          "",
        ].join("\n"),
      },
    });
  });

  test("only the mapRoles key is managed", () => {
    expect(Object.keys(onlyResourceOf(synthMapping(), CONFIG_MAP).data)).toEqual(["mapRoles"]);
  });

  test("groups, username and provider can be set; an empty existing list is accepted", () => {
    const synth = synthesizeIn(kubernetesStack, (stack) => {
      const provider = new KubernetesProvider(stack, "prod", { alias: "prod" });
      new AwsAuthRoleMapping(stack, "mapping", { roleArn: ROLE_ARN, existingRoleMappings: [], groups: ["defender-readers"], username: "defender", provider });
    });
    const configMap = onlyResourceOf(synth, CONFIG_MAP);
    expect(configMap.data.mapRoles).toBe(`- rolearn: "${ROLE_ARN}"\n  username: "defender"\n  groups:\n    - "defender-readers"\n`);
    expect(configMap.provider).toBe("kubernetes.prod");
  });

  test("a role ARN token is interpolated", () => {
    const synth = synthesizeIn(kubernetesStack, (stack) => {
      const role = new TerraformVariable(stack, "role", { type: "string" });
      new AwsAuthRoleMapping(stack, "mapping", { roleArn: role.stringValue, existingRoleMappings: [NODES] });
    });
    expect(onlyResourceOf(synth, CONFIG_MAP).data.mapRoles).toContain('- rolearn: "${var.role}"');
  });

  test("renderAwsAuthMapRoles quotes every scalar and handles empty lists", () => {
    expect(renderAwsAuthMapRoles([])).toBe("[]\n");
    expect(renderAwsAuthMapRoles([{ roleArn: 'a"b', groups: [] }])).toBe('- rolearn: "a\\"b"\n  groups: []\n');
  });

  describe("validation", () => {
    test("a role ARN with a path, which aws-auth does not match", () => {
      expect(() => synthMapping({ roleArn: `arn:aws:iam::${ACCOUNT}:role/team/MDCDiscovery` })).toThrow(
        `[test/mapping] roleArn: got "arn:aws:iam::${ACCOUNT}:role/team/MDCDiscovery"; expected a role ARN without a path`,
      );
    });

    test("a bad ARN in the existing mappings", () => {
      expect(() => synthMapping({ existingRoleMappings: [NODES, { roleArn: "eks-nodes" }] })).toThrow(
        '[test/mapping] existingRoleMappings[1].roleArn: got "eks-nodes"; expected an IAM role ARN',
      );
    });

    test("the same role twice", () => {
      expect(() => synthMapping({ existingRoleMappings: [NODES, { roleArn: ROLE_ARN, groups: ["system:masters"] }] })).toThrow(
        `[test/mapping] roleArn: got "${ROLE_ARN}"; expected each role mapped once. existingRoleMappings[1].roleArn maps it too.`,
      );
    });

    test("a group with spaces", () => {
      expect(() => synthMapping({ groups: ["system masters"] })).toThrow('[test/mapping] groups[0]: got "system masters"; expected a Kubernetes group name without spaces.');
    });

    test("existingRoleMappings missing (JavaScript callers)", () => {
      expect(() => synthMapping({ existingRoleMappings: undefined as any })).toThrow(
        "[test/mapping] existingRoleMappings: got undefined; expected a list of AwsAuthRoleMappingEntry objects. It is required.",
      );
    });
  });
});
