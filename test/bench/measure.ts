import { execFileSync, spawnSync } from "child_process";

/** One measurement of a fresh Node.js process. */
export interface Sample {
  /** Wall time of the whole process, in milliseconds. */
  readonly wallMs: number;
  /** Peak resident set size of the process, in MB. */
  readonly peakRssMb: number;
  /** What the script printed on stdout, trimmed. */
  readonly stdout: string;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `script` with `node -e` in a fresh process and reports wall time and peak RSS. The child
 * prints its own `process.resourceUsage().maxRSS` last, on stderr, so the parent's memory is not
 * counted.
 */
export function runNode(script: string, options: { cwd: string; nodeArgs?: string[]; env?: NodeJS.ProcessEnv }): Sample {
  const wrapped = `${script}\n;process.on("exit", () => process.stderr.write("\\n__PEAK_RSS_KB=" + process.resourceUsage().maxRSS + "\\n"));`;
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), "-e", wrapped], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`benchmark process failed (${result.status}):\n${result.stderr}`);
  const rss = /__PEAK_RSS_KB=(\d+)/.exec(result.stderr);
  if (!rss) throw new Error(`benchmark process did not report its memory:\n${result.stderr}`);
  return { wallMs, peakRssMb: Number(rss[1]) / 1024, stdout: result.stdout.trim() };
}

/** Median wall time and peak RSS over `runs` fresh processes. */
export function measure(runs: number, sample: () => Sample): Sample {
  const samples = Array.from({ length: runs }, sample);
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    peakRssMb: median(samples.map((s) => s.peakRssMb)),
    stdout: samples[samples.length - 1].stdout,
  };
}

/** Wall time of a shell command (no memory figure: it spans several processes). */
export function timeCommand(command: string, args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  execFileSync(command, args, { cwd, stdio: "ignore", env: { ...process.env, CI: "true" } });
  return Number(process.hrtime.bigint() - start) / 1e6;
}
