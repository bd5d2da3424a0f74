#!/usr/bin/env bash
# Packs the library and uses the tarball from a fresh app, the way a user's cdktf repo would:
# require() through the `exports` map, type-check against the shipped .d.ts (node10 and node16
# resolution), synthesize, and check the output. Peer dependencies resolve from the repo's
# node_modules (the app lives below the repo), so no network is needed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$root/.pack-smoke"
rm -rf "$work" && mkdir -p "$work/node_modules"
cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
mkdir -p "$work/node_modules/cdktf-defender-for-containers"
tar -xzf "$work/$tarball" -C "$work/node_modules/cdktf-defender-for-containers" --strip-components=1
cp "$root/test/package/pack-smoke/app.ts" "$work/app.ts"
cd "$work"
for resolution in node10 node16; do
  module=commonjs; [ "$resolution" = node16 ] && module=node16
  "$root/node_modules/.bin/tsc" --noEmit --strict --skipLibCheck --types node --typeRoots "$root/node_modules/@types" \
    --module "$module" --moduleResolution "$resolution" app.ts
done
"$root/node_modules/.bin/tsc" --skipLibCheck --types node --typeRoots "$root/node_modules/@types" --module commonjs --outDir out app.ts
CDKTF_OUTDIR="$work/cdktf.out" node out/app.js
# The packed bin plans the app's stacks with real Terraform, offline (compiled JS, embedded proto).
if command -v terraform >/dev/null 2>&1; then
  node node_modules/cdktf-defender-for-containers/dist/testing/offline-plan/cli.js --out "$work/cdktf.out"
else
  echo "SKIPPED: terraform is not on PATH, so the packed defender-plan-offline was not run"
fi
node -e '
  const tf = require(process.argv[1]);
  const pricing = Object.values(tf.resource.azurerm_security_center_subscription_pricing)[0];
  if (pricing.tier !== "Standard" || pricing.extension.length !== 5) throw new Error("unexpected pricing: " + JSON.stringify(pricing));
  const files = require("child_process").execSync("tar -tzf " + process.argv[2], { encoding: "utf8" }).split("\n");
  if (files.some((f) => /\/(test|examples|lib)\//.test(f))) throw new Error("tarball ships sources or tests");
  console.log("pack smoke test passed: " + files.filter(Boolean).length + " files in " + process.argv[2].split("/").pop());
' "$work/cdktf.out/stacks/smoke/cdk.tf.json" "$work/$tarball"
rm -rf "$work"
