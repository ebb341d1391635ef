import { createExcelHost } from '../../src/excel/excelHost';
import { CELL_FILLS as MARK_COLOURS } from '../../src/core/severity';
import { detectCapabilities } from '../../src/excel/requirements';
import { officeSettingsStore } from '../../src/host/officeSettings';
import type { PlannedWrite } from '../../src/core/types';
import { analyzeWorkbook } from '../../src/core';
import { marksFor } from '../../src/taskpane/model';
import { legacySheet } from '../support/layouts';
import { fakeParts, spreadsheetHostSuite, table, type HarnessFill, type HarnessOptions, type HarnessSheet, type SpreadsheetHarness } from '../host/spreadsheetHostSuite';
import { createFakeExcel, payloadBytes, WEB_PAYLOAD_LIMIT, type FakeOptions, type FakeSheetInput } from './fakeExcel';

const n = (value: number) => ({ value });
const cellName = (row: number, col: number) => `${col >= 26 ? String.fromCharCode(64 + Math.floor(col / 26)) : ''}${String.fromCharCode(65 + (col % 26))}${row + 1}`;

function setUp(sheets: FakeSheetInput[], options: FakeOptions = {}) {
  const fake = createFakeExcel({ sheets }, options);
  (globalThis as unknown as { Office: unknown }).Office = fake.office;
  const caps = detectCapabilities((name, version) => fake.office.context.requirements.isSetSupported(name, version));
  const store = officeSettingsStore(fake.office.context.document.settings as unknown as Office.Settings);
  const host = createExcelHost(fake.run as never, store, caps);
  return { fake, host };
}

const marks = [
  { cell: '统计表!C2', severity: 'error' as const },
  { cell: '统计表!C3', severity: 'error' as const },
  { cell: '统计表!C4', severity: 'error' as const },
  { cell: '统计表!B2', severity: 'hint' as const },
];

