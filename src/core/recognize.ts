import { a1, cellRef, type Workbook } from './grid';
import { ACCEPT_AT, matchConfidence, prepareLabel, WEAK_BELOW, type PreparedLabel } from './labels';
import { SheetView, type LabelCell } from './sheetview';
import { indicatorId, TEMPLATES, type BlockSpec, type ColumnSpec, type RowSpec, type TableSpec, type TemplateSpec } from './templates';
import type { Figure, FormatId, LabelMatch, RecognizedTable } from './types';
import { numericValue } from './values';

/** Rows between two label hits of one table beyond which they are taken as two tables. */
const CLUSTER_GAP = 12;
/** Distinct labels a table must show before it counts as found. */
const MIN_DISTINCT_LABELS = 3;
/** How far above a block its column headers may sit. */
const HEADER_DEPTH = 5;

interface RowEntry {
  block: BlockSpec;
  row: RowSpec;
  label: PreparedLabel;
}

interface PreparedTable {
  template: TemplateSpec;
  table: TableSpec;
  /** Data rows of all blocks, in table order. */
  entries: RowEntry[];
  columns: Map<BlockSpec, { spec: ColumnSpec; label: PreparedLabel }[]>;
  /** Exact label cores that mark this table: rows (groups included) and column headers. */
  anchors: Map<string, string>;
  /** Every indicator the table defines, and those the format allows to be absent. */
  indicatorIds: string[];
  optionalIds: Set<string>;
}

function prepareTable(template: TemplateSpec, table: TableSpec): PreparedTable {
  const entries: RowEntry[] = [];
  const columns = new Map<BlockSpec, { spec: ColumnSpec; label: PreparedLabel }[]>();
  const anchors = new Map<string, string>();
  for (const block of table.blocks) {
    columns.set(block, block.columns.map((spec) => ({ spec, label: prepareLabel(spec) })));
    for (const spec of block.columns) for (const core of prepareLabel(spec).cores) anchors.set(core, `col:${block.id}.${spec.id}`);
    for (const row of block.rows) {
      const label = prepareLabel(row);
      for (const core of label.cores) anchors.set(core, `row:${row.id}`);
      if (row.kind === 'data') entries.push({ block, row, label });
    }
  }
  const ids = (list: RowEntry[]) => list.flatMap((e) => e.block.columns.map((c) => indicatorId(table, e.block, e.row, c)));
  return { template, table, entries, columns, anchors, indicatorIds: ids(entries), optionalIds: new Set(ids(entries.filter((e) => e.row.optional))) };
}

const PREPARED: PreparedTable[] = TEMPLATES.flatMap((t) => t.tables.map((table) => prepareTable(t, table)));

const HAN = /\p{Script=Han}/u;

/** Every pair of adjacent Chinese characters in any template label: a cell sharing none is not a label. */
const LABEL_BIGRAMS: Set<string> = new Set(
  PREPARED.flatMap((p) => Array.from(p.anchors.keys())).flatMap((core) => {
    const chars = Array.from(core);
    return chars.slice(1).map((ch, i) => chars[i] + ch);
  }),
);

/**
 * A quick test run on every text cell of a sheet before any label work: in a data sheet of 100,000
 * rows almost no cell shares a pair of characters with a template label, and most labels share many.
 */
function mayBeLabel(text: string): boolean {
  if (text.length > 200) return false;
  let previous = '';
  for (const ch of text) {
    if (!HAN.test(ch)) {
      previous = '';
      continue;
    }
    if (previous && LABEL_BIGRAMS.has(previous + ch)) return true;
    previous = ch;
  }
  return false;
}

export interface RecognitionProblem {
  kind: 'columns-not-found' | 'merged-across-figures' | 'mixed-formats';
  table: string;
  format: FormatId;
  sheet: string;
  cells: string[];
  indicators: string[];
  /** For mixed-formats: the format the foreign rows belong to. */
  otherFormat?: FormatId;
}

export interface Recognition {
  tables: RecognizedTable[];
  problems: RecognitionProblem[];
}

/** Finds every template table in a workbook, wherever it sits, and locates each indicator's cell. */
export function recognizeWorkbook(workbook: Workbook): Recognition {
  const candidates: Candidate[] = [];
  workbook.sheets.forEach((sheet, sheetIndex) => {
    const view = new SheetView(sheet);
    const hits = anchorHits(view);
    for (const prepared of PREPARED) {
      for (const cluster of clusters(hits.get(prepared) ?? [])) candidates.push(recognizeTable(view, prepared, cluster, sheetIndex));
    }
  });
  return chooseReadings(candidates);
}

