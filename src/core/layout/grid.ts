import { FORMATS } from '../formats/registry';
import { formatNumber } from '../messages';
import { indicatorsOf } from '../templates/load';
import type { Figure, FormatId } from '../types';
import { DASH, placeCells, type TableLayout } from './model';

/** A cell of a table ready to draw: its text, its span, and how it is set. */
export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** The grid column the cell starts in (from 0). */
  col: number;
  /** A header cell: centred and bold. */
  header: boolean;
  align: 'left' | 'center' | 'right';
  /** The figure's indicator id, for a figure cell. */
  indicator?: string;
}

export interface TableGrid {
  table: string;
  title: string;
  /** Column widths as fractions of the table's width (they add up to 1). */
  widths: number[];
  headerRows: number;
  compact: boolean;
  /** Rows as an HTML table lists them: a cell covered by a span from above is not listed again. */
  rows: GridCell[][];
}

/**
 * What a figure cell shows: the number as read (0 as 0), blank as blank, and anything else the cell held
 * (a "/", a word, an Excel error) as written, so the table says what the workbook says.
 */
export function figureText(figure: Figure | undefined): string {
  if (!figure) return '';
  const reading = figure.reading;
  if (reading.kind === 'blank') return '';
  if (reading.kind === 'number') return formatNumber(reading.value);
  return reading.raw;
}

/** The layout of a format's table, or undefined when the format has none for it. */
export function tableLayout(format: FormatId, tableId: string): TableLayout | undefined {
  return FORMATS.find(format)?.layout?.tables.find((t) => t.table === tableId);
}

/** Table `tableId` of `format` in its official layout, filled with the figures (by indicator id). */
export function tableGrid(format: FormatId, tableId: string, figures: Record<string, Figure>): TableGrid {
  const layout = tableLayout(format, tableId);
  if (!layout) throw new Error(`format ${format} has no layout for table ${tableId}`);
  const total = layout.widths.reduce((a, b) => a + b, 0);
  const rows: GridCell[][] = layout.rows.map(() => []);
  const placed = placeCells(layout);
  const left = rowsLeftOut(format, placed, figures);
  for (const { cell, row, col, rowSpan, colSpan } of placed) {
    const span = { rowSpan, colSpan, col };
    if ('indicator' in cell) {
      rows[row].push({ text: figureText(figures[cell.indicator]), ...span, header: false, align: 'right', indicator: cell.indicator });
    } else if ('dash' in cell) {
      rows[row].push({ text: DASH, ...span, header: false, align: 'center' });
    } else {
      const header = cell.header ?? false;
      rows[row].push({ text: cell.text, ...span, header, align: header ? 'center' : (cell.align ?? 'left') });
    }
  }
  return {
    table: layout.table,
    title: layout.title,
    widths: layout.widths.map((w) => w / total),
    headerRows: layout.headerRows,
    compact: layout.compact ?? false,
    rows: rows.filter((_, r) => !left.has(r)),
  };
}

/**
 * The rows of a row the format marks optional (the legacy 电子邮件申请数, added by some provinces) that the
 * report does not have: left out, as the workbook left them out, rather than drawn blank.
 */
function rowsLeftOut(format: FormatId, placed: ReturnType<typeof placeCells>, figures: Record<string, Figure>): Set<number> {
  const optional = new Set(indicatorsOf(FORMATS.get(format).template).filter((i) => i.row.optional).map((i) => i.id));
  const byRow = new Map<number, ReturnType<typeof placeCells>>();
  for (const p of placed) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  // A row a merged cell runs through cannot go without reshaping the merge: it stays.
  const merged = new Set(placed.filter((p) => p.rowSpan > 1).flatMap((p) => Array.from({ length: p.rowSpan }, (_, k) => p.row + k)));
  const left = new Set<number>();
  for (const [row, cells] of byRow) {
    const indicators = cells.flatMap(({ cell }) => ('indicator' in cell ? [cell.indicator] : []));
    if (!merged.has(row) && indicators.length > 0 && indicators.every((id) => optional.has(id) && !(id in figures))) left.add(row);
  }
  return left;
}

/** The grids of the tables a report has (those the input held), in the format's order. */
export function reportTableGrids(format: FormatId, tables: readonly string[], figures: Record<string, Figure>): TableGrid[] {
  const layouts = FORMATS.find(format)?.layout?.tables ?? [];
  return layouts.filter((l) => tables.includes(l.table)).map((l) => tableGrid(format, l.table, figures));
}
