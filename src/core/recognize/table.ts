/**
 * Reads one region of a sheet as one template table: a candidate reading, to be compared with what the
 * other formats make of the same region. Puts the parts together: rows aligned, then per block its
 * columns located (or its rows read by order) and its figures read; then what the reading as a whole
 * says: figures merged across two cells, the range it covers, the title above it, what is missing, the
 * labels matched only loosely.
 */
import { a1 } from '../grid';
import { WEAK_BELOW } from '../labels';
import type { SheetView } from '../sheetview';
import { indicatorId, type BlockSpec, type ColumnSpec, type TableSpec } from '../templates';
import type { Figure, FormatId, LabelMatch, RecognizedTable } from '../types';
import { alignRows, type Cluster } from './align';
import {
  figureAt,
  guessValueColumn,
  headersNamed,
  locateColumnGroups,
  locateColumns,
  readColumnGroupsInOrder,
  readRowInOrder,
  underItsColumns,
  type ColumnMatch,
  type Found,
  type Located,
  type Placement,
} from './columns';
import type { PreparedTable, RowEntry, Vocabulary } from './prepare';
import type { RecognitionProblem } from './types';

/** How far above a block its column headers may sit. */
const HEADER_DEPTH = 5;

/** One reading of a region by one template table; rival readings of the same region are compared. */
export interface Candidate {
  prepared: PreparedTable;
  sheet: string;
  sheetIndex: number;
  first: number;
  last: number;
  table: RecognizedTable | null;
  problems: RecognitionProblem[];
  /** Template rows the sheet's labels matched, whether or not their columns were found. */
  matchedRows: RowEntry[];
  /** Column headers found, whatever their rows. */
  matchedColumns: ColumnSpec[];
}

/** What a reading has gathered so far; local to one `readRegion` call. */
interface TableBuild {
  figures: Record<string, Figure>;
  weak: LabelMatch[];
  /** Cells of the sheet read that the table covers. */
  rows: number[];
  cols: number[];
  problems: RecognitionProblem[];
}

function takeFigure(build: TableBuild, view: SheetView, table: TableSpec, placement: Placement): void {
  const figure = figureAt(view, table, placement);
  build.figures[figure.id] = figure;
  build.rows.push(placement.at.row);
  build.cols.push(placement.at.col);
}

function take(build: TableBuild, view: SheetView, table: TableSpec, found: Found): void {
  for (const placement of found.placements) takeFigure(build, view, table, placement);
  for (const at of found.headers) {
    build.rows.push(at.row);
    build.cols.push(at.col);
  }
  for (const problem of found.problems) build.problems.push(problem);
}

/** A label or header that named a template row or column: it belongs to the table, and a loose match is shown. */
function takeLabel(build: TableBuild, view: SheetView, match: { id: string; expected: string; found: string; at: Located; score: number }): void {
  build.rows.push(match.at.row);
  build.cols.push(match.at.col);
  if (match.score < WEAK_BELOW) {
    build.weak.push({ id: match.id, expected: match.expected, found: match.found, cell: view.ref(match.at.row, match.at.col), confidence: Math.round(match.score * 100) / 100 });
  }
}

function hasBlockFigures(figures: Record<string, Figure>, table: TableSpec, block: BlockSpec): boolean {
  return block.rows.some((r) => block.columns.some((c) => figures[indicatorId(table, block, r, c)]));
}

