import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { SecurityCenterSubscriptionPricing } from "@cdktf/provider-azurerm/lib/security-center-subscription-pricing";
import { Testing } from "cdktf";
import { DefenderForContainersPlan, PlanTier } from "../../lib/azure";
import { azureStack, newStack, onlyResourceOf, resourcesOf, synthesize } from "../util";

const SUB = "11111111-2222-3333-4444-555555555555";
const PRICING = "azurerm_security_center_subscription_pricing";

function planFor(props: ConstructorParameters<typeof DefenderForContainersPlan>[2] = {}) {
  return synthesize((stack) => new DefenderForContainersPlan(stack, "plan", props));
}

const extensionNames = (pricing: any) => pricing.extension.map((e: any) => e.name);

describe("DefenderForContainersPlan", () => {
  test("defaults to Standard with all five extensions and the server's extension properties pinned", () => {
    const synth = planFor();
    const pricing = onlyResourceOf(synth, PRICING);
    expect(pricing.resource_type).toBe("Containers");
    expect(pricing.tier).toBe("Standard");
    expect(pricing.extension).toEqual([
      {
        name: "ContainerSensor",
        additional_extension_properties: {
          AntiMalwareEnabled: "True",
          AutoProvisioning: "True",
          InstallationMethod: "AKSAddon",
          SecurityGatingEnabled: "True",
        },
      },
      { name: "AgentlessDiscoveryForKubernetes" },
      { name: "ContainerRegistriesVulnerabilityAssessments" },
      { name: "AgentlessVmScanning", additional_extension_properties: { ExclusionTags: "[]" } },
      { name: "ContainerIntegrityContribution" },
    ]);
  });

  test("matches the jest adapter's resource matcher", () => {
    const stack = azureStack();
    new DefenderForContainersPlan(stack, "plan");
    expect(Testing.synth(stack)).toHaveResourceWithProperties(SecurityCenterSubscriptionPricing, { resource_type: "Containers", tier: "Standard" });
  });

  test.each([
    ["sensor", "ContainerSensor"],
    ["agentlessDiscovery", "AgentlessDiscoveryForKubernetes"],
    ["registryVulnerabilityAssessment", "ContainerRegistriesVulnerabilityAssessments"],
    ["agentlessVmScanning", "AgentlessVmScanning"],
    ["integrityContribution", "ContainerIntegrityContribution"],
  ])("%s: false leaves out %s and nothing else", (prop, extension) => {
    const names = extensionNames(onlyResourceOf(planFor({ [prop]: false }), PRICING));
    expect(names).not.toContain(extension);
    expect(names).toHaveLength(4);
  });

  test("sensor options map to the sensor's extension properties", () => {
    const pricing = onlyResourceOf(planFor({ securityGating: false, antiMalware: false, sensorAutoProvisioning: false }), PRICING);
    expect(pricing.extension[0].additional_extension_properties).toEqual({
      AntiMalwareEnabled: "False",
      AutoProvisioning: "False",
      InstallationMethod: "AKSAddon",
      SecurityGatingEnabled: "False",
    });
  });

  test("exclusion tags are written as a JSON list", () => {
    const pricing = onlyResourceOf(planFor({ vmScanningExclusionTags: [{ key: "defender-scan", value: "off" }] }), PRICING);
    const vmScanning = pricing.extension.find((e: any) => e.name === "AgentlessVmScanning");
    expect(JSON.parse(vmScanning.additional_extension_properties.ExclusionTags)).toEqual([{ key: "defender-scan", value: "off" }]);
  });

  test("is protected from destroy by default, with an explicit opt-out", () => {
    expect(onlyResourceOf(planFor(), PRICING).lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResourceOf(planFor({ protectFromDestroy: false }), PRICING).lifecycle).toEqual({ prevent_destroy: false });
  });

  test("Free tier emits no extensions", () => {
    const pricing = onlyResourceOf(planFor({ tier: PlanTier.FREE }), PRICING);
    expect(pricing.tier).toBe("Free");
    expect(pricing.extension).toBeUndefined();
  });

  test("subscriptionId without a provider creates an aliased provider for that subscription", () => {
    const synth = synthesize((stack) => new DefenderForContainersPlan(stack, "plan", { subscriptionId: SUB }));
    const aliased = synth.provider!.azurerm.find((p: any) => p.alias);
    expect(aliased).toEqual({ alias: "defender_containers_11111111_2222_3333_4444_555555555555", subscription_id: SUB, features: [{}] });
    expect(onlyResourceOf(synth, PRICING).provider).toBe("azurerm.defender_containers_11111111_2222_3333_4444_555555555555");
  });

  test("a given provider is used as is", () => {
    const synth = synthesize((stack) => {
      const other = new AzurermProvider(stack, "prod", { features: [{}], alias: "prod", subscriptionId: SUB });
      new DefenderForContainersPlan(stack, "plan", { provider: other, subscriptionId: SUB });
    });
    expect(synth.provider!.azurerm).toHaveLength(2);
    expect(onlyResourceOf(synth, PRICING).provider).toBe("azurerm.prod");
  });

  test("importExisting emits an import block for the subscription's Containers pricing", () => {
    const synth = planFor({ subscriptionId: SUB, importExisting: true });
    const address = `${PRICING}.${Object.keys(resourcesOf(synth, PRICING))[0]}`;
    expect(synth.import).toEqual([
      {
        to: address,
        id: `/subscriptions/${SUB}/providers/Microsoft.Security/pricings/Containers`,
        provider: "azurerm.defender_containers_11111111_2222_3333_4444_555555555555",
      },
    ]);
  });

  test("two plans in two subscriptions get one import block each", () => {
    const other = "99999999-2222-3333-4444-555555555555";
    const synth = synthesize((stack) => {
      new DefenderForContainersPlan(stack, "a", { subscriptionId: SUB, importExisting: true });
      new DefenderForContainersPlan(stack, "b", { subscriptionId: other, importExisting: true });
    });
    expect(synth.import!.map((i) => i.id)).toEqual([
      `/subscriptions/${SUB}/providers/Microsoft.Security/pricings/Containers`,
      `/subscriptions/${other}/providers/Microsoft.Security/pricings/Containers`,
    ]);
  });

  test("exposes the tier and the enabled extensions", () => {
    const stack = newStack();
    const plan = new DefenderForContainersPlan(stack, "plan", { agentlessVmScanning: false });
    expect(plan.tier).toBe(PlanTier.STANDARD);
    expect(plan.enabledExtensions).toEqual([
      "ContainerSensor",
      "AgentlessDiscoveryForKubernetes",
      "ContainerRegistriesVulnerabilityAssessments",
      "ContainerIntegrityContribution",
    ]);
  });

  describe("validation", () => {
    test.each(["sensor", "agentlessDiscovery", "registryVulnerabilityAssessment", "agentlessVmScanning", "integrityContribution"])(
      "Free tier with %s on is an error",
      (prop) => {
        expect(() => new DefenderForContainersPlan(newStack(), "plan", { tier: PlanTier.FREE, [prop]: true })).toThrow(
          `[test/plan] ${prop}: got true with tier "Free"; expected tier "Standard" — the service rejects extensions on the Free tier.`,
        );
      },
    );

    test("Free tier with exclusion tags is an error", () => {
      expect(() => new DefenderForContainersPlan(newStack(), "plan", { tier: PlanTier.FREE, vmScanningExclusionTags: [{ key: "a", value: "b" }] })).toThrow(
        /\[test\/plan\] vmScanningExclusionTags: got \[\{"key":"a","value":"b"\}\] with tier "Free"/,
      );
    });

    test("a subscription ID that is not a GUID is an error", () => {
      expect(() => new DefenderForContainersPlan(newStack(), "plan", { subscriptionId: "my-subscription" })).toThrow(
        '[test/plan] subscriptionId: got "my-subscription"; expected a GUID of the form 00000000-0000-0000-0000-000000000000.',
      );
    });

    test("importExisting without subscriptionId is an error", () => {
      expect(() => new DefenderForContainersPlan(newStack(), "plan", { importExisting: true })).toThrow(
        /\[test\/plan\] importExisting: got true without subscriptionId; expected subscriptionId to be set/,
      );
    });

    test("an exclusion tag with an invalid name is an error", () => {
      expect(() => new DefenderForContainersPlan(newStack(), "plan", { vmScanningExclusionTags: [{ key: "a/b", value: "x" }] })).toThrow(
        /\[test\/plan\] vmScanningExclusionTags\[0\]\.key: got "a\/b"; expected an Azure tag name/,
      );
    });
  });
});

