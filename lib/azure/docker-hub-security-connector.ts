import { DefaultTokenResolver, StringConcat, TerraformStack, TerraformVariable, Tokenization } from "cdktf";
import { Construct } from "constructs";
import {
  DOCKER_HUB_NAMESPACE_PATTERN,
  DockerHubAuthenticationProperty,
  SecurityConnectorEnvironment,
  SecurityConnectorOfferingType,
  SecurityConnectorProperty,
} from "../core/catalog/security-connectors";
import { invalidValue } from "../core/errors";
import { isUnresolved, validatePattern } from "../core/validation";
import { RegistrySecurityConnector } from "./registry-security-connector";
import { SecurityConnectorBaseProps } from "./security-connector";

/** Props of {@link DockerHubSecurityConnector}. */
export interface DockerHubSecurityConnectorProps extends SecurityConnectorBaseProps {
  /**
   * The Docker Hub organization (its namespace, 4-30 lowercase letters and digits): the connector's
   * `hierarchyIdentifier`. One connector per organization.
   */
  readonly organization: string;
  /**
   * The dedicated Docker Hub user Defender signs in as (`authentication.username`), e.g. one invited
   * to every repository of the organization (MS-Docs defender-for-containers-enable-external-registry-for-docker-hub).
   */
  readonly username: string;
  /**
   * A read-only access token of that user (`authentication.accessToken`). Must be a reference, e.g.
   * a `TerraformVariable` with `sensitive: true` (or an ephemeral value): a literal would put the
   * secret in the synthesized JSON and in source control. It is written to `sensitive_body`, which
   * azapi sends to Azure but never stores in state or shows in a plan.
   */
  readonly accessToken: string;
  /**
   * Version of the access token (`sensitive_body_version`, azapi 2.5+). azapi cannot see a write-only
   * value change, so set this and change it whenever you rotate the token to send the new one.
   * @default - none: the token is sent when the connector is created (and when other body members change)
   */
  readonly accessTokenVersion?: string;
}

/** Path of the token in the body, the key of `sensitive_body_version`. */
const ACCESS_TOKEN_PATH = [
  "properties",
  SecurityConnectorProperty.ENVIRONMENT_DATA,
  DockerHubAuthenticationProperty.AUTHENTICATION,
  DockerHubAuthenticationProperty.ACCESS_TOKEN,
].join(".");

const NAMESPACE_FORM = "a Docker ID of 4-30 lowercase letters and digits";

/**
 * Connects a Docker Hub organization to Defender for Containers (connector environment
 * `DockerHubOrganization`, offering `DefenderForContainersDockerHub`; azure-rest-api-specs
 * `SecurityConnectors.Management/models.tsp`): inventory and vulnerability assessment of the
 * organization's images. Defender signs in with a user name and access token (authentication type
 * `AccessToken`, the only one the spec defines); the token goes to `sensitive_body` only.
 *
 * Defender needs Docker Hub to be reachable over the internet (MS-Docs
 * defender-for-containers-network-access, "Docker Hub (SaaS)"). Needs the Containers plan (or
 * Defender CSPM) on a subscription of the tenant.
 *
 * @example
 * const token = new TerraformVariable(stack, "dockerhub_token", { type: "string", sensitive: true });
 * new DockerHubSecurityConnector(stack, "dockerhub", { resourceGroupId, location: "westeurope",
 *   organization: "contoso", username: "mdcuser", accessToken: token.stringValue });
 */
export class DockerHubSecurityConnector extends RegistrySecurityConnector {
  /** The organization. */
  public readonly organization: string;

  constructor(scope: Construct, id: string, props: DockerHubSecurityConnectorProps) {
    super(scope, id, props, (connector) => {
      const organization = validatePattern(connector, "organization", props.organization, DOCKER_HUB_NAMESPACE_PATTERN, NAMESPACE_FORM);
      const username = validatePattern(connector, "username", props.username, DOCKER_HUB_NAMESPACE_PATTERN, NAMESPACE_FORM);
      checkSecretReference(connector, "accessToken", props.accessToken);
      const version = props.accessTokenVersion;
      if (version !== undefined && !isUnresolved(version) && (typeof version !== "string" || version.length === 0)) {
        invalidValue(connector, "accessTokenVersion", version, "a non-empty string, e.g. the rotation date");
      }
      const A = DockerHubAuthenticationProperty;
      return {
        environment: SecurityConnectorEnvironment.DOCKER_HUB,
        offeringType: SecurityConnectorOfferingType.DEFENDER_FOR_CONTAINERS_DOCKER_HUB,
        hierarchyIdentifier: organization,
        defaultName: `dockerhub-${organization}`,
        environmentData: { [A.AUTHENTICATION]: { [A.AUTHENTICATION_TYPE]: A.ACCESS_TOKEN_TYPE, [A.USERNAME]: username } },
        sensitiveBody: { properties: { [SecurityConnectorProperty.ENVIRONMENT_DATA]: { [A.AUTHENTICATION]: { [A.ACCESS_TOKEN]: props.accessToken } } } },
        sensitiveBodyVersion: version === undefined ? undefined : { [ACCESS_TOKEN_PATH]: version },
      };
    });
    this.organization = props.organization;
  }
}

/**
 * Throws unless `value` is a reference (a variable, an ephemeral value, another resource's
 * attribute): a literal secret would be written to cdk.tf.json. The message never shows the value.
 */
function checkSecretReference(scope: Construct, prop: string, value: string): void {
  if (isUnresolved(value)) {
    // A variable of this app must be marked sensitive, or Terraform shows its value in plans.
    const stack = TerraformStack.of(scope);
    const resolved = Tokenization.resolve(value, { scope, resolver: new DefaultTokenResolver(new StringConcat()) });
    const name = /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(String(resolved))?.[1];
    const variable = name === undefined ? undefined : stack.node.findAll().find((c): c is TerraformVariable => c instanceof TerraformVariable && c.friendlyUniqueId === name);
    if (variable !== undefined && variable.sensitive !== true) {
      invalidValue(scope, prop, `<var.${name}>`, `a variable with sensitive: true (${variable.node.path} is not)`, "Terraform would show the token in plans and logs.");
    }
    return;
  }
  const shown = typeof value === "string" ? `<a literal string of ${value.length} characters>` : `<${value === null ? "null" : typeof value}>`;
  invalidValue(
    scope,
    prop,
    shown,
    "a reference to a sensitive value, e.g. new TerraformVariable(stack, \"token\", { type: \"string\", sensitive: true }).stringValue",
    "A literal token would be written to the synthesized JSON and to source control.",
  );
}
