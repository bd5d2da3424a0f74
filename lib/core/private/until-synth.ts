import type { App } from "cdktf";

const PENDING = new WeakMap<App, Array<() => void>>();

/**
 * Calls `restore` when `app.synth()` returns or throws (once). The first call for an app shadows
 * `App.prototype.synth` with an own property of that one app, removed once it has run; later calls add
 * their `restore` to the same list, called in reverse order.
 */
export function restoreAfterSynth(app: App, restore: () => void): void {
  const pending = PENDING.get(app);
  if (pending) {
    pending.push(restore);
    return;
  }
  const restores = [restore];
  PENDING.set(app, restores);
  const synth = app.synth;
  Object.defineProperty(app, "synth", {
    configurable: true,
    writable: true,
    value: function synthThenRestore(this: App): void {
      try {
        synth.call(this);
      } finally {
        delete (app as { synth?: unknown }).synth;
        PENDING.delete(app);
        for (const r of restores.reverse()) r();
      }
    },
  });
}
