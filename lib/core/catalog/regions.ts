/**
 * Azure regions and the short codes Defender uses to name its default workspace.
 */

/**
 * Region → location code used by Microsoft's built-in policies to name the default workspace
 * (`DefaultWorkspace-<subscriptionId>-<code>` in `DefaultResourceGroup-<code>`): all 56 regions
 * of the policy, public, US Government and 21Vianet.
 *
 * Source: Azure/azure-policy `built-in-policies/policyDefinitions/Kubernetes/
 * ASC_Azure_Defender_AKS_SecurityProfile_DINE.json` @ f4a50bac (2026-04-29), policy
 * 64def556-fbad-4622-930e-72d1d5589bf5 v4.3.0, template variable `locationLongNameToShortMap`.
 * test/core/fixtures/policy-64def556-v4.3.0-location-map.json holds that map as read from the
 * policy, and a test compares it with this one. Regions missing here are missing from the
 * policy too: the policy cannot name a default workspace for them.
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
  chinaeast2: "E2",
  chinaeast3: "NE3",
  chinanorth3: "NN3",
  eastasia: "EA",
  eastus: "EUS",
  eastus2: "EUS2",
  eastus2euap: "eus2p",
  francecentral: "PAR",
  francesouth: "MRS",
  germanynorth: "DEN",
  germanywestcentral: "DEWC",
  israelcentral: "ILC",
  italynorth: "ITN",
  japaneast: "EJP",
  japanwest: "OS",
  jioindiacentral: "JINC",
  jioindiawest: "JINW",
  koreacentral: "SE",
  koreasouth: "PS",
  mexicocentral: "MXC",
  northcentralus: "NCUS",
  northeurope: "NEU",
  norwayeast: "NOE",
  norwaywest: "NOW",
  polandcentral: "PLC",
  qatarcentral: "QLC",
  southafricanorth: "JNB",
  southafricawest: "CPT",
  southcentralus: "SCUS",
  southeastasia: "SEA",
  southindia: "MA",
  spaincentral: "ESC",
  swedencentral: "SEC",
  switzerlandnorth: "CHN",
  switzerlandwest: "CHW",
  uaecentral: "AUH",
  uaenorth: "DXB",
  uksouth: "SUK",
  ukwest: "WUK",
  usgovarizona: "USGA",
  usgovvirginia: "USGV",
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
  "indonesiacentral",
  "malaysiawest",
  "newzealandnorth",
  "swedensouth",
  "westindia",
  // Azure Government
  "usdodcentral",
  "usdodeast",
  "usgovtexas",
  // Azure operated by 21Vianet
  "chinaeast",
  "chinanorth",
  "chinanorth2",
]);

/** Context key holding extra region names to accept, e.g. `{"defender-for-containers:additionalRegions": ["newregion"]}`. */
export const ADDITIONAL_REGIONS_CONTEXT_KEY = "defender-for-containers:additionalRegions";
