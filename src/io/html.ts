import { parse, type HTMLElement, type Node } from 'node-html-parser';
import type { Cell, MergeArea, Sheet } from '../core/grid';
import { ioMessages } from './messages';
import { toCell, type TextReport } from './text';

const PROSE = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'caption']);
const ELEMENT = 1;

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === ELEMENT;
}

/** A cell's own text, without the text of tables nested inside it (those are read as tables of their own). */
function ownText(node: Node): string {
  if (!isElement(node)) return node.text;
  if (node.rawTagName?.toLowerCase() === 'table') return '';
  const tag = node.rawTagName?.toLowerCase();
  const inner = node.childNodes.map(ownText).join('');
  return tag === 'br' || tag === 'p' || tag === 'div' ? `${inner} ` : inner;
}

function clean(text: string): string {
  return text.replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The rows of this table, not of tables nested in its cells. */
function ownRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const child of table.childNodes.filter(isElement)) {
    const tag = child.rawTagName?.toLowerCase();
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rows.push(...child.childNodes.filter(isElement).filter((e) => e.rawTagName?.toLowerCase() === 'tr'));
  }
  return rows;
}

function span(el: HTMLElement, name: string): number {
  const n = Number.parseInt(el.getAttribute(name) ?? '1', 10);
  // A runaway span (rowspan="100000") would build a huge grid; no statistics table needs more than this.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 200) : 1;
}

/** Lays an HTML table onto grid rows from `top`, honouring rowspan and colspan as merged areas. */
function placeTable(table: HTMLElement, rows: (Cell | undefined)[][], merges: MergeArea[], top: number): number {
  const occupied = new Set<string>();
  let height = 0;
  ownRows(table).forEach((tr, r) => {
    let c = 0;
    for (const td of tr.childNodes.filter(isElement)) {
      const tag = td.rawTagName?.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      while (occupied.has(`${r},${c}`)) c++;
      const rs = span(td, 'rowspan');
      const cs = span(td, 'colspan');
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) occupied.add(`${r + i},${c + j}`);
      const row = top + r;
      while (rows.length <= row + rs - 1) rows.push([]);
      const cell = toCell(clean(ownText(td)));
      if (cell) rows[row][c] = cell;
      if (rs > 1 || cs > 1) merges.push({ top: row, left: c, bottom: row + rs - 1, right: c + cs - 1 });
      height = Math.max(height, r + rs);
      c += cs;
    }
    height = Math.max(height, r + 1);
  });
  return top + height;
}

/**
 * Reads a published report as HTML: its tables (rowspan and colspan included) onto one sheet, one
 * below the other, with the paragraphs around them kept as prose for proofreading.
 */
export function readHtmlReport(html: string, sheetName: string = ioMessages.htmlSheetName): TextReport {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false } });
  const rows: (Cell | undefined)[][] = [];
  const merges: MergeArea[] = [];
  const prose: string[] = [];

  const walk = (node: Node) => {
    if (!isElement(node)) return;
    const tag = node.rawTagName?.toLowerCase();
    if (tag === 'table') {
      const end = placeTable(node, rows, merges, rows.length);
      while (rows.length < end + 1) rows.push([]);
      // Tables nested in cells come after their parent.
      node.querySelectorAll('table').forEach((inner) => {
        const innerEnd = placeTable(inner, rows, merges, rows.length);
        while (rows.length < innerEnd + 1) rows.push([]);
      });
      return;
    }
    if (tag && PROSE.has(tag)) {
      const text = clean(ownText(node));
      if (text) {
        prose.push(text);
        rows.push([{ value: text }]);
      }
      return;
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  const sheet: Sheet = { name: sheetName, rows, merges };
  const pageTitle = clean(root.querySelector('title')?.text ?? '');
  return { workbook: { sheets: [sheet] }, narrative: prose.join('\n'), ...(pageTitle ? { pageTitle } : {}) };
}
