import { parseArgs, ParseArgsConfig } from "node:util";

// The package's commands (defender-plan-offline, defender-coverage, defender-estate) parse their
// arguments with Node's own `util.parseArgs` in strict mode, so all three refuse unknown options and
// options missing their value the same way. This module turns its errors, which span several lines,
// into the one-line messages the commands print above their usage.

/** Bad command-line arguments: the command prints the message and its usage, and exits 2. */
export class CommandLineError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: true }>>;

/**
 * `argv` parsed against `options`, with at most `maxPositionals` positional arguments.
 * @throws CommandLineError for an unknown option, an option without its value, or too many positionals.
 */
export function parseCommandLine<T extends Options>(argv: readonly string[], options: T, maxPositionals: number): Parsed<T> {
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    const unknown = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? /'([^']+)'/.exec(message ?? "")?.[1] : undefined;
    throw new CommandLineError(unknown ? `unknown option ${unknown}` : String(message ?? error).split("\n")[0]);
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).map((p) => JSON.stringify(p)).join(", ");
    throw new CommandLineError(maxPositionals === 0 ? `unexpected argument ${extra}` : `expected at most ${maxPositionals} argument(s) besides options, got ${parsed.positionals.length} (extra: ${extra})`);
  }
  return parsed;
}

/** The value of a `--name N` option as a positive integer, `fallback` when it is not given. */
export function positiveIntegerOption(name: string, value: string | undefined, fallback: number): number;
export function positiveIntegerOption(name: string, value: string | undefined): number | undefined;
export function positiveIntegerOption(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new CommandLineError(`--${name}: got ${JSON.stringify(value)}; expected a positive integer`);
  return n;
}
