import { defaultSchemaRegistry, NestedBlockSchema } from "../../../lib/testing/schema";

// Facts from the providers' registry docs for the versions the packages wrap (azurerm 4.55.0,
// aws 6.25.0, google 6.50.0, kubernetes 2.38.0, helm 3.1.1). The big providers load from the warm
// cache (test/global-setup.ts derives them once before the workers start).
const registry = defaultSchemaRegistry();

function provider(name: string) {
  const schema = registry.provider(name);
  if (!schema) throw new Error(`no ${name} schema`);
  return schema;
}

function limits(block: NestedBlockSchema | undefined) {
  return block && { nesting: block.nesting, minItems: block.minItems, maxItems: block.maxItems };
}

test("the registry serves every installed provider and azapi", () => {
  expect(registry.names).toEqual(["aws", "azapi", "azurerm", "google", "helm", "kubernetes"]);
  expect(registry.provider("nope")).toBeUndefined();
  expect(defaultSchemaRegistry()).toBe(registry);
  expect(provider("azurerm")).toMatchObject({ source: "hashicorp/azurerm", version: "4.55.0" });
  expect(provider("aws").source).toBe("hashicorp/aws");
});

test("azurerm_kubernetes_cluster", () => {
  const aks = provider("azurerm").resource("azurerm_kubernetes_cluster")!;
  for (const name of ["name", "location", "resource_group_name"]) expect(aks.attributes[name]).toEqual({ type: "string", required: true });
  expect(limits(aks.blockTypes.default_node_pool)).toEqual({ nesting: "list", minItems: 1, maxItems: 1 });
  expect(aks.blockTypes.default_node_pool.block.attributes.name).toEqual({ type: "string", required: true });
  expect(limits(aks.blockTypes.microsoft_defender)).toEqual({ nesting: "list", minItems: undefined, maxItems: 1 });
  expect(aks.blockTypes.microsoft_defender.block.attributes.log_analytics_workspace_id).toEqual({ type: "string", required: true });
  expect(aks.attributes.fqdn).toEqual({ type: "string", computed: true });
  expect(aks.attributes.oidc_issuer_url).toEqual({ type: "string", computed: true });
  expect(aks.attributes.kube_config.computed).toBe(true);
  expect(aks.attributes.kube_config.type).toEqual([
    "list",
    ["object", expect.objectContaining({ host: "string", client_certificate: "string", cluster_ca_certificate: "string" })],
  ]);
  expect(aks.attributes.id).toEqual({ type: "string", optional: true, computed: true });
  expect(aks.attributes.tags).toEqual({ type: ["map", "string"], optional: true, computed: true });
  expect(limits(aks.blockTypes.timeouts)).toEqual({ nesting: "single", minItems: undefined, maxItems: undefined });
  // A computed attribute inside a block.
  expect(aks.blockTypes.aci_connector_linux.block.attributes.connector_identity.computed).toBe(true);
  expect(provider("azurerm").provider.blockTypes.features).toBeDefined();
  expect(provider("azurerm").provider.attributes.subscription_id).toEqual({ type: "string", optional: true });
});

test("aws_eks_cluster, aws_iam_role, aws_caller_identity, a set block, the provider block", () => {
  const aws = provider("aws");
  const eks = aws.resource("aws_eks_cluster")!;
  expect(eks.attributes.name).toEqual({ type: "string", required: true });
  expect(eks.attributes.role_arn).toEqual({ type: "string", required: true });
  expect(limits(eks.blockTypes.vpc_config)).toEqual({ nesting: "list", minItems: 1, maxItems: 1 });
  expect(eks.blockTypes.vpc_config.block.attributes.subnet_ids.type).toEqual(["set", "string"]);
  expect(eks.attributes.endpoint).toEqual({ type: "string", computed: true });
  expect(aws.resource("aws_iam_role")!.attributes.assume_role_policy).toEqual({ type: "string", required: true });
  const caller = aws.dataSource("aws_caller_identity")!;
  for (const name of ["account_id", "arn", "user_id"]) expect(caller.attributes[name]).toEqual({ type: "string", computed: true });
  expect(aws.resource("aws_caller_identity")).toBeUndefined();
  expect(limits(aws.resource("aws_autoscaling_group")!.blockTypes.tag)?.nesting).toBe("set");
  expect(aws.provider.attributes.region).toEqual({ type: "string", optional: true });
  expect(aws.provider.blockTypes.assume_role.block.attributes.role_arn).toBeDefined();
  expect(aws.provider.attributes.alias).toBeUndefined();
});

test("google_container_cluster, kubernetes and helm", () => {
  const gke = provider("google").resource("google_container_cluster")!;
  expect(gke.attributes.name).toEqual({ type: "string", required: true });
  expect(gke.attributes.endpoint).toEqual({ type: "string", computed: true });

  const k8s = provider("kubernetes").provider;
  for (const name of ["host", "config_path", "token", "cluster_ca_certificate"]) expect(k8s.attributes[name]?.optional).toBe(true);
  expect(k8s.blockTypes.exec.block.attributes.api_version).toEqual({ type: "string", required: true });
  expect(provider("kubernetes").resource("kubernetes_namespace")!.blockTypes.metadata.block.attributes.name).toBeDefined();

  const helm = provider("helm");
  const release = helm.resource("helm_release")!;
  expect(release.attributes.name).toEqual({ type: "string", required: true });
  expect(release.attributes.chart).toEqual({ type: "string", required: true });
  expect(release.attributes.status).toEqual({ type: "string", computed: true });
  expect(release.attributes.metadata.type[0]).toBe("object");
  expect(limits(release.blockTypes.set)).toEqual({ nesting: "list", minItems: undefined, maxItems: undefined });
  expect(helm.dataSourceTypes).toEqual(["helm_template"]);
  expect(helm.provider.blockTypes.kubernetes.block.attributes.config_path).toEqual({ type: "string", optional: true });
});
