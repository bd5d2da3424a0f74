export * from "./azure";
export * from "./regions";
export * from "./multicloud";
export * from "./sensor-chart";
export * from "./coverage";
