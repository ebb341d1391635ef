import { analyzeWorkbook, type Cell, type CellValue, type PlannedWrite, type Workbook, type WorkbookAnalysis } from '../../src/core';

/** A deep copy, so a test can change cells without touching a shared fixture. */
export function clone(wb: Workbook): Workbook {
  return JSON.parse(JSON.stringify(wb));
}

/** Sets the cell of an indicator (located by a first analysis) and returns the edited copy. */
export function withFigures(wb: Workbook, values: Record<string, CellValue | Cell>): Workbook {
  const copy = clone(wb);
  const analysis = analyzeWorkbook(copy);
  for (const [id, value] of Object.entries(values)) {
    const f = analysis.tables.map((t) => t.figures[id]).find(Boolean);
    if (!f) throw new Error(`no figure ${id}`);
    const sheet = copy.sheets.find((s) => s.name === f.sheet)!;
    while (sheet.rows.length <= f.row) sheet.rows.push([]);
    sheet.rows[f.row] = sheet.rows[f.row] ?? [];
    sheet.rows[f.row][f.col] = value !== null && typeof value === 'object' ? value : { value };
  }
  return copy;
}

export function applyWrites(wb: Workbook, writes: PlannedWrite[]): Workbook {
  const copy = clone(wb);
  for (const w of writes) {
    const sheet = copy.sheets.find((s) => s.name === w.sheet)!;
    sheet.rows[w.row] = sheet.rows[w.row] ?? [];
    sheet.rows[w.row][w.col] = { value: w.after };
  }
  return copy;
}

export function findings(a: WorkbookAnalysis) {
  return [...a.notices, ...a.tables.flatMap((t) => t.findings)];
}

export function figureValue(a: WorkbookAnalysis, id: string): number | null | undefined {
  return a.tables.map((t) => t.figures[id]).find(Boolean)?.value;
}
