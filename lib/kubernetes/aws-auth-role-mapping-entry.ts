// The aws-auth `mapRoles` entry type and its rendering. Kept free of provider imports so
// `EksAgentlessDiscoveryAccess` (in `/aws`) can name the type without loading the kubernetes provider.

/** One entry of the aws-auth ConfigMap's `mapRoles` list. */
export interface AwsAuthRoleMappingEntry {
  /** IAM role ARN, without a path (aws-auth does not match role ARNs with a path). */
  readonly roleArn: string;
  /**
   * Kubernetes user name the role maps to, e.g. `system:node:{{EC2PrivateDNSName}}` for node roles.
   * @default - no `username` key
   */
  readonly username?: string;
  /**
   * Kubernetes groups, e.g. `["system:bootstrappers", "system:nodes"]` for node roles.
   * @default - no `groups` key
   */
  readonly groups?: string[];
}

/**
 * Renders entries as the YAML list aws-auth expects under `mapRoles`, in the given order.
 * Every scalar is written as a JSON string, which is a valid YAML double-quoted scalar, so values
 * such as `{{EC2PrivateDNSName}}` or `system:masters` need no further escaping.
 */
export function renderAwsAuthMapRoles(entries: readonly AwsAuthRoleMappingEntry[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`- rolearn: ${JSON.stringify(entry.roleArn)}`);
    if (entry.username !== undefined) lines.push(`  username: ${JSON.stringify(entry.username)}`);
    if (entry.groups !== undefined) {
      if (entry.groups.length === 0) lines.push("  groups: []");
      else lines.push("  groups:", ...entry.groups.map((group) => `    - ${JSON.stringify(group)}`));
    }
  }
  return lines.length === 0 ? "[]\n" : `${lines.join("\n")}\n`;
}
