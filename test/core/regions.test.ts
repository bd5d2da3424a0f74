import { readFileSync } from "fs";
import { join } from "path";
import { DefenderWorkspace } from "../../lib/azure";
import { AZURE_REGIONS, DEFAULT_WORKSPACE_LOCATION_CODES } from "../../lib/core/catalog/regions";

/**
 * The policy's own map, read once from Azure/azure-policy (path, commit and version in the
 * fixture's `source`) and committed as data: the catalog must hold exactly this map.
 */
const fixture = JSON.parse(readFileSync(join(__dirname, "fixtures", "policy-64def556-v4.3.0-location-map.json"), "utf8")) as {
  source: { policyDefinition: string; version: string; path: string };
  locationLongNameToShortMap: Record<string, string>;
};
const policyMap = fixture.locationLongNameToShortMap;
const SUB = "00000000-0000-0000-0000-000000000001";

describe("region → default workspace location code (policy 64def556 v4.3.0)", () => {
  test("the fixture is the current definition's map", () => {
    expect(fixture.source).toMatchObject({
      policyDefinition: "64def556-fbad-4622-930e-72d1d5589bf5",
      version: "4.3.0",
      path: "built-in-policies/policyDefinitions/Kubernetes/ASC_Azure_Defender_AKS_SecurityProfile_DINE.json",
    });
    expect(Object.keys(policyMap)).toHaveLength(56);
  });

  test("the catalog holds exactly the policy's 56 regions and codes", () => {
    expect(DEFAULT_WORKSPACE_LOCATION_CODES).toEqual(policyMap);
  });

  test.each(Object.entries(policyMap))("defaultWorkspaceName answers for %s (%s)", (region, code) => {
    expect(DefenderWorkspace.defaultWorkspaceName(SUB, region)).toEqual({
      locationCode: code,
      resourceGroupName: `DefaultResourceGroup-${code}`,
      workspaceName: `DefaultWorkspace-${SUB}-${code}`,
      resourceId: `/subscriptions/${SUB}/resourceGroups/DefaultResourceGroup-${code}/providers/Microsoft.OperationalInsights/workspaces/DefaultWorkspace-${SUB}-${code}`,
    });
  });

  test("every policy region is a known Azure region, listed once", () => {
    for (const region of Object.keys(policyMap)) expect(AZURE_REGIONS).toContain(region);
    expect(new Set(AZURE_REGIONS).size).toBe(AZURE_REGIONS.length);
  });
});
