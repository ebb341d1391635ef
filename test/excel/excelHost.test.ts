import { createExcelHost } from '../../src/excel/excelHost';
import { CELL_FILLS as MARK_COLOURS } from '../../src/core/severity';
import { detectCapabilities } from '../../src/excel/requirements';
import { DocumentStoreFull } from '../../src/host/adapter';
import { officeSettingsStore } from '../../src/host/officeSettings';
import type { PlannedWrite } from '../../src/core/types';
import { analyzeWorkbook } from '../../src/core';
import type { Sheet } from '../../src/core/grid';
import { marksFor } from '../../src/taskpane/model';
import { legacySheet } from '../support/layouts';
import { createFakeExcel, payloadBytes, WEB_PAYLOAD_LIMIT, type FakeOptions, type FakeSheetInput } from './fakeExcel';

const n = (value: number) => ({ value });
const cellName = (row: number, col: number) => `${col >= 26 ? String.fromCharCode(64 + Math.floor(col / 26)) : ''}${String.fromCharCode(65 + (col % 26))}${row + 1}`;

/** A small statistics table: C2 = C3 + C4, with the user's own fills on some cells. */
function table(): FakeSheetInput {
  return {
    name: '统计表',
    rows: [
      [{ value: '统计指标' }, { value: '单位' }, { value: '统计数' }],
      [{ value: '收到申请数' }, { value: '件' }, n(9)],
      [{ value: '当面申请数' }, { value: '件' }, n(4)],
      [{ value: '网络申请数' }, { value: '件' }, { value: 6, formula: '=2*3' }],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    fills: {
      C2: { color: '#00B050', pattern: 'Solid' },
      C3: { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0.4, patternTintAndShade: 0 },
    },
  };
}

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
  test('reads values, display text, formulas, merges and protection into the grid model', async () => {
    const { host } = setUp([table(), { name: '空表', rows: [] }, { ...table(), name: '锁定', protected: true, fills: {} }]);
    const { workbook, notices } = await host.readWorkbook();
    expect(workbook.sheets.map((s) => s.name)).toEqual(['统计表', '空表', '锁定']);
    const sheet = workbook.sheets[0];
    expect(sheet.rows[1][2]).toEqual({ value: 9, text: '9' });
    expect(sheet.rows[3][2]).toEqual({ value: 6, text: '6', formula: '=2*3' });
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(workbook.sheets[1].rows).toEqual([]);
    expect(workbook.sheets[2].protected).toBe(true);
    expect(notices).toEqual([{ code: 'sheet-protected', sheet: '锁定' }]);
  });

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

  test('a formula whose result is 0, false or "" is read as that result, never as a blank cell (issue 11 §1)', async () => {
    const sheet: FakeSheetInput = {
      name: '统计表',
      rows: [
        [{ value: 0, formula: '=SUM(B1:B3)' }, { value: 0, text: '-', formula: '=C1-C1' }, { value: 0, text: '', formula: '=D1*0' }],
        [{ value: false, formula: '=A1>1' }, { value: '', formula: '=IF(A1=0,"",A1)' }, n(0)],
      ],
    };
    for (const apiSets of [{ ExcelApi: '1.13' }, { ExcelApi: '1.4' }]) {
      const { host } = setUp([sheet], { apiSets });
      const { workbook } = await host.readWorkbook();
      const [first, second] = workbook.sheets[0].rows;
      expect(first).toEqual([
        { value: 0, text: '0', formula: '=SUM(B1:B3)' },
        { value: 0, text: '-', formula: '=C1-C1' },
        { value: 0, text: '', formula: '=D1*0' },
      ]);
      expect(second).toEqual([{ value: false, text: 'false', formula: '=A1>1' }, { value: '', text: '', formula: '=IF(A1=0,"",A1)' }, { value: 0, text: '0' }]);
    }
  });

  test('a legacy table whose zeros are formulas checks exactly as the same table with typed zeros', async () => {
    const sheet = legacySheet('统计表');
    const zeros = sheet.rows.map((row) => row?.map((cell) => (cell?.value === 0 ? { value: 0, formula: '=0*1' } : cell)));
    expect(zeros.flat().filter((cell) => cell?.formula).length).toBeGreaterThan(5);
    const { host } = setUp([{ name: '统计表', rows: zeros, merges: sheet.merges }]);
    const { workbook } = await host.readWorkbook();
    const summary = (sheets: Sheet[]) => analyzeWorkbook({ sheets }).tables.flatMap((t) => t.findings.map((f) => [f.rule, f.kind, f.message]));
    expect(summary(workbook.sheets)).toEqual(summary([sheet]));
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
  test('highlight then clear restores every original fill exactly, including patterns and tints', async () => {
    const { fake, host } = setUp([table()]);
    const before = fake.allFills();
    const shown = await host.highlight(marks);
    expect(shown).toEqual({ marked: 4, restored: 0, notices: [] });
    expect(fake.fillAt('统计表', 'C2').color).toBe(MARK_COLOURS.error);
    expect(fake.fillAt('统计表', 'C4').color).toBe(MARK_COLOURS.error);
    expect(fake.fillAt('统计表', 'B2').color).toBe(MARK_COLOURS.hint);

    const cleared = await host.clearHighlights();
    expect(cleared.restored).toBe(4);
    expect(fake.allFills()).toEqual(before);
  });

  test('a write that fails part way loses no original: 清除标记 restores every cell that was painted', async () => {
    // The highlight's second sync (the write, after the fill read) applies two fills, then the connection drops.
    const { fake, host } = setUp([table()], { failSync: { at: 2, after: 2 } });
    const before = fake.allFills();
    await expect(host.highlight(marks)).rejects.toThrow('GeneralException');
    const painted = Object.entries(fake.allFills()).filter(([cell, fill]) => JSON.stringify(fill) !== JSON.stringify(before[cell]));
    expect(painted).toHaveLength(2);

    await host.clearHighlights();
    expect(fake.allFills()).toEqual(before);
  });

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

  test('re-validating restores cells no longer flagged and keeps the first original of cells flagged again', async () => {
    const { fake, host } = setUp([table()]);
    const before = fake.allFills();
    await host.highlight(marks);
    await host.highlight([{ cell: '统计表!C2', severity: 'warning' }]);
    expect(fake.fillAt('统计表', 'C2').color).toBe(MARK_COLOURS.warning);
    expect(fake.fillAt('统计表', 'C3')).toEqual(before['统计表!2,2']);
    expect(fake.fillAt('统计表', 'C4').pattern).toBe('None');
    await host.clearHighlights();
    expect(fake.allFills()).toEqual(before);
  });

  test('survives saving and reopening the workbook: the memory is in the document settings', async () => {
    const first = setUp([table()]);
    const before = first.fake.allFills();
    await first.host.highlight(marks);
    const savedFills = first.fake.allFills();

    // Reopen: same cells and fills as saved (highlights on), same saved settings, a fresh pane.
    const sheet = table();
    sheet.fills = {};
    for (const [key, fill] of Object.entries(savedFills)) {
      const [r, c] = key.split('!')[1].split(',').map(Number);
      sheet.fills[`${String.fromCharCode(65 + c)}${r + 1}`] = fill;
    }
    const reopened = setUp([sheet], { settings: first.fake.savedSettingsObject() });
    await reopened.host.clearHighlights();
    expect(reopened.fake.allFills()).toEqual(before);
  });

  test('a cell the user recoloured after marking keeps the user colour', async () => {
    const { fake, host } = setUp([table()]);
    await host.highlight(marks);
    fake.setFill('统计表', 'C4', { color: '#7030A0', pattern: 'Solid' });
    const cleared = await host.clearHighlights();
    expect(fake.fillAt('统计表', 'C4').color).toBe('#7030A0');
    expect(cleared.notices).toEqual([{ code: 'highlight-changed-by-user', cells: ['统计表!C4'] }]);
  });

  test('a protected sheet is not written to and is reported', async () => {
    const { fake, host } = setUp([{ ...table(), protected: true }]);
    const result = await host.highlight(marks);
    expect(result.notices).toEqual([{ code: 'sheet-protected', sheet: '统计表' }]);
    expect(fake.log.operations).toEqual([]);
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

describe('fills as real Excel reports them', () => {
  /** C2 solid white, C3 no fill, C4 a theme colour with a tint, B2 a pattern: Excel reports the first two alike. */
  function whiteAndNone(): FakeSheetInput {
    return {
      ...table(),
      fills: {
        C2: { color: '#FFFFFF', pattern: 'Solid' },
        C4: { color: '#4472C4', pattern: 'Solid', tintAndShade: 0.6 },
        B2: { color: '#FFFF00', pattern: 'LightUp', patternColor: '#FF0000' },
      },
    };
  }

  test('a white fill stays white and no fill stays none after 清除标记 (tintAndShade tells them apart)', async () => {
    const { fake, host } = setUp([whiteAndNone()]);
    const before = fake.allFills();
    await host.highlight(marks);
    expect(fake.fillAt('统计表', 'C3').color).toBe(MARK_COLOURS.error);
    await host.clearHighlights();
    expect(fake.fillAt('统计表', 'C2')).toMatchObject({ color: '#FFFFFF', pattern: 'Solid' });
    expect(fake.fillAt('统计表', 'C3').pattern).toBe('None');
    expect(fake.allFills()).toEqual(before);
  });

  test('a gradient fill is not marked (RangeFill cannot set it back), and the pane is told which cells', async () => {
    const sheet = table();
    sheet.fills = { C2: { color: '#5B9BD5', pattern: 'LinearGradient' } };
    const { fake, host } = setUp([sheet]);
    const before = fake.allFills();
    const outcome = await host.highlight(marks);
    expect(outcome.marked).toBe(3);
    expect(outcome.notices).toEqual([{ code: 'gradient-kept', cells: ['统计表!C2'] }]);
    expect(fake.fillAt('统计表', 'C2').pattern).toBe('LinearGradient');
    await host.clearHighlights();
    expect(fake.allFills()).toEqual(before);
  });

  test('a sheet renamed or deleted since marking: 清除标记 restores the rest, forgets it, and works again after', async () => {
    const { fake, host } = setUp([table(), { ...table(), name: '另表', fills: {} }]);
    await host.highlight([...marks, { cell: '另表!C2', severity: 'error' }]);
    fake.renameSheet('统计表', '表一');
    const cleared = await host.clearHighlights();
    expect(cleared.restored).toBe(1);
    expect(cleared.notices).toEqual([{ code: 'highlight-sheet-missing', sheets: ['统计表'] }]);
    expect(fake.fillAt('另表', 'C2').pattern).toBe('None');
    expect(fake.savedSettingsObject()).toEqual({});
    await expect(host.clearHighlights()).resolves.toEqual({ marked: 0, restored: 0, notices: [] });

    fake.deleteSheet('另表');
    await host.highlight([{ cell: '表一!C3', severity: 'hint' }]);
    await expect(host.highlight([{ cell: '另表!C3', severity: 'hint' }])).resolves.toMatchObject({ marked: 0, restored: 1 });
  });

  test('撤销 after the sheet of the totals was renamed: names the cells, forgets them, never fails for good', async () => {
    const { fake, host } = setUp([table()]);
    await host.applyTotals([{ cell: '统计表!C2', sheet: '统计表', row: 1, col: 2, indicator: 'x', label: '收到申请数', before: '9', after: 10, overwritesTyped: true }]);
    fake.renameSheet('统计表', '表一');
    const undone = await host.undoTotals();
    expect(undone).toEqual({ written: [], notices: [{ code: 'cell-changed', cells: ['统计表!C2'] }] });
    expect(host.hasTotalsUndo()).toBe(false);
    expect(fake.cellAt('表一', 'C2')?.value).toBe(10);
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

  test('refuses to mark, before changing anything, when remembering the cells would outgrow the budget', async () => {
    const fake = createFakeExcel({ sheets: [{ name: '大表', rows: grid(60, 50) }] });
    (globalThis as unknown as { Office: unknown }).Office = fake.office;
    const store = officeSettingsStore(fake.office.context.document.settings as unknown as Office.Settings, 16 * 1024);
    const host = createExcelHost(fake.run as never, store, detectCapabilities(() => true));
    const outcome = await host.highlight(every(60, 50));
    expect(outcome).toEqual({ marked: 0, restored: 0, notices: [{ code: 'too-many-marks', cells: 3000 }] });
    expect(fake.log.operations).toEqual([]);
    expect(fake.savedSettingsObject()).toEqual({});
  });

  test('a value over the budget is refused by the store itself, and nothing is set', () => {
    const fake = createFakeExcel({ sheets: [] });
    (globalThis as unknown as { Office: unknown }).Office = fake.office;
    const store = officeSettingsStore(fake.office.context.document.settings as unknown as Office.Settings, 1024);
    store.set('nianbao.facts.v1', { bodyName: '某县人民政府办公室' });
    expect(store.fits('nianbao.acknowledgements.v1', { x: 'y'.repeat(2000) })).toBe(false);
    expect(() => store.set('nianbao.acknowledgements.v1', { x: 'y'.repeat(2000) })).toThrow(DocumentStoreFull);
    expect(store.get('nianbao.acknowledgements.v1')).toBeUndefined();
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

describe('selecting a finding', () => {
  test('activates the sheet and selects every cell in one sync', async () => {
    const { fake, host } = setUp([table()]);
    await host.selectCells(['统计表!C2', '统计表!C3', '统计表!C4']);
    expect(fake.log.syncs).toBe(1);
    expect(fake.log.operations.map((op) => [op.kind, op.address])).toEqual([
      ['activate', ''],
      ['select', 'C2,C3,C4'],
    ]);
  });
});

describe('计算合计', () => {
  const plan = (cell: string, before: string, after: number, overwritesTyped = false): PlannedWrite => ({
    cell: `统计表!${cell}`,
    sheet: '统计表',
    row: Number(cell.slice(1)) - 1,
    col: cell.charCodeAt(0) - 65,
    indicator: 'x',
    label: '收到申请数',
    before,
    after,
    overwritesTyped,
  });

  test('writes totals, never over a formula, and undo puts back the typed value and the blank', async () => {
    const sheet = table();
    sheet.rows.push([{ value: '合计' }, { value: '件' }, null]);
    const { fake, host } = setUp([sheet]);
    const result = await host.applyTotals([plan('C2', '9', 10, true), plan('C4', '6', 7), plan('C5', '', 19)]);
    expect(result.written).toEqual(['统计表!C2', '统计表!C5']);
    expect(result.notices).toEqual([{ code: 'formula-kept', cells: ['统计表!C4'] }]);
    expect(fake.cellAt('统计表', 'C2')?.value).toBe(10);
    expect(fake.cellAt('统计表', 'C4')).toEqual({ value: 6, formula: '=2*3' });
    expect(fake.log.operations.filter((op) => op.kind === 'values').map((op) => op.address)).toEqual(['C2', 'C5']);
    // The re-check of every cell, the write.
    expect(fake.log.syncs).toBe(2);
    expect(host.hasTotalsUndo()).toBe(true);

    const undone = await host.undoTotals();
    expect(undone.written).toEqual(['统计表!C2', '统计表!C5']);
    expect(fake.cellAt('统计表', 'C2')?.value).toBe(9);
    expect(fake.cellAt('统计表', 'C5')).toBeUndefined();
    expect(host.hasTotalsUndo()).toBe(false);
  });

  test('a write that fails part way reports exactly which totals were written, and those can be undone', async () => {
    // applyTotals reads (sync 1), then writes (sync 2): the write applies one value, then fails.
    const { fake, host } = setUp([table()], { failSync: { at: 2, after: 1 } });
    const result = await host.applyTotals([plan('C2', '9', 10, true), plan('C3', '4', 8, true)]);
    expect(result.written).toEqual(['统计表!C2']);
    expect(result.notices).toEqual([{ code: 'write-incomplete', cells: ['统计表!C3'] }]);
    expect(fake.cellAt('统计表', 'C2')?.value).toBe(10);
    expect(fake.cellAt('统计表', 'C3')?.value).toBe(4);

    const undone = await host.undoTotals();
    expect(undone.written).toEqual(['统计表!C2']);
    expect(fake.cellAt('统计表', 'C2')?.value).toBe(9);
  });

  test('a cell edited since 校验 is left alone, both when writing and when undoing', async () => {
    const { fake, host } = setUp([table()]);
    fake.setCell('统计表', 'C3', n(5));
    const result = await host.applyTotals([plan('C2', '9', 10, true), plan('C3', '4', 8)]);
    expect(result.written).toEqual(['统计表!C2']);
    expect(result.notices).toEqual([{ code: 'cell-changed', cells: ['统计表!C3'] }]);

    fake.setCell('统计表', 'C2', n(11));
    const undone = await host.undoTotals();
    expect(undone.written).toEqual([]);
    expect(undone.notices).toEqual([{ code: 'cell-changed', cells: ['统计表!C2'] }]);
    expect(fake.cellAt('统计表', 'C2')?.value).toBe(11);
  });

  test('text that looks like a number comes back as text on undo', async () => {
    const sheet = table();
    sheet.rows[1][2] = { value: '9' };
    const { fake, host } = setUp([sheet]);
    await host.applyTotals([plan('C2', '9', 10, true)]);
    await host.undoTotals();
    expect(fake.cellAt('统计表', 'C2')).toEqual({ value: '9' });
  });

  test('a protected sheet is reported and not written', async () => {
    const { fake, host } = setUp([{ ...table(), protected: true }]);
    const result = await host.applyTotals([plan('C2', '9', 10, true)]);
    expect(result).toEqual({ written: [], notices: [{ code: 'sheet-protected', sheet: '统计表' }] });
    expect(fake.cellAt('统计表', 'C2')?.value).toBe(9);
  });
});
