/**
 * The engine's one entry point (its facade) for every host, the CLI and the pane: nothing outside
 * src/core imports a core module but this one. Cells in, recognized tables, findings and a totals
 * plan out; drafting and proofreading too. Pure: no Office, no DOM, no file system, no network.
 */
import type { Workbook } from './grid';
import { fingerprint } from './fingerprint';
import { FORMAT_NAMES, messages } from './messages';
import { recognizeWorkbook, type RecognitionProblem } from './recognize';
import { identicalToLastYear, levelContext, statisticsPeriod, titleYear, titleYearMismatch } from './plausibility';
import { checkRelations, type CheckContext } from './rules';
import { labelCore } from './labels';
import { templateById } from './templates';
import { UNSUPPORTED_LAYOUTS } from './templates/unsupported';
import { planTotals, type TotalsOptions } from './totals';
import type { Figure, Finding, FormatId, RecognizedTable, ReportFacts, TableResult, WorkbookAnalysis } from './types';
import { checkValues } from './valuechecks';
import { factsFromDocument, factsFromTitle, withUserFacts } from './reportfacts';
import { bySeverity } from './severity';

export * from './types';
export * from './grid';
export { planTotals, type TotalsOptions } from './totals';
export { FORMAT_NAMES, describeCells, figureName, formatNumber } from './messages';
export { SEVERITIES, SEVERITY_NAMES, SEVERITY_STYLE, CELL_FILLS, TEXT_HIGHLIGHTS, bySeverity } from './severity';
export { documentTitle, factsFromDocument, factsFromTitle, withUserFacts } from './reportfacts';
export { DRAFTABLE_FORMATS, draftNarrative, narrativeToText } from './narrative';
export type { DraftInput, FigureRun, Narrative, Paragraph, Run } from './narrative';
export { GONGWEN, narrativeBlocks, type BlockParagraph, type BlockRole, type NarrativeBlock } from './narrative/style';
export { proofreadParagraphs, proofreadText, proofreadTextAlone, type ProofFinding, type ProofreadResult, type Repetition } from './proofread';
export { LEVEL_ALIASES, LEVEL_NAMES } from './templates/levels';
export { hasNumbering } from './labels';
export { isTemplateLabel } from './recognize';
export { SENTENCE, tokenKind } from './reflow';

export interface AnalyzeOptions extends TotalsOptions {
  /** What the user said about the report (body, level, year); it overrides what the titles say. */
  facts?: ReportFacts;
  /** Last year's workbook, for the cross-year checks. */
  previous?: Workbook;
  /** The report's prose, when the input has it: its title names the body and year; the statistics-period check. */
  text?: string;
  /** The page's own <title>, when the input is a web page. */
  pageTitle?: string;
}

