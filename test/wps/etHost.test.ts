import { blankTemplate, TEMPLATE_SHEET_NAME } from '../../src/core';
import { STORE_KEYS } from '../../src/host/adapter';
import { createEtHost, etHostFromWps } from '../../src/wps/etHost';
import { WPS_MESSAGES } from '../../src/wps/errors';
import { propertyStore, readParts, textParts } from '../../src/wps/store';
import type { EtApplication } from '../../src/wps/api';
import { fakeParts, spreadsheetHostSuite, table, type HarnessOptions, type HarnessSheet, type SpreadsheetHarness } from '../host/spreadsheetHostSuite';
import { legacySheet } from '../support/layouts';
import { createFakeEt, type FakeEtOptions } from './fakeEt';

/** The WPS 表格 fake as a harness of the shared spreadsheet host suite. */
function etHarness(sheets: HarnessSheet[], options: HarnessOptions = {}, fakeOptions: FakeEtOptions = {}): SpreadsheetHarness & { fake: ReturnType<typeof createFakeEt> } {
  // A failure after n cells written: the (n + 1)-th write fails.
  const fake = createFakeEt({ sheets }, { ...fakeOptions, ...(options.failAfterWrites !== undefined ? { failWriteAt: options.failAfterWrites + 1 } : {}) });
  const app = fake.application as unknown as EtApplication;
  const host = createEtHost(app, propertyStore(app.ActiveWorkbook!.CustomDocumentProperties, options.storeBudget));
  return {
    fake,
    host,
    readsText: false,
    ...fakeParts(fake),
    savedData: () => Object.fromEntries(fake.properties().map((p) => [p.name, p.value])),
    reopen() {
      const saved = fake.saved();
      return etHarness(saved.sheets, { storeBudget: options.storeBudget }, { properties: saved.properties });
    },
  };
}

spreadsheetHostSuite('WPS 表格', (sheets, options) => etHarness(sheets, options));

describe('WPS 表格: reading in as few calls as the object model allows', () => {
  test('each sheet is one Value2 and one Formula read of its whole used range, never a cell at a time', async () => {
    const rows = Array.from({ length: 2000 }, (_, r) => Array.from({ length: 20 }, (_, c) => ({ value: r * c })));
    const h = etHarness([table(), { name: '大表', rows }]);
    const { workbook } = await h.host.readWorkbook();
    expect(workbook.sheets[1].rows[1999][19]).toEqual({ value: 1999 * 19 });
    const reads = h.fake.log.reads;
    expect(reads.filter((r) => r.what === 'Value2').map((r) => [r.sheet, r.address])).toEqual([
      ['统计表', 'A1:C4'],
      ['大表', 'A1:T2000'],
    ]);
    expect(reads.filter((r) => r.what === 'Formula')).toHaveLength(2);
    // A sheet without merged cells: one MergeCells read says so.
    expect(reads.filter((r) => r.sheet === '大表' && r.what !== 'Value2' && r.what !== 'Formula').map((r) => r.what)).toEqual(['MergeCells']);
  });

  test('merged areas are found by halving, in a few reads each, not by a walk over every cell', async () => {
    const sheet = legacySheet('统计表');
    const cells = sheet.rows.reduce((sum, row) => sum + (row?.length ?? 0), 0);
    const h = etHarness([sheet]);
    const { workbook } = await h.host.readWorkbook();
    expect(workbook.sheets[0].merges).toHaveLength(sheet.merges.length);
    const mergeReads = h.fake.log.reads.filter((r) => r.what === 'MergeCells' || r.what === 'MergeArea').length;
    expect(sheet.merges.length).toBeGreaterThan(0);
    expect(mergeReads).toBeLessThan(cells / 2);
  });

  test('a used range that does not start at A1 keeps its cells where they are', async () => {
    const h = etHarness([{ name: '表', rows: [[], [], [null, null, { value: '统计指标' }, { value: 3 }]] }]);
    const { workbook } = await h.host.readWorkbook();
    expect(workbook.sheets[0].rows[2][2]).toEqual({ value: '统计指标' });
    expect(workbook.sheets[0].rows[2][3]).toEqual({ value: 3 });
    expect(h.fake.log.reads.find((r) => r.what === 'Value2')?.address).toBe('C3:D3');
  });

  test('an error a formula gives (COM hands it over as its HRESULT, a number) is read as its text, never as a figure', async () => {
    const h = etHarness([{ name: '表', rows: [[{ value: -2146826281, formula: '=1/0' }, { value: -2146826246, formula: '=NA()' }, { value: 5 }]] }]);
    const { workbook } = await h.host.readWorkbook();
    expect(workbook.sheets[0].rows[0]).toEqual([{ value: '#DIV/0!', formula: '=1/0' }, { value: '#N/A', formula: '=NA()' }, { value: 5 }]);
  });

  test('a one-cell sheet (Value2 a scalar) and an empty sheet read without error', async () => {
    const h = etHarness([{ name: '一格', rows: [[{ value: '年报' }]] }, { name: '空', rows: [] }]);
    const { workbook } = await h.host.readWorkbook();
    expect(workbook.sheets[0].rows[0][0]).toEqual({ value: '年报' });
    expect(workbook.sheets[1].rows.flat().filter(Boolean)).toEqual([]);
  });
});

