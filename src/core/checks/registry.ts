/**
 * Every check the engine runs, each a registered unit (after Arelle's validation plugins): an id, the
 * scope it looks at, the severity of what it finds, and a run that makes its findings through
 * makeFinding. analyzeWorkbook runs them in this order; a table's findings are then sorted by severity.
 *   table    — one recognized table, with its report's context (last year's figures, the body's level)
 *   report   — the figures of one report (tables 二, 三, 四 together), with last year's
 *   workbook — everything recognized, and what could not be; the findings are notices (no table's own)
 */
import type { Workbook } from '../grid';
import { identicalToLastYear, statisticsPeriod, titleYearMismatch } from '../plausibility';
import type { RecognitionProblem } from '../recognize';
import { factsOf, type ReportGroup } from '../reports';
import { checkRelations, type CheckContext } from '../rules';
import { templateById } from '../templates';
import type { Figure, Finding, RecognizedTable, ReportFacts, Severity } from '../types';
import { checkValues } from '../valuechecks';
import { missingRows, mixedTableFormats, noTemplate, problemFinding, severalTables, tableUnreadable, weakLabels } from './recognition';

export interface TableCheckInput {
  table: RecognizedTable;
  context: CheckContext;
  /** The report year the user stated, if any. */
  statedYear?: number;
  /** What recognition could not read in this table. */
  problems: RecognitionProblem[];
}

export interface ReportCheckInput {
  report: ReportGroup;
  /** Last year's figures (another workbook, or last year's tables in this one). */
  previous?: Record<string, Figure>;
}

export interface WorkbookCheckInput {
  workbook: Workbook;
  tables: RecognizedTable[];
  /** Every recognition problem, rows of one table merged. */
  problems: RecognitionProblem[];
  /** Those that belong to no recognized table (or to the sheet: columns not found). */
  sheetProblems: RecognitionProblem[];
  /** The report's prose, when the input has it. */
  text?: string;
  /** The report year the user stated, if any. */
  statedYear?: number;
  /** Body and year the document's own title names. */
  documentFacts?: ReportFacts;
}

interface ScopeInputs {
  table: TableCheckInput;
  report: ReportCheckInput;
  workbook: WorkbookCheckInput;
}

export type CheckScope = keyof ScopeInputs;

export interface Check<S extends CheckScope = CheckScope> {
  /** The rule id of its findings, or the family of rule ids it makes. */
  readonly id: string;
  readonly scope: S;
  /** The severity of every finding it makes; 'per-rule' when each rule has its own (stated where the rule is). */
  readonly severity: Severity | 'per-rule';
  readonly run: (input: ScopeInputs[S]) => Finding[];
}

export type AnyCheck = { [S in CheckScope]: Check<S> }[CheckScope];

const check = <S extends CheckScope>(c: Check<S>): Check<S> => c;

export const CHECKS: readonly AnyCheck[] = [
  // Severity per problem: a merged cell over two figures is an error, the rest warnings.
  check({ id: 'recognition.table-problems', scope: 'table', severity: 'per-rule', run: ({ table, problems }) => problems.map((p) => problemFinding(p, table)) }),
  // VALUE_SEVERITY in valuechecks.ts.
  check({ id: 'value', scope: 'table', severity: 'per-rule', run: ({ table }) => checkValues(table) }),
  // The template's rules (their severity), hints for the relationships not checked.
  check({ id: 'relations', scope: 'table', severity: 'per-rule', run: ({ table, context }) => checkRelations(table, templateById(table.format), context) }),
  check({ id: 'recognition.missing-rows', scope: 'table', severity: 'warning', run: ({ table }) => missingRows(table) }),
  check({ id: 'recognition.weak-label', scope: 'table', severity: 'hint', run: ({ table }) => weakLabels(table) }),
  check({ id: 'plausibility.title-year', scope: 'table', severity: 'warning', run: ({ table, statedYear }) => listed(titleYearMismatch(table, statedYear)) }),
  check({
    id: 'cross-year.identical',
    scope: 'report',
    severity: 'warning',
    run: ({ report, previous }) => listed(previous ? identicalToLastYear(report.format, report.figures, previous) : null),
  }),
  check({ id: 'recognition.table-unreadable', scope: 'workbook', severity: 'warning', run: ({ tables, problems }) => tableUnreadable(tables, problems) }),
  check({
    id: 'plausibility.statistics-period',
    scope: 'workbook',
    severity: 'warning',
    run: ({ text, statedYear, tables, documentFacts }) => listed(text ? statisticsPeriod(text, statedYear ?? factsOf(tables, documentFacts).reportYear) : null),
  }),
  check({ id: 'recognition.sheet-problems', scope: 'workbook', severity: 'per-rule', run: ({ sheetProblems }) => sheetProblems.map((p) => problemFinding(p, undefined)) }),
  check({ id: 'recognition.mixed-table-formats', scope: 'workbook', severity: 'warning', run: ({ tables }) => mixedTableFormats(tables) }),
  check({ id: 'recognition.no-template', scope: 'workbook', severity: 'error', run: ({ tables, problems, workbook }) => noTemplate(tables, problems, workbook) }),
  check({ id: 'recognition.several-tables', scope: 'workbook', severity: 'hint', run: ({ tables }) => severalTables(tables) }),
];

function listed(finding: Finding | null): Finding[] {
  return finding ? [finding] : [];
}

export function checksOf<S extends CheckScope>(scope: S): Check<S>[] {
  return CHECKS.filter((c): c is Check<S> & AnyCheck => c.scope === scope) as Check<S>[];
}
