import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import { analyzeWorkbook } from '../../src/core';
import { createExcelHost } from '../../src/excel/excelHost';
import { detectCapabilities } from '../../src/excel/requirements';
import { officeSettingsStore } from '../../src/host/officeSettings';
import { loadWorkbook, workbookToGrid } from '../../src/io/xlsx';
import { marksFor } from '../../src/taskpane/model';
import { createFakeExcel } from './fakeExcel';

const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');
const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx'));

/** What 校验 does in the pane: read, analyze, mark; counted in context.sync() calls. */
async function validateSample(file: string) {
  const grid = workbookToGrid(await loadWorkbook(readFileSync(path.join(SAMPLES, file)), file));
  const fake = createFakeExcel(grid);
  (globalThis as unknown as { Office: unknown }).Office = fake.office;
  const caps = detectCapabilities(() => true);
  const host = createExcelHost(fake.run as never, officeSettingsStore(fake.office.context.document.settings as unknown as Office.Settings), caps);
  const read = await host.readWorkbook();
  const analysis = analyzeWorkbook(read.workbook);
  const marks = marksFor(analysis, {});
  await host.highlight(marks);
  return { fake, grid, read, analysis, marks };
}

describe.each(files)('validating the sample %s through the Excel adapter', (file) => {
  test('reads the same grid the .xlsx reader sees in two syncs, plus two to mark cells', async () => {
    const { fake, grid, read, analysis, marks } = await validateSample(file);
    const direct = analyzeWorkbook(grid);
    expect(analysis.tables.map((t) => [t.table, t.range, t.findings.length])).toEqual(direct.tables.map((t) => [t.table, t.range, t.findings.length]));
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
    // The sheet list, then every sheet's size and content; then the fills read and the highlight write
    // when there is anything to mark.
    expect(fake.log.syncs).toBe(marks.length > 0 ? 4 : 2);
    expect(fake.log.runs).toBe(2);
  });
});

test('the legacy seed marks every cell of its channel-sum finding', async () => {
  const { fake, analysis, marks } = await validateSample('2017-legacy-seed.xlsx');
  const cells = analysis.tables.flatMap((t) => t.findings).flatMap((f) => f.cells);
  expect(cells.length).toBeGreaterThan(1);
  expect(new Set(marks.map((m) => m.cell))).toEqual(new Set(cells));
  expect(fake.log.operations.filter((op) => op.kind === 'fill')).toHaveLength(new Set(cells).size);
});