/** How well a candidate reads its region: figures located first, then fewer missing. */
function strength(c: Candidate): [number, number] {
  return c.table ? [Object.keys(c.table.figures).length, -c.table.missing.length] : [0, 0];
}

function compareStrength(a: Candidate, b: Candidate): number {
  const [fa, ma] = strength(a);
  const [fb, mb] = strength(b);
  return fb - fa || mb - ma;
}

/**
 * Where templates of several formats read the same region (表三 is the same in 2019 and 2021 but for
 * (六); 表四 is identical), the reading that locates the most figures wins. A tie goes to the format
 * the workbook's other tables are in, else to the newest format.
 */
function chooseReadings(candidates: Candidate[]): Recognition {
  const groups: Candidate[][] = [];
  for (const c of candidates) {
    const rivals = groups.find((g) => g[0].sheet === c.sheet && g[0].prepared.table.id === c.prepared.table.id && g.some((o) => o.first <= c.last && c.first <= o.last));
    if (rivals) rivals.push(c);
    else groups.push([c]);
  }
  const votes = new Map<string, number>();
  const tied: Candidate[][] = [];
  const winners: { winner: Candidate; losers: Candidate[] }[] = [];
  for (const group of groups) {
    const ranked = [...group].sort(compareStrength);
    if (!ranked[0].table) {
      // Rows found but no column: keep what the best reading says about it.
      winners.push({ winner: ranked[0], losers: ranked.slice(1) });
      continue;
    }
    if (ranked.length > 1 && compareStrength(ranked[0], ranked[1]) === 0 && ranked[0].prepared.template.id !== ranked[1].prepared.template.id) {
      tied.push(ranked);
      continue;
    }
    winners.push({ winner: ranked[0], losers: ranked.slice(1) });
    const format = ranked[0].prepared.template.id;
    votes.set(format, (votes.get(format) ?? 0) + 1);
  }
  for (const ranked of tied) {
    const equal = ranked.filter((c) => compareStrength(c, ranked[0]) === 0);
    const voted = [...equal].sort((a, b) => (votes.get(b.prepared.template.id) ?? 0) - (votes.get(a.prepared.template.id) ?? 0))[0];
    winners.push({ winner: voted, losers: ranked.filter((c) => c !== voted) });
  }
  // Report tables in reading order: sheet by sheet, top to bottom.
  winners.sort((a, b) => a.winner.sheetIndex - b.winner.sheetIndex || a.winner.first - b.winner.first);

  const tables: RecognizedTable[] = [];
  const problems: RecognitionProblem[] = [];
  const seenColumnsProblem = new Set<string>();
  for (const { winner, losers } of winners) {
    if (winner.table) tables.push(winner.table);
    for (const p of winner.problems) {
      // A region whose columns no format found is said once, by the newest format's reading.
      const key = `${p.kind}|${p.sheet}|${p.table}|${winner.first}`;
      if (p.kind === 'columns-not-found' && !winner.table && seenColumnsProblem.has(key)) continue;
      seenColumnsProblem.add(key);
      problems.push(p);
    }
    if (!winner.table) continue;
    for (const loser of losers) {
      const foreign = [...rowsForeignTo(loser.matchedRows, winner.prepared), ...columnsForeignTo(loser.matchedColumns, winner.prepared)];
      if (foreign.length === 0) continue;
      problems.push({
        kind: 'mixed-formats',
        table: winner.prepared.table.id,
        format: winner.prepared.template.id as FormatId,
        sheet: winner.sheet,
        cells: [],
        indicators: Array.from(new Set(foreign)),
        otherFormat: loser.prepared.template.id as FormatId,
      });
    }
  }
  return { tables, problems };
}

/** Row labels a rival format matched that the winning format does not have at all: a mixed table. */
function rowsForeignTo(rows: RowEntry[], winner: PreparedTable): string[] {
  const known = new Set<string>();
  for (const block of winner.table.blocks) for (const row of block.rows) prepareLabel(row).cores.forEach((c) => known.add(c));
  return rows.filter((e) => !e.label.cores.some((c) => known.has(c))).map((e) => e.row.label);
}

/** Column headers a rival format found that the winning format does not have. */
function columnsForeignTo(columns: ColumnSpec[], winner: PreparedTable): string[] {
  const known = new Set<string>();
  for (const block of winner.table.blocks) for (const col of block.columns) prepareLabel(col).cores.forEach((c) => known.add(c));
  return columns.filter((c) => !prepareLabel(c).cores.some((core) => known.has(core))).map((c) => c.label);
}

interface Hit {
  row: number;
  key: string;
}