export function analyzeWorkbook(workbook: Workbook, options: AnalyzeOptions = {}): WorkbookAnalysis {
  const { tables: recognized, problems } = recognizeWorkbook(workbook);
  const notices: Finding[] = [];
  const reports = groupReports(recognized);
  const documentFacts = factsFromDocument(options.text, options.pageTitle);
  const external = options.previous ? groupReports(recognizeWorkbook(options.previous).tables)[0] : undefined;
  const checked = new Map<RecognizedTable, TableResult>();
  for (const report of reports) {
    const facts = withUserFacts(factsOf(report.tables, documentFacts), options.facts);
    const previous = external?.figures ?? lastYearIn(reports, report)?.figures;
    const context: CheckContext = { previous, level: levelContext(facts) };
    const copied = previous && identicalToLastYear(report.format, report.figures, previous);
    if (copied) notices.push(copied);
    for (const table of report.tables) {
      const findings = checkTable(table, context);
      const title = titleYearMismatch(table, options.facts?.reportYear);
      if (title) findings.push(title);
      checked.set(table, { ...table, findings });
    }
  }
  const tables = recognized.map((t) => checked.get(t)!);
  if (options.text) {
    const period = statisticsPeriod(options.text, options.facts?.reportYear ?? factsOf(recognized, documentFacts).reportYear);
    if (period) notices.push(period);
  }

  for (const p of mergeRowProblems(problems)) {
    const owner = tables.find((t) => t.table === p.table && t.sheet === p.sheet && t.format === p.format);
    const tableName = templateById(p.format).tables.find((t) => t.id === p.table)?.name ?? p.table;
    const finding = problemFinding(p, tableName, owner);
    if (owner && p.kind !== 'columns-not-found') owner.findings.unshift(finding);
    else notices.push(finding);
  }
  const nationalFormats = Array.from(new Set(tables.filter((t) => t.format !== 'legacy-2016' && t.table !== 't4').map((t) => t.format)));
  if (nationalFormats.length > 1) {
    notices.push({
      rule: 'recognition.mixed-table-formats',
      severity: 'warning',
      kind: 'recognition',
      table: '',
      message: messages.mixedTableFormats(tables.filter((t) => t.table !== 't4').map((t) => ({ table: t.tableName, format: FORMAT_NAMES[t.format] ?? t.format }))),
      cells: [],
      indicators: [],
      fingerprint: fingerprint('recognition.mixed-table-formats', ...nationalFormats),
    });
  }

  const unreadable = problems.some((p) => p.kind === 'row-values-mismatch' || p.kind === 'columns-not-found');
  if (tables.length === 0 && unreadable) {
    // Rows of a table were found but none of its figures could be placed under its columns: the
    // report has a table; this tool could not read it (the problems above say where).
    notices.unshift({
      rule: 'recognition.table-unreadable',
      severity: 'warning',
      kind: 'recognition',
      table: '',
      message: messages.tableUnreadable(),
      cells: [],
      indicators: [],
      fingerprint: fingerprint('recognition.table-unreadable'),
    });
  } else if (tables.length === 0) {
    notices.push({
      rule: 'recognition.no-template',
      severity: 'error',
      kind: 'recognition',
      table: '',
      message: messages.noTemplate(unsupportedLayoutOf(workbook)),
      cells: [],
      indicators: [],
      fingerprint: fingerprint('recognition.no-template'),
    });
  }
  const byTable = new Map<string, TableResult[]>();
  for (const t of tables) byTable.set(`${t.format}|${t.table}`, [...(byTable.get(`${t.format}|${t.table}`) ?? []), t]);
  for (const list of byTable.values()) {
    if (list.length < 2) continue;
    notices.push({
      rule: 'recognition.several-tables',
      severity: 'hint',
      kind: 'recognition',
      table: list[0].table,
      message: messages.severalTables(list[0].tableName, list.map((t) => `${t.sheet}!${t.range}`)),
      cells: [],
      indicators: [],
      fingerprint: fingerprint(list[0].format, 'recognition.several', list[0].table),
    });
  }
  for (const t of tables) t.findings.sort(bySeverity);
  return { tables, notices, totals: planTotals(recognized, options), documentFacts };
}

/** The name of an old layout the workbook seems to hold, when its headers say so. */
function unsupportedLayoutOf(workbook: Workbook): string | undefined {
  const texts = new Set<string>();
  for (const sheet of workbook.sheets) for (const row of sheet.rows) for (const cell of row ?? []) if (typeof cell?.value === 'string') texts.add(labelCore(cell.value));
  return UNSUPPORTED_LAYOUTS.find((layout) => layout.headers.every((h) => texts.has(labelCore(h))))?.name;
}

/** Rows of one table that could not be read in order are named in one finding, not one each. */
function mergeRowProblems(problems: RecognitionProblem[]): RecognitionProblem[] {
  const merged = new Map<string, RecognitionProblem>();
  const out: RecognitionProblem[] = [];
  for (const p of problems) {
    if (p.kind !== 'row-values-mismatch') {
      out.push(p);
      continue;
    }
    const key = `${p.format}|${p.sheet}|${p.table}`;
    const first = merged.get(key);
    if (!first) {
      const copy = { ...p, rows: [{ label: p.indicators[0], found: p.found ?? 0, cell: p.cells[0] }] };
      merged.set(key, copy);
      out.push(copy);
      continue;
    }
    first.rows!.push({ label: p.indicators[0], found: p.found ?? 0, cell: p.cells[0] });
    first.indicators.push(...p.indicators);
    first.cells.push(...p.cells);
  }
  return out;
}

