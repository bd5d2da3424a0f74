import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { ArcExtension, PlanExtension, TrustedAccess } from "../core/catalog/azure";
import { CoverageSignal } from "../core/catalog/coverage";
import { TerraformType } from "../checks/resource-types";
import { aksClusterHasDefenderSensor } from "../checks/rules/AksClusterDefenderSensor";
import { aksClusterHasPolicyAddon } from "../checks/rules/AksClusterPolicyAddon";
import { isStandardContainersPlan, stackHasAzureClusters } from "../checks/rules/AzureStackContainersPlan";
import { isSensorHelmRelease } from "../checks/rules/ClusterSensorHelmRelease";
import { eksClusterHasAuditLogs } from "../checks/rules/EksClusterAuditLogs";
import { clusterExcludedFromSensor } from "../checks/sensor-exclusion";
import {
  blockOf,
  equalsOrUnresolved,
  isExpression,
  isSetString,
  literalString,
  referencedIds,
  resourcesOfTerraformJson,
  StackResources,
  stackResourcesOf,
  SynthesizedConfig,
  SynthesizedResource,
} from "../checks/synthesized-config";
import { DefenderTestingError } from "../core/errors";

/** Where a cluster runs. */
export enum ClusterKind {
  AKS = "AKS",
  ARC = "Arc",
  EKS = "EKS",
  GKE = "GKE",
}

/** One cell of the report. */
export enum Coverage {
  /** Configured in the synthesized stacks (a reference counts as configured). */
  YES = "yes",
  /** Missing: a gap. */
  NO = "no",
  /** Does not apply to this kind of cluster, or is not managed in these stacks. */
  NOT_APPLICABLE = "n/a",
  /**
   * Sensor (and its workspace) left off on purpose: the cluster carries the documented exclusion
   * tag `ms_defender_container_exclude_sensors = "true"` and no sensor. Not a gap.
   */
  EXCLUDED = "excluded",
}

/** The parts of Defender for Containers the report looks at, in column order. */
export const COVERAGE_COLUMNS = ["sensor", "policy", "workspace", "agentlessDiscovery", "auditLogs"] as const;

/** A column of the report. */
export type CoverageColumn = (typeof COVERAGE_COLUMNS)[number];

/** Column headings (Markdown) and the words used in messages. */
export const COVERAGE_COLUMN_TITLES: Readonly<Record<CoverageColumn, string>> = {
  sensor: "Sensor",
  policy: "Policy add-on",
  workspace: "Workspace",
  agentlessDiscovery: "Agentless discovery",
  auditLogs: "Audit logs",
};

/** Coverage of one cluster. */
export interface ClusterCoverage {
  /** Stack the cluster (or the resource covering it) is synthesized in. */
  readonly stack: string;
  readonly kind: ClusterKind;
  /** The cluster's literal name, its `for_each` key, or (when neither is known) its Terraform address. */
  readonly name: string;
  /**
   * Terraform address, with the `for_each` key, of the resource that defines the cluster (or, for
   * Arc clusters, the extension that covers it). Undefined for clusters only named by other
   * resources (an access entry, a sensor release).
   */
  readonly address?: string;
  /**
   * Defender sensor: AKS `microsoft_defender`, the Arc Defender extension, or a sensor `helm_release` (EKS/GKE/AKS);
   * {@link Coverage.EXCLUDED} for a cluster tagged `ms_defender_container_exclude_sensors = "true"` without one.
   */
  readonly sensor: Coverage;
  /** Azure Policy: AKS `azure_policy_enabled`, or the Arc `microsoft.policyinsights` extension. */
  readonly policy: Coverage;
  /** A Log Analytics workspace chosen for the sensor (AKS block, Arc `logAnalyticsWorkspaceResourceID`). */
  readonly workspace: Coverage;
  /** Agentless discovery: AKS trusted access (or the plan's extension), EKS access entry, GKE operator account. */
  readonly agentlessDiscovery: Coverage;
  /** Audit logs Defender needs configured: EKS `audit` in `enabled_cluster_log_types`. */
  readonly auditLogs: Coverage;
  /** Columns that are {@link Coverage.NO}, except ignored ones. */
  readonly gaps: readonly CoverageColumn[];
}

