export * from "./azure";
export * from "./regions";
