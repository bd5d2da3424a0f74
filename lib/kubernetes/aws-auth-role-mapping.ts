import { ConfigMapV1Data } from "@cdktf/provider-kubernetes/lib/config-map-v1-data";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { validateIamRoleArn } from "../core/aws-arn";
import { AwsAuthConfigMap, EksDiscoveryAccess } from "../core/catalog";
import { invalidValue } from "../core/errors";
import { isUnresolved, validatePattern } from "../core/validation";
import { AwsAuthRoleMappingEntry, renderAwsAuthMapRoles } from "./aws-auth-role-mapping-entry";
import { checkProps } from "../core/check-props";

/** Props of {@link AwsAuthRoleMapping}. */
export interface AwsAuthRoleMappingProps {
  /** The IAM role to map, e.g. `DefenderForContainersAwsRoles.agentlessDiscoveryRoleArn`. No path. */
  readonly roleArn: string;
  /**
   * EVERY mapping the cluster's `mapRoles` holds today that must survive — node group roles,
   * Fargate profiles, admin roles. `mapRoles` is one string; this construct owns all of it and
   * replaces whatever is there with these entries plus `roleArn`. An entry left out here loses
   * its access (a node role left out takes the nodes out of the cluster). Read the current list
   * with `kubectl -n kube-system get configmap aws-auth -o yaml` and copy it here. An empty list
   * is accepted for clusters whose nodes join through access entries.
   */
  readonly existingRoleMappings: AwsAuthRoleMappingEntry[];
  /**
   * Kubernetes groups for `roleArn`.
   * @default ["system:masters"] — Microsoft's legacy instruction (eksctl `--group system:masters`)
   */
  readonly groups?: string[];
  /**
   * Kubernetes user name for `roleArn`.
   * @default - no `username` key, like Microsoft's eksctl command (which passes none)
   */
  readonly username?: string;
  /**
   * The kubernetes provider configured for the cluster. One provider talks to one cluster, so
   * one instance of this construct serves one cluster.
   * @default - the stack's default kubernetes provider
   */
  readonly provider?: TerraformProvider;
}

const ROLE_ARN_WITHOUT_PATH = /^arn:[a-z-]+:iam::\d{12}:role\/[\w+=,.@-]{1,64}$/;
const GROUP = /^\S{1,256}$/;

/**
 * Maps an IAM role in a cluster's `aws-auth` ConfigMap (`kubernetes_config_map_v1_data` on
 * `kube-system/aws-auth`, `force = true`): the legacy way (authentication mode `CONFIG_MAP`)
 * of giving Defender's agentless-discovery role Kubernetes access.
 *
 * WARNING: `mapRoles` is a single key holding all role mappings. This construct takes ownership
 * of that key and writes exactly `existingRoleMappings` followed by `roleArn`, overwriting
 * mappings that others (eksctl, EKS managed node groups, other Terraform) wrote. Pass every
 * mapping to keep. `mapUsers` and `mapAccounts` are not touched. Destroying the construct
 * removes the whole `mapRoles` key. The ConfigMap must already exist (EKS creates it with the
 * first managed node group). Prefer access entries (`EksAgentlessDiscoveryAccess` default mode)
 * wherever the cluster's authentication mode allows them.
 */
export class AwsAuthRoleMapping extends Construct {
  /** The `kubernetes_config_map_v1_data` resource. */
  public readonly resource: ConfigMapV1Data;
  /** The rendered `mapRoles` YAML. */
  public readonly mapRoles: string;

  constructor(scope: Construct, id: string, props: AwsAuthRoleMappingProps) {
    super(scope, id);
    checkProps(this, props, "AwsAuthRoleMappingProps");
    const existing = props.existingRoleMappings;
    if (!Array.isArray(existing)) {
      invalidValue(this, "existingRoleMappings", existing, "the list of mapRoles entries to keep (an empty list when there are none)");
    }
    const defender: AwsAuthRoleMappingEntry = {
      roleArn: props.roleArn,
      username: props.username,
      groups: props.groups ?? [EksDiscoveryAccess.LEGACY_GROUP],
    };
    const entries = [...existing, defender];
    const seen = new Map<string, string>();
    entries.forEach((entry, i) => {
      const prop = i < existing.length ? `existingRoleMappings[${i}]` : "roleArn";
      const arnProp = i < existing.length ? `${prop}.roleArn` : "roleArn";
      this.validateRoleArn(arnProp, entry.roleArn);
      (entry.groups ?? []).forEach((group, g) =>
        validatePattern(this, `${i < existing.length ? `${prop}.groups` : "groups"}[${g}]`, group, GROUP, "a Kubernetes group name without spaces"),
      );
      if (isUnresolved(entry.roleArn)) return;
      const key = entry.roleArn.toLowerCase();
      const first = seen.get(key);
      if (first) invalidValue(this, arnProp, entry.roleArn, "each role mapped once", `${first} maps it too.`);
      seen.set(key, arnProp);
    });

    this.mapRoles = renderAwsAuthMapRoles(entries);
    this.resource = new ConfigMapV1Data(this, "aws-auth", {
      metadata: { name: AwsAuthConfigMap.NAME, namespace: AwsAuthConfigMap.NAMESPACE },
      data: { [AwsAuthConfigMap.MAP_ROLES_KEY]: this.mapRoles },
      // Take the key over from whoever wrote it (EKS, eksctl); without force the apply fails on conflict.
      force: true,
      provider: props.provider,
    });
  }

  private validateRoleArn(prop: string, arn: string): void {
    validateIamRoleArn(this, prop, arn);
    if (!isUnresolved(arn) && !ROLE_ARN_WITHOUT_PATH.test(arn)) {
      invalidValue(this, prop, arn, "a role ARN without a path, such as arn:aws:iam::123456789012:role/name", "aws-auth does not match role ARNs that include a path.");
    }
  }
}
