import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Token } from "cdktf";
import { DefenderOidcProvider, AwsImageAssessmentAccess } from "../../lib/aws";
import { AwsPartition } from "../../lib/core";
import { awsStack, resourcesOf, synthesizeIn } from "../util";
import { ACCOUNT, defenderRoles, inlinePolicyOf, PROVIDER_ARN, rolesByName, TENANT, trustOf } from "./fixtures";

const ISSUER_KEY = "sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/:aud";
const CONTAINERS_AUD = "api://6610e979-c931-41ec-adc7-b9920c9d52f1";
const DATA_COLLECTION_AUD = "api://1462b192-27f7-4cb9-8523-0f4ecb54b47e";
const SESSION = `MicrosoftDefenderForClouds_${TENANT}`;
const PIPELINE = ["azuredefender-*", "ms-defender-*"];

const synthRoles = (props: Parameters<typeof defenderRoles>[1] = {}) => synthesizeIn(awsStack, (stack) => defenderRoles(stack, props));
const actionsOf = (policy: any): string[] => policy.Statement.flatMap((s: any) => s.Action);
const statement = (policy: any, sid: string) => policy.Statement.find((s: any) => s.Sid === sid);

describe("DefenderForContainersAwsRoles", () => {
  test("provider: every role, inline policy and attachment uses the given aws provider (alias)", () => {
    const synth = synthesizeIn(awsStack, (stack) => {
      const security = new AwsProvider(stack, "aws-security", { region: "eu-west-1", alias: "security" });
      defenderRoles(stack, { provider: security, oidcProvider: DefenderOidcProvider.fromArn(stack, "oidc", { arn: PROVIDER_ARN }) });
    });
    const types = ["aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment"];
    for (const type of types) {
      const all = Object.values<any>(resourcesOf(synth, type));
      expect(all.length).toBeGreaterThan(0);
      for (const body of all) expect({ type, provider: body.provider }).toEqual({ type, provider: "aws.security" });
    }
  });

  const synth = synthRoles();

  test("creates the six roles with Microsoft's current names", () => {
    expect(Object.keys(rolesByName(synth)).sort()).toEqual([
      "MDCContainersAgentlessDiscoveryK8sRole",
      "MDCContainersImageAssessmentRole",
      "MDCContainersK8sCloudWatchToKinesisRole",
      "MDCContainersK8sDataCollectionRole",
      "MDCContainersK8sKinesisToS3Role",
      "MDCContainersK8sRole",
    ]);
    expect(Object.values(resourcesOf(synth, "aws_iam_role_policy")).map((p: any) => p.name).sort()).toEqual([
      "AzureDefenderKubernetesScubaReader",
      "MDCContainersAgentlessDiscoveryK8sPolicy",
      "SecurityCenterCloudWatchToKinesis",
      "SecurityCenterKinesisToS3Policy",
      "SecurityCenterKubernetesPolicy",
    ]);
  });

  test.each([
    ["MDCContainersK8sRole", CONTAINERS_AUD],
    ["MDCContainersK8sDataCollectionRole", DATA_COLLECTION_AUD],
    ["MDCContainersAgentlessDiscoveryK8sRole", CONTAINERS_AUD],
    ["MDCContainersImageAssessmentRole", CONTAINERS_AUD],
  ])("%s trusts Defender's web identity with audience %s and the tenant's session name", (name, audience) => {
    expect(trustOf(synth, name).Statement).toEqual([
      {
        Sid: "DefenderWebIdentity",
        Effect: "Allow",
        Principal: { Federated: expect.stringMatching(/^\$\{aws_iam_openid_connect_provider\.oidc_provider_[0-9A-F]+\.arn\}$/) },
        Action: ["sts:AssumeRoleWithWebIdentity"],
        Condition: { StringEquals: { [ISSUER_KEY]: audience, "sts:RoleSessionName": SESSION } },
      },
    ]);
  });

  test("the service roles trust CloudWatch Logs and Firehose (with the account as external ID)", () => {
    expect(trustOf(synth, "MDCContainersK8sCloudWatchToKinesisRole").Statement).toEqual([
      { Sid: "CloudWatchLogs", Effect: "Allow", Principal: { Service: "logs.amazonaws.com" }, Action: ["sts:AssumeRole"] },
    ]);
    expect(trustOf(synth, "MDCContainersK8sKinesisToS3Role").Statement).toEqual([
      {
        Sid: "Firehose",
        Effect: "Allow",
        Principal: { Service: "firehose.amazonaws.com" },
        Action: ["sts:AssumeRole"],
        Condition: { StringEquals: { "sts:ExternalId": ACCOUNT } },
      },
    ]);
  });

  test("the Kubernetes role has exactly the documented statements, scoped to the account", () => {
    expect(inlinePolicyOf(synth, "kubernetes")).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "CloudWatchLogSubscription",
          Effect: "Allow",
          Action: ["logs:PutSubscriptionFilter", "logs:DescribeSubscriptionFilters", "logs:DescribeLogGroups", "logs:PutRetentionPolicy"],
          Resource: [`arn:aws:logs:*:${ACCOUNT}:log-group:*:*`],
        },
        { Sid: "DefenderFirehoseStreams", Effect: "Allow", Action: ["firehose:*"], Resource: PIPELINE.map((p) => `arn:aws:firehose:*:${ACCOUNT}:deliverystream/${p}`) },
        {
          Sid: "PassPipelineRoles",
          Effect: "Allow",
          Action: ["iam:PassRole"],
          Resource: [
            `arn:aws:iam::${ACCOUNT}:role/MDCContainersK8sCloudWatchToKinesisRole`,
            `arn:aws:iam::${ACCOUNT}:role/MDCContainersK8sKinesisToS3Role`,
            `arn:aws:iam::${ACCOUNT}:role/azuredefender-*`,
            `arn:aws:iam::${ACCOUNT}:role/msdefender-*`,
            `arn:aws:iam::${ACCOUNT}:role/DefenderForCloud-*`,
          ],
        },
        { Sid: "EksAuditLogging", Effect: "Allow", Action: ["eks:UpdateClusterConfig", "eks:DescribeCluster"], Resource: [`arn:aws:eks:*:${ACCOUNT}:*`] },
        {
          Sid: "EksAccessEntries",
          Effect: "Allow",
          Action: ["eks:CreateAccessEntry", "eks:ListAccessEntries", "eks:AssociateAccessPolicy", "eks:ListAssociatedAccessPolicies"],
          Resource: [`arn:aws:eks:*:${ACCOUNT}:*`],
        },
        { Sid: "DefenderQueues", Effect: "Allow", Action: ["sqs:*"], Resource: PIPELINE.map((p) => `arn:aws:sqs:*:${ACCOUNT}:${p}`) },
        { Sid: "DefenderBuckets", Effect: "Allow", Action: ["s3:*"], Resource: PIPELINE.map((p) => `arn:aws:s3:::${p}`) },
      ],
    });
  });

  test("the other roles have exactly their documented actions", () => {
    expect(inlinePolicyOf(synth, "data-collection").Statement).toEqual([
      { Sid: "ReadDefenderQueues", Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource: PIPELINE.map((p) => `arn:aws:sqs:*:${ACCOUNT}:${p}`) },
      { Sid: "ReadDefenderBuckets", Effect: "Allow", Action: ["s3:GetObject", "s3:GetBucketLocation"], Resource: PIPELINE.map((p) => `arn:aws:s3:::${p}`) },
    ]);
    expect(actionsOf(inlinePolicyOf(synth, "cloudwatch-to-kinesis"))).toEqual(["firehose:*"]);
    expect(actionsOf(inlinePolicyOf(synth, "kinesis-to-s3"))).toEqual([
      "s3:AbortMultipartUpload",
      "s3:GetBucketLocation",
      "s3:GetObject",
      "s3:ListBucket",
      "s3:ListBucketMultipartUploads",
      "s3:PutObject",
    ]);
    expect(inlinePolicyOf(synth, "agentless-discovery").Statement).toEqual([
      { Sid: "EksClusterConfig", Effect: "Allow", Action: ["eks:UpdateClusterConfig", "eks:DescribeCluster"], Resource: [`arn:aws:eks:*:${ACCOUNT}:*`] },
      {
        Sid: "EksAccessEntries",
        Effect: "Allow",
        Action: ["eks:CreateAccessEntry", "eks:ListAccessEntries", "eks:AssociateAccessPolicy", "eks:ListAssociatedAccessPolicies"],
        Resource: [`arn:aws:eks:*:${ACCOUNT}:*`],
      },
    ]);
  });

  test("wildcard actions are only Microsoft's firehose:*, sqs:* and s3:*, and only on Defender's name patterns", () => {
    const statements = Object.values(resourcesOf(synth, "aws_iam_role_policy")).flatMap((p: any) => JSON.parse(p.policy).Statement);
    const wildcards = statements.filter((s: any) => s.Action.some((a: string) => a.includes("*")));
    expect([...new Set(wildcards.flatMap((s: any) => s.Action))].sort()).toEqual(["firehose:*", "s3:*", "sqs:*"]);
    for (const s of wildcards) {
      expect(s.Action).toHaveLength(1);
      for (const resource of s.Resource) expect(resource).toMatch(/(?::|\/)(azuredefender|ms-defender)-\*$/);
    }
  });

  test("no statement grants every resource, and regional resources carry the account ID", () => {
    const statements = Object.values(resourcesOf(synth, "aws_iam_role_policy")).flatMap((p: any) => JSON.parse(p.policy).Statement);
    for (const resource of statements.flatMap((s: any) => s.Resource)) {
      expect(resource).not.toBe("*");
      expect(resource).toMatch(resource.startsWith("arn:aws:s3:::") ? /^arn:aws:s3:::(azuredefender|ms-defender)-\*$/ : new RegExp(`^arn:aws:[a-z]+:\\*?:${ACCOUNT}:`));
    }
  });

  test("image assessment gets the ECR PowerUser policies by default and the ReadOnly ones on request", () => {
    const arns = (s: any) => Object.values(resourcesOf(s, "aws_iam_role_policy_attachment")).map((a: any) => a.policy_arn).sort();
    expect(arns(synth)).toEqual([
      "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser",
      "arn:aws:iam::aws:policy/AmazonElasticContainerRegistryPublicPowerUser",
    ]);
    expect(arns(synthRoles({ imageAssessmentAccess: AwsImageAssessmentAccess.READ_ONLY }))).toEqual([
      "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
      "arn:aws:iam::aws:policy/AmazonElasticContainerRegistryPublicReadOnly",
    ]);
  });

  test("exposes every role ARN", () => {
    synthesizeIn(awsStack, (stack) => {
      const roles = defenderRoles(stack);
      for (const arn of [
        roles.kubernetesRoleArn,
        roles.dataCollectionRoleArn,
        roles.cloudWatchToKinesisRoleArn,
        roles.kinesisToS3RoleArn,
        roles.agentlessDiscoveryRoleArn,
        roles.imageAssessmentRoleArn,
      ]) {
        expect(Token.isUnresolved(arn)).toBe(true);
      }
      expect(roles.roles).toHaveLength(6);
    });
  });

  describe("options", () => {
    test("turned-off capabilities emit no roles and leave their ARNs undefined", () => {
      let arns: (string | undefined)[] = [];
      const s = synthesizeIn(awsStack, (stack) => {
        const roles = defenderRoles(stack, { auditLogs: false, imageAssessment: false });
        arns = [roles.kubernetesRoleArn, roles.dataCollectionRoleArn, roles.cloudWatchToKinesisRoleArn, roles.kinesisToS3RoleArn, roles.imageAssessmentRoleArn, roles.agentlessDiscoveryRoleArn];
      });
      expect(Object.keys(rolesByName(s))).toEqual(["MDCContainersAgentlessDiscoveryK8sRole"]);
      expect(resourcesOf(s, "aws_iam_role_policy_attachment")).toEqual({});
      expect(arns.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
      expect(arns[5]).toBeDefined();
    });

    test("agentless discovery off leaves the audit-log and image roles", () => {
      expect(Object.keys(rolesByName(synthRoles({ agentlessDiscovery: false })))).not.toContain("MDCContainersAgentlessDiscoveryK8sRole");
      expect(Object.keys(rolesByName(synthRoles({ agentlessDiscovery: false })))).toHaveLength(5);
    });

    test("regions limit the regional resource patterns, sorted", () => {
      const s = synthRoles({ regions: ["us-west-2", "eu-west-1"] });
      expect(statement(inlinePolicyOf(s, "kubernetes"), "CloudWatchLogSubscription").Resource).toEqual([
        `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:*:*`,
        `arn:aws:logs:us-west-2:${ACCOUNT}:log-group:*:*`,
      ]);
      expect(statement(inlinePolicyOf(s, "agentless-discovery"), "EksClusterConfig").Resource).toEqual([
        `arn:aws:eks:eu-west-1:${ACCOUNT}:*`,
        `arn:aws:eks:us-west-2:${ACCOUNT}:*`,
      ]);
      expect(statement(inlinePolicyOf(s, "data-collection"), "ReadDefenderQueues").Resource).toEqual([
        `arn:aws:sqs:eu-west-1:${ACCOUNT}:azuredefender-*`,
        `arn:aws:sqs:eu-west-1:${ACCOUNT}:ms-defender-*`,
        `arn:aws:sqs:us-west-2:${ACCOUNT}:azuredefender-*`,
        `arn:aws:sqs:us-west-2:${ACCOUNT}:ms-defender-*`,
      ]);
      // S3 ARNs have no region.
      expect(statement(inlinePolicyOf(s, "data-collection"), "ReadDefenderBuckets").Resource).toEqual(PIPELINE.map((p) => `arn:aws:s3:::${p}`));
    });

    test("the partition is used in every ARN", () => {
      const s = synthRoles({ partition: AwsPartition.AWS_US_GOV, oidcProvider: DefenderOidcProvider.fromArn(awsStack(), "x", { arn: PROVIDER_ARN.replace("arn:aws:", "arn:aws-us-gov:") }) });
      const statements = Object.values(resourcesOf(s, "aws_iam_role_policy")).flatMap((p: any) => JSON.parse(p.policy).Statement);
      for (const resource of statements.flatMap((st: any) => st.Resource)) expect(resource).toMatch(/^arn:aws-us-gov:/);
      for (const attachment of Object.values(resourcesOf(s, "aws_iam_role_policy_attachment"))) {
        expect((attachment as any).policy_arn).toMatch(/^arn:aws-us-gov:iam::aws:policy\//);
      }
      expect(trustOf(s, "MDCContainersK8sRole").Statement[0].Principal.Federated).toBe(PROVIDER_ARN.replace("arn:aws:", "arn:aws-us-gov:"));
    });

    test("renamed service roles are what the Kubernetes role may pass; legacy patterns can be dropped", () => {
      const s = synthRoles({ cloudWatchToKinesisRoleName: "team-cw2k", kinesisToS3RoleName: "team-k2s3", includeLegacyPassRolePatterns: false });
      expect(statement(inlinePolicyOf(s, "kubernetes"), "PassPipelineRoles").Resource).toEqual([
        `arn:aws:iam::${ACCOUNT}:role/team-cw2k`,
        `arn:aws:iam::${ACCOUNT}:role/team-k2s3`,
      ]);
      expect(Object.keys(rolesByName(s))).toEqual(expect.arrayContaining(["team-cw2k", "team-k2s3"]));
    });

    test("role names are overridable", () => {
      const s = synthRoles({ kubernetesRoleName: "DefenderForCloud-Containers-K8s", agentlessDiscoveryRoleName: "MDCDiscovery", imageAssessmentRoleName: "img", dataCollectionRoleName: "dc" });
      expect(Object.keys(rolesByName(s))).toEqual(expect.arrayContaining(["DefenderForCloud-Containers-K8s", "MDCDiscovery", "img", "dc"]));
    });

    test("dataCollectionExternalId adds the legacy trust of Defender's IAM user", () => {
      expect(trustOf(synthRoles({ dataCollectionExternalId: "b6d36db8-eda7-4617-9d4f-41149b899dc7" }), "MDCContainersK8sDataCollectionRole").Statement[1]).toEqual({
        Sid: "DefenderLegacyDataCollection",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::197857026523:user/azuredefender-eks" },
        Action: ["sts:AssumeRole"],
        Condition: { StringEquals: { "sts:ExternalId": "b6d36db8-eda7-4617-9d4f-41149b899dc7" } },
      });
      expect(trustOf(synth, "MDCContainersK8sDataCollectionRole").Statement).toHaveLength(1);
    });

    test("permissions boundary and tags go on every role", () => {
      const boundary = `arn:aws:iam::${ACCOUNT}:policy/boundary`;
      for (const role of Object.values(rolesByName(synthRoles({ permissionsBoundaryArn: boundary, tags: { team: "sec" } })))) {
        expect(role.permissions_boundary).toBe(boundary);
        expect(role.tags).toEqual({ team: "sec" });
      }
    });

    test("the tenant ID is lower-cased in the session name", () => {
      expect(trustOf(synthRoles({ azureTenantId: TENANT.toUpperCase() }), "MDCContainersK8sRole").Statement[0].Condition.StringEquals["sts:RoleSessionName"]).toBe(SESSION);
    });

    test("an account ID token passes through into the patterns", () => {
      const s = synthesizeIn(awsStack, (stack) => defenderRoles(stack, { accountId: new DataAwsCallerIdentity(stack, "me").accountId }));
      expect(statement(inlinePolicyOf(s, "agentless-discovery"), "EksClusterConfig").Resource).toEqual([
        expect.stringMatching(/^arn:aws:eks:\*:\$\{data\.aws_caller_identity\.me\.account_id\}:\*$/),
      ]);
    });

    test("a provider referenced by ARN is trusted as given", () => {
      const s = synthesizeIn(awsStack, (stack) => defenderRoles(stack, { oidcProvider: DefenderOidcProvider.fromArn(stack, "oidc", { arn: PROVIDER_ARN }) }));
      expect(resourcesOf(s, "aws_iam_openid_connect_provider")).toEqual({});
      expect(trustOf(s, "MDCContainersK8sRole").Statement[0].Principal.Federated).toBe(PROVIDER_ARN);
    });

    test("two synths are byte-identical", () => {
      expect(JSON.stringify(synthRoles({ regions: ["us-east-1", "eu-west-1"] }))).toBe(JSON.stringify(synthRoles({ regions: ["eu-west-1", "us-east-1"] })));
    });
  });

  describe("validation", () => {
    const build = (props: Parameters<typeof defenderRoles>[1]) => () => synthRoles(props);

    test("a bad account ID", () => {
      expect(build({ accountId: "12345" })).toThrow('[test/roles] accountId: got "12345"; expected a 12-digit AWS account ID');
    });

    test("a tenant ID that is not a GUID", () => {
      expect(build({ azureTenantId: "contoso.onmicrosoft.com" })).toThrow('[test/roles] azureTenantId: got "contoso.onmicrosoft.com"; expected a GUID');
    });

    test("a bad region", () => {
      expect(build({ regions: ["us-east-1", "westeurope"] })).toThrow('[test/roles] regions[1]: got "westeurope"; expected an AWS region name');
    });

    test("an empty or repeated region list", () => {
      expect(build({ regions: [] })).toThrow("[test/roles] regions: got []; expected at least one region");
      expect(build({ regions: ["us-east-1", "us-east-1"] })).toThrow('[test/roles] regions[1]: got "us-east-1"; expected each region once');
    });

    test("a role name over 64 characters", () => {
      const long = `MDC${"x".repeat(62)}`;
      expect(build({ kubernetesRoleName: long })).toThrow(`[test/roles] kubernetesRoleName: got "${long}"; expected an IAM role name of 1-64`);
      expect(build({ agentlessDiscoveryRoleName: long })).toThrow(`[test/roles] agentlessDiscoveryRoleName: got "${long}"; expected an IAM role name of 1-64`);
    });

    test("a discovery role name that does not start with MDC", () => {
      expect(build({ agentlessDiscoveryRoleName: "DefenderDiscovery" })).toThrow(
        '[test/roles] agentlessDiscoveryRoleName: got "DefenderDiscovery"; expected a role name starting with "MDC". Microsoft requires',
      );
    });

    test("a discovery role name is not checked when discovery is off", () => {
      expect(() => synthRoles({ agentlessDiscovery: false, agentlessDiscoveryRoleName: "DefenderDiscovery" })).not.toThrow();
    });

    test("two roles with the same name", () => {
      expect(build({ dataCollectionRoleName: "mdccontainersk8srole" })).toThrow(
        '[test/roles] dataCollectionRoleName: got "mdccontainersk8srole"; expected a name no other Defender role uses. kubernetesRoleName has the same name.',
      );
    });

    test("every capability off", () => {
      expect(build({ auditLogs: false, agentlessDiscovery: false, imageAssessment: false })).toThrow(
        "[test/roles] auditLogs, agentlessDiscovery, imageAssessment: got false for all three",
      );
    });

    test("a provider that does not accept the data-collection audience", () => {
      expect(() =>
        synthesizeIn(awsStack, (stack) => defenderRoles(stack, { oidcProvider: new DefenderOidcProvider(stack, "oidc", { clientIds: [CONTAINERS_AUD] }) })),
      ).toThrow(`[test/roles] oidcProvider: got ["${CONTAINERS_AUD}"]; expected an OIDC provider whose client IDs include ${DATA_COLLECTION_AUD}`);
      expect(() =>
        synthesizeIn(awsStack, (stack) =>
          defenderRoles(stack, { auditLogs: false, oidcProvider: new DefenderOidcProvider(stack, "oidc", { clientIds: [CONTAINERS_AUD] }) }),
        ),
      ).not.toThrow();
    });

    test("a bad permissions boundary ARN", () => {
      expect(build({ permissionsBoundaryArn: "boundary" })).toThrow('[test/roles] permissionsBoundaryArn: got "boundary"; expected a managed policy ARN');
    });

    test("a bad external ID, or one outside the commercial partition", () => {
      expect(build({ dataCollectionExternalId: "x" })).toThrow('[test/roles] dataCollectionExternalId: got "x"; expected an external ID of 2-1224');
      expect(
        build({
          dataCollectionExternalId: "abc",
          partition: AwsPartition.AWS_CN,
          oidcProvider: DefenderOidcProvider.fromArn(awsStack(), "p", { arn: PROVIDER_ARN }),
        }),
      ).toThrow('[test/roles] dataCollectionExternalId: got "abc"; expected no legacy trust in partition "aws-cn"');
    });

    test("a partition or access level outside the enums", () => {
      expect(build({ partition: "aws-iso" as AwsPartition })).toThrow('[test/roles] partition: got "aws-iso"; expected one of "aws", "aws-cn", "aws-us-gov"');
      expect(build({ imageAssessmentAccess: "ADMIN" as AwsImageAssessmentAccess })).toThrow('[test/roles] imageAssessmentAccess: got "ADMIN"; expected one of POWER_USER, READ_ONLY');
    });
  });
});