describe('WPS 表格: writing', () => {
  test('a table without fills of its own is read in one look at the marked cells, and painted one Range() call a colour', async () => {
    const h = etHarness([{ ...table(), fills: {} }]);
    await h.host.highlight([
      { cell: '统计表!C2', severity: 'error' },
      { cell: '统计表!C3', severity: 'error' },
      { cell: '统计表!B2', severity: 'hint' },
    ]);
    expect(h.fake.log.reads.filter((r) => r.what.startsWith('Interior')).map((r) => r.address)).toEqual(['B2:C3']);
    expect([...new Set(h.fake.log.operations.filter((op) => op.kind === 'fill').map((op) => op.address))]).toEqual(['C2,C3', 'B2']);
  });

  test('adjacent totals down a column are one block write', async () => {
    const sheet = table();
    const h = etHarness([sheet]);
    const plan = (cell: string, before: string, after: number) => ({
      cell: `统计表!${cell}`, sheet: '统计表', row: Number(cell.slice(1)) - 1, col: 2, indicator: 'x', label: 'x', before, after, overwritesTyped: true,
    });
    const result = await h.host.applyTotals([plan('C2', '9', 10), plan('C3', '4', 5)]);
    expect(result.written).toEqual(['统计表!C2', '统计表!C3']);
    expect(h.fake.log.operations.filter((op) => op.kind === 'values')).toEqual([{ kind: 'values', sheet: '统计表', address: 'C2:C3', value: [[10], [5]] }]);
  });

  test('the blank template goes on a new sheet after the last, with its values, formulas, merges and borders', async () => {
    const h = etHarness([table(), { name: TEMPLATE_SHEET_NAME, rows: [] }]);
    const template = blankTemplate('national-2021', { formulas: true });
    const outcome = await h.host.insertBlankTemplate(template, TEMPLATE_SHEET_NAME);
    expect(outcome).toEqual({ sheet: `${TEMPLATE_SHEET_NAME} (2)`, notices: [] });
    expect(h.fake.sheetNames()).toEqual(['统计表', TEMPLATE_SHEET_NAME, `${TEMPLATE_SHEET_NAME} (2)`]);
    const state = h.fake.sheetState(`${TEMPLATE_SHEET_NAME} (2)`)!;
    expect(state.merges).toHaveLength(template.merges.length);
    const withFormula = template.cells.find((c) => c.formula)!;
    expect(state.cells.get(`${withFormula.row},${withFormula.col}`)?.formula).toBe(`=${withFormula.formula}`);
    const label = template.cells.find((c) => c.role === 'label' && c.text)!;
    expect(state.cells.get(`${label.row},${label.col}`)?.value).toBe(label.text);
    expect([...state.formats.values()].some((f) => f['borders.lineStyle'] === 1)).toBe(true);
    // The user's sheets are untouched.
    expect(h.fake.log.operations.every((op) => op.sheet === `${TEMPLATE_SHEET_NAME} (2)` || op.kind === 'add-sheet')).toBe(true);
  });

  test('a workbook whose structure is protected gets no sheet, and says why', async () => {
    const h = etHarness([table()], {}, { structureProtected: true });
    const outcome = await h.host.insertBlankTemplate(blankTemplate('national-2021', { formulas: false }), TEMPLATE_SHEET_NAME);
    expect(outcome).toEqual({ sheet: null, notices: [{ code: 'workbook-protected' }] });
    expect(h.fake.sheetNames()).toEqual(['统计表']);
  });

  test('no workbook open: no host when the pane opens, and an action after the workbook closed fails plainly', async () => {
    const fake = createFakeEt({ sheets: [table()] });
    const app = fake.application as unknown as EtApplication;
    const host = etHostFromWps(app)!;
    fake.closeWorkbook();
    await expect(host.readWorkbook()).rejects.toThrow(WPS_MESSAGES.nothingOpen);
    expect(etHostFromWps(app)).toBeNull();
  });

  test('another workbook in front: the pane works on none but its own, and says whose it is', async () => {
    const mine = createFakeEt({ sheets: [table()] }, { fullName: 'D:\\年报\\统计表.xlsx' });
    const other = createFakeEt({ sheets: [table()] }, { fullName: 'D:\\其他\\台账.xlsx' });
    const host = etHostFromWps(mine.application as unknown as EtApplication)!;
    mine.application.ActiveWorkbook = other.application.ActiveWorkbook;
    await expect(host.highlight([{ cell: '统计表!C2', severity: 'error' }])).rejects.toThrow(WPS_MESSAGES.otherFile('统计表.xlsx'));
    expect(other.log.operations).toEqual([]);
    expect(other.properties()).toEqual([]);
  });
});

