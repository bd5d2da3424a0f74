import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { DataAwsEksClusterAuth } from "@cdktf/provider-aws/lib/data-aws-eks-cluster-auth";
import type { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { Annotations, dependable, Fn, ref, TerraformDataSource, TerraformIterator, TerraformProvider, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { DefenderForContainersAwsRoles, DefenderForContainersAwsRolesProps } from "../aws/defender-for-containers-aws-roles";
import { DefenderOidcProvider, DefenderOidcProviderProps, IDefenderOidcProvider } from "../aws/defender-oidc-provider";
import { EksAgentlessDiscoveryAccess, EksAgentlessDiscoveryAccessProps } from "../aws/eks-agentless-discovery-access";
import { allowDefenderEksApiServerAccess, enableEksAuditLogs } from "../aws/eks-cluster-settings";
import { AwsSecurityConnector, AwsSecurityConnectorProps } from "../azure/aws-security-connector";
import { validateAwsAccountId, validateAwsRegion, validateEksClusterName } from "../core/aws-identifiers";
import { AzureResourceIdFormats, parseAzureResourceId } from "../core/azure-resource-id";
import { EKS_ACCESS_ENTRY_AUTHENTICATION_MODES } from "../core/catalog/aws";
import { DefenderValidationError, invalidValue } from "../core/errors";
import { validateAzureRegion } from "../core/region";
import { isUnresolved, validateGuid, validateNonEmptyUnique } from "../core/validation";
import { HelmDefenderSensor, HelmDefenderSensorProps } from "../kubernetes/helm-defender-sensor";
import { newHelmProvider } from "../kubernetes/private/lazy-helm";
import { SensorCluster } from "../kubernetes/sensor-cluster";
import { EksDefenderCluster } from "./eks-defender-cluster";
import { checkProviderType, useProvider } from "./private/providers";

/** Props of {@link EksDefenderForContainers}. */
export interface EksDefenderForContainersProps {
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
  /** Azure resource group of the security connector, e.g. `/subscriptions/<GUID>/resourceGroups/rg-security`. */
  readonly resourceGroupId: string;
  /** Azure region of the security connector, e.g. `westeurope`. */
  readonly location: string;
  /**
   * Name of the security connector.
   * @default "aws-<accountId>"
   */
  readonly connectorName?: string;
  /**
   * The account's EKS clusters, each once (names are unique across regions too):
   * `EksDefenderCluster.fromCluster(cluster)` for an `aws_eks_cluster` of this app,
   * `EksDefenderCluster.fromName("name")` for one that exists already.
   */
  readonly clusters: EksDefenderCluster[];
  /**
   * Kubernetes audit logs: the four audit-log roles, the connector's `enableAuditLogsAutoProvisioning`,
   * and `audit` in `enabled_cluster_log_types` of the clusters of this app.
   * @default true
   */
  readonly auditLogs?: boolean;
  /**
   * Agentless discovery: the discovery role, the connector's `mdcContainersAgentlessDiscoveryK8s`
   * and (with `agentlessDiscoveryAccessEntries`) the EKS access entries.
   * @default true
   */
  readonly agentlessDiscovery?: boolean;
  /**
   * Registry image assessment: the image-assessment role and the connector's `mdcContainersImageAssessment`.
   * @default true
   */
  readonly imageAssessment?: boolean;
  /**
   * With `agentlessDiscovery`, give the discovery role access to every cluster through EKS access
   * entries (one `for_each` resource per region, keyed by cluster name). Off: Defender creates the
   * entries itself (its role holds `eks:CreateAccessEntry`).
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
   * from removing them again.
   * @default - the value of `agentlessDiscovery`
   */
  readonly allowApiServerAccess?: boolean;
  /**
   * Install the sensor with Helm on every cluster (per cluster: `EksDefenderCluster` option `sensor`).
   * @default true
   */
  readonly sensor?: boolean;
  /**
   * Sensor chart version (`0.<minor>.<patch>[-preview]`).
   * @default - `HelmDefenderSensor`'s default (the newest GA version in Microsoft's changelog)
   */
  readonly sensorVersion?: string;
  /**
   * More props of every sensor (values, legacy values, release name, repository, …).
   * @default - `HelmDefenderSensor` defaults
   */
  readonly sensorOptions?: Omit<HelmDefenderSensorProps, "connector" | "cluster" | "version" | "provider">;
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
  readonly oidcProviderOptions?: DefenderOidcProviderProps;
  /**
   * More props of the roles (names, permissions boundary, tags, partition, image-assessment access…).
   * @default - DefenderForContainersAwsRoles defaults
   */
  readonly rolesOptions?: Omit<DefenderForContainersAwsRolesProps, "oidcProvider" | "accountId" | "azureTenantId" | "regions" | "auditLogs" | "agentlessDiscovery" | "imageAssessment">;
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
  /**
   * azapi provider of the connector's subscription.
   * @default - the stack's default azapi provider
   */
  readonly azapiProvider?: TerraformProvider;
}

/** A cluster with its settings resolved, as the pattern uses it. */
interface ResolvedCluster {
  readonly name: string;
  readonly region: string;
  readonly index: number;
  readonly source: EksDefenderCluster;
  readonly sensor: boolean;
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
 * - the clusters: `audit` control-plane logs (and Defender's API server CIDRs) on the
 *   `aws_eks_cluster`s of this app, and the sensor with Helm (`HelmDefenderSensor`) on each
 *   cluster, each through its own helm provider.
 *
 * Helm providers: a cluster may bring its own (`helmProvider`); otherwise the pattern creates one
 * (alias `<pattern id>-<cluster>`) from the cluster's endpoint and CA — the resource's attributes
 * for a cluster of this app, a `data "aws_eks_cluster"` for an existing one — and a token from
 * `data "aws_eks_cluster_auth"`. Data sources are read at plan time, so synth needs no credentials.
 *
 * Every inner construct is exposed for further settings.
 */
export class EksDefenderForContainers extends Construct {
  /** The OIDC provider (created, or referenced by `oidcProviderArn`). */
  public readonly oidcProvider: IDefenderOidcProvider;
  /** The connector roles. */
  public readonly roles: DefenderForContainersAwsRoles;
  /** The account's security connector. */
  public readonly connector: AwsSecurityConnector;
  /** The access entries of the discovery role, one construct per region (none when off). */
  public readonly agentlessDiscoveryAccess: { readonly [region: string]: EksAgentlessDiscoveryAccess } = {};
  /** The sensors, by cluster name. */
  public readonly sensors: { readonly [clusterName: string]: HelmDefenderSensor } = {};
  /** The helm providers the pattern created, by cluster name (clusters that brought their own are absent). */
  public readonly helmProviders: { readonly [clusterName: string]: HelmProvider } = {};
  /** `data "aws_eks_cluster_auth"` (`for_each` by cluster name) behind the created helm providers. */
  public readonly clusterAuth?: DataAwsEksClusterAuth;
  /** `data "aws_eks_cluster"` (`for_each` by cluster name) of the existing clusters behind the created helm providers. */
  public readonly existingClusters?: DataAwsEksCluster;
  /** Every cluster name, sorted. */
  public readonly clusterNames: string[];
  /** The region of every cluster, by name. */
  public readonly clusterRegions: { readonly [clusterName: string]: string };

  constructor(scope: Construct, id: string, props: EksDefenderForContainersProps) {
    super(scope, id);
    const accountId = validateAwsAccountId(this, "accountId", props.accountId);
    validateGuid(this, "azureTenantId", props.azureTenantId);
    parseAzureResourceId(this, "resourceGroupId", props.resourceGroupId, AzureResourceIdFormats.RESOURCE_GROUP);
    validateAzureRegion(this, "location", props.location);
    const awsProvider = checkProviderType(this, "awsProvider", props.awsProvider, "aws");
    const azapiProvider = checkProviderType(this, "azapiProvider", props.azapiProvider, "azapi");

    const auditLogs = props.auditLogs ?? true;
    const discovery = props.agentlessDiscovery ?? true;
    const imageAssessment = props.imageAssessment ?? true;
    if (!auditLogs && !discovery && !imageAssessment) {
      throw new DefenderValidationError(
        this,
        "auditLogs, agentlessDiscovery, imageAssessment: got false for all three; expected at least one capability on (for the sensor alone, use HelmDefenderSensor with an existing connector).",
      );
    }

    const clusters = this.resolveClusters(props);
    this.clusterNames = clusters.map((c) => c.name);
    this.clusterRegions = Object.fromEntries(clusters.map((c) => [c.name, c.region]));
    const withSensor = clusters.filter((c) => c.sensor);
    if (withSensor.length > 0 && props.connectorOptions?.sensorAutoProvisioning === true) {
      invalidValue(
        this,
        "connectorOptions.sensorAutoProvisioning",
        true,
        "false while the pattern installs the sensor with Helm",
        "Defender's auto-provisioning installs the sensor through Arc, and the Helm install removes an Arc-based sensor: the two would fight. Set sensor: false to use auto-provisioning.",
      );
    }

    // AWS account side.
    this.oidcProvider = this.createOidcProvider(props, accountId);
    this.roles = new DefenderForContainersAwsRoles(this, "roles", {
      ...props.rolesOptions,
      oidcProvider: this.oidcProvider,
      accountId,
      azureTenantId: props.azureTenantId,
      regions: props.regions,
      auditLogs,
      agentlessDiscovery: discovery,
      imageAssessment,
    });

    // Clusters of this app.
    const entries = discovery && (props.agentlessDiscoveryAccessEntries ?? true);
    const apiServerAccess = props.allowApiServerAccess ?? discovery;
    for (const c of clusters) {
      const cluster = c.source.cluster;
      if (!cluster) continue;
      if (auditLogs) enableEksAuditLogs(cluster);
      if (apiServerAccess) allowDefenderEksApiServerAccess(cluster);
      if (entries) this.checkAuthenticationMode(c);
    }

    // Access entries, one for_each resource per region; the connector waits for them.
    const dependencies: string[] = [];
    if (entries) {
      const regions = [...new Set(clusters.map((c) => c.region))].sort();
      const access: { [region: string]: EksAgentlessDiscoveryAccess } = {};
      for (const region of regions) {
        const inRegion = clusters.filter((c) => c.region === region);
        const grant = new EksAgentlessDiscoveryAccess(this, `discovery-access-${region}`, {
          ...props.agentlessDiscoveryAccessOptions,
          roleArn: this.roles.agentlessDiscoveryRoleArn!,
          // Literal names keep the for_each keys readable; the explicit dependency below orders
          // each entry after the clusters of this app.
          clusterNames: inRegion.map((c) => c.name),
          region,
          provider: awsProvider,
        });
        // depends_on takes bare addresses ("type.name"): dependable() renders them, `.fqn` would render "${…}".
        const ownClusters = inRegion.flatMap((c) => (c.source.cluster ? [dependable(c.source.cluster)] : []));
        if (ownClusters.length > 0) grant.accessEntry!.dependsOn = ownClusters;
        dependencies.push(dependable(grant.policyAssociation!));
        access[region] = grant;
      }
      this.agentlessDiscoveryAccess = access;
    }
    useProvider(this, awsProvider);

    // Azure side.
    this.connector = new AwsSecurityConnector(this, "connector", {
      ...props.connectorOptions,
      resourceGroupId: props.resourceGroupId,
      location: props.location,
      name: props.connectorName,
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
      provider: azapiProvider,
    });
    if (dependencies.length > 0) this.connector.resource.dependsOn = dependencies;

    // Sensors, one Helm release per cluster through its own helm provider.
    const needProvider = withSensor.filter((c) => c.source.options.helmProvider === undefined);
    if (needProvider.length > 0) {
      const byName = (list: ResolvedCluster[]) => Object.fromEntries(list.map((c) => [c.name, { name: c.name, region: c.region }]));
      const auth = TerraformIterator.fromMap(byName(needProvider));
      this.clusterAuth = new DataAwsEksClusterAuth(this, "cluster-auth", {
        forEach: auth,
        name: auth.getString("name"),
        region: auth.getString("region"),
        provider: awsProvider,
      });
      const existing = needProvider.filter((c) => !c.source.cluster);
      if (existing.length > 0) {
        const lookup = TerraformIterator.fromMap(byName(existing));
        this.existingClusters = new DataAwsEksCluster(this, "existing-clusters", {
          forEach: lookup,
          name: lookup.getString("name"),
          region: lookup.getString("region"),
          provider: awsProvider,
        });
      }
    }
    const helmProviders: { [clusterName: string]: HelmProvider } = {};
    const sensors: { [clusterName: string]: HelmDefenderSensor } = {};
    for (const c of withSensor) {
      let helm = c.source.options.helmProvider;
      if (helm === undefined) {
        helm = this.createHelmProvider(c);
        helmProviders[c.name] = helm as HelmProvider;
      }
      const sensor = new HelmDefenderSensor(this, `sensor-${c.name}`, {
        ...props.sensorOptions,
        connector: this.connector,
        cluster: SensorCluster.eks({ accountId, region: c.region, clusterName: c.name, autoMode: c.source.options.autoMode }),
        version: props.sensorVersion,
        provider: helm,
      });
      const waitFor = c.source.options.sensorDependsOn ?? [];
      if (waitFor.length > 0) sensor.release.dependsOn = waitFor.map((d) => dependable(d));
      sensors[c.name] = sensor;
    }
    this.helmProviders = helmProviders;
    this.sensors = sensors;
  }

  /** Validates `clusters` and resolves each one's region and sensor setting; sorted by name. */
  private resolveClusters(props: EksDefenderForContainersProps): ResolvedCluster[] {
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
      if (typeof c.clusterName !== "string" || isUnresolved(c.clusterName)) {
        invalidValue(this, `clusters[${i}].clusterName`, c.clusterName, "a literal EKS cluster name, because it keys for_each instances, construct IDs and the helm provider alias");
      }
      validateEksClusterName(this, `clusters[${i}].clusterName`, c.clusterName);
    });
    validateNonEmptyUnique(this, "clusters", list, (c) => c.clusterName, "EKS cluster");

    const resolved = list.map((c, index): ResolvedCluster => {
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
      checkProviderType(this, `clusters[${index}].helmProvider`, c.options.helmProvider, "helm");
      return { name: c.clusterName, region: clusterRegion, index, source: c, sensor: c.options.sensor ?? props.sensor ?? true };
    });
    // Sorted: construct order (and so the order of the helm provider blocks) does not depend on list order.
    return resolved.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private createOidcProvider(props: EksDefenderForContainersProps, accountId: string): IDefenderOidcProvider {
    if (props.oidcProviderArn === undefined) return new DefenderOidcProvider(this, "oidc-provider", props.oidcProviderOptions);
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

  /** Access entries need authentication mode `API` or `API_AND_CONFIG_MAP` on the cluster. */
  private checkAuthenticationMode(c: ResolvedCluster): void {
    const mode = c.source.cluster!.accessConfigInput?.authenticationMode;
    if (mode === undefined) {
      Annotations.of(this).addWarning(
        `Cluster ${c.name} does not set access_config.authentication_mode; the EKS API default is CONFIG_MAP, which takes no access entries. ` +
          "Set it to API_AND_CONFIG_MAP (or API); the change is one-way.",
      );
      return;
    }
    if (isUnresolved(mode) || EKS_ACCESS_ENTRY_AUTHENTICATION_MODES.includes(mode)) return;
    invalidValue(
      this,
      `clusters[${c.index}].cluster.accessConfig.authenticationMode`,
      mode,
      `one of ${EKS_ACCESS_ENTRY_AUTHENTICATION_MODES.join(", ")}, because the discovery role gets access entries`,
      "Set agentlessDiscoveryAccessEntries: false to map the role in aws-auth yourself (EksAgentlessDiscoveryAccess in CONFIG_MAP mode).",
    );
  }

  /** A helm provider for one cluster: endpoint and CA from the cluster (or its data source), token from `aws_eks_cluster_auth`. */
  private createHelmProvider(c: ResolvedCluster): HelmProvider {
    const cluster = c.source.cluster;
    const host = cluster ? cluster.endpoint : instanceAttribute(this.existingClusters!, c.name, "endpoint");
    const ca = cluster ? cluster.certificateAuthority.get(0).data : instanceAttribute(this.existingClusters!, c.name, "certificate_authority[0].data");
    return newHelmProvider(this, `helm-${c.name}`, {
      alias: `${aliasPrefix(this.node.id)}-${c.name}`,
      kubernetes: {
        host,
        clusterCaCertificate: Fn.base64decode(ca),
        token: instanceAttribute(this.clusterAuth!, c.name, "token"),
      },
    }, "EksDefenderForContainers (a helm provider per cluster for the sensor)");
  }
}

/**
 * `<address>["<key>"].<attribute>` of one instance of a `for_each` data source. cdktf's `Fn.lookupNested`
 * writes an identifier-like key as `.key`, which Terraform refuses on a `for_each` object ("Missing
 * resource instance key"), so the index is written out.
 */
function instanceAttribute(data: TerraformDataSource, key: string, attribute: string): string {
  return Token.asString(ref(`data.${data.terraformResourceType}.${data.friendlyUniqueId}[${JSON.stringify(key)}].${attribute}`, TerraformStack.of(data)));
}

/** A construct ID as the start of a provider alias (letters, digits, `_`, `-`; starting with a letter or `_`). */
function aliasPrefix(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_-]/g, "_");
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}
