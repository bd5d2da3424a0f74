import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { App, S3Backend, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parse, stringify } from "yaml";
import { ArcDefenderSensor, AzapiProvider, DefenderForContainersPlan, DefenderWorkspace } from "../../lib/azure";
import { DefenderValidationError, STATE_OWNERSHIP_SCOPE_CONTEXT_KEY } from "../../lib/core";
import { DefenderEstate, parseEstateDescription } from "../../lib/estate";
import { EksDefenderCluster, EksDefenderForContainers } from "../../lib/patterns";
import { VALID_ESTATE } from "../estate/fixtures";

// Issue 16, "one state, one owner": each collision is refused at synth with an error naming both places.

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-sec`;
const arc = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-edge/providers/Microsoft.Kubernetes/connectedClusters/${name}`;

function azureStackIn(app: App, id: string, subscriptionId = SUB): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId });
  return stack;
}

/** Synthesizes every stack of the app with validations; returns the first error. */
function synthAll(app: App): unknown {
  try {
    for (const stack of app.node.children.filter(TerraformStack.isStack)) Testing.synth(stack, true);
    return undefined;
  } catch (error) {
    return error;
  }
}

function expectConflict(app: App, message: RegExp): void {
  const error = synthAll(app);
  expect(error).toBeInstanceOf(DefenderValidationError);
  expect((error as Error).message).toMatch(message);
}

