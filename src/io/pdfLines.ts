/**
 * A PDF page's text as lines and the cells of a line: runs grouped by their baselines, cut where a gap
 * separates them. Shared by the page layout (src/io/pdf.ts) and the unruled tables (src/io/pdfUnruled.ts).
 */
import { SENTENCE } from '../core';
import type { TextRun } from './pdfExtract';
import { joinThousands } from './pdfText';

export interface Line {
  y: number;
  size: number;
  runs: TextRun[];
  text: string;
  left: number;
  right: number;
}

/** A cell of a line: its text and where it stands. */
export interface Segment {
  text: string;
  left: number;
  right: number;
  /** The baseline of its first piece (a label and the figures beside it may sit on slightly different ones). */
  y: number;
}

/**
 * The page's text margins: the leftmost line start, and the right end most full lines reach (a line
 * with a long word or a URL may stick out past it).
 */
export interface Margins {
  left: number;
  right: number;
  /** The size most of the text is set in. */
  bodySize: number;
}

/** A figure of a table, or a sign standing for none. */
export const FIGURE = /^-?\d[\d,]*(\.\d+)?%?$|^[—–-]$|^[/／无]$/;

/** Characters a space between runs is kept between: CJK has no spaces between words, or between a figure and its unit. */
const WORD_CHAR = /[A-Za-z0-9.,%]/;

/** Runs grouped into lines by their baselines, left to right. */
export function textLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(run.y - line.y) <= Math.min(line.size, run.size) * 0.4) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run], text: '', left: 0, right: 0 });
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    line.text = segments(line.runs).map((s) => s.text).join(' ');
    line.left = line.runs[0].x;
    line.right = Math.max(...line.runs.map((r) => r.x + r.w));
  }
  return lines;
}

/** A piece of a run (cut at its inner spaces), and which of the line's runs it is from. */
export interface Piece extends TextRun {
  run: number;
}

/** A line's pieces and plain cells, worked out once per line: the layout asks for them many times. */
const piecesMemo = new WeakMap<TextRun[], Piece[]>();
const segmentsMemo = new WeakMap<TextRun[], Segment[]>();

/** A line's runs cut at their inner spaces, left to right: the pieces cells are made of. */
export function linePieces(runs: TextRun[]): Piece[] {
  let pieces = piecesMemo.get(runs);
  if (!pieces) piecesMemo.set(runs, (pieces = runs.flatMap((r, run) => splitRun(r).map((p) => ({ ...p, run })))));
  return pieces;
}

/**
 * Where a table decides a line's cells part (src/io/pdfUnruled.ts): true cuts before piece `i`, false
 * keeps it with the cell so far (from `left` to `right`), undefined leaves it to the gap.
 */
export type CutRule = (cell: { left: number; right: number }, pieces: Piece[], i: number, gap: number) => boolean | undefined;

const digitsGroup = /^\d{3}$/;
const digitsLead = /(^|\s)\d{1,3}$/;

/**
 * The runs of a line split where a gap wider than a character separates them: the cells of an unruled
 * row. Two figures side by side are two cells once a space parts them ("64 0" is never 640), unless
 * they are one figure spaced into thousands ("3 119").
 */
export function segments(runs: TextRun[], cut?: CutRule): Segment[] {
  if (cut) return segmentPieces(linePieces(runs), cut);
  let plain = segmentsMemo.get(runs);
  if (!plain) segmentsMemo.set(runs, (plain = segmentPieces(linePieces(runs))));
  return plain;
}

export function segmentPieces(pieces: Piece[], cut?: CutRule): Segment[] {
  const out: Segment[] = [];
  let current: { parts: string[]; left: number; right: number; y: number } | undefined;
  pieces.forEach((piece, i) => {
    const gap = current ? piece.x - current.right : Infinity;
    let joined = false;
    if (current) {
      const text = current.parts.join('');
      const decided = cut?.(current, pieces, i, gap);
      if (decided !== undefined) joined = !decided;
      else if (/\d$/.test(text) && /^\d/.test(piece.s)) {
        // One figure spaced into thousands is one run; two cells are two runs, which only a thin space may part.
        const em = Math.max(piece.size, 4);
        const space = piece.run === pieces[i - 1].run ? 0.6 : 0.35;
        joined = gap <= em * 0.1 || (gap <= em * space && digitsGroup.test(piece.s) && digitsLead.test(text));
      } else joined = gap <= Math.max(piece.size, 4) * 1.5;
    }
    if (current && joined) {
      const before = current.parts[current.parts.length - 1].slice(-1);
      const spaced = gap > piece.size * 0.2 && WORD_CHAR.test(before) && WORD_CHAR.test(piece.s[0]);
      current.parts.push((spaced ? ' ' : '') + piece.s);
      current.right = piece.x + piece.w;
    } else {
      if (current) out.push({ text: current.parts.join('').trim(), left: current.left, right: current.right, y: current.y });
      current = { parts: [piece.s], left: piece.x, right: piece.x + piece.w, y: piece.y };
    }
  });
  if (current) out.push({ text: current.parts.join('').trim(), left: current.left, right: current.right, y: current.y });
  return out.filter((s) => s.text !== '').map((s) => ({ ...s, text: joinThousands(s.text) }));
}

/** A run cut at its inner spaces, each piece placed by its share of the run's characters. */
function splitRun(run: TextRun): TextRun[] {
  if (!/\s/.test(run.s.trim())) return [{ ...run, s: run.s.trim(), x: run.x + leadingWidth(run) }];
  const per = run.w / Math.max(1, run.s.length);
  const out: TextRun[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(run.s))) out.push({ ...run, s: m[0], x: run.x + m.index * per, w: m[0].length * per });
  return out;
}

function leadingWidth(run: TextRun): number {
  const lead = run.s.length - run.s.trimStart().length;
  return lead ? (run.w / run.s.length) * lead : 0;
}

export function textMargins(lines: Line[]): Margins {
  const widest = Math.max(...lines.map((l) => l.right - l.left));
  const rights = lines.filter((l) => l.right - l.left > widest * 0.6).map((l) => l.right).sort((a, b) => a - b);
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  return { left: Math.min(...lines.map((l) => l.left)), right: rights[Math.floor(rights.length * 0.6)] ?? 0, bodySize: sizes[Math.floor(sizes.length / 2)] ?? 0 };
}

export const reaches = (line: Line, margin: { right: number }) => line.right >= margin.right - line.size * 1.5;

/** Sentence punctuation, or a comma outside brackets: a line of prose. Commas inside brackets belong to labels. */
export function isSentence(text: string): boolean {
  return SENTENCE.test(text) || /[，,；;]/.test(text.replace(/[（(][^（()）]*[)）]/g, ''));
}
