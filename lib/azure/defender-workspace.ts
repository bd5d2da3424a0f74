import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { DefaultWorkspaceNaming, LogAnalytics } from "../core/catalog";
import { AzureResourceIdFormats, formatAzureResourceId, parseAzureResourceId, validateResourceGroupName } from "../core/azure-resource-id";
import { setPreventDestroy } from "../core/lifecycle";
import { defaultWorkspaceLocationCode, normalizeRegion, validateAzureRegion } from "../core/region";
import { GUID_FORM, isGuid, isUnresolved, validateGuid, validateIntegerInRange, validatePattern } from "../core/validation";
import { DEFAULT_WORKSPACE_LOCATION_CODES } from "../core/catalog/regions";
import { checkProps } from "../core/check-props";
import { DefenderArgumentError } from "../core/errors";

/**
 * A Log Analytics workspace the Defender sensor reports to: a {@link DefenderWorkspace} of this app,
 * or an existing one from {@link DefenderWorkspace.fromAttributes}. Replaces the trio of ID props
 * (`workspaceResourceId`, `workspaceId`, `workspaceKey`) that constructs took before.
 */
export interface IDefenderWorkspace {
  /** ARM resource ID of the workspace. */
  readonly workspaceResourceId: string;
  /** The workspace (customer) ID, a GUID, for sensors that authenticate with the shared key (Arc). */
  readonly workspaceId?: string;
  /** Primary shared key. Sensitive: pass only into protected settings, never into an output. */
  readonly primarySharedKey?: string;
}

/** Attributes of an existing workspace, for {@link DefenderWorkspace.fromAttributes}. */
export interface DefenderWorkspaceAttributes {
  /** ARM resource ID of the workspace. */
  readonly workspaceResourceId: string;
  /**
   * The workspace (customer) ID, a GUID.
   * @default - none (sensors that need it take it from their own props)
   */
  readonly workspaceId?: string;
  /**
   * Primary shared key, e.g. a sensitive TerraformVariable.
   * @default - none
   */
  readonly primarySharedKey?: string;
}

/** Props of {@link DefenderWorkspace}. */
export interface DefenderWorkspaceProps {
  /** Resource group that holds the workspace. */
  readonly resourceGroupName: string;
  /** Azure region, e.g. `westeurope`. Put it near the clusters that report to it. */
  readonly location: string;
  /**
   * Workspace name: 4-63 letters, digits and hyphens, starting and ending with a letter or digit.
   * @default "law-defender-containers-<location>"
   */
  readonly name?: string;
  /**
   * Days of data retention (30-730 on the PerGB2018 SKU).
   * @default 30
   */
  readonly retentionInDays?: number;
  /**
   * Daily ingestion cap in GB.
   * @default - no cap
   */
  readonly dailyQuotaGb?: number;
  /**
   * Set `prevent_destroy`: the workspace holds security telemetry and cannot be recreated with its data.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Accept ingestion from the public internet. Set false when clusters send through a private link.
   * @default true
   */
  readonly internetIngestionEnabled?: boolean;
  /**
   * Accept queries from the public internet.
   * @default true
   */
  readonly internetQueryEnabled?: boolean;
  /**
   * Tags for the workspace.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * azurerm provider to create the workspace with.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/** The names Defender's policies give the workspace they create when none is assigned. */
export interface DefaultWorkspaceName {
  /** `DefaultResourceGroup-<code>` */
  readonly resourceGroupName: string;
  /** `DefaultWorkspace-<subscriptionId>-<code>` */
  readonly workspaceName: string;
  /** Full resource ID of that workspace. */
  readonly resourceId: string;
  /** The region's location code, e.g. `WEU`. */
  readonly locationCode: string;
}

const WORKSPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/;

/**
 * A Log Analytics workspace for the Defender sensor's data, protected from accidental destroy.
 *
 * Pass {@link workspaceResourceId} to the sensors and to the custom-workspace policy assignment.
 */
export class DefenderWorkspace extends Construct implements IDefenderWorkspace {
  /**
   * The resource group, workspace name and ID Defender's built-in policies (64def556…, 708b60a6…)
   * use when no custom workspace is assigned: `DefaultWorkspace-<subscriptionId>-<code>` in
   * `DefaultResourceGroup-<code>`. Useful to reference or import the workspace Defender already made.
   * @throws DefenderArgumentError when the subscription is not a GUID or the policy has no code for the region.
   */
  public static defaultWorkspaceName(subscriptionId: string, region: string): DefaultWorkspaceName {
    if (!isGuid(subscriptionId)) {
      throw new DefenderArgumentError(`DefenderWorkspace.defaultWorkspaceName: subscriptionId: got ${JSON.stringify(subscriptionId)}; expected ${GUID_FORM}.`);
    }
    const locationCode = defaultWorkspaceLocationCode(region);
    if (!locationCode) {
      throw new DefenderArgumentError(
        `DefenderWorkspace.defaultWorkspaceName: region: got ${JSON.stringify(region)}; expected one of the regions Defender's policy names default workspaces for: ${Object.keys(DEFAULT_WORKSPACE_LOCATION_CODES).join(", ")}.`,
      );
    }
    const resourceGroupName = DefaultWorkspaceNaming.resourceGroupName(locationCode);
    const workspaceName = DefaultWorkspaceNaming.workspaceName(subscriptionId, locationCode);
    const resourceId = formatAzureResourceId(AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE, {
      subscriptionId,
      resourceGroupName,
      name: workspaceName,
    });
    return { resourceGroupName, workspaceName, resourceId, locationCode };
  }

