/**
 * The analysis: recognize the workbook's tables, group them into reports, and run every registered
 * check (checks/registry.ts) with the context its scope needs. Totals are planned separately
 * (planTotals), only where they are shown or written.
 */
import { checksOf, type AnyCheck, type TableCheckInput } from './checks/registry';
import { belongsToTable, mergeRowProblems, ownerOf } from './checks/recognition';
import type { Workbook } from './grid';
import { levelContext } from './plausibility';
import { recognizeWorkbook, type RecognitionProblem } from './recognize';
import { factsOf, groupReports, lastYearIn } from './reports';
import { factsFromDocument, withUserFacts } from './reportfacts';
import { bySeverity } from './severity';
import type { Finding, RecognizedTable, ReportFacts, TableResult, WorkbookAnalysis } from './types';

export interface AnalyzeOptions {
  /** What the user said about the report (body, level, year); it overrides what the titles say. */
  facts?: ReportFacts;
  /** Last year's workbook, for the cross-year checks. */
  previous?: Workbook;
  /** The report's prose, when the input has it: its title names the body and year; the statistics-period check. */
  text?: string;
  /** The page's own <title>, when the input is a web page. */
  pageTitle?: string;
}

/** Told each finding with the check that made it (for tests of the registry). */
export type FindingObserver = (check: AnyCheck, finding: Finding) => void;

const TABLE_CHECKS = checksOf('table');
const REPORT_CHECKS = checksOf('report');
const WORKBOOK_CHECKS = checksOf('workbook');

export function analyzeWorkbook(workbook: Workbook, options: AnalyzeOptions = {}, observe?: FindingObserver): WorkbookAnalysis {
  const run = <I>(checks: { run: (input: I) => Finding[] }[], input: I): Finding[] =>
    checks.flatMap((check) => {
      const found = check.run(input);
      if (observe) for (const f of found) observe(check as AnyCheck, f);
      return found;
    });
  const { tables: recognized, problems: found } = recognizeWorkbook(workbook);
  const problems = mergeRowProblems(found);
  const owned = new Map<RecognizedTable, RecognitionProblem[]>();
  const sheetProblems: RecognitionProblem[] = [];
  for (const p of problems) {
    const owner = ownerOf(p, recognized);
    if (belongsToTable(p, owner)) owned.set(owner, [...(owned.get(owner) ?? []), p]);
    else sheetProblems.push(p);
  }

  const notices: Finding[] = [];
  const reports = groupReports(recognized);
  const documentFacts = factsFromDocument(options.text, options.pageTitle);
  const external = options.previous ? groupReports(recognizeWorkbook(options.previous).tables)[0] : undefined;
  const checked = new Map<RecognizedTable, TableResult>();
  for (const report of reports) {
    const facts = withUserFacts(factsOf(report.tables, documentFacts), options.facts);
    const previous = external?.figures ?? lastYearIn(reports, report)?.figures;
    const context = { previous, level: levelContext(facts) };
    notices.push(...run(REPORT_CHECKS, { report, previous }));
    for (const table of report.tables) {
      const input: TableCheckInput = { table, context, statedYear: options.facts?.reportYear, problems: owned.get(table) ?? [] };
      checked.set(table, { ...table, findings: run(TABLE_CHECKS, input).sort(bySeverity) });
    }
  }
  const tables = recognized.map((t) => checked.get(t)!);
  notices.push(...run(WORKBOOK_CHECKS, { workbook, tables: recognized, problems, sheetProblems, text: options.text, statedYear: options.facts?.reportYear, documentFacts }));
  return { tables, notices, documentFacts };
}
