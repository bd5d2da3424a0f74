// GCP entry point (`<package>/gcp`): constructs on the google provider. Imports google submodules only.
export {};
