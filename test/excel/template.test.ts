/**
 * 插入空白统计表 under the recording fake: a new sheet (统计表, or 统计表 (2) … when taken), the template's
 * values, merges, borders, fill, widths and number formats written in two syncs whatever the format, the
 * user's sheets untouched, and a protected workbook structure reported instead of failing.
 */
import { analyzeWorkbook, blankTemplate, type Workbook } from '../../src/core';
import { createExcelHost } from '../../src/excel/excelHost';
import { detectCapabilities } from '../../src/excel/requirements';
import { freeSheetName } from '../../src/host/templateLayout';
import { officeSettingsStore } from '../../src/host/officeSettings';
import { FORMATS } from '../../src/core/formats/registry';
import { indicatorsOf } from '../../src/core/templates/load';
import { national2021OneSheet } from '../support/layouts';
import { createFakeExcel, type FakeOptions } from './fakeExcel';

const SHEET = '统计表';

function setUp(workbook: Workbook, options: FakeOptions = {}) {
  const fake = createFakeExcel(workbook, options);
  (globalThis as unknown as { Office: unknown }).Office = fake.office;
  const caps = detectCapabilities((name, version) => fake.office.context.requirements.isSetSupported(name, version));
  const host = createExcelHost(fake.run as never, officeSettingsStore(fake.office.context.document.settings as unknown as Office.Settings), caps);
  return { fake, host };
}

/** The user's own sheets: a filled table on 统计表 (merged, coloured) and something on 统计表 (2). */
function usersWorkbook(): Workbook {
  return { sheets: [national2021OneSheet(SHEET), { name: '统计表 (2)', rows: [[{ value: '草稿' }]], merges: [] }] };
}

describe('insertBlankTemplate', () => {
  test.each(['national-2021', 'national-2019', 'legacy-2016'])('%s: a new sheet beside the user’s, in two syncs, read back with full confidence', async (format) => {
    const { fake, host } = setUp(usersWorkbook(), { platform: 'OfficeOnline' });
    fake.setFill(SHEET, 'B4', { color: '#FFFF00', pattern: 'Solid' });
    const before = fake.sheetNames().map((n) => fake.sheetState(n));
    const template = blankTemplate(format);

    const syncs = fake.log.syncs;
    const outcome = await host.insertBlankTemplate(template, SHEET);
    expect(fake.log.syncs - syncs).toBe(2);
    expect(outcome).toEqual({ sheet: '统计表 (3)', notices: [] });
    expect(fake.sheetNames()).toEqual([SHEET, '统计表 (2)', '统计表 (3)']);

    // Nothing the user has was touched: every write went to the new sheet, and the old sheets are as they were.
    expect(fake.log.operations.filter((op) => op.sheet !== '统计表 (3)')).toEqual([]);
    expect([SHEET, '统计表 (2)'].map((n) => fake.sheetState(n))).toEqual(before);

    const state = fake.sheetState('统计表 (3)')!;
    expect(state.merges).toEqual(expect.arrayContaining(template.merges));
    expect(state.merges).toHaveLength(template.merges.length);
    expect([...state.columnWidths.keys()].sort((a, b) => a - b)).toEqual(template.columnWidths.map((_, c) => c));
    // Rows whose labels wrap are made tall enough; the others keep Excel's height.
    const tall = template.rowLines.flatMap((lines, r) => (lines > 1 ? [[r, lines * 15]] : []));
    expect(tall.length).toBeGreaterThan(0);
    expect([...state.rowHeights.entries()].sort((a, b) => a[0] - b[0])).toEqual(tall);
    for (const cell of template.cells) {
      const key = `${cell.row},${cell.col}`;
      const formats = state.formats.get(key) ?? {};
      if (cell.role === 'figure') {
        expect(state.cells.get(key)).toBeUndefined();
        expect(formats.numberFormat).toBe(cell.numberFormat);
      } else expect(state.cells.get(key)?.value).toBe(cell.text);
      if (cell.bordered) expect(formats['borders.EdgeTop.style']).toBe('Continuous');
      else expect(formats['borders.EdgeTop.style']).toBeUndefined();
      if (cell.role === 'header') expect(state.fills.get(key)?.color).toBe('#D9D9D9');
    }

    // What the pane wrote, read back the way 校验 reads it: every indicator, blank, no loose label.
    const read = await host.readWorkbook();
    const analysis = analyzeWorkbook({ sheets: read.workbook.sheets.filter((s) => s.name === '统计表 (3)') });
    const expected = indicatorsOf(FORMATS.get(format).template).filter((i) => !i.row.optional).map((i) => i.id);
    expect(analysis.tables.flatMap((t) => Object.keys(t.figures)).sort()).toEqual(expected.sort());
    for (const t of analysis.tables) {
      expect(t.format).toBe(format);
      expect(t.missing).toEqual([]);
      expect(t.weakMatches).toEqual([]);
      expect(Object.values(t.figures).every((f) => f.reading.kind === 'blank')).toBe(true);
    }
  });

  test('with formulas: each total gets its SUM, still in two syncs', async () => {
    const { fake, host } = setUp({ sheets: [] });
    const template = blankTemplate('national-2021', { formulas: true });
    const syncs = fake.log.syncs;
    expect((await host.insertBlankTemplate(template, SHEET)).sheet).toBe(SHEET);
    expect(fake.log.syncs - syncs).toBe(2);
    const formulaCells = template.cells.filter((c) => c.formula);
    expect(formulaCells.length).toBeGreaterThan(0);
    const state = fake.sheetState(SHEET)!;
    for (const cell of formulaCells) expect(state.cells.get(`${cell.row},${cell.col}`)?.formula).toBe(`=${cell.formula}`);
  });

  test('a protected workbook structure: no sheet, a notice, one sync', async () => {
    const { fake, host } = setUp(usersWorkbook(), { structureProtected: true });
    const syncs = fake.log.syncs;
    const outcome = await host.insertBlankTemplate(blankTemplate('national-2021'), SHEET);
    expect(outcome).toEqual({ sheet: null, notices: [{ code: 'workbook-protected' }] });
    expect(fake.log.syncs - syncs).toBe(1);
    expect(fake.sheetNames()).toEqual([SHEET, '统计表 (2)']);
    expect(fake.log.operations).toEqual([]);
  });

  test('the sheet name: the first free one, compared without case as Excel does', () => {
    expect(freeSheetName(SHEET, [])).toBe(SHEET);
    expect(freeSheetName(SHEET, ['Sheet1', SHEET])).toBe('统计表 (2)');
    expect(freeSheetName('Table', ['table', 'TABLE (2)'])).toBe('Table (3)');
  });
});