/** One pass over the sheet's text cells, looking up exact label cores of every template table. */
function anchorHits(view: SheetView): Map<PreparedTable, Hit[]> {
  const hits = new Map<PreparedTable, Hit[]>();
  const rows = view.sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells) continue;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c]?.value;
      if (typeof v !== 'string' || !mayBeLabel(v)) continue;
      const label = view.label(r, c);
      if (!label) continue;
      for (const prepared of PREPARED) {
        const key = prepared.anchors.get(label.core) ?? prepared.anchors.get(label.full);
        if (!key) continue;
        const list = hits.get(prepared) ?? [];
        list.push({ row: r, key });
        hits.set(prepared, list);
      }
    }
  }
  return hits;
}

interface Cluster {
  first: number;
  last: number;
}

function clusters(hits: Hit[]): Cluster[] {
  const sorted = [...hits].sort((a, b) => a.row - b.row);
  const out: Cluster[] = [];
  let current: { first: number; last: number; keys: Set<string> } | null = null;
  for (const hit of sorted) {
    if (current && hit.row - current.last <= CLUSTER_GAP) {
      current.last = hit.row;
      current.keys.add(hit.key);
      continue;
    }
    if (current && current.keys.size >= MIN_DISTINCT_LABELS) out.push(current);
    current = { first: hit.row, last: hit.row, keys: new Set([hit.key]) };
  }
  if (current && current.keys.size >= MIN_DISTINCT_LABELS) out.push(current);
  return out;
}

function bestLabelScore(labels: LabelCell[], label: PreparedLabel): { score: number; cell: LabelCell | null } {
  let best = { score: 0, cell: null as LabelCell | null };
  for (const cell of labels) {
    const score = Math.max(matchConfidence(cell.core, label), matchConfidence(cell.full, label));
    if (score > best.score) best = { score, cell };
  }
  return best;
}

interface RowMatch {
  entry: RowEntry;
  row: number;
  cell: LabelCell;
  score: number;
}

/**
 * Aligns the template's data rows with the sheet's rows in order (a weighted longest common
 * subsequence), so that repeated labels such as (二)被依法纠错数 under 行政复议 and under 行政诉讼 each
 * find their own row, and a missing row does not pull the rest out of place.
 */
function alignRows(view: SheetView, entries: RowEntry[], from: number, to: number): RowMatch[] {
  const n = entries.length;
  const m = to - from + 1;
  if (n === 0 || m <= 0) return [];
  // Exact label matches first; the costlier loose comparison only between entries and rows that
  // found no exact partner, which in a clean table is none at all.
  const none = { score: 0, cell: null as LabelCell | null };
  const scores: { score: number; cell: LabelCell | null }[][] = entries.map(() => new Array(m).fill(none));
  const entryExact = new Array<boolean>(n).fill(false);
  const rowExact = new Array<boolean>(m).fill(false);
  const byCore = new Map<string, number[]>();
  entries.forEach((e, i) => e.label.cores.forEach((core) => byCore.set(core, [...(byCore.get(core) ?? []), i])));
  for (let j = 0; j < m; j++) {
    for (const cell of view.rowLabels(from + j)) {
      for (const i of new Set([...(byCore.get(cell.core) ?? []), ...(byCore.get(cell.full) ?? [])])) {
        scores[i][j] = { score: 1, cell };
        entryExact[i] = rowExact[j] = true;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (entryExact[i]) continue;
    for (let j = 0; j < m; j++) {
      if (rowExact[j]) continue;
      const s = bestLabelScore(view.rowLabels(from + j), entries[i].label);
      if (s.score >= ACCEPT_AT) scores[i][j] = s;
    }
  }
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = scores[i - 1][j - 1].score;
      best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], s > 0 ? best[i - 1][j - 1] + s : 0);
    }
  }
  const matches: RowMatch[] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const s = scores[i - 1][j - 1];
    if (s.score > 0 && best[i][j] === best[i - 1][j - 1] + s.score) {
      matches.push({ entry: entries[i - 1], row: from + j - 1, cell: s.cell!, score: s.score });
      i--;
      j--;
    } else if (best[i][j] === best[i - 1][j]) i--;
    else j--;
  }
  return matches.reverse();
}

interface Located {
  row: number;
  col: number;
}

interface ColumnMatch extends Located {
  spec: ColumnSpec;
  score: number;
  text: string;
}

