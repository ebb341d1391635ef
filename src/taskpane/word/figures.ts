import type { ReportFigures, Workbook } from '../../core';
import type { Engine } from '../engine';

/** Figures loaded for the Word pane, with what the user should be told about them. */
export interface LoadedFigures {
  report: ReportFigures | null;
  /** Where they came from, as the pane names it. */
  source: string;
  /** The recognized tables' names, e.g. 表三 收到和处理政府信息公开申请情况. */
  tableNames: string[];
  reports: number;
  /** Error-severity findings of the table itself (its own arithmetic). */
  tableErrors: number;
}

/**
 * The first report recognized in the workbook. Tables in a Word report carry no title of their own:
 * the document's title (某县人民政府办公室2023年政府信息公开工作年度报告) names the body and year instead.
 */
export function figuresFrom(engine: Engine, workbook: Workbook, source: string, documentTitle?: string): LoadedFigures {
  const analysis = engine.analyzeWorkbook(workbook);
  const reports = engine.reportFigures(analysis);
  const tableErrors = analysis.tables.flatMap((t) => t.findings).filter((f) => f.severity === 'error').length;
  const report = reports[0] ?? null;
  if (report && documentTitle && report.facts.reportYear === undefined) Object.assign(report.facts, engine.factsFromTitle(documentTitle));
  const tableNames = report ? [...new Set(analysis.tables.filter((t) => t.format === report.format && report.tables.includes(t.table)).map((t) => t.tableName))] : [];
  return { report, source, tableNames, reports: reports.length, tableErrors };
}

/**
 * A picked .xlsx, read in the browser through the same guarded reader as the CLI (the package inspected
 * before exceljs builds anything, every formula's cached result kept); exceljs loads only now.
 */
export async function workbookFromFile(file: File): Promise<Workbook> {
  const { loadWorkbook, workbookToGrid } = await import(/* webpackChunkName: "xlsx" */ '../../io/xlsx');
  return workbookToGrid(await loadWorkbook(new Uint8Array(await file.arrayBuffer()), file.name));
}
