import { createExcelHost } from '../../src/excel/excelHost';
import { MARK_COLOURS } from '../../src/excel/highlight';
import { detectCapabilities } from '../../src/excel/requirements';
import { officeSettingsStore } from '../../src/host/officeSettings';
import type { PlannedWrite } from '../../src/core/types';
import { createFakeExcel, type FakeOptions, type FakeSheetInput } from './fakeExcel';

const n = (value: number) => ({ value });

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
  const apiSets = options.apiSets ?? { ExcelApi: '1.13' };
  const caps = detectCapabilities(
    (name, version) => fake.office.context.requirements.isSetSupported(name, version),
    options.platform === 'OfficeOnline',
  );
  void apiSets;
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

  test('takes three syncs whether the sheets hold ten cells or forty thousand', async () => {
    const small = setUp([table()]);
    await small.host.readWorkbook();
    const bigRows = Array.from({ length: 2000 }, (_, r) => Array.from({ length: 20 }, (_, c) => n(r * c)));
    const big = setUp([table(), { name: '大表', rows: bigRows }, { name: '另一张', rows: bigRows }]);
    const { workbook } = await big.host.readWorkbook();
    expect(workbook.sheets[1].rows[1999][19]).toEqual({ value: 1999 * 19, text: String(1999 * 19) });
    expect(small.fake.log.syncs).toBe(3);
    expect(big.fake.log.syncs).toBe(3);
  });

  test('on the web, splits sheets into batches under 5 MB and clips a sheet that alone is over it', async () => {
    const wide = Array.from({ length: 15000 }, (_, r) => Array.from({ length: 4 }, (_, c) => n(r + c)));
    const huge = Array.from({ length: 100000 }, (_, r) => [n(r), n(r), n(r)]);
    const { fake, host } = setUp([table(), { name: '甲', rows: wide }, { name: '乙', rows: wide }, { name: '巨', rows: huge }], {
      platform: 'OfficeOnline',
    });
    const { workbook, notices } = await host.readWorkbook();
    // 5 MB × 0.8 / 48 bytes ≈ 87 381 cells a batch: 统计表+甲 | 乙 | 巨 (clipped to 29 127 rows).
    expect(fake.log.syncs).toBe(2 + 3);
    expect(notices).toEqual([{ code: 'range-clipped', sheet: '巨', rowsRead: 29127, rowsTotal: 100000 }]);
    expect(workbook.sheets[3].rows).toHaveLength(29127);
    expect(workbook.sheets[2].rows).toHaveLength(15000);
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
    // The highlight's second sync (the write) applies two fills, then the connection drops.
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
    expect(fake.log.syncs).toBe(2);
    expect(host.hasTotalsUndo()).toBe(true);

    const undone = await host.undoTotals();
    expect(undone.written).toEqual(['统计表!C2', '统计表!C5']);
    expect(fake.cellAt('统计表', 'C2')?.value).toBe(9);
    expect(fake.cellAt('统计表', 'C5')).toBeUndefined();
    expect(host.hasTotalsUndo()).toBe(false);
  });

  test('a write that fails part way reports exactly which totals were written, and those can be undone', async () => {
    // applyTotals reads (sync 1) then writes (sync 2): the write applies one value, then fails.
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
