import { Aspects, Testing } from "cdktf";
import { DefenderCoverageChecks } from "../../lib/checks";
import { MulticloudExampleStack } from "../../examples/multicloud/multicloud-stack";
import { EXAMPLE_DEFAULTS } from "../../examples/settings";
import { addressesOf, exampleApp, synthesizeStack } from "../util";

const stack = new MulticloudExampleStack(exampleApp({ ...EXAMPLE_DEFAULTS }), "multicloud");
const synth = synthesizeStack(stack);

describe("examples/multicloud", () => {
  test("matches the snapshot", () => {
    expect(synth).toMatchSnapshot();
  });

  test("Terraform addresses are stable", () => {
    expect(addressesOf(synth)).toMatchSnapshot();
  });

  test("the four environments, one workspace, one plan", () => {
    const types = Object.keys(synth.resource!);
    expect(types).toEqual(
      expect.arrayContaining([
        "azurerm_kubernetes_cluster",
        "azurerm_arc_kubernetes_cluster_extension",
        "aws_iam_role",
        "google_service_account",
        "helm_release",
        "azapi_resource",
        "azurerm_security_center_contact",
        "azurerm_security_center_automation",
        "azurerm_subscription_policy_assignment",
      ]),
    );
    expect(Object.keys(synth.resource!.azurerm_security_center_subscription_pricing)).toHaveLength(1);
    expect(Object.keys(synth.resource!.azurerm_log_analytics_workspace)).toHaveLength(1);
    // Four connectors (AWS, GCP, Docker Hub, JFrog) in the security resource group.
    const connectors = Object.values<any>(synth.resource!.azapi_resource).filter((r) => r.type.startsWith("Microsoft.Security/securityConnectors@"));
    expect(connectors.map((c) => c.body.properties.environmentName).sort()).toEqual(["AWS", "DockerHub", "GCP", "JFrog"]);
  });

  test("the Docker Hub token comes from a sensitive variable and reaches only sensitive_body", () => {
    expect((synth as any).variable.dockerhub_access_token).toMatchObject({ type: "string", sensitive: true });
    const dockerHub = Object.values<any>(synth.resource!.azapi_resource).find((r) => r.body.properties.environmentName === "DockerHub");
    expect(dockerHub.sensitive_body.properties.environmentData.authentication.accessToken).toBe("${var.dockerhub_access_token}");
    // Referenced once in the whole stack: that sensitive_body (not in body, outputs or other resources).
    expect(JSON.stringify(synth).match(/var\.dockerhub_access_token/g)).toHaveLength(1);
    expect(JSON.stringify((synth as any).output ?? {})).not.toContain("dockerhub_access_token");
  });

  test("the coverage checks are attached to the stack and find nothing to report", () => {
    Testing.synth(stack, true);
    const checks = Aspects.of(stack).all.filter((a): a is DefenderCoverageChecks => a instanceof DefenderCoverageChecks);
    expect(checks).toHaveLength(1);
    expect(checks[0].findings).toEqual([]);
    const annotations = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type.startsWith("@cdktf/")));
    expect(annotations).toEqual([]);
  });
});
