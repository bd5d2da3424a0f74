// Written out from Microsoft's documentation, independent of lib/core/catalog: the tests compare
// what the library emits with this list, so a catalog typo cannot pass as "documented".

/**
 * Every GCP custom role, by role ID, with exactly the permissions Microsoft documents for it
 * (MS-Docs defender-for-containers-network-access, ms.date 2026-04-16, and containers-permissions;
 * `MicrosoftDefenderContainersRole` without the organization-level permission, see lib/core/catalog/gcp.ts).
 */
export const DOCUMENTED_GCP_CUSTOM_ROLES: Readonly<Record<string, readonly string[]>> = {
  MicrosoftDefenderContainersRole: [
    "logging.sinks.list",
    "logging.sinks.get",
    "logging.sinks.create",
    "logging.sinks.update",
    "logging.sinks.delete",
    "resourcemanager.projects.getIamPolicy",
    "iam.serviceAccounts.get",
    "iam.workloadIdentityPoolProviders.get",
  ],
  MicrosoftDefenderContainersDataCollectionRole: ["pubsub.subscriptions.consume", "pubsub.subscriptions.get"],
  MDCGkeClusterWriteRole: ["container.clusters.update"],
  MDCGkeContainerInventoryCollectionRole: ["container.nodes.proxy", "container.secrets.list"],
  MDCGkeContainerResponseActionsRole: [
    "container.pods.update",
    "container.pods.delete",
    "container.networkPolicies.create",
    "container.networkPolicies.update",
    "container.networkPolicies.delete",
  ],
  MDCWritingGarAssessmentsRole: ["artifactregistry.repositories.uploadArtifacts", "artifactregistry.repositories.deleteArtifacts"],
};
