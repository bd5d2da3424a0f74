import { EksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
import { EksAccessPolicyAssociation } from "@cdktf/provider-aws/lib/eks-access-policy-association";
import { TerraformIterator, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { isUnresolved } from "../core/validation";
import { AwsPartition, partitionOfArn, validateAwsPartition, validateIamRoleArn } from "../core/aws-arn";
import { validateAwsRegion, validateEksClusterName } from "../core/aws-identifiers";
import { eksClusterAccessPolicyArn, EksDiscoveryAccess } from "../core/catalog";
import { DefenderValidationError, invalidValue } from "../core/errors";
import { validateNonEmptyUnique, validatePattern } from "../core/validation";
// Type-only: erased at runtime, so this file does not load the kubernetes provider.
import type { AwsAuthRoleMapping } from "../kubernetes/aws-auth-role-mapping";
import type { AwsAuthRoleMappingEntry } from "../kubernetes/aws-auth-role-mapping-entry";
import { checkProps } from "../core/check-props";

/** How the agentless-discovery role gets into the clusters. */
export enum EksAccessMode {
  /** EKS access entries (authentication mode `API` or `API_AND_CONFIG_MAP`). */
  ACCESS_ENTRIES = "ACCESS_ENTRIES",
  /** The `aws-auth` ConfigMap (authentication mode `CONFIG_MAP`; legacy). Needs the kubernetes provider. */
  CONFIG_MAP = "CONFIG_MAP",
}

/** Props of {@link EksAgentlessDiscoveryAccess}. */
export interface EksAgentlessDiscoveryAccessProps {
  /** ARN of the agentless-discovery role, e.g. `DefenderForContainersAwsRoles.agentlessDiscoveryRoleArn`. */
  readonly roleArn: string;
  /**
   * Names of the EKS clusters to open to the role (each once). With `CONFIG_MAP` exactly one:
   * the cluster `kubernetesProvider` talks to.
   */
  readonly clusterNames: string[];
  /**
   * Access entries (default) or the legacy aws-auth ConfigMap.
   * @default EksAccessMode.ACCESS_ENTRIES
   */
  readonly mode?: EksAccessMode;
  /**
   * `ACCESS_ENTRIES` only. EKS access policy associated with the role, cluster-wide.
   * @default - `arn:<partition>:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`
   */
  readonly accessPolicyArn?: string;
  /**
   * Partition for the default access policy ARN.
   * @default - the partition of `roleArn` when it is a literal, else `AwsPartition.AWS`
   */
  readonly partition?: AwsPartition;
  /**
   * `ACCESS_ENTRIES` only. Region of the clusters, when it differs from the provider's (aws provider 6 `region` argument).
   * @default - the provider's region
   */
  readonly region?: string;
  /**
   * `ACCESS_ENTRIES` only. aws provider (alias) for the clusters' account and region.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
  /**
   * `ACCESS_ENTRIES` only. Tags on the access entries.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * `CONFIG_MAP` only, required there: every `mapRoles` entry of the cluster to keep (node roles
   * first of all). See `AwsAuthRoleMapping` — the whole `mapRoles` key is overwritten.
   * @default - required in CONFIG_MAP mode
   */
  readonly existingRoleMappings?: AwsAuthRoleMappingEntry[];
  /**
   * `CONFIG_MAP` only. kubernetes provider configured for the one cluster.
   * @default - the stack's default kubernetes provider
   */
  readonly kubernetesProvider?: TerraformProvider;
}

const ACCESS_POLICY_ARN = /^arn:(aws|aws-cn|aws-us-gov):eks::aws:cluster-access-policy\/[A-Za-z0-9]+$/;
const ACCESS_ENTRIES_ONLY = ["accessPolicyArn", "region", "provider", "tags"] as const;
const CONFIG_MAP_ONLY = ["existingRoleMappings", "kubernetesProvider"] as const;

/**
 * Lets Defender's agentless-discovery role (`MDCContainersAgentlessDiscoveryK8sRole`) into EKS
 * clusters.
 *
 * `ACCESS_ENTRIES` (default): ONE `aws_eks_access_entry` and ONE
 * `aws_eks_access_policy_association`, each with `for_each` over the clusters keyed by cluster
 * name: type `STANDARD`, no user name or groups, the access policy (default cluster admin, the
 * equivalent of the legacy `system:masters` mapping) at `cluster` scope. Microsoft does not
 * publish the policy Defender itself associates (facts Resolutions §2). The clusters'
 * authentication mode must be `API` or `API_AND_CONFIG_MAP`.
 *
 * Ownership caveat: with the role in place Defender may create the same access entry itself
 * (`eks:CreateAccessEntry`). An entry exists once per (cluster, principal), so whichever comes
 * second fails. Apply this construct before turning agentless discovery on, or import Defender's
 * entry: `terraform import 'aws_eks_access_entry.<name>["<cluster>"]' <cluster>:<role ARN>`.
 *
 * `CONFIG_MAP` (legacy): maps the role to `system:masters` in one cluster's aws-auth through
 * `AwsAuthRoleMapping` from `/kubernetes`, loaded only in this mode so that importing `/aws`
 * does not load the kubernetes provider package. You can also use that construct directly.
 */
export class EksAgentlessDiscoveryAccess extends Construct {
  /** The mode used. */
  public readonly mode: EksAccessMode;
  /** The cluster names, sorted; the `for_each` keys in `ACCESS_ENTRIES` mode. */
  public readonly clusterNames: string[];
  /** The access entries (one resource, `for_each` over clusters); `ACCESS_ENTRIES` mode only. */
  public readonly accessEntry?: EksAccessEntry;
  /** The policy associations (one resource, `for_each` over the entries); `ACCESS_ENTRIES` mode only. */
  public readonly policyAssociation?: EksAccessPolicyAssociation;
  /** The access policy associated; `ACCESS_ENTRIES` mode only. */
  public readonly accessPolicyArn?: string;
  /** The aws-auth mapping; `CONFIG_MAP` mode only. */
  public readonly awsAuthMapping?: AwsAuthRoleMapping;

  constructor(scope: Construct, id: string, props: EksAgentlessDiscoveryAccessProps) {
    super(scope, id);
    checkProps(this, props, "EksAgentlessDiscoveryAccessProps");
    this.mode = props.mode ?? EksAccessMode.ACCESS_ENTRIES;
    if (!Object.values(EksAccessMode).includes(this.mode)) {
      invalidValue(this, "mode", this.mode, `one of ${Object.values(EksAccessMode).join(", ")}`);
    }
    validateIamRoleArn(this, "roleArn", props.roleArn);
    validateNonEmptyUnique(this, "clusterNames", props.clusterNames, (name) => name, "cluster name", undefined, "case-sensitive");
    props.clusterNames.forEach((name, i) => validateEksClusterName(this, `clusterNames[${i}]`, name));
    // Sorted so the for_each map does not depend on list order.
    this.clusterNames = [...props.clusterNames].sort();
    this.rejectPropsOfOtherMode(props);

    if (this.mode === EksAccessMode.CONFIG_MAP) {
      this.awsAuthMapping = this.mapInAwsAuth(props);
      return;
    }

    const partition = validateAwsPartition(this, "partition", props.partition ?? partitionOfArn(props.roleArn) ?? AwsPartition.AWS);
    this.accessPolicyArn = props.accessPolicyArn ?? eksClusterAccessPolicyArn(partition, EksDiscoveryAccess.DEFAULT_ACCESS_POLICY);
    validatePattern(this, "accessPolicyArn", this.accessPolicyArn, ACCESS_POLICY_ARN, "an EKS access policy ARN such as arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
    if (props.region !== undefined) validateAwsRegion(this, "region", props.region);

    const clusters = TerraformIterator.fromMap(Object.fromEntries(this.clusterNames.map((name) => [name, name])));
    this.accessEntry = new EksAccessEntry(this, "access-entry", {
      forEach: clusters,
      clusterName: clusters.key,
      principalArn: props.roleArn,
      type: EksDiscoveryAccess.ACCESS_ENTRY_TYPE,
      region: props.region,
      tags: props.tags,
      provider: props.provider,
    });
    // Iterating the entries (same keys) orders each association after its own entry.
    const entries = TerraformIterator.fromResources(this.accessEntry);
    this.policyAssociation = new EksAccessPolicyAssociation(this, "policy-association", {
      forEach: entries,
      clusterName: entries.getString("cluster_name"),
      principalArn: entries.getString("principal_arn"),
      policyArn: this.accessPolicyArn,
      accessScope: { type: EksDiscoveryAccess.ACCESS_SCOPE_TYPE },
      region: props.region,
      provider: props.provider,
    });
  }

  private mapInAwsAuth(props: EksAgentlessDiscoveryAccessProps): AwsAuthRoleMapping {
    if (props.clusterNames.length !== 1) {
      invalidValue(
        this,
        "clusterNames",
        props.clusterNames,
        "exactly one cluster in CONFIG_MAP mode",
        "A kubernetes provider talks to one cluster: use one EksAgentlessDiscoveryAccess (and one provider) per cluster.",
      );
    }
    if (props.existingRoleMappings === undefined) {
      throw new DefenderValidationError(
        this,
        "existingRoleMappings: got undefined in CONFIG_MAP mode; expected every mapRoles entry of the cluster to keep (node roles included), or [] when there are none — the whole mapRoles key is overwritten.",
      );
    }
    // Loaded here, not at the top, so `import ".../aws"` never loads @cdktf/provider-kubernetes.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AwsAuthRoleMapping: Mapping } = require("../kubernetes/aws-auth-role-mapping") as typeof import("../kubernetes/aws-auth-role-mapping");
    return new Mapping(this, "aws-auth", {
      roleArn: props.roleArn,
      existingRoleMappings: props.existingRoleMappings,
      provider: props.kubernetesProvider,
    });
  }

  private rejectPropsOfOtherMode(props: EksAgentlessDiscoveryAccessProps): void {
    const foreign = this.mode === EksAccessMode.CONFIG_MAP ? ACCESS_ENTRIES_ONLY : CONFIG_MAP_ONLY;
    const other = this.mode === EksAccessMode.CONFIG_MAP ? EksAccessMode.ACCESS_ENTRIES : EksAccessMode.CONFIG_MAP;
    for (const prop of foreign) {
      if (props[prop] === undefined) continue;
      const shown = isUnresolved(props[prop]) ? "a reference" : JSON.stringify(props[prop]);
      throw new DefenderValidationError(this, `${prop}: got ${shown} in ${this.mode} mode; expected it unset, since it applies to ${other} mode only.`);
    }
  }
}
