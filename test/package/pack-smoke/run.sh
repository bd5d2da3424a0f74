#!/usr/bin/env bash
# Packs the library and uses the tarball from a fresh app per cloud, the way a user's cdktf repo would:
# each app lives outside this repository and has only the packages its cloud needs (linked from this
# repo's node_modules, so no network is needed): the Azure app only azurerm, the EKS app aws + azurerm +
# helm + kubernetes, the GKE app google + azurerm + helm + kubernetes. Each app is type-checked against
# the shipped .d.ts and run twice, compiled as CommonJS (node10 resolution) and as ESM ("module":
# "NodeNext"); both must write the same Terraform, which must hold the resources the patterns make.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
here="$root/test/package/pack-smoke"
work="$(mktemp -d "${TMPDIR:-/tmp}/defender-pack-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tsc="$root/node_modules/.bin/tsc"
tsc_common=(--strict --skipLibCheck --types node --typeRoots "$root/node_modules/@types" --target ES2020)

cd "$root"
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"
runtime_deps=$(node -p 'Object.keys(require("./package.json").dependencies).join(" ")')

declare -A providers=(
  [azure]="azurerm"
  [aws]="aws azurerm helm kubernetes"
  [gcp]="google azurerm helm kubernetes"
)
declare -A expected=(
  [azure]="azurerm_security_center_subscription_pricing azurerm_kubernetes_cluster azurerm_log_analytics_workspace azurerm_arc_kubernetes_cluster_extension"
  [aws]="aws_iam_openid_connect_provider aws_iam_role aws_eks_access_entry azapi_resource helm_release"
  [gcp]="google_iam_workload_identity_pool google_service_account azapi_resource helm_release"
)

link() { mkdir -p "$(dirname "$2")" && ln -s "$root/node_modules/$1" "$2"; }

for cloud in azure aws gcp; do
  app="$work/$cloud"
  mkdir -p "$app/node_modules/cdktf-defender-for-containers" "$app/cjs" "$app/esm"
  tar -xzf "$tarball" -C "$app/node_modules/cdktf-defender-for-containers" --strip-components=1
  for pkg in cdktf constructs $runtime_deps; do link "$pkg" "$app/node_modules/$pkg"; done
  for p in ${providers[$cloud]}; do link "@cdktf/provider-$p" "$app/node_modules/@cdktf/provider-$p"; done
  cp "$here/apps/$cloud.ts" "$app/cjs/app.ts"
  cp "$here/apps/$cloud.ts" "$app/esm/app.ts"
  echo '{ "type": "module" }' > "$app/esm/package.json"
  (cd "$app/cjs" && "$tsc" "${tsc_common[@]}" --module commonjs --moduleResolution node10 --outDir out app.ts)
  (cd "$app/esm" && "$tsc" "${tsc_common[@]}" --module nodenext --moduleResolution nodenext --outDir out app.ts)
  (cd "$app" && CDKTF_OUTDIR="$app/cdktf.out" node cjs/out/app.js)
  (cd "$app" && CDKTF_OUTDIR="$app/cdktf.out.esm" node esm/out/app.js)
  stack="smoke-$cloud"
  cmp "$app/cdktf.out/stacks/$stack/cdk.tf.json" "$app/cdktf.out.esm/stacks/$stack/cdk.tf.json"
  node -e '
    const tf = require(process.argv[1]);
    const missing = process.argv[2].split(" ").filter((type) => !(tf.resource && tf.resource[type]));
    if (missing.length) throw new Error(process.argv[3] + ": no " + missing.join(", ") + " in " + process.argv[1]);
    console.log(process.argv[3] + ": CommonJS and NodeNext ESM synthesize the same " + Object.keys(tf.resource).length + " resource types with only " + process.argv[4] + " installed");
  ' "$app/cdktf.out/stacks/$stack/cdk.tf.json" "${expected[$cloud]}" "$cloud" "${providers[$cloud]}"
  # The packed bin plans the app's stacks with real Terraform, offline (compiled JS, embedded proto).
  if command -v terraform >/dev/null 2>&1; then
    (cd "$app" && node node_modules/cdktf-defender-for-containers/dist/testing/offline-plan/cli.js --out "$app/cdktf.out")
  else
    echo "SKIPPED: terraform is not on PATH, so the packed defender-plan-offline was not run for $cloud"
  fi
done

node -e '
  const files = require("child_process").execSync("tar -tzf " + process.argv[1], { encoding: "utf8" }).split("\n").filter(Boolean);
  if (files.some((f) => /\/(test|examples|lib)\//.test(f))) throw new Error("tarball ships sources or tests");
  console.log("pack smoke test passed: " + files.length + " files in " + process.argv[1].split("/").pop());
' "$tarball"

# Every subpath the package exports resolves to a shipped file (./patterns and ./estate load every
# cloud's providers, so no single-cloud app above imports them).
(cd "$work/azure" && node -e '
  const subpaths = Object.keys(require("cdktf-defender-for-containers/package.json").exports).filter((p) => p !== "./package.json");
  for (const p of subpaths) require.resolve("cdktf-defender-for-containers" + p.slice(1));
  console.log("exports resolve: " + subpaths.join(" "));
')

