// The helm provider is loaded when a Helm sensor or provider is created, not when an entry point is
// imported: `<package>/aws` and `<package>/gcp` re-export the EKS and GKE patterns, and a user of their
// IAM constructs alone need not install @cdktf/provider-helm.
import type { HelmProvider, HelmProviderConfig } from "@cdktf/provider-helm/lib/provider";
import type { Release, ReleaseConfig } from "@cdktf/provider-helm/lib/release";
import { Construct } from "constructs";
import { requireProvider } from "../../core/private/optional-provider";

/** `new HelmProvider(scope, id, config)`, loading the helm provider package now. */
export function newHelmProvider(scope: Construct, id: string, config: HelmProviderConfig, needs: string): HelmProvider {
  const mod = requireProvider<typeof import("@cdktf/provider-helm/lib/provider")>(scope, "@cdktf/provider-helm/lib/provider", needs);
  return new mod.HelmProvider(scope, id, config);
}

/** `new Release(scope, id, config)`, loading the helm provider package now. */
export function newHelmRelease(scope: Construct, id: string, config: ReleaseConfig, needs: string): Release {
  const mod = requireProvider<typeof import("@cdktf/provider-helm/lib/release")>(scope, "@cdktf/provider-helm/lib/release", needs);
  return new mod.Release(scope, id, config);
}
