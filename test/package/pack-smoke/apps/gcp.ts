// A user's GKE app, compiled against the packed tarball (see ../run.sh) with only google, azurerm, helm and
// kubernetes installed. Provider imports end in /index.js so that they resolve under NodeNext as well.
import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster/index.js";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider/index.js";
import { App, TerraformStack } from "cdktf";
import { AzapiProvider, GkeCluster, GkeDefenderForContainers } from "cdktf-defender-for-containers/gcp";

const app = new App();
const stack = new TerraformStack(app, "smoke-gcp");
new GoogleProvider(stack, "google", { project: "smoke-project", region: "europe-west1" });
new AzapiProvider(stack, "azapi", { subscriptionId: "11111111-2222-3333-4444-555555555555" });
const cluster = new ContainerCluster(stack, "prod", { name: "prod-gke", location: "europe-west1", initialNodeCount: 1 });
new GkeDefenderForContainers(stack, "defender", {
  projectId: "smoke-project",
  projectNumber: "123456789012",
  azureTenantId: "00000000-0000-0000-0000-000000000001",
  connectorResourceGroupId: "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-security",
  connectorLocation: "westeurope",
  clusters: [GkeCluster.fromContainerCluster(cluster)],
});
app.synth();
