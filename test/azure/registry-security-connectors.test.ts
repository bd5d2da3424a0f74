import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { DockerHubSecurityConnector, DockerHubSecurityConnectorProps, JFrogSecurityConnector, JFrogSecurityConnectorProps } from "../../lib/azure";
import { azapiStack, onlyResourceOf, synthesizeIn } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-security`;
const SECRET = "dckr_pat_THIS-IS-A-SECRET";

function withToken(stack: TerraformStack): string {
  return new TerraformVariable(stack, "dockerhub_token", { type: "string", sensitive: true }).stringValue;
}

function dockerHub(props: Partial<DockerHubSecurityConnectorProps> = {}) {
  let connector!: DockerHubSecurityConnector;
  const synth = synthesizeIn(azapiStack, (stack) => {
    connector = new DockerHubSecurityConnector(stack, "dockerhub", {
      resourceGroupId: RG,
      location: "West Europe",
      organization: "contoso",
      username: "mdcuser",
      accessToken: withToken(stack),
      ...props,
    });
    new TerraformOutput(stack, "connector_id", { value: connector.connectorId });
  });
  return { synth, resource: onlyResourceOf(synth, "azapi_resource"), connector };
}

function jfrog(props: Partial<JFrogSecurityConnectorProps> = {}) {
  const synth = synthesizeIn(azapiStack, (stack) => new JFrogSecurityConnector(stack, "jfrog", { resourceGroupId: RG, location: "westeurope", host: "contoso.jfrog.io", ...props }));
  return onlyResourceOf(synth, "azapi_resource");
}

describe("DockerHubSecurityConnector", () => {
  test("writes the DockerHubOrganization environment and the DefenderForContainersDockerHub offering (REST spec models.tsp)", () => {
    const { resource } = dockerHub();
    expect(resource.type).toBe("Microsoft.Security/securityConnectors@2024-08-01-preview");
    expect(resource.name).toBe("dockerhub-contoso");
    expect(resource.parent_id).toBe(RG);
    expect(resource.location).toBe("westeurope");
    expect(resource.body).toEqual({
      properties: {
        hierarchyIdentifier: "contoso",
        environmentName: "DockerHub",
        environmentData: { environmentType: "DockerHubOrganization", authentication: { authenticationType: "AccessToken", username: "mdcuser" }, scanInterval: 4 },
        offerings: [{ offeringType: "DefenderForContainersDockerHub" }],
      },
    });
    expect(resource.response_export_values).toEqual([]);
  });

  test("the token goes to sensitive_body only, from the sensitive variable, never into body or outputs", () => {
    const { synth, resource } = dockerHub();
    expect(resource.sensitive_body).toEqual({ properties: { environmentData: { authentication: { accessToken: "${var.dockerhub_token}" } } } });
    expect(JSON.stringify(resource.body)).not.toContain("accessToken");
    expect(JSON.stringify(resource.body)).not.toContain("var.dockerhub_token");
    expect((synth as any).variable.dockerhub_token.sensitive).toBe(true);
    expect(JSON.stringify((synth as any).output)).not.toContain("dockerhub_token");
    expect(resource.sensitive_body_version).toBeUndefined();
  });

  test("accessTokenVersion writes sensitive_body_version for the token's path, so a rotation is sent", () => {
    const { resource } = dockerHub({ accessTokenVersion: "2026-12-01" });
    expect(resource.sensitive_body_version).toEqual({ "properties.environmentData.authentication.accessToken": "2026-12-01" });
  });

  test("scan interval, name, tags and more offerings (e.g. DefenderCspmDockerHub)", () => {
    const { resource } = dockerHub({ scanIntervalHours: 12, name: "docker-hub-contoso", tags: { team: "platform" }, additionalOfferings: [{ offeringType: "DefenderCspmDockerHub" }] });
    expect(resource.body.properties.environmentData.scanInterval).toBe(12);
    expect(resource.name).toBe("docker-hub-contoso");
    expect(resource.tags).toEqual({ team: "platform" });
    expect(resource.body.properties.offerings).toEqual([{ offeringType: "DefenderForContainersDockerHub" }, { offeringType: "DefenderCspmDockerHub" }]);
  });

  describe("validation", () => {
    const make = (props: Partial<DockerHubSecurityConnectorProps>) => () => {
      const stack = azapiStack();
      new DockerHubSecurityConnector(stack, "dockerhub", {
        resourceGroupId: RG,
        location: "westeurope",
        organization: "contoso",
        username: "mdcuser",
        accessToken: withToken(stack),
        ...props,
      } as DockerHubSecurityConnectorProps);
    };

    test("a literal access token is refused, and the message does not show it", () => {
      let message = "";
      try {
        make({ accessToken: SECRET })();
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe(
        `[test/dockerhub] accessToken: got "<a literal string of ${SECRET.length} characters>"; expected a reference to a sensitive value, e.g. new TerraformVariable(stack, "token", { type: "string", sensitive: true }).stringValue. A literal token would be written to the synthesized JSON and to source control.`,
      );
      expect(message).not.toContain(SECRET);
    });

    test("a variable that is not marked sensitive", () => {
      const stack = azapiStack();
      const plain = new TerraformVariable(stack, "plain_token", { type: "string" });
      expect(
        () => new DockerHubSecurityConnector(stack, "dockerhub", { resourceGroupId: RG, location: "westeurope", organization: "contoso", username: "mdcuser", accessToken: plain.stringValue }),
      ).toThrow('[test/dockerhub] accessToken: got "<var.plain_token>"; expected a variable with sensitive: true (test/plain_token is not). Terraform would show the token in plans and logs.');
    });

    test("a missing access token", () => {
      expect(make({ accessToken: undefined })).toThrow('accessToken: got "<undefined>"; expected a reference to a sensitive value');
    });

    test.each<[string, Partial<DockerHubSecurityConnectorProps>, string]>([
      ["an organization that is not a Docker ID", { organization: "Contoso Ltd" }, '[test/dockerhub] organization: got "Contoso Ltd"; expected a Docker ID of 4-30 lowercase letters and digits.'],
      ["a user name that is not a Docker ID", { username: "mdc_user@contoso.com" }, 'username: got "mdc_user@contoso.com"; expected a Docker ID of 4-30 lowercase letters and digits.'],
      ["an empty token version", { accessTokenVersion: "" }, 'accessTokenVersion: got ""; expected a non-empty string, e.g. the rotation date.'],
      [
        "the connector's own offering again in additionalOfferings",
        { additionalOfferings: [{ offeringType: "DefenderForContainersDockerHub" }] },
        'additionalOfferings[0].offeringType: got "DefenderForContainersDockerHub"; expected each offering type once. The construct writes this offering itself.',
      ],
      ["a scan interval out of range", { scanIntervalHours: 0 }, "scanIntervalHours: got 0; expected a whole number from 1 to 24."],
    ])("%s", (_, props, message) => {
      expect(make(props)).toThrow(message);
    });

    test("a resource group that is not a resource group ID", () => {
      expect(make({ resourceGroupId: "rg-security" })).toThrow("resourceGroupId");
    });
  });
});

describe("JFrogSecurityConnector", () => {
  test("writes the JFrogArtifactory environment and the DefenderForContainersJFrog offering, and no secret", () => {
    const resource = jfrog();
    expect(resource.name).toBe("jfrog-contoso-jfrog-io");
    expect(resource.body).toEqual({
      properties: {
        hierarchyIdentifier: "contoso.jfrog.io",
        environmentName: "JFrog",
        environmentData: { environmentType: "JFrogArtifactory", scanInterval: 4 },
        offerings: [{ offeringType: "DefenderForContainersJFrog" }],
      },
    });
    expect(resource.sensitive_body).toBeUndefined();
  });

  test("scan interval and more offerings", () => {
    const resource = jfrog({ scanIntervalHours: 24, additionalOfferings: [{ offeringType: "DefenderCspmJFrog", mdcContainersImageAssessment: { enabled: true } }] });
    expect(resource.body.properties.environmentData.scanInterval).toBe(24);
    expect(resource.body.properties.offerings[1]).toEqual({ offeringType: "DefenderCspmJFrog", mdcContainersImageAssessment: { enabled: true } });
  });

  describe("validation", () => {
    const make = (props: Partial<JFrogSecurityConnectorProps>) => () =>
      new JFrogSecurityConnector(azapiStack(), "jfrog", { resourceGroupId: RG, location: "westeurope", host: "contoso.jfrog.io", ...props } as JFrogSecurityConnectorProps);

    test.each<[string, Partial<JFrogSecurityConnectorProps>, string]>([
      ["a URL instead of a host", { host: "https://contoso.jfrog.io/artifactory" }, '[test/jfrog] host: got "https://contoso.jfrog.io/artifactory"; expected a lowercase host name such as contoso.jfrog.io (no scheme, no path).'],
      ["a single label", { host: "contoso" }, 'host: got "contoso"'],
      ["a scan interval out of range", { scanIntervalHours: 25 }, "scanIntervalHours: got 25; expected a whole number from 1 to 24."],
      ["an invalid location", { location: "mars" }, 'location: got "mars"'],
    ])("%s", (_, props, message) => {
      expect(make(props)).toThrow(message);
    });
  });

  test("both connectors pass the Terraform checks in one stack", () => {
    const stack = azapiStack();
    new JFrogSecurityConnector(stack, "jfrog", { resourceGroupId: RG, location: "westeurope", host: "contoso.jfrog.io" });
    new DockerHubSecurityConnector(stack, "dockerhub", { resourceGroupId: RG, location: "westeurope", organization: "contoso", username: "mdcuser", accessToken: withToken(stack) });
    expect(Object.keys(JSON.parse(Testing.synth(stack)).resource.azapi_resource)).toHaveLength(2);
  });
});
