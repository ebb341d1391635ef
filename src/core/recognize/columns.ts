/**
 * Reads a table's figures once its rows are known. In a grid the block's column headers are located
 * above its first row, or for a single-figure block without a header the column of numbers guessed,
 * and each row's figures are read under them; a row that slid off its columns, and every row of a
 * flowed sheet, is read by order after its label, one figure per column or not at all. Table 四's
 * grouped headers (行政复议 | 行政诉讼 …) are read either way. Each function returns what it found
 * (where each figure is, the headers that named them, problems); `figureAt` reads one figure from its
 * place. Nothing here keeps state.
 */
import { ACCEPT_AT, hasNumbering } from '../labels';
import { printedPlace } from '../messages';
import { tokenKind } from '../reflow';
import type { SheetView } from '../sheetview';
import { indicatorId, type BlockSpec, type ColumnSpec, type RowSpec, type TableSpec } from '../templates';
import type { Figure, FormatId } from '../types';
import { numericValue } from '../values';
import { bestLabelScore, type RowMatch } from './align';
import type { ColumnEntry, PreparedTable, RowEntry, Vocabulary } from './prepare';
import type { RecognitionProblem } from './types';

/** A cell of the sheet read (in a flowed sheet, of its rebuilt rows). */
export interface Located {
  row: number;
  col: number;
}

/** A column header found on the sheet. */
export interface ColumnMatch extends Located {
  spec: ColumnSpec;
  score: number;
  text: string;
}

/** Where one figure is read: the template's block, row and column, and the cell of the sheet read. */
export interface Placement {
  block: BlockSpec;
  row: RowSpec;
  column: ColumnSpec;
  at: Located;
  /** A flowed blank row's figure, which has no cell of its own: `at` is the label that names it. */
  unplaced?: boolean;
}

/** What reading part of a table found: where its figures are, the headers that named them, and problems. */
export interface Found {
  placements: readonly Placement[];
  /** Header cells of the sheet read that belong to the table without holding a figure. */
  headers: readonly Located[];
  problems: readonly RecognitionProblem[];
}

/** Most reads find no header and no problem: one frozen empty list spares an allocation per row. */
const NONE: readonly never[] = Object.freeze([]);

function found(placements: readonly Placement[], headers: readonly Located[] = NONE, problems: readonly RecognitionProblem[] = NONE): Found {
  return { placements, headers, problems };
}

/** The figure of one indicator read from its placement (blank when unplaced). */
export function figureAt(view: SheetView, table: TableSpec, { block, row, column, at, unplaced }: Placement): Figure {
  const owner = view.owner(at.row, at.col);
  const cell = unplaced ? undefined : view.cell(at.row, at.col);
  const reading = unplaced ? ({ kind: 'blank' } as const) : view.reading(at.row, at.col);
  const id = indicatorId(table, block, row, column);
  const source = view.source(owner.row, owner.col);
  const printed = view.original.printedRows?.[source.row];
  return {
    id,
    label: block.columns.length === 1 ? row.label : `${row.label}/${column.label}`,
    rowLabel: row.label,
    ...(block.columns.length > 1 ? { columnLabel: column.label } : {}),
    unit: column.unit ?? row.unit,
    decimal: column.decimal ?? row.decimal,
    ...(column.signed ? { signed: true } : {}),
    cell: view.ref(owner.row, owner.col),
    ...(printed && !unplaced ? { printedPlace: printedPlace(printed.page, table.name, printed.row, source.col + 1) } : {}),
    sheet: view.original.name,
    row: source.row,
    col: source.col,
    reading,
    value: numericValue(reading),
    ...(cell?.formula ? { formula: cell.formula } : {}),
    ...(unplaced ? { unplaced: true } : {}),
  };
}

/** A cell that holds a label, a heading or prose: whatever else is wrong, it is not a figure. */
function holdsLabel(view: SheetView, vocabulary: Vocabulary, row: number, col: number): boolean {
  const label = view.label(row, col);
  if (!label) return false;
  return vocabulary.anchors.has(label.core) || vocabulary.anchors.has(label.full) || hasNumbering(label.raw) || tokenKind(view.cell(row, col)) === 'prose';
}

