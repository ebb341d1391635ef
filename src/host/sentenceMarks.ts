import { type DocumentNotice, type DocumentStore, DocumentStoreFull, type MarkOutcome, STORE_KEYS } from './adapter';
import { SETTINGS_BUDGET_BYTES, storedBytes } from './documentStore';

/** What every document host does alike around marking sentences: the memory must fit before anything is highlighted, and is kept after. */

/** Throws, changing nothing, when remembering these marks would outgrow the document's store. */
export function ensureMarksFit(store: DocumentStore, stored: unknown[]): void {
  if (!store.fits(STORE_KEYS.sentenceMarks, stored)) throw new DocumentStoreFull(storedBytes(stored), SETTINGS_BUDGET_BYTES);
}

/** Keeps the marks now on the document (none: forgets them) and says what was marked, restored, not found or kept. */
export async function keepSentenceMarks(store: DocumentStore, stored: unknown[], restored: number, notFound: string[], kept: string[]): Promise<MarkOutcome> {
  if (stored.length > 0) store.set(STORE_KEYS.sentenceMarks, stored);
  else store.remove(STORE_KEYS.sentenceMarks);
  await store.save();
  const notices: DocumentNotice[] = [];
  if (notFound.length) notices.push({ code: 'sentence-not-found', sentences: notFound });
  if (kept.length) notices.push({ code: 'highlight-kept', sentences: kept });
  return { marked: stored.length, restored, notices };
}
