import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import {
  BuiltInPolicies,
  builtInPolicyDefinitionId,
  POD_SECURITY_BASELINE_DEFAULT_EXCLUDED_NAMESPACES,
  PodSecurityBaselineParameter,
  SensorChart,
} from "../core/catalog";
import { DefenderValidationError } from "../core/errors";
import { isUnresolved, validatePattern } from "../core/validation";
import { PolicyScopeType, resolvePolicyScope } from "../core/policy-scope";
import { assignPolicy, PolicyAssignmentResource, validatePolicyAssignmentName } from "./private/policy-assignment";
import { checkProps } from "../core/check-props";

/** Effect of the pod security baseline initiative. */
export enum PodSecurityEffect {
  /** Report non-compliant pods (the initiative's default). */
  AUDIT = "Audit",
  /** Refuse non-compliant pods at admission (Gatekeeper). */
  DENY = "Deny",
}

/** Props of {@link PodSecurityBaseline}. */
export interface PodSecurityBaselineProps {
  /**
   * Where to assign: a subscription (`/subscriptions/<id>`), management group
   * (`/providers/Microsoft.Management/managementGroups/<id>`) or resource group
   * (`/subscriptions/<id>/resourceGroups/<name>`) ID. The assignment resource is chosen from
   * the form of the ID.
   */
  readonly scope: string;
  /**
   * The type of `scope`. Needed only when `scope` is a reference (a token cannot be inspected).
   * @default - read from the literal ID
   */
  readonly scopeType?: PolicyScopeType;
  /**
   * Audit or Deny.
   * @default PodSecurityEffect.AUDIT
   */
  readonly effect?: PodSecurityEffect;
  /**
   * Namespaces to exclude, added to the initiative's defaults (kube-system, gatekeeper-system,
   * azure-arc, azure-extensions-usage-system) and, unless `excludeSensorNamespace` is false,
   * the sensor's `mdc` namespace.
   * @default - the defaults only
   */
  readonly excludedNamespaces?: string[];
  /**
   * Use `excludedNamespaces` as the whole list instead of adding to the defaults. System pods
   * need host access, so with Deny this can stop them from starting.
   * @default false
   */
  readonly replaceDefaultExcludedNamespaces?: boolean;
  /**
   * Exclude the Defender sensor's namespace (`mdc`, used by the Arc extension and the Helm
   * chart). The sensor's collector runs with SYS_ADMIN, SYS_PTRACE and host paths, which the
   * baseline's capability and hostPath policies would deny. (On AKS it runs in kube-system.)
   * @default true
   */
  readonly excludeSensorNamespace?: boolean;
  /**
   * Limit the initiative to these namespaces (`namespaces` parameter).
   * @default - every namespace not excluded
   */
  readonly namespaces?: string[];
  /**
   * Assignment name (64 characters at most; 24 at management group scope).
   * @default "pod-security-baseline"
   */
  readonly name?: string;
  /**
   * Display name in the portal.
   * @default "Kubernetes pod security baseline (Audit)" or "(Deny)"
   */
  readonly displayName?: string;
  /**
   * Enforce the effect (`enforce`); false evaluates without denying (DoNotEnforce).
   * @default true
   */
  readonly enforce?: boolean;
  /**
   * azurerm provider.
   * @default - the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

// Kubernetes namespace names are DNS-1123 labels.
const NAMESPACE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Assigns the built-in initiative "Kubernetes cluster pod security baseline standards for
 * Linux-based workloads" (a8640138…) at a subscription, management group or resource group,
 * with effect Audit or Deny. Clusters need the Azure Policy add-on / extension for it to act.
 * Parameters are always written out, so the plan shows exactly what is excluded.
 */
export class PodSecurityBaseline extends Construct {
  /** The assignment resource (subscription, management group or resource group assignment). */
  public readonly assignment: PolicyAssignmentResource;
  /** The scope type the assignment was made at. */
  public readonly scopeType: PolicyScopeType;
  /** The `excludedNamespaces` parameter value written. */
  public readonly excludedNamespaces: readonly string[];

  constructor(scope: Construct, id: string, props: PodSecurityBaselineProps) {
    super(scope, id);
    checkProps(this, props, "PodSecurityBaselineProps");
    const resolved = resolvePolicyScope(this, "scope", props.scope, props.scopeType);
    this.scopeType = resolved.type;
    const name = validatePolicyAssignmentName(this, "name", props.name ?? "pod-security-baseline", resolved.type);
    const effect = props.effect ?? PodSecurityEffect.AUDIT;

    const extra = this.namespaces("excludedNamespaces", props.excludedNamespaces ?? []);
    const base = props.replaceDefaultExcludedNamespaces ? [] : [...POD_SECURITY_BASELINE_DEFAULT_EXCLUDED_NAMESPACES];
    const sensor = (props.excludeSensorNamespace ?? true) ? [SensorChart.NAMESPACE] : [];
    this.excludedNamespaces = [...new Set([...base, ...sensor, ...extra])];
    if (this.excludedNamespaces.length === 0) {
      throw new DefenderValidationError(
        this,
        "excludedNamespaces: got an empty list with replaceDefaultExcludedNamespaces; expected at least one namespace — without exclusions, system pods are audited or denied too.",
      );
    }
    const namespaces = props.namespaces === undefined ? undefined : this.namespaces("namespaces", props.namespaces);
    if (namespaces && namespaces.length === 0) {
      throw new DefenderValidationError(this, "namespaces: got []; expected at least one namespace, or leave namespaces unset for all namespaces.");
    }
    const overlap = namespaces?.find((n) => this.excludedNamespaces.includes(n));
    if (overlap !== undefined) {
      throw new DefenderValidationError(this, `namespaces: got "${overlap}", which is also excluded; expected a namespace that is not in excludedNamespaces.`);
    }

    const parameters: Record<string, { value: unknown }> = {
      [PodSecurityBaselineParameter.EFFECT]: { value: effect },
      [PodSecurityBaselineParameter.EXCLUDED_NAMESPACES]: { value: this.excludedNamespaces },
      ...(namespaces ? { [PodSecurityBaselineParameter.NAMESPACES]: { value: namespaces } } : {}),
    };
    this.assignment = assignPolicy(this, "assignment", {
      scope: resolved,
      name,
      policyDefinitionId: builtInPolicyDefinitionId(BuiltInPolicies.POD_SECURITY_BASELINE),
      displayName: props.displayName ?? `Kubernetes pod security baseline (${effect})`,
      description: `${BuiltInPolicies.POD_SECURITY_BASELINE.displayName} (initiative ${BuiltInPolicies.POD_SECURITY_BASELINE.name}).`,
      parameters: JSON.stringify(parameters),
      enforce: props.enforce ?? true,
      provider: props.provider,
    });
  }

  private namespaces(prop: string, values: string[]): string[] {
    const seen = new Set<string>();
    values.forEach((ns, i) => {
      validatePattern(this, `${prop}[${i}]`, ns, NAMESPACE, "a Kubernetes namespace name (1-63 lowercase letters, digits or hyphens, starting and ending with a letter or digit)");
      if (!isUnresolved(ns) && seen.has(ns)) {
        throw new DefenderValidationError(this, `${prop}[${i}]: got "${ns}" twice; expected each namespace once.`);
      }
      seen.add(ns);
    });
    return values;
  }
}
