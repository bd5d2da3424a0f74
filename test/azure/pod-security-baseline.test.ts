import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformVariable } from "cdktf";
import { PodSecurityBaseline, PodSecurityBaselineProps, PodSecurityEffect } from "../../lib/azure";
import { PolicyScopeType } from "../../lib/core";
import { newStack, onlyResourceOf, resourcesOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const SUBSCRIPTION = `/subscriptions/${SUB}`;
const MG = "/providers/Microsoft.Management/managementGroups/platform";
const RG = `${SUBSCRIPTION}/resourceGroups/rg-aks`;
const INITIATIVE = "/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d";
const DEFAULT_EXCLUDED = ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system", "mdc"];

function assignmentOf(props: Partial<PodSecurityBaselineProps>, type = "azurerm_subscription_policy_assignment") {
  const synth = synthesize((stack) => new PodSecurityBaseline(stack, "psb", { scope: SUBSCRIPTION, ...props }));
  return onlyResourceOf(synth, type);
}
const parametersOf = (assignment: any) => JSON.parse(assignment.parameters);
const make = (props: Partial<PodSecurityBaselineProps>) => () => new PodSecurityBaseline(newStack(), "psb", { scope: SUBSCRIPTION, ...props });

describe("PodSecurityBaseline", () => {
  test("subscription scope: the initiative with Audit and the default exclusions plus the sensor namespace", () => {
    const assignment = assignmentOf({});
    expect(assignment).toEqual({
      name: "pod-security-baseline",
      subscription_id: SUBSCRIPTION,
      policy_definition_id: INITIATIVE,
      display_name: "Kubernetes pod security baseline (Audit)",
      description: "Kubernetes cluster pod security baseline standards for Linux-based workloads (initiative a8640138-9b0a-4a28-b8cb-1666c838647d).",
      enforce: true,
      parameters: JSON.stringify({ effect: { value: "Audit" }, excludedNamespaces: { value: DEFAULT_EXCLUDED } }),
    });
  });

  test.each([
    [MG, "azurerm_management_group_policy_assignment", "management_group_id", PolicyScopeType.MANAGEMENT_GROUP],
    [RG, "azurerm_resource_group_policy_assignment", "resource_group_id", PolicyScopeType.RESOURCE_GROUP],
    [SUBSCRIPTION, "azurerm_subscription_policy_assignment", "subscription_id", PolicyScopeType.SUBSCRIPTION],
  ])("scope %s → %s", (scope, type, attribute, kind) => {
    const synth = synthesize((stack) => {
      const psb = new PodSecurityBaseline(stack, "psb", { scope });
      expect(psb.scopeType).toBe(kind);
    });
    expect(Object.keys(synth.resource!)).toEqual([type]);
    expect(onlyResourceOf(synth, type)[attribute]).toBe(scope);
  });

  test("a scope ID in other casing is normalized", () => {
    expect(assignmentOf({ scope: `/SUBSCRIPTIONS/${SUB}/resourcegroups/rg-aks` }, "azurerm_resource_group_policy_assignment").resource_group_id).toBe(RG);
  });

  test("a reference scope with its kind", () => {
    const synth = synthesize((stack) => {
      const scope = new TerraformVariable(stack, "mg", { type: "string" }).stringValue;
      new PodSecurityBaseline(stack, "psb", { scope, scopeType: PolicyScopeType.MANAGEMENT_GROUP });
    });
    expect(onlyResourceOf(synth, "azurerm_management_group_policy_assignment").management_group_id).toBe("${var.mg}");
  });

  test("Deny effect and display name", () => {
    const assignment = assignmentOf({ effect: PodSecurityEffect.DENY });
    expect(parametersOf(assignment).effect).toEqual({ value: "Deny" });
    expect(assignment.display_name).toBe("Kubernetes pod security baseline (Deny)");
  });

  test("excluded namespaces are added to the defaults, without duplicates", () => {
    expect(parametersOf(assignmentOf({ excludedNamespaces: ["ingress-nginx", "kube-system"] })).excludedNamespaces.value).toEqual([...DEFAULT_EXCLUDED, "ingress-nginx"]);
  });

  test("replaceDefaultExcludedNamespaces uses the given list (plus the sensor namespace)", () => {
    expect(parametersOf(assignmentOf({ excludedNamespaces: ["kube-system"], replaceDefaultExcludedNamespaces: true })).excludedNamespaces.value).toEqual(["mdc", "kube-system"]);
  });

  test("excludeSensorNamespace: false leaves mdc out", () => {
    expect(parametersOf(assignmentOf({ excludeSensorNamespace: false })).excludedNamespaces.value).toEqual(DEFAULT_EXCLUDED.filter((n) => n !== "mdc"));
  });

  test("namespaces limit the initiative", () => {
    expect(parametersOf(assignmentOf({ namespaces: ["payments", "web"] })).namespaces).toEqual({ value: ["payments", "web"] });
  });

  test("name, displayName, enforce and provider are passed through", () => {
    const synth = synthesize((stack) => {
      const prod = new AzurermProvider(stack, "prod", { features: [{}], alias: "prod" });
      new PodSecurityBaseline(stack, "psb", { scope: SUBSCRIPTION, name: "psb-prod", displayName: "PSB", enforce: false, provider: prod });
    });
    expect(onlyResourceOf(synth, "azurerm_subscription_policy_assignment")).toMatchObject({ name: "psb-prod", display_name: "PSB", enforce: false, provider: "azurerm.prod" });
  });

  test("exposes the excluded namespaces", () => {
    expect(new PodSecurityBaseline(newStack(), "p", { scope: SUBSCRIPTION }).excludedNamespaces).toEqual(DEFAULT_EXCLUDED);
  });

  test("two assignments at two scopes", () => {
    const synth = synthesize((stack) => {
      new PodSecurityBaseline(stack, "a", { scope: MG });
      new PodSecurityBaseline(stack, "b", { scope: RG, effect: PodSecurityEffect.DENY });
    });
    expect(Object.keys(resourcesOf(synth, "azurerm_management_group_policy_assignment"))).toHaveLength(1);
    expect(Object.keys(resourcesOf(synth, "azurerm_resource_group_policy_assignment"))).toHaveLength(1);
  });

  describe("rejects bad input", () => {
    test.each(["11111111-2222-3333-4444-555555555555", "/subscriptions/prod", `${RG}/providers/Microsoft.ContainerService/managedClusters/aks`, ""])("scope %j", (scope) => {
      expect(make({ scope })).toThrow(`[test/psb] scope: got ${JSON.stringify(scope)}; expected a subscription ID (/subscriptions/<GUID>), a management group ID`);
    });

    test("a reference scope without its kind", () => {
      const stack = newStack();
      const scope = new TerraformVariable(stack, "s", { type: "string" }).stringValue;
      expect(() => new PodSecurityBaseline(stack, "psb", { scope })).toThrow(
        "[test/psb] scopeType: got undefined; expected a PolicyScopeType when scope is an unresolved reference",
      );
    });

    test("a literal scope that does not match scopeType", () => {
      expect(make({ scope: SUBSCRIPTION, scopeType: PolicyScopeType.MANAGEMENT_GROUP })).toThrow(`[test/psb] scopeType: got "managementGroup" but scope "${SUBSCRIPTION}" is a subscription ID; expected them to agree (or leave scopeType unset).`);
    });

    test("a name too long for a management group assignment", () => {
      expect(make({ scope: MG, name: "pod-security-baseline-prod" })).toThrow(
        '[test/psb] name: got "pod-security-baseline-prod"; expected an assignment name of 1-24 characters (managementGroup scope)',
      );
    });

    test("a name with a forbidden character", () => {
      expect(make({ name: "psb.prod" })).toThrow('[test/psb] name: got "psb.prod"; expected an assignment name of 1-64 characters (subscription scope)');
    });

    test.each(["Kube-System", "-bad", "a_b", "x".repeat(64)])("namespace %j", (ns) => {
      expect(make({ excludedNamespaces: [ns] })).toThrow(`[test/psb] excludedNamespaces[0]: got ${JSON.stringify(ns)}; expected a Kubernetes namespace name`);
      expect(make({ namespaces: [ns] })).toThrow(`[test/psb] namespaces[0]: got ${JSON.stringify(ns)}; expected a Kubernetes namespace name`);
    });

    test("a namespace twice", () => {
      expect(make({ namespaces: ["web", "web"] })).toThrow('[test/psb] namespaces[1]: got "web" twice; expected each namespace once.');
    });

    test("an empty namespaces list", () => {
      expect(make({ namespaces: [] })).toThrow("[test/psb] namespaces: got []; expected at least one namespace");
    });

    test("a namespace that is also excluded", () => {
      expect(make({ namespaces: ["kube-system"] })).toThrow('[test/psb] namespaces: got "kube-system", which is also excluded');
    });

    test("no exclusions at all", () => {
      expect(make({ replaceDefaultExcludedNamespaces: true, excludeSensorNamespace: false })).toThrow(
        "[test/psb] excludedNamespaces: got an empty list with replaceDefaultExcludedNamespaces; expected at least one namespace",
      );
    });
  });
});
