/**
 * Defines `names` on a CommonJS `exports` object as getters that load `load()`'s module on first read,
 * so `import { parseEstateDescription } from "<package>/estate"` works as usual while zod and yaml are
 * only required when an estate file is actually read.
 */
export function lazyExports<M extends object>(target: object, load: () => M, names: readonly (keyof M & string)[]): void {
  let loaded: M | undefined;
  for (const name of names) {
    Object.defineProperty(target, name, {
      enumerable: true,
      configurable: true,
      get: () => (loaded ??= load())[name],
    });
  }
}
