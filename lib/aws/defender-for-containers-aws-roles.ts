import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AwsPartition, iamRoleArn, validateAwsPartition } from "../core/aws-arn";
import { validateAwsAccountId, validateAwsExternalId, validateAwsRegion, validateIamRoleName } from "../core/aws-identifiers";
import {
  AGENTLESS_DISCOVERY_ROLE_NAME_PREFIX,
  awsManagedPolicyArn,
  DefenderAudience,
  DefenderAwsActions,
  DefenderAwsPolicyName,
  DefenderAwsRoleName,
  DefenderAwsServicePrincipal,
  DEFENDER_PIPELINE_NAME_PATTERNS,
  ImageAssessmentManagedPolicy,
  LEGACY_DATA_COLLECTION_PRINCIPAL,
  LEGACY_PASS_ROLE_NAME_PATTERNS,
} from "../core/catalog";
import { DefenderValidationError, invalidValue } from "../core/errors";
import { isUnresolved, validateGuid, validateNonEmptyUnique, validatePattern } from "../core/validation";
import { IDefenderOidcProvider } from "./defender-oidc-provider";
import { policyDocument, PolicyStatement, serviceTrustStatement, webIdentityTrustStatement } from "./iam-policy-document";
import { checkProps } from "../core/check-props";

/** Which AWS managed ECR policies the image-assessment role gets. */
export enum AwsImageAssessmentAccess {
  /** `AmazonEC2ContainerRegistryPowerUser` + `AmazonElasticContainerRegistryPublicPowerUser` (Microsoft's default). */
  POWER_USER = "POWER_USER",
  /** `AmazonEC2ContainerRegistryReadOnly` + `AmazonElasticContainerRegistryPublicReadOnly` (the template's least-privilege option). */
  READ_ONLY = "READ_ONLY",
}

