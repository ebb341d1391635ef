import type { Quantity } from './analytics';
import type { Paragraph, Run } from './model';
import { formatValue } from './numbers';

/**
 * Building runs: text pieces, figures and list joins. Wording-free; phrases.ts supplies the words
 * and passes in the marks it needs (list separators, the blank-figure placeholder).
 */

export type Piece = string | Run | Piece[] | null | undefined | false;

/** Flattens pieces into runs, merging neighbouring text and dropping empty pieces. */
export function runs(...pieces: Piece[]): Run[] {
  const out: Run[] = [];
  const push = (piece: Piece): void => {
    if (piece === null || piece === undefined || piece === false || piece === '') return;
    if (Array.isArray(piece)) {
      piece.forEach(push);
      return;
    }
    const run: Run = typeof piece === 'string' ? { kind: 'text', text: piece } : piece;
    const last = out[out.length - 1];
    if (run.kind === 'text' && last?.kind === 'text') {
      out[out.length - 1] = { kind: 'text', text: last.text + run.text };
    } else if (run.text !== '') {
      out.push(run);
    }
  };
  pieces.forEach(push);
  return out;
}

/**
 * The number of a quantity as a figure run, or, when the table leaves it blank, the placeholder
 * `blankMark` makes from the labels of the blank cells.
 */
export function figure(q: Quantity, blankMark: (labels: string[]) => string): Run {
  if (q.value === null) {
    return {
      kind: 'placeholder',
      text: blankMark(q.missing.map((m) => m.label)),
      need: q.missing.map((m) => `blank:${m.indicator}`).join(' '),
    };
  }
  const run: Run = {
    kind: 'figure',
    text: formatValue(q.value, q.unit),
    value: q.value,
    unit: q.unit,
    derivation: q.derivation,
    sources: q.sources,
  };
  if (q.base) run.base = q.base;
  if (q.shareSet) run.shareSet = q.shareSet;
  return run;
}

export interface ListMarks {
  /** Between items but the last two, e.g. 、 */
  separator: string;
  /** Between the last two items, e.g. 和 */
  lastSeparator: string;
}

/** Joins items, skipping empty ones: [a] → a; [a, b] → a和b; [a, b, c] → a、b和c. */
export function joinList(items: Run[][], marks: ListMarks): Run[] {
  const kept = items.filter((item) => item.some((run) => run.text !== ''));
  return runs(
    kept.map((item, i) => [i === 0 ? null : i === kept.length - 1 ? marks.lastSeparator : marks.separator, item]),
  );
}

export const body = (...pieces: Piece[]): Paragraph => ({ kind: 'body', runs: runs(...pieces) });
export const subheading = (...pieces: Piece[]): Paragraph => ({ kind: 'subheading', runs: runs(...pieces) });
