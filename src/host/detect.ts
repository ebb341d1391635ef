import type { HostKind } from './adapter';

/** Which adapter the pane needs, from `Office.onReady`'s host; null outside Excel and Word. */
export function hostKindOf(host: Office.HostType | string | null | undefined): HostKind | null {
  if (host === 'Excel') return 'excel';
  if (host === 'Word') return 'word';
  return null;
}
