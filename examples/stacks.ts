import { App } from "cdktf";
import { join } from "path";
import { DefenderEstate } from "cdktf-defender-for-containers";
import { AksPrivateExampleStack } from "./aks/aks-private-stack";
import { AksExampleStack } from "./aks/aks-stack";
import { ArcExampleStack } from "./arc/arc-stack";
import { EksExampleStack } from "./eks/eks-stack";
import { GkeExampleStack } from "./gke/gke-stack";
import { MulticloudExampleStack } from "./multicloud/multicloud-stack";

/** Every example, by name: adds its stack(s) to an app. main.ts synthesizes them all; the benchmarks one at a time. */
export const EXAMPLES: Readonly<Record<string, (app: App) => void>> = {
  aks: (app) => new AksExampleStack(app, "aks"),
  // The same subscription and cluster with the sensor Helm chart instead of the security profile.
  "aks-helm": (app) => new AksExampleStack(app, "aks-helm", { sensorInstall: "helm" }),
  "aks-private": (app) => new AksPrivateExampleStack(app, "aks-private"),
  arc: (app) => new ArcExampleStack(app, "arc"),
  gke: (app) => new GkeExampleStack(app, "gke"),
  eks: (app) => new EksExampleStack(app, "eks"),
  multicloud: (app) => new MulticloudExampleStack(app, "multicloud"),
  // A whole estate from one file: one stack per subscription, account and project (estate-*).
  estate: (app) => DefenderEstate.fromFile(app, join(__dirname, "estate", "estate.yaml"), { stackNamePrefix: "estate-" }),
};
