import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { DataAwsEksClusterAuth } from "@cdktf/provider-aws/lib/data-aws-eks-cluster-auth";
import { dependable, ref, TerraformDataSource, TerraformIterator, TerraformProvider, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { DefenderForContainersAwsRoles, DefenderForContainersAwsRolesProps } from "../aws/defender-for-containers-aws-roles";
import { DefenderOidcProvider, DefenderOidcProviderProps, IDefenderOidcProvider } from "../aws/defender-oidc-provider";
import { EksAgentlessDiscoveryAccess, EksAgentlessDiscoveryAccessProps } from "../aws/eks-agentless-discovery-access";
import { enableEksAuditLogs } from "../aws/eks-cluster-settings";
import { AwsSecurityConnector, AwsSecurityConnectorProps } from "../azure/aws-security-connector";
import { validateAwsAccountId, validateAwsRegion, validateEksClusterName } from "../core/aws-identifiers";
import { DefenderValidationError, invalidValue } from "../core/errors";
import { isUnresolved, validateGuid, validateNonEmptyUnique } from "../core/validation";
import { SensorCluster } from "../kubernetes/sensor-cluster";
import { ConnectorPatternProps } from "./connector-pattern-props";
import { EksDefenderCluster } from "./eks-defender-cluster";
import { ConnectorDefenderPattern, KeyedCluster, validateClusterKey } from "./private/connector-defender-pattern";
import { checkDefenderEksApiServerAccess, ensureEksAccessEntryAuthenticationMode } from "./private/eks-cluster-checks";
import { checkProviderType } from "./private/providers";

/** Props of {@link EksDefenderForContainers}. */
export interface EksDefenderForContainersProps extends Omit<ConnectorPatternProps, "connectorResourceGroupId" | "connectorLocation"> {
  /** The AWS account (12 digits): where the OIDC provider, roles and access entries go, and what the connector connects. */
  readonly accountId: string;
  /**
   * Your Azure (Entra) tenant ID: the tenant of the connector's subscription. The roles trust only
   * Defender sessions named `MicrosoftDefenderForClouds_<this>`.
   */
  readonly azureTenantId: string;
  /** AWS region of the clusters, unless a cluster says otherwise, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * Regions Defender scans (the connector's `environmentData.regions`), also the scope of the
   * roles' regional resource patterns. Every cluster's region must be one of them.
   * @default - every region, as Microsoft's template (connector property left out, roles on `*`)
   */
  readonly regions?: string[];
  /**
   * Resource group of the security connector, e.g. `/subscriptions/<GUID>/resourceGroups/rg-security`.
   * Required (or the deprecated `resourceGroupId`).
   * @default - none
   */
  readonly connectorResourceGroupId?: string;
  /**
   * Azure region of the security connector, e.g. `westeurope`. Required (or the deprecated `location`).
   * @default - none
   */
  readonly connectorLocation?: string;
  /**
   * @deprecated Use `connectorResourceGroupId` (the name GKE uses too); removed in 0.2.0.
   * @default - none
   */
  readonly resourceGroupId?: string;
  /**
   * @deprecated Use `connectorLocation`; removed in 0.2.0.
   * @default - none
   */
  readonly location?: string;
  /**
   * @deprecated Use `sensorChartVersion`; removed in 0.2.0.
   * @default - none
   */
  readonly sensorVersion?: string;
  /**
   * The account's EKS clusters, each once (names are unique across regions too):
   * `EksDefenderCluster.fromCluster(cluster)` for an `aws_eks_cluster` of this app,
   * `EksDefenderCluster.fromName("name")` for one that exists already.
   */
  readonly clusters: EksDefenderCluster[];
  /**
   * With `agentlessDiscovery`, give the discovery role access to every cluster through EKS access
   * entries (one `for_each` resource per region, keyed by cluster name). Access entries need
   * authentication mode `API_AND_CONFIG_MAP` or `API`: the pattern sets `API_AND_CONFIG_MAP` on the
   * clusters of this app that leave it unset (what Defender itself switches to) and refuses
   * `CONFIG_MAP`. Off: Defender creates the entries itself (its role holds `eks:CreateAccessEntry`),
   * or map the role in `aws-auth` on legacy clusters (`EksAgentlessDiscoveryAccess`, `CONFIG_MAP` mode).
   * @default true
   */
  readonly agentlessDiscoveryAccessEntries?: boolean;
  /**
   * Access policy and tags of the access entries.
   * @default - cluster admin (`AmazonEKSClusterAdminPolicy`), no tags
   */
  readonly agentlessDiscoveryAccessOptions?: Pick<EksAgentlessDiscoveryAccessProps, "accessPolicyArn" | "tags">;
  /**
   * Add Defender's source CIDRs to a restricted public endpoint of the clusters of this app
   * (`allowDefenderEksApiServerAccess`). Defender adds them itself; listing them keeps Terraform
   * from removing them again. Off while agentless discovery is on: a restricted endpoint of this
   * app that lacks them is a synth error naming the CIDRs to add.
   * @default - the value of `agentlessDiscovery`
   */
  readonly allowApiServerAccess?: boolean;
  /**
   * Use the account's existing IAM OIDC provider for Defender's issuer (an account holds one per
   * URL; Defender CSPM or Servers onboarding may have created it). It must list the Defender for
   * Containers audiences; the pattern cannot check a provider it does not create.
   * @default - a new DefenderOidcProvider
   */
  readonly oidcProviderArn?: string;
  /**
   * Props of the OIDC provider the pattern creates.
   * @default - DefenderOidcProvider defaults (the containers audiences, Microsoft's thumbprint)
   */
  readonly oidcProviderOptions?: Omit<DefenderOidcProviderProps, "provider">;
  /**
   * More props of the roles (names, permissions boundary, tags, partition, image-assessment access…).
   * @default - DefenderForContainersAwsRoles defaults
   */
  readonly rolesOptions?: Omit<
    DefenderForContainersAwsRolesProps,
    "oidcProvider" | "accountId" | "azureTenantId" | "regions" | "auditLogs" | "agentlessDiscovery" | "imageAssessment" | "provider"
  >;
  /**
   * More props of the connector (scan interval, audit retention, tags, other offerings…).
   * `sensorAutoProvisioning` must stay off while the pattern installs sensors with Helm.
   * @default - AwsSecurityConnector defaults
   */
  readonly connectorOptions?: Omit<
    AwsSecurityConnectorProps,
    | "resourceGroupId"
    | "location"
    | "name"
    | "accountId"
    | "regions"
    | "auditLogs"
    | "agentlessDiscovery"
    | "imageAssessment"
    | "kubernetesServiceRoleArn"
    | "kubernetesDataCollectionRoleArn"
    | "cloudWatchToKinesisRoleArn"
    | "kinesisToS3RoleArn"
    | "imageAssessmentRoleArn"
    | "agentlessDiscoveryRoleArn"
    | "provider"
  >;
  /**
   * aws provider of the account: OIDC provider, roles, access entries and the clusters' data sources.
   * @default - the stack's default aws provider
   */
  readonly awsProvider?: TerraformProvider;
}

/** A cluster with its settings resolved, as the pattern uses it. */
interface ResolvedEksCluster extends KeyedCluster {
  readonly name: string;
  readonly region: string;
  readonly index: number;
  readonly cluster: EksDefenderCluster;
}

const CLUSTER_FORM = "EksDefenderCluster.fromCluster(cluster) or EksDefenderCluster.fromName(name)";

/**
 * Defender for Containers for ONE AWS account and its EKS clusters, end to end:
 *
 * - AWS: Defender's IAM OIDC provider (created, or an existing one by ARN), the connector roles
 *   (`DefenderForContainersAwsRoles`), and EKS access entries for the agentless-discovery role on
 *   every cluster (`EksAgentlessDiscoveryAccess`, one `for_each` resource per region);
 * - Azure: the account's `AwsSecurityConnector`, wired to the role ARNs and created after the
 *   access entries, so Defender finds them in place instead of creating its own;
 * - the clusters: `audit` control-plane logs, the authentication mode access entries need and
 *   Defender's API server CIDRs on the `aws_eks_cluster`s of this app, and the sensor with Helm
 *   (`HelmDefenderSensor`) on each cluster, each through its own helm provider, after the connector.
 *
 * Helm providers: a cluster may bring its own (`helmProvider`); otherwise the pattern creates one
 * from the cluster's endpoint and CA — the resource's attributes for a cluster of this app, a
 * `data "aws_eks_cluster"` for an existing one — and a token from `data "aws_eks_cluster_auth"`.
 * Data sources are read at plan time, so synth needs no credentials. What EKS and GKE share (props,
 * cluster keys, helm providers and their aliases, the sensor) lives in the common pattern base.
 *
 * Every inner construct is exposed for further settings.
 */
export class EksDefenderForContainers extends ConnectorDefenderPattern {
  /** The OIDC provider (created, or referenced by `oidcProviderArn`). */
  public readonly oidcProvider: IDefenderOidcProvider;
  /** The connector roles. */
  public readonly roles: DefenderForContainersAwsRoles;
  /** The account's security connector. */
  public readonly connector: AwsSecurityConnector;
  /** The access entries of the discovery role, one construct per region (none when off). */
  public readonly agentlessDiscoveryAccess: { readonly [region: string]: EksAgentlessDiscoveryAccess };
  /** `data "aws_eks_cluster_auth"` (`for_each` by cluster name) behind the created helm providers. */
  public readonly clusterAuth?: DataAwsEksClusterAuth;
  /** `data "aws_eks_cluster"` (`for_each` by cluster name) of the existing clusters behind the created helm providers. */
  public readonly existingClusters?: DataAwsEksCluster;
  /** The region of every cluster, by name. */
  public readonly clusterRegions: { readonly [clusterName: string]: string };

  constructor(scope: Construct, id: string, props: EksDefenderForContainersProps) {
    super(scope, id, props);
    const connectorProps = resolveRenamedProps(this, props);
    const accountId = validateAwsAccountId(this, "accountId", props.accountId);
    validateGuid(this, "azureTenantId", props.azureTenantId);
    const awsProvider = checkProviderType(this, "awsProvider", props.awsProvider, "aws");
    const { auditLogs, agentlessDiscovery: discovery, imageAssessment } = this.capabilities;

    const clusters = this.resolveClusters(props);
    this.clusterRegions = Object.fromEntries(clusters.map((c) => [c.name, c.region]));
    this.checkSensorAutoProvisioning(clusters, props.connectorOptions?.sensorAutoProvisioning);

    // AWS account side.
    this.oidcProvider = this.createOidcProvider(props, accountId, awsProvider);
    this.roles = new DefenderForContainersAwsRoles(this, "roles", {
      ...props.rolesOptions,
      oidcProvider: this.oidcProvider,
      accountId,
      azureTenantId: props.azureTenantId,
      regions: props.regions,
      auditLogs,
      agentlessDiscovery: discovery,
      imageAssessment,
      provider: awsProvider,
    });

    // Clusters of this app.
    const entries = discovery && (props.agentlessDiscoveryAccessEntries ?? true);
    const apiServerAccess = props.allowApiServerAccess ?? discovery;
    for (const c of clusters) {
      const cluster = c.cluster.cluster;
      if (!cluster) continue;
      if (auditLogs) enableEksAuditLogs(cluster);
      if (discovery) checkDefenderEksApiServerAccess(this, `clusters[${c.index}]`, cluster, apiServerAccess);
      if (entries) ensureEksAccessEntryAuthenticationMode(this, `clusters[${c.index}]`, cluster);
    }

    // Access entries, one for_each resource per region; the connector waits for them.
    const grants = entries ? this.grantDiscoveryAccess(props, clusters, awsProvider) : { access: {}, dependencies: [] };
    this.agentlessDiscoveryAccess = grants.access;
    const dependencies = grants.dependencies;

    // Azure side.
    this.connector = new AwsSecurityConnector(this, "connector", {
      ...props.connectorOptions,
      ...this.connectorPlacement(connectorProps),
      accountId,
      regions: props.regions,
      auditLogs,
      agentlessDiscovery: discovery,
      imageAssessment,
      kubernetesServiceRoleArn: this.roles.kubernetesRoleArn,
      kubernetesDataCollectionRoleArn: this.roles.dataCollectionRoleArn,
      cloudWatchToKinesisRoleArn: this.roles.cloudWatchToKinesisRoleArn,
      kinesisToS3RoleArn: this.roles.kinesisToS3RoleArn,
      imageAssessmentRoleArn: this.roles.imageAssessmentRoleArn,
      agentlessDiscoveryRoleArn: this.roles.agentlessDiscoveryRoleArn,
    });
    if (dependencies.length > 0) this.connector.resource.dependsOn = dependencies;

    // Token (and, for existing clusters, endpoint and CA) of the helm providers the pattern creates.
    const needProvider = this.clustersNeedingHelmProvider(clusters);
    const byName = (list: ResolvedEksCluster[]) => Object.fromEntries(list.map((c) => [c.name, { name: c.name, region: c.region }]));
    if (needProvider.length > 0) {
      const auth = TerraformIterator.fromMap(byName(needProvider));
      this.clusterAuth = new DataAwsEksClusterAuth(this, "cluster-auth", { forEach: auth, name: auth.getString("name"), region: auth.getString("region"), provider: awsProvider });
    }
    const existing = needProvider.filter((c) => !c.cluster.cluster);
    if (existing.length > 0) {
      const lookup = TerraformIterator.fromMap(byName(existing));
      this.existingClusters = new DataAwsEksCluster(this, "existing-clusters", { forEach: lookup, name: lookup.getString("name"), region: lookup.getString("region"), provider: awsProvider });
    }
    this.installSensors(
      this.connector,
      clusters,
      connectorProps,
      (c) => {
        const own = c.cluster.cluster;
        return {
          host: own ? own.endpoint : instanceAttribute(this.existingClusters!, c.name, "endpoint"),
          clusterCaCertificateBase64: own ? own.certificateAuthority.get(0).data : instanceAttribute(this.existingClusters!, c.name, "certificate_authority[0].data"),
          token: instanceAttribute(this.clusterAuth!, c.name, "token"),
        };
      },
      (c) => SensorCluster.eks({ accountId, region: c.region, clusterName: c.name, autoMode: c.cluster.options.autoMode }),
    );
  }

  /**
   * Every cluster name, sorted.
   * @deprecated Use `clusterKeys` (the name GKE uses too; a key is the cluster name unless set); removed in 0.2.0.
   */
  public get clusterNames(): string[] {
    return Object.keys(this.clusterRegions).sort();
  }

  /** Validates `clusters` and resolves each one's key, region and sensor setting; sorted by key. */
  private resolveClusters(props: EksDefenderForContainersProps): ResolvedEksCluster[] {
    const region = validateAwsRegion(this, "region", props.region);
    let regions: string[] | undefined;
    if (props.regions !== undefined) {
      validateNonEmptyUnique(this, "regions", props.regions, (r) => r, "AWS region");
      props.regions.forEach((r, i) => validateAwsRegion(this, `regions[${i}]`, r));
      regions = props.regions;
    }
    const list = props.clusters ?? [];
    list.forEach((c, i) => {
      if (!(c instanceof EksDefenderCluster)) invalidValue(this, `clusters[${i}]`, typeof c === "object" && c !== null ? (c as object).constructor.name : c, CLUSTER_FORM);
      if (typeof c.name !== "string" || isUnresolved(c.name)) {
        invalidValue(this, `clusters[${i}].clusterName`, c.name, "a literal EKS cluster name, because it keys for_each instances, construct IDs and the helm provider alias");
      }
      validateEksClusterName(this, `clusters[${i}].clusterName`, c.name);
    });
    validateNonEmptyUnique(this, "clusters", list, (c) => c.name, "EKS cluster");

    const resolved = list.map((c, index): ResolvedEksCluster => {
      const prop = `clusters[${index}].region`;
      const own = c.cluster?.regionInput;
      const given = c.options.region;
      if (given !== undefined) validateAwsRegion(this, prop, given);
      if (given !== undefined && own !== undefined && !isUnresolved(own) && !isUnresolved(given) && given !== own) {
        invalidValue(this, prop, given, `the cluster's own region "${own}"`);
      }
      const clusterRegion = given ?? own ?? region;
      if (regions && !isUnresolved(clusterRegion) && !regions.includes(clusterRegion)) {
        invalidValue(this, prop, clusterRegion, `one of regions (${regions.join(", ")})`, "Defender scans, and the roles allow, only those regions: add it to regions.");
      }
      // An EKS name is a valid key as it is (construct IDs and aliases take it); a key given is checked.
      const key = c.options.key === undefined ? c.name : validateClusterKey(this, `clusters[${index}].key`, c.options.key);
      const sensor = c.options.sensor ?? this.capabilities.sensor;
      return { key, source: `clusters[${index}]`, sensor, options: c.options, name: c.name, region: clusterRegion, index, cluster: c };
    });
    return this.keyClusters(resolved);
  }

  /** The discovery role's access entries, one construct per region, and what the connector waits for. */
  private grantDiscoveryAccess(
    props: EksDefenderForContainersProps,
    clusters: ResolvedEksCluster[],
    provider: TerraformProvider | undefined,
  ): { access: Record<string, EksAgentlessDiscoveryAccess>; dependencies: string[] } {
    const access: { [region: string]: EksAgentlessDiscoveryAccess } = {};
    const dependencies: string[] = [];
    for (const region of [...new Set(clusters.map((c) => c.region))].sort()) {
      const inRegion = clusters.filter((c) => c.region === region);
      const grant = new EksAgentlessDiscoveryAccess(this, `discovery-access-${region}`, {
        ...props.agentlessDiscoveryAccessOptions,
        roleArn: this.roles.agentlessDiscoveryRoleArn!,
        // Literal names keep the for_each keys readable; the explicit dependency below orders
        // each entry after the clusters of this app.
        clusterNames: inRegion.map((c) => c.name),
        region,
        provider,
      });
      // depends_on takes bare addresses ("type.name"): dependable() renders them, `.fqn` would render "${…}".
      const ownClusters = inRegion.flatMap((c) => (c.cluster.cluster ? [dependable(c.cluster.cluster)] : []));
      if (ownClusters.length > 0) grant.accessEntry!.dependsOn = ownClusters;
      dependencies.push(dependable(grant.policyAssociation!));
      access[region] = grant;
    }
    return { access, dependencies };
  }

  private createOidcProvider(props: EksDefenderForContainersProps, accountId: string, provider: TerraformProvider | undefined): IDefenderOidcProvider {
    if (props.oidcProviderArn === undefined) return new DefenderOidcProvider(this, "oidc-provider", { ...props.oidcProviderOptions, provider });
    if (props.oidcProviderOptions !== undefined) {
      throw new DefenderValidationError(this, "oidcProviderOptions: got a value with oidcProviderArn; expected it unset, since it applies to the provider the pattern creates.");
    }
    const arn = props.oidcProviderArn;
    const account = typeof arn === "string" && !isUnresolved(arn) ? /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1] : undefined;
    if (account !== undefined && !isUnresolved(accountId) && account !== accountId) {
      invalidValue(this, "oidcProviderArn", arn, `an OIDC provider of account ${accountId}`, "Roles can only trust an identity provider of their own account.");
    }
    return DefenderOidcProvider.fromArn(this, "oidc-provider", { arn });
  }
}

