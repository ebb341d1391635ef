/**
 * Chooses among the readings of each region. Where templates of several formats read the same region
 * (表三 is the same in 2019 and 2021 but for (六); 表四 is identical), the reading that locates the most
 * figures wins; a tie goes to the format the workbook's other tables are in, else to the format with the
 * higher priority. What a losing format matched that the winner does not have is reported as a table of
 * mixed formats; the tables come back in reading order with the winners' problems.
 */
import { prepareLabel } from '../labels';
import { FORMATS } from '../formats/registry';
import type { ColumnSpec } from '../templates';
import type { Figure, FormatId, RecognizedTable } from '../types';
import type { PreparedTable, RowEntry } from './prepare';
import type { Candidate } from './table';
import type { Recognition, RecognitionProblem } from './types';

/** Which format a tie no vote settles goes to: the lower, the sooner (the format's explicit priority, highest first). */
function tieBreakPriority(c: Candidate): number {
  return -FORMATS.priority(c.prepared.template.id);
}

/** How well a candidate reads its region: figures located first, then column headers named, then fewer missing. */
function strength(c: Candidate): [number, number, number] {
  return c.table ? [placed(c.table).length, c.matchedColumns.length, -c.table.missing.length] : [0, 0, 0];
}

/** Figures read from a cell of their own (a blank row of a flowed table has none). */
function placed(table: RecognizedTable): Figure[] {
  return Object.values(table.figures).filter((f) => !f.unplaced);
}

type Compare = (a: Candidate, b: Candidate) => number;

/** Orders candidates strongest first; a candidate's strength is computed when first compared, then kept. */
function byStrength(): Compare {
  const strengths = new Map<Candidate, [number, number, number]>();
  const of = (c: Candidate) => {
    let s = strengths.get(c);
    if (!s) strengths.set(c, (s = strength(c)));
    return s;
  };
  return (a, b) => {
    const [fa, ca, ma] = of(a);
    const [fb, cb, mb] = of(b);
    return fb - fa || cb - ca || mb - ma;
  };
}

/**
 * Two readings that take the same figures from the same cells cannot tell their formats apart (a
 * 表三 cut short before (六) reads the same in 2019 and 2021): rows they lack elsewhere do not count.
 */
function readSameCells(a: Candidate, b: Candidate, compare: Compare): boolean {
  if (compare(a, b) === 0) return true;
  if (!a.table || !b.table || a.matchedColumns.length !== b.matchedColumns.length) return false;
  const cells = (c: Candidate) => placed(c.table!).map((f) => f.cell).sort().join('|');
  return cells(a) === cells(b);
}

/** Readings of the same table on the same sheet whose regions overlap: rivals, of which one is kept. */
function rivalGroups(candidates: Candidate[]): Candidate[][] {
  const groups: Candidate[][] = [];
  for (const c of candidates) {
    const rivals = groups.find((g) => g[0].sheet === c.sheet && g[0].prepared.table.id === c.prepared.table.id && g.some((o) => o.first <= c.last && c.first <= o.last));
    if (rivals) rivals.push(c);
    else groups.push([c]);
  }
  return groups;
}

/** The best reading of each region, and the rivals it beat. */
export function chooseReadings(candidates: Candidate[]): Recognition {
  const compare = byStrength();
  const votes = new Map<string, number>();
  const tied: Candidate[][] = [];
  const winners: { winner: Candidate; losers: Candidate[] }[] = [];
  for (const group of rivalGroups(candidates)) {
    const ranked = [...group].sort(compare);
    if (!ranked[0].table) {
      // Rows found but no column: keep what the best reading says about it.
      winners.push({ winner: ranked[0], losers: ranked.slice(1) });
      continue;
    }
    if (ranked.length > 1 && ranked[0].prepared.template.id !== ranked[1].prepared.template.id && readSameCells(ranked[0], ranked[1], compare)) {
      tied.push(ranked);
      continue;
    }
    winners.push({ winner: ranked[0], losers: ranked.slice(1) });
    const format = ranked[0].prepared.template.id;
    votes.set(format, (votes.get(format) ?? 0) + 1);
  }
  for (const ranked of tied) {
    const equal = ranked.filter((c) => readSameCells(c, ranked[0], compare));
    const voted = [...equal].sort((a, b) => (votes.get(b.prepared.template.id) ?? 0) - (votes.get(a.prepared.template.id) ?? 0) || tieBreakPriority(a) - tieBreakPriority(b))[0];
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
  return rows.filter((e) => !e.label.cores.some((c) => winner.rowCores.has(c))).map((e) => e.row.label);
}

/** Column headers a rival format found that the winning format does not have. */
function columnsForeignTo(columns: ColumnSpec[], winner: PreparedTable): string[] {
  return columns.filter((c) => !prepareLabel(c).cores.some((core) => winner.columnCores.has(core))).map((c) => c.label);
}