describe('reading the workbook', () => {
  test('a small workbook takes two syncs; forty thousand cells a few more, never one per row', async () => {
    const small = setUp([table()]);
    await small.host.readWorkbook();
    expect(small.fake.log.syncs).toBe(2);
    const bigRows = Array.from({ length: 2000 }, (_, r) => Array.from({ length: 20 }, (_, c) => n(r * c)));
    const big = setUp([table(), { name: '大表', rows: bigRows }, { name: '另一张', rows: bigRows }]);
    const { workbook } = await big.host.readWorkbook();
    expect(workbook.sheets[1].rows[1999][19]).toEqual({ value: 1999 * 19, text: String(1999 * 19) });
    expect(workbook.sheets[2].rows).toHaveLength(2000);
    // The first piece is sized by a generous guess, the rest by what it actually weighed.
    expect(big.fake.log.syncs).toBeLessThanOrEqual(5);
    expect(Math.max(...big.fake.log.payloads.map((p) => p.response))).toBeLessThan(4 * 1024 * 1024);
  });

  test('on the web, reads sheets of any size in pieces under 5 MB, every row of them', async () => {
    const wide = Array.from({ length: 15000 }, (_, r) => Array.from({ length: 4 }, (_, c) => n(r + c)));
    const huge = Array.from({ length: 100000 }, (_, r) => [n(r), n(r), n(r)]);
    const { fake, host } = setUp([table(), { name: '甲', rows: wide }, { name: '乙', rows: wide }, { name: '巨', rows: huge }], {
      platform: 'OfficeOnline',
    });
    const { workbook, notices } = await host.readWorkbook();
    expect(notices).toEqual([]);
    expect(workbook.sheets[3].rows).toHaveLength(100000);
    expect(workbook.sheets[3].rows[99999][2]).toEqual({ value: 99999, text: '99999' });
    expect(workbook.sheets[2].rows).toHaveLength(15000);
    expect(fake.log.syncs).toBeLessThanOrEqual(6);
    expect(Math.max(...fake.log.payloads.map((p) => p.response))).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
  });

  test('a sheet larger than the pane reads (a stray value a million rows down) is cut, and it says so', async () => {
    const { host } = setUp([{ name: '散', rows: [[n(1), n(2), n(3), n(4), n(5)], ...Array(399_998), [n(6)]] }]);
    const { workbook, notices } = await host.readWorkbook();
    expect(notices).toEqual([{ code: 'range-clipped', sheet: '散', rowsRead: 200_000, rowsTotal: 400_000 }]);
    expect(workbook.sheets[0].rows[0][4]).toEqual({ value: 5, text: '5' });
  });

  test('3,000 × 15 cells of short Chinese text beside the statistics table: validated on the web within 5 MB', async () => {
    // Each cell as values and text (and formulas, read for every cell before) weighs ~150–230 bytes as
    // escaped JSON: the whole sheet is well over Excel on the web's 5 MB in one response.
    const notes = Array.from({ length: 3000 }, (_, r) => Array.from({ length: 15 }, (_, c) => ({ value: `某某街道办事处第${r + 1}件来信登记${c + 1}` })));
    const sheets = [legacySheet('统计表'), { name: '来信登记', rows: notes, merges: [] }];
    const { fake, host } = setUp(sheets, { platform: 'OfficeOnline' });
    const { workbook, notices } = await host.readWorkbook();
    expect(notices).toEqual([]);
    expect(workbook.sheets[1].rows[2999][14]).toEqual({ value: '某某街道办事处第3000件来信登记15', text: '某某街道办事处第3000件来信登记15' });
    expect(payloadBytes(notes.map((row) => row.map((c) => c.value)))).toBeGreaterThan(WEB_PAYLOAD_LIMIT / 2);

    const analysis = analyzeWorkbook(workbook);
    const direct = analyzeWorkbook({ sheets });
    expect(analysis.tables.map((t) => [t.table, t.range, t.findings.length])).toEqual(direct.tables.map((t) => [t.table, t.range, t.findings.length]));
    expect(analysis.tables[0].findings.length).toBeGreaterThan(0);
    const outcome = await host.highlight(marksFor(analysis, {}));
    expect(outcome.marked).toBeGreaterThan(1);
    expect(Math.max(...fake.log.payloads.map((p) => Math.max(p.request, p.response)))).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
  });

  test('a piece heavier than its estimate is refused by Excel on the web and read again in halves', async () => {
    // Short numbers first set a small estimate; long text then arrives in a piece sized by it.
    const numbers = Array.from({ length: 6000 }, (_, r) => Array.from({ length: 10 }, () => n(r % 10)));
    const long = '很长的说明文字'.repeat(12);
    const text = Array.from({ length: 4000 }, (_, r) => Array.from({ length: 10 }, () => ({ value: `${long}${r}` })));
    const { fake, host } = setUp([{ name: '数', rows: numbers }, { name: '文', rows: text }], { platform: 'OfficeOnline' });
    const { workbook } = await host.readWorkbook();
    expect(fake.log.payloads.some((p) => p.response > WEB_PAYLOAD_LIMIT)).toBe(true);
    expect(workbook.sheets[1].rows).toHaveLength(4000);
    expect(workbook.sheets[1].rows[3999][9]?.value).toBe(`${long}3999`);
    expect(workbook.sheets[0].rows[5999][9]).toEqual({ value: 9, text: '9' });
  });

  test('formulas are read only for the cells that hold one (ExcelApi 1.9), everywhere else values and text', async () => {
    const rows = Array.from({ length: 3000 }, (_, r) => [n(r), n(r + 1), { value: 2 * r + 1, formula: `=A${r + 1}+B${r + 1}` }, n(r + 2), n(r + 3), n(r + 4)]);
    const targeted = setUp([{ name: '表', rows }]);
    const everywhere = setUp([{ name: '表', rows }], { apiSets: { ExcelApi: '1.4' } });
    const [a, b] = [await targeted.host.readWorkbook(), await everywhere.host.readWorkbook()];
    expect(a.workbook.sheets[0].rows).toEqual(b.workbook.sheets[0].rows);
    expect(a.workbook.sheets[0].rows[2999][2]).toEqual({ value: 5999, text: '5999', formula: '=A3000+B3000' });
    expect(a.workbook.sheets[0].rows[2999][3]).toEqual({ value: 3001, text: '3001' });
    // Reading formulas everywhere sends every constant a second time.
    const constants = rows.map((row) => [row[0], row[1], row[3], row[4], row[5]].map((cell) => cell.value));
    // Everything after the sheet list: the windows and the pieces after them.
    const content = (fake: typeof targeted.fake) => fake.log.payloads.slice(1).reduce((sum, p) => sum + p.response, 0);
    expect(content(everywhere.fake) - content(targeted.fake)).toBeGreaterThan(payloadBytes(constants) * 0.9);
  });

  test('more than 512 merged areas (getMergedAreasOrNullObject fails): read in parts, each merge once', async () => {
    const rows = Array.from({ length: 1300 }, (_, r) => [{ value: `标签${r}` }, null, n(r)]);
    const merges = Array.from({ length: 650 }, (_, i) => ({ top: 2 * i, left: 0, bottom: 2 * i + 1, right: 1 }));
    const { fake, host } = setUp([{ name: '合并', rows, merges }]);
    const { workbook, notices } = await host.readWorkbook();
    expect(notices).toEqual([]);
    expect(workbook.sheets[0].rows[1299][2]).toEqual({ value: 1299, text: '1299' });
    expect([...workbook.sheets[0].merges].sort((x, y) => x.top - y.top)).toEqual(merges);
    expect(fake.log.syncs).toBeLessThanOrEqual(8);
  });

  test('a single row with more than 512 merged areas: the rest is read, and the row is named', async () => {
    const row = Array.from({ length: 1100 }, (_, c) => (c % 2 === 0 ? { value: `列${c}` } : null));
    const merges = Array.from({ length: 550 }, (_, i) => ({ top: 0, left: 2 * i, bottom: 0, right: 2 * i + 1 }));
    const { host } = setUp([{ name: '宽', rows: [row, [n(1)]], merges }, table()]);
    const { workbook, notices } = await host.readWorkbook();
    expect(notices).toEqual([{ code: 'merges-unread', sheet: '宽', firstRow: 1, lastRow: 1 }]);
    expect(workbook.sheets[0].rows[0][0]).toEqual({ value: '列0', text: '列0' });
    expect(workbook.sheets[1].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });
  test('without ExcelApi 1.13 it reads everything but the merged areas', async () => {
    const { host } = setUp([table()], { apiSets: { ExcelApi: '1.9' } });
    const { workbook } = await host.readWorkbook();
    expect(workbook.sheets[0].merges).toEqual([]);
    expect(workbook.sheets[0].rows[1][2]).toEqual({ value: 9, text: '9' });
  });
});

describe('highlighting', () => {
  test('takes one read and one write sync for any number of marked cells', async () => {
    const rows = Array.from({ length: 300 }, (_, r) => Array.from({ length: 10 }, (_, c) => n(r + c)));
    const { fake, host } = setUp([{ name: '统计表', rows }]);
    const many = rows.flatMap((row, r) => row.map((_, c) => ({ cell: `统计表!${String.fromCharCode(65 + c)}${r + 1}`, severity: 'warning' as const })));
    await host.highlight(many);
    expect(fake.log.syncs).toBe(2);
    expect(fake.log.operations.filter((op) => op.kind === 'fill')).toHaveLength(3000);
    await host.clearHighlights();
    expect(fake.log.syncs).toBe(4);
    expect(fake.allFills()).toEqual({});
  });

  test('with ExcelApi 1.1 fills only, a white "no fill" cell is cleared back rather than painted white', async () => {
    const { fake, host } = setUp([table()], { apiSets: { ExcelApi: '1.4' } });
    await host.highlight(marks);
    await host.clearHighlights();
    expect(fake.fillAt('统计表', 'C4').pattern).toBe('None');
    expect(fake.fillAt('统计表', 'C2').color).toBe('#00B050');
    expect(fake.log.syncs).toBe(4);
  });
});

describe('what the pane keeps in the document settings', () => {
  const grid = (rows: number, cols: number) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => n(r + c)));
  const every = (rows: number, cols: number) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => ({ cell: `大表!${cellName(r, c)}`, severity: 'warning' as const }))).flat();

  test('remembers 20,000 marked cells in a few bytes each, well inside what Office saves', async () => {
    const { fake, host } = setUp([{ name: '大表', rows: grid(200, 100) }]);
    const outcome = await host.highlight(every(200, 100));
    expect(outcome.marked).toBe(20000);
    const saved = JSON.stringify(fake.savedSettingsObject());
    expect(saved.length / 20000).toBeLessThan(20);
    await host.clearHighlights();
    expect(fake.allFills()).toEqual({});
  });

  test('marks remembered by the first version (v1) are still restored, then stored the compact way', async () => {
    const v1 = {
      'nianbao.highlights.v1': {
        cells: {
          '统计表!C2': { original: { color: '#00B050', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 }, mark: MARK_COLOURS.error },
          '统计表!C4': { original: { color: '#FFFFFF', pattern: 'None' }, mark: MARK_COLOURS.error },
        },
      },
    };
    const sheet = table();
    sheet.fills = { C2: { color: MARK_COLOURS.error, pattern: 'Solid' }, C4: { color: MARK_COLOURS.error, pattern: 'Solid' } };
    const { fake, host } = setUp([sheet], { settings: v1 });
    expect(await host.clearHighlights()).toMatchObject({ restored: 2 });
    expect(fake.fillAt('统计表', 'C2')).toMatchObject({ color: '#00B050', pattern: 'Solid' });
    expect(fake.fillAt('统计表', 'C4').pattern).toBe('None');
    expect(fake.savedSettingsObject()).toEqual({});
  });
});

