import { missingBuiltIns } from './guard/missing';

/**
 * The pane's entry. EdgeHTML 18 (Office 2016/2019 retail without WebView2) lacks a few built-ins the
 * pane and its libraries use: there, and only there, they are added from a chunk of their own before
 * any of the pane's modules runs. The pane itself is in this same file (eager), so every other engine
 * starts it without a second request.
 */
async function boot(): Promise<void> {
  if (missingBuiltIns(window)) (await import(/* webpackChunkName: "shims" */ './guard/shims')).installShims(window);
  await import(/* webpackMode: "eager" */ './main');
}

void boot();
