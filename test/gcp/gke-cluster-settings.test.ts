import { ContainerCluster, ContainerClusterConfig } from "@cdktf/provider-google/lib/container-cluster";
import { TerraformIterator, TerraformVariable } from "cdktf";
import { allowDefenderGkeApiServerAccess } from "../../lib/gcp";
import { googleStack, onlyResourceOf, synthesizeStack } from "../util";

const DEFENDER = [
  { cidr_block: "172.212.245.192/28", display_name: "Microsoft Defender for Containers" },
  { cidr_block: "48.209.1.192/28", display_name: "Microsoft Defender for Containers" },
];

function cluster(config: Partial<ContainerClusterConfig> = {}) {
  const stack = googleStack();
  const c = new ContainerCluster(stack, "cluster", { name: "prod-gke", location: "europe-west1", initialNodeCount: 1, ...config });
  return { stack, c };
}
const synthCluster = (stack: ReturnType<typeof googleStack>) => onlyResourceOf(synthesizeStack(stack), "google_container_cluster");
const warningsOf = (c: ContainerCluster) => c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data);

describe("allowDefenderGkeApiServerAccess", () => {
  test("restricted authorized networks get Defender's CIDRs after the existing ones, once", () => {
    const { stack, c } = cluster({ masterAuthorizedNetworksConfig: { gcpPublicCidrsAccessEnabled: false, cidrBlocks: [{ cidrBlock: "10.0.0.0/8", displayName: "corp" }] } });
    allowDefenderGkeApiServerAccess(c);
    allowDefenderGkeApiServerAccess(c);
    expect(synthCluster(stack).master_authorized_networks_config).toEqual({
      gcp_public_cidrs_access_enabled: false,
      cidr_blocks: [{ cidr_block: "10.0.0.0/8", display_name: "corp" }, ...DEFENDER],
    });
    expect(warningsOf(c)).toEqual([]);
  });

  test("an empty block (no public access) gets the CIDRs; one already listed is not repeated; the display name can be set", () => {
    const empty = cluster({ masterAuthorizedNetworksConfig: {} });
    allowDefenderGkeApiServerAccess(empty.c);
    expect(synthCluster(empty.stack).master_authorized_networks_config.cidr_blocks).toEqual(DEFENDER);
    const partial = cluster({ masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "48.209.1.192/28" }] } });
    allowDefenderGkeApiServerAccess(partial.c, "mdc");
    expect(synthCluster(partial.stack).master_authorized_networks_config.cidr_blocks).toEqual([
      { cidr_block: "48.209.1.192/28" },
      { cidr_block: "172.212.245.192/28", display_name: "mdc" },
    ]);
  });

  test("an open endpoint (no authorized networks, or 0.0.0.0/0) is left as it is", () => {
    const open = cluster();
    allowDefenderGkeApiServerAccess(open.c);
    expect(synthCluster(open.stack)).not.toHaveProperty("master_authorized_networks_config");
    const all = cluster({ masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "0.0.0.0/0" }] } });
    allowDefenderGkeApiServerAccess(all.c);
    expect(synthCluster(all.stack).master_authorized_networks_config.cidr_blocks).toEqual([{ cidr_block: "0.0.0.0/0" }]);
  });

  test("a private endpoint is left as it is, with a warning", () => {
    const { stack, c } = cluster({ privateClusterConfig: { enablePrivateEndpoint: true }, masterAuthorizedNetworksConfig: {} });
    allowDefenderGkeApiServerAccess(c);
    expect(synthCluster(stack).master_authorized_networks_config).toEqual({});
    expect(warningsOf(c)).toEqual([expect.stringContaining("private_cluster_config.enable_private_endpoint is true")]);
  });

  test("cidr_blocks given as a reference is left as it is, with a warning", () => {
    const stack = googleStack();
    const blocks = new TerraformVariable(stack, "blocks", { type: "list(object({ cidr_block = string }))" });
    // Blocks from a variable are a dynamic block in Terraform JSON (a block cannot be an expression).
    const each = TerraformIterator.fromList(blocks.listValue);
    const c = new ContainerCluster(stack, "cluster", {
      name: "prod-gke",
      initialNodeCount: 1,
      masterAuthorizedNetworksConfig: { cidrBlocks: each.dynamic({ cidr_block: each.getString("cidr_block") }) },
    });
    allowDefenderGkeApiServerAccess(c);
    expect(synthCluster(stack).master_authorized_networks_config.dynamic.cidr_blocks.for_each).toBe("${toset(var.blocks)}");
    expect(warningsOf(c)).toEqual([expect.stringMatching(/^master_authorized_networks_config\.cidr_blocks is a reference: add 172\.212\.245\.192\/28, 48\.209\.1\.192\/28/)]);
  });
});