describe('Excel\'s syncs for what the shared suite checks', () => {
  test('selecting a finding takes one sync', async () => {
    const { fake, host } = setUp([table()]);
    await host.selectCells(['统计表!C2', '统计表!C3', '统计表!C4']);
    expect(fake.log.syncs).toBe(1);
  });

  test('计算合计 takes two syncs whatever the number of totals: the re-check of every cell, the write', async () => {
    const sheet = table();
    sheet.rows.push([{ value: '合计' }, { value: '件' }, null]);
    const { fake, host } = setUp([sheet]);
    const plan = (cell: string, before: string, after: number): PlannedWrite => ({
      cell: `统计表!${cell}`, sheet: '统计表', row: Number(cell.slice(1)) - 1, col: 2, indicator: 'x', label: '收到申请数', before, after, overwritesTyped: true,
    });
    await host.applyTotals([plan('C2', '9', 10), plan('C4', '6', 7), plan('C5', '', 19)]);
    expect(fake.log.syncs).toBe(2);
  });
});

/** The Excel fake as a harness of the shared spreadsheet host suite. */
function excelHarness(sheets: HarnessSheet[], options: HarnessOptions = {}, settings?: Record<string, unknown>): SpreadsheetHarness {
  const fake = createFakeExcel({ sheets }, { settings, ...(options.failAfterWrites !== undefined ? { failSync: { at: 2, after: options.failAfterWrites } } : {}) });
  (globalThis as unknown as { Office: unknown }).Office = fake.office;
  const caps = detectCapabilities((name, version) => fake.office.context.requirements.isSetSupported(name, version));
  const store = officeSettingsStore(fake.office.context.document.settings as unknown as Office.Settings, options.storeBudget);
  const host = createExcelHost(fake.run as never, store, caps);
  return {
    host,
    readsText: true,
    ...fakeParts(fake),
    savedData: fake.savedSettingsObject,
    reopen() {
      // The cells and fills as saved (highlights on), the settings as saved, a fresh pane.
      const saved = fake.sheetNames().map((name) => {
        const state = fake.sheetState(name)!;
        const rows: HarnessSheet['rows'] = [];
        for (const [key, cell] of state.cells) {
          const [r, c] = key.split(',').map(Number);
          (rows[r] ??= [])[c] = cell;
        }
        const fills: Record<string, HarnessFill> = {};
        for (const [key, fill] of state.fills) {
          const [r, c] = key.split(',').map(Number);
          fills[cellName(r, c)] = fill;
        }
        return { name, rows: Array.from(rows, (row) => row ?? []), merges: state.merges, fills };
      });
      return excelHarness(saved, options, fake.savedSettingsObject());
    },
  };
}

spreadsheetHostSuite('Excel', (sheets, options) => excelHarness(sheets, options));
