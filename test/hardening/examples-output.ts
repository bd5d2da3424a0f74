import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");

/** Synthesizes every example stack in a fresh process (as `npm run synth` does) into a new temp dir. */
export function synthesizeExamples(): string {
  const outdir = mkdtempSync(join(tmpdir(), "examples-"));
  execFileSync(process.execPath, ["--require", "tsx/cjs", "examples/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: outdir },
    stdio: "pipe",
  });
  return outdir;
}

/** Every file below `dir`. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The parsed cdk.tf.json of every stack in a synth output dir, by stack name. */
export function stacksIn(outdir: string): Record<string, any> {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
  return Object.fromEntries(
    Object.entries<any>(manifest.stacks).map(([name, stack]) => [name, JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), "utf8"))]),
  );
}