describe("DefenderForContainersPlan removal and downgrade paths", () => {
  test("downgrade: tier FREE is an in-place change at the same address, still protected from destroy", () => {
    const standard = planFor();
    const free = planFor({ tier: PlanTier.FREE });
    expect(Object.keys(free.resource![PRICING])).toEqual(Object.keys(standard.resource![PRICING]));
    const before = onlyResourceOf(standard, PRICING);
    const after = onlyResourceOf(free, PRICING);
    expect(before.tier).toBe("Standard");
    expect(after).toEqual({ resource_type: "Containers", tier: "Free", lifecycle: { prevent_destroy: true } });
  });

  test("stop managing: the pricing disappears and a removed block with destroy = false forgets the same address", () => {
    const managed = planFor();
    const address = `${PRICING}.${Object.keys(managed.resource![PRICING])[0]}`;
    const released = synthesize((stack) => DefenderForContainersPlan.stopManaging(stack, "plan"));
    expect(released.resource?.[PRICING]).toBeUndefined();
    expect(released.removed).toEqual([{ from: address, lifecycle: { destroy: false } }]);
  });

  test("stop managing keeps the aliased provider a plan with subscriptionId created", () => {
    const managed = planFor({ subscriptionId: SUB });
    const released = synthesize((stack) => DefenderForContainersPlan.stopManaging(stack, "plan", { subscriptionId: SUB }));
    expect(released.provider!.azurerm).toEqual(managed.provider!.azurerm);
    expect(released.removed[0].from).toBe(`${PRICING}.${Object.keys(managed.resource![PRICING])[0]}`);
  });

  test("stop managing validates the subscription", () => {
    expect(() => DefenderForContainersPlan.stopManaging(newStack(), "plan", { subscriptionId: "sub" })).toThrow(
      '[test/plan] subscriptionId: got "sub"; expected a GUID of the form 00000000-0000-0000-0000-000000000000.',
    );
  });

  test("stop managing next to other resources leaves them alone", () => {
    const synth = synthesize((stack) => {
      DefenderForContainersPlan.stopManaging(stack, "old-subscription-plan");
      new DefenderForContainersPlan(stack, "plan");
    });
    expect(Object.keys(resourcesOf(synth, PRICING))).toHaveLength(1);
    expect(synth.removed).toHaveLength(1);
  });
});
