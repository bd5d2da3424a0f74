/** A small valid estate, as YAML, that tests mutate. */
export const VALID_ESTATE = `
defaults:
  tenantId: 11111111-2222-3333-4444-555555555555
  location: westeurope
  backend:
    type: azurerm
    resourceGroupName: rg-tfstate
    storageAccountName: sttfstate001
    containerName: tfstate
azure:
  subscriptions:
    - name: security
      subscriptionId: aaaaaaaa-0000-0000-0000-000000000001
      workspace: { resourceGroupName: rg-security }
    - name: prod
      subscriptionId: aaaaaaaa-0000-0000-0000-000000000002
      workspace: { sharedFrom: security }
      arcClusters:
        - /subscriptions/aaaaaaaa-0000-0000-0000-000000000002/resourceGroups/rg-arc/providers/Microsoft.Kubernetes/connectedClusters/onprem-1
aws:
  accounts:
    - name: shop
      accountId: "123456789012"
      region: eu-west-1
      connector: { subscription: security, resourceGroupName: rg-connectors }
      clusters:
        - name: shop-eks
gcp:
  projects:
    - name: data
      projectId: data-platform-1
      projectNumber: 123456789012
      connector: { subscription: security, resourceGroupName: rg-connectors }
      clusters:
        - { name: data-gke, location: europe-west1 }
`;
