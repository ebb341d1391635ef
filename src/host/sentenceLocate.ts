import type { SentenceRef } from './adapter';

/**
 * Finding a sentence again in Word, where ranges have no offsets: search the paragraph for the
 * sentence's text and take the match whose position is the sentence's. Pure, so it is tested alone.
 */

/** Word's search string limit is 255 characters; a longer sentence is found by its head and tail. */
const SEARCH_LIMIT = 255;
const CHUNK = 120;

export interface SearchPlan {
  /** The paragraph holding the sentence (the remembered one, or the first that still contains it). */
  paragraph: number;
  /** Where the sentence starts in that paragraph. */
  at: number;
  head: string;
  /** Which of Word's matches of `head`, counted left to right without overlap. */
  headIndex: number;
  tail?: string;
  tailIndex?: number;
}

/** The index among non-overlapping matches of the match starting at `at`, or -1 when none starts there. */
function matchIndex(text: string, needle: string, at: number): number {
  let index = 0;
  for (let i = text.indexOf(needle); i >= 0 && i <= at; i = text.indexOf(needle, i + needle.length)) {
    if (i === at) return index;
    index++;
  }
  return -1;
}

export function searchPlan(paragraphs: readonly string[], ref: SentenceRef): SearchPlan | null {
  const candidates = [ref.paragraph, ...paragraphs.keys()];
  const paragraph = candidates.find((i) => paragraphs[i]?.includes(ref.text));
  if (paragraph === undefined || ref.text === '') return null;
  const text = paragraphs[paragraph];
  const at = text.startsWith(ref.text, ref.offset) && paragraph === ref.paragraph ? ref.offset : text.indexOf(ref.text);
  if (ref.text.length <= SEARCH_LIMIT) {
    const headIndex = matchIndex(text, ref.text, at);
    return headIndex < 0 ? null : { paragraph, at, head: ref.text, headIndex };
  }
  const head = ref.text.slice(0, CHUNK);
  const tail = ref.text.slice(-CHUNK);
  const headIndex = matchIndex(text, head, at);
  const tailIndex = matchIndex(text, tail, at + ref.text.length - CHUNK);
  return headIndex < 0 || tailIndex < 0 ? null : { paragraph, at, head, headIndex, tail, tailIndex };
}

/** "^" starts a special character in Word's search (^p, ^t); a literal one is written "^^". */
export function searchText(text: string): string {
  return text.replace(/\^/g, '^^');
}