/** Plan coverage of one stack. */
export interface StackCoverage {
  readonly name: string;
  /** The stack itself defines a Standard Containers plan. */
  readonly definesContainersPlan: boolean;
  /**
   * A Standard Containers plan in this stack, or in another stack for the same literal
   * subscription. {@link Coverage.NOT_APPLICABLE} for stacks without Azure clusters.
   */
  readonly containersPlan: Coverage;
}

/** Version of the report's JSON shape; raised when a field changes meaning or is removed. */
export const COVERAGE_REPORT_VERSION = 1;

/** The coverage of every cluster in a set of synthesized stacks. */
export interface CoverageReport {
  /** {@link COVERAGE_REPORT_VERSION} of the shape. */
  readonly version: number;
  /** Stacks read, sorted by name. */
  readonly stacks: readonly StackCoverage[];
  /** Clusters, sorted by stack, kind and name. */
  readonly clusters: readonly ClusterCoverage[];
  /** Clusters with at least one gap, plus stacks with Azure clusters and no plan. */
  readonly gapCount: number;
  /** Columns left out of `gaps`, `gapCount` and the Markdown table. */
  readonly ignoredColumns: readonly CoverageColumn[];
}

/** Options of {@link coverageOfStacks} and {@link buildCoverageReport}. */
export interface CoverageReportOptions {
  /**
   * Columns that are not gaps for you, e.g. `["agentlessDiscovery"]` when Defender creates EKS
   * access entries itself. They keep their cells in JSON but leave the gaps and the table.
   * @default - none
   */
  readonly ignore?: readonly CoverageColumn[];
}

