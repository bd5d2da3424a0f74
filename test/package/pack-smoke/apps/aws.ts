// A user's EKS app, compiled against the packed tarball (see ../run.sh) with only aws, azurerm, helm and
// kubernetes installed. Provider imports end in /index.js so that they resolve under NodeNext as well.
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { App, TerraformStack } from "cdktf";
import { AzapiProvider, EksDefenderCluster, EksDefenderForContainers } from "cdktf-defender-for-containers/aws";

const app = new App();
const stack = new TerraformStack(app, "smoke-aws");
const aws = new AwsProvider(stack, "aws", { region: "eu-west-1" });
const azapi = new AzapiProvider(stack, "azapi", { subscriptionId: "11111111-2222-3333-4444-555555555555" });
const cluster = new EksCluster(stack, "cluster", {
  name: "eks-smoke",
  roleArn: "arn:aws:iam::123456789012:role/eks-cluster",
  vpcConfig: { subnetIds: ["subnet-1", "subnet-2"] },
  accessConfig: { authenticationMode: "API_AND_CONFIG_MAP" },
});
new EksDefenderForContainers(stack, "defender", {
  accountId: "123456789012",
  azureTenantId: "00000000-0000-0000-0000-000000000001",
  region: "eu-west-1",
  connectorResourceGroupId: "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-security",
  connectorLocation: "westeurope",
  clusters: [EksDefenderCluster.fromCluster(cluster)],
  awsProvider: aws,
  azapiProvider: azapi,
});
app.synth();
