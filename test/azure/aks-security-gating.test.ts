import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { TerraformStack } from "cdktf";
import { AksSecurityGating, AksSecurityGatingProps, AzapiProvider } from "../../lib/azure";
import { onlyResourceOf, resourcesOf, synthesize, unresolved } from "../util";
import { testCluster } from "./fixtures";

const SUB = "11111111-2222-3333-4444-555555555555";
const ACR = `/subscriptions/${SUB}/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/contosoimages`;
const READY = { oidcIssuerEnabled: true, workloadIdentityEnabled: true };

function gating(stack: TerraformStack, props: Partial<AksSecurityGatingProps> = {}, cluster = READY): AksSecurityGating {
  new AzapiProvider(stack, "azapi", {});
  return new AksSecurityGating(stack, "gating", { cluster: testCluster(stack, "cluster", cluster), registries: [{ registryId: ACR }], ...props });
}

describe("AksSecurityGating", () => {
  test("sets only securityProfile.defender.securityGating on the cluster, with the identity for each registry", () => {
    const synth = synthesize((stack) => gating(stack));
    const update = onlyResourceOf(synth, "azapi_update_resource");
    const identityAddress = `azurerm_user_assigned_identity.${Object.keys(resourcesOf(synth, "azurerm_user_assigned_identity"))[0]}`;
    expect(update.type).toBe("Microsoft.ContainerService/managedClusters@2025-10-02-preview");
    expect(update.resource_id).toBe("${azurerm_kubernetes_cluster.cluster.id}");
    expect(update.body).toEqual({
      properties: {
        securityProfile: {
          defender: {
            securityGating: {
              enabled: true,
              allowSecretAccess: false,
              identities: [
                {
                  azureContainerRegistry: "contosoimages",
                  identity: {
                    resourceId: `\${${identityAddress}.id}`,
                    clientId: `\${${identityAddress}.client_id}`,
                    objectId: `\${${identityAddress}.principal_id}`,
                  },
                },
              ],
            },
          },
        },
      },
    });
    // Nothing else of the Defender profile: the workspace and securityMonitoring stay azurerm's.
    expect(Object.keys(update.body.properties.securityProfile.defender)).toEqual(["securityGating"]);
    const dependsOn = [...Object.keys(resourcesOf(synth, "azurerm_federated_identity_credential")).map((id) => `azurerm_federated_identity_credential.${id}`), ...Object.keys(resourcesOf(synth, "azurerm_role_assignment")).map((id) => `azurerm_role_assignment.${id}`)];
    expect(update.depends_on).toEqual(dependsOn);
  });

  test("the federated credential trusts the admission controller's service account through the cluster's OIDC issuer", () => {
    const synth = synthesize((stack) => gating(stack));
    const fic = onlyResourceOf(synth, "azurerm_federated_identity_credential");
    expect(fic.subject).toBe("system:serviceaccount:kube-system:defender-admission-controller-serviceaccount");
    expect(fic.audience).toEqual(["api://AzureADTokenExchange"]);
    expect(fic.issuer).toBe("${azurerm_kubernetes_cluster.cluster.oidc_issuer_url}");
    expect(fic.parent_id).toBe(`\${azurerm_user_assigned_identity.${Object.keys(resourcesOf(synth, "azurerm_user_assigned_identity"))[0]}.id}`);
  });

  test("the identity gets AcrPull on each registry, and lives in the cluster's group by default", () => {
    const synth = synthesize((stack) => gating(stack));
    const role = onlyResourceOf(synth, "azurerm_role_assignment");
    expect(role).toMatchObject({
      scope: ACR,
      role_definition_id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d`,
      principal_type: "ServicePrincipal",
    });
    const identity = onlyResourceOf(synth, "azurerm_user_assigned_identity");
    expect(identity).toMatchObject({ name: "${azurerm_kubernetes_cluster.cluster.name}-defender-gating", resource_group_name: "${azurerm_kubernetes_cluster.cluster.resource_group_name}" });
  });

  test("a registry defined in the app needs a key and passes its name through split", () => {
    const synth = synthesize((stack) => {
      const acr = new ContainerRegistry(stack, "acr", { name: "contosoapps", resourceGroupName: "rg-acr", location: "westeurope", sku: "Premium" });
      gating(stack, { registries: [{ registryId: acr.id, key: "apps" }, { registryId: ACR }], allowSecretAccess: true });
    });
    expect(Object.keys(resourcesOf(synth, "azurerm_role_assignment"))).toHaveLength(2);
    const gatingBody = onlyResourceOf(synth, "azapi_update_resource").body.properties.securityProfile.defender.securityGating;
    expect(gatingBody.allowSecretAccess).toBe(true);
    expect(gatingBody.identities.map((i: any) => i.azureContainerRegistry)).toEqual(['${element(split("/", azurerm_container_registry.acr.id), 8)}', "contosoimages"]);
  });

  test("a cluster version reference is not checked", () => {
    expect(() => synthesize((stack) => gating(stack, {}, { ...READY, kubernetesVersion: unresolved("var.v") } as any))).not.toThrow();
  });

  describe("rejects", () => {
    test("a cluster without the OIDC issuer", () => {
      expect(() => synthesize((stack) => gating(stack, {}, { workloadIdentityEnabled: true } as any))).toThrow(
        /\[test\/gating\] cluster: got test\/cluster with oidcIssuerEnabled "unset"; expected oidcIssuerEnabled: true/,
      );
    });
    test("a cluster without workload identity", () => {
      expect(() => synthesize((stack) => gating(stack, {}, { oidcIssuerEnabled: true, workloadIdentityEnabled: false } as any))).toThrow(
        /cluster: got test\/cluster with workloadIdentityEnabled false; expected workloadIdentityEnabled: true/,
      );
    });
    test("a Kubernetes version below 1.31", () => {
      expect(() => synthesize((stack) => gating(stack, {}, { ...READY, kubernetesVersion: "1.30.4" } as any))).toThrow(
        /cluster: got test\/cluster with kubernetesVersion "1.30.4"; expected 1.31 or later/,
      );
    });
    test("no registries", () => {
      expect(() => synthesize((stack) => gating(stack, { registries: [] }))).toThrow(/registries: got \[\]; expected at least one Azure Container Registry/);
    });
    test("a registry ID of another type", () => {
      expect(() => synthesize((stack) => gating(stack, { registries: [{ registryId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st` }] }))).toThrow(
        /registries\[0\]\.registryId: got ".*storageAccounts\/st"; expected an Azure Container Registry resource ID/,
      );
    });
    test("a registry reference without a key", () => {
      expect(() => synthesize((stack) => gating(stack, { registries: [{ registryId: unresolved("var.acr") }] }))).toThrow(/registries\[0\]\.key: got undefined; expected a key, because registryId is a reference/);
    });
    test("two registries with the same key", () => {
      expect(() => synthesize((stack) => gating(stack, { registries: [{ registryId: ACR }, { registryId: ACR.replace("rg-acr", "rg-other") }] }))).toThrow(
        /registries\[1\]\.key: got "contosoimages"; expected a key no other registry has/,
      );
    });
    test("a bad key", () => {
      expect(() => synthesize((stack) => gating(stack, { registries: [{ registryId: ACR, key: "Bad_Key" }] }))).toThrow(/registries\[0\]\.key: got "Bad_Key"; expected 1-50 lowercase letters, digits or hyphens/);
    });
  });
});