/** A parsed `cdk.tf.json`. */
export interface TerraformJson {
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, Record<string, unknown>>;
  readonly provider?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/**
 * Reads a cdktf output directory (`cdktf.out`: manifest.json and stacks/<name>/cdk.tf.json) and
 * returns the coverage of every cluster in it. `dir` may also be the project root holding `cdktf.out/`.
 */
export function buildCoverageReport(dir: string, options: CoverageReportOptions = {}): CoverageReport {
  return coverageOfStacks(readSynthesizedStacks(dir), options);
}

/** Reads every stack of a cdktf output directory: stack name → parsed `cdk.tf.json`. */
export function readSynthesizedStacks(dir: string): Record<string, TerraformJson> {
  const outdir = existsSync(join(dir, "manifest.json")) || !existsSync(join(dir, "cdktf.out")) ? dir : join(dir, "cdktf.out");
  const stacks: Record<string, TerraformJson> = {};
  const manifestPath = join(outdir, "manifest.json");
  if (existsSync(manifestPath)) {
    const manifest = readJsonObject(manifestPath, "a cdktf manifest (a JSON object with stacks)") as { stacks?: unknown };
    const entries = manifest.stacks ?? {};
    if (typeof entries !== "object" || entries === null || Array.isArray(entries)) throw new DefenderTestingError(`${manifestPath}: stacks: expected a map of stack names to entries.`);
    for (const [name, entry] of Object.entries(entries as Record<string, { synthesizedStackPath?: unknown }>)) {
      const relative = typeof entry?.synthesizedStackPath === "string" ? entry.synthesizedStackPath : join("stacks", name, "cdk.tf.json");
      const path = join(outdir, relative);
      // `cdktf synth --hcl` writes cdk.tf instead: nothing to read as JSON.
      if (!path.endsWith(".json")) continue;
      // A stack the manifest lists but whose file is missing is not "covered": it was not checked.
      if (!existsSync(path)) throw new DefenderTestingError(`${path}: stack ${name} is listed in ${manifestPath} but its file is missing (run cdktf synth again).`);
      stacks[name] = readJsonObject(path, "a synthesized stack (a JSON object)") as TerraformJson;
    }
    return stacks;
  }
  const stacksDir = join(outdir, "stacks");
  if (!existsSync(stacksDir) || !statSync(stacksDir).isDirectory()) {
    throw new DefenderTestingError(`${dir}: no cdktf output found; expected manifest.json or stacks/<name>/cdk.tf.json (run cdktf synth first).`);
  }
  for (const name of readdirSync(stacksDir).sort()) {
    const path = join(stacksDir, name, "cdk.tf.json");
    if (existsSync(path)) stacks[name] = readJsonObject(path, "a synthesized stack (a JSON object)") as TerraformJson;
  }
  return stacks;
}

/** Parses the JSON file `path`, which must hold an object; every failure names the file. */
function readJsonObject(path: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new DefenderTestingError(`${path}: expected ${what}: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new DefenderTestingError(`${path}: got ${value === null ? "null" : Array.isArray(value) ? "a list" : typeof value}; expected ${what}.`);
  }
  return value as Record<string, unknown>;
}

/** The coverage of the given stacks (stack name → parsed `cdk.tf.json`). Pure. */
export function coverageOfStacks(stacks: Readonly<Record<string, TerraformJson>>, options: CoverageReportOptions = {}): CoverageReport {
  const ignoredColumns = COVERAGE_COLUMNS.filter((column) => options.ignore?.includes(column));
  const views = Object.keys(stacks)
    .sort()
    .map((name) => new StackView(name, stacks[name]));
  const plans = views.flatMap((view) => view.plans());
  const clusters: ClusterCoverage[] = [];
  const stackCoverage: StackCoverage[] = [];
  for (const view of views) {
    const own = plans.find((p) => p.stack === view.name);
    const plan = own ?? plans.find((p) => p.subscription !== undefined && p.subscription === view.subscription());
    const hasAzureClusters = stackHasAzureClusters(view.resources);
    stackCoverage.push({
      name: view.name,
      definesContainersPlan: own !== undefined,
      containersPlan: !hasAzureClusters ? Coverage.NOT_APPLICABLE : plan ? Coverage.YES : Coverage.NO,
    });
    clusters.push(...aksClusters(view, plan), ...arcClusters(view), ...connectorClusters(view));
  }
  const withGaps = clusters.map((cluster) => ({ ...cluster, gaps: cluster.gaps.filter((gap) => !ignoredColumns.includes(gap)) }));
  withGaps.sort(
    (a, b) => a.stack.localeCompare(b.stack) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name),
  );
  const gapCount = withGaps.filter((c) => c.gaps.length > 0).length + stackCoverage.filter((s) => s.containersPlan === Coverage.NO).length;
  return { version: COVERAGE_REPORT_VERSION, stacks: stackCoverage, clusters: withGaps, gapCount, ignoredColumns };
}

const KIND_ORDER = [ClusterKind.AKS, ClusterKind.ARC, ClusterKind.EKS, ClusterKind.GKE];

function row(fields: Omit<ClusterCoverage, "gaps">): ClusterCoverage {
  return { ...fields, gaps: COVERAGE_COLUMNS.filter((column) => fields[column] === Coverage.NO) };
}

/** YES with a sensor; EXCLUDED without one on a cluster (defined in these stacks) tagged for exclusion; else NO. */
function sensorCoverage(hasSensor: boolean, cluster: SynthesizedResource | undefined): Coverage {
  if (hasSensor) return Coverage.YES;
  return cluster !== undefined && clusterExcludedFromSensor(cluster) ? Coverage.EXCLUDED : Coverage.NO;
}

function yesNo(value: boolean): Coverage {
  return value ? Coverage.YES : Coverage.NO;
}

// ---------------------------------------------------------------------------------------------
// Stack model

/** A Standard Containers plan found in a stack. */
interface PlanFound {
  readonly stack: string;
  readonly subscription?: string;
  readonly agentlessDiscovery: boolean;
}

/** One instance of a resource: the resource itself, or one `for_each` key of it. */
interface Instance {
  readonly resource: SynthesizedResource;
  /** `for_each` key; undefined without `for_each`. */
  readonly key?: string;
  readonly value?: unknown;
  /** `for_each`/`count` over an expression: the keys are unknown until plan. */
  readonly unknownKeys?: boolean;
  readonly address: string;
}

class StackView {
  public readonly resources: StackResources;

  constructor(
    public readonly name: string,
    private readonly json: TerraformJson,
  ) {
    this.resources = stackResourcesOf(resourcesOfTerraformJson(json));
  }

  /** Instances of every resource of a type. */
  public instances(type: string): Instance[] {
    return this.resources.ofType(type).flatMap(instancesOf);
  }

  /** Literal subscription of the stack's default azurerm provider. */
  public subscription(): string | undefined {
    return literalString(this.providerConfig("azurerm", undefined)?.subscription_id);
  }

  /** Literal subscription of the azurerm provider a resource uses. */
  public subscriptionOf(resource: SynthesizedResource): string | undefined {
    return literalString(this.providerConfigOf(resource, "azurerm")?.subscription_id);
  }

  /** The configuration of the provider a resource uses (its `provider` alias or the default one). */
  public providerConfigOf(resource: SynthesizedResource, providerName: string): Record<string, unknown> | undefined {
    const ref = literalString(resource.config.provider);
    const alias = ref?.startsWith(`${providerName}.`) ? ref.slice(providerName.length + 1) : undefined;
    return this.providerConfig(providerName, alias);
  }

  public dataSource(type: string, id: string): SynthesizedConfig | undefined {
    return this.json.data?.[type]?.[id] as SynthesizedConfig | undefined;
  }

  public plans(): PlanFound[] {
    return this.resources
      .ofType(TerraformType.SUBSCRIPTION_PRICING)
      .filter((pricing) => isStandardContainersPlan(pricing.config))
      .map((pricing) => ({
        stack: this.name,
        subscription: this.subscriptionOf(pricing),
        agentlessDiscovery: planHasExtension(pricing.config, PlanExtension.AGENTLESS_DISCOVERY),
      }));
  }

  private providerConfig(providerName: string, alias: string | undefined): Record<string, unknown> | undefined {
    const configs = this.json.provider?.[providerName];
    const list = (Array.isArray(configs) ? configs : configs ? [configs] : []) as Record<string, unknown>[];
    return list.find((config) => (config.alias ?? undefined) === alias);
  }
}

function instancesOf(resource: SynthesizedResource): Instance[] {
  const base = `${resource.type}.${resource.logicalId}`;
  const forEach = resource.config.for_each;
  if (forEach !== null && typeof forEach === "object" && !Array.isArray(forEach)) {
    return Object.keys(forEach)
      .sort()
      .map((key) => ({ resource, key, value: (forEach as Record<string, unknown>)[key], address: `${base}["${key}"]` }));
  }
  if (Array.isArray(forEach)) {
    return forEach
      .filter((item): item is string => typeof item === "string" && !isExpression(item))
      .sort()
      .map((key) => ({ resource, key, value: key, address: `${base}["${key}"]` }));
  }
  if (forEach !== undefined || resource.config.count !== undefined) return [{ resource, unknownKeys: true, address: `${base}[*]` }];
  return [{ resource, address: base }];
}

const EACH = /^\$\{each\.(key|value)(?:\.([A-Za-z0-9_-]+)|\["([^"]+)"\])?\}$/;

/** An argument of one instance, with `${each.key}` / `${each.value}` / `${each.value.x}` replaced by its `for_each` entry. */
function argument(instance: Instance, name: string): unknown {
  return resolveEach(instance, instance.resource.config[name]);
}

/** `value` with a whole-value `${each.…}` expression replaced by the instance's `for_each` entry. */
function resolveEach(instance: Instance, value: unknown): unknown {
  if (instance.key === undefined || typeof value !== "string") return value;
  const match = EACH.exec(value);
  if (!match) return value;
  if (match[1] === "key") return instance.key;
  const attribute = match[2] ?? match[3];
  if (attribute === undefined) return instance.value;
  const entry = instance.value;
  return entry !== null && typeof entry === "object" ? (entry as Record<string, unknown>)[attribute] : value;
}

function planHasExtension(config: SynthesizedConfig, extension: string): boolean {
  const extensions = config.extension;
  if (isExpression(extensions) || (config.dynamic as Record<string, unknown> | undefined)?.extension !== undefined) return true;
  const list = Array.isArray(extensions) ? extensions : extensions ? [extensions] : [];
  return list.some((item) => item && typeof item === "object" && equalsOrUnresolved((item as Record<string, unknown>).name, extension));
}

/** Name shown for an instance: its `for_each` key, its literal `name`, or its address. */
function instanceName(instance: Instance, nameArgument = "name"): string {
  return instance.key ?? literalString(argument(instance, nameArgument)) ?? instance.address;
}

// ---------------------------------------------------------------------------------------------
// AKS

function aksClusters(view: StackView, plan: PlanFound | undefined): ClusterCoverage[] {
  // Logical IDs of clusters with a Defender trusted-access binding (computed once: fleets can be large).
  const bound = new Set(
    view
      .instances(TerraformType.AKS_TRUSTED_ACCESS_BINDING)
      .filter((binding) => listHoldsRole(argument(binding, "roles"), TrustedAccess.DEFENDER_OPERATOR_ROLE))
      .flatMap((binding) => referencedIds(argument(binding, "kubernetes_cluster_id"), TerraformType.AKS_CLUSTER)),
  );
  // Clusters with the sensor chart instead of the security profile: a sensor release whose values
  // or helm provider reference the cluster (HelmDefenderSensor with SensorCluster.aks).
  const charted = new Set(
    view
      .instances(TerraformType.HELM_RELEASE)
      .filter((release) => isSensorHelmRelease(release.resource.config))
      .flatMap((release) => releaseContext(view, release).flatMap((value) => referencedIds(value, TerraformType.AKS_CLUSTER))),
  );
  return view.instances(TerraformType.AKS_CLUSTER).map((cluster) => {
    const profile = aksClusterHasDefenderSensor(cluster.resource.config);
    const chart = charted.has(cluster.resource.logicalId);
    const sensor = sensorCoverage(profile || chart, cluster.resource);
    return row({
      stack: view.name,
      kind: ClusterKind.AKS,
      name: instanceName(cluster),
      address: cluster.address,
      sensor,
      policy: yesNo(aksClusterHasPolicyAddon(cluster.resource.config)),
      // The chart needs no workspace (deploy-helm.md); the security profile does; an excluded cluster's is excluded with its sensor.
      workspace: profile || !chart ? (sensor === Coverage.EXCLUDED ? sensor : yesNo(profile)) : Coverage.NOT_APPLICABLE,
      agentlessDiscovery: yesNo(bound.has(cluster.resource.logicalId) || (plan?.agentlessDiscovery ?? false)),
      // No azurerm_kubernetes_cluster argument governs the audit logs Defender reads on AKS.
      auditLogs: Coverage.NOT_APPLICABLE,
    });
  });
}

function listHoldsRole(value: unknown, role: string): boolean {
  if (isExpression(value)) return true;
  return Array.isArray(value) && value.some((item) => equalsOrUnresolved(item, role));
}

// ---------------------------------------------------------------------------------------------
// Arc

interface ArcCluster {
  name: string;
  address?: string;
  defender?: Instance;
  policy?: Instance;
}

function arcClusters(view: StackView): ClusterCoverage[] {
  const clusters = new Map<string, ArcCluster>();
  const clusterOf = (identity: string, name: string, address?: string): ArcCluster => {
    let cluster = clusters.get(identity);
    if (!cluster) {
      cluster = { name, address };
      clusters.set(identity, cluster);
    }
    return cluster;
  };
  for (const type of [TerraformType.ARC_CLUSTER, TerraformType.ARC_PROVISIONED_CLUSTER]) {
    for (const instance of view.instances(type)) clusterOf(instance.address, instanceName(instance), instance.address);
  }
  for (const extension of view.instances(TerraformType.ARC_EXTENSION)) {
    const extensionType = literalString(argument(extension, "extension_type"))?.toLowerCase();
    const role = extensionType === ArcExtension.DEFENDER.extensionType ? "defender" : extensionType === ArcExtension.POLICY.extensionType ? "policy" : undefined;
    if (!role) continue;
    const { identity, name } = arcIdentity(view, extension);
    const cluster = clusterOf(identity, name);
    cluster[role] ??= extension;
  }
  return [...clusters.values()].map((cluster) => {
    const settings = cluster.defender ? blockOf(cluster.defender.resource.config, "configuration_settings") : undefined;
    const workspaceId =
      cluster.defender && settings !== undefined && typeof settings === "object"
        ? resolveEach(cluster.defender, settings.logAnalyticsWorkspaceResourceID)
        : settings;
    const workspace = isSetString(workspaceId);
    return row({
      stack: view.name,
      kind: ClusterKind.ARC,
      name: cluster.name,
      address: cluster.defender?.address ?? cluster.policy?.address ?? cluster.address,
      sensor: yesNo(cluster.defender !== undefined),
      policy: yesNo(cluster.policy !== undefined),
      workspace: yesNo(workspace),
      // Agentless discovery covers AKS, EKS and GKE only. The Arc sensor reads the API server's audit file
      // (`auditLogPath`, facts A3): whether the server writes it is not in Terraform.
      agentlessDiscovery: Coverage.NOT_APPLICABLE,
      auditLogs: Coverage.NOT_APPLICABLE,
    });
  });
}

/**
 * Which cluster an Arc extension instance is on: a literal connected-cluster ID (compared
 * case-insensitively), a reference to an Arc cluster resource, or — for `for_each` over an
 * expression — the expression itself, so the Defender and policy extensions of one fleet pair up.
 */
function arcIdentity(view: StackView, extension: Instance): { identity: string; name: string } {
  const clusterId = argument(extension, "cluster_id");
  const literal = literalString(clusterId);
  if (literal) return { identity: literal.toLowerCase(), name: extension.key ?? literal.split("/").filter(Boolean).pop() ?? literal };
  for (const type of [TerraformType.ARC_CLUSTER, TerraformType.ARC_PROVISIONED_CLUSTER]) {
    const [id] = referencedIds(clusterId, type);
    const target = id === undefined ? undefined : view.resources.ofType(type).find((r) => r.logicalId === id);
    if (target) {
      const [instance] = instancesOf(target);
      return { identity: instance.address, name: instanceName(instance) };
    }
  }
  if (extension.unknownKeys) {
    const forEach = extension.resource.config.for_each ?? extension.resource.config.count;
    return { identity: `for_each:${JSON.stringify(forEach)}`, name: extension.address };
  }
  const text = JSON.stringify(clusterId ?? null);
  return { identity: `cluster_id:${extension.key ?? ""}:${text}`, name: extension.key ?? text };
}

// ---------------------------------------------------------------------------------------------
// EKS and GKE (clusters Defender reaches through a security connector)

interface ConnectorCluster {
  kind: ClusterKind;
  name: string;
  address?: string;
  resource?: SynthesizedResource;
  sensor: boolean;
  agentless: boolean;
}

function connectorClusters(view: StackView): ClusterCoverage[] {
  const clusters: ConnectorCluster[] = [];
  for (const [kind, type] of [
    [ClusterKind.EKS, TerraformType.EKS_CLUSTER],
    [ClusterKind.GKE, TerraformType.GKE_CLUSTER],
  ] as const) {
    for (const instance of view.instances(type)) {
      clusters.push({ kind, name: instanceName(instance), address: instance.address, resource: instance.resource, sensor: false, agentless: false });
    }
  }
  const find = (kind: ClusterKind, name: string | undefined, references: string[]): ConnectorCluster | undefined => {
    const ofKind = clusters.filter((c) => c.kind === kind);
    return (
      (name === undefined ? undefined : ofKind.find((c) => c.name === name)) ??
      ofKind.find((c) => c.resource !== undefined && references.includes(c.resource.logicalId))
    );
  };
  const findOrAdd = (kind: ClusterKind, name: string): ConnectorCluster => {
    let cluster = find(kind, name, []);
    if (!cluster) {
      cluster = { kind, name, sensor: false, agentless: false };
      clusters.push(cluster);
    }
    return cluster;
  };

  // EKS agentless discovery: an access entry for Defender's discovery role.
  for (const entry of view.instances(TerraformType.EKS_ACCESS_ENTRY)) {
    if (!isAgentlessDiscoveryPrincipal(view, argument(entry, "principal_arn"))) continue;
    const clusterName = argument(entry, "cluster_name");
    const found = find(ClusterKind.EKS, literalString(clusterName), referencedIds(clusterName, TerraformType.EKS_CLUSTER));
    const target = found ?? (literalString(clusterName) ? findOrAdd(ClusterKind.EKS, literalString(clusterName)!) : singleCluster(clusters, ClusterKind.EKS));
    if (target) target.agentless = true;
  }
  // Legacy EKS access: the role mapped in aws-auth, which belongs to the stack's only EKS cluster.
  if (TerraformType.CONFIG_MAPS.some((type) => view.instances(type).some(isAwsAuthWithDiscoveryRole))) {
    const only = singleCluster(clusters, ClusterKind.EKS);
    if (only) only.agentless = true;
  }
  // GKE agentless discovery: Defender's operator service account in the project.
  const gcpOperator = view
    .instances(TerraformType.GCP_SERVICE_ACCOUNT)
    .some((account) => equalsOrUnresolved(argument(account, "account_id"), CoverageSignal.GCP_AGENTLESS_DISCOVERY_SERVICE_ACCOUNT));

  for (const release of view.instances(TerraformType.HELM_RELEASE)) {
    if (!isSensorHelmRelease(release.resource.config)) continue;
    const target = sensorReleaseCluster(view, release, clusters, find, findOrAdd);
    if (target) target.sensor = true;
  }
  // After the releases: clusters known only from a sensor release are in the project too.
  if (gcpOperator) for (const cluster of clusters.filter((c) => c.kind === ClusterKind.GKE)) cluster.agentless = true;

  return clusters.map((cluster) =>
    row({
      stack: view.name,
      kind: cluster.kind,
      name: cluster.name,
      address: cluster.address,
      sensor: sensorCoverage(cluster.sensor, cluster.resource),
      // On EKS and GKE the policy agent and the workspace come from the security connector, not from cluster resources.
      policy: Coverage.NOT_APPLICABLE,
      workspace: Coverage.NOT_APPLICABLE,
      agentlessDiscovery: yesNo(cluster.agentless),
      // GKE: Defender creates the log sink and Pub/Sub pipeline per cluster itself (facts C), so there is no
      // cluster argument to check. A cluster defined elsewhere is not judged here.
      auditLogs:
        cluster.kind === ClusterKind.EKS && cluster.resource ? yesNo(eksClusterHasAuditLogs(cluster.resource.config)) : Coverage.NOT_APPLICABLE,
    }),
  );
}

function singleCluster(clusters: ConnectorCluster[], kind: ClusterKind): ConnectorCluster | undefined {
  const defined = clusters.filter((c) => c.kind === kind && c.resource !== undefined);
  return defined.length === 1 ? defined[0] : undefined;
}

/** An IAM role ARN (or a reference to an `aws_iam_role` of this stack) naming Defender's agentless discovery role. */
function isAgentlessDiscoveryPrincipal(view: StackView, principal: unknown): boolean {
  const literal = literalString(principal);
  if (literal) return isDiscoveryRoleName(literal.split("/").pop() ?? "");
  return referencedIds(principal, TerraformType.IAM_ROLE).some((id) => {
    const role = view.resources.ofType(TerraformType.IAM_ROLE).find((r) => r.logicalId === id);
    return role !== undefined && isDiscoveryRoleName(literalString(role.config.name) ?? "");
  });
}

/** The default role name, or a custom one following Defender's rule (starts with `MDC`) that says what it is for. */
function isDiscoveryRoleName(name: string): boolean {
  if (name === CoverageSignal.AWS_AGENTLESS_DISCOVERY_ROLE) return true;
  return name.startsWith(CoverageSignal.AWS_AGENTLESS_DISCOVERY_ROLE_PREFIX) && /agentlessdiscovery/i.test(name);
}

function isAwsAuthWithDiscoveryRole(instance: Instance): boolean {
  const metadata = blockOf(instance.resource.config, "metadata");
  if (!metadata || typeof metadata !== "object" || metadata.name !== "aws-auth") return false;
  const data = instance.resource.config.data as Record<string, unknown> | undefined;
  return typeof data?.mapRoles === "string" && data.mapRoles.split(/[\s/"]+/).some(isDiscoveryRoleName);
}

/** Where a release names its cluster: its own arguments and its helm (and kubernetes) provider's configuration. */
function releaseContext(view: StackView, release: Instance): unknown[] {
  return [release.resource.config, view.providerConfigOf(release.resource, "helm"), view.providerConfigOf(release.resource, "kubernetes")];
}

/**
 * The cluster a sensor release runs on, in order: the `global.cloudIdentifiers.<cloud>.clusterName`
 * value; a reference to a cluster (or its data source) in the release or its helm provider's
 * configuration; the only EKS/GKE cluster of the stack. A literal cluster name that matches no
 * cluster here adds a row for a cluster defined elsewhere.
 */
function sensorReleaseCluster(
  view: StackView,
  release: Instance,
  clusters: ConnectorCluster[],
  find: (kind: ClusterKind, name: string | undefined, references: string[]) => ConnectorCluster | undefined,
  findOrAdd: (kind: ClusterKind, name: string) => ConnectorCluster,
): ConnectorCluster | undefined {
  const settings = releaseSettings(release);
  for (const [kind, key] of [
    [ClusterKind.EKS, CoverageSignal.SENSOR_CLUSTER_NAME_VALUE.AWS],
    [ClusterKind.GKE, CoverageSignal.SENSOR_CLUSTER_NAME_VALUE.GCP],
  ] as const) {
    if (!(key in settings)) continue;
    const value = settings[key];
    const name = literalString(value);
    const clusterType = kind === ClusterKind.EKS ? TerraformType.EKS_CLUSTER : TerraformType.GKE_CLUSTER;
    const found = find(kind, name, referencedIds(value, clusterType));
    if (found) return found;
    if (name) return findOrAdd(kind, name);
  }
  const context = releaseContext(view, release);
  for (const [kind, type] of [
    [ClusterKind.EKS, TerraformType.EKS_CLUSTER],
    [ClusterKind.GKE, TerraformType.GKE_CLUSTER],
  ] as const) {
    const references = context.flatMap((value) => referencedIds(value, type));
    const found = find(kind, undefined, references);
    if (found) return found;
    for (const id of context.flatMap((value) => referencedIds(value, `data.${type}`))) {
      const data = view.dataSource(type, id);
      const name = literalString(data?.name);
      const viaData = find(kind, name, referencedIds(data?.name, type));
      if (viaData) return viaData;
    }
  }
  const defined = clusters.filter((c) => c.resource !== undefined);
  return defined.length === 1 ? defined[0] : undefined;
}

/**
 * Values of a release instance by dotted path: the `values` documents (YAML or JSON, as
 * HelmDefenderSensor writes them), then `set` / `set_list`, which Helm applies on top.
 */
function releaseSettings(release: Instance): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  const documents = release.resource.config.values;
  for (const document of Array.isArray(documents) ? documents : []) {
    if (typeof document !== "string") continue;
    let parsed: unknown;
    try {
      // yaml is loaded here, on the first Helm release read, not when /testing is imported.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, on first use
      parsed = (require("yaml") as typeof import("yaml")).parse(document);
    } catch {
      continue; // a values document with interpolations that are not YAML: nothing to read
    }
    flattenInto(settings, parsed, "");
  }
  for (const block of ["set", "set_list"]) {
    const entries = release.resource.config[block];
    const list = Array.isArray(entries) ? entries : entries && typeof entries === "object" ? [entries] : [];
    for (const entry of list as Record<string, unknown>[]) {
      if (typeof entry?.name === "string") settings[entry.name] = resolveEach(release, entry.value);
    }
  }
  return settings;
}

function flattenInto(target: Record<string, unknown>, value: unknown, prefix: string): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flattenInto(target, child, prefix ? `${prefix}.${key}` : key);
  } else if (prefix) {
    target[prefix] = value;
  }
}
