import { indicatorsOf, type TemplateSpec } from '../templates/load';

/**
 * The official layout of a format's tables, as data (each format's `layout.ts`): the rows of cells as an
 * HTML table lists them (a cell covered by a span from above is not listed again), every figure cell
 * naming its indicator. Validated against the template when the format is registered.
 */

/** A cell of the layout: a label (header or row label), a figure, or the "——" the official table prints. */
export type LayoutCell = { rowSpan?: number; colSpan?: number } & (
  | { text: string; header?: boolean; align?: 'left' | 'center' }
  | { indicator: string }
  | { dash: true }
);

export interface TableLayout {
  /** The template table it lays out: t2, t3, t4, legacy. */
  table: string;
  /** The table's title as published. */
  title: string;
  /** Relative column widths, one per grid column. */
  widths: number[];
  /** How many of the first rows are the header (repeated on each page in Word). */
  headerRows: number;
  /** Smaller type where the official table is wide (表四's fifteen columns). */
  compact?: boolean;
  rows: LayoutCell[][];
}

export interface FormatLayout {
  tables: TableLayout[];
}

/** What the official tables print in a cell that holds no figure (section rows of the legacy 统计表). */
export const DASH = '——';

interface Placed {
  cell: LayoutCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** Places each listed cell on the grid, left to right past cells spanned from above; throws on any overlap or gap. */
export function placeCells(layout: TableLayout): Placed[] {
  const columns = layout.widths.length;
  const taken = layout.rows.map(() => new Array<boolean>(columns).fill(false));
  const placed: Placed[] = [];
  const fail = (what: string) => {
    throw new Error(`layout of ${layout.table}: ${what}`);
  };
  layout.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < columns && taken[r][c]) c++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      if (!Number.isInteger(rowSpan) || !Number.isInteger(colSpan) || rowSpan < 1 || colSpan < 1) fail(`row ${r + 1} has a span that is not a positive whole number`);
      if (c + colSpan > columns) fail(`row ${r + 1} is wider than its ${columns} columns`);
      if (r + rowSpan > layout.rows.length) fail(`row ${r + 1} has a cell spanning past the last row`);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          if (taken[r + dr][c + dc]) fail(`merged cells overlap at row ${r + dr + 1}, column ${c + dc + 1}`);
          taken[r + dr][c + dc] = true;
        }
      }
      placed.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  taken.forEach((row, r) => {
    const gap = row.indexOf(false);
    if (gap >= 0) fail(`row ${r + 1} leaves column ${gap + 1} empty`);
  });
  return placed;
}

/**
 * Checks a format's layout against its template: every table known, its merges rectangular and
 * non-overlapping with no gap, and every indicator of the template in exactly one figure cell of its table.
 */
export function validateLayout(formatId: string, layout: FormatLayout, template: TemplateSpec): void {
  const indicators = indicatorsOf(template);
  const seen = new Map<string, number>();
  const laidOut = new Set<string>();
  for (const table of layout.tables) {
    if (!template.tables.some((t) => t.id === table.table)) throw new Error(`format ${formatId}: layout of unknown table ${table.table}`);
    if (laidOut.has(table.table)) throw new Error(`format ${formatId}: table ${table.table} is laid out twice`);
    laidOut.add(table.table);
    if (table.headerRows < 0 || table.headerRows > table.rows.length) throw new Error(`format ${formatId}: layout of ${table.table} has ${table.headerRows} header rows`);
    for (const { cell } of placeCells(table)) {
      if (!('indicator' in cell)) continue;
      const indicator = indicators.find((i) => i.id === cell.indicator);
      if (!indicator || indicator.table !== table.table) throw new Error(`format ${formatId}: layout of ${table.table} names unknown indicator ${cell.indicator}`);
      seen.set(cell.indicator, (seen.get(cell.indicator) ?? 0) + 1);
    }
  }
  for (const indicator of indicators) {
    if (!laidOut.has(indicator.table)) continue;
    const count = seen.get(indicator.id) ?? 0;
    if (count !== 1) throw new Error(`format ${formatId}: indicator ${indicator.id} is in ${count} cells of the layout, not one`);
  }
  const missing = template.tables.find((t) => !laidOut.has(t.id));
  if (missing) throw new Error(`format ${formatId}: no layout for table ${missing.id}`);
}
