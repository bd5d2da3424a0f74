// Package root: every per-cloud entry point, the patterns, the estate and the checks.
// Importing the root loads the aws, azurerm and google providers (checked first, for a clear error);
// import `<package>/azure`, `/aws` or `/gcp` to load one cloud only.
import "./root-providers";
export * from "./core";
export * from "./azure";
export * from "./aws";
export * from "./gcp";
export * from "./kubernetes";
export * from "./patterns";
export * from "./checks";
export * from "./estate";
