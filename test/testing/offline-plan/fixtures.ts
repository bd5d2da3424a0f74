// Hand-written provider schemas for the offline-plan tests (a few types of azurerm, aws and azapi).
import type { BlockSchema, ProviderSchema, SchemaRegistry } from "../../../lib/testing/schema/types";

const req = (type: BlockSchema["attributes"][string]["type"]) => ({ type, required: true });
const opt = (type: BlockSchema["attributes"][string]["type"]) => ({ type, optional: true, computed: true });
const computed = (type: BlockSchema["attributes"][string]["type"]) => ({ type, computed: true });

function provider(
  source: string,
  version: string,
  providerBlock: BlockSchema,
  resources: Record<string, BlockSchema>,
  dataSources: Record<string, BlockSchema>,
): ProviderSchema {
  return {
    source,
    version,
    provider: providerBlock,
    resourceTypes: Object.keys(resources).sort(),
    dataSourceTypes: Object.keys(dataSources).sort(),
    resource: (t) => resources[t],
    dataSource: (t) => dataSources[t],
  };
}

export const azurerm = provider(
  "hashicorp/azurerm",
  "4.55.0",
  {
    attributes: { subscription_id: opt("string"), tenant_id: opt("string") },
    blockTypes: { features: { nesting: "list", block: { attributes: {}, blockTypes: {} } } },
  },
  {
    azurerm_resource_group: {
      attributes: { id: computed("string"), name: req("string"), location: req("string"), tags: opt(["map", "string"]) },
      blockTypes: {},
    },
    azurerm_kubernetes_cluster: {
      attributes: {
        id: computed("string"),
        name: req("string"),
        location: req("string"),
        resource_group_name: req("string"),
        dns_prefix: opt("string"),
        oidc_issuer_url: computed("string"),
        node_resource_group_id: computed("string"),
      },
      blockTypes: {
        default_node_pool: {
          nesting: "list",
          minItems: 1,
          maxItems: 1,
          block: {
            attributes: { name: req("string"), vm_size: req("string"), node_count: opt("number"), id: computed("string") },
            blockTypes: {},
          },
        },
        identity: {
          nesting: "list",
          maxItems: 1,
          block: { attributes: { type: req("string"), principal_id: computed("string") }, blockTypes: {} },
        },
        microsoft_defender: {
          nesting: "list",
          maxItems: 1,
          block: { attributes: { log_analytics_workspace_id: req("string") }, blockTypes: {} },
        },
      },
    },
  },
  {
    azurerm_client_config: {
      attributes: {
        id: computed("string"),
        tenant_id: computed("string"),
        subscription_id: computed("string"),
        object_id: computed("string"),
      },
      blockTypes: {},
    },
  },
);

export const aws = provider(
  "hashicorp/aws",
  "6.0.0",
  { attributes: { region: opt("string") }, blockTypes: {} },
  {
    aws_iam_role: {
      attributes: {
        id: computed("string"),
        arn: computed("string"),
        name: opt("string"),
        assume_role_policy: req("string"),
        tags: opt(["map", "string"]),
      },
      blockTypes: {},
    },
    aws_iam_role_policy_attachment: {
      attributes: { id: computed("string"), role: req("string"), policy_arn: req("string") },
      blockTypes: {},
    },
  },
  {
    aws_caller_identity: {
      attributes: { id: computed("string"), account_id: computed("string"), arn: computed("string") },
      blockTypes: {},
    },
  },
);

export const azapi = provider(
  "azure/azapi",
  "2.4.0",
  { attributes: {}, blockTypes: {} },
  {
    azapi_resource: {
      attributes: {
        id: computed("string"),
        type: req("string"),
        name: req("string"),
        parent_id: req("string"),
        body: opt("dynamic"),
        output: computed("dynamic"),
      },
      blockTypes: {},
    },
  },
  {},
);

export function fixtureRegistry(): SchemaRegistry {
  const all: Record<string, ProviderSchema> = { azurerm, aws, azapi };
  return { names: Object.keys(all), provider: (name) => all[name] };
}