describe("one state, one owner", () => {
  // The first stack validated reports the conflict, naming the other.
  test("two plans for one subscription in two stacks", () => {
    const app = Testing.app();
    new DefenderForContainersPlan(azureStackIn(app, "team-a"), "plan");
    new DefenderForContainersPlan(azureStackIn(app, "team-b", SUB.toUpperCase()), "plan");
    expectConflict(
      app,
      /^\[team-a\/plan\/pricing\] the Defender Containers plan of subscription 11111111-2222-3333-4444-555555555555: got a second owner; expected one owner per app\. team-b\/plan\/pricing \(in stack team-b\) has it too: two owners would overwrite each other's changes on every apply\.$/,
    );
  });

  test("plans for two subscriptions, or in alternative apps of one context, are fine", () => {
    const app = Testing.app();
    new DefenderForContainersPlan(azureStackIn(app, "a"), "plan");
    new DefenderForContainersPlan(azureStackIn(app, "b", "11111111-2222-3333-4444-000000000000"), "plan");
    expect(synthAll(app)).toBeUndefined();
    const alternatives = Testing.app({ context: { [STATE_OWNERSHIP_SCOPE_CONTEXT_KEY]: "stack" } });
    new DefenderForContainersPlan(azureStackIn(alternatives, "a"), "plan");
    new DefenderForContainersPlan(azureStackIn(alternatives, "b"), "plan");
    expect(synthAll(alternatives)).toBeUndefined();
  });

  test("two plans for one subscription in one stack, whatever the order", () => {
    const app = Testing.app();
    const stack = azureStackIn(app, "one");
    new DefenderForContainersPlan(stack, "second");
    new DefenderForContainersPlan(new Construct(stack, "team"), "first");
    expectConflict(app, /^\[one\/team\/first\/pricing\] the Defender Containers plan of subscription 11111111-2222-3333-4444-555555555555: got a second owner; .* one\/second\/pricing \(in the same stack\) has it too/);
  });

  test("two plans given one subscriptionId create two providers with one alias", () => {
    const app = Testing.app();
    const stack = azureStackIn(app, "one");
    new DefenderForContainersPlan(stack, "second", { subscriptionId: SUB });
    new DefenderForContainersPlan(new Construct(stack, "team"), "first", { subscriptionId: SUB });
    expectConflict(app, /^\[one\/team\/first\/provider\] provider azurerm alias "defender_containers_11111111_2222_3333_4444_555555555555": got a second owner; expected one owner per stack\. one\/second\/provider \(in the same stack\) has it too/);
  });

  test("one Arc cluster in two stacks: a fleet and a single cluster", () => {
    const app = Testing.app();
    new ArcDefenderSensor(azureStackIn(app, "edge"), "sensor", { clusterIds: [arc("a"), arc("b")], workspaceResourceId: WORKSPACE });
    new ArcDefenderSensor(azureStackIn(app, "edge-b"), "sensor", { clusterId: arc("B"), workspaceResourceId: WORKSPACE });
    expectConflict(app, /^\[edge\/sensor\] the microsoft\.azuredefender\.kubernetes extension of Arc cluster .*connectedClusters\/b: got a second owner; .* edge-b\/sensor\/extension \(in stack edge-b\) has it too/);
  });

  test("one workspace in two stacks", () => {
    const app = Testing.app();
    new DefenderWorkspace(azureStackIn(app, "a"), "ws", { resourceGroupName: "rg-sec", location: "westeurope", name: "law-sec" });
    new DefenderWorkspace(azureStackIn(app, "b"), "ws", { resourceGroupName: "RG-SEC", location: "westeurope", name: "law-sec" });
    expectConflict(app, /^\[a\/ws\/workspace\] Log Analytics workspace rg-sec\/law-sec: got a second owner; .* b\/ws\/workspace \(in stack b\)/);
  });

  test("two stacks writing one S3 state", () => {
    const app = Testing.app();
    for (const id of ["a", "b"]) {
      const stack = azureStackIn(app, id, id === "a" ? SUB : "11111111-2222-3333-4444-000000000000");
      new S3Backend(stack, { bucket: "tf-state", key: "defender.tfstate", region: "eu-west-1" });
      new DefenderForContainersPlan(stack, "plan");
    }
    expectConflict(app, /^\[a\/backend\] the s3 backend state tf-state\/defender\.tfstate: got a second owner; .* b\/backend \(in stack b\)/);
  });

  test("two EKS patterns with the same local ID under different parents: distinct helm provider aliases, the check passes", () => {
    const app = Testing.app();
    const stack = azureStackIn(app, "eks");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    new KubernetesProvider(stack, "kubernetes", {});
    new HelmProvider(stack, "helm", {});
    new AzapiProvider(stack, "azapi");
    const props = (connectorName: string) => ({
      accountId: "123456789012",
      azureTenantId: "aaaaaaaa-1111-2222-3333-444444444444",
      region: "eu-west-1",
      resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-security`,
      location: "westeurope",
      connectorName,
      clusters: [EksDefenderCluster.fromName("prod")],
    });
    new EksDefenderForContainers(new Construct(stack, "team-a"), "defender", props("aws-a"));
    new EksDefenderForContainers(new Construct(stack, "team-b"), "defender", props("aws-b"));
    expect(synthAll(app)).toBeUndefined();
    const aliases = (JSON.parse(Testing.synth(stack)).provider.helm as { alias?: string }[]).map((p) => p.alias).filter(Boolean);
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(aliases.length).toBe(2);
  });
});

describe("one state, one owner: estate", () => {
  function estate(mutate: (e: any) => void): App {
    const e = parse(VALID_ESTATE);
    mutate(e);
    const app = Testing.app();
    new DefenderEstate(app as App, { description: parseEstateDescription(stringify(e)) });
    return app;
  }

  test("the valid estate synthesizes", () => {
    expect(synthAll(estate(() => undefined))).toBeUndefined();
  });

  test("a keyTemplate without the unit's name: every stack would write one state", () => {
    expectConflict(
      estate((e) => (e.defaults.backend.keyTemplate = "defender.tfstate")),
      /^\[azure-security\/backend\] the azurerm backend state sttfstate001\/tfstate\/defender\.tfstate: got a second owner; .* azure-prod\/backend \(in stack azure-prod\)/,
    );
  });

  test("unit names that collide across clouds under a {name}-only template", () => {
    expectConflict(
      estate((e) => {
        e.defaults.backend.keyTemplate = "{name}.tfstate";
        e.aws.accounts[0].name = "security";
      }),
      /^\[azure-security\/backend\] the azurerm backend state sttfstate001\/tfstate\/security\.tfstate: got a second owner; .* aws-security\/backend \(in stack aws-security\)/,
    );
  });

  test("one Arc cluster listed under two subscriptions", () => {
    expectConflict(
      estate((e) => (e.azure.subscriptions[0].arcClusters = [...e.azure.subscriptions[1].arcClusters])),
      /extension of Arc cluster .*connectedClusters\/onprem-1: got a second owner; .* \(in stack azure-/,
    );
  });

  test("one connector name twice", () => {
    expectConflict(
      estate((e) => {
        e.aws.accounts[0].connector.name = "defender-connector";
        e.gcp.projects[0].connector.name = "defender-connector";
      }),
      /^\[aws-shop\/eks\/connector\/connector\] Microsoft\.Security\/securityConnectors .*\/defender-connector: got a second owner; .* gcp-data\/gke\/connector\/connector \(in stack gcp-data\)/,
    );
  });

  test("the app's stacks are listed once per synth, not once per stack (the check stays linear)", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "ownership-")), stackTraces: false });
    for (let i = 0; i < 40; i++) new DefenderForContainersPlan(azureStackIn(app, `s-${i}`, `11111111-2222-3333-4444-${String(i).padStart(12, "0")}`), "plan");
    const appNode = app.node;
    const children = jest.spyOn(Object.getPrototypeOf(appNode), "children", "get");
    try {
      app.synth();
      // cdktf's own App.synth lists the app's children a few times; the check adds one listing, not 40.
      expect(children.mock.contexts.filter((node) => node === appNode).length).toBeLessThanOrEqual(3);
    } finally {
      children.mockRestore();
      rmSync(app.outdir, { recursive: true, force: true });
    }
  });

  test("a stack created after the app was listed is still compared within the same synchronous run", () => {
    const app = Testing.app();
    new DefenderForContainersPlan(azureStackIn(app, "first"), "plan");
    expect(synthAll(app)).toBeUndefined();
    const late = azureStackIn(app, "late");
    new DefenderForContainersPlan(late, "plan");
    expect(() => Testing.synth(late, true)).toThrow(/late\/plan\/pricing\] .*got a second owner.*first\/plan\/pricing \(in stack first\)/);
  });
});
