import type { App } from "cdktf";
import { restoreAfterSynth } from "./private/until-synth";

/**
 * The module of cdktf 0.21 that every token constructor calls: `Intrinsic`, `LazyBase`,
 * `ComplexComputedList`, `TerraformDynamicExpression` and `TerraformDynamicBlock` each do
 * `this.creationStack = (0, stack_trace_1.captureStackTrace)()`, i.e. they read the function off this
 * module's exports object at every call. Replacing that one export is therefore enough, and putting the
 * original back undoes it completely.
 * Source: hashicorp/terraform-cdk v0.21.0, packages/cdktf/lib/tokens/private/stack-trace.ts and its callers.
 */
const STACK_TRACE_MODULE = "cdktf/lib/tokens/private/stack-trace";

interface StackTraceModule {
  captureStackTrace: (below?: unknown) => string[];
}

const NO_TRACE = (): string[] => [];

let traceModule: StackTraceModule | undefined | null;
let original: StackTraceModule["captureStackTrace"] | undefined;
let holders = 0;

function stackTraceModule(): StackTraceModule | undefined {
  if (traceModule === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(STACK_TRACE_MODULE) as Partial<StackTraceModule>;
      traceModule = typeof loaded.captureStackTrace === "function" ? (loaded as StackTraceModule) : null;
    } catch {
      traceModule = null; // another cdktf layout: the switch does nothing, output is unaffected either way
    }
  }
  return traceModule ?? undefined;
}

/**
 * Whether cdktf records a full stack trace for every token it creates.
 *
 * cdktf 0.21 captures `Error.captureStackTrace` with an unlimited depth in the constructor of every
 * token (each attribute reference, each `Lazy`, each `Fn` call), and keeps it on the token. It is read
 * only to word two error messages ("Object creation stack" when a token fails to resolve, and a function
 * passed where a plain value was expected), never to produce Terraform. In a large app it is the largest
 * single cost of construction (a third of an estate's synth time), and cdktf has no switch for it: the
 * `stackTraces: false` app option and `@cdktf/disable_stack_trace_in_metadata` cover construct metadata only.
 *
 * Turning capture off makes those tokens keep an empty trace, so the synthesized Terraform is byte-identical
 * (tested) and only those two messages lose their "created at" lines. It is process-wide while off (tokens
 * carry no scope), reference-counted, and fully undone when the last holder restores it.
 * `DefenderEstate` turns it off for its app until `app.synth()` returns; elsewhere it is opt-in.
 */
export class TokenStackTraces {
  /** Whether tokens created now capture a stack trace (`true` unless some holder turned it off). */
  public static get enabled(): boolean {
    return holders === 0;
  }

  /**
   * Turns capture off until the returned function is called. Calls nest: capture comes back when
   * every holder has restored. Calling the returned function twice is harmless.
   */
  public static disable(): () => void {
    const target = stackTraceModule();
    if (!target) return () => undefined;
    if (holders++ === 0) {
      original = target.captureStackTrace;
      target.captureStackTrace = NO_TRACE;
    }
    let restored = false;
    return () => {
      if (restored) return;
      restored = true;
      if (--holders === 0 && original) {
        target.captureStackTrace = original;
        original = undefined;
      }
    };
  }

  /** Runs `body` with capture off and restores it afterwards, also when `body` throws. */
  public static without<T>(body: () => T): T {
    const restore = TokenStackTraces.disable();
    try {
      return body();
    } finally {
      restore();
    }
  }

  /**
   * Turns capture off from now until `app.synth()` returns (construction and synthesis of the app's
   * stacks). Use it right after `new App()`; calling it again for the same app does nothing.
   */
  public static disableUntilSynth(app: App): void {
    if (DISABLED_APPS.has(app)) return;
    DISABLED_APPS.add(app);
    const restore = TokenStackTraces.disable();
    restoreAfterSynth(app, () => {
      DISABLED_APPS.delete(app);
      restore();
    });
  }
}

const DISABLED_APPS = new WeakSet<App>();
