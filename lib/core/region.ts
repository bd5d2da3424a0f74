import { IConstruct } from "constructs";
import { AzureCloudName } from "./catalog/private-link";
import { AZURE_REGIONS, ADDITIONAL_REGIONS_CONTEXT_KEY, DEFAULT_WORKSPACE_LOCATION_CODES } from "./catalog/regions";
import { invalidValue } from "./errors";
import { closestMatch } from "./suggest";
import { isUnresolved } from "./validation";

/** `"West Europe"` → `"westeurope"`: the form ARM and Defender's policies compare against. */
export function normalizeRegion(region: string): string {
  return region.replace(/\s+/g, "").toLowerCase();
}

/**
 * Validates an Azure region given as a name (`westeurope`) or display name (`West Europe`) and
 * returns the normalized name. Tokens pass through unchanged.
 */
export function validateAzureRegion(scope: IConstruct, prop: string, region: string): string {
  if (isUnresolved(region)) return region;
  const normalized = typeof region === "string" ? normalizeRegion(region) : "";
  const extra = (scope.node.tryGetContext(ADDITIONAL_REGIONS_CONTEXT_KEY) as string[] | undefined) ?? [];
  if (AZURE_REGIONS.includes(normalized) || extra.map(normalizeRegion).includes(normalized)) return normalized;
  const suggestion = closestMatch(normalized, AZURE_REGIONS);
  invalidValue(
    scope,
    prop,
    region,
    "an Azure region name such as \"westeurope\" or \"West Europe\"",
    `${suggestion ? `Did you mean "${suggestion}"? ` : ""}A region newer than this library can be allowed with the context key "${ADDITIONAL_REGIONS_CONTEXT_KEY}".`,
  );
}

/** The location code Defender's policies use for a region in default workspace names, if any. */
export function defaultWorkspaceLocationCode(region: string): string | undefined {
  return DEFAULT_WORKSPACE_LOCATION_CODES[normalizeRegion(region)];
}

/**
 * The cloud a (normalized) region belongs to: `usgov*` / `usdod*` are Azure Government, `china*`
 * are Azure operated by 21Vianet (see AZURE_REGIONS), everything else is the public cloud.
 */
export function cloudOfRegion(region: string): AzureCloudName {
  const normalized = normalizeRegion(region);
  if (normalized.startsWith("usgov") || normalized.startsWith("usdod")) return "usgovernment";
  if (normalized.startsWith("china")) return "china";
  return "public";
}
