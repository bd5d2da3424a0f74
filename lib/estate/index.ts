export * from "./estate-schema";
export * from "./load-estate-description";
export * from "./estate-backend";
export * from "./hcp-terraform-backend";
export * from "./subscription-stack";
export * from "./gcp-project-stack";
export * from "./connector-placement";
export * from "./defender-estate";
