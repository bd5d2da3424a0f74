import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { prepareStackSkippingLocalReferences } from "../core/private/prepare-stack";
import { GkeDefenderCluster, GkeDefenderForContainers } from "../patterns";
import { placeConnector } from "./connector-placement";
import { configureEstateBackend } from "./estate-backend";
import { EstateDescription, EstateGcpProject } from "./estate-schema";

/** Props of {@link DefenderGcpProjectStack}. */
export interface DefenderGcpProjectStackProps {
  /** The project's entry in the estate file. */
  readonly project: EstateGcpProject;
  /** The whole estate (defaults, and the subscription hosting the connector). */
  readonly description: EstateDescription;
}

/**
 * One GCP project of an estate, in its own Terraform state: the workload identity pool, the
 * service accounts, the Azure security connector (in the subscription the file names) and the
 * sensor on each listed GKE cluster, through {@link GkeDefenderForContainers}.
 */
export class DefenderGcpProjectStack extends TerraformStack {
  /** The google provider, configured for this project. */
  public readonly google: GoogleProvider;
  /** The GKE pattern. */
  public readonly gke: GkeDefenderForContainers;

  constructor(scope: Construct, id: string, props: DefenderGcpProjectStackProps) {
    super(scope, id);
    const { project, description } = props;
    configureEstateBackend(this, project.backend ?? description.defaults.backend, { stack: id, kind: "gcp", name: project.name });
    this.google = new GoogleProvider(this, "google", { project: project.projectId, region: project.region });
    const connector = placeConnector(this, project.connector, description);
    this.gke = new GkeDefenderForContainers(this, "gke", {
      projectId: project.projectId,
      projectNumber: project.projectNumber,
      azureTenantId: description.defaults.tenantId,
      connectorResourceGroupId: connector.resourceGroupId,
      connectorLocation: connector.location,
      connectorName: connector.name,
      clusters: project.clusters.map((cluster) => GkeDefenderCluster.fromName(cluster.name, { location: cluster.location })),
      googleProvider: this.google,
      azapiProvider: connector.azapi,
    });
  }

  /** What cdktf's `prepareStack()` does, without resolving the references that stay in this stack (same output, less work). */
  public prepareStack(): void {
    if (!prepareStackSkippingLocalReferences(this)) super.prepareStack();
  }
}
