import { TEXT_HIGHLIGHTS } from '../core';
import { type DocumentStore, type MarkOutcome, type SentenceMark, type SentenceRef, STORE_KEYS } from '../host/adapter';
import { ensureMarksFit, keepSentenceMarks } from '../host/sentenceMarks';
import { searchPlan, searchText, type SearchPlan } from '../host/sentenceLocate';
import type { WordCapabilities } from './requirements';

/**
 * Highlighting proofread sentences, reversibly: each sentence's highlight before marking is
 * remembered in the document and put back by 清除标记. A sentence the user highlighted in several
 * colours is not marked (one colour could not restore it); one recoloured since it was marked keeps
 * the user's colour.
 */

/** Word's highlight palette (Pink, Turquoise, Bright green): rarely used by people, so a mark is recognizable. */


/** Word reports highlights as #RRGGBB, a colour name, "" for several colours, or null for none. */
const NAMED: Record<string, string> = {
  yellow: '#FFFF00', pink: '#FF00FF', turquoise: '#00FFFF', brightgreen: '#00FF00', blue: '#0000FF', red: '#FF0000',
  darkblue: '#000080', teal: '#008080', green: '#008000', violet: '#800080', darkred: '#800000', darkyellow: '#808000',
  gray50: '#808080', gray25: '#C0C0C0', black: '#000000',
};
const MIXED = '';
export function sameColour(a: string | null, b: string | null): boolean {
  const norm = (c: string | null) => (c === null || c === '' ? c : (NAMED[c.toLowerCase()] ?? c.toUpperCase()));
  return norm(a) === norm(b);
}

interface StoredMark extends SentenceRef {
  /** The highlight before marking: null for none. */
  original: string | null;
  colour: string;
}

interface Located {
  plan: SearchPlan;
  head: Word.RangeCollection;
  tail?: Word.RangeCollection;
}

function queueSearch(paragraphs: Word.ParagraphCollection, texts: string[], ref: SentenceRef): Located | null {
  const plan = searchPlan(texts, ref);
  if (!plan) return null;
  const paragraph = paragraphs.items[plan.paragraph];
  const search = (text: string) => {
    const found = paragraph.search(searchText(text), { matchCase: true });
    found.load('items/font/highlightColor');
    return found;
  };
  return { plan, head: search(plan.head), ...(plan.tail ? { tail: search(plan.tail) } : {}) };
}

/** The sentence's range and its highlight (a long sentence: head to tail, "" when they differ). */
function rangeOf(found: Located | null, caps: WordCapabilities): { range: Word.Range; highlight: string | null } | null {
  if (!found) return null;
  const head = found.head.items[found.plan.headIndex];
  if (!head) return null;
  if (!found.tail) return { range: head, highlight: head.font.highlightColor };
  const tail = found.tail.items[found.plan.tailIndex ?? -1];
  // Without Range.expandTo (WordApi 1.3) a long sentence is marked by its first words only.
  if (!tail || !caps.wordApi13) return { range: head, highlight: head.font.highlightColor };
  const highlight = sameColour(head.font.highlightColor, tail.font.highlightColor) ? head.font.highlightColor : MIXED;
  return { range: head.expandTo(tail), highlight };
}

/** Three syncs whatever the number of sentences: read paragraphs, search them, write highlights. */
export async function applySentenceMarks(
  context: Word.RequestContext,
  caps: WordCapabilities,
  store: DocumentStore,
  marks: SentenceMark[],
): Promise<MarkOutcome> {
  const remembered = store.get<StoredMark[]>(STORE_KEYS.sentenceMarks) ?? [];
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load('items/text');
  await context.sync();
  const texts = paragraphs.items.map((p) => p.text);
  const oldFound = remembered.map((m) => queueSearch(paragraphs, texts, m));
  const newFound = marks.map((m) => queueSearch(paragraphs, texts, m));
  await context.sync();

  const notFound: string[] = [];
  const kept: string[] = [];
  // Queued only once the memory they need is known to fit the document's settings: nothing changes otherwise.
  const writes: (() => void)[] = [];
  let restored = 0;
  // Where an old mark is restored, the original under it is what a new mark there must remember.
  const originalAt = new Map<string, string | null>();
  remembered.forEach((mark, i) => {
    const found = rangeOf(oldFound[i], caps);
    if (!found) return notFound.push(mark.text);
    if (!sameColour(found.highlight, mark.colour)) return kept.push(mark.text);
    writes.push(() => (found.range.font.highlightColor = mark.original as string));
    originalAt.set(`${oldFound[i]!.plan.paragraph}|${oldFound[i]!.plan.at}`, mark.original);
    restored++;
  });

  const stored: StoredMark[] = [];
  marks.forEach((mark, i) => {
    const found = rangeOf(newFound[i], caps);
    if (!found) return notFound.push(mark.text);
    const { paragraph, at } = newFound[i]!.plan;
    const key = `${paragraph}|${at}`;
    const original = originalAt.has(key) ? originalAt.get(key)! : found.highlight;
    if (original === MIXED) return kept.push(mark.text);
    const colour = TEXT_HIGHLIGHTS[mark.severity];
    writes.push(() => (found.range.font.highlightColor = colour));
    stored.push({ paragraph, offset: at, text: mark.text, original, colour });
  });
  ensureMarksFit(store, stored);
  writes.forEach((write) => write());
  await context.sync();
  return keepSentenceMarks(store, stored, restored, notFound, kept);
}

export async function selectSentenceRange(context: Word.RequestContext, caps: WordCapabilities, ref: SentenceRef): Promise<boolean> {
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load('items/text');
  await context.sync();
  const found = queueSearch(paragraphs, paragraphs.items.map((p) => p.text), ref);
  await context.sync();
  const range = rangeOf(found, caps)?.range;
  if (!range) return false;
  range.select();
  await context.sync();
  return true;
}
