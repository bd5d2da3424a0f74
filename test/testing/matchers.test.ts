import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { AksDefenderSensor, AksPolicyAddon, DefenderForContainersPlan } from "../../lib/azure";
import { CheckLevel, DefenderCoverageChecks } from "../../lib/checks";
import {
  ClusterKind,
  Coverage,
  coverageOfStacks,
  defenderMatchers,
  expectClusterProtected,
  setupDefenderMatchers,
  synthesizeForDefender,
} from "../../lib/testing";
import { testCluster } from "../azure/fixtures";
import { azureStack, multicloudStack, writeCdktfOut } from "../util";
import { FIXTURE_STACKS } from "./fixtures";

// What a user's setupFilesAfterEnv file does.
setupDefenderMatchers();

const WORKSPACE = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-sec";

/** A stack with one protected AKS cluster ("aks-good"), one bare one ("aks-bare") and a plan. */
function mixedStack(): TerraformStack {
  const stack = azureStack();
  new DefenderForContainersPlan(stack, "plan");
  const good = testCluster(stack, "good");
  new AksDefenderSensor(stack, "sensor", { cluster: good, workspaceResourceId: WORKSPACE });
  new AksPolicyAddon(stack, "policy", { cluster: good });
  testCluster(stack, "bare");
  return stack;
}

describe("synthesizeForDefender", () => {
  test("returns the parsed JSON, the coverage and the annotations the checks left", () => {
    const stack = mixedStack();
    Aspects.of(stack).add(new DefenderCoverageChecks({ level: CheckLevel.ERROR }));
    const synth = synthesizeForDefender(stack);
    expect(synth.stackName).toBe("test");
    expect(Object.keys(synth.terraform.resource!.azurerm_kubernetes_cluster)).toEqual(["bare", "good"]);
    expect(synth.report.clusters.map((c) => `${c.name} ${c.sensor}`)).toEqual(["aks-bare no", "aks-good yes"]);
    expect(synth.annotations.map((a) => `${a.level} ${a.path} ${a.message.split(" ")[0]}`)).toEqual([
      "error test/bare MDC-AKS-1",
      "error test/bare MDC-AKS-2",
    ]);
  });

  test("runs validations unless told not to", () => {
    const stack = new TerraformStack(Testing.app(), "noprovider");
    testCluster(stack);
    expect(() => synthesizeForDefender(stack)).toThrow(/provider/i);
    expect(synthesizeForDefender(stack, { runValidations: false }).report.clusters).toHaveLength(1);
  });
});

describe("expectClusterProtected", () => {
  const synth = synthesizeForDefender(mixedStack());

  test("returns the coverage of a protected cluster, found by name, address or stack/name", () => {
    expect(expectClusterProtected(synth, "aks-good").sensor).toBe(Coverage.YES);
    expect(expectClusterProtected(synth, "azurerm_kubernetes_cluster.good").name).toBe("aks-good");
    expect(expectClusterProtected(synth, "test/aks-good", {}, ClusterKind.AKS).kind).toBe(ClusterKind.AKS);
  });

  test("throws, naming what is missing", () => {
    expect(() => expectClusterProtected(synth, "aks-bare")).toThrow(
      'AKS cluster "aks-bare" (stack test) is not protected: missing Sensor, Policy add-on, Workspace.',
    );
    expect(() => expectClusterProtected(synth, "aks-bare", { sensor: false, workspace: false })).toThrow(/missing Policy add-on\.$/);
    expect(expectClusterProtected(synth, "aks-bare", { sensor: false, workspace: false, policy: false }).name).toBe("aks-bare");
  });

  test("an unknown or ambiguous cluster is an error that lists the clusters", () => {
    expect(() => expectClusterProtected(synth, "aks-nope")).toThrow('no cluster "aks-nope" in the synthesized stacks; clusters found: test/aks-bare, test/aks-good.');
    expect(() => expectClusterProtected(synth, "aks-good", {}, ClusterKind.EKS)).toThrow('no EKS cluster "aks-good" in the synthesized stacks; EKS clusters found: none.');
    const twice = coverageOfStacks({ a: synth.terraform, b: synth.terraform });
    expect(() => expectClusterProtected(twice, "aks-good")).toThrow('2 clusters match "aks-good" (a/aks-good, b/aks-good); name one as <stack>/<name>.');
  });
});

