import { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema, ProviderSchema } from "./types";

/**
 * The azapi provider version this schema describes; within the binding's `~> 2.4`
 * (AZAPI_PROVIDER_VERSION_CONSTRAINT in lib/azure/azapi/provider.ts).
 */
export const AZAPI_SCHEMA_VERSION = "2.8.0";

// Source: github.com/Azure/terraform-provider-azapi, tag v2.8.0, docs/index.md (provider) and
// docs/resources/resource.md (azapi_resource), docs/resources/update_resource.md (azapi_update_resource) and
// docs/resources/resource_action.md (azapi_resource_action), "## Schema" sections (Required / Optional / Read-Only).
// Only the types the library's binding (lib/azure/azapi/) writes are described. Optional arguments
// are also computed, as in the derived schemas (the plugin-framework provider computes several,
// e.g. name, parent_id, location). Nested attributes (`retry`, provider `endpoint`) are modeled as
// blocks, as the derived schemas do: the contract has no nested-attribute type, and their JSON
// form (an object / a list of objects) is the same.

const optional = (type: CtyType): AttributeSchema => ({ type, optional: true, computed: true });
const required = (type: CtyType): AttributeSchema => ({ type, required: true });
const computed = (type: CtyType): AttributeSchema => ({ type, computed: true });
const providerOptional = (type: CtyType): AttributeSchema => ({ type, optional: true });
const mapOfStrings: CtyType = ["map", "string"];
const mapOfListsOfStrings: CtyType = ["map", ["list", "string"]];
const listOfStrings: CtyType = ["list", "string"];

const timeouts: NestedBlockSchema = {
  nesting: "single",
  block: {
    attributes: { create: optional("string"), delete: optional("string"), read: optional("string"), update: optional("string") },
    blockTypes: {},
  },
};

const retry: NestedBlockSchema = {
  nesting: "single",
  block: {
    attributes: {
      error_message_regex: required(listOfStrings),
      interval_seconds: optional("number"),
      max_interval_seconds: optional("number"),
      multiplier: optional("number"),
      randomization_factor: optional("number"),
    },
    blockTypes: {},
  },
};

/** `azapi_resource` (docs/resources/resource.md, v2.8.0). */
const azapiResource: BlockSchema = {
  attributes: {
    type: required("string"),
    body: optional("dynamic"),
    create_headers: optional(mapOfStrings),
    create_query_parameters: optional(mapOfListsOfStrings),
    delete_headers: optional(mapOfStrings),
    delete_query_parameters: optional(mapOfListsOfStrings),
    ignore_casing: optional("bool"),
    ignore_missing_property: optional("bool"),
    ignore_null_property: optional("bool"),
    location: optional("string"),
    locks: optional(listOfStrings),
    name: optional("string"),
    parent_id: optional("string"),
    read_headers: optional(mapOfStrings),
    read_query_parameters: optional(mapOfListsOfStrings),
    replace_triggers_external_values: optional("dynamic"),
    replace_triggers_refs: optional(listOfStrings),
    response_export_values: optional("dynamic"),
    schema_validation_enabled: optional("bool"),
    // Write-only: never stored, so not computed.
    sensitive_body: { type: "dynamic", optional: true },
    sensitive_body_version: optional(mapOfStrings),
    tags: optional(mapOfStrings),
    update_headers: optional(mapOfStrings),
    update_query_parameters: optional(mapOfListsOfStrings),
    id: computed("string"),
    output: computed("dynamic"),
  },
  blockTypes: {
    identity: {
      nesting: "list",
      block: {
        attributes: {
          type: required("string"),
          identity_ids: optional(listOfStrings),
          principal_id: computed("string"),
          tenant_id: computed("string"),
        },
        blockTypes: {},
      },
    },
    retry,
    timeouts,
  },
};

/** `azapi_resource_action` (docs/resources/resource_action.md). */
const azapiResourceAction: BlockSchema = {
  attributes: {
    type: required("string"),
    resource_id: required("string"),
    action: optional("string"),
    body: optional("dynamic"),
    headers: optional(mapOfStrings),
    locks: optional(listOfStrings),
    method: optional("string"),
    query_parameters: optional(mapOfListsOfStrings),
    response_export_values: optional("dynamic"),
    sensitive_response_export_values: optional("dynamic"),
    when: optional("string"),
    id: computed("string"),
    output: computed("dynamic"),
    sensitive_output: { type: "dynamic", computed: true, sensitive: true },
  },
  blockTypes: {
    retry,
    timeouts,
  },
};