/** Reads the region around `cluster` as `prepared`'s table. */
export function readRegion(view: SheetView, vocabulary: Vocabulary, prepared: PreparedTable, cluster: Cluster, sheetIndex: number): Candidate {
  const { table, template } = prepared;
  const from = Math.max(0, cluster.first - HEADER_DEPTH);
  const to = Math.min(view.height - 1, cluster.last + HEADER_DEPTH);
  const build: TableBuild = { figures: {}, weak: [], rows: [], cols: [], problems: [] };
  const format = template.id as FormatId;

  for (const block of table.blocks) {
    if (!block.rowsMayBeColumnGroups) continue;
    take(build, view, table, view.flowed ? readColumnGroupsInOrder(view, prepared, block, from, to) : locateColumnGroups(view, vocabulary, prepared, block, from, to));
  }
  const entries = prepared.entries.filter((e) => !(e.block.rowsMayBeColumnGroups && hasBlockFigures(build.figures, table, e.block)));
  const matches = alignRows(view, entries, from, to);

  const matchedColumns: ColumnSpec[] = [];
  let previousEnd = from - 1;
  for (const block of table.blocks) {
    const blockRows = matches.filter((m) => m.entry.block === block);
    if (blockRows.length === 0) continue;
    const firstRow = blockRows[0].row;
    const labelCol = Math.min(...blockRows.map((m) => m.cell.col));
    const headerTop = Math.max(previousEnd + 1, firstRow - HEADER_DEPTH, 0);
    for (const m of blockRows) takeLabel(build, view, { id: m.entry.row.id, expected: m.entry.row.label, found: m.cell.raw, at: m.cell, score: m.score });
    previousEnd = blockRows[blockRows.length - 1].row;
    const columns = prepared.columns.get(block)!;
    if (view.flowed) {
      matchedColumns.push(...headersNamed(view, columns, headerTop, firstRow));
      for (const m of blockRows) take(build, view, table, readRowInOrder(view, vocabulary, prepared, block, m));
      continue;
    }
    let located: ColumnMatch[] = locateColumns(view, columns, headerTop, firstRow - 1, labelCol + 1);
    if (located.length === 0 && block.columns.length === 1) {
      const guessed = guessValueColumn(view, blockRows);
      if (guessed !== null) located = [{ spec: block.columns[0], row: firstRow, col: guessed, score: 1, text: '' }];
    }
    for (const col of located) {
      if (!col.text) continue;
      matchedColumns.push(col.spec);
      takeLabel(build, view, { id: col.spec.id, expected: col.spec.label, found: col.text, at: col, score: col.score });
    }
    for (const m of blockRows) {
      // A row whose cells slid off the header's columns (a group label in its first cells, a span
      // lost): read in order if that gives exactly one figure per column, never shifted.
      const inOrder = located.length > 0 && !underItsColumns(view, vocabulary, m, located) ? readRowInOrder(view, vocabulary, prepared, block, m, located) : null;
      if (inOrder) take(build, view, table, inOrder);
      else for (const col of located) takeFigure(build, view, table, { block, row: m.entry.row, column: col.spec, at: { row: m.row, col: col.col } });
    }
    if (located.length < block.columns.length) {
      const missingCols = block.columns.filter((c) => !located.some((l) => l.spec.id === c.id));
      build.problems.push({
        kind: 'columns-not-found',
        table: table.id,
        format,
        sheet: view.sheet.name,
        cells: blockRows.slice(0, 1).map((m) => view.ref(m.cell.row, m.cell.col)),
        indicators: missingCols.map((c) => c.label),
      });
    }
  }

  const candidate: Candidate = { prepared, sheet: view.sheet.name, sheetIndex, first: from, last: to, table: null, problems: build.problems, matchedRows: matches.map((m) => m.entry), matchedColumns };
  if (Object.keys(build.figures).length === 0) return candidate;
  build.problems.push(...mergedAcrossFigures(build.figures, view, table, format));
  const top = Math.min(...build.rows);
  const at = build.rows.map((r, i) => view.source(r, build.cols[i]));
  const span = (pick: (p: { row: number; col: number }) => number) => [Math.min(...at.map(pick)), Math.max(...at.map(pick))];
  const [first, last] = span((p) => p.row);
  const [left, right] = span((p) => p.col);
  candidate.table = {
    format,
    table: table.id,
    tableName: table.name,
    sheet: view.sheet.name,
    range: `${a1(first, left)}:${a1(last, right)}`,
    title: findTitle(view, top, Math.min(...build.cols), Math.max(...build.cols)),
    figures: build.figures,
    missing: prepared.indicatorIds.filter((id) => !build.figures[id] && !prepared.optionalIds.has(id)),
    weakMatches: build.weak,
  };
  return candidate;
}

/** One merged number covering two figures makes both unreliable; say so. */
function mergedAcrossFigures(figures: Record<string, Figure>, view: SheetView, table: TableSpec, format: FormatId): RecognitionProblem[] {
  const byCell = new Map<string, string[]>();
  for (const f of Object.values(figures)) if (!f.unplaced) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f.id]);
  const problems: RecognitionProblem[] = [];
  for (const [cell, ids] of byCell) {
    if (ids.length > 1) problems.push({ kind: 'merged-across-figures', table: table.id, format, sheet: view.sheet.name, cells: [cell], indicators: ids });
  }
  return problems;
}

/** A table's title names the body and the year; a sentence that mentions a year is not one. */
const TITLE_WORDS = /统计表|报告|情况表|年报|政府信息公开/;

export function looksLikeTitle(text: string): boolean {
  return /\d{4}\s*年/.test(text) && TITLE_WORDS.test(text) && text.length <= 80 && !/[。；！？，]/.test(text);
}

/**
 * The title above a table usually names the body and the year: 某某办公室2017年度政府信息公开情况统计表.
 * In a flowed sheet it may have run into the table's first row.
 */
function findTitle(view: SheetView, top: number, left: number, right: number): string | undefined {
  for (let r = view.flowed ? top : top - 1; r >= Math.max(0, top - 6); r--) {
    for (const label of view.rowLabels(r)) {
      if (!view.flowed && (label.col > right + 2 || label.col < left - 3)) continue;
      if (looksLikeTitle(label.raw)) return label.raw;
    }
  }
  return undefined;
}