describe("jest matchers", () => {
  const stack = mixedStack();
  const synth = synthesizeForDefender(stack);

  test("toProtectAksCluster / toProtectCluster, with .not and requirements", () => {
    expect(synth).toProtectAksCluster("aks-good");
    expect(synth).toProtectCluster("test/aks-good");
    expect(synth).not.toProtectAksCluster("aks-bare");
    expect(synth).toProtectAksCluster("aks-bare", { sensor: false, policy: false, workspace: false });
  });

  test("failure messages say what is missing", () => {
    expect(() => expect(synth).toProtectAksCluster("aks-bare")).toThrow(
      'expected AKS cluster "aks-bare" (stack test) to be protected, but it is missing Sensor, Policy add-on, Workspace',
    );
    expect(() => expect(synth).not.toProtectAksCluster("aks-good")).toThrow(/not to be protected, but it has every required part/);
    expect(() => expect(synth).toProtectEksCluster("aks-good")).toThrow(/no EKS cluster "aks-good"/);
    // A typo is an error under .not too.
    expect(() => expect(synth).not.toProtectAksCluster("aks-typo")).toThrow(/no AKS cluster "aks-typo"/);
  });

  test("accept a TerraformStack, Testing.synth output, and a cdktf output directory", () => {
    expect(mixedStack()).toProtectAksCluster("aks-good");
    expect(Testing.synth(mixedStack())).toProtectAksCluster("aks-good");
    expect(Testing.fullSynth(mixedStack())).toProtectAksCluster("aks-good");
    expect(() => expect("not json and not a directory").toHaveDefenderPlan()).toThrow(/expected synthesized Terraform JSON or a cdktf output directory/);
  });

  test("toProtectEksCluster, toProtectGkeCluster and toProtectArcCluster on multicloud output", () => {
    const dir = writeCdktfOut(FIXTURE_STACKS);
    expect(dir).toProtectEksCluster("eks-prod");
    expect(dir).not.toProtectEksCluster("eks-dev");
    expect(dir).toProtectEksCluster("eks-dev", { sensor: false, agentlessDiscovery: false, auditLogs: false });
    expect(dir).toProtectGkeCluster("gke-main");
    expect(dir).toProtectArcCluster("edge-1");
    expect(dir).not.toProtectArcCluster("edge-2");
  });

  test("toHaveDefenderPlan", () => {
    expect(synth).toHaveDefenderPlan();
    const planless = azureStack();
    testCluster(planless);
    expect(planless).not.toHaveDefenderPlan();
    expect(() => expect(planless).toHaveDefenderPlan()).toThrow(/expected a Containers plan .* in test/);
  });

  test("toHaveNoCoverageGaps", () => {
    const clean = azureStack();
    new DefenderForContainersPlan(clean, "plan");
    const cluster = testCluster(clean);
    new AksDefenderSensor(clean, "sensor", { cluster, workspaceResourceId: WORKSPACE });
    new AksPolicyAddon(clean, "policy", { cluster });
    expect(clean).toHaveNoCoverageGaps();
    expect(() => expect(synth).toHaveNoCoverageGaps()).toThrow("expected no coverage gaps, but found:\n  AKS test/aks-bare: Sensor, Policy add-on, Workspace");
    const eks = multicloudStack("eks");
    new EksCluster(eks, "eks", { name: "eks", roleArn: "arn:aws:iam::123456789012:role/eks", vpcConfig: { subnetIds: ["s"] } });
    expect(() => expect(eks).toHaveNoCoverageGaps()).toThrow("EKS eks/eks: Sensor, Agentless discovery, Audit logs");
  });

  test("setupDefenderMatchers needs jest's global expect", () => {
    const global = globalThis as { expect?: unknown };
    const saved = global.expect;
    let error: Error | undefined;
    delete global.expect;
    try {
      setupDefenderMatchers();
    } catch (e) {
      error = e as Error;
    } finally {
      global.expect = saved;
    }
    expect(error?.message).toBe("setupDefenderMatchers() needs jest's global expect: call it from a file listed in setupFilesAfterEnv.");
    expect(Object.keys(defenderMatchers).sort()).toEqual([
      "toHaveDefenderPlan",
      "toHaveNoCoverageGaps",
      "toPassTerraformChecks",
      "toProtectAksCluster",
      "toProtectArcCluster",
      "toProtectCluster",
      "toProtectEksCluster",
      "toProtectGkeCluster",
    ]);
  });
});