/** Props of {@link DefenderForContainersAwsRoles}. */
export interface DefenderForContainersAwsRolesProps {
  /** The OIDC provider for Defender's issuer: a {@link DefenderOidcProvider} or `DefenderOidcProvider.fromArn(...)`. */
  readonly oidcProvider: IDefenderOidcProvider;
  /**
   * The AWS account the roles are created in (12 digits). It scopes every resource pattern. A
   * literal keeps the policies reviewable; a `DataAwsCallerIdentity.accountId` token also works.
   */
  readonly accountId: string;
  /**
   * Your Azure (Entra) tenant ID — the tenant of the Azure subscription holding the security
   * connector, not Defender's. Defender assumes the roles with session name
   * `MicrosoftDefenderForClouds_<this>`, and the trust policies accept only that. Lower-cased,
   * the form Entra issues.
   */
  readonly azureTenantId: string;
  /**
   * Partition of the account, used in every ARN. A prop rather than `data "aws_partition"` so
   * the policies are literal at synth time.
   * @default AwsPartition.AWS
   */
  readonly partition?: AwsPartition;
  /**
   * Regions of the EKS clusters Defender protects. Regional resource patterns (log groups,
   * Firehose streams, SQS queues, EKS clusters) are limited to them. S3 and IAM ARNs have no region.
   * @default - every region (`*`), as Microsoft's template
   */
  readonly regions?: string[];
  /**
   * Audit-log collection: the Kubernetes role, the data-collection role and the CloudWatch→Kinesis
   * and Kinesis→S3 service roles (connector `kubernetesService`, `kubernetesDataCollection`,
   * `cloudWatchToKinesis`, `kinesisToS3`).
   * @default true
   */
  readonly auditLogs?: boolean;
  /**
   * Agentless discovery: `MDCContainersAgentlessDiscoveryK8sRole` (connector `mdcContainersAgentlessDiscoveryK8s`).
   * @default true
   */
  readonly agentlessDiscovery?: boolean;
  /**
   * Registry image assessment: `MDCContainersImageAssessmentRole` (connector `mdcContainersImageAssessment`).
   * @default true
   */
  readonly imageAssessment?: boolean;
  /**
   * Managed ECR policies of the image-assessment role.
   * @default AwsImageAssessmentAccess.POWER_USER
   */
  readonly imageAssessmentAccess?: AwsImageAssessmentAccess;
  /**
   * Also let the Kubernetes role pass roles named `azuredefender-*`, `msdefender-*` and
   * `DefenderForCloud-*`, as Microsoft's template does. The two service roles this construct
   * creates are always passable by their exact ARNs; the patterns only matter for pipelines
   * set up by an older onboarding. Turn off for the narrowest policy.
   * @default true
   */
  readonly includeLegacyPassRolePatterns?: boolean;
  /**
   * Also trust Defender's legacy (pre-OIDC) IAM user `arn:aws:iam::197857026523:user/azuredefender-eks`
   * on the data-collection role with this `sts:ExternalId` — the connector's `dataCollectionExternalId`.
   * Commercial partition only.
   * @default - no legacy trust
   */
  readonly dataCollectionExternalId?: string;
  /**
   * Name of the Kubernetes (audit-log) role.
   * @default "MDCContainersK8sRole"
   */
  readonly kubernetesRoleName?: string;
  /**
   * Name of the data-collection role.
   * @default "MDCContainersK8sDataCollectionRole"
   */
  readonly dataCollectionRoleName?: string;
  /**
   * Name of the CloudWatch→Kinesis service role.
   * @default "MDCContainersK8sCloudWatchToKinesisRole"
   */
  readonly cloudWatchToKinesisRoleName?: string;
  /**
   * Name of the Kinesis→S3 service role.
   * @default "MDCContainersK8sKinesisToS3Role"
   */
  readonly kinesisToS3RoleName?: string;
  /**
   * Name of the agentless-discovery role. Must start with `MDC` (MS-Docs).
   * @default "MDCContainersAgentlessDiscoveryK8sRole"
   */
  readonly agentlessDiscoveryRoleName?: string;
  /**
   * Name of the image-assessment role.
   * @default "MDCContainersImageAssessmentRole"
   */
  readonly imageAssessmentRoleName?: string;
  /**
   * Permissions boundary set on every role (organizations that require one).
   * @default - none
   */
  readonly permissionsBoundaryArn?: string;
  /**
   * Tags on every role.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * aws provider (alias) of the account: every role, policy and attachment.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

/** One role to create: its name prop, default name, audience or service trust, and policy. */
interface RoleSpec {
  readonly key: string;
  readonly nameProp: keyof DefenderForContainersAwsRolesProps;
  readonly name: string;
  readonly description: string;
  readonly trust: PolicyStatement[];
  readonly inlinePolicy?: { readonly name: string; readonly statements: PolicyStatement[] };
  /** AWS managed policies by a short key (part of the attachment's construct ID). */
  readonly managedPolicies?: Readonly<Record<string, string>>;
}

const MANAGED_POLICY_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::(?:\d{12}|aws):policy\/[\w+=,.@/-]{1,512}$/;

/**
 * The IAM roles the `DefenderForContainersAws` connector offering points at, with exactly the
 * permissions Microsoft documents (template `AwsOnboarding.tf` + MS-Docs containers-permissions),
 * scoped to this account (and optionally to `regions`):
 *
 * | role (default name) | trusted by | connector field |
 * |---|---|---|
 * | `MDCContainersK8sRole` | Defender, aud `api://6610e979-…` | `kubernetesService.cloudRoleArn` |
 * | `MDCContainersK8sDataCollectionRole` | Defender, aud `api://1462b192-…` | `kubernetesDataCollection.cloudRoleArn` |
 * | `MDCContainersK8sCloudWatchToKinesisRole` | `logs.amazonaws.com` | `cloudWatchToKinesis.cloudRoleArn` |
 * | `MDCContainersK8sKinesisToS3Role` | `firehose.amazonaws.com`, ExternalId = account | `kinesisToS3.cloudRoleArn` |
 * | `MDCContainersAgentlessDiscoveryK8sRole` | Defender, aud `api://6610e979-…` | `mdcContainersAgentlessDiscoveryK8s.cloudRoleArn` |
 * | `MDCContainersImageAssessmentRole` | Defender, aud `api://6610e979-…` | `mdcContainersImageAssessment.cloudRoleArn` |
 *
 * Permissions are inline role policies (`aws_iam_role_policy`) named like the template's managed
 * policies: nothing is shared between roles, and nothing outlives its role. Roles of a capability
 * that is turned off are not emitted, and their ARN properties are undefined.
 */
export class DefenderForContainersAwsRoles extends Construct {
  /** ARN of the Kubernetes (audit-log) role; undefined when `auditLogs` is off. */
  public readonly kubernetesRoleArn?: string;
  /** ARN of the data-collection role; undefined when `auditLogs` is off. */
  public readonly dataCollectionRoleArn?: string;
  /** ARN of the CloudWatch→Kinesis role; undefined when `auditLogs` is off. */
  public readonly cloudWatchToKinesisRoleArn?: string;
  /** ARN of the Kinesis→S3 role; undefined when `auditLogs` is off. */
  public readonly kinesisToS3RoleArn?: string;
  /** ARN of the agentless-discovery role (give it EKS access with `EksAgentlessDiscoveryAccess`); undefined when off. */
  public readonly agentlessDiscoveryRoleArn?: string;
  /** ARN of the image-assessment role; undefined when `imageAssessment` is off. */
  public readonly imageAssessmentRoleArn?: string;
  /** Every role created, in emission order. */
  public readonly roles: IamRole[] = [];
  /** The partition the ARNs were built for. */
  public readonly partition: AwsPartition;

