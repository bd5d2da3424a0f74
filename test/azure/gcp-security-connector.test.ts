import { TerraformOutput } from "cdktf";
import { GcpSecurityConnector, GcpSecurityConnectorProps } from "../../lib/azure";
import { azapiStack, onlyResourceOf, synthesizeIn } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-security`;
const sa = (name: string) => `${name}@my-project.iam.gserviceaccount.com`;

const ACCOUNTS = {
  nativeCloudConnectionServiceAccountEmail: sa("microsoft-defender-containers"),
  dataPipelineServiceAccountEmail: sa("ms-defender-containers-stream"),
  imageAssessmentServiceAccountEmail: sa("mdc-containers-artifact-assess"),
  agentlessDiscoveryServiceAccountEmail: sa("mdc-containers-k8s-operator"),
};
const BASE: GcpSecurityConnectorProps = { resourceGroupId: RG, location: "westeurope", projectId: "my-project", projectNumber: "123456789012", ...ACCOUNTS };

function connectorFor(props: Partial<GcpSecurityConnectorProps> = {}) {
  return onlyResourceOf(synthesizeIn(azapiStack, (stack) => new GcpSecurityConnector(stack, "gcp", { ...BASE, ...props })), "azapi_resource");
}
const offeringOf = (resource: any) => resource.body.properties.offerings[0];
const build = (props: Partial<GcpSecurityConnectorProps>) => () => new GcpSecurityConnector(azapiStack(), "gcp", { ...BASE, ...props } as GcpSecurityConnectorProps);

describe("GcpSecurityConnector", () => {
  test("writes the DefenderForContainersGcp offering with every connection and flag", () => {
    const resource = connectorFor();
    expect(resource.type).toBe("Microsoft.Security/securityConnectors@2024-08-01-preview");
    expect(resource.name).toBe("gcp-my-project");
    expect(resource.parent_id).toBe(RG);
    expect(resource.location).toBe("westeurope");
    expect(resource.body).toEqual({
      properties: {
        hierarchyIdentifier: "123456789012",
        environmentName: "GCP",
        environmentData: { environmentType: "GcpProject", projectDetails: { projectId: "my-project", projectNumber: "123456789012" }, scanInterval: 4 },
        offerings: [
          {
            offeringType: "DefenderForContainersGcp",
            nativeCloudConnection: { serviceAccountEmailAddress: ACCOUNTS.nativeCloudConnectionServiceAccountEmail, workloadIdentityProviderId: "containers" },
            dataPipelineNativeCloudConnection: { serviceAccountEmailAddress: ACCOUNTS.dataPipelineServiceAccountEmail, workloadIdentityProviderId: "containers-streams" },
            enableAuditLogsAutoProvisioning: true,
            enableDefenderAgentAutoProvisioning: false,
            enablePolicyAgentAutoProvisioning: false,
            mdcContainersImageAssessment: {
              enabled: true,
              serviceAccountEmailAddress: ACCOUNTS.imageAssessmentServiceAccountEmail,
              workloadIdentityProviderId: "containers",
            },
            mdcContainersAgentlessDiscoveryK8s: {
              enabled: true,
              serviceAccountEmailAddress: ACCOUNTS.agentlessDiscoveryServiceAccountEmail,
              workloadIdentityProviderId: "containers",
            },
          },
        ],
      },
    });
  });

  test("provider IDs can be overridden", () => {
    const offering = offeringOf(connectorFor({ nativeCloudConnectionProviderId: "mdc-containers", dataPipelineProviderId: "mdc-streams" }));
    expect(offering.nativeCloudConnection.workloadIdentityProviderId).toBe("mdc-containers");
    expect(offering.dataPipelineNativeCloudConnection.workloadIdentityProviderId).toBe("mdc-streams");
  });

  test("capabilities that are off need no service account and are written as off", () => {
    const offering = offeringOf(
      connectorFor({
        auditLogs: false,
        imageAssessment: false,
        agentlessDiscovery: false,
        nativeCloudConnectionServiceAccountEmail: undefined,
        dataPipelineServiceAccountEmail: undefined,
        imageAssessmentServiceAccountEmail: undefined,
        agentlessDiscoveryServiceAccountEmail: undefined,
      }),
    );
    expect(offering).toEqual({
      offeringType: "DefenderForContainersGcp",
      enableAuditLogsAutoProvisioning: false,
      enableDefenderAgentAutoProvisioning: false,
      enablePolicyAgentAutoProvisioning: false,
      mdcContainersImageAssessment: { enabled: false },
      mdcContainersAgentlessDiscoveryK8s: { enabled: false },
    });
  });

  test("exposes connectorId, location and the project", () => {
    const stack = azapiStack();
    const connector = new GcpSecurityConnector(stack, "gcp", { ...BASE, location: "North Europe" });
    new TerraformOutput(stack, "connector_id", { value: connector.connectorId });
    const synth = synthesizeIn(() => stack, () => undefined);
    expect(synth.output!.connector_id.value).toBe("${azapi_resource.gcp_connector_4F58F8FB.id}");
    expect(connector.location).toBe("northeurope");
    expect(connector.projectId).toBe("my-project");
    expect(connector.projectNumber).toBe("123456789012");
    expect(connector.capabilities).toEqual({
      auditLogs: true,
      sensorAutoProvisioning: false,
      policyAddonAutoProvisioning: false,
      imageAssessment: true,
      agentlessDiscovery: true,
    });
  });

  describe("validation", () => {
    test("a bad project ID", () => {
      expect(build({ projectId: "My_Project" })).toThrow(
        '[test/gcp] projectId: got "My_Project"; expected a GCP project ID of 6-30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen.',
      );
    });

    test("a project number that is not a number", () => {
      expect(build({ projectNumber: "my-project" })).toThrow('[test/gcp] projectNumber: got "my-project"; expected a GCP project number (6-20 digits) such as 123456789012.');
    });

    test("a bad service account email", () => {
      expect(build({ dataPipelineServiceAccountEmail: "ms-defender-containers-stream" })).toThrow(
        '[test/gcp] dataPipelineServiceAccountEmail: got "ms-defender-containers-stream"; expected a service account email such as microsoft-defender-containers@my-project.iam.gserviceaccount.com.',
      );
    });

    test("a bad provider ID", () => {
      expect(build({ imageAssessmentProviderId: "Containers!" })).toThrow('[test/gcp] imageAssessmentProviderId: got "Containers!"; expected an ID of 4-32 lowercase letters, digits or hyphens, not starting with \"gcp-\".');
    });

    test("a bad resource group ID", () => {
      expect(build({ resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/x` })).toThrow(
        /\[test\/gcp\] resourceGroupId: got ".*"; expected a resource group ID such as .* The value is a Microsoft\.Security\/securityConnectors ID\./,
      );
    });

    test.each([
      ["nativeCloudConnectionServiceAccountEmail", "auditLogs"],
      ["dataPipelineServiceAccountEmail", "auditLogs"],
      ["imageAssessmentServiceAccountEmail", "imageAssessment"],
      ["agentlessDiscoveryServiceAccountEmail", "agentlessDiscovery"],
    ])("%s missing while %s is on", (prop, capability) => {
      expect(build({ [prop]: undefined })).toThrow(
        `[test/gcp] ${prop}: got undefined; expected a service account email, because ${capability} is on. Set ${capability}: false to leave it out.`,
      );
    });

    test("the main connection is also needed by policy add-on auto-provisioning", () => {
      expect(build({ auditLogs: false, policyAddonAutoProvisioning: true, nativeCloudConnectionServiceAccountEmail: undefined })).toThrow(
        "[test/gcp] nativeCloudConnectionServiceAccountEmail: got undefined; expected a service account email, because policyAddonAutoProvisioning is on.",
      );
    });
  });
});
