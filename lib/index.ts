// Package root: the catalog and validation helpers, every per-cloud entry point, and the patterns.
// Importing the root loads every provider this package uses; import `<package>/azure` (etc.) to
// load one cloud only.
export * from "./core";
export * from "./azure";
export * from "./aws";
export * from "./gcp";
export * from "./kubernetes";
export * from "./patterns";
export * from "./checks";
export * from "./estate";
