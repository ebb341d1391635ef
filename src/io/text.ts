import { type Cell, hasNumbering, isTemplateLabel, SENTENCE, type Sheet, tokenKind, type Workbook } from '../core';
import { ioMessages } from './messages';

export interface TextReport {
  workbook: Workbook;
  /** The report's prose: every line that is not part of a table. */
  narrative: string;
  /** A web page's own <title>. */
  pageTitle?: string;
}

export function toCell(text: string): Cell | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  // A plain number in a text table is a number, as it would be in a workbook; anything else keeps its text.
  return /^-?\d+(\.\d+)?$/.test(t) ? { value: Number(t), text: t } : { value: t };
}

/**
 * Spaces of every kind a page or a PDF leaves between cells (&nbsp;, no-break and ideographic
 * spaces), and none inside a year: "2 0 2 3 年" and "2023 年" are 2023年, as a title writes it.
 */
function clean(line: string): string {
  return line
    .replace(/&nbsp;?/gi, ' ')
    .replace(/[\u00a0\u2002\u2003\u3000]/g, ' ')
    .replace(/(^|[^\d ])\s*(\d) ?(\d) ?(\d) ?(\d) +(?=年)/g, '$1$2$3$4$5')
    .replace(/\s+$/, '');
}

/** Sentence punctuation, or a comma outside brackets: a line of prose, never split into cells. */
function isProse(line: string): boolean {
  if (SENTENCE.test(line)) return true;
  // A comma outside brackets reads as a sentence; labels keep their commas inside notes "(区分处理的,…)".
  return /[，,]/.test(line.replace(/[（(][^（()）]*[)）]/g, ''));
}

/** A markdown rule or the padding a copy leaves for spanned cells: "---", ":--:". */
function isRule(token: string): boolean {
  return /^:?-{3,}:?$/.test(token);
}

/** A figure-like token standing alone between spaces: a number, a "none" symbol, or a unit word. */
function standsAlone(token: string): boolean {
  const kind = tokenKind({ value: token });
  return kind === 'value' || kind === 'unit';
}

/**
 * Splits a line into its cells. "|" and tabs separate cells wherever they appear; a run of two or
 * more spaces does in a line that is not prose; a single space does only around a number, so that a
 * label keeps its inner spaces ("统 计 指 标") while "予以公开 3 0 0 0 0 0 3" gives eight cells.
 * Empty cells between two others are kept (a blank figure); those at either end are a copy's padding.
 */
export function splitCells(line: string): (string | undefined)[] {
  let parts: string[];
  if (line.includes('|')) parts = line.split('|');
  else if (line.includes('\t')) parts = line.split('\t');
  else if (isProse(line)) return [line.trim()];
  else parts = line.trim().split(/ {2,}/).flatMap(splitAroundNumbers);
  const cells = parts.map((p) => p.trim()).map((p) => (p === '' || isRule(p) ? undefined : p));
  let start = 0;
  let end = cells.length;
  while (start < end && cells[start] === undefined) start++;
  while (end > start && cells[end - 1] === undefined) end--;
  return cells.slice(start, end);
}

/**
 * Words between single spaces form one label, but a number, a unit, a word with its own numbering
 * ("(一)予以公开") or a template's own label ("行政复议") stands as a cell of its own; a note in
 * brackets stays with the label before it.
 */
function splitAroundNumbers(part: string): string[] {
  const words = part.split(' ').filter((w) => w !== '');
  if (!words.some((w) => standsAlone(w) || isTemplateLabel(w))) return [part];
  const out: string[] = [];
  let label = '';
  const flush = () => {
    if (label) out.push(label);
    label = '';
  };
  const open = (text: string) => (text.match(/[（(]/g)?.length ?? 0) > (text.match(/[)）]/g)?.length ?? 0);
  for (const w of words) {
    const isNote = /^[（(]/.test(w) && !hasNumbering(w);
    if (label && open(label)) label = `${label} ${w}`;
    else if (isNote && !label && out.length && !standsAlone(out[out.length - 1])) out[out.length - 1] += ` ${w}`;
    else if (isNote) label = label ? `${label} ${w}` : w;
    else if (standsAlone(w) || isTemplateLabel(w)) {
      flush();
      out.push(w);
    } else if (hasNumbering(w)) {
      flush();
      label = w;
    } else label = label ? `${label} ${w}` : w;
  }
  flush();
  return out;
}

/**
 * Reads a text report: a table written with "|", tabs or runs of spaces between cells, as the seed,
 * Markdown and text copied from web pages and PDFs have it, or one cell per line. Each line is a row
 * of the sheet, so a cell address names its line (文本表格!C24 is line 24, third cell); the sheet is
 * flowed, so recognition reads figures by their order after each row's label, not by position.
 */
export function readTextReport(content: string): TextReport {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const rows: (Cell | undefined)[][] = [];
  const prose: string[] = [];
  for (const raw of lines) {
    const line = clean(raw);
    const cells = line.trim() === '' ? [] : splitCells(line);
    const row: (Cell | undefined)[] = [];
    cells.forEach((c, i) => {
      if (c !== undefined) row[i] = toCell(c);
    });
    row.length = cells.length;
    rows.push(row);
    if (cells.length === 1 && isNarrative(cells[0]!)) prose.push(cells[0]!);
  }
  const sheet: Sheet = { name: ioMessages.textSheetName, rows, merges: [], flowed: true };
  return { workbook: { sheets: [sheet] }, narrative: prose.join('\n') };
}

/** A line the narrative keeps: words that are not a cell of a table (a figure, a unit, a template label). */
function isNarrative(text: string): boolean {
  const kind = tokenKind({ value: text });
  return (kind === 'label' && !isTemplateLabel(text)) || kind === 'prose';
}
