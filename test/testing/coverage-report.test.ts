import { KubernetesClusterTrustedAccessRoleBinding } from "@cdktf/provider-azurerm/lib/kubernetes-cluster-trusted-access-role-binding";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { mkdirSync, mkdtempSync, renameSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { AksExampleStack } from "../../examples/aks/aks-stack";
import { EXAMPLE_DEFAULTS } from "../../examples/settings";
import { DefenderForContainersPlan } from "../../lib/azure";
import { TrustedAccess } from "../../lib/core";
import {
  buildCoverageReport,
  ClusterKind,
  Coverage,
  coverageOfStacks,
  readSynthesizedStacks,
  renderMarkdown,
} from "../../lib/testing";
import { testCluster } from "../azure/fixtures";
import { azureStack, exampleApp, writeCdktfOut } from "../util";
import { arcStack, eksStack, FIXTURE_MARKDOWN, FIXTURE_STACKS, gkeStack } from "./fixtures";

const { YES, NO, NOT_APPLICABLE, EXCLUDED } = Coverage;

/** Synthesizes the AKS example into a fresh cdktf output directory, as `cdktf synth` would. */
function synthesizeAksExample(): string {
  const app = exampleApp({ ...EXAMPLE_DEFAULTS });
  new AksExampleStack(app, "aks");
  app.synth();
  return app.outdir;
}

/** Synthesizes one stack with `Testing.fullSynth` and reads its report. */
function reportOfStack(build: (stack: TerraformStack) => void) {
  const stack = azureStack();
  build(stack);
  return buildCoverageReport(Testing.fullSynth(stack));
}

describe("coverage report", () => {
  describe("on the synthesized AKS example", () => {
    const report = buildCoverageReport(synthesizeAksExample());

    test("the example's cluster is covered in every column that applies", () => {
      expect(report.clusters).toEqual([
        {
          stack: "aks",
          kind: ClusterKind.AKS,
          name: "mdc-example-aks",
          address: "azurerm_kubernetes_cluster.cluster",
          sensor: YES,
          policy: YES,
          workspace: YES,
          agentlessDiscovery: YES,
          auditLogs: NOT_APPLICABLE,
          gaps: [],
        },
      ]);
      expect(report.stacks).toEqual([{ name: "aks", definesContainersPlan: true, containersPlan: YES }]);
      expect(report.gapCount).toBe(0);
    });

    test("renders as a one-row table", () => {
      expect(renderMarkdown(report)).toBe(`### Defender for Containers coverage

| Stack | Cluster | Kind | Sensor | Policy add-on | Workspace | Agentless discovery | Audit logs |
| --- | --- | --- | --- | --- | --- | --- | --- |
| aks | mdc-example-aks | AKS | ✓ | ✓ | ✓ | ✓ | — |

Containers plan (Standard): aks ✓

1 cluster, none with gaps. ✓ configured · ✗ missing · excluded: kept off the sensor by the ms_defender_container_exclude_sensors tag · — not applicable or not managed in these stacks.
`);
    });
  });

  describe("AKS from synthesized stacks", () => {
    test("a bare cluster without a plan has gaps everywhere, and its stack has no plan", () => {
      const report = reportOfStack((stack) => testCluster(stack));
      expect(report.clusters[0]).toMatchObject({ name: "aks-cluster", sensor: NO, policy: NO, workspace: NO, agentlessDiscovery: NO });
      expect(report.clusters[0].gaps).toEqual(["sensor", "policy", "workspace", "agentlessDiscovery"]);
      expect(report.stacks[0].containersPlan).toBe(NO);
      expect(report.gapCount).toBe(2);
    });

    test("agentless discovery comes from the plan's extension, or else from a trusted-access binding of the cluster", () => {
      const withoutExtension = (binding: boolean) =>
        reportOfStack((stack) => {
          new DefenderForContainersPlan(stack, "plan", { agentlessDiscovery: false });
          const cluster = testCluster(stack);
          testCluster(stack, "other");
          if (binding) {
            new KubernetesClusterTrustedAccessRoleBinding(stack, "binding", {
              kubernetesClusterId: cluster.id,
              name: TrustedAccess.DEFAULT_BINDING_NAME,
              roles: [TrustedAccess.DEFENDER_OPERATOR_ROLE],
              sourceResourceId: TrustedAccess.sourceResourceId("00000000-0000-0000-0000-000000000000"),
            });
          }
        }).clusters.map((c) => `${c.name} ${c.agentlessDiscovery}`);
      expect(withoutExtension(false)).toEqual(["aks-cluster no", "aks-other no"]);
      expect(withoutExtension(true)).toEqual(["aks-cluster yes", "aks-other no"]);
    });

    test("a cluster named by a reference is shown by its address", () => {
      const report = reportOfStack((stack) => {
        testCluster(stack).name = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
      });
      expect(report.clusters.map((c) => c.name)).toEqual(["azurerm_kubernetes_cluster.cluster"]);
    });
  });

  describe("on hand-written EKS, GKE and Arc stacks", () => {
    const report = coverageOfStacks(FIXTURE_STACKS);
    const byName = (name: string) => report.clusters.find((c) => c.name === name)!;

    test("Markdown, exact text", () => {
      expect(renderMarkdown(report)).toBe(FIXTURE_MARKDOWN);
    });

    test("Arc: one row per for_each key, extensions paired by cluster ID, other extension types ignored", () => {
      expect(byName("edge-1")).toMatchObject({ address: 'azurerm_arc_kubernetes_cluster_extension.defender["edge-1"]', sensor: YES, policy: YES, workspace: YES });
      expect(byName("edge-2")).toMatchObject({ sensor: YES, policy: NO, gaps: ["policy"] });
      expect(byName("onprem-1")).toMatchObject({ address: "azurerm_arc_kubernetes_cluster.onprem", sensor: NO, policy: NO });
    });

    test("Arc: the plan of another stack in the same subscription covers the stack", () => {
      expect(report.stacks.find((s) => s.name === "arc")).toEqual({ name: "arc", definesContainersPlan: false, containersPlan: YES });
      expect(report.stacks.find((s) => s.name === "aks-bare")).toEqual({ name: "aks-bare", definesContainersPlan: false, containersPlan: NO });
      expect(report.stacks.find((s) => s.name === "platform")).toEqual({ name: "platform", definesContainersPlan: true, containersPlan: NOT_APPLICABLE });
    });

    test("EKS: audit logs from enabled_cluster_log_types, discovery from the access entry, sensor from the release's helm provider", () => {
      expect(byName("eks-prod")).toMatchObject({ address: "aws_eks_cluster.prod", sensor: YES, agentlessDiscovery: YES, auditLogs: YES, gaps: [] });
      expect(byName("eks-dev")).toMatchObject({ sensor: NO, agentlessDiscovery: NO, auditLogs: NO });
      expect(byName("eks-legacy")).toEqual(expect.objectContaining({ kind: ClusterKind.EKS, address: undefined, agentlessDiscovery: YES, auditLogs: NOT_APPLICABLE }));
    });

    test("GKE: discovery from the operator account, sensor from the release's clusterName value", () => {
      expect(byName("gke-main")).toMatchObject({ address: "google_container_cluster.main", sensor: YES, agentlessDiscovery: YES, gaps: [] });
    });

    test("JSON: every cell is yes, no or n/a, with the gaps listed", () => {
      const json = JSON.parse(JSON.stringify(report));
      expect(json.version).toBe(1);
      expect(json.gapCount).toBe(6);
      expect(json.clusters.find((c: any) => c.name === "eks-dev")).toEqual({
        stack: "eks",
        kind: "EKS",
        name: "eks-dev",
        address: "aws_eks_cluster.dev",
        sensor: "no",
        policy: "n/a",
        workspace: "n/a",
        agentlessDiscovery: "no",
        auditLogs: "no",
        gaps: ["sensor", "agentlessDiscovery", "auditLogs"],
      });
    });

    test("a sensor release is tied to the stack's only cluster when nothing names it", () => {
      const single = {
        resource: {
          aws_eks_cluster: { only: { name: "eks-only", enabled_cluster_log_types: ["audit"] } },
          helm_release: { sensor: { name: "s", chart: "oci://mcr.microsoft.com/azuredefender/microsoft-defender-for-containers" } },
        },
      };
      expect(coverageOfStacks({ s: single }).clusters[0].sensor).toBe(YES);
      const two = { resource: { ...single.resource, aws_eks_cluster: { ...single.resource.aws_eks_cluster, b: { name: "eks-b" } } } };
      expect(coverageOfStacks({ s: two }).clusters.map((c) => c.sensor)).toEqual([NO, NO]);
    });

    test("a cluster tagged ms_defender_container_exclude_sensors=true without a sensor is excluded, not a gap (AKS, EKS, GKE)", () => {
      const tag = { ms_defender_container_exclude_sensors: "true" };
      const stack = {
        resource: {
          azurerm_security_center_subscription_pricing: { plan: { resource_type: "Containers", tier: "Standard" } },
          azurerm_kubernetes_cluster: {
            dev: { name: "aks-dev", azure_policy_enabled: true, tags: { env: "dev", ...tag } },
            // A sensor wins over the tag: the cluster is deployed manually ("mixed deployment").
            manual: { name: "aks-manual", azure_policy_enabled: true, tags: tag, microsoft_defender: [{ log_analytics_workspace_id: "/w" }] },
            // Another value is not the documented tag.
            other: { name: "aks-other", azure_policy_enabled: true, tags: { ms_defender_container_exclude_sensors: "false" } },
          },
          aws_eks_cluster: { dev: { name: "eks-dev", enabled_cluster_log_types: ["audit"], tags: tag } },
          google_container_cluster: { dev: { name: "gke-dev", resource_labels: tag } },
        },
      };
      const report = coverageOfStacks({ s: stack }, { ignore: ["agentlessDiscovery"] });
      const byName = (name: string) => report.clusters.find((c) => c.name === name)!;
      expect(byName("aks-dev")).toMatchObject({ sensor: EXCLUDED, workspace: EXCLUDED, gaps: [] });
      expect(byName("aks-manual")).toMatchObject({ sensor: YES, workspace: YES, gaps: [] });
      expect(byName("aks-other")).toMatchObject({ sensor: NO, gaps: ["sensor", "workspace"] });
      expect(byName("eks-dev")).toMatchObject({ sensor: EXCLUDED, gaps: [] });
      expect(byName("gke-dev")).toMatchObject({ sensor: EXCLUDED, gaps: [] });
      expect(report.gapCount).toBe(1);
      const markdown = renderMarkdown(report);
      expect(markdown).toContain("| s | aks-dev | AKS | excluded | ✓ | excluded | — |");
      expect(markdown).toContain("5 clusters, 1 with gaps, 3 excluded from the sensor.");
    });

    test("a release naming a cluster defined elsewhere adds a row for it", () => {
      const release = {
        resource: {
          helm_release: {
            sensor: {
              name: "s",
              chart: "microsoft-defender-for-containers",
              set: [{ name: "global.cloudIdentifiers.AWS.clusterName", value: "eks-elsewhere" }],
            },
          },
        },
      };
      expect(coverageOfStacks({ s: release }).clusters).toEqual([expect.objectContaining({ kind: ClusterKind.EKS, name: "eks-elsewhere", sensor: YES })]);
    });

    test("a for_each over an expression gives one row per resource, and the Defender and policy extensions over it pair up", () => {
      const fleet = {
        resource: {
          azurerm_arc_kubernetes_cluster_extension: {
            defender: { for_each: "${var.clusters}", extension_type: "microsoft.azuredefender.kubernetes", cluster_id: "${each.value}" },
            policy: { for_each: "${var.clusters}", extension_type: "microsoft.policyinsights", cluster_id: "${each.value}" },
          },
        },
      };
      expect(coverageOfStacks({ s: fleet }).clusters).toEqual([
        expect.objectContaining({ name: "azurerm_arc_kubernetes_cluster_extension.defender[*]", sensor: YES, policy: YES, workspace: NO }),
      ]);
    });
  });

  describe("reading cdktf output", () => {
    test("reads through manifest.json, without it from stacks/*, and from the project directory holding cdktf.out", () => {
      const withManifest = writeCdktfOut({ arc: arcStack, eks: eksStack });
      expect(Object.keys(readSynthesizedStacks(withManifest))).toEqual(["arc", "eks"]);
      const withoutManifest = writeCdktfOut({ gke: gkeStack }, { manifest: false });
      expect(buildCoverageReport(withoutManifest).clusters.map((c) => c.name)).toEqual(["gke-main"]);
      const project = mkdtempSync(join(tmpdir(), "project."));
      renameSync(withManifest, join(project, "cdktf.out"));
      expect(buildCoverageReport(project).clusters).toHaveLength(6);
    });

    test("a directory without cdktf output is an error that says what was expected", () => {
      const empty = mkdtempSync(join(tmpdir(), "empty."));
      mkdirSync(join(empty, "nothing"));
      expect(() => buildCoverageReport(empty)).toThrow(`${empty}: no cdktf output found; expected manifest.json or stacks/<name>/cdk.tf.json (run cdktf synth first).`);
    });

    test("no clusters", () => {
      const report = buildCoverageReport(writeCdktfOut({ empty: {} }));
      expect(renderMarkdown(report, { title: "" })).toBe(
        "No Kubernetes clusters found in 1 stack.\n\n0 clusters, none with gaps. ✓ configured · ✗ missing · excluded: kept off the sensor by the ms_defender_container_exclude_sensors tag · — not applicable or not managed in these stacks.\n",
      );
    });

    test("table cells escape pipes", () => {
      const report = coverageOfStacks({ "a|b": { resource: { aws_eks_cluster: { c: { name: "x|y", enabled_cluster_log_types: ["audit"] } } } } });
      expect(renderMarkdown(report)).toContain("| a\\|b | x\\|y | EKS | ✗ | — | — | ✗ | ✓ |");
    });
  });
});