  /**
   * A workspace this app does not create, by its attributes, for every prop that takes an
   * {@link IDefenderWorkspace}. A literal resource ID is checked and normalized; a workspace ID must be a GUID.
   */
  public static fromAttributes(scope: Construct, id: string, attrs: DefenderWorkspaceAttributes): IDefenderWorkspace {
    const ref = new Construct(scope, id);
    const parsed = parseAzureResourceId(ref, "workspaceResourceId", attrs.workspaceResourceId, AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE);
    if (attrs.workspaceId !== undefined) validateGuid(ref, "workspaceId", attrs.workspaceId);
    return { workspaceResourceId: parsed?.id ?? attrs.workspaceResourceId, workspaceId: attrs.workspaceId, primarySharedKey: attrs.primarySharedKey };
  }

  /** The workspace resource. */
  public readonly workspace: LogAnalyticsWorkspace;
  /** ARM resource ID of the workspace: what sensors and policy parameters take. */
  public readonly workspaceResourceId: string;
  /** The workspace (customer) ID, a GUID. */
  public readonly workspaceId: string;
  /** Primary shared key. Sensitive: pass only into protected settings, never into an output. */
  public readonly primarySharedKey: string;

  constructor(scope: Construct, id: string, props: DefenderWorkspaceProps) {
    super(scope, id);
    checkProps(this, props, "DefenderWorkspaceProps");
    validateResourceGroupName(this, "resourceGroupName", props.resourceGroupName);
    const location = validateAzureRegion(this, "location", props.location);
    const name = props.name ?? `law-defender-containers-${isUnresolved(location) ? "region" : normalizeRegion(location)}`;
    validatePattern(this, "name", name, WORKSPACE_NAME, "4-63 letters, digits or hyphens, starting and ending with a letter or digit");
    const retentionInDays = validateIntegerInRange(
      this,
      "retentionInDays",
      props.retentionInDays ?? LogAnalytics.DEFAULT_RETENTION_DAYS,
      LogAnalytics.MIN_RETENTION_DAYS,
      LogAnalytics.MAX_RETENTION_DAYS,
    );
    if (props.dailyQuotaGb !== undefined && !isUnresolved(props.dailyQuotaGb) && !(props.dailyQuotaGb > 0)) {
      validateIntegerInRange(this, "dailyQuotaGb", props.dailyQuotaGb, 1, Number.MAX_SAFE_INTEGER);
    }

    this.workspace = new LogAnalyticsWorkspace(this, "workspace", {
      name,
      location,
      resourceGroupName: props.resourceGroupName,
      sku: LogAnalytics.SKU,
      retentionInDays,
      dailyQuotaGb: props.dailyQuotaGb,
      internetIngestionEnabled: props.internetIngestionEnabled,
      internetQueryEnabled: props.internetQueryEnabled,
      tags: props.tags,
      provider: props.provider,
    });
    setPreventDestroy(this.workspace, props.preventDestroy ?? true);

    this.workspaceResourceId = this.workspace.id;
    this.workspaceId = this.workspace.workspaceId;
    this.primarySharedKey = this.workspace.primarySharedKey;
  }
}
