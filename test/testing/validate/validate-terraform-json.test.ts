import { Testing } from "cdktf";
import { AksExampleStack } from "../../../examples/aks/aks-stack";
import { EksExampleStack } from "../../../examples/eks/eks-stack";
import { EXAMPLE_DEFAULTS } from "../../../examples/settings";
import { defaultSchemaRegistry } from "../../../lib/testing/schema/registry";
import { SchemaRegistry } from "../../../lib/testing/schema/types";
import { formatDiagnostics, TerraformCheckRule, validateTerraformJson } from "../../../lib/testing/validate";

/**
 * Mutation tests: each rule of the structural validator fires on a real synthesized stack with one
 * deliberate defect, with the path and a message that names the fix. The unmutated stacks pass.
 */
const registry = defaultSchemaRegistry();
const synth = (stack: any): any => JSON.parse(Testing.synth(stack));
const aks = synth(new AksExampleStack(Testing.app({ context: { ...EXAMPLE_DEFAULTS } }), "aks"));
const eks = synth(new EksExampleStack(Testing.app({ context: { ...EXAMPLE_DEFAULTS } }), "eks"));

const CLUSTER = "azurerm_kubernetes_cluster";
const clusterName = () => Object.keys(aks.resource[CLUSTER])[0];

/** A deep copy of the AKS example with `mutate` applied. */
function mutated(mutate: (doc: any, cluster: any) => void, base = aks): any {
  const doc = structuredClone(base);
  mutate(doc, base === aks ? doc.resource[CLUSTER][clusterName()] : undefined);
  return doc;
}

function errorsOf(doc: unknown, schemas: SchemaRegistry = registry) {
  return validateTerraformJson(doc, { registry: schemas }).filter((d) => d.severity === "error");
}

/** The only error of `doc`, which must come from `rule` and mention every `needle`. */
function expectOnly(doc: unknown, rule: TerraformCheckRule, ...needles: string[]) {
  const errors = errorsOf(doc);
  expect(errors.map((e) => e.rule)).toEqual([rule]);
  for (const needle of needles) expect(formatDiagnostics(errors)).toContain(needle);
  return errors[0];
}

test("the unmutated examples pass", () => {
  expect(formatDiagnostics(validateTerraformJson(aks, { registry }))).toBe("");
  expect(formatDiagnostics(validateTerraformJson(eks, { registry }))).toBe("");
});

describe("document shape", () => {
  test("an unknown top-level key", () => {
    expectOnly(mutated((d) => (d.resources = {})), "syntax", '"resources" is not a top-level', 'Did you mean "resource"?');
  });

  test("not an object", () => {
    expect(errorsOf(null).map((e) => e.message)).toEqual(["a Terraform JSON document is an object; got null."]);
    expect(errorsOf([]).map((e) => e.rule)).toEqual(["syntax"]);
  });

  test("an invalid resource name", () => {
    expectOnly(mutated((d) => (d.resource.azurerm_resource_group["1group"] = { name: "g", location: "westeurope" })), "syntax", '"1group" is not a valid name');
  });
});

