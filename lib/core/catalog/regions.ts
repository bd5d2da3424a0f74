/**
 * Azure regions and the short codes Defender uses to name its default workspace.
 */

/**
 * Region → location code used by Microsoft's built-in policies to name the default workspace
 * (`DefaultWorkspace-<subscriptionId>-<code>` in `DefaultResourceGroup-<code>`).
 *
 * Source: Azure/azure-policy `built-in-policies/policyDefinitions/Kubernetes/
 * ASC_Azure_Defender_Kubernetes_AKS_SecurityProfile_Deploy.json`, template variable
 * `locationLongNameToShortMap` (policy 64def556-fbad-4622-930e-72d1d5589bf5). Regions missing
 * here are missing from the policy too: the policy cannot name a default workspace for them.
 */
export const DEFAULT_WORKSPACE_LOCATION_CODES: Readonly<Record<string, string>> = Object.freeze({
  australiacentral: "CAU",
  australiacentral2: "CBR2",
  australiaeast: "EAU",
  australiasoutheast: "SEAU",
  brazilsouth: "CQ",
  brazilsoutheast: "BRSE",
  canadacentral: "CCA",
  canadaeast: "YQ",
  centralindia: "CIN",
  centralus: "CUS",
  eastasia: "EA",
  eastus: "EUS",
  eastus2: "EUS2",
  eastus2euap: "eus2p",
  germanywestcentral: "DEWC",
  francecentral: "PAR",
  francesouth: "MRS",
  japaneast: "EJP",
  japanwest: "OS",
  jioindiacentral: "JINC",
  jioindiawest: "JINW",
  koreacentral: "SE",
  koreasouth: "PS",
  northcentralus: "NCUS",
  northeurope: "NEU",
  norwayeast: "NOE",
  norwaywest: "NOW",
  southafricanorth: "JNB",
  southcentralus: "SCUS",
  southeastasia: "SEA",
  southindia: "MA",
  swedencentral: "SEC",
  switzerlandnorth: "CHN",
  switzerlandwest: "CHW",
  uaecentral: "AUH",
  uaenorth: "DXB",
  uksouth: "SUK",
  ukwest: "WUK",
  westcentralus: "WCUS",
  westeurope: "WEU",
  westus: "WUS",
  westus2: "WUS2",
  westus3: "USW3",
});

/**
 * Azure region names (the `name` column of `az account list-locations`) in the public,
 * US Government and China clouds, as of 2026. Used to catch typos in `location` values.
 * A region that is newer than this list can be allowed through the context key
 * {@link ADDITIONAL_REGIONS_CONTEXT_KEY} without waiting for a release.
 */
export const AZURE_REGIONS: readonly string[] = Object.freeze([
  ...Object.keys(DEFAULT_WORKSPACE_LOCATION_CODES),
  "austriaeast",
  "belgiumcentral",
  "centraluseuap",
  "chilecentral",
  "denmarkeast",
  "germanynorth",
  "indonesiacentral",
  "israelcentral",
  "italynorth",
  "malaysiawest",
  "mexicocentral",
  "newzealandnorth",
  "polandcentral",
  "qatarcentral",
  "southafricawest",
  "spaincentral",
  "swedensouth",
  "westindia",
  // Azure Government
  "usdodcentral",
  "usdodeast",
  "usgovarizona",
  "usgovtexas",
  "usgovvirginia",
  // Azure operated by 21Vianet
  "chinaeast",
  "chinaeast2",
  "chinaeast3",
  "chinanorth",
  "chinanorth2",
  "chinanorth3",
]);

/** Context key holding extra region names to accept, e.g. `{"defender-for-containers:additionalRegions": ["newregion"]}`. */
export const ADDITIONAL_REGIONS_CONTEXT_KEY = "defender-for-containers:additionalRegions";