describe('WPS 表格: the document store in custom document properties', () => {
  test('values are cut into properties of at most 255 characters and read back whole', async () => {
    const h = etHarness([table()]);
    const long = { note: '说明'.repeat(400), emoji: '𠀀'.repeat(200) };
    h.host.store.set(STORE_KEYS.acknowledgements, long);
    await h.host.store.save();
    const saved = h.fake.properties();
    expect(saved.length).toBeGreaterThan(4);
    expect(saved.every((p) => p.value.length <= 255 && p.name.startsWith(`${STORE_KEYS.acknowledgements}/`))).toBe(true);
    expect(h.reopen().host.store.get(STORE_KEYS.acknowledgements)).toEqual(long);
  });

  test("the user's own properties are kept, and a value cut short is unknown rather than half-read", async () => {
    const own = { name: '编制单位', value: '某县人民政府办公室' };
    const fake = createFakeEt({ sheets: [] }, { properties: [own] });
    const store = propertyStore((fake.application as unknown as EtApplication).ActiveWorkbook!.CustomDocumentProperties);
    store.set(STORE_KEYS.facts, { bodyName: 'x'.repeat(600) });
    await store.save();
    store.remove(STORE_KEYS.facts);
    await store.save();
    expect(fake.properties()).toEqual([own]);

    const parts = textParts(JSON.stringify({ bodyName: 'y'.repeat(600) }));
    const named = parts.map((value, i) => ({ name: `${STORE_KEYS.facts}/${i}`, value }));
    expect(readParts(named).get(STORE_KEYS.facts)).toEqual({ bodyName: 'y'.repeat(600) });
    expect(readParts(named.slice(1)).has(STORE_KEYS.facts)).toBe(false);
  });

  test('textParts never cuts a character in two', () => {
    const text = `a${'𠀀'.repeat(300)}`;
    const parts = textParts(text, 255);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 255 && !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });
});

describe('the fake is strict where WPS is', () => {
  const fake = () => createFakeEt({ sheets: [table()] }).application.ActiveWorkbook!;

  test('collections are 1-based', () => {
    expect(() => fake().Worksheets.Item(0)).toThrow('1-based');
    expect(fake().Worksheets.Item(1).Name).toBe('统计表');
  });

  test('Value2 is a scalar for one cell and rows of columns for several; a write must have the shape', () => {
    const sheet = fake().Worksheets.Item(1);
    expect(sheet.Range('C2').Value2).toBe(9);
    expect(sheet.Range('B2:C3').Value2).toEqual([['件', 9], ['件', 4]]);
    expect(() => (sheet.Range('C2:C3').Value2 = [[1, 2]])).toThrow('2×1');
  });

  test('a merged area holds its value in its top-left cell, refuses a partial write, and MergeCells reads null when mixed', () => {
    const sheet = fake().Worksheets.Item(1);
    expect(sheet.Range('A1:B1').Value2).toEqual([['统计指标', undefined]]);
    expect(() => (sheet.Range('B1').Value2 = 'x')).toThrow('合并单元格');
    expect(sheet.Range('A1:C1').MergeCells).toBeNull();
    expect(sheet.Range('A1:B1').MergeCells).toBe(true);
    expect(sheet.Range('A2:C4').MergeCells).toBe(false);
    expect(() => sheet.Range('A1:B1').MergeArea).toThrow('single-cell');
  });

  test('a protected sheet refuses writes', () => {
    const protectedSheet = createFakeEt({ sheets: [{ ...table(), protected: true }] }).application.ActiveWorkbook!.Worksheets.Item(1);
    expect(() => (protectedSheet.Range('C2').Value2 = 10)).toThrow('受保护');
    expect(() => (protectedSheet.Range('C2').Interior.Color = 255)).toThrow('受保护');
  });
});