function problemFinding(p: RecognitionProblem, tableName: string, owner: TableResult | undefined): Finding {
  const base = { kind: 'recognition' as const, table: p.table, cells: p.cells };
  switch (p.kind) {
    case 'merged-across-figures':
      return {
        ...base,
        rule: 'recognition.merged-across-figures',
        severity: 'error',
        message: messages.mergedAcrossFigures(p.cells[0], p.indicators.map((id) => owner?.figures[id]?.label ?? id)),
        indicators: p.indicators,
        fingerprint: fingerprint(p.format, 'recognition.merged', ...p.indicators),
      };
    case 'mixed-formats':
      return {
        ...base,
        rule: 'recognition.mixed-formats',
        severity: 'warning',
        message: messages.mixedFormats(tableName, FORMAT_NAMES[p.format] ?? p.format, FORMAT_NAMES[p.otherFormat ?? ''] ?? '', p.indicators),
        indicators: [],
        fingerprint: fingerprint(p.format, 'recognition.mixed', p.table, ...p.indicators),
      };
    case 'row-values-mismatch':
      return {
        ...base,
        rule: 'recognition.row-values-mismatch',
        severity: 'warning',
        message: messages.rowValuesMismatch(tableName, p.rows ?? [], p.expected ?? 0),
        indicators: [],
        fingerprint: fingerprint(p.format, 'recognition.row-values', p.table, ...p.indicators),
      };
    case 'columns-not-found':
      return {
        ...base,
        rule: 'recognition.columns-not-found',
        severity: 'warning',
        message: messages.columnsNotFound(tableName, p.indicators),
        indicators: [],
        fingerprint: fingerprint(p.format, 'recognition.columns', p.table, ...p.indicators),
      };
  }
}

function checkTable(table: RecognizedTable, context: CheckContext): Finding[] {
  const template = templateById(table.format);
  const findings = [...checkValues(table), ...checkRelations(table, template, context)];
  if (table.missing.length) {
    const names = table.missing.map((id) => labelOfIndicator(table, id));
    findings.push({
      rule: 'recognition.missing-rows',
      severity: 'warning',
      kind: 'recognition',
      table: table.table,
      message: messages.missingRows(table.tableName, Array.from(new Set(names))),
      cells: [],
      indicators: table.missing,
      fingerprint: fingerprint(table.format, 'recognition.missing', ...table.missing),
    });
  }
  for (const w of table.weakMatches) {
    findings.push({
      rule: 'recognition.weak-label',
      severity: 'hint',
      kind: 'recognition',
      table: table.table,
      message: messages.weakLabel(w.expected, w.found, w.cell),
      cells: [w.cell],
      indicators: [],
      fingerprint: fingerprint(table.format, 'recognition.weak', w.id, w.found),
    });
  }
  return findings;
}

function labelOfIndicator(table: RecognizedTable, id: string): string {
  const template = templateById(table.format);
  const [, rowId] = id.split('.');
  for (const t of template.tables) for (const b of t.blocks) for (const r of b.rows) if (r.id === rowId && t.id === table.table) return r.label;
  return id;
}

export interface ReportFigures {
  format: FormatId;
  formatName: string;
  tables: string[];
  figures: Record<string, Figure>;
  facts: ReportFacts;
}

/**
 * Groups recognized tables into reports (2021: one table 二, 三 and 四 each, possibly on three sheets)
 * and merges their figures, with the facts the titles state. A second table 三 starts a second report.
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

interface ReportGroup<T extends RecognizedTable> {
  format: FormatId;
  tables: T[];
  figures: Record<string, Figure>;
}

function groupReports<T extends RecognizedTable>(tables: T[]): ReportGroup<T>[] {
  const reports: ReportGroup<T>[] = [];
  for (const t of tables) {
    let report = [...reports].reverse().find((r) => r.format === t.format);
    if (!report || report.tables.some((x) => x.table === t.table)) {
      report = { format: t.format, tables: [], figures: {} };
      reports.push(report);
    }
    report.tables.push(t);
    Object.assign(report.figures, t.figures);
  }
  return reports;
}

/**
 * Body and year: the document's own title first (a report names itself), unless the tables' title
 * says they are another year's (last year's table in the same file); else the first table title
 * that names them; else the year from a sheet named "2022年".
 */
function factsOf(tables: RecognizedTable[], documentFacts: ReportFacts = {}): ReportFacts {
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
function lastYearIn<T extends RecognizedTable>(reports: ReportGroup<T>[], report: ReportGroup<T>): ReportGroup<T> | undefined {
  const year = tableFacts(report.tables).reportYear;
  if (!year) return undefined;
  return reports.find((r) => r !== report && tableFacts(r.tables).reportYear === year - 1);
}

