import {
  SecurityCenterAutomation,
  SecurityCenterAutomationAction,
  SecurityCenterAutomationSource,
  SecurityCenterAutomationSourceRuleSet,
} from "@cdktf/provider-azurerm/lib/security-center-automation";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AzureResourceIdFormats, isAzureResourceId, parseAzureResourceId } from "../core/azure-resource-id";
import { alertSeverityExpectedValue, AutomationActionType, ContinuousExportName, ExportRule } from "../core/catalog";
import { DefenderValidationError, invalidValue } from "../core/errors";
import { validateSecretReference } from "../core/formats";
import { validateAzureRegion } from "../core/region";
import { isUnresolved, validateNonEmptyUnique, validatePattern } from "../core/validation";
import { checkProps } from "../core/check-props";

/** Severity of a security alert or recommendation. */
export enum AlertSeverity {
  HIGH = "High",
  MEDIUM = "Medium",
  LOW = "Low",
  /** Alerts only (recommendations are High, Medium or Low). */
  INFORMATIONAL = "Informational",
}

/** Data types continuous export can send (`source.event_source`, azurerm docs). */
export enum ExportSource {
  /** Security alerts. */
  ALERTS = "Alerts",
  /** Security recommendations (assessments). */
  RECOMMENDATIONS = "Assessments",
  /** Weekly snapshot of recommendations. */
  RECOMMENDATIONS_SNAPSHOT = "AssessmentsSnapshot",
  /** Security findings (sub-assessments, e.g. container image vulnerabilities). */
  SECURITY_FINDINGS = "SubAssessments",
  /** Weekly snapshot of security findings. */
  SECURITY_FINDINGS_SNAPSHOT = "SubAssessmentsSnapshot",
  /** Overall secure score. */
  SECURE_SCORES = "SecureScores",
  SECURE_SCORES_SNAPSHOT = "SecureScoresSnapshot",
  /** Secure score controls. */
  SECURE_SCORE_CONTROLS = "SecureScoreControls",
  SECURE_SCORE_CONTROLS_SNAPSHOT = "SecureScoreControlsSnapshot",
  /** Regulatory compliance. */
  REGULATORY_COMPLIANCE = "RegulatoryComplianceAssessment",
  REGULATORY_COMPLIANCE_SNAPSHOT = "RegulatoryComplianceAssessmentSnapshot",
}

/** An Event Hub destination. */
export interface AlertExportEventHub {
  /** The event hub (`…/namespaces/<ns>/eventhubs/<hub>`), not the namespace. */
  readonly eventHubResourceId: string;
  /**
   * Connection string with Send rights. A secret: pass a reference (an
   * `EventhubAuthorizationRule`'s `primaryConnectionString`, or a `TerraformVariable` with
   * `sensitive: true`); a literal is rejected because it would be written into `cdk.tf.json`.
   * azurerm stores it as a sensitive attribute; this construct exposes it nowhere.
   */
  readonly connectionString: string;
}

/** A Logic App destination (a "workflow automation" in the portal). */
export interface AlertExportLogicApp {
  /** The Logic App workflow. */
  readonly logicAppResourceId: string;
  /** The trigger's callback URL. It carries a signature: pass a reference, as for a connection string. */
  readonly triggerUrl: string;
}