/** Finds a block's column headers in the rows just above its first data row. */
function locateColumns(
  view: SheetView,
  columns: { spec: ColumnSpec; label: PreparedLabel }[],
  headerTop: number,
  headerBottom: number,
  minCol: number,
): ColumnMatch[] {
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
function guessValueColumn(view: SheetView, rows: RowMatch[]): number | null {
  const labelCol = Math.max(...rows.map((r) => r.cell.col));
  let best: { col: number; count: number } | null = null;
  for (let c = labelCol + 1; c <= labelCol + 4 && c < view.width; c++) {
    const count = rows.filter((r) => numericValue(view.reading(r.row, c)) !== null).length;
    if (count > 0 && (!best || count > best.count)) best = { col: c, count };
  }
  return best?.col ?? null;
}

interface TableBuild {
  figures: Record<string, Figure>;
  weak: LabelMatch[];
  rows: number[];
  cols: number[];
}

function addFigure(
  build: TableBuild,
  view: SheetView,
  table: TableSpec,
  block: BlockSpec,
  row: RowSpec,
  column: ColumnSpec,
  at: Located,
): void {
  const owner = view.owner(at.row, at.col);
  const cell = view.cell(at.row, at.col);
  const reading = view.reading(at.row, at.col);
  const id = indicatorId(table, block, row, column);
  build.figures[id] = {
    id,
    label: block.columns.length === 1 ? row.label : `${row.label}/${column.label}`,
    rowLabel: row.label,
    ...(block.columns.length > 1 ? { columnLabel: column.label } : {}),
    unit: column.unit ?? row.unit,
    decimal: column.decimal ?? row.decimal,
    ...(column.signed ? { signed: true } : {}),
    cell: cellRef(view.sheet.name, owner.row, owner.col),
    sheet: view.sheet.name,
    row: owner.row,
    col: owner.col,
    reading,
    value: numericValue(reading),
    ...(cell?.formula ? { formula: cell.formula } : {}),
  };
  build.rows.push(at.row);
  build.cols.push(at.col);
}

function noteWeak(build: TableBuild, view: SheetView, id: string, expected: string, cell: LabelCell, score: number): void {
  build.rows.push(cell.row);
  build.cols.push(cell.col);
  if (score < WEAK_BELOW) {
    build.weak.push({ id, expected, found: cell.raw, cell: cellRef(view.sheet.name, cell.row, cell.col), confidence: Math.round(score * 100) / 100 });
  }
}

/** One reading of a region by one template table; rival readings of the same region are compared. */
interface Candidate {
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

function recognizeTable(view: SheetView, prepared: PreparedTable, cluster: Cluster, sheetIndex: number): Candidate {
  const { table, template } = prepared;
  const problems: RecognitionProblem[] = [];
  const from = Math.max(0, cluster.first - HEADER_DEPTH);
  const to = Math.min(view.height - 1, cluster.last + HEADER_DEPTH);
  const build: TableBuild = { figures: {}, weak: [], rows: [], cols: [] };
  const format = template.id as FormatId;

  for (const block of table.blocks) {
    if (block.rowsMayBeColumnGroups) locateColumnGroups(view, prepared, block, prepared.columns.get(block)!, from, to, build);
  }
  const entries = prepared.entries.filter((e) => !(e.block.rowsMayBeColumnGroups && hasBlockFigures(build, table, e.block)));
  const matches = alignRows(view, entries, from, to);

  const matchedColumns: ColumnSpec[] = [];
  let previousEnd = from - 1;
  for (const block of table.blocks) {
    const blockRows = matches.filter((m) => m.entry.block === block);
    if (blockRows.length === 0) continue;
    const firstRow = blockRows[0].row;
    const labelCol = Math.min(...blockRows.map((m) => m.cell.col));
    const headerTop = Math.max(previousEnd + 1, firstRow - HEADER_DEPTH, 0);
    let located = locateColumns(view, prepared.columns.get(block)!, headerTop, firstRow - 1, labelCol + 1);
    if (located.length === 0 && block.columns.length === 1) {
      const guessed = guessValueColumn(view, blockRows);
      if (guessed !== null) located = [{ spec: block.columns[0], row: firstRow, col: guessed, score: 1, text: '' }];
    }
    for (const m of blockRows) noteWeak(build, view, m.entry.row.id, m.entry.row.label, m.cell, m.score);
    for (const col of located) {
      if (col.text) matchedColumns.push(col.spec);
      if (col.text) {
        build.rows.push(col.row);
        build.cols.push(col.col);
        if (col.score < WEAK_BELOW) {
          build.weak.push({ id: col.spec.id, expected: col.spec.label, found: col.text, cell: cellRef(view.sheet.name, col.row, col.col), confidence: Math.round(col.score * 100) / 100 });
        }
      }
      for (const m of blockRows) addFigure(build, view, table, block, m.entry.row, col.spec, { row: m.row, col: col.col });
    }
    if (located.length < block.columns.length && blockRows.length > 0) {
      const missingCols = block.columns.filter((c) => !located.some((l) => l.spec.id === c.id));
      problems.push({
        kind: 'columns-not-found',
        table: table.id,
        format,
        sheet: view.sheet.name,
        cells: blockRows.slice(0, 1).map((m) => cellRef(view.sheet.name, m.cell.row, m.cell.col)),
        indicators: missingCols.map((c) => c.label),
      });
    }
    previousEnd = blockRows[blockRows.length - 1].row;
  }

  const candidate: Candidate = { prepared, sheet: view.sheet.name, sheetIndex, first: from, last: to, table: null, problems, matchedRows: matches.map((m) => m.entry), matchedColumns };
  if (Object.keys(build.figures).length === 0) return candidate;
  noteMergedAcrossFigures(build, view, table, format, problems);
  const top = Math.min(...build.rows);
  const bottom = Math.max(...build.rows);
  const left = Math.min(...build.cols);
  const right = Math.max(...build.cols);
  candidate.table = {
    format,
    table: table.id,
    tableName: table.name,
    sheet: view.sheet.name,
    range: `${a1(top, left)}:${a1(bottom, right)}`,
    title: findTitle(view, top, left, right),
    figures: build.figures,
    missing: prepared.indicatorIds.filter((id) => !build.figures[id] && !prepared.optionalIds.has(id)),
    weakMatches: build.weak,
  };
  return candidate;
}

function hasBlockFigures(build: TableBuild, table: TableSpec, block: BlockSpec): boolean {
  return block.rows.some((r) => block.columns.some((c) => build.figures[indicatorId(table, block, r, c)]));
}

/**
 * Table 四 as one data row under grouped headers: 行政复议 | 行政诉讼(未经复议直接起诉 | 复议后起诉), each
 * over 结果维持 … 总计. Each column's group is the group label found above it.
 */
function locateColumnGroups(
  view: SheetView,
  prepared: PreparedTable,
  block: BlockSpec,
  columns: { spec: ColumnSpec; label: PreparedLabel }[],
  from: number,
  to: number,
  build: TableBuild,
): boolean {
  const groupEntries = prepared.entries.filter((e) => e.block === block);
  for (let r = from; r <= to; r++) {
    const headerCells = view.rowLabels(r).flatMap((cell) => {
      const { score } = bestLabelScore([cell], columns[0].label);
      const match = columns.map((c) => ({ c, s: bestLabelScore([cell], c.label).score })).sort((a, b) => b.s - a.s)[0];
      return match.s >= ACCEPT_AT ? [{ cell, spec: match.c.spec, first: score >= ACCEPT_AT }] : [];
    });
    if (headerCells.filter((h) => h.first).length < 2) continue;

    const dataRow = firstRowWithContent(view, r + 1, headerCells.map((h) => h.cell.col)) ?? r + 1;
    let groupIndex = -1;
    for (const h of headerCells) {
      if (h.first) groupIndex++;
      const group = groupAbove(view, groupEntries, h.cell.col, r) ?? groupEntries[groupIndex];
      if (!group) continue;
      addFigure(build, view, prepared.table, block, group.row, h.spec, { row: dataRow, col: h.cell.col });
      build.rows.push(r);
      build.cols.push(h.cell.col);
    }
    return true;
  }
  return false;
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

function firstRowWithContent(view: SheetView, start: number, cols: number[]): number | null {
  for (let r = start; r < Math.min(view.height, start + 3); r++) {
    if (cols.some((c) => view.reading(r, c).kind !== 'blank')) return r;
  }
  return null;
}

/** One merged number covering two figures makes both unreliable; say so. */
function noteMergedAcrossFigures(build: TableBuild, view: SheetView, table: TableSpec, format: FormatId, problems: RecognitionProblem[]): void {
  const byCell = new Map<string, string[]>();
  for (const f of Object.values(build.figures)) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f.id]);
  for (const [cell, ids] of byCell) {
    if (ids.length > 1) problems.push({ kind: 'merged-across-figures', table: table.id, format, sheet: view.sheet.name, cells: [cell], indicators: ids });
  }
}

/** The title above a table usually names the body and the year: 某某办公室2017年度政府信息公开情况统计表. */
function findTitle(view: SheetView, top: number, left: number, right: number): string | undefined {
  for (let r = top - 1; r >= Math.max(0, top - 6); r--) {
    for (const label of view.rowLabels(r)) {
      if (label.col > right + 2 || label.col < left - 3) continue;
      if (/\d{4}\s*年/.test(label.raw)) return label.raw;
    }
  }
  return undefined;
}