/** Finds a block's column headers in the rows just above its first data row. */
export function locateColumns(view: SheetView, columns: ColumnEntry[], headerTop: number, headerBottom: number, minCol: number): ColumnMatch[] {
  const candidates: ColumnMatch[] = [];
  for (let r = headerBottom; r >= headerTop; r--) {
    for (let c = minCol; c < view.width; c++) {
      const here = view.label(r, c);
      if (!here) continue;
      const forms = [here];
      // A header split over two rows ("商业" over "企业") reads as one.
      const above = r > headerTop ? view.label(r - 1, c) : null;
      if (above && (above.row !== here.row || above.col !== here.col)) {
        forms.push({ ...here, core: above.core + here.core, full: above.full + here.full, raw: above.raw + here.raw });
      }
      for (const col of columns) {
        const { score, cell } = bestLabelScore(forms, col.label);
        if (score >= ACCEPT_AT) candidates.push({ spec: col.spec, row: r, col: c, score, text: cell!.raw });
      }
    }
  }
  // Best first; nearer the data wins a tie, then the leftmost.
  candidates.sort((a, b) => b.score - a.score || b.row - a.row || a.col - b.col);
  const taken = new Set<number>();
  const chosen = new Map<string, ColumnMatch>();
  for (const cand of candidates) {
    if (chosen.has(cand.spec.id) || taken.has(cand.col)) continue;
    chosen.set(cand.spec.id, cand);
    taken.add(cand.col);
  }
  return columns.map((c) => chosen.get(c.spec.id)).filter((c): c is ColumnMatch => !!c);
}

/** Without a header, a single-figure block's value sits in the nearest column right of the label that holds numbers. */
export function guessValueColumn(view: SheetView, rows: RowMatch[]): number | null {
  const labelCol = Math.max(...rows.map((r) => r.cell.col));
  let best: { col: number; count: number } | null = null;
  for (let c = labelCol + 1; c <= labelCol + 4 && c < view.width; c++) {
    const count = rows.filter((r) => numericValue(view.reading(r.row, c)) !== null).length;
    if (count > 0 && (!best || count > best.count)) best = { col: c, count };
  }
  return best?.col ?? null;
}

/** Whether a cell is its own (not covered by a merged area that starts elsewhere). */
function ownsItself(view: SheetView, row: number, col: number): boolean {
  const owner = view.owner(row, col);
  return owner.row === row && owner.col === col;
}

/**
 * The cells holding a row's figures when they are read by order: every value or blank cell after the
 * row's label (units skipped), up to the next label, with blanks a copy padded at the end dropped.
 */
function valuesAfterLabel(view: SheetView, row: number, labelCol: number, wanted: number): number[] {
  const cells = view.sheet.rows[row] ?? [];
  const out: number[] = [];
  for (let c = labelCol + 1; c < cells.length; c++) {
    if (!ownsItself(view, row, c)) continue;
    const kind = tokenKind(cells[c]);
    if (kind === 'unit') continue;
    if (kind === 'label' || kind === 'prose') break;
    out.push(c);
  }
  while (out.length > wanted && tokenKind(cells[out[out.length - 1]]) === 'blank') out.pop();
  return out;
}

/**
 * Reads a row's figures in order, one per column of the block. A row that holds another number of
 * figures is declined with a problem rather than read shifted. For a grid row that slid off its
 * columns (`located`), declining is kept for rows whose positional reading would take a label for a
 * figure; otherwise null says to read the row in place.
 */
export function readRowInOrder(view: SheetView, vocabulary: Vocabulary, prepared: PreparedTable, block: BlockSpec, m: RowMatch): Found;
export function readRowInOrder(view: SheetView, vocabulary: Vocabulary, prepared: PreparedTable, block: BlockSpec, m: RowMatch, located: ColumnMatch[]): Found | null;
export function readRowInOrder(view: SheetView, vocabulary: Vocabulary, prepared: PreparedTable, block: BlockSpec, m: RowMatch, located?: ColumnMatch[]): Found | null {
  const { table } = prepared;
  const values = valuesAfterLabel(view, m.row, m.cell.col, block.columns.length);
  if (values.length === block.columns.length) {
    return found(block.columns.map((column, i) => ({ block, row: m.entry.row, column, at: { row: m.row, col: values[i] } })));
  }
  if (values.length === 0 && !located) {
    // A flowed row with its label and no figure at all (a blank template copied as text): its figures
    // are blank, and the only place to name is the label's.
    return found(block.columns.map((column) => ({ block, row: m.entry.row, column, at: { row: m.row, col: m.cell.col }, unplaced: true })));
  }
  if (located && !located.some((c) => holdsLabel(view, vocabulary, m.row, c.col))) return null;
  return found(NONE, NONE, [
    {
      kind: 'row-values-mismatch',
      table: table.id,
      format: prepared.template.id as FormatId,
      sheet: view.sheet.name,
      cells: [view.ref(m.cell.row, m.cell.col), ...values.map((c) => view.ref(m.row, c))],
      indicators: [m.entry.row.label],
      found: values.length,
      expected: block.columns.length,
    },
  ]);
}

/**
 * Whether a grid row's cells stand under the header's columns: no label under a column, and no figure
 * between the label and the last column that no column takes.
 */