/** Props of {@link AlertExport}. Set exactly one of `workspaceResourceId`, `eventHub`, `logicApp`. */
export interface AlertExportProps {
  /** Resource group that holds the automation (one continuous export per destination type per group shows in the portal). */
  readonly resourceGroupName: string;
  /** Region of the automation resource, e.g. `westeurope`. */
  readonly location: string;
  /**
   * Subscriptions or resource groups whose data is exported (`/subscriptions/<id>` or
   * `/subscriptions/<id>/resourceGroups/<name>`).
   */
  readonly scopes: string[];
  /**
   * Export to this Log Analytics workspace.
   * @default - not a workspace export
   */
  readonly workspaceResourceId?: string;
  /**
   * Export to this Event Hub.
   * @default - not an Event Hub export
   */
  readonly eventHub?: AlertExportEventHub;
  /**
   * Send to this Logic App.
   * @default - not a Logic App automation
   */
  readonly logicApp?: AlertExportLogicApp;
  /**
   * What to export.
   * @default [ALERTS, RECOMMENDATIONS, SECURITY_FINDINGS] (the data types the built-in export policies default to, without scores and compliance)
   */
  readonly sources?: ExportSource[];
  /**
   * Export only alerts of these severities (needs {@link ExportSource.ALERTS}).
   * @default - every severity
   */
  readonly alertSeverities?: AlertSeverity[];
  /**
   * Export only recommendations of these severities: High, Medium, Low (needs
   * {@link ExportSource.RECOMMENDATIONS} or its snapshot).
   * @default - every severity
   */
  readonly recommendationSeverities?: AlertSeverity[];
  /**
   * Automation name. The portal shows an automation as continuous export only when it is named
   * `ExportToWorkspace` or `ExportToEventHub` (azurerm docs), so keep the default for those.
   * ForceNew.
   * @default "ExportToWorkspace", "ExportToEventHub" or "ExportToLogicApp" by destination
   */
  readonly name?: string;
  /**
   * Turn the export on.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Description shown in the portal.
   * @default "Microsoft Defender for Cloud continuous export (managed by Terraform)"
   */
  readonly description?: string;
  /**
   * Tags of the automation.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * azurerm provider to create the automation with.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

const SEVERITY_ORDER = [AlertSeverity.HIGH, AlertSeverity.MEDIUM, AlertSeverity.LOW, AlertSeverity.INFORMATIONAL];
const RECOMMENDATION_SEVERITIES = [AlertSeverity.HIGH, AlertSeverity.MEDIUM, AlertSeverity.LOW];
const RECOMMENDATION_SOURCES = [ExportSource.RECOMMENDATIONS, ExportSource.RECOMMENDATIONS_SNAPSHOT];
const AUTOMATION_NAME = /^[A-Za-z0-9][\w.-]{0,259}$/;
const SCOPE_FORMS = "a subscription ID (/subscriptions/<GUID>) or a resource group ID (/subscriptions/<GUID>/resourceGroups/<name>)";

/**
 * Continuous export of Defender for Cloud alerts, recommendations and other data to a Log
 * Analytics workspace, an Event Hub or a Logic App (`azurerm_security_center_automation`).
 *
 * Severity filters are written the way Microsoft's built-in export policies write them: one
 * `rule_set` per severity (rule sets are ORed; rules inside one set are ANDed, so a single set
 * listing several severities would match nothing).
 */
export class AlertExport extends Construct {
  /** The automation resource. */
  public readonly automation: SecurityCenterAutomation;
  /** The automation name (see `name`). */
  public readonly automationName: string;
  /** The destination type: `Workspace`, `EventHub` or `LogicApp`. */
  public readonly destinationType: string;

  constructor(scope: Construct, id: string, props: AlertExportProps) {
    super(scope, id);
    checkProps(this, props, "AlertExportProps");
    const location = validateAzureRegion(this, "location", props.location);
    const scopes = this.validateScopes(props.scopes);
    const { action, defaultName } = this.buildAction(props);
    this.destinationType = action.type!;
    this.automationName = validatePattern(
      this,
      "name",
      props.name ?? defaultName,
      AUTOMATION_NAME,
      "1-260 letters, digits, periods, hyphens or underscores, starting with a letter or digit",
    );

    this.automation = new SecurityCenterAutomation(this, "automation", {
      name: this.automationName,
      location,
      resourceGroupName: props.resourceGroupName,
      scopes,
      action: [action],
      source: this.buildSources(props),
      enabled: props.enabled ?? true,
      description: props.description ?? "Microsoft Defender for Cloud continuous export (managed by Terraform)",
      tags: props.tags,
      provider: props.provider,
    });
  }

  private validateScopes(scopes: string[]): string[] {
    validateNonEmptyUnique(this, "scopes", scopes, (s) => s, "scope");
    return scopes.map((value, i) => {
      if (isUnresolved(value)) return value;
      const format = [AzureResourceIdFormats.SUBSCRIPTION, AzureResourceIdFormats.RESOURCE_GROUP].find((f) => isAzureResourceId(value, f));
      if (!format) invalidValue(this, `scopes[${i}]`, value, SCOPE_FORMS);
      return parseAzureResourceId(this, `scopes[${i}]`, value, format)?.id ?? value;
    });
  }

