// Loaded first by the package root (index.ts): the root re-exports every cloud, so it needs the aws,
// azurerm and google providers; without one, say which to install and which entry point needs less.
import { assertProvidersInstalled } from "./core/private/optional-provider";

assertProvidersInstalled(
  'The package root "cdktf-defender-for-containers"',
  ["@cdktf/provider-azurerm", "@cdktf/provider-aws", "@cdktf/provider-google"],
  'import from the entry point of your cloud: "cdktf-defender-for-containers/azure", "/aws" or "/gcp".',
);
