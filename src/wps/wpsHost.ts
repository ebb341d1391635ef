import type { DocumentHost, SpreadsheetHost } from '../host/adapter';
import type { WpsKind } from '../host/detect';
import type { EtApplication, WpsApplication } from './api';
import { wpsDocumentHostFromWps } from './document';
import { etHostFromWps } from './etHost';

/** The pane's one way into WPS: the host for the application the page runs in, or why there is none. */
export type WpsStart =
  | { kind: 'et'; host: SpreadsheetHost }
  | { kind: 'wps'; host: DocumentHost }
  | { kind: 'et' | 'wps'; host: null; reason: 'nothing-open' };

export function wpsHostFromPage(kind: WpsKind, app: unknown): WpsStart {
  if (kind === 'et') {
    const host = etHostFromWps(app as EtApplication);
    return host ? { kind, host } : { kind, host: null, reason: 'nothing-open' };
  }
  const host = wpsDocumentHostFromWps(app as WpsApplication);
  return host ? { kind, host } : { kind, host: null, reason: 'nothing-open' };
}
