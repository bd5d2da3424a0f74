import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parse, stringify } from "yaml";
import { EstateDescriptionError, formatPath, loadEstateDescription, parseEstateDescription } from "../../lib/estate/load-estate-description";
import { VALID_ESTATE } from "./fixtures";

/** The valid estate with one change applied to its parsed form. */
function mutated(change: (estate: any) => void): string {
  const estate = parse(VALID_ESTATE);
  change(estate);
  return stringify(estate);
}

function errorFor(text: string): EstateDescriptionError {
  try {
    parseEstateDescription(text, "estate.yaml");
  } catch (error) {
    if (error instanceof EstateDescriptionError) return error;
    throw error;
  }
  throw new Error("expected the description to be rejected");
}

describe("parseEstateDescription", () => {
  test("applies defaults", () => {
    const estate = parseEstateDescription(VALID_ESTATE);
    expect(estate.defaults.backend).toEqual({
      type: "azurerm",
      resourceGroupName: "rg-tfstate",
      storageAccountName: "sttfstate001",
      containerName: "tfstate",
      keyTemplate: "defender/{stack}.tfstate",
      useAzureadAuth: true,
    });
    expect(estate.azure.subscriptions[0]).toMatchObject({ aksClusters: [], arcClusters: [] });
    expect(estate.gcp.projects[0].projectNumber).toBe("123456789012");
  });

  test("reads JSON as well as YAML", () => {
    expect(parseEstateDescription(JSON.stringify(parse(VALID_ESTATE)))).toEqual(parseEstateDescription(VALID_ESTATE));
  });

  test("normalizes Azure locations", () => {
    const estate = parseEstateDescription(mutated((e) => (e.defaults.location = "North Europe")));
    expect(estate.defaults.location).toBe("northeurope");
  });

  test("loads a file and names it in errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "estate-"));
    const file = join(dir, "estate.yaml");
    writeFileSync(file, mutated((e) => (e.aws.accounts[0].accountId = "12345")));
    expect(() => loadEstateDescription(file)).toThrow(`${file}: aws.accounts[0].accountId: got "12345"; expected a 12-digit AWS account ID such as 123456789012.`);
    expect(() => loadEstateDescription(join(dir, "missing.yaml"))).toThrow(/missing\.yaml: got nothing; expected a readable file/);
  });

  test("reports every problem at once", () => {
    const error = errorFor(
      mutated((e) => {
        e.aws.accounts[0].region = "westeurope";
        e.gcp.projects[0].projectId = "X";
      }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(["aws.accounts[0].region", "gcp.projects[0].projectId"]);
  });

  // Each case: a change to the valid estate, and the exact line expected in the error.
  test.each<[string, (e: any) => void, string]>([
    ["tenant that is not a GUID", (e) => (e.defaults.tenantId = "contoso"), 'defaults.tenantId: got "contoso"; expected a GUID of the form 00000000-0000-0000-0000-000000000000.'],
    ["missing tenant", (e) => delete e.defaults.tenantId, "defaults.tenantId: got nothing; expected a GUID of the form 00000000-0000-0000-0000-000000000000."],
    ["unknown default location", (e) => (e.defaults.location = "westeurop"), 'defaults.location: got "westeurop"; expected an Azure region name such as "westeurope".'],
    ["unknown backend type", (e) => (e.defaults.backend = { type: "consul" }), 'defaults.backend.type: got "consul"; expected one of "local", "cloud", "azurerm", "s3", "gcs".'],
    ["misspelled backend key", (e) => (e.defaults.backend.storageAcountName = "x"), 'defaults.backend.storageAcountName: got "x"; expected no key "storageAcountName" here (check the spelling).'],
    ["bad storage account name", (e) => (e.defaults.backend.storageAccountName = "St-State"), 'defaults.backend.storageAccountName: got "St-State"; expected a storage account name of 3-24 lowercase letters or digits.'],
    ["unknown template placeholder", (e) => (e.defaults.backend.keyTemplate = "{env}/{stack}.tfstate"), 'defaults.backend.keyTemplate: got "{env}/{stack}.tfstate"; expected a template whose only placeholders are {stack}, {kind}, {name}.'],
    ["cloud backend without organization", (e) => (e.defaults.backend = { type: "cloud" }), "defaults.backend.organization: got nothing; expected an HCP Terraform organization name."],
    ["s3 backend with a bad region", (e) => (e.defaults.backend = { type: "s3", bucket: "tf-state", region: "eu" }), 'defaults.backend.region: got "eu"; expected an AWS region name such as us-east-1 or eu-west-1.'],
    ["gcs backend with a bad bucket", (e) => (e.defaults.backend = { type: "gcs", bucket: "A" }), 'defaults.backend.bucket: got "A"; expected a GCS bucket name of 3-63 lowercase letters, digits, dots, underscores or hyphens.'],
    ["subscription name with capitals", (e) => (e.azure.subscriptions[0].name = "Security"), 'azure.subscriptions[0].name: got "Security"; expected a name of 1-40 lowercase letters, digits or hyphens, starting and ending with a letter or digit.'],
    ["duplicate subscription name", (e) => (e.azure.subscriptions[1].name = "security"), 'azure.subscriptions[1].name: got "security"; expected each name once (it is also at azure.subscriptions[0]).'],
    ["duplicate subscription ID", (e) => (e.azure.subscriptions[1].subscriptionId = e.azure.subscriptions[0].subscriptionId), 'azure.subscriptions[1].subscriptionId: got "aaaaaaaa-0000-0000-0000-000000000001"; expected each subscriptionId once (it is also at azure.subscriptions[0]).'],
    ["subscription ID that is not a GUID", (e) => (e.azure.subscriptions[0].subscriptionId = "prod"), 'azure.subscriptions[0].subscriptionId: got "prod"; expected a GUID of the form 00000000-0000-0000-0000-000000000000.'],
    ["Arc cluster ID of an AKS cluster", (e) => (e.azure.subscriptions[1].arcClusters[0] = "/subscriptions/aaaaaaaa-0000-0000-0000-000000000002/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1"), 'azure.subscriptions[1].arcClusters[0]: got "/subscriptions/aaaaaaaa-0000-0000-0000-000000000002/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1"; expected an Arc-enabled Kubernetes cluster resource ID such as /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Kubernetes/connectedClusters/<name>.'],
    ["workspace shared from an unknown subscription", (e) => (e.azure.subscriptions[1].workspace.sharedFrom = "nope"), 'azure.subscriptions[1].workspace.sharedFrom: got "nope"; expected the name of another subscription that creates its workspace ({resourceGroupName: ...}).'],
    ["workspace of the wrong shape", (e) => (e.azure.subscriptions[0].workspace = { id: "x" }), 'azure.subscriptions[0].workspace: got {"id":"x"}; expected a workspace to create ({resourceGroupName, name?, retentionInDays?}), an existing one ({existingResourceId}) or another subscription\'s ({sharedFrom: <subscription name>}).'],
    ["workspace retention out of range", (e) => (e.azure.subscriptions[0].workspace.retentionInDays = 10), "azure.subscriptions[0].workspace.retentionInDays: got 10; expected a whole number from 30 to 730."],
    ["policy scope that is not a scope", (e) => (e.azure.subscriptions[0].policy = { scope: "/subscriptions/x" }), 'azure.subscriptions[0].policy.scope: got "/subscriptions/x"; expected a subscription, management group or resource group ID.'],
    ["AWS account ID too short", (e) => (e.aws.accounts[0].accountId = "12345"), 'aws.accounts[0].accountId: got "12345"; expected a 12-digit AWS account ID such as 123456789012.'],
    ["AWS account ID as a number (quote it in YAML)", (e) => (e.aws.accounts[0].accountId = 12), "aws.accounts[0].accountId: got 12; expected a 12-digit AWS account ID such as 123456789012."],
    ["Azure region for an AWS cluster", (e) => (e.aws.accounts[0].clusters[0].region = "westeurope"), 'aws.accounts[0].clusters[0].region: got "westeurope"; expected an AWS region name such as us-east-1 or eu-west-1.'],
    ["no EKS clusters", (e) => (e.aws.accounts[0].clusters = []), "aws.accounts[0].clusters: got []; expected at least one EKS cluster."],
    ["same EKS cluster twice", (e) => e.aws.accounts[0].clusters.push({ name: "shop-eks" }), 'aws.accounts[0].clusters[1].name: got "shop-eks"; expected each cluster once per region.'],
    ["assume-role ARN that is not an ARN", (e) => (e.aws.accounts[0].assumeRoleArn = "role/terraform"), 'aws.accounts[0].assumeRoleArn: got "role/terraform"; expected an ARN such as arn:aws:iam::123456789012:role/name.'],
    ["connector in an unknown subscription", (e) => (e.aws.accounts[0].connector.subscription = "shared"), 'aws.accounts[0].connector.subscription: got "shared"; expected the name of an entry of azure.subscriptions (security, prod).'],
    ["connector without a resource group", (e) => delete e.gcp.projects[0].connector.resourceGroupName, "gcp.projects[0].connector.resourceGroupName: got nothing; expected a resource group name."],
    ["GCP project ID with capitals", (e) => (e.gcp.projects[0].projectId = "Data-Platform"), 'gcp.projects[0].projectId: got "Data-Platform"; expected a GCP project ID of 6-30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen.'],
    ["GCP project number that is a name", (e) => (e.gcp.projects[0].projectNumber = "data"), 'gcp.projects[0].projectNumber: got "data"; expected a GCP project number (6-20 digits) such as 123456789012.'],
    ["GKE cluster location that is an Azure region", (e) => (e.gcp.projects[0].clusters[0].location = "westeurope"), 'gcp.projects[0].clusters[0].location: got "westeurope"; expected a GCP region or zone such as europe-west1 or europe-west1-b.'],
    ["unknown top-level section", (e) => (e.kubernetes = {}), 'kubernetes: got {}; expected no key "kubernetes" here (check the spelling).'],
    ["nothing to protect", (e) => ((e.azure.subscriptions = []), (e.aws.accounts = []), (e.gcp.projects = [])), "estate.yaml: got"],
  ])("%s", (_name, change, expectedLine) => {
    const error = errorFor(mutated(change));
    expect(error.message.split("\n")).toContainEqual(expect.stringContaining(expectedLine.startsWith("estate.yaml") ? expectedLine : `estate.yaml: ${expectedLine}`));
  });

  test("reports YAML syntax errors with their line", () => {
    expect(() => parseEstateDescription("defaults:\n  tenantId: [1,\n", "estate.yaml")).toThrow(/^estate\.yaml: (defaults\.tenantId: )?got nothing; expected valid YAML or JSON \(line \d+, column \d+: /);
  });

  test("rejects duplicate keys", () => {
    expect(() => parseEstateDescription("defaults: {}\ndefaults: {}\n", "estate.yaml")).toThrow(
      'estate.yaml: defaults: got "defaults"; expected each key once in a map (line 2, column 1: the key "defaults" is repeated).',
    );
  });
});

describe("formatPath", () => {
  test("writes indexes in brackets", () => {
    expect(formatPath(["aws", "accounts", 3, "clusters", 0, "region"])).toBe("aws.accounts[3].clusters[0].region");
    expect(formatPath([])).toBe("");
  });
});
