export * from "./diagnostics";
export * from "./validate-terraform-json";
