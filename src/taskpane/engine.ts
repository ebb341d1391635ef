/**
 * The checking engine is loaded on first use, not in the first paint: the pane shows at once and
 * the engine (templates, rules, zod) arrives while the user reads it (prefetched when the browser is idle).
 */
export type Engine = typeof import('../core');

let pending: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  pending ??= import(/* webpackChunkName: "engine", webpackPrefetch: true */ '../core');
  return pending;
}
