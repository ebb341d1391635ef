import { FORMATS } from '../formats/registry';
import { a1 } from '../grid';
import { instantiate } from '../rules';
import { indicatorsOf } from '../templates/load';
import type { FormatId } from '../types';
import { tableGrid } from './grid';
import { DASH } from './model';

/**
 * The blank statistics table of a format, as one sheet: each official table in its layout (title above,
 * merged headers, the 本列数据的勾稽关系 note where the official table prints it), figure cells empty, one
 * table under the other with an empty row between (as most offices lay the three tables out). Placed on a
 * grid from row 0, column 0, so a host writes it cell by cell with nothing left to decide.
 */
export interface BlankTemplate {
  format: FormatId;
  /** Column widths in characters, one per sheet column. */
  columnWidths: number[];
  /**
   * Lines of text each sheet row needs, where a label wraps in its column (1 elsewhere): spreadsheets do not
   * grow a row to its wrapped text on their own, so the writers set these heights.
   */
  rowLines: number[];
  cells: BlankCell[];
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** The cell of each indicator (A1 address), for tests and for filling the template. */
  addresses: Record<string, string>;
}

export type BlankCellRole = 'title' | 'header' | 'label' | 'dash' | 'figure';

export interface BlankCell {
  row: number;
  col: number;
  role: BlankCellRole;
  /** What the cell shows; empty for a figure cell. */
  text: string;
  align: 'left' | 'center' | 'right';
  /** Inside a table (gets borders); the titles above the tables do not. */
  bordered: boolean;
  /** Figure cells: "0" for counts, "0.00" for money that may carry decimals (万元). */
  numberFormat?: string;
  indicator?: string;
  /** A total cell, when formulas are asked for: SUM over its parts, A1 addresses, without "=". */
  formula?: string;
}

/** Characters per unit of a layout's relative widths; no column narrower than a figure and its header. */
const CHARS_PER_WIDTH_UNIT = 3.6;
const MIN_COLUMN_CHARS = 10;

export const INTEGER_FORMAT = '0';
export const DECIMAL_FORMAT = '0.00';

/** The blank template of a format; `formulas` puts SUM formulas in the total cells whose rule is a plain sum. */
export function blankTemplate(format: FormatId, { formulas = false }: { formulas?: boolean } = {}): BlankTemplate {
  const loaded = FORMATS.get(format);
  const layouts = loaded.layout?.tables ?? [];
  const decimal = new Set(indicatorsOf(loaded.template).filter((i) => i.row.decimal || i.column.decimal).map((i) => i.id));
  const cells: BlankCell[] = [];
  const merges: BlankTemplate['merges'] = [];
  const columnWidths: number[] = [];
  const addresses: Record<string, string> = {};
  let top = 0;
  for (const layout of layouts) {
    const grid = tableGrid(format, layout.table, {});
    const columns = layout.widths.length;
    layout.widths.forEach((w, c) => {
      columnWidths[c] = Math.max(columnWidths[c] ?? MIN_COLUMN_CHARS, Math.round(w * CHARS_PER_WIDTH_UNIT));
    });
    cells.push({ row: top, col: 0, role: 'title', text: grid.title, align: 'center', bordered: false });
    if (columns > 1) merges.push({ top, left: 0, bottom: top, right: columns - 1 });
    const first = top + 1;
    grid.rows.forEach((row, r) => {
      for (const cell of row) {
        const at = { row: first + r, col: cell.col };
        if (cell.rowSpan > 1 || cell.colSpan > 1) merges.push({ top: at.row, left: at.col, bottom: at.row + cell.rowSpan - 1, right: at.col + cell.colSpan - 1 });
        if (cell.indicator) {
          addresses[cell.indicator] = a1(at.row, at.col);
          const numberFormat = decimal.has(cell.indicator) ? DECIMAL_FORMAT : INTEGER_FORMAT;
          cells.push({ ...at, role: 'figure', text: '', align: 'right', bordered: true, numberFormat, indicator: cell.indicator });
        } else {
          const role: BlankCellRole = cell.header ? 'header' : cell.text === DASH ? 'dash' : 'label';
          cells.push({ ...at, role, text: cell.text, align: cell.align, bordered: true });
        }
      }
    });
    top = first + grid.rows.length + 1;
  }
  if (formulas) {
    const sums = plainSums(format);
    for (const cell of cells) {
      // An optional part the template leaves out (the legacy 电子邮件申请数) is not in the sum.
      const parts = (cell.indicator ? sums.get(cell.indicator) : undefined)?.filter((p) => addresses[p]);
      if (parts && parts.length > 0) cell.formula = `SUM(${parts.map((p) => addresses[p]).join(',')})`;
    }
  }
  return { format, columnWidths, rowLines: linesPerRow(cells, merges, columnWidths, top - 1), cells, merges, addresses };
}

/** How wide a text is in column-width characters: a Chinese character (or full-width sign) takes two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return width;
}

function linesPerRow(cells: BlankCell[], merges: BlankTemplate['merges'], widths: number[], rows: number): number[] {
  const lines = new Array<number>(rows).fill(1);
  for (const cell of cells) {
    if (cell.role === 'figure' || cell.role === 'title' || cell.text === '') continue;
    const merge = merges.find((m) => m.top === cell.row && m.left === cell.col);
    const right = merge?.right ?? cell.col;
    const height = (merge?.bottom ?? cell.row) - cell.row + 1;
    // A character's width of padding on each side of the cell.
    const room = widths.slice(cell.col, right + 1).reduce((a, b) => a + b, 0) - 2;
    const needed = Math.ceil(Math.ceil(textWidth(cell.text) / room) / height);
    for (let r = cell.row; r < cell.row + height; r++) lines[r] = Math.max(lines[r], needed);
  }
  return lines;
}

/**
 * Each total the format's rules define as a plain sum (sum-equal, total, one cell on the left, parts on the
 * right, nothing subtracted, nothing from last year): total → its parts. A total with two such rules (a
 * row total that is also a column total) keeps the first; a rule that would make formulas depend on
 * themselves is left out.
 */
export function plainSums(format: FormatId): Map<string, string[]> {
  const sums = new Map<string, string[]>();
  for (const rule of FORMATS.get(format).template.rules.flatMap(instantiate)) {
    if (rule.kind !== 'sum-equal' || !rule.total || rule.left.length !== 1 || rule.minus.length > 0) continue;
    if (rule.right.length === 0 || rule.right.some((r) => r.startsWith('prev:'))) continue;
    const total = rule.left[0];
    if (sums.has(total)) continue;
    sums.set(total, rule.right);
    if (dependsOn(sums, total, total)) sums.delete(total);
  }
  return sums;
}

/** Whether `id`'s formula reaches `target` through the parts' own formulas. */
function dependsOn(sums: Map<string, string[]>, id: string, target: string, seen = new Set<string>()): boolean {
  for (const part of sums.get(id) ?? []) {
    if (part === target) return true;
    if (seen.has(part)) continue;
    seen.add(part);
    if (dependsOn(sums, part, target, seen)) return true;
  }
  return false;
}
