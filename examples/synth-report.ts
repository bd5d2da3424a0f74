import { App } from "cdktf";
import { readFileSync } from "fs";
import { join, relative } from "path";

/** What cdktf writes to manifest.json for each stack (cdktf 0.21 `StackManifest`, the fields read here). */
interface ManifestStack {
  readonly synthesizedStackPath: string;
  readonly annotations: readonly { readonly constructPath: string; readonly level: string; readonly message: string }[];
}

const LEVELS: Readonly<Record<string, string>> = { "@cdktf/info": "info", "@cdktf/warn": "warning", "@cdktf/error": "error" };

/**
 * Synthesizes `app` and prints what `cdktf synth` would: each stack written and every annotation
 * (info, warning, error) with its construct path. Error annotations make App.synth() throw after
 * listing them; the caller's process then exits non-zero.
 */
export function synthAndReport(app: App, log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  app.synth();
  const manifest = JSON.parse(readFileSync(join(app.outdir, "manifest.json"), "utf8")) as { stacks: Record<string, ManifestStack> };
  const shown = relative(process.cwd(), app.outdir) || ".";
  const counts: Record<string, number> = { info: 0, warning: 0, error: 0 };
  for (const [name, stack] of Object.entries(manifest.stacks)) {
    log(`${name}: ${join(shown, stack.synthesizedStackPath)}${resourceCount(join(app.outdir, stack.synthesizedStackPath))}`);
    for (const annotation of stack.annotations) {
      const level = LEVELS[annotation.level] ?? annotation.level;
      counts[level] = (counts[level] ?? 0) + 1;
      log(`  ${level} [${annotation.constructPath}] ${annotation.message}`);
    }
  }
  const total = Object.keys(manifest.stacks).length;
  log(`Synthesized ${total} stack${total === 1 ? "" : "s"} into ${shown}/: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos.`);
}

/** " (N resources)" for a JSON stack; nothing for HCL (`cdktf synth --hcl` writes cdk.tf). */
function resourceCount(file: string): string {
  if (!file.endsWith(".json")) return "";
  const tf = JSON.parse(readFileSync(file, "utf8")) as { resource?: Record<string, object> };
  return ` (${Object.values(tf.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0)} resources)`;
}