  constructor(scope: Construct, id: string, props: DefenderForContainersAwsRolesProps) {
    super(scope, id);
    checkProps(this, props, "DefenderForContainersAwsRolesProps");
    const accountId = validateAwsAccountId(this, "accountId", props.accountId);
    const tenantId = validateGuid(this, "azureTenantId", props.azureTenantId);
    const azureTenantId = isUnresolved(tenantId) ? tenantId : tenantId.toLowerCase();
    this.partition = validateAwsPartition(this, "partition", props.partition ?? AwsPartition.AWS);
    const regions = this.validateRegions(props.regions);
    if (props.permissionsBoundaryArn !== undefined) validatePattern(this, "permissionsBoundaryArn", props.permissionsBoundaryArn, MANAGED_POLICY_ARN, "a managed policy ARN such as arn:aws:iam::123456789012:policy/name");

    const auditLogs = props.auditLogs ?? true;
    const discovery = props.agentlessDiscovery ?? true;
    const imageAssessment = props.imageAssessment ?? true;
    if (!auditLogs && !discovery && !imageAssessment) {
      throw new DefenderValidationError(
        this,
        "auditLogs, agentlessDiscovery, imageAssessment: got false for all three; expected at least one capability on (otherwise remove the construct).",
      );
    }
    this.checkAudiences(props.oidcProvider, auditLogs, discovery || imageAssessment);

    const p = this.partition;
    const names = {
      kubernetes: props.kubernetesRoleName ?? DefenderAwsRoleName.KUBERNETES,
      dataCollection: props.dataCollectionRoleName ?? DefenderAwsRoleName.DATA_COLLECTION,
      cloudWatchToKinesis: props.cloudWatchToKinesisRoleName ?? DefenderAwsRoleName.CLOUDWATCH_TO_KINESIS,
      kinesisToS3: props.kinesisToS3RoleName ?? DefenderAwsRoleName.KINESIS_TO_S3,
      agentlessDiscovery: props.agentlessDiscoveryRoleName ?? DefenderAwsRoleName.AGENTLESS_DISCOVERY,
      imageAssessment: props.imageAssessmentRoleName ?? DefenderAwsRoleName.IMAGE_ASSESSMENT,
    };
    const regional = (service: string, resources: readonly string[]): string[] =>
      regions.flatMap((region) => resources.map((resource) => `arn:${p}:${service}:${region}:${accountId}:${resource}`));
    const firehose = regional("firehose", DEFENDER_PIPELINE_NAME_PATTERNS.map((pattern) => `deliverystream/${pattern}`));
    const sqs = regional("sqs", DEFENDER_PIPELINE_NAME_PATTERNS);
    const s3 = DEFENDER_PIPELINE_NAME_PATTERNS.map((pattern) => `arn:${p}:s3:::${pattern}`);
    // The template's `arn:aws:eks:*:<acct>:*`: clusters and their access entries.
    const eks = regional("eks", ["*"]);
    const webIdentity = (audience: string) => [webIdentityTrustStatement("DefenderWebIdentity", props.oidcProvider.arn, audience, azureTenantId)];

    const specs: RoleSpec[] = [];
    if (auditLogs) {
      const passRole = [
        // The subscription filter is created with the CloudWatch→Kinesis role and the Firehose
        // stream with the Kinesis→S3 role; the Kubernetes role must pass both. The template's
        // name patterns do not match the current MDC… names (facts §B, UNCONFIRMED), so the
        // exact ARNs are always granted and the patterns kept only on request.
        iamRoleArn(p, accountId, names.cloudWatchToKinesis),
        iamRoleArn(p, accountId, names.kinesisToS3),
        ...(props.includeLegacyPassRolePatterns ?? true ? LEGACY_PASS_ROLE_NAME_PATTERNS.map((pattern) => iamRoleArn(p, accountId, pattern)) : []),
      ];
      specs.push(
        {
          key: "kubernetes",
          nameProp: "kubernetesRoleName",
          name: names.kubernetes,
          description: "Microsoft Defender for Cloud - Defender for Containers Kubernetes role (EKS audit logs)",
          trust: webIdentity(DefenderAudience.CONTAINERS),
          inlinePolicy: {
            name: DefenderAwsPolicyName.KUBERNETES,
            statements: [
              allow("CloudWatchLogSubscription", DefenderAwsActions.KUBERNETES_LOGS, regional("logs", ["log-group:*:*"])),
              // Documented wildcard: firehose:* on Defender's streams only.
              allow("DefenderFirehoseStreams", DefenderAwsActions.FIREHOSE_ALL, firehose),
              allow("PassPipelineRoles", DefenderAwsActions.PASS_ROLE, passRole),
              allow("EksAuditLogging", DefenderAwsActions.KUBERNETES_EKS, eks),
              allow("EksAccessEntries", DefenderAwsActions.EKS_ACCESS_ENTRIES, eks),
              // Documented wildcards: sqs:* and s3:* on Defender's queues and buckets only.
              allow("DefenderQueues", DefenderAwsActions.SQS_ALL, sqs),
              allow("DefenderBuckets", DefenderAwsActions.S3_ALL, s3),
            ],
          },
        },
        {
          key: "data-collection",
          nameProp: "dataCollectionRoleName",
          name: names.dataCollection,
          description: "Microsoft Defender for Cloud - Defender for Containers data collection role",
          trust: [...webIdentity(DefenderAudience.CONTAINERS_DATA_COLLECTION_AWS), ...this.legacyDataCollectionTrust(props.dataCollectionExternalId)],
          inlinePolicy: {
            name: DefenderAwsPolicyName.DATA_COLLECTION,
            statements: [
              allow("ReadDefenderQueues", DefenderAwsActions.DATA_COLLECTION_SQS, sqs),
              allow("ReadDefenderBuckets", DefenderAwsActions.DATA_COLLECTION_S3, s3),
            ],
          },
        },
        {
          key: "cloudwatch-to-kinesis",
          nameProp: "cloudWatchToKinesisRoleName",
          name: names.cloudWatchToKinesis,
          description: "Microsoft Defender for Cloud - CloudWatch Logs to Kinesis Data Firehose",
          trust: [serviceTrustStatement("CloudWatchLogs", DefenderAwsServicePrincipal.CLOUDWATCH_LOGS)],
          // Documented wildcard: firehose:* on Defender's streams only.
          inlinePolicy: { name: DefenderAwsPolicyName.CLOUDWATCH_TO_KINESIS, statements: [allow("DefenderFirehoseStreams", DefenderAwsActions.FIREHOSE_ALL, firehose)] },
        },
        {
          key: "kinesis-to-s3",
          nameProp: "kinesisToS3RoleName",
          name: names.kinesisToS3,
          description: "Microsoft Defender for Cloud - Kinesis Data Firehose to S3",
          trust: [serviceTrustStatement("Firehose", DefenderAwsServicePrincipal.FIREHOSE, accountId)],
          inlinePolicy: { name: DefenderAwsPolicyName.KINESIS_TO_S3, statements: [allow("WriteDefenderBuckets", DefenderAwsActions.KINESIS_TO_S3, s3)] },
        },
      );
    }
    if (discovery) {
      specs.push({
        key: "agentless-discovery",
        nameProp: "agentlessDiscoveryRoleName",
        name: names.agentlessDiscovery,
        description: "Microsoft Defender for Cloud - Containers agentless discovery for Kubernetes",
        trust: webIdentity(DefenderAudience.CONTAINERS),
        inlinePolicy: {
          name: DefenderAwsPolicyName.AGENTLESS_DISCOVERY,
          statements: [
            allow("EksClusterConfig", DefenderAwsActions.AGENTLESS_DISCOVERY_EKS, eks),
            allow("EksAccessEntries", DefenderAwsActions.EKS_ACCESS_ENTRIES, eks),
          ],
        },
      });
    }
    if (imageAssessment) {
      const access = props.imageAssessmentAccess ?? AwsImageAssessmentAccess.POWER_USER;
      if (!Object.values(AwsImageAssessmentAccess).includes(access)) {
        invalidValue(this, "imageAssessmentAccess", access, `one of ${Object.values(AwsImageAssessmentAccess).join(", ")}`);
      }
      specs.push({
        key: "image-assessment",
        nameProp: "imageAssessmentRoleName",
        name: names.imageAssessment,
        description: "Microsoft Defender for Cloud - Containers image assessment",
        trust: webIdentity(DefenderAudience.CONTAINERS),
        managedPolicies: Object.fromEntries(Object.entries(ImageAssessmentManagedPolicy[access]).map(([key, name]) => [key, awsManagedPolicyArn(p, name)])),
      });
    }

    this.validateRoleNames(specs);
    const arns = new Map<string, string>();
    for (const spec of specs) arns.set(spec.key, this.createRole(spec, props).arn);
    this.kubernetesRoleArn = arns.get("kubernetes");
    this.dataCollectionRoleArn = arns.get("data-collection");
    this.cloudWatchToKinesisRoleArn = arns.get("cloudwatch-to-kinesis");
    this.kinesisToS3RoleArn = arns.get("kinesis-to-s3");
    this.agentlessDiscoveryRoleArn = arns.get("agentless-discovery");
    this.imageAssessmentRoleArn = arns.get("image-assessment");
  }

