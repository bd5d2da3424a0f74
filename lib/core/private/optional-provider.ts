import { IConstruct } from "constructs";
import { DefenderValidationError } from "../errors";

/** The prebuilt provider packages this library can use, and the major version each must be (package.json peerDependencies). */
export const PROVIDER_PACKAGES: Readonly<Record<string, string>> = {
  "@cdktf/provider-aws": "21",
  "@cdktf/provider-azurerm": "14",
  "@cdktf/provider-google": "16",
  "@cdktf/provider-helm": "12",
  "@cdktf/provider-kubernetes": "12",
};

/** `npm install …` for the given provider packages, each at the major version this library supports. */
export function installCommand(packages: readonly string[]): string {
  return `npm install ${packages.map((p) => `${p}@^${PROVIDER_PACKAGES[p]}`).join(" ")}`;
}

/** The `@cdktf/provider-*` package a MODULE_NOT_FOUND error is about, if it is about one. */
export function missingProviderPackage(error: unknown): string | undefined {
  if (!(error instanceof Error) || (error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") return undefined;
  // Node's message: "Cannot find module '@cdktf/provider-helm/lib/provider'\nRequire stack: …"
  const match = /Cannot find module '(@cdktf\/provider-[a-z0-9-]+)/.exec(error.message);
  return match && match[1] in PROVIDER_PACKAGES ? match[1] : undefined;
}

/**
 * Loads a provider submodule (`@cdktf/provider-helm/lib/provider`) when a construct needs it, rather than
 * when its entry point is imported: the provider packages are optional peer dependencies, and a user of
 * `<package>/aws` who never creates a Helm sensor need not install the helm provider.
 * A missing package becomes a {@link DefenderValidationError} that names the package to install.
 */
export function requireProvider<T>(scope: IConstruct, moduleId: string, needs: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy by design, see above
    return require(moduleId) as T;
  } catch (error) {
    const pkg = missingProviderPackage(error);
    if (!pkg) throw error;
    throw new DefenderValidationError(scope, `${needs} needs the npm package ${pkg}, which is not installed. Install it: ${installCommand([pkg])}`);
  }
}

/** Thrown when an entry point of this package is loaded without a provider package it needs. */
export class MissingProviderError extends Error {
  /** The npm packages to install. */
  public readonly packages: readonly string[];

  constructor(message: string, packages: readonly string[]) {
    super(message);
    this.name = "MissingProviderError";
    this.packages = packages;
  }
}

/**
 * Throws a {@link MissingProviderError} naming every package of `packages` that cannot be resolved, so that
 * an entry point that loads several providers fails with one actionable message rather than Node's
 * "Cannot find module '@cdktf/provider-aws/lib/iam-role'".
 */
export function assertProvidersInstalled(entryPoint: string, packages: readonly string[], alternative: string): void {
  const missing = packages.filter((pkg) => {
    try {
      require.resolve(`${pkg}/lib/provider`);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  throw new MissingProviderError(
    `${entryPoint} loads the constructs of every cloud and needs ${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not installed. ` +
      `Install ${missing.length === 1 ? "it" : "them"} (${installCommand(missing)}), or ${alternative}`,
    missing,
  );
}