/** The props in the vocabulary GKE uses, from the current or the deprecated names (one of each pair). */
function resolveRenamedProps(scope: Construct, props: EksDefenderForContainersProps): ConnectorPatternProps {
  const pick = <T>(current: string, value: T | undefined, deprecated: string, old: T | undefined): T | undefined => {
    if (value !== undefined && old !== undefined) {
      throw new DefenderValidationError(scope, `${deprecated}: got a value with ${current}; expected only ${current} (${deprecated} is its deprecated name).`);
    }
    return value ?? old;
  };
  const required = <T>(current: string, value: T | undefined): T => {
    if (value === undefined) invalidValue(scope, current, undefined, "a value");
    return value;
  };
  return {
    ...props,
    connectorResourceGroupId: required("connectorResourceGroupId", pick("connectorResourceGroupId", props.connectorResourceGroupId, "resourceGroupId", props.resourceGroupId)),
    connectorLocation: required("connectorLocation", pick("connectorLocation", props.connectorLocation, "location", props.location)),
    sensorChartVersion: pick("sensorChartVersion", props.sensorChartVersion, "sensorVersion", props.sensorVersion),
  };
}

/**
 * `<address>["<key>"].<attribute>` of one instance of a `for_each` data source. cdktf's `Fn.lookupNested`
 * writes an identifier-like key as `.key`, which Terraform refuses on a `for_each` object ("Missing
 * resource instance key"), so the index is written out.
 */
function instanceAttribute(data: TerraformDataSource, key: string, attribute: string): string {
  return Token.asString(ref(`data.${data.terraformResourceType}.${data.friendlyUniqueId}[${JSON.stringify(key)}].${attribute}`, TerraformStack.of(data)));
}