  private createRole(spec: RoleSpec, props: DefenderForContainersAwsRolesProps): IamRole {
    const role = new IamRole(this, `${spec.key}-role`, {
      name: spec.name,
      description: spec.description,
      assumeRolePolicy: policyDocument(spec.trust),
      permissionsBoundary: props.permissionsBoundaryArn,
      tags: props.tags,
      provider: props.provider,
    });
    this.roles.push(role);
    if (spec.inlinePolicy) {
      new IamRolePolicy(this, `${spec.key}-policy`, {
        role: role.name,
        name: spec.inlinePolicy.name,
        policy: policyDocument(spec.inlinePolicy.statements),
        provider: props.provider,
      });
    }
    // One attachment per policy (not `managed_policy_arns`, which is exclusive and deprecated).
    // Keyed IDs, so switching imageAssessmentAccess changes policy_arn in place of the addresses.
    for (const [key, policyArn] of Object.entries(spec.managedPolicies ?? {})) {
      new IamRolePolicyAttachment(this, `${spec.key}-${key}`, { role: role.name, policyArn, provider: props.provider });
    }
    return role;
  }

  private validateRegions(regions: string[] | undefined): readonly string[] {
    if (regions === undefined) return ["*"];
    validateNonEmptyUnique(this, "regions", regions, (region) => region, "region");
    regions.forEach((region, i) => validateAwsRegion(this, `regions[${i}]`, region));
    // Sorted: the policy text does not depend on the order regions were listed in.
    return [...regions].sort();
  }