export function underItsColumns(view: SheetView, vocabulary: Vocabulary, m: RowMatch, located: ColumnMatch[]): boolean {
  if (located.some((c) => holdsLabel(view, vocabulary, m.row, c.col))) return false;
  const columns = new Set(located.map((c) => c.col));
  const last = Math.max(...columns);
  for (let c = m.cell.col + 1; c <= last; c++) {
    if (columns.has(c)) continue;
    if (ownsItself(view, m.row, c) && tokenKind(view.sheet.rows[m.row]?.[c]) === 'value') return false;
  }
  return true;
}

/** The block's column headers named between two rows of a flowed sheet (they only confirm the format there). */
export function headersNamed(view: SheetView, columns: ColumnEntry[], top: number, bottom: number): ColumnSpec[] {
  const named = new Set<ColumnSpec>();
  for (let r = top; r <= bottom; r++) {
    for (const label of view.rowLabels(r)) {
      for (const col of columns) if (col.label.cores.includes(label.core) || col.label.cores.includes(label.full)) named.add(col.spec);
    }
  }
  return Array.from(named);
}

/**
 * Table 四 flowed into one row: its grouped headers, then the fifteen figures in order (行政复议, then
 * 未经复议直接起诉, then 复议后起诉, each 结果维持 … 总计).
 */
export function readColumnGroupsInOrder(view: SheetView, prepared: PreparedTable, block: BlockSpec, from: number, to: number): Found {
  const groups = prepared.entries.filter((e) => e.block === block);
  const columns = prepared.columns.get(block)!;
  const wanted = groups.length * block.columns.length;
  for (let r = from; r <= to; r++) {
    const labels = view.rowLabels(r);
    const headers = labels.filter((l) => columns.some((c) => c.label.cores.includes(l.core)));
    if (headers.length < 2) continue;
    const values = valuesAfterLabel(view, r, labels[labels.length - 1].col, wanted);
    if (values.length !== wanted) continue;
    return found(
      groups.flatMap((g, gi) => block.columns.map((column, ci) => ({ block, row: g.row, column, at: { row: r, col: values[gi * block.columns.length + ci] } }))),
      headers,
    );
  }
  return found(NONE);
}

/**
 * Table 四 as one data row under grouped headers: 行政复议 | 行政诉讼(未经复议直接起诉 | 复议后起诉), each
 * over 结果维持 … 总计. Each column's group is the group label found above it.
 */
export function locateColumnGroups(view: SheetView, vocabulary: Vocabulary, prepared: PreparedTable, block: BlockSpec, from: number, to: number): Found {
  const columns = prepared.columns.get(block)!;
  const groupEntries = prepared.entries.filter((e) => e.block === block);
  for (let r = from; r <= to; r++) {
    const headerCells = view.rowLabels(r).flatMap((cell) => {
      const { score } = bestLabelScore([cell], columns[0].label);
      const match = columns.map((c) => ({ c, s: bestLabelScore([cell], c.label).score })).sort((a, b) => b.s - a.s)[0];
      return match.s >= ACCEPT_AT ? [{ cell, spec: match.c.spec, first: score >= ACCEPT_AT }] : [];
    });
    if (headerCells.filter((h) => h.first).length < 2) continue;

    const cols = headerCells.map((h) => h.cell.col);
    const dataRow = firstRowWithContent(view, vocabulary, r + 1, cols) ?? r + 1;
    // A blank table's figure row may be gone: the heading or paragraph below is not its data.
    if (cols.some((c) => holdsLabel(view, vocabulary, dataRow, c))) return found(NONE);
    const placements: Placement[] = [];
    const headers: Located[] = [];
    let groupIndex = -1;
    for (const h of headerCells) {
      if (h.first) groupIndex++;
      const group = groupAbove(view, groupEntries, h.cell.col, r) ?? groupEntries[groupIndex];
      if (!group) continue;
      placements.push({ block, row: group.row, column: h.spec, at: { row: dataRow, col: h.cell.col } });
      headers.push({ row: r, col: h.cell.col });
    }
    return found(placements, headers);
  }
  return found(NONE);
}

function groupAbove(view: SheetView, groups: RowEntry[], col: number, headerRow: number): RowEntry | null {
  for (let r = headerRow - 1; r >= Math.max(0, headerRow - 3); r--) {
    const label = view.label(r, col);
    if (!label) continue;
    for (const g of groups) {
      const { score } = bestLabelScore([label], g.label);
      if (score >= ACCEPT_AT) return g;
    }
  }
  return null;
}

function firstRowWithContent(view: SheetView, vocabulary: Vocabulary, start: number, cols: number[]): number | null {
  for (let r = start; r < Math.min(view.height, start + 3); r++) {
    if (cols.some((c) => holdsLabel(view, vocabulary, r, c))) return null;
    if (cols.some((c) => view.reading(r, c).kind !== 'blank')) return r;
  }
  return null;
}