describe("arguments against the provider schema", () => {
  test("an unknown resource type", () => {
    const e = expectOnly(
      mutated((d) => (d.resource.azurerm_kubernetes_clustr = { x: { name: "n" } })),
      "unknown-type",
      'no resource type "azurerm_kubernetes_clustr"',
      'Did you mean "azurerm_kubernetes_cluster"?',
    );
    expect(e.path).toBe("resource.azurerm_kubernetes_clustr");
  });

  test("an unknown argument, with the closest name", () => {
    const e = expectOnly(mutated((_, c) => (c.dns_prefx = "x")), "unknown-argument", '"dns_prefx" is not expected here', 'Did you mean "dns_prefix"?');
    expect(e.path).toBe(`resource.${CLUSTER}.cluster.dns_prefx`);
  });

  test("an unknown argument in a nested block", () => {
    expectOnly(mutated((_, c) => (c.default_node_pool.vm_sizes = "x")), "unknown-argument", `${CLUSTER}.cluster.default_node_pool.vm_sizes`, 'Did you mean "vm_size"?');
  });

  test("a missing required argument, and a missing required block", () => {
    expectOnly(mutated((_, c) => delete c.location), "missing-argument", 'the argument "location" is required');
    expectOnly(mutated((_, c) => delete c.default_node_pool), "missing-argument", '"default_node_pool" block is required');
  });

  test("a computed attribute set in the configuration", () => {
    expectOnly(mutated((_, c) => (c.fqdn = "x.example")), "read-only-argument", '"fqdn" is computed by the provider');
  });

  test("literals of the wrong type; convertible literals pass", () => {
    expectOnly(mutated((_, c) => (c.tags = ["a"])), "argument-type", "got a list (1 elements); expected a map of string");
    expectOnly(mutated((_, c) => (c.azure_policy_enabled = "yes")), "argument-type", 'got the string "yes"; expected a bool');
    expectOnly(mutated((_, c) => (c.location = { region: "x" })), "argument-type", "expected a string");
    expectOnly(mutated((_, c) => (c.default_node_pool.node_count = "many")), "argument-type", "default_node_pool.node_count");
    // Terraform converts these, so they are not errors.
    expect(errorsOf(mutated((_, c) => Object.assign(c, { azure_policy_enabled: "true", location: 42 })))).toEqual([]);
    expect(errorsOf(mutated((_, c) => (c.default_node_pool.node_count = "3")))).toEqual([]);
  });

  test("block shapes: too many blocks, a block given as an expression", () => {
    expectOnly(mutated((_, c) => (c.default_node_pool = [c.default_node_pool, c.default_node_pool])), "block-shape", 'no more than 1 "default_node_pool" block is allowed; got 2');
    expectOnly(mutated((_, c) => (c.microsoft_defender = "${local.defender}")), "block-shape", 'use a "dynamic" block');
  });

  test("a dynamic block of a type the resource lacks", () => {
    expectOnly(mutated((_, c) => (c.dynamic = { nope: { for_each: "${var.x}", content: {} } })), "unknown-argument", 'a dynamic block of type "nope"');
  });
});

describe("meta-arguments", () => {
  test('depends_on written as "${…}" (the EKS defect) names the bare form', () => {
    expectOnly(
      mutated((_, c) => (c.depends_on = ["${azurerm_resource_group.group}"])),
      "depends-on",
      "not a static reference",
      'Write it bare: "azurerm_resource_group.group"',
    );
  });

  test("depends_on on something undeclared, or on an attribute", () => {
    expectOnly(mutated((_, c) => (c.depends_on = ["azurerm_resource_group.nope"])), "depends-on", "names nothing declared");
    expectOnly(mutated((_, c) => (c.depends_on = ["azurerm_resource_group.group.id"])), "depends-on", "not their attributes");
  });

  test("a provider alias no provider block configures", () => {
    expectOnly(mutated((_, c) => (c.provider = "azurerm.west")), "provider", 'no provider block configures "azurerm.west"');
    expectOnly(mutated((_, c) => (c.provider = "${azurerm}")), "provider", "Write it bare");
  });

  test("duplicate provider configurations", () => {
    expectOnly(mutated((d) => d.provider.azurerm.push({ ...d.provider.azurerm[0] })), "provider", 'duplicate default configuration of provider "azurerm"');
  });

  test("ignore_changes names the schema lacks; lifecycle flags that are not literals", () => {
    expectOnly(mutated((_, c) => (c.lifecycle = { ignore_changes: ["microsoft_defendr"] })), "lifecycle", 'no argument or block named "microsoft_defendr"', 'Did you mean "microsoft_defender"?');
    expectOnly(mutated((_, c) => (c.lifecycle = { prevent_destroy: "${var.keep}" })), "lifecycle", "takes a literal true or false");
    expectOnly(mutated((_, c) => (c.lifecycle = { ignore_change: ["tags"] })), "lifecycle", 'Did you mean "ignore_changes"?');
    expect(errorsOf(mutated((_, c) => (c.lifecycle = { ignore_changes: "all" })))).toEqual([]);
  });

  test("for_each as a list literal, count and for_each together", () => {
    // A group nothing references: a for_each on a referenced resource also breaks its references.
    const extra = (meta: object) => mutated((d) => (d.resource.azurerm_resource_group.extra = { name: "x", location: "westeurope", ...meta }));
    expectOnly(extra({ for_each: ["a", "b"] }), "for-each", "wrap it in toset()");
    expectOnly(extra({ for_each: { a: 1 }, count: 1 }), "for-each", '"count" and "for_each" cannot both be set');
    expectOnly(extra({ count: -1 }), "for-each", '"count" takes a whole number');
    expect(errorsOf(extra({ for_each: { a: 1 }, name: "${each.key}" }))).toEqual([]);
  });
});