  private buildAction(props: AlertExportProps): { action: SecurityCenterAutomationAction; defaultName: string } {
    const given = (["workspaceResourceId", "eventHub", "logicApp"] as const).filter((p) => props[p] !== undefined);
    if (given.length !== 1) {
      throw new DefenderValidationError(
        this,
        `destination: got ${given.length === 0 ? "none" : given.join(" and ")}; expected exactly one of workspaceResourceId, eventHub, logicApp.`,
      );
    }
    if (props.workspaceResourceId !== undefined) {
      const parsed = parseAzureResourceId(this, "workspaceResourceId", props.workspaceResourceId, AzureResourceIdFormats.LOG_ANALYTICS_WORKSPACE);
      return {
        action: { type: AutomationActionType.WORKSPACE, resourceId: parsed?.id ?? props.workspaceResourceId },
        defaultName: ContinuousExportName.WORKSPACE,
      };
    }
    if (props.eventHub !== undefined) {
      const { eventHubResourceId, connectionString } = props.eventHub;
      const parsed = parseAzureResourceId(this, "eventHub.eventHubResourceId", eventHubResourceId, AzureResourceIdFormats.EVENT_HUB);
      validateSecretReference(this, "eventHub.connectionString", connectionString, "an EventhubAuthorizationRule's primaryConnectionString or a sensitive TerraformVariable");
      return {
        action: { type: AutomationActionType.EVENT_HUB, resourceId: parsed?.id ?? eventHubResourceId, connectionString },
        defaultName: ContinuousExportName.EVENT_HUB,
      };
    }
    const { logicAppResourceId, triggerUrl } = props.logicApp!;
    const parsed = parseAzureResourceId(this, "logicApp.logicAppResourceId", logicAppResourceId, AzureResourceIdFormats.LOGIC_APP);
    validateSecretReference(this, "logicApp.triggerUrl", triggerUrl, "a LogicAppTriggerHttpRequest's callbackUrl or a sensitive TerraformVariable");
    return {
      action: { type: AutomationActionType.LOGIC_APP, resourceId: parsed?.id ?? logicAppResourceId, triggerUrl },
      defaultName: ContinuousExportName.LOGIC_APP,
    };
  }

  private buildSources(props: AlertExportProps): SecurityCenterAutomationSource[] {
    const sources = validateNonEmptyUnique(
      this,
      "sources",
      props.sources ?? [ExportSource.ALERTS, ExportSource.RECOMMENDATIONS, ExportSource.SECURITY_FINDINGS],
      (s) => s,
      "source",
    );
    const alertRuleSets = this.severityRuleSets("alertSeverities", props.alertSeverities, SEVERITY_ORDER, (severity) => [
      this.rule(ExportRule.ALERT_SEVERITY_PATH, ExportRule.OPERATOR_EQUALS, alertSeverityExpectedValue(severity)),
    ]);
    const recommendationRuleSets = this.severityRuleSets("recommendationSeverities", props.recommendationSeverities, RECOMMENDATION_SEVERITIES, (severity) => [
      this.rule(ExportRule.RECOMMENDATION_TYPE_PATH, ExportRule.OPERATOR_CONTAINS, ExportRule.RECOMMENDATION_TYPE_VALUE),
      this.rule(ExportRule.RECOMMENDATION_SEVERITY_PATH, ExportRule.OPERATOR_EQUALS, severity),
    ]);
    if (alertRuleSets && !sources.includes(ExportSource.ALERTS)) {
      throw new DefenderValidationError(this, `alertSeverities: got a filter without the ALERTS source; expected sources to include ExportSource.ALERTS ("${ExportSource.ALERTS}").`);
    }
    if (recommendationRuleSets && !sources.some((s) => RECOMMENDATION_SOURCES.includes(s))) {
      throw new DefenderValidationError(
        this,
        `recommendationSeverities: got a filter without a recommendations source; expected sources to include ExportSource.RECOMMENDATIONS ("${ExportSource.RECOMMENDATIONS}") or its snapshot.`,
      );
    }
    return sources.map((eventSource) => {
      const ruleSet = eventSource === ExportSource.ALERTS ? alertRuleSets : RECOMMENDATION_SOURCES.includes(eventSource) ? recommendationRuleSets : undefined;
      return { eventSource, ...(ruleSet ? { ruleSet } : {}) };
    });
  }

  /** One rule set per severity, in canonical order (so reordering the prop does not change the plan). */
  private severityRuleSets(
    prop: string,
    severities: AlertSeverity[] | undefined,
    allowed: readonly AlertSeverity[],
    rulesFor: (severity: AlertSeverity) => SecurityCenterAutomationSourceRuleSet["rule"],
  ): SecurityCenterAutomationSourceRuleSet[] | undefined {
    if (severities === undefined) return undefined;
    validateNonEmptyUnique(this, prop, severities, (s) => s, "severity");
    severities.forEach((severity, i) => {
      if (!allowed.includes(severity)) invalidValue(this, `${prop}[${i}]`, severity, `one of ${allowed.join(", ")}`);
    });
    return allowed.filter((s) => severities.includes(s)).map((severity) => ({ rule: rulesFor(severity) }));
  }

  private rule(propertyPath: string, operator: string, expectedValue: string) {
    return { propertyPath, operator, expectedValue, propertyType: ExportRule.PROPERTY_TYPE_STRING };
  }
}
