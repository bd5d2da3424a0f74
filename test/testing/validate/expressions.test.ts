import { isSingleInterpolation, isTemplate, parseStaticTraversal, templateParts, traversalsInTemplate } from "../../../lib/testing/validate/expressions";

const texts = (value: string) => traversalsInTemplate(value).map((t) => t.text);

describe("templates", () => {
  test("literals, interpolations, directives and escapes", () => {
    expect(isTemplate("plain")).toBe(false);
    expect(isTemplate("$${not.a.reference}")).toBe(false);
    expect(isTemplate("%%{ not a directive }")).toBe(false);
    expect(isTemplate("a-${var.x}")).toBe(true);
    expect(isSingleInterpolation("${var.x}")).toBe(true);
    expect(isSingleInterpolation("a-${var.x}")).toBe(false);
    expect(isSingleInterpolation("${var.x}${var.y}")).toBe(false);
    expect(templateParts('${lookup(var.m, "}")}-tail')).toEqual([
      { kind: "interpolation", text: 'lookup(var.m, "}")' },
      { kind: "literal", text: "-tail" },
    ]);
  });

  test("an unclosed interpolation is literal text, not a crash", () => {
    expect(templateParts("${var.x")).toEqual([{ kind: "literal", text: "${var.x" }]);
  });
});

describe("references", () => {
  test("traversals with attributes, constant indexes and splats", () => {
    const [t] = traversalsInTemplate('${azurerm_kubernetes_cluster.c.identity[0].principal_id}');
    expect(t.root).toBe("azurerm_kubernetes_cluster");
    expect(t.steps).toEqual([
      { kind: "attr", name: "c" },
      { kind: "attr", name: "identity" },
      { kind: "index", key: 0 },
      { kind: "attr", name: "principal_id" },
    ]);
    expect(traversalsInTemplate('${data.aws_eks_cluster.x["prod"].endpoint}')[0].steps[2]).toEqual({ kind: "index", key: "prod" });
    expect(traversalsInTemplate("${aws_iam_role.r[*].arn}")[0].steps[1]).toEqual({ kind: "splat" });
    expect(traversalsInTemplate("${aws_x.y.list.0.id}")[0].steps[2]).toEqual({ kind: "index", key: 0 });
  });

  test("function names, object keys, for-expression variables and keywords are not references", () => {
    expect(texts('${jsonencode({ name = var.n, "k" = local.v, other: true })}')).toEqual(["var.n", "local.v"]);
    expect(texts("${{ for k, v in var.m : k => v.id if v != null }}")).toEqual(["var.m"]);
    expect(texts("${[for c in aws_eks_cluster.all : c.arn]}")).toEqual(["aws_eks_cluster.all"]);
    expect(texts("${provider::terraform::encode_tfvars(var.x)}")).toEqual(["var.x"]);
    expect(texts("${var.enabled ? aws_x.y.id : null}")).toEqual(["var.enabled", "aws_x.y.id"]);
  });

  test("references inside strings of an expression, and in directives", () => {
    expect(texts('${format("%s", "${local.inner}")}')).toEqual(["local.inner"]);
    expect(texts("%{ if var.on }yes%{ endif }")).toEqual(["var.on"]);
    expect(texts("%{ for n in var.names }${n}%{ endfor }")).toEqual(["var.names"]);
  });

  test("a dynamic index ends the static part and its expression is a reference of its own", () => {
    const found = traversalsInTemplate("${aws_x.y[each.key].arn}");
    expect(found.map((t) => t.root)).toEqual(["aws_x", "each"]);
    expect(found[0].steps).toEqual([{ kind: "attr", name: "y" }, { kind: "dynamic-index" }]);
  });
});

describe("static traversals (depends_on, provider, ignore_changes)", () => {
  test("bare references parse", () => {
    expect(parseStaticTraversal("aws_eks_cluster.cluster")?.root).toBe("aws_eks_cluster");
    expect(parseStaticTraversal("data.aws_iam_policy_document.doc")?.steps).toHaveLength(2);
    expect(parseStaticTraversal('tags["owner"]')?.steps).toEqual([{ kind: "index", key: "owner" }]);
    expect(parseStaticTraversal("azurerm.west")?.steps).toEqual([{ kind: "attr", name: "west" }]);
  });

  test("interpolations, function calls and expressions do not", () => {
    for (const bad of ["${aws_eks_cluster.cluster}", "aws_x.y[each.key]", "lookup(a, b)", "a + b", "", "aws_x.y.*", "1abc"]) {
      expect({ bad, parsed: parseStaticTraversal(bad) }).toEqual({ bad, parsed: undefined });
    }
  });
});
