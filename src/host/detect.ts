import type { HostKind } from './adapter';

/** Which adapter the pane needs, from `Office.onReady`'s host; null outside Excel and Word. */
export function hostKindOf(host: Office.HostType | string | null | undefined): HostKind | null {
  if (host === 'Excel') return 'excel';
  if (host === 'Word') return 'word';
  return null;
}

/** Which WPS application a WPS add-in page runs in. */
export type WpsKind = 'et' | 'wps';

/**
 * WPS gives an add-in's pages its application object as `window.Application`: WPS 表格's has
 * ActiveWorkbook, WPS 文字's ActiveDocument (null when nothing is open, undefined when the application has
 * no such thing). Anything else, and a page outside WPS, is null.
 */
export function wpsKindOf(page: { Application?: unknown }): WpsKind | null {
  const app = page.Application as { ActiveWorkbook?: unknown; ActiveDocument?: unknown } | null | undefined;
  if (!app || typeof app !== 'object') return null;
  if (app.ActiveWorkbook !== undefined) return 'et';
  if (app.ActiveDocument !== undefined) return 'wps';
  return null;
}
