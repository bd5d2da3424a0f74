import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { prepareStackSkippingLocalReferences } from "../core/private/prepare-stack";
import { EksDefenderCluster, EksDefenderForContainers } from "../patterns";
import { placeConnector } from "./connector-placement";
import { configureEstateBackend } from "./estate-backend";
import { EstateAwsAccount, EstateDescription } from "./estate-schema";

/** Props of {@link DefenderAwsAccountStack}. */
export interface DefenderAwsAccountStackProps {
  /** The account's entry in the estate file. */
  readonly account: EstateAwsAccount;
  /** The whole estate (defaults, and the subscription hosting the connector). */
  readonly description: EstateDescription;
}

/**
 * One AWS account of an estate, in its own Terraform state: the OIDC provider, Defender's roles,
 * EKS access entries, the Azure security connector (in the subscription the file names) and the
 * sensor on each listed EKS cluster, through {@link EksDefenderForContainers}. The aws provider
 * assumes the file's `assumeRoleArn`, so one pipeline identity can reach every account.
 */
export class DefenderAwsAccountStack extends TerraformStack {
  /** The aws provider, configured for this account's home region. */
  public readonly aws: AwsProvider;
  /** The EKS pattern. */
  public readonly eks: EksDefenderForContainers;

  constructor(scope: Construct, id: string, props: DefenderAwsAccountStackProps) {
    super(scope, id);
    const { account, description } = props;
    configureEstateBackend(this, account.backend ?? description.defaults.backend, { stack: id, kind: "aws", name: account.name });
    this.aws = new AwsProvider(this, "aws", {
      region: account.region,
      allowedAccountIds: [account.accountId],
      assumeRole: account.assumeRoleArn ? [{ roleArn: account.assumeRoleArn, sessionName: "defender-for-containers" }] : undefined,
    });
    const connector = placeConnector(this, account.connector, description);
    const regions = [...new Set([account.region, ...account.clusters.map((c) => c.region ?? account.region)])].sort();
    this.eks = new EksDefenderForContainers(this, "eks", {
      accountId: account.accountId,
      azureTenantId: description.defaults.tenantId,
      region: account.region,
      regions,
      connectorResourceGroupId: connector.resourceGroupId,
      connectorLocation: connector.location,
      connectorName: connector.name,
      clusters: account.clusters.map((cluster) => EksDefenderCluster.fromName(cluster.name, { region: cluster.region })),
      oidcProviderArn: account.existingOidcProviderArn,
      awsProvider: this.aws,
      azapiProvider: connector.azapi,
    });
  }

  /** What cdktf's `prepareStack()` does, without resolving the references that stay in this stack (same output, less work). */
  public prepareStack(): void {
    if (!prepareStackSkippingLocalReferences(this)) super.prepareStack();
  }
}
