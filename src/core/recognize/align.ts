/**
 * Finds where a template table stands in a sheet and which of the sheet's rows are its rows. One pass
 * over the sheet's text cells collects the exact label hits of every table; hits close together that
 * name enough distinct labels make a region (an old local layout's region is refused); inside a region
 * the table's data rows are aligned with the sheet's rows in order, exact matches first, near spellings
 * only where nothing matched exactly.
 */
import { ACCEPT_AT, matchConfidence, type PreparedLabel } from '../labels';
import type { LabelCell, SheetView } from '../sheetview';
import { mayBeLabel, type PreparedTable, type RowEntry, type Vocabulary } from './prepare';

/** Rows between two label hits of one table beyond which they are taken as two tables. */
const CLUSTER_GAP = 12;
/** Distinct labels a table must show before it counts as found. */
const MIN_DISTINCT_LABELS = 3;
/** How far above a table's first recognized row an old layout's header may stand (a long form's rows between). */
const UNSUPPORTED_HEADER_DEPTH = 40;

export interface Hit {
  row: number;
  key: string;
}

/** Rows of a sheet where one template table's labels cluster. */
export interface Cluster {
  first: number;
  last: number;
}

/** One pass over the sheet's text cells, looking up exact label cores of every template table. */
export function anchorHits(view: SheetView, vocabulary: Vocabulary): Map<PreparedTable, Hit[]> {
  const hits = new Map<PreparedTable, Hit[]>();
  const rows = view.sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells) continue;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c]?.value;
      if (typeof v !== 'string' || !mayBeLabel(vocabulary, v)) continue;
      const label = view.label(r, c);
      if (!label) continue;
      for (const prepared of vocabulary.tables) {
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

/** Groups one table's hits into regions: rows close together that name enough distinct labels. */
export function clusters(hits: Hit[]): Cluster[] {
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

/** Whether an old local layout's headers (本年度/历年累计) stand over a region: it shares labels, not meaning. */
export function unsupportedLayoutIn(view: SheetView, vocabulary: Vocabulary, cluster: Cluster): boolean {
  const found = new Set<string>();
  for (let r = Math.max(0, cluster.first - UNSUPPORTED_HEADER_DEPTH); r <= Math.min(view.height - 1, cluster.last); r++) {
    for (const l of view.rowLabels(r)) if (vocabulary.refusedCores.has(l.core)) found.add(l.core);
  }
  return vocabulary.refusedHeaders.some((headers) => headers.every((h) => found.has(h)));
}

/** The cell among `labels` that names `label` best, in either of its forms, and how well. */
export function bestLabelScore(labels: LabelCell[], label: PreparedLabel): { score: number; cell: LabelCell | null } {
  let best = { score: 0, cell: null as LabelCell | null };
  for (const cell of labels) {
    const score = Math.max(matchConfidence(cell.core, label), matchConfidence(cell.full, label));
    if (score > best.score) best = { score, cell };
  }
  return best;
}

/** A template data row found on a sheet row, by the label cell that names it. */
export interface RowMatch {
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
export function alignRows(view: SheetView, entries: RowEntry[], from: number, to: number): RowMatch[] {
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
  return withSandwichedRows(view, entries, matches.reverse());
}

/** How near a misspelt label must come when its place alone, between two rows found, says which row it is. */
const SANDWICHED_AT = 0.5;

/**
 * A label misspelt beyond recognition on its own ("2.其他法律行政止公开" for 其他法律行政法规禁止公开) is still
 * its row when it stands exactly where that row belongs: the rows before and after it were found, and as
 * many unmatched label rows lie between them as template rows are missing there. Taken with its (low)
 * score, so it is reported as a near match to confirm.
 */
function withSandwichedRows(view: SheetView, entries: RowEntry[], matches: RowMatch[]): RowMatch[] {
  const out: RowMatch[] = [];
  matches.forEach((match, k) => {
    out.push(match);
    const next = matches[k + 1];
    if (!next) return;
    const missing = entries.slice(entries.indexOf(match.entry) + 1, entries.indexOf(next.entry));
    if (missing.length === 0) return;
    const rows: number[] = [];
    for (let r = match.row + 1; r < next.row; r++) if (view.entryLabels(r).length) rows.push(r);
    if (rows.length !== missing.length) return;
    const found = missing.map((entry, i) => ({ entry, row: rows[i], ...bestLabelScore(view.entryLabels(rows[i]), entry.label) }));
    if (found.every((f) => f.cell && f.score >= SANDWICHED_AT)) out.push(...found.map((f) => ({ entry: f.entry, row: f.row, cell: f.cell!, score: f.score })));
  });
  return out;
}
