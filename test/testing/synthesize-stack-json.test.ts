import { ArcKubernetesClusterExtension } from "@cdktf/provider-azurerm/lib/arc-kubernetes-cluster-extension";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Annotations, Aspects, IAspect, TerraformIterator, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import { ArcDefenderSensor, ArcPolicyExtension } from "../../lib/azure";
import { DefenderCoverageChecks } from "../../lib/checks";
import { synthesizeForDefender, synthesizeStackJson, synthesizeStackObject } from "../../lib/testing";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const arcId = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-arc/providers/Microsoft.Kubernetes/connectedClusters/${name}`;

/** Tags every taggable resource: an aspect that changes the synthesized JSON. */
class Tagger implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof ArcKubernetesClusterExtension) node.addOverride("configuration_protected_settings", { tagged: "yes" });
  }
}

/** A stack exercising what Testing.synth treats specially: for_each maps (keys that sort differently as numbers), overrides at every level, aspects, annotations and metadata. */
function crossCuttingStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "stack");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  const clusterIds = ["b-2", "a-10", "c-1", "10", "2", "z-9"].map(arcId);
  new ArcDefenderSensor(stack, "arc-sensor", { clusterIds, workspaceResourceId: WORKSPACE });
  new ArcPolicyExtension(stack, "arc-policy", { clusterIds: clusterIds.slice(0, 2) });
  const iterator = TerraformIterator.fromMap({ "10": arcId("x"), "2": arcId("y"), b: arcId("z") });
  const single = new ArcKubernetesClusterExtension(stack, "raw", {
    forEach: iterator,
    name: "microsoft.azuredefender.kubernetes",
    clusterId: iterator.value,
    extensionType: "microsoft.azuredefender.kubernetes",
    identity: { type: "SystemAssigned" },
  });
  single.addOverride("lifecycle.ignore_changes", ["configuration_settings"]);
  stack.addOverride("terraform.required_version", ">= 1.5");
  new TerraformOutput(stack, "extensions", { value: single.fqn, sensitive: false });
  Aspects.of(stack).add(new Tagger());
  Aspects.of(stack).add(new DefenderCoverageChecks());
  Annotations.of(single).addWarning("a warning left by the test");
  Annotations.of(stack).addInfo("an info left by the test");
  return stack;
}

describe("linear synth", () => {
  test("synthesizeStackJson gives exactly Testing.synth's text (for_each maps, overrides, aspects, annotations)", () => {
    const ours = synthesizeStackJson(crossCuttingStack(), { runValidations: true });
    const cdktf = Testing.synth(crossCuttingStack(), true);
    expect(ours).toBe(cdktf);
    // the stack really has what the comparison is meant to cover
    const json = JSON.parse(ours);
    expect(Object.keys(json.resource.azurerm_arc_kubernetes_cluster_extension)).toHaveLength(3);
    expect(JSON.stringify(json)).toContain('"tagged":"yes"');
    expect(json.terraform.required_version).toBe(">= 1.5");
    expect(ours).not.toContain('"//"');
  });

  test("without validations, too", () => {
    expect(synthesizeStackJson(crossCuttingStack())).toBe(Testing.synth(crossCuttingStack()));
  });

  test("synthesizeStackObject is what JSON.parse(Testing.synth(…)) returns, keys in the same order", () => {
    const ours = synthesizeStackObject(crossCuttingStack(), { runValidations: true });
    const cdktf = JSON.parse(Testing.synth(crossCuttingStack(), true));
    expect(JSON.stringify(ours)).toBe(JSON.stringify(cdktf));
    expect(ours).toEqual(cdktf);
  });

  test("synthesizeForDefender's JSON is Testing.synth's, and it still reports annotations and coverage", () => {
    const synth = synthesizeForDefender(crossCuttingStack());
    expect(JSON.stringify(synth.terraform)).toBe(JSON.stringify(JSON.parse(Testing.synth(crossCuttingStack(), true))));
    expect(synth.annotations).toEqual(
      expect.arrayContaining([
        { path: "stack/raw", level: "warning", message: "a warning left by the test" },
        { path: "stack", level: "info", message: "an info left by the test" },
      ]),
    );
    expect(synth.report.clusters.filter((c) => c.kind === "Arc").length).toBeGreaterThanOrEqual(6);
  });
});
