// Azure entry point (`<package>/azure`). Imports azurerm submodules only: loading this entry
// must not load the aws, google, kubernetes or helm providers.
export * from "./defender-for-containers-plan";
export * from "./defender-workspace";
export * from "./aks-defender-sensor";
export * from "./aks-policy-addon";
export * from "./azapi";
export * from "./dine-policy-assignment";
export * from "./defender-workspace-assignment";
export * from "./policy-addon-assignment";
export * from "./arc-defender-sensor";
export * from "./arc-policy-extension";
export * from "./aks-agentless-discovery";
