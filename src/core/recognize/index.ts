import { a1, type Workbook } from '../grid';
import { ACCEPT_AT, fullCore, hasNumbering, labelCore, matchConfidence, prepareLabel, WEAK_BELOW, type PreparedLabel } from '../labels';
import { tokenKind } from '../reflow';
import { SheetView, type LabelCell } from '../sheetview';
import { UNSUPPORTED_LAYOUTS } from '../templates/unsupported';
import { indicatorId, TEMPLATES, type BlockSpec, type ColumnSpec, type RowSpec, type TableSpec, type TemplateSpec } from '../templates';
import type { Figure, FormatId, LabelMatch, RecognizedTable } from '../types';
import { numericValue } from '../values';

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

/** Every label core any template table uses, rows, groups and column headers alike. */
const ALL_ANCHORS: ReadonlySet<string> = new Set(PREPARED.flatMap((p) => Array.from(p.anchors.keys())));

/**
 * Row labels of every template, data rows and groups: what separates the rows of a flowed sheet. A
 * word that also heads a column ("总计") separates nothing.
 */
const ROW_LABELS: ReadonlyMap<string, 'data' | 'group'> = (() => {
  const kinds = new Map<string, 'data' | 'group'>();
  const headers = new Set(PREPARED.flatMap((p) => p.table.blocks.flatMap((b) => b.columns.flatMap((c) => prepareLabel(c).cores))));
  for (const p of PREPARED) {
    for (const block of p.table.blocks) {
      // A label that is a data row in one format (2019 (六)其他处理) and a group in another is a data row.
      for (const row of block.rows) {
        for (const core of prepareLabel(row).cores) if (!headers.has(core) && kinds.get(core) !== 'data') kinds.set(core, row.kind);
      }
    }
  }
  return kinds;
})();

function rowLabelKind(text: string): 'data' | 'group' | null {
  return ROW_LABELS.get(labelCore(text)) ?? null;
}

/** Whether a text is one of the templates' own labels (a row, a group or a column header). */
export function isTemplateLabel(text: string): boolean {
  const core = labelCore(text);
  return core.length > 0 && (ALL_ANCHORS.has(core) || ALL_ANCHORS.has(fullCore(text)));
}

/** A cell that holds a label, a heading or prose: whatever else is wrong, it is not a figure. */
function holdsLabel(view: SheetView, row: number, col: number): boolean {
  const label = view.label(row, col);
  if (!label) return false;
  return ALL_ANCHORS.has(label.core) || ALL_ANCHORS.has(label.full) || hasNumbering(label.raw) || tokenKind(view.cell(row, col)) === 'prose';
}

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
  kind: 'columns-not-found' | 'merged-across-figures' | 'mixed-formats' | 'row-values-mismatch';
  table: string;
  format: FormatId;
  sheet: string;
  cells: string[];
  indicators: string[];
  /** For mixed-formats: the format the foreign rows belong to. */
  otherFormat?: FormatId;
  /** For row-values-mismatch: how many figures the row holds, and how many columns the table has. */
  found?: number;
  expected?: number;
  /** For row-values-mismatch gathered per table: each row declined. */
  rows?: { label: string; found: number; cell: string }[];
}

export interface Recognition {
  tables: RecognizedTable[];
  problems: RecognitionProblem[];
}

/** Finds every template table in a workbook, wherever it sits, and locates each indicator's cell. */
export function recognizeWorkbook(workbook: Workbook): Recognition {
  const candidates: Candidate[] = [];
  workbook.sheets.forEach((sheet, sheetIndex) => {
    const view = new SheetView(sheet, rowLabelKind);
    const hits = anchorHits(view);
    for (const prepared of PREPARED) {
      for (const cluster of clusters(hits.get(prepared) ?? [])) {
        // An old local layout (本年度/历年累计) shares row labels with the legacy 统计表 but not its meaning.
        if (unsupportedLayoutIn(view, cluster)) continue;
        candidates.push(recognizeTable(view, prepared, cluster, sheetIndex));
      }
    }
  });
  return chooseReadings(candidates);
}

