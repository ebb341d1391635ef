/**
 * Reports in a workbook: its recognized tables grouped into reports (2021: one table 二, 三 and 四 each,
 * possibly on three sheets), their merged figures, and the body and year they state.
 */
import { FORMATS } from './formats/registry';
import { FORMAT_NAMES } from './messages';
import { templateById } from './templates';
import { titleYear } from './plausibility';
import { factsFromTitle } from './reportfacts';
import type { Figure, FormatId, RecognizedTable, ReportFacts, WorkbookAnalysis } from './types';

export interface ReportFigures {
  format: FormatId;
  formatName: string;
  tables: string[];
  figures: Record<string, Figure>;
  facts: ReportFacts;
}

/**
 * Groups recognized tables into reports and merges their figures, with the facts the titles state.
 * A second table 三 starts a second report. Tables of two formats with the same tables (a 2019 表三
 * between 2021 表二 and 表四, as real reports mix them) make one report, said to be in the format most of
 * its tables are in (a tie: the newer), and warned of by recognition.mixed-table-formats.
 */
export function reportFigures(analysis: Pick<WorkbookAnalysis, 'tables' | 'documentFacts'>): ReportFigures[] {
  return groupReports(analysis.tables).map((r) => ({
    format: r.format,
    formatName: FORMAT_NAMES[r.format] ?? r.format,
    tables: r.tables.map((t) => t.table),
    figures: r.figures,
    facts: factsOf(r.tables, analysis.documentFacts),
  }));
}

export interface ReportGroup<T extends RecognizedTable = RecognizedTable> {
  format: FormatId;
  tables: T[];
  figures: Record<string, Figure>;
}

export function groupReports<T extends RecognizedTable>(tables: T[]): ReportGroup<T>[] {
  const reports: ReportGroup<T>[] = [];
  for (const t of tables) {
    let report = [...reports].reverse().find((r) => r.format === t.format) ?? reports.find((r) => sameTables(r.format, t.format));
    if (!report || report.tables.some((x) => x.table === t.table)) {
      report = { format: t.format, tables: [], figures: {} };
      reports.push(report);
    }
    report.tables.push(t);
    Object.assign(report.figures, t.figures);
    report.format = mostTablesFormat(report.tables);
  }
  return reports;
}

/** Two formats made of the same tables (表二, 表三, 表四): one report may hold tables of both. */
function sameTables(a: FormatId, b: FormatId): boolean {
  const ids = (format: FormatId) => templateById(format).tables.map((t) => t.id).sort().join();
  return a === b || ids(a) === ids(b);
}

function mostTablesFormat(tables: RecognizedTable[]): FormatId {
  const count = (format: FormatId) => tables.filter((t) => t.format === format).length;
  return tables.map((t) => t.format).reduce((best, f) => (count(f) > count(best) || (count(f) === count(best) && FORMATS.priority(f) > FORMATS.priority(best)) ? f : best));
}

/**
 * Body and year: the document's own title first (a report names itself), unless the tables' title
 * says they are another year's (last year's table in the same file); else the first table title
 * that names them; else the year from a sheet named "2022年".
 */
export function factsOf(tables: RecognizedTable[], documentFacts: ReportFacts = {}): ReportFacts {
  const fromTables = tableFacts(tables);
  if (documentFacts.reportYear && fromTables.reportYear && fromTables.reportYear !== documentFacts.reportYear) return fromTables;
  return { ...fromTables, ...documentFacts };
}

function tableFacts(tables: RecognizedTable[]): ReportFacts {
  for (const t of tables) if (t.title && titleYear(t.title)) return factsFromTitle(t.title);
  for (const t of tables) {
    const year = /(?:19|20)\d{2}/.exec(t.sheet)?.[0];
    if (year) return { reportYear: Number(year) };
  }
  return {};
}

/** A second year's table in the same workbook: the report whose year is one less. */
export function lastYearIn<T extends RecognizedTable>(reports: ReportGroup<T>[], report: ReportGroup<T>): ReportGroup<T> | undefined {
  const year = tableFacts(report.tables).reportYear;
  if (!year) return undefined;
  return reports.find((r) => r !== report && tableFacts(r.tables).reportYear === year - 1);
}
