/**
 * Cells in a sheet part: found by their row and column as the tokenizer gives them, edited in place, and
 * inserted (with their row when it is missing) in the order Excel requires.
 */
import { a1 } from '../../core';
import { parseAddress } from '../xlsx';
import { appendInside, applySplices, asOpenTag, child, children, innerOf, parseXml, prefixOf, removeAttr, rootOf, setAttr, startTag, XmlSyntaxError, type Splice, type XmlElement } from '../xml';

/** A cell as it stands in the part: its start tag, its content, its element. */
export interface ExistingCell {
  tag: string;
  inner: string;
  el: XmlElement;
}

/** What to put where a cell is: the new cell element, or null to leave it as it is. */
export type CellEdit = (cell: ExistingCell | undefined, inheritedStyle: string | undefined, prefix: string) => string | null;

/** Cell edits by sheet part, then 0-based row, then column. */
export type CellEdits = Map<string, Map<number, Map<number, CellEdit>>>;

export function addEdit(all: CellEdits, part: string, row: number, col: number, edit: CellEdit): void {
  const rows = all.get(part) ?? new Map<number, Map<number, CellEdit>>();
  all.set(part, rows);
  const cols = rows.get(row) ?? new Map<number, CellEdit>();
  rows.set(row, cols);
  cols.set(col, edit);
}

/**
 * A cell element: the existing start tag (or a new one for row, col), its style set when given, and
 * its content (none: self-closing).
 */
export function cellXml(p: string, tag: string | undefined, row: number, col: number, style: string | undefined, inner: string | null): string {
  let start = tag ?? `<${p}c r="${a1(row, col)}"/>`;
  if (style !== undefined) start = setAttr(start, 's', style);
  if (inner === null) return start.endsWith('/>') ? start : start.replace(/>$/, '/>');
  return `${asOpenTag(start)}${inner}</${p}c>`;
}

/**
 * Applies cell edits (by 0-based row, then column) to a sheet part, inserting missing `<c>` and
 * `<row>` elements in order. Everything outside the edited cells is kept as it was.
 */
export function patchCells(xml: string, edits: Map<number, Map<number, CellEdit>>): string {
  const root = rootOf(parseXml(xml));
  const sheetData = child(root, 'sheetData');
  if (!sheetData) throw new XmlSyntaxError('no sheetData');
  const p = prefixOf(sheetData);
  const colStyles: { min: number; max: number; style: string }[] = [];
  for (const cols of children(root, 'cols')) {
    for (const c of children(cols, 'col')) {
      if (c.attrs.style !== undefined) colStyles.push({ min: Number(c.attrs.min), max: Number(c.attrs.max), style: c.attrs.style });
    }
  }
  // An empty cell shows its row's style when the row has one, else its column's.
  const inherited = (row: XmlElement | undefined, col: number) =>
    (row && /^(1|true)$/.test(row.attrs.customFormat ?? '') ? row.attrs.s : undefined) ?? colStyles.find((c) => c.min <= col + 1 && col + 1 <= c.max)?.style;

  /** The new content of a row: its cells with the edits applied, every byte between them kept. */
  const editRow = (row: XmlElement | undefined, cellEdits: Map<number, CellEdit>): string => {
    const out: string[] = [];
    const pending = [...cellEdits.keys()].sort((a, b) => a - b);
    const newCell = (c: number) => cellEdits.get(c)!(undefined, inherited(row, c), p) ?? '';
    if (!row) return pending.map(newCell).join('');
    let pos = row.openEnd;
    let col = -1;
    for (const cell of children(row, 'c')) {
      // A cell without a reference (or with one that is not an address) follows the one before it.
      col = (cell.attrs.r !== undefined ? parseAddress(cell.attrs.r)?.col : undefined) ?? col + 1;
      out.push(xml.slice(pos, cell.start));
      while (pending.length && pending[0] < col) out.push(newCell(pending.shift()!));
      const source = xml.slice(cell.start, cell.end);
      if (pending[0] === col) out.push(cellEdits.get(pending.shift()!)!({ tag: startTag(xml, cell), inner: innerOf(xml, cell), el: cell }, undefined, p) ?? source);
      else out.push(source);
      pos = cell.end;
    }
    // New cells go after the last cell, before anything else the row holds (an extLst).
    const ext = child(row, 'extLst');
    const tailEnd = ext && ext.start >= pos ? ext.start : row.closeStart;
    out.push(xml.slice(pos, tailEnd));
    for (const c of pending) out.push(newCell(c));
    out.push(xml.slice(tailEnd, row.closeStart));
    return out.join('');
  };

  const rowName = `${p}row`;
  const newRow = (row: number) => {
    const body = editRow(undefined, edits.get(row)!);
    return body ? `<${rowName} r="${row + 1}">${body}</${rowName}>` : '';
  };
  const splices: Splice[] = [];
  const pendingRows = [...edits.keys()].sort((a, b) => a - b);
  let rowIndex = -1;
  for (const row of children(sheetData, 'row')) {
    rowIndex = row.attrs.r ? Number(row.attrs.r) - 1 : rowIndex + 1;
    const before: string[] = [];
    while (pendingRows.length && pendingRows[0] < rowIndex) before.push(newRow(pendingRows.shift()!));
    if (before.length) splices.push({ start: row.start, end: row.start, text: before.join('') });
    if (pendingRows[0] !== rowIndex) continue;
    const cellEdits = edits.get(pendingRows.shift()!)!;
    const body = editRow(row, cellEdits);
    if (body === innerOf(xml, row)) continue;
    // spans is only a hint of the row's first and last columns; a new cell may fall outside it.
    const tag = asOpenTag(removeAttr(startTag(xml, row), 'spans'));
    splices.push({ start: row.start, end: row.end, text: `${tag}${body}</${row.name}>` });
  }
  const after = pendingRows.map(newRow).join('');
  if (after) splices.push(...appendInside(xml, sheetData, after));
  return applySplices(xml, splices);
}