/** How well a candidate reads its region: figures located first, then column headers named, then fewer missing. */
function strength(c: Candidate): [number, number, number] {
  return c.table ? [placed(c.table).length, c.matchedColumns.length, -c.table.missing.length] : [0, 0, 0];
}

/** Figures read from a cell of their own (a blank row of a flowed table has none). */
function placed(table: RecognizedTable): Figure[] {
  return Object.values(table.figures).filter((f) => !f.unplaced);
}

function compareStrength(a: Candidate, b: Candidate): number {
  const [fa, ca, ma] = strength(a);
  const [fb, cb, mb] = strength(b);
  return fb - fa || cb - ca || mb - ma;
}

/**
 * Two readings that take the same figures from the same cells cannot tell their formats apart (a
 * 表三 cut short before (六) reads the same in 2019 and 2021): rows they lack elsewhere do not count.
 */
function readSameCells(a: Candidate, b: Candidate): boolean {
  if (compareStrength(a, b) === 0) return true;
  if (!a.table || !b.table || a.matchedColumns.length !== b.matchedColumns.length) return false;
  const cells = (c: Candidate) => placed(c.table!).map((f) => f.cell).sort().join('|');
  return cells(a) === cells(b);
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
    if (ranked.length > 1 && ranked[0].prepared.template.id !== ranked[1].prepared.template.id && readSameCells(ranked[0], ranked[1])) {
      tied.push(ranked);
      continue;
    }
    winners.push({ winner: ranked[0], losers: ranked.slice(1) });
    const format = ranked[0].prepared.template.id;
    votes.set(format, (votes.get(format) ?? 0) + 1);
  }
  for (const ranked of tied) {
    const equal = ranked.filter((c) => readSameCells(c, ranked[0]));
    const priority = (c: Candidate) => TEMPLATES.indexOf(c.prepared.template);
    const voted = [...equal].sort((a, b) => (votes.get(b.prepared.template.id) ?? 0) - (votes.get(a.prepared.template.id) ?? 0) || priority(a) - priority(b))[0];
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

const UNSUPPORTED_HEADERS = UNSUPPORTED_LAYOUTS.map((layout) => layout.headers.map((h) => labelCore(h)));

/** How far above a table's first recognized row an old layout's header may stand (a long form's rows between). */
const UNSUPPORTED_HEADER_DEPTH = 40;

function unsupportedLayoutIn(view: SheetView, cluster: Cluster): boolean {
  const cores = new Set<string>();
  for (let r = Math.max(0, cluster.first - UNSUPPORTED_HEADER_DEPTH); r <= Math.min(view.height - 1, cluster.last); r++) for (const l of view.rowLabels(r)) cores.add(l.core);
  return UNSUPPORTED_HEADERS.some((headers) => headers.every((h) => cores.has(h)));
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
    for (const cell of view.entryLabels(from + j)) {
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
      const s = bestLabelScore(view.entryLabels(from + j), entries[i].label);
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
  unplaced = false,
): void {
  const owner = view.owner(at.row, at.col);
  const cell = unplaced ? undefined : view.cell(at.row, at.col);
  const reading = unplaced ? ({ kind: 'blank' } as const) : view.reading(at.row, at.col);
  const id = indicatorId(table, block, row, column);
  const source = view.source(owner.row, owner.col);
  build.figures[id] = {
    id,
    label: block.columns.length === 1 ? row.label : `${row.label}/${column.label}`,
    rowLabel: row.label,
    ...(block.columns.length > 1 ? { columnLabel: column.label } : {}),
    unit: column.unit ?? row.unit,
    decimal: column.decimal ?? row.decimal,
    ...(column.signed ? { signed: true } : {}),
    cell: view.ref(owner.row, owner.col),
    sheet: view.original.name,
    row: source.row,
    col: source.col,
    reading,
    value: numericValue(reading),
    ...(cell?.formula ? { formula: cell.formula } : {}),
    ...(unplaced ? { unplaced: true } : {}),
  };
  build.rows.push(at.row);
  build.cols.push(at.col);
}

function noteWeak(build: TableBuild, view: SheetView, id: string, expected: string, cell: LabelCell, score: number): void {
  build.rows.push(cell.row);
  build.cols.push(cell.col);
  if (score < WEAK_BELOW) {
    build.weak.push({ id, expected, found: cell.raw, cell: view.ref(cell.row, cell.col), confidence: Math.round(score * 100) / 100 });
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
    if (!block.rowsMayBeColumnGroups) continue;
    if (view.flowed) readColumnGroupsInOrder(view, prepared, block, from, to, build);
    else locateColumnGroups(view, prepared, block, prepared.columns.get(block)!, from, to, build);
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
    for (const m of blockRows) noteWeak(build, view, m.entry.row.id, m.entry.row.label, m.cell, m.score);
    previousEnd = blockRows[blockRows.length - 1].row;
    if (view.flowed) {
      matchedColumns.push(...headersNamed(view, prepared.columns.get(block)!, headerTop, firstRow));
      for (const m of blockRows) readRowInOrder(view, table, block, m, build, problems, format);
      continue;
    }
    let located = locateColumns(view, prepared.columns.get(block)!, headerTop, firstRow - 1, labelCol + 1);
    if (located.length === 0 && block.columns.length === 1) {
      const guessed = guessValueColumn(view, blockRows);
      if (guessed !== null) located = [{ spec: block.columns[0], row: firstRow, col: guessed, score: 1, text: '' }];
    }
    for (const col of located) {
      if (!col.text) continue;
      matchedColumns.push(col.spec);
      build.rows.push(col.row);
      build.cols.push(col.col);
      if (col.score < WEAK_BELOW) {
        build.weak.push({ id: col.spec.id, expected: col.spec.label, found: col.text, cell: view.ref(col.row, col.col), confidence: Math.round(col.score * 100) / 100 });
      }
    }
    for (const m of blockRows) {
      if (located.length > 0 && !underItsColumns(view, m, located)) {
        // A row whose cells slid off the header's columns (a group label in its first cells, a span
        // lost): read in order if that gives exactly one figure per column, never shifted.
        if (readRowInOrder(view, table, block, m, build, problems, format, located)) continue;
      }
      for (const col of located) addFigure(build, view, table, block, m.entry.row, col.spec, { row: m.row, col: col.col });
    }
    if (located.length < block.columns.length) {
      const missingCols = block.columns.filter((c) => !located.some((l) => l.spec.id === c.id));
      problems.push({
        kind: 'columns-not-found',
        table: table.id,
        format,
        sheet: view.sheet.name,
        cells: blockRows.slice(0, 1).map((m) => view.ref(m.cell.row, m.cell.col)),
        indicators: missingCols.map((c) => c.label),
      });
    }
  }

  const candidate: Candidate = { prepared, sheet: view.sheet.name, sheetIndex, first: from, last: to, table: null, problems, matchedRows: matches.map((m) => m.entry), matchedColumns };
  if (Object.keys(build.figures).length === 0) return candidate;
  noteMergedAcrossFigures(build, view, table, format, problems);
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

/**
 * The cells holding a row's figures when they are read by order: every value or blank cell after the
 * row's label (units skipped), up to the next label, with blanks a copy padded at the end dropped.
 */
function valuesAfterLabel(view: SheetView, row: number, labelCol: number, wanted: number): number[] {
  const cells = view.sheet.rows[row] ?? [];
  const out: number[] = [];
  for (let c = labelCol + 1; c < cells.length; c++) {
    const owner = view.owner(row, c);
    if (owner.row !== row || owner.col !== c) continue;
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
 * figure; otherwise the caller reads the row in place.
 */
function readRowInOrder(
  view: SheetView,
  table: TableSpec,
  block: BlockSpec,
  m: RowMatch,
  build: TableBuild,
  problems: RecognitionProblem[],
  format: FormatId,
  located?: ColumnMatch[],
): boolean {
  const values = valuesAfterLabel(view, m.row, m.cell.col, block.columns.length);
  if (values.length === block.columns.length) {
    block.columns.forEach((column, i) => addFigure(build, view, table, block, m.entry.row, column, { row: m.row, col: values[i] }));
    return true;
  }
  if (values.length === 0 && !located) {
    // A flowed row with its label and no figure at all (a blank template copied as text): its figures
    // are blank, and the only place to name is the label's.
    block.columns.forEach((column) => addFigure(build, view, table, block, m.entry.row, column, { row: m.row, col: m.cell.col }, true));
    return true;
  }
  if (located && !located.some((c) => holdsLabel(view, m.row, c.col))) return false;
  if (values.length > 0 || located) {
    problems.push({
      kind: 'row-values-mismatch',
      table: table.id,
      format,
      sheet: view.sheet.name,
      cells: [view.ref(m.cell.row, m.cell.col), ...values.map((c) => view.ref(m.row, c))],
      indicators: [m.entry.row.label],
      found: values.length,
      expected: block.columns.length,
    });
  }
  return true;
}

/**
 * Whether a grid row's cells stand under the header's columns: no label under a column, and no figure
 * between the label and the last column that no column takes.
 */
function underItsColumns(view: SheetView, m: RowMatch, located: ColumnMatch[]): boolean {
  if (located.some((c) => holdsLabel(view, m.row, c.col))) return false;
  const columns = new Set(located.map((c) => c.col));
  const last = Math.max(...columns);
  for (let c = m.cell.col + 1; c <= last; c++) {
    if (columns.has(c)) continue;
    const owner = view.owner(m.row, c);
    if (owner.row === m.row && owner.col === c && tokenKind(view.sheet.rows[m.row]?.[c]) === 'value') return false;
  }
  return true;
}

/** The block's column headers named between two rows of a flowed sheet (they only confirm the format there). */
function headersNamed(view: SheetView, columns: { spec: ColumnSpec; label: PreparedLabel }[], top: number, bottom: number): ColumnSpec[] {
  const found = new Set<ColumnSpec>();
  for (let r = top; r <= bottom; r++) {
    for (const label of view.rowLabels(r)) {
      for (const col of columns) if (col.label.cores.includes(label.core) || col.label.cores.includes(label.full)) found.add(col.spec);
    }
  }
  return Array.from(found);
}

/**
 * Table 四 flowed into one row: its grouped headers, then the fifteen figures in order (行政复议, then
 * 未经复议直接起诉, then 复议后起诉, each 结果维持 … 总计).
 */
function readColumnGroupsInOrder(view: SheetView, prepared: PreparedTable, block: BlockSpec, from: number, to: number, build: TableBuild): void {
  const groups = prepared.entries.filter((e) => e.block === block);
  const columns = prepared.columns.get(block)!;
  const wanted = groups.length * block.columns.length;
  for (let r = from; r <= to; r++) {
    const labels = view.rowLabels(r);
    const headers = labels.filter((l) => columns.some((c) => c.label.cores.includes(l.core)));
    if (headers.length < 2) continue;
    const values = valuesAfterLabel(view, r, labels[labels.length - 1].col, wanted);
    if (values.length !== wanted) continue;
    groups.forEach((g, gi) =>
      block.columns.forEach((column, ci) => addFigure(build, view, prepared.table, block, g.row, column, { row: r, col: values[gi * block.columns.length + ci] })),
    );
    for (const h of headers) {
      build.rows.push(h.row);
      build.cols.push(h.col);
    }
    return;
  }
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

    const cols = headerCells.map((h) => h.cell.col);
    const dataRow = firstRowWithContent(view, r + 1, cols) ?? r + 1;
    // A blank table's figure row may be gone: the heading or paragraph below is not its data.
    if (cols.some((c) => holdsLabel(view, dataRow, c))) return true;
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
    if (cols.some((c) => holdsLabel(view, r, c))) return null;
    if (cols.some((c) => view.reading(r, c).kind !== 'blank')) return r;
  }
  return null;
}

/** One merged number covering two figures makes both unreliable; say so. */
function noteMergedAcrossFigures(build: TableBuild, view: SheetView, table: TableSpec, format: FormatId, problems: RecognitionProblem[]): void {
  const byCell = new Map<string, string[]>();
  for (const f of Object.values(build.figures)) if (!f.unplaced) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f.id]);
  for (const [cell, ids] of byCell) {
    if (ids.length > 1) problems.push({ kind: 'merged-across-figures', table: table.id, format, sheet: view.sheet.name, cells: [cell], indicators: ids });
  }
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