describe("references", () => {
  test("to an undeclared resource, with the closest declared one", () => {
    expectOnly(mutated((_, c) => (c.dns_prefix = "${azurerm_resource_group.grup.name}")), "reference", 'no resource "azurerm_resource_group.grup"', 'Did you mean "azurerm_resource_group.group"?');
  });

  test("to an attribute the schema lacks", () => {
    expectOnly(mutated((_, c) => (c.dns_prefix = "${azurerm_resource_group.group.nam}")), "reference", 'no argument, nested block or exported attribute named "nam"');
  });

  test("each outside for_each, and a missing instance key on a for_each resource", () => {
    expectOnly(mutated((_, c) => (c.dns_prefix = "${each.key}")), "reference", '"each" is only available in a block that sets for_each');
    const forEachData = Object.keys(eks.data.aws_eks_cluster_auth)[0];
    expectOnly(
      mutated((d) => (d.output = { token: { value: `\${data.aws_eks_cluster_auth.${forEachData}.token}` } }), eks),
      "reference",
      "must be read from one instance",
    );
  });

  test("undeclared variables and locals", () => {
    expectOnly(mutated((_, c) => (c.dns_prefix = "${var.prefix}")), "reference", 'no variable "prefix"');
    expectOnly(mutated((_, c) => (c.dns_prefix = "${local.prefix}")), "reference", 'no local value "prefix"');
  });
});

describe("import, removed and moved blocks", () => {
  test("import into something undeclared, or written as an interpolation", () => {
    expectOnly(mutated((d) => (d.import = [{ to: "azurerm_resource_group.nope", id: "/x" }])), "import", "is not declared in this stack");
    expectOnly(mutated((d) => (d.import = [{ to: "${azurerm_resource_group.group}", id: "/x" }])), "import", "expected a bare resource address");
    expectOnly(mutated((d) => (d.import = [{ to: "azurerm_resource_group.group" }])), "import", 'needs "id"');
  });

  test("removed: the resource is still declared; instance keys are not allowed", () => {
    expectOnly(mutated((d) => (d.removed = [{ from: "azurerm_resource_group.group", lifecycle: { destroy: false } }])), "removed", "is still declared");
    expectOnly(mutated((d) => (d.removed = [{ from: 'azurerm_resource_group.old["a"]' }])), "removed", "without instance key");
    expectOnly(mutated((d) => (d.removed = [{ from: "azurerm_resource_group.old", lifecycle: { destroy: "no" } }])), "removed", '"destroy" takes a literal');
  });

  test("moved: the target must exist", () => {
    expectOnly(mutated((d) => (d.moved = [{ from: "azurerm_resource_group.old", to: "azurerm_resource_group.new" }])), "moved", "target must exist");
  });
});

test("a provider without an installed schema is reported as not checked, not as an error", () => {
  const empty: SchemaRegistry = { names: [], provider: () => undefined };
  const diagnostics = validateTerraformJson(mutated((_, c) => (c.made_up = 1)), { registry: empty });
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(diagnostics.map((d) => d.rule)).toContain("no-schema");
});

test("every rule is exercised by a test in this file", () => {
  const rules: TerraformCheckRule[] = ["syntax", "unknown-type", "unknown-argument", "missing-argument", "read-only-argument", "argument-type", "block-shape", "depends-on", "provider", "lifecycle", "for-each", "import", "removed", "moved", "reference", "no-schema"];
  const source = require("fs").readFileSync(__filename, "utf8") as string;
  for (const rule of rules) expect({ rule, tested: source.includes(`"${rule}"`) }).toEqual({ rule, tested: true });
});
