import { Construct } from "constructs";
import { JFROG_HOST_PATTERN, SecurityConnectorEnvironment, SecurityConnectorOfferingType } from "../core/catalog/security-connectors";
import { validatePattern } from "../core/validation";
import { RegistrySecurityConnector } from "./registry-security-connector";
import { SecurityConnectorBaseProps } from "./security-connector";

/** Props of {@link JFrogSecurityConnector}. */
export interface JFrogSecurityConnectorProps extends SecurityConnectorBaseProps {
  /**
   * Host name of the JFrog platform (SaaS) instance, e.g. `contoso.jfrog.io`, lowercase and without
   * `https://`: the connector's `hierarchyIdentifier`. One connector per instance.
   */
  readonly host: string;
}

/**
 * Connects a JFrog Artifactory (SaaS) instance to Defender for Containers (connector environment
 * `JFrogArtifactory`, offering `DefenderForContainersJFrog`; azure-rest-api-specs
 * `SecurityConnectors.Management/models.tsp`): inventory and vulnerability assessment of the
 * instance's images.
 *
 * The connector holds no secret: Defender signs in to JFrog with Entra-issued tokens, through an
 * OIDC integration on the JFrog side that the portal's onboarding sets up (a group such as
 * `mdc-group-<tenant>`, a permission target with read access to every repository, an OIDC provider
 * for Entra ID and its identity mappings; MS-Docs defender-for-containers-network-access, "JFrog
 * Artifactory (SaaS)"). This construct creates only the Azure side; the instance must be reachable
 * over the internet.
 */
export class JFrogSecurityConnector extends RegistrySecurityConnector {
  /** The JFrog platform host. */
  public readonly host: string;

  constructor(scope: Construct, id: string, props: JFrogSecurityConnectorProps) {
    super(scope, id, props, (connector) => {
      const host = validatePattern(connector, "host", props.host, JFROG_HOST_PATTERN, "a lowercase host name such as contoso.jfrog.io (no scheme, no path)");
      return {
        environment: SecurityConnectorEnvironment.JFROG,
        offeringType: SecurityConnectorOfferingType.DEFENDER_FOR_CONTAINERS_JFROG,
        hierarchyIdentifier: host,
        defaultName: `jfrog-${host.replace(/\./g, "-")}`,
      };
    });
    this.host = props.host;
  }
}
