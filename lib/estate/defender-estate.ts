import { App, TerraformStack } from "cdktf";
import { EstateDescription } from "./estate-schema";
import { loadEstateDescription } from "./load-estate-description";
import { DefenderAwsAccountStack } from "./aws-account-stack";
import { DefenderGcpProjectStack } from "./gcp-project-stack";
import { DefenderSubscriptionStack } from "./subscription-stack";

/** Props of {@link DefenderEstate}. */
export interface DefenderEstateProps {
  /** The validated description (see {@link loadEstateDescription} / `parseEstateDescription`). */
  readonly description: EstateDescription;
  /**
   * Prefix of every stack name, e.g. `estate-` to keep an estate apart from other stacks of the app.
   * @default ""
   */
  readonly stackNamePrefix?: string;
}

/**
 * A whole estate from one description file: one `TerraformStack` (one state) per Azure
 * subscription (`azure-<name>`), AWS account (`aws-<name>`) and GCP project (`gcp-<name>`), each
 * with its own provider configuration and backend. Stacks are created in file order, Azure first,
 * so names and order are deterministic.
 *
 * Values that cross stacks (a workspace shared from another subscription) are real cdktf
 * cross-stack references: cdktf writes an output in the producing stack and a
 * `terraform_remote_state` data source in the consuming one, and records the dependency in
 * `manifest.json` so `cdktf deploy` orders the two.
 */
export class DefenderEstate {
  /** Reads, validates and builds the estate in `file` (YAML or JSON). */
  public static fromFile(app: App, file: string, options: Omit<DefenderEstateProps, "description"> = {}): DefenderEstate {
    return new DefenderEstate(app, { ...options, description: loadEstateDescription(file) });
  }

  /** Every stack, in creation order. */
  public readonly stacks: TerraformStack[] = [];
  /** Subscription stacks by estate name. */
  public readonly subscriptions = new Map<string, DefenderSubscriptionStack>();
  /** AWS account stacks by estate name. */
  public readonly accounts = new Map<string, DefenderAwsAccountStack>();
  /** GCP project stacks by estate name. */
  public readonly projects = new Map<string, DefenderGcpProjectStack>();

  constructor(app: App, props: DefenderEstateProps) {
    const prefix = props.stackNamePrefix ?? "";
    const { defaults, azure, aws, gcp } = props.description;

    // Subscriptions that create a workspace first, so those that share it can reference it.
    const ordered = [...azure.subscriptions].sort((a, b) => Number(isShared(a)) - Number(isShared(b)));
    for (const subscription of ordered) {
      const sharedFrom = isShared(subscription) ? this.subscriptions.get((subscription.workspace as { sharedFrom: string }).sharedFrom) : undefined;
      const stack = new DefenderSubscriptionStack(app, `${prefix}azure-${subscription.name}`, {
        subscription,
        defaults,
        sharedWorkspace: sharedFrom?.workspace,
      });
      this.subscriptions.set(subscription.name, stack);
    }
    // Expose stacks in file order, whatever order they had to be built in.
    this.stacks.push(...azure.subscriptions.map((s) => this.subscriptions.get(s.name)!));

    for (const account of aws.accounts) {
      const stack = new DefenderAwsAccountStack(app, `${prefix}aws-${account.name}`, { account, description: props.description });
      this.accounts.set(account.name, stack);
      this.stacks.push(stack);
    }
    for (const project of gcp.projects) {
      const stack = new DefenderGcpProjectStack(app, `${prefix}gcp-${project.name}`, { project, description: props.description });
      this.projects.set(project.name, stack);
      this.stacks.push(stack);
    }
  }
}

function isShared(subscription: EstateDescription["azure"]["subscriptions"][number]): boolean {
  return subscription.workspace !== undefined && "sharedFrom" in subscription.workspace;
}
