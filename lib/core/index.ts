export * from "./catalog";
export * from "./errors";
export * from "./validation";
export * from "./region";
export * from "./azure-resource-id";
export * from "./terraform-blocks";
export * from "./lifecycle";
