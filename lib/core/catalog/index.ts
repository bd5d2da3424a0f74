export * from "./azure";
export * from "./regions";
export * from "./multicloud";
export * from "./sensor-chart";
export * from "./gcp";
export * from "./aws";
export * from "./security-connectors";
export * from "./private-link";
