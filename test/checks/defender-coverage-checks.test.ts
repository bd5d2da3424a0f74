import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { Release } from "@cdktf/provider-helm/lib/release";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { Aspects, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { readFileSync } from "fs";
import { join } from "path";
import { EksSensorExclusion } from "../../lib/aws";
import { AksDefenderSensor, AksPolicyAddon, AksSensorExclusion, DefenderForContainersPlan, PlanTier } from "../../lib/azure";
import { HelmDefenderSensor, SensorCluster } from "../../lib/kubernetes";
import { CheckLevel, DefenderCoverageChecks, DefenderCoverageChecksProps } from "../../lib/checks";
import { testCluster } from "../azure/fixtures";
import { annotationsOf, multicloudStack } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;

/** Adds the checks to a fresh multicloud stack, lets `build` fill it, then synthesizes (aspects run). */
function check(build: (stack: TerraformStack) => void, props?: DefenderCoverageChecksProps): { stack: TerraformStack; checks: DefenderCoverageChecks } {
  const stack = multicloudStack();
  const checks = new DefenderCoverageChecks(props);
  Aspects.of(stack).add(checks);
  build(stack);
  Testing.synth(stack, true);
  return { stack, checks };
}

/** `path ruleId` of every annotation at a level, sorted. */
function reported(stack: TerraformStack, level: "info" | "warning" | "error"): string[] {
  return annotationsOf(stack, level)
    .map((a) => `${a.path} ${a.message.split(" ")[0]}`)
    .sort();
}

function eksCluster(scope: Construct, id: string, logTypes?: string[]): EksCluster {
  return new EksCluster(scope, id, {
    name: `eks-${id}`,
    roleArn: "arn:aws:iam::123456789012:role/eks",
    vpcConfig: { subnetIds: ["subnet-1", "subnet-2"] },
    enabledClusterLogTypes: logTypes,
  });
}

function protectedAks(stack: TerraformStack, plan = true): void {
  const cluster = testCluster(stack);
  new AksDefenderSensor(stack, "sensor", { cluster, workspaceResourceId: WORKSPACE });
  new AksPolicyAddon(stack, "policy", { cluster });
  if (plan) new DefenderForContainersPlan(stack, "plan");
}

describe("DefenderCoverageChecks", () => {
  describe("rules on deliberately unprotected clusters", () => {
    test("an AKS cluster without sensor, policy add-on or plan gets MDC-AKS-1, MDC-AKS-2 and MDC-AZURE-1 as warnings", () => {
      const { stack } = check((s) => testCluster(s));
      expect(reported(stack, "warning")).toEqual(["test MDC-AZURE-1", "test/cluster MDC-AKS-1", "test/cluster MDC-AKS-2"]);
      expect(reported(stack, "error")).toEqual([]);
      const [sensor] = annotationsOf(stack, "warning").filter((a) => a.message.startsWith("MDC-AKS-1"));
      expect(sensor.message).toBe(
        'MDC-AKS-1 AksClusterDefenderSensor: "aks-cluster" (azurerm_kubernetes_cluster.cluster): The AKS cluster has no Defender sensor ' +
          "(no microsoft_defender block with a log_analytics_workspace_id, and no sensor helm_release that names the cluster). Without the sensor Defender gets no runtime threat detection from the nodes. " +
          "Add AksDefenderSensor (or HelmDefenderSensor with SensorCluster.aks) for the cluster; if policy 64def556-fbad-4622-930e-72d1d5589bf5 or auto-provisioning installs the sensor instead, acknowledge the finding. " +
          "A cluster kept off the sensor on purpose carries ms_defender_container_exclude_sensors=true (AksSensorExclusion) and is not reported. " +
          'To accept it, call DefenderCoverageChecks.acknowledge(<construct>, "MDC-AKS-1", "<reason>").',
      );
    });

    test("the library's constructs set the cluster in their constructors, so a protected cluster passes", () => {
      const { stack, checks } = check((s) => protectedAks(s));
      expect(annotationsOf(stack)).toEqual([]);
      expect(checks.findings).toEqual([]);
    });

    test("a cluster excluded from the sensor by the documented tag gets no MDC-AKS-1; MDC-HELM-1 skips excluded EKS/GKE clusters", () => {
      const { stack } = check(
        (s) => {
          const cluster = testCluster(s);
          new AksPolicyAddon(s, "policy", { cluster });
          new AksSensorExclusion(s, "exclusion", { clusters: [cluster] });
          new DefenderForContainersPlan(s, "plan");
          const eks = eksCluster(s, "dev", ["audit"]);
          new EksSensorExclusion(s, "eks-exclusion", { clusters: [eks] });
          eksCluster(s, "prod", ["audit"]);
        },
        { ruleLevels: { "MDC-HELM-1": CheckLevel.WARNING } },
      );
      expect(reported(stack, "warning")).toEqual(["test/prod MDC-HELM-1"]);
    });

    test("an AKS cluster with the sensor chart (HelmDefenderSensor on SensorCluster.aks) gets no MDC-AKS-1; one the chart does not name still does", () => {
      const { stack } = check((s) => {
        const cluster = testCluster(s);
        new AksPolicyAddon(s, "policy", { cluster });
        new HelmDefenderSensor(s, "chart", { cluster: SensorCluster.aks({ clusterId: cluster.id, location: "westeurope" }) });
        const other = testCluster(s, "other");
        new AksPolicyAddon(s, "other-policy", { cluster: other });
        new DefenderForContainersPlan(s, "plan");
      });
      expect(reported(stack, "warning")).toEqual(["test/other MDC-AKS-1"]);
    });

    test("MDC-AKS-1 alone when only the policy add-on is there", () => {
      const { stack } = check((s) => {
        new AksPolicyAddon(s, "policy", { cluster: testCluster(s) });
        new DefenderForContainersPlan(s, "plan");
      });
      expect(reported(stack, "warning")).toEqual(["test/cluster MDC-AKS-1"]);
    });

    test("a sensor added through an escape-hatch override is seen", () => {
      const { stack } = check((s) => {
        const cluster = testCluster(s);
        cluster.addOverride("microsoft_defender", { log_analytics_workspace_id: WORKSPACE });
        new AksPolicyAddon(s, "policy", { cluster });
        new DefenderForContainersPlan(s, "plan");
      });
      expect(annotationsOf(stack)).toEqual([]);
    });

    test("MDC-AKS-2 when azure_policy_enabled is false", () => {
      const { stack } = check((s) => {
        const cluster = testCluster(s);
        new AksDefenderSensor(s, "sensor", { cluster, workspaceResourceId: WORKSPACE });
        cluster.azurePolicyEnabled = false;
        new DefenderForContainersPlan(s, "plan");
      });
      expect(reported(stack, "warning")).toEqual(["test/cluster MDC-AKS-2"]);
    });

    test("MDC-EKS-1 for an EKS cluster without audit logs, not for one with them", () => {
      const { stack } = check((s) => {
        eksCluster(s, "none");
        eksCluster(s, "api", ["api", "authenticator"]);
        eksCluster(s, "audit", ["api", "audit"]);
      });
      expect(reported(stack, "warning")).toEqual(["test/api MDC-EKS-1", "test/none MDC-EKS-1"]);
    });

    test("MDC-AZURE-1 for a Free plan, and not for a stack without clusters", () => {
      const free = check((s) => {
        protectedAks(s, false);
        new DefenderForContainersPlan(s, "plan", { tier: PlanTier.FREE });
      }).stack;
      expect(reported(free, "warning")).toEqual(["test MDC-AZURE-1"]);
      const noClusters = check((s) => new ResourceGroup(s, "rg", { name: "rg", location: "westeurope" })).stack;
      expect(annotationsOf(noClusters)).toEqual([]);
    });

    test("running the aspects twice (two Testing.synth calls) reports each finding once", () => {
      const { stack } = check((s) => testCluster(s));
      Testing.synth(stack);
      expect(reported(stack, "warning")).toHaveLength(3);
    });
  });

  describe("levels", () => {
    test("level ERROR reports with addError", () => {
      const { stack, checks } = check((s) => testCluster(s), { level: CheckLevel.ERROR });
      expect(reported(stack, "error")).toEqual(["test MDC-AZURE-1", "test/cluster MDC-AKS-1", "test/cluster MDC-AKS-2"]);
      expect(reported(stack, "warning")).toEqual([]);
      expect(checks.findings.map((f) => `${f.ruleId} ${f.level}`)).toEqual(["MDC-AZURE-1 error", "MDC-AKS-1 error", "MDC-AKS-2 error"]);
    });

    test("a per-rule level overrides the default, and OFF skips the rule", () => {
      const { stack } = check((s) => testCluster(s), {
        level: CheckLevel.ERROR,
        ruleLevels: { "MDC-AKS-2": CheckLevel.WARNING, "MDC-AZURE-1": CheckLevel.OFF },
      });
      expect(reported(stack, "error")).toEqual(["test/cluster MDC-AKS-1"]);
      expect(reported(stack, "warning")).toEqual(["test/cluster MDC-AKS-2"]);
    });

    test("errors make app.synth() fail (as cdktf synth does); warnings do not", () => {
      const failing = Testing.app();
      const stack = new TerraformStack(failing, "aks");
      Aspects.of(stack).add(new DefenderCoverageChecks({ level: CheckLevel.ERROR }));
      new AzurermProvider(stack, "azurerm", { features: [{}] });
      testCluster(stack);
      expect(() => failing.synth()).toThrow(/\[aks\/cluster\] MDC-AKS-1 AksClusterDefenderSensor/);

      const passing = Testing.app();
      const warned = new TerraformStack(passing, "aks");
      Aspects.of(warned).add(new DefenderCoverageChecks());
      new AzurermProvider(warned, "azurerm", { features: [{}] });
      testCluster(warned);
      passing.synth();
      const manifest = JSON.parse(readFileSync(join(passing.outdir, "manifest.json"), "utf8"));
      expect(manifest.stacks.aks.annotations.map((a: any) => `${a.level} ${a.constructPath} ${a.message.split(" ")[0]}`).sort()).toEqual([
        "@cdktf/warn aks MDC-AZURE-1",
        "@cdktf/warn aks/cluster MDC-AKS-1",
        "@cdktf/warn aks/cluster MDC-AKS-2",
      ]);
    });

    test("levelOf reflects defaults, overrides and opt-in rules", () => {
      const checks = new DefenderCoverageChecks({ level: CheckLevel.ERROR, ruleLevels: { "MDC-EKS-1": CheckLevel.WARNING } });
      expect(checks.levelOf("MDC-AKS-1")).toBe(CheckLevel.ERROR);
      expect(checks.levelOf("MDC-EKS-1")).toBe(CheckLevel.WARNING);
      expect(checks.levelOf("MDC-HELM-1")).toBe(CheckLevel.OFF);
    });
  });

  describe("acknowledgements", () => {
    test("an acknowledged finding is not reported, but recorded with its reason", () => {
      const reason = "The sensor is installed by policy 64def556 in this subscription.";
      const { stack, checks } = check((s) => {
        const cluster = testCluster(s);
        new AksPolicyAddon(s, "policy", { cluster });
        new DefenderForContainersPlan(s, "plan");
        DefenderCoverageChecks.acknowledge(cluster, "MDC-AKS-1", reason);
      }, { level: CheckLevel.ERROR });
      expect(annotationsOf(stack)).toEqual([]);
      expect(checks.findings).toEqual([expect.objectContaining({ ruleId: "MDC-AKS-1", path: "test/cluster", acknowledgedReason: reason })]);
    });

    test("an acknowledgement on a scope covers what is beneath it, and only the rule it names", () => {
      const { stack } = check((s) => {
        const team = new Construct(s, "team");
        testCluster(team);
        DefenderCoverageChecks.acknowledge(team, "MDC-AKS-2", "Team clusters get the add-on from policy a8eff44f.");
        DefenderCoverageChecks.acknowledge(s, "MDC-AZURE-1", "The plan is owned by the platform stack.");
      });
      expect(reported(stack, "warning")).toEqual(["test/team/cluster MDC-AKS-1"]);
    });

    test("reportAcknowledged records acknowledged findings as info annotations", () => {
      const { stack } = check(
        (s) => {
          protectedAks(s, false);
          DefenderCoverageChecks.acknowledge(s, "MDC-AZURE-1", "The plan is owned by the platform stack.");
        },
        { reportAcknowledged: true },
      );
      expect(annotationsOf(stack, "info")).toEqual([
        { path: "test", message: 'MDC-AZURE-1 AzureStackContainersPlan: acknowledged for stack "test": The plan is owned by the platform stack.' },
      ]);
    });

    test("an acknowledgement without a reason is an error", () => {
      const stack = multicloudStack();
      const cluster = testCluster(stack);
      expect(() => DefenderCoverageChecks.acknowledge(cluster, "MDC-AKS-1", "")).toThrow(
        '[test/cluster] reason: got ""; expected a reason of at least 10 characters saying why MDC-AKS-1 does not apply here.',
      );
      expect(() => DefenderCoverageChecks.acknowledge(cluster, "MDC-AKS-1", "   ok     ")).toThrow(/^\[test\/cluster\] reason: got " {3}ok {5}"/);
      expect(() => DefenderCoverageChecks.acknowledge(cluster, "MDC-AKS-1", undefined as unknown as string)).toThrow(/reason: got undefined/);
    });

    test("an acknowledgement of an unknown rule is an error", () => {
      const stack = multicloudStack();
      expect(() => DefenderCoverageChecks.acknowledge(stack, "MDC-AKS-9", "A long enough reason.")).toThrow(
        '[test] ruleId: got "MDC-AKS-9"; expected one of MDC-AKS-1, MDC-AKS-2, MDC-EKS-1, MDC-AZURE-1, MDC-HELM-1.',
      );
    });
  });

  describe("tokens count as set", () => {
    test("references for the workspace, the add-on, the log types and the tier are compliant", () => {
      const { stack } = check((s) => {
        const workspace = new TerraformVariable(s, "workspace", { type: "string" });
        const policy = new TerraformVariable(s, "policy", { type: "bool" });
        const logTypes = new TerraformVariable(s, "log_types", { type: "list(string)" });
        const tier = new TerraformVariable(s, "tier", { type: "string" });
        const cluster = testCluster(s);
        new AksDefenderSensor(s, "sensor", { cluster, workspaceResourceId: workspace.stringValue });
        cluster.azurePolicyEnabled = policy.booleanValue;
        eksCluster(s, "eks", logTypes.listValue);
        eksCluster(s, "mixed", ["api", tier.stringValue]);
        new DefenderForContainersPlan(s, "plan").pricing.tier = tier.stringValue;
      });
      expect(annotationsOf(stack)).toEqual([]);
    });
  });

  describe("opt-in MDC-HELM-1", () => {
    const gke = (s: TerraformStack) => new ContainerCluster(s, "gke", { name: "gke-main", location: "europe-west1" });

    test("is off by default", () => {
      const { stack } = check((s) => {
        eksCluster(s, "eks", ["audit"]);
        gke(s);
      });
      expect(annotationsOf(stack)).toEqual([]);
    });

    test("reports EKS and GKE clusters in a stack without a sensor release", () => {
      const { stack } = check(
        (s) => {
          eksCluster(s, "eks", ["audit"]);
          gke(s);
          new Release(s, "other", { name: "nginx", chart: "ingress-nginx", repository: "https://kubernetes.github.io/ingress-nginx" });
        },
        { ruleLevels: { "MDC-HELM-1": CheckLevel.WARNING } },
      );
      expect(reported(stack, "warning")).toEqual(["test/eks MDC-HELM-1", "test/gke MDC-HELM-1"]);
    });

    test("is satisfied by a release of the sensor chart", () => {
      const { stack } = check(
        (s) => {
          gke(s);
          new Release(s, "sensor", { name: "microsoft-defender-for-containers", chart: "oci://mcr.microsoft.com/azuredefender/microsoft-defender-for-containers" });
        },
        { ruleLevels: { "MDC-HELM-1": CheckLevel.ERROR } },
      );
      expect(annotationsOf(stack)).toEqual([]);
    });
  });

  describe("per-stack only", () => {
    test("an aspect added to the App is never visited (cdktf runs aspects from each stack)", () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, "aks");
      testCluster(stack);
      const checks = new DefenderCoverageChecks();
      Aspects.of(app).add(checks);
      Testing.synth(stack);
      expect(checks.findings).toEqual([]);
      expect(annotationsOf(stack)).toEqual([]);
    });

    test("addToAllStacks adds one aspect to every stack, once", () => {
      const app = Testing.app();
      const a = new TerraformStack(app, "a");
      const b = new TerraformStack(app, "b");
      testCluster(a);
      eksCluster(b, "eks");
      const checks = DefenderCoverageChecks.addToAllStacks(app);
      DefenderCoverageChecks.addToAllStacks(app);
      expect(Aspects.of(a).all).toEqual([checks]);
      expect(Aspects.of(b).all).toEqual([checks]);
      Testing.synth(a);
      Testing.synth(b);
      expect(checks.findings.map((f) => `${f.path} ${f.ruleId}`)).toEqual(["a MDC-AZURE-1", "a/cluster MDC-AKS-1", "a/cluster MDC-AKS-2", "b/eks MDC-EKS-1"]);
    });
  });

  describe("validation", () => {
    test("an unknown rule ID in ruleLevels is an error", () => {
      expect(() => new DefenderCoverageChecks({ ruleLevels: { "MDC-NOPE": CheckLevel.ERROR } })).toThrow(
        '[DefenderCoverageChecks] ruleLevels: got "MDC-NOPE"; expected rule IDs among MDC-AKS-1, MDC-AKS-2, MDC-EKS-1, MDC-AZURE-1, MDC-HELM-1.',
      );
    });

    test("a level that is not a CheckLevel is an error", () => {
      expect(() => new DefenderCoverageChecks({ level: "fatal" as CheckLevel })).toThrow(
        '[DefenderCoverageChecks] level: got "fatal"; expected one of error, warning, off.',
      );
      expect(() => new DefenderCoverageChecks({ ruleLevels: { "MDC-AKS-1": "loud" as CheckLevel } })).toThrow(
        '[DefenderCoverageChecks] ruleLevels["MDC-AKS-1"]: got "loud"; expected one of error, warning, off.',
      );
    });
  });
});
