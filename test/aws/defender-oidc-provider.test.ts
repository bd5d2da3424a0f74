import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformVariable, Token } from "cdktf";
import { DefenderOidcProvider } from "../../lib/aws";
import { AwsPartition, DEFENDER_AWS_ONBOARDING_TEMPLATE_CLIENT_IDS } from "../../lib/core";
import { awsStack, onlyResourceOf, synthesizeIn } from "../util";
import { PROVIDER_ARN } from "./fixtures";

const OIDC = "aws_iam_openid_connect_provider";
const CONTAINERS_AUD = "api://6610e979-c931-41ec-adc7-b9920c9d52f1";
const DATA_COLLECTION_AUD = "api://1462b192-27f7-4cb9-8523-0f4ecb54b47e";

describe("DefenderOidcProvider", () => {
  test("provider: the resource uses the given aws provider (alias)", () => {
    const synth = synthesizeIn(awsStack, (stack) => {
      const security = new AwsProvider(stack, "aws-security", { region: "eu-west-1", alias: "security" });
      new DefenderOidcProvider(stack, "oidc", { provider: security });
    });
    expect(onlyResourceOf(synth, OIDC).provider).toBe("aws.security");
  });

  test("trusts Defender's issuer with the containers and data-collection audiences and Microsoft's thumbprint", () => {
    let provider: DefenderOidcProvider | undefined;
    const synth = synthesizeIn(awsStack, (stack) => (provider = new DefenderOidcProvider(stack, "oidc")));
    expect(onlyResourceOf(synth, OIDC)).toEqual({
      url: "https://sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/",
      client_id_list: [CONTAINERS_AUD, DATA_COLLECTION_AUD],
      thumbprint_list: ["626d44e704d1ceabe3bf0d53397464ac8080142c"],
    });
    expect(Token.isUnresolved(provider!.arn)).toBe(true);
    expect(provider!.clientIds).toEqual([CONTAINERS_AUD, DATA_COLLECTION_AUD]);
  });

  test("additional client IDs follow the defaults, without duplicates", () => {
    const synth = synthesizeIn(awsStack, (stack) => new DefenderOidcProvider(stack, "oidc", { additionalClientIds: [...DEFENDER_AWS_ONBOARDING_TEMPLATE_CLIENT_IDS] }));
    const list = onlyResourceOf(synth, OIDC).client_id_list;
    expect(list.slice(0, 2)).toEqual([CONTAINERS_AUD, DATA_COLLECTION_AUD]);
    expect(list).toHaveLength(7); // the template's six, one of which is CONTAINERS_AUD
    expect(new Set(list).size).toBe(list.length);
    expect(list).toContain("api://AzureSecurityCenter.MultiCloud.DefenderForServers.VmScanner");
  });

  test("client IDs, thumbprints and tags can be set", () => {
    const synth = synthesizeIn(awsStack, (stack) =>
      new DefenderOidcProvider(stack, "oidc", { clientIds: [CONTAINERS_AUD], thumbprints: ["a".repeat(40)], tags: { team: "sec" } }),
    );
    expect(onlyResourceOf(synth, OIDC)).toMatchObject({ client_id_list: [CONTAINERS_AUD], thumbprint_list: ["a".repeat(40)], tags: { team: "sec" } });
  });

  test("arnForAccount names Defender's provider in an account", () => {
    expect(DefenderOidcProvider.arnForAccount("123456789012")).toBe(PROVIDER_ARN);
    expect(DefenderOidcProvider.arnForAccount("123456789012", AwsPartition.AWS_CN)).toBe(PROVIDER_ARN.replace("arn:aws:", "arn:aws-cn:"));
  });

  test("fromArn references an existing provider without emitting one", () => {
    const synth = synthesizeIn(awsStack, (stack) => {
      const existing = DefenderOidcProvider.fromArn(stack, "oidc", { arn: PROVIDER_ARN, clientIds: [CONTAINERS_AUD] });
      expect(existing.arn).toBe(PROVIDER_ARN);
      expect(existing.clientIds).toEqual([CONTAINERS_AUD]);
      const unknown = DefenderOidcProvider.fromArn(stack, "unknown", { arn: new TerraformVariable(stack, "arn", { type: "string" }).stringValue });
      expect(unknown.clientIds).toBeUndefined();
      expect(Token.isUnresolved(unknown.arn)).toBe(true);
    });
    expect(synth.resource?.[OIDC]).toBeUndefined();
  });

  describe("validation", () => {
    const fromArn = (arn: string) => () => synthesizeIn(awsStack, (stack) => DefenderOidcProvider.fromArn(stack, "oidc", { arn }));

    test("an ARN that is not an OIDC provider ARN", () => {
      expect(fromArn("arn:aws:iam::123456789012:role/x")).toThrow(
        `[test/oidc] arn: got "arn:aws:iam::123456789012:role/x"; expected the ARN of the IAM OIDC provider for Defender's issuer, such as ${PROVIDER_ARN}.`,
      );
      expect(fromArn("sts.windows.net")).toThrow('[test/oidc] arn: got "sts.windows.net"; expected the ARN of the IAM OIDC provider');
    });

    test("a provider for another issuer, or without the trailing slash, says why", () => {
      expect(fromArn(PROVIDER_ARN.slice(0, -1))).toThrow("Defender's tokens are issued by https://sts.windows.net/33e01921-4d64-4f8c-a055-5bdaffd5e33d/ (trailing slash included)");
      expect(fromArn("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")).toThrow("a provider for another URL does not accept them");
    });

    test("a bad account ID inside the ARN", () => {
      expect(fromArn(PROVIDER_ARN.replace("123456789012", "1234"))).toThrow('[test/oidc] arn: got "arn:aws:iam::1234:oidc-provider/');
    });

    test("a bad thumbprint", () => {
      expect(() => synthesizeIn(awsStack, (stack) => new DefenderOidcProvider(stack, "oidc", { thumbprints: ["626d44e7"] }))).toThrow(
        '[test/oidc] thumbprints[0]: got "626d44e7"; expected a certificate thumbprint of 40 hexadecimal characters.',
      );
    });

    test("no client IDs, or a blank one", () => {
      expect(() => synthesizeIn(awsStack, (stack) => new DefenderOidcProvider(stack, "oidc", { clientIds: [] }))).toThrow(
        "[test/oidc] clientIds: got []; expected at least one client ID (audience).",
      );
      expect(() => synthesizeIn(awsStack, (stack) => new DefenderOidcProvider(stack, "oidc", { additionalClientIds: ["api://x y"] }))).toThrow(
        '[test/oidc] additionalClientIds[0]: got "api://x y"; expected a client ID (audience)',
      );
    });
  });
});
