import type { Cell, MergeArea, Workbook } from '../core';
import { toCell } from './text';

/**
 * The tables of a Word document read from its Office Open XML (body.getOoxml, WordApi 1.1), laid out
 * as the .html reader lays a report out: the paragraphs as one-cell rows, each table below the text
 * before it (horizontal merges from w:gridSpan, vertical ones from w:vMerge), tables nested in a cell
 * after their parent. getHtml is no basis for this: it "doesn't return the exact same HTML for the
 * same document on different platforms" (its reference page; office-js #162, #3699), while the
 * document's XML is the document. Pure, so it is tested alone.
 */

interface XmlCell {
  paragraphs: string[];
  span: number;
  /** w:vMerge: 'restart' starts a vertical merge, 'continue' extends the one above. */
  vMerge: 'restart' | 'continue' | null;
}

interface XmlRow {
  gridBefore: number;
  cells: XmlCell[];
}

interface XmlTable {
  rows: XmlRow[];
  /** Tables nested in this one's cells, read after it. */
  nested: XmlTable[];
}

type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; table: XmlTable };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

function attribute(attributes: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? decode(m[2] ?? m[3] ?? '') : null;
}

function clean(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The main document part: a package also holds headers, footnotes and the glossary, each with its own XML. */
function documentPart(ooxml: string): string {
  const start = ooxml.search(/<pkg:part\b[^>]*pkg:name="\/word\/document\.xml"/);
  if (start < 0) return ooxml;
  const end = ooxml.indexOf('</pkg:part>', start);
  return ooxml.slice(start, end < 0 ? undefined : end);
}

/** Blocks of the body in order: its own paragraphs and its tables (with theirs inside). */
function blocksOf(xml: string): Block[] {
  const blocks: Block[] = [];
  const tables: XmlTable[] = [];
  /** Open paragraphs: a text box's paragraphs sit inside a paragraph of the body, and their text joins it. */
  const paragraphs: string[][] = [];
  let inText = false;
  let skipDepth = 0;
  const tag = /<(\/?)([\w.-]+:[\w.-]+|[\w.-]+)((?:\s+[^>]*?)?)(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|([^<]+)/g;
  const last = <T,>(list: T[] | undefined): T | undefined => list?.[list.length - 1];
  const currentRow = () => last(last(tables)?.rows);
  const currentCell = () => last(currentRow()?.cells);
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const [, closing, name, attributes = '', selfClosing, cdata, text] = m;
    if (text !== undefined || cdata !== undefined) {
      if (skipDepth === 0 && inText) last(paragraphs)?.push(cdata ?? decode(text));
      continue;
    }
    if (!name) continue;
    // The fallback of mc:AlternateContent repeats the choice's content (text boxes, shapes).
    if (name === 'mc:Fallback') {
      if (selfClosing) continue;
      skipDepth += closing ? -1 : 1;
      continue;
    }
    if (skipDepth > 0) continue;
    if (closing) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:p' && paragraphs.length > 0) {
        const text = paragraphs.pop()!.join('');
        const cell = currentCell();
        if (paragraphs.length > 0) last(paragraphs)!.push(text);
        else if (cell) cell.paragraphs.push(text);
        else if (tables.length === 0) blocks.push({ kind: 'paragraph', text });
      } else if (name === 'w:tbl' && tables.length > 0) {
        const table = tables.pop()!;
        if (tables.length === 0) blocks.push({ kind: 'table', table });
        else last(tables)!.nested.push(table);
      }
      continue;
    }
    switch (name) {
      case 'w:p':
        if (!selfClosing) paragraphs.push([]);
        break;
      case 'w:t':
        if (!selfClosing) inText = true;
        break;
      case 'w:tab':
        last(paragraphs)?.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        last(paragraphs)?.push('\n');
        break;
      case 'w:tbl':
        if (!selfClosing) tables.push({ rows: [], nested: [] });
        break;
      case 'w:tr':
        last(tables)?.rows.push({ gridBefore: 0, cells: [] });
        break;
      case 'w:gridBefore': {
        const row = currentRow();
        if (row) row.gridBefore = Math.max(0, Number(attribute(attributes, 'w:val')) || 0);
        break;
      }
      case 'w:tc':
        currentRow()?.cells.push({ paragraphs: [], span: 1, vMerge: null });
        break;
      case 'w:gridSpan': {
        const cell = currentCell();
        // A runaway span would build a huge grid; no statistics table needs more than this.
        if (cell) cell.span = Math.min(200, Math.max(1, Number(attribute(attributes, 'w:val')) || 1));
        break;
      }
      case 'w:vMerge': {
        const cell = currentCell();
        if (cell) cell.vMerge = attribute(attributes, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      }
    }
  }
  return blocks;
}

/** Lays a table onto grid rows from `top`; returns the row after it. */
function placeTable(table: XmlTable, rows: (Cell | undefined)[][], merges: MergeArea[], top: number): number {
  const open = new Map<number, MergeArea>();
  const areas: MergeArea[] = [];
  table.rows.forEach((row, r) => {
    const at = top + r;
    while (rows.length <= at) rows.push([]);
    let c = row.gridBefore;
    for (const cell of row.cells) {
      const above = open.get(c);
      if (cell.vMerge === 'continue' && above) {
        above.bottom = at;
      } else {
        open.delete(c);
        const value = toCell(clean(cell.paragraphs.join(' ')));
        if (value) rows[at][c] = value;
        const area = { top: at, left: c, bottom: at, right: c + cell.span - 1 };
        areas.push(area);
        if (cell.vMerge === 'restart') open.set(c, area);
      }
      c += cell.span;
    }
  });
  merges.push(...areas.filter((a) => a.bottom > a.top || a.right > a.left));
  return top + table.rows.length;
}

function inDocumentOrder(table: XmlTable): XmlTable[] {
  return [table, ...table.nested.flatMap(inDocumentOrder)];
}

/** Reads the package that body.getOoxml() returns into one sheet, as readHtmlReport reads a page. */
export function readOoxmlTables(ooxml: string, sheetName: string): Workbook {
  const rows: (Cell | undefined)[][] = [];
  const merges: MergeArea[] = [];
  for (const block of blocksOf(documentPart(ooxml))) {
    if (block.kind === 'paragraph') {
      const text = clean(block.text);
      if (text) rows.push([{ value: text }]);
      continue;
    }
    for (const table of inDocumentOrder(block.table)) {
      const end = placeTable(table, rows, merges, rows.length);
      while (rows.length < end + 1) rows.push([]);
    }
  }
  return { sheets: [{ name: sheetName, rows, merges }], origin: 'docx' };
}
