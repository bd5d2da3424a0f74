import { azapiSchema } from "./azapi-schema";
import { CDKTF_PROVIDER_PACKAGES, cdktfProviderSchema } from "./cdktf-provider-schema";
import { ProviderSchema, SchemaRegistry } from "./types";

let defaultRegistry: SchemaRegistry | undefined;

/**
 * The schemas of every provider the library writes: the installed prebuilt packages (azurerm, aws,
 * google, kubernetes, helm) and the hand-written azapi binding's. One per process; a provider's
 * schema is opened on first use (an index read when the cache is warm).
 */
export function defaultSchemaRegistry(): SchemaRegistry {
  defaultRegistry ??= createRegistry();
  return defaultRegistry;
}

function createRegistry(): SchemaRegistry {
  const opened = new Map<string, ProviderSchema | undefined>([["azapi", azapiSchema]]);
  const installed = Object.entries(CDKTF_PROVIDER_PACKAGES)
    .filter(([, packageName]) => isInstalled(packageName))
    .map(([name]) => name);
  const names = [...installed, "azapi"].sort();
  return {
    names,
    provider(name: string): ProviderSchema | undefined {
      if (!opened.has(name)) {
        const packageName = Object.prototype.hasOwnProperty.call(CDKTF_PROVIDER_PACKAGES, name) ? CDKTF_PROVIDER_PACKAGES[name] : undefined;
        opened.set(name, packageName ? cdktfProviderSchema(packageName) : undefined);
      }
      return opened.get(name);
    },
  };
}

function isInstalled(packageName: string): boolean {
  try {
    require.resolve(`${packageName}/package.json`);
    return true;
  } catch {
    return false;
  }
}
