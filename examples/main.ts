// Synthesizes every example stack into cdktf.out/stacks/<name>/cdk.tf.json.
// Run with `npm run synth` (no credentials, no terraform binary) or `cdktf synth`.
import { App } from "cdktf";
import { join } from "path";
import { DefenderEstate } from "cdktf-defender-for-containers";
import { AksExampleStack } from "./aks/aks-stack";
import { AksPrivateExampleStack } from "./aks/aks-private-stack";
import { ArcExampleStack } from "./arc/arc-stack";
import { GkeExampleStack } from "./gke/gke-stack";
import { EksExampleStack } from "./eks/eks-stack";
import { MulticloudExampleStack } from "./multicloud/multicloud-stack";

const app = new App();
new AksExampleStack(app, "aks");
new AksPrivateExampleStack(app, "aks-private");
new ArcExampleStack(app, "arc");
new GkeExampleStack(app, "gke");
new EksExampleStack(app, "eks");
new MulticloudExampleStack(app, "multicloud");
// A whole estate from one file: one stack per subscription, account and project (estate-*).
DefenderEstate.fromFile(app, join(__dirname, "estate", "estate.yaml"), { stackNamePrefix: "estate-" });
app.synth();
