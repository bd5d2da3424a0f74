import { DataTerraformRemoteState, TerraformBackend, TerraformRemoteState } from "cdktf";
import { Construct } from "constructs";

/** Props of {@link HcpTerraformBackend}. */
export interface HcpTerraformBackendProps {
  /** HCP Terraform / Terraform Enterprise organization. */
  readonly organization: string;
  /** Workspace name. */
  readonly workspaceName: string;
  /**
   * HCP Terraform project of the workspace.
   * @default - the organization's default project
   */
  readonly project?: string;
  /**
   * Hostname for Terraform Enterprise.
   * @default "app.terraform.io"
   */
  readonly hostname?: string;
}

/**
 * A `terraform { cloud { … } }` block for one named workspace.
 *
 * cdktf's `CloudBackend` renders the same block, but adds a validation that runs `terraform version`,
 * which fails synth on machines without a terraform binary (CI, this repo's synth command). Remote
 * state lookups of other stacks use the `remote` data source, as `CloudBackend` does.
 */
export class HcpTerraformBackend extends TerraformBackend {
  constructor(
    scope: Construct,
    private readonly props: HcpTerraformBackendProps,
  ) {
    super(scope, "backend", "cloud");
  }

  public toTerraform(): any {
    return {
      terraform: {
        cloud: {
          organization: this.props.organization,
          hostname: this.props.hostname,
          workspaces: { name: this.props.workspaceName, project: this.props.project },
          ...this.rawOverrides,
        },
      },
    };
  }

  public toMetadata(): any {
    return { ...super.toMetadata(), cloud: this.props.hostname && !this.props.hostname.startsWith("app.terraform.io") ? "tfe" : "tfc" };
  }

  public getRemoteStateDataSource(scope: Construct, name: string, _fromStack: string): TerraformRemoteState {
    return new DataTerraformRemoteState(scope, name, {
      organization: this.props.organization,
      hostname: this.props.hostname,
      workspaces: { name: this.props.workspaceName },
    });
  }
}
