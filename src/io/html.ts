import { parse, type HTMLElement, type Node } from 'node-html-parser';
import type { Cell, MergeArea, Sheet } from '../core';
import { InputTooLargeError } from './errors';
import { ioMessages } from './messages';
import { toCell, type TextReport } from './text';

const PROSE = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'caption']);
const ELEMENT = 1;

/**
 * Most grid cells all of a page's tables may cover, every rowspan and colspan counted: a statistics
 * table covers a few hundred, and the grid of a table is built cell by cell.
 */
export const MAX_TABLE_CELLS = 200_000;

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === ELEMENT;
}

const tagOf = (node: HTMLElement) => node.rawTagName?.toLowerCase();

/**
 * A cell's own text, without the text of tables nested inside it (those are read as tables of their own).
 * Walked with a stack, not recursion: a page may nest elements a hundred thousand deep.
 */
function ownText(node: Node): string {
  const out: string[] = [];
  const stack: (Node | string)[] = [node];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') out.push(item);
    else if (!isElement(item)) out.push(item.text);
    else if (tagOf(item) !== 'table') {
      const tag = tagOf(item);
      if (tag === 'br' || tag === 'p' || tag === 'div') stack.push(' ');
      for (let i = item.childNodes.length - 1; i >= 0; i--) stack.push(item.childNodes[i]);
    }
  }
  return out.join('');
}

/** The elements below node with this tag, in document order (the first only when `first`). */
function descendantsNamed(node: HTMLElement, tag: string, first = false): HTMLElement[] {
  const found: HTMLElement[] = [];
  const stack: Node[] = [...node.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (tagOf(n) === tag) {
      found.push(n);
      if (first) break;
    }
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
  }
  return found;
}

function clean(text: string): string {
  return text.replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The rows of this table, not of tables nested in its cells. */
function ownRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const c of table.childNodes.filter(isElement)) {
    const tag = tagOf(c);
    if (tag === 'tr') rows.push(c);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rows.push(...c.childNodes.filter(isElement).filter((e) => tagOf(e) === 'tr'));
  }
  return rows;
}

function span(el: HTMLElement, name: string): number {
  const n = Number.parseInt(el.getAttribute(name) ?? '1', 10);
  // A runaway span (rowspan="100000") would build a huge grid; no statistics table needs more than this.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 200) : 1;
}

/** Lays HTML tables onto grid rows, honouring rowspan and colspan as merged areas, within MAX_TABLE_CELLS in all. */
class TableLayout {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: MergeArea[] = [];
  private covered = 0;

  constructor(private readonly file: string) {}

  /** Places a table from row `top`; returns the row after it. */
  place(table: HTMLElement, top: number): number {
    const occupied = new Map<number, Set<number>>();
    const taken = (r: number, c: number) => occupied.get(r)?.has(c) ?? false;
    let height = 0;
    ownRows(table).forEach((tr, r) => {
      let c = 0;
      for (const td of tr.childNodes.filter(isElement)) {
        const tag = tagOf(td);
        if (tag !== 'td' && tag !== 'th') continue;
        while (taken(r, c)) c++;
        const rs = span(td, 'rowspan');
        const cs = span(td, 'colspan');
        this.covered += rs * cs;
        if (this.covered > MAX_TABLE_CELLS) throw new InputTooLargeError(ioMessages.htmlTableTooLarge(this.file, MAX_TABLE_CELLS));
        for (let i = 0; i < rs; i++) {
          const cols = occupied.get(r + i) ?? new Set<number>();
          occupied.set(r + i, cols);
          for (let j = 0; j < cs; j++) cols.add(c + j);
        }
        const row = top + r;
        while (this.rows.length <= row + rs - 1) this.rows.push([]);
        const cell = toCell(clean(ownText(td)));
        if (cell) this.rows[row][c] = cell;
        if (rs > 1 || cs > 1) this.merges.push({ top: row, left: c, bottom: row + rs - 1, right: c + cs - 1 });
        height = Math.max(height, r + rs);
        c += cs;
      }
      height = Math.max(height, r + 1);
    });
    return top + height;
  }
}

/**
 * Reads a published report as HTML: its tables (rowspan and colspan included) onto one sheet, one
 * below the other, with the paragraphs around them kept as prose for proofreading. `file` names the
 * report in the message when its tables are too large to lay out.
 */
export function readHtmlReport(html: string, sheetName: string = ioMessages.htmlSheetName, file = sheetName): TextReport {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false } });
  const layout = new TableLayout(file);
  const { rows } = layout;
  const prose: string[] = [];
  const placeBelow = (table: HTMLElement) => {
    const end = layout.place(table, rows.length);
    while (rows.length < end + 1) rows.push([]);
  };

  // Depth first, in document order, with a stack: a page may nest elements a hundred thousand deep.
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const tag = tagOf(node);
    if (tag === 'table') {
      placeBelow(node);
      // Tables nested in cells come after their parent.
      descendantsNamed(node, 'table').forEach(placeBelow);
      continue;
    }
    if (tag && PROSE.has(tag)) {
      const text = clean(ownText(node));
      if (text) {
        prose.push(text);
        rows.push([{ value: text }]);
      }
      continue;
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
  }
  const sheet: Sheet = { name: sheetName, rows, merges: layout.merges };
  // Searched with the stack too: node-html-parser's querySelector recurses once per level.
  const title = descendantsNamed(root, 'title', true)[0];
  const pageTitle = title ? clean(ownText(title)) : '';
  return { workbook: { sheets: [sheet] }, narrative: prose.join('\n'), ...(pageTitle ? { pageTitle } : {}) };
}
