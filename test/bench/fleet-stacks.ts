/**
 * The fleet benchmark's two apps, run in fresh processes by run.ts: N clusters of each kind,
 * protected with the library (for_each resources) or with hand-written raw L1 resources (one per
 * cluster). Each synthesizes like `cdktf synth` does (App.synth to a directory) and returns the
 * size of cdk.tf.json and the construct + synth time.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { EksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
import { EksAccessPolicyAssociation } from "@cdktf/provider-aws/lib/eks-access-policy-association";
import { ArcKubernetesClusterExtension } from "@cdktf/provider-azurerm/lib/arc-kubernetes-cluster-extension";
import { KubernetesClusterTrustedAccessRoleBinding } from "@cdktf/provider-azurerm/lib/kubernetes-cluster-trusted-access-role-binding";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, TerraformStack } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { EksAgentlessDiscoveryAccess } from "../../lib/aws";
import { AksAgentlessDiscovery, ArcDefenderSensor, ArcPolicyExtension, DefenderWorkspaceAssignment, TargetClusters } from "../../lib/azure";
import { ArcDefenderSetting, ArcExtension, DefenderAwsRoleName, eksClusterAccessPolicyArn, EksDiscoveryAccess, TrustedAccess } from "../../lib/core";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const ROLE_ARN = `arn:aws:iam::123456789012:role/${DefenderAwsRoleName.AGENTLESS_DISCOVERY}`;
const POLICY_ARN = eksClusterAccessPolicyArn("aws", EksDiscoveryAccess.DEFAULT_ACCESS_POLICY);

const arcId = (i: number) => `/subscriptions/${SUB}/resourceGroups/rg-arc/providers/Microsoft.Kubernetes/connectedClusters/arc-${i}`;
const aksId = (i: number) => `/subscriptions/${SUB}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-${i}`;
const eksName = (i: number) => `eks-${i}`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** What one fleet run measured: cdk.tf.json size, and construct + synth time (module loading excluded). */
export interface FleetResult {
  readonly bytes: number;
  readonly synthMs: number;
}

function synthesize(build: (stack: TerraformStack) => void, keepIn?: string): FleetResult {
  const outdir = keepIn ?? mkdtempSync(join(tmpdir(), "bench-fleet-"));
  try {
    const start = process.hrtime.bigint();
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "fleet");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    build(stack);
    app.synth();
    const synthMs = Number(process.hrtime.bigint() - start) / 1e6;
    return { bytes: readFileSync(join(outdir, "stacks", "fleet", "cdk.tf.json")).length, synthMs };
  } finally {
    if (keepIn === undefined) rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * The library: Arc sensor + policy extension, AKS policy path with agentless discovery, EKS access.
 * With `outdir`, the synthesized app stays there (CI plans it with real Terraform).
 */
export function libraryFleet(n: number, outdir?: string): FleetResult {
  return synthesize((stack) => {
    const clusterIds = range(n).map(arcId);
    new ArcDefenderSensor(stack, "arc-sensor", { clusterIds, workspaceResourceId: WORKSPACE });
    new ArcPolicyExtension(stack, "arc-policy", { clusterIds });
    new DefenderWorkspaceAssignment(stack, "aks-policy", {
      scopeId: `/subscriptions/${SUB}`,
      location: "westeurope",
      clusters: TargetClusters.AKS,
      logAnalyticsWorkspaceResourceId: WORKSPACE,
    });
    new AksAgentlessDiscovery(stack, "aks-discovery", { clusterIds: range(n).map(aksId) });
    new EksAgentlessDiscoveryAccess(stack, "eks-access", { roleArn: ROLE_ARN, clusterNames: range(n).map(eksName) });
  }, outdir);
}

/** The same coverage written by hand as raw L1 resources, one per cluster (the policy assignment is per scope, so it is left out of both sides' growth). */
export function rawL1Fleet(n: number): FleetResult {
  return synthesize((stack) => {
    for (const i of range(n)) {
      new ArcKubernetesClusterExtension(stack, `arc-sensor-${i}`, {
        name: ArcExtension.DEFENDER.name,
        clusterId: arcId(i),
        extensionType: ArcExtension.DEFENDER.extensionType,
        releaseNamespace: ArcExtension.DEFENDER.releaseNamespace,
        releaseTrain: ArcExtension.DEFENDER.releaseTrain,
        identity: { type: "SystemAssigned" },
        configurationSettings: { [ArcDefenderSetting.WORKSPACE_RESOURCE_ID]: WORKSPACE },
      });
      new ArcKubernetesClusterExtension(stack, `arc-policy-${i}`, {
        name: ArcExtension.POLICY.name,
        clusterId: arcId(i),
        extensionType: ArcExtension.POLICY.extensionType,
        releaseNamespace: ArcExtension.POLICY.releaseNamespace,
        releaseTrain: ArcExtension.POLICY.releaseTrain,
        identity: { type: "SystemAssigned" },
      });
      new KubernetesClusterTrustedAccessRoleBinding(stack, `aks-binding-${i}`, {
        kubernetesClusterId: aksId(i),
        name: TrustedAccess.DEFAULT_BINDING_NAME,
        roles: [TrustedAccess.DEFENDER_OPERATOR_ROLE],
        sourceResourceId: TrustedAccess.sourceResourceId(SUB),
      });
      const entry = new EksAccessEntry(stack, `eks-entry-${i}`, { clusterName: eksName(i), principalArn: ROLE_ARN, type: EksDiscoveryAccess.ACCESS_ENTRY_TYPE });
      new EksAccessPolicyAssociation(stack, `eks-policy-${i}`, {
        clusterName: eksName(i),
        principalArn: entry.principalArn,
        policyArn: POLICY_ARN,
        accessScope: { type: EksDiscoveryAccess.ACCESS_SCOPE_TYPE },
      });
    }
  });
}
