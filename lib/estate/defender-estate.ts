import { App, TerraformStack } from "cdktf";
import { DefenderValidationError } from "../core/errors";
import { enablePlainResolve } from "../core/private/plain-resolve";
import { restoreAfterSynth } from "../core/private/until-synth";
import { TokenStackTraces } from "../core/token-stack-traces";
import type { EstateDescription } from "./estate-schema";
import { estateSelectionFromEnvironment, EstateSelection, EstateSelectionError, EstateUnit, selectEstateUnits } from "./estate-selection";
import { DefenderAwsAccountStack } from "./aws-account-stack";
import { DefenderGcpProjectStack } from "./gcp-project-stack";
import { DefenderSubscriptionStack } from "./subscription-stack";
import { loadEstateDescription } from "./load-estate-description";

/** Props of {@link DefenderEstate}. */
export interface DefenderEstateProps {
  /** The validated description (see {@link loadEstateDescription} / `parseEstateDescription`). */
  readonly description: EstateDescription;
  /**
   * Prefix of every stack name, e.g. `estate-` to keep an estate apart from other stacks of the app.
   * @default ""
   */
  readonly stackNamePrefix?: string;
  /**
   * Which units to synthesize: by name, by cloud, or one shard `i/n` of the estate, so CI can split a
   * large estate across machines (see `estateGithubActionsWorkflow`). Units that share a workspace stay
   * together, so each stack is byte-identical to the same stack of a whole-estate run.
   * @default - the selection in `DEFENDER_ESTATE_SHARD`, `DEFENDER_ESTATE_UNITS` and
   * `DEFENDER_ESTATE_CLOUDS` (see `estateSelectionFromEnvironment`); all units when they are unset
   */
  readonly select?: EstateSelection;
  /**
   * Let cdktf capture a stack trace for every token it creates. An estate's stacks are the whole app, so
   * the estate turns capture off for its app until `app.synth()` returns (see `TokenStackTraces`): the
   * Terraform is byte-identical, construction is several times faster, and only the "created at" lines of a
   * token resolution error are lost. Set `true` while debugging such an error.
   * @default false
   */
  readonly tokenStackTraces?: boolean;
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

  /** The units this estate synthesizes (all, or the selection), in stack order. */
  public readonly units: readonly EstateUnit[];

  /** Every stack, in creation order. */
  public readonly stacks: TerraformStack[] = [];
  /** Subscription stacks by estate name. */
  public readonly subscriptions = new Map<string, DefenderSubscriptionStack>();
  /** AWS account stacks by estate name. */
  public readonly accounts = new Map<string, DefenderAwsAccountStack>();
  /** GCP project stacks by estate name. */
  public readonly projects = new Map<string, DefenderGcpProjectStack>();

  constructor(app: App, props: DefenderEstateProps) {
    if (!props.tokenStackTraces) TokenStackTraces.disableUntilSynth(app);
    restoreAfterSynth(app, enablePlainResolve());
    const prefix = props.stackNamePrefix ?? "";
    this.units = selectedUnits(app, props);
    const chosen = new Set(this.units.map((u) => u.id));
    const description = props.description;
    const defaults = description.defaults;
    const azure = { subscriptions: description.azure.subscriptions.filter((s) => chosen.has(`azure-${s.name}`)) };
    const aws = { accounts: description.aws.accounts.filter((a) => chosen.has(`aws-${a.name}`)) };
    const gcp = { projects: description.gcp.projects.filter((p) => chosen.has(`gcp-${p.name}`)) };

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

/** The units `props.select` (or the environment) keeps; a bad selection names the app and the option. */
function selectedUnits(app: App, props: DefenderEstateProps): EstateUnit[] {
  try {
    return selectEstateUnits(props.description, props.select ?? estateSelectionFromEnvironment());
  } catch (error) {
    if (!(error instanceof EstateSelectionError)) throw error;
    const where = props.select ? "select." : "environment (DEFENDER_ESTATE_*): ";
    throw new DefenderValidationError(app, `DefenderEstate ${where}${error.message}`);
  }
}

function isShared(subscription: EstateDescription["azure"]["subscriptions"][number]): boolean {
  return subscription.workspace !== undefined && "sharedFrom" in subscription.workspace;
}