  private validateRoleNames(specs: readonly RoleSpec[]): void {
    const seen = new Map<string, string>();
    for (const spec of specs) {
      validateIamRoleName(this, spec.nameProp, spec.name);
      if (isUnresolved(spec.name)) continue;
      if (spec.key === "agentless-discovery" && !spec.name.startsWith(AGENTLESS_DISCOVERY_ROLE_NAME_PREFIX)) {
        invalidValue(
          this,
          spec.nameProp,
          spec.name,
          `a role name starting with "${AGENTLESS_DISCOVERY_ROLE_NAME_PREFIX}"`,
          "Microsoft requires the agentless-discovery role name to start with MDC.",
        );
      }
      const other = seen.get(spec.name.toLowerCase());
      // IAM role names are unique case-insensitively within an account.
      if (other) invalidValue(this, spec.nameProp, spec.name, "a name no other Defender role uses", `${other} has the same name.`);
      seen.set(spec.name.toLowerCase(), spec.nameProp);
    }
  }

  private legacyDataCollectionTrust(externalId: string | undefined): PolicyStatement[] {
    if (externalId === undefined) return [];
    validateAwsExternalId(this, "dataCollectionExternalId", externalId);
    if (this.partition !== AwsPartition.AWS) {
      invalidValue(this, "dataCollectionExternalId", externalId, `no legacy trust in partition "${this.partition}"`, "Defender's legacy IAM user exists in the commercial partition only.");
    }
    return [
      {
        Sid: "DefenderLegacyDataCollection",
        Effect: "Allow",
        Principal: { AWS: LEGACY_DATA_COLLECTION_PRINCIPAL },
        Action: ["sts:AssumeRole"],
        Condition: { StringEquals: { "sts:ExternalId": externalId } },
      },
    ];
  }

  /** When the provider's client IDs are known, each enabled role's audience must be among them. */
  private checkAudiences(provider: IDefenderOidcProvider, auditLogs: boolean, containersAudience: boolean): void {
    const known = provider.clientIds;
    if (!known || known.some(isUnresolved)) return;
    const needed = [
      ...(auditLogs || containersAudience ? [DefenderAudience.CONTAINERS] : []),
      ...(auditLogs ? [DefenderAudience.CONTAINERS_DATA_COLLECTION_AWS] : []),
    ];
    const missing = needed.filter((audience) => !known.includes(audience));
    if (missing.length > 0) {
      invalidValue(
        this,
        "oidcProvider",
        known,
        `an OIDC provider whose client IDs include ${missing.join(" and ")}`,
        "IAM rejects Defender's tokens for an audience the provider does not list.",
      );
    }
  }
}

function allow(sid: string, actions: readonly string[], resources: readonly string[]): PolicyStatement {
  return { Sid: sid, Effect: "Allow", Action: [...actions], Resource: [...resources] };
}
