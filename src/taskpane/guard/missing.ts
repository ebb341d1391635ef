/**
 * Whether this engine lacks any built-in that shims.ts adds (EdgeHTML 18 lacks them all; every engine
 * Office uses besides it has them). Kept apart from the shims, so that only EdgeHTML downloads those.
 */
export function missingBuiltIns(scope: object): boolean {
  const has = (target: object, name: string) => name in target;
  return (
    !['flat', 'flatMap', 'findLast', 'findLastIndex'].every((name) => has(Array.prototype, name)) ||
    !['trimStart', 'trimEnd', 'matchAll'].every((name) => has(String.prototype, name)) ||
    !has(Object, 'fromEntries') ||
    !has(Promise, 'allSettled') ||
    !has(Symbol, 'asyncIterator') ||
    !['globalThis', 'queueMicrotask', 'WeakRef', 'ResizeObserver', 'TextEncoder', 'TextDecoder'].every((name) => has(scope, name))
  );
}