/** `azapi_update_resource` (docs/resources/update_resource.md, v2.8.0). */
const azapiUpdateResource: BlockSchema = {
  attributes: {
    type: required("string"),
    body: optional("dynamic"),
    ignore_casing: optional("bool"),
    ignore_missing_property: optional("bool"),
    locks: optional(listOfStrings),
    name: optional("string"),
    parent_id: optional("string"),
    read_headers: optional(mapOfStrings),
    read_query_parameters: optional(mapOfListsOfStrings),
    resource_id: optional("string"),
    response_export_values: optional("dynamic"),
    update_headers: optional(mapOfStrings),
    update_query_parameters: optional(mapOfListsOfStrings),
    id: computed("string"),
    output: computed("dynamic"),
  },
  blockTypes: {
    retry: {
      nesting: "single",
      block: {
        attributes: {
          error_message_regex: optional(listOfStrings),
          http_status_codes: optional(["list", "number"]),
          interval_seconds: optional("number"),
          max_interval_seconds: optional("number"),
          multiplier: optional("number"),
          randomization_factor: optional("number"),
          read_after_create_retry_on_not_found_or_forbidden: optional("bool"),
          response_is_nil: optional("bool"),
        },
        blockTypes: {},
      },
    },
    timeouts,
  },
};

/** The `provider "azapi"` block (docs/index.md, v2.8.0); `alias` is a meta-argument, not listed. */
const azapiProvider: BlockSchema = {
  attributes: Object.fromEntries(
    (
      [
        ["auxiliary_tenant_ids", listOfStrings],
        ["client_certificate", "string"],
        ["client_certificate_password", "string"],
        ["client_certificate_path", "string"],
        ["client_id", "string"],
        ["client_id_file_path", "string"],
        ["client_secret", "string"],
        ["client_secret_file_path", "string"],
        ["custom_correlation_request_id", "string"],
        ["default_location", "string"],
        ["default_name", "string"],
        ["default_tags", mapOfStrings],
        ["disable_correlation_request_id", "bool"],
        ["disable_default_output", "bool"],
        ["disable_instance_discovery", "bool"],
        ["disable_terraform_partner_id", "bool"],
        ["enable_preflight", "bool"],
        ["environment", "string"],
        ["ignore_no_op_changes", "bool"],
        ["maximum_busy_retry_attempts", "number"],
        ["oidc_azure_service_connection_id", "string"],
        ["oidc_request_token", "string"],
        ["oidc_request_url", "string"],
        ["oidc_token", "string"],
        ["oidc_token_file_path", "string"],
        ["partner_id", "string"],
        ["skip_provider_registration", "bool"],
        ["subscription_id", "string"],
        ["tenant_id", "string"],
        ["use_aks_workload_identity", "bool"],
        ["use_cli", "bool"],
        ["use_msi", "bool"],
        ["use_oidc", "bool"],
      ] as Array<[string, CtyType]>
    ).map(([name, type]) => [name, providerOptional(type)]),
  ),
  blockTypes: {
    endpoint: {
      nesting: "list",
      block: {
        attributes: {
          active_directory_authority_host: providerOptional("string"),
          resource_manager_audience: providerOptional("string"),
          resource_manager_endpoint: providerOptional("string"),
        },
        blockTypes: {},
      },
    },
  },
};

const resources: { readonly [type: string]: BlockSchema } = {
  azapi_resource: azapiResource,
  azapi_resource_action: azapiResourceAction,
  azapi_update_resource: azapiUpdateResource,
};
const dataSources: { readonly [type: string]: BlockSchema } = {};

/** The azure/azapi schema for the types the library's hand-written binding writes. */
export const azapiSchema: ProviderSchema = {
  source: "azure/azapi",
  version: AZAPI_SCHEMA_VERSION,
  provider: azapiProvider,
  resourceTypes: Object.keys(resources).sort(),
  dataSourceTypes: Object.keys(dataSources).sort(),
  resource: (type) => (Object.prototype.hasOwnProperty.call(resources, type) ? resources[type] : undefined),
  dataSource: (type) => (Object.prototype.hasOwnProperty.call(dataSources, type) ? dataSources[type] : undefined),
};
