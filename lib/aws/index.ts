// AWS entry point (`<package>/aws`): constructs on the aws provider. Imports aws submodules only.
export {};
