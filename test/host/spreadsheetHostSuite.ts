import { analyzeWorkbook } from '../../src/core';
import type { Sheet } from '../../src/core/grid';
import { CELL_FILLS as MARK_COLOURS } from '../../src/core/severity';
import type { PlannedWrite } from '../../src/core/types';
import { DocumentStoreFull, STORE_KEYS, type SpreadsheetHost } from '../../src/host/adapter';
import { legacySheet } from '../support/layouts';

/**
 * The spreadsheet host's behaviour, the same in every host: one suite run against the Excel fake
 * (test/excel) and the WPS 表格 fake (test/wps). A harness gives the host over its fake and what a test
 * needs to look at and change in the document; what is particular to one host (Excel's syncs and payload
 * limits, WPS's calls) is tested beside its own fake.
 */

export interface HarnessCell {
  value: string | number | boolean | null;
  text?: string;
  formula?: string;
}

export interface HarnessFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface HarnessSheet {
  name: string;
  rows: (HarnessCell | null | undefined)[][];
  merges?: { top: number; left: number; bottom: number; right: number }[];
  protected?: boolean;
  fills?: Record<string, HarnessFill>;
}

export interface HarnessOptions {
  /** The write (after the reads) applies this many cells, then fails, as a crash or a dropped connection would. */
  failAfterWrites?: number;
  /** The budget of the document store, when a test needs a small one. */
  storeBudget?: number;
}

export interface SpreadsheetHarness {
  host: SpreadsheetHost;
  /** Whether the host reads display text (Excel does; WPS has no bulk read of it). */
  readsText: boolean;
  fillAt(sheet: string, address: string): HarnessFill;
  allFills(): Record<string, HarnessFill>;
  cellAt(sheet: string, address: string): HarnessCell | undefined;
  setCell(sheet: string, address: string, cell: HarnessCell | null): void;
  setFill(sheet: string, address: string, fill: HarnessFill): void;
  renameSheet(from: string, to: string): void;
  deleteSheet(name: string): void;
  /** Every change made to the document: fills, values, selections. */
  writes(): { kind: string; sheet: string; address: string }[];
  /** The workbook saved as it is and opened again in a fresh pane. */
  reopen(): SpreadsheetHarness;
  /** What the add-in saved into the document (empty when it keeps nothing). */
  savedData(): Record<string, unknown>;
}

export type MakeHarness = (sheets: HarnessSheet[], options?: HarnessOptions) => SpreadsheetHarness;

/** What both fakes offer alike, as the harness's document access. */
type FakeParts = Pick<SpreadsheetHarness, 'fillAt' | 'allFills' | 'cellAt' | 'setCell' | 'setFill' | 'renameSheet' | 'deleteSheet'> & { log: { operations: { kind: string; sheet: string; address: string }[] } };

export function fakeParts(fake: FakeParts): Omit<SpreadsheetHarness, 'host' | 'readsText' | 'reopen' | 'savedData'> {
  const { fillAt, allFills, cellAt, setCell, setFill, renameSheet, deleteSheet } = fake;
  return { fillAt, allFills, cellAt, setCell, setFill, renameSheet, deleteSheet, writes: () => fake.log.operations };
}

const n = (value: number) => ({ value });
const cellName = (row: number, col: number) => `${col >= 26 ? String.fromCharCode(64 + Math.floor(col / 26)) : ''}${String.fromCharCode(65 + (col % 26))}${row + 1}`;

/** A small statistics table: C2 = C3 + C4, with the user's own fills on some cells. */
export function table(): HarnessSheet {
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

const marks = [
  { cell: '统计表!C2', severity: 'error' as const },
  { cell: '统计表!C3', severity: 'error' as const },
  { cell: '统计表!C4', severity: 'error' as const },
  { cell: '统计表!B2', severity: 'hint' as const },
];

const fillWrites = (h: SpreadsheetHarness) => h.writes().filter((w) => w.kind === 'fill' || w.kind === 'fill-clear');

export function spreadsheetHostSuite(name: string, make: MakeHarness): void {
  describe(`${name}: the shared spreadsheet host behaviour`, () => {
    /** A cell as the host reads it: with its display text where the host reads text. */
    const read = (h: SpreadsheetHarness, value: HarnessCell['value'], text: string, formula?: string) => ({
      value,
      ...(h.readsText ? { text } : {}),
      ...(formula ? { formula } : {}),
    });

    describe('reading the workbook', () => {
      test('reads values, formulas, merges and protection into the grid model', async () => {
        const h = make([table(), { name: '空表', rows: [] }, { ...table(), name: '锁定', protected: true, fills: {} }]);
        const { workbook, notices } = await h.host.readWorkbook();
        expect(workbook.sheets.map((s) => s.name)).toEqual(['统计表', '空表', '锁定']);
        const sheet = workbook.sheets[0];
        expect(sheet.rows[1][2]).toEqual(read(h, 9, '9'));
        expect(sheet.rows[3][2]).toEqual(read(h, 6, '6', '=2*3'));
        expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
        expect(workbook.sheets[1].rows.flat().filter(Boolean)).toEqual([]);
        expect(workbook.sheets[2].protected).toBe(true);
        expect(notices).toEqual([{ code: 'sheet-protected', sheet: '锁定' }]);
      });

      test('a formula whose result is 0, false or "" is read as that result, never as a blank cell (issue 11 §1)', async () => {
        const sheet: HarnessSheet = {
          name: '统计表',
          rows: [
            [{ value: 0, formula: '=SUM(B1:B3)' }, { value: 0, text: '-', formula: '=C1-C1' }, { value: 0, text: '', formula: '=D1*0' }],
            [{ value: false, formula: '=A1>1' }, { value: '', formula: '=IF(A1=0,"",A1)' }, n(0)],
          ],
        };
        const h = make([sheet]);
        const [first, second] = (await h.host.readWorkbook()).workbook.sheets[0].rows;
        expect(first).toEqual([read(h, 0, '0', '=SUM(B1:B3)'), read(h, 0, '-', '=C1-C1'), read(h, 0, '', '=D1*0')]);
        expect(second).toEqual([read(h, false, 'false', '=A1>1'), read(h, '', '', '=IF(A1=0,"",A1)'), read(h, 0, '0')]);
      });

      test('a legacy table whose zeros are formulas checks exactly as the same table with typed zeros', async () => {
        const sheet = legacySheet('统计表');
        const zeros = sheet.rows.map((row) => row?.map((cell) => (cell?.value === 0 ? { value: 0, formula: '=0*1' } : cell)));
        expect(zeros.flat().filter((cell) => cell?.formula).length).toBeGreaterThan(5);
        const h = make([{ name: '统计表', rows: zeros, merges: sheet.merges }]);
        const { workbook } = await h.host.readWorkbook();
        const summary = (sheets: Sheet[]) => analyzeWorkbook({ sheets }).tables.flatMap((t) => t.findings.map((f) => [f.rule, f.kind, f.message]));
        expect(summary(workbook.sheets)).toEqual(summary([sheet]));
        expect(summary(workbook.sheets).length).toBeGreaterThan(0);
      });

      test('the legacy sample table: the same tables and findings as the grid it came from, merged labels included', async () => {
        const sheet = legacySheet('统计表');
        const h = make([sheet]);
        const { workbook } = await h.host.readWorkbook();
        expect([...workbook.sheets[0].merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual([...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left));
        const tables = (sheets: Sheet[]) => analyzeWorkbook({ sheets }).tables.map((t) => [t.table, t.range, t.findings.map((f) => f.fingerprint)]);
        expect(tables(workbook.sheets)).toEqual(tables([sheet]));
      });
    });

    describe('highlighting', () => {
      test('highlight then clear restores every original fill exactly, including patterns and tints', async () => {
        const h = make([table()]);
        const before = h.allFills();
        expect(await h.host.highlight(marks)).toEqual({ marked: 4, restored: 0, notices: [] });
        expect(h.fillAt('统计表', 'C2').color).toBe(MARK_COLOURS.error);
        expect(h.fillAt('统计表', 'C4').color).toBe(MARK_COLOURS.error);
        expect(h.fillAt('统计表', 'B2').color).toBe(MARK_COLOURS.hint);
        const cleared = await h.host.clearHighlights();
        expect(cleared.restored).toBe(4);
        expect(h.allFills()).toEqual(before);
      });

      test('a write that fails part way loses no original: 清除标记 restores every cell that was painted', async () => {
        const h = make([table()], { failAfterWrites: 2 });
        const before = h.allFills();
        await expect(h.host.highlight(marks)).rejects.toThrow();
        const painted = Object.entries(h.allFills()).filter(([cell, fill]) => JSON.stringify(fill) !== JSON.stringify(before[cell]));
        expect(painted).toHaveLength(2);
        await h.host.clearHighlights();
        expect(h.allFills()).toEqual(before);
      });

      test('re-validating restores cells no longer flagged and keeps the first original of cells flagged again', async () => {
        const h = make([table()]);
        const before = h.allFills();
        await h.host.highlight(marks);
        await h.host.highlight([{ cell: '统计表!C2', severity: 'warning' }]);
        expect(h.fillAt('统计表', 'C2').color).toBe(MARK_COLOURS.warning);
        expect(h.fillAt('统计表', 'C3')).toEqual(before['统计表!2,2']);
        expect(h.fillAt('统计表', 'C4').pattern).toBe('None');
        await h.host.clearHighlights();
        expect(h.allFills()).toEqual(before);
      });

      test('survives saving and reopening the workbook: the memory is in the document itself', async () => {
        const first = make([table()]);
        const before = first.allFills();
        await first.host.highlight(marks);
        const reopened = first.reopen();
        expect(reopened.fillAt('统计表', 'C2').color).toBe(MARK_COLOURS.error);
        await reopened.host.clearHighlights();
        expect(reopened.allFills()).toEqual(before);
      });

      test('a cell the user recoloured after marking keeps the user colour', async () => {
        const h = make([table()]);
        await h.host.highlight(marks);
        h.setFill('统计表', 'C4', { color: '#7030A0', pattern: 'Solid' });
        const cleared = await h.host.clearHighlights();
        expect(h.fillAt('统计表', 'C4').color).toBe('#7030A0');
        expect(cleared.notices).toEqual([{ code: 'highlight-changed-by-user', cells: ['统计表!C4'] }]);
      });

      test('a protected sheet is not written to and is reported', async () => {
        const h = make([{ ...table(), protected: true }]);
        const result = await h.host.highlight(marks);
        expect(result.notices).toEqual([{ code: 'sheet-protected', sheet: '统计表' }]);
        expect(h.writes()).toEqual([]);
      });

      test('a white fill stays white and no fill stays none after 清除标记', async () => {
        const sheet = {
          ...table(),
          fills: {
            C2: { color: '#FFFFFF', pattern: 'Solid' },
            C4: { color: '#4472C4', pattern: 'Solid', tintAndShade: 0.6 },
            B2: { color: '#FFFF00', pattern: 'LightUp', patternColor: '#FF0000' },
          },
        };
        const h = make([sheet]);
        const before = h.allFills();
        await h.host.highlight(marks);
        expect(h.fillAt('统计表', 'C3').color).toBe(MARK_COLOURS.error);
        await h.host.clearHighlights();
        expect(h.fillAt('统计表', 'C2')).toMatchObject({ color: '#FFFFFF', pattern: 'Solid' });
        expect(h.fillAt('统计表', 'C3').pattern).toBe('None');
        expect(h.allFills()).toEqual(before);
      });

      test('a gradient fill is not marked (it cannot be set back), and the pane is told which cells', async () => {
        const sheet = { ...table(), fills: { C2: { color: '#5B9BD5', pattern: 'LinearGradient' } } };
        const h = make([sheet]);
        const before = h.allFills();
        const outcome = await h.host.highlight(marks);
        expect(outcome.marked).toBe(3);
        expect(outcome.notices).toEqual([{ code: 'gradient-kept', cells: ['统计表!C2'] }]);
        expect(h.fillAt('统计表', 'C2').pattern).toBe('LinearGradient');
        await h.host.clearHighlights();
        expect(h.allFills()).toEqual(before);
      });

      test('a sheet renamed or deleted since marking: 清除标记 restores the rest, forgets it, and works again after', async () => {
        const h = make([table(), { ...table(), name: '另表', fills: {} }]);
        await h.host.highlight([...marks, { cell: '另表!C2', severity: 'error' }]);
        h.renameSheet('统计表', '表一');
        const cleared = await h.host.clearHighlights();
        expect(cleared.restored).toBe(1);
        expect(cleared.notices).toEqual([{ code: 'highlight-sheet-missing', sheets: ['统计表'] }]);
        expect(h.fillAt('另表', 'C2').pattern).toBe('None');
        expect(h.savedData()).toEqual({});
        await expect(h.host.clearHighlights()).resolves.toEqual({ marked: 0, restored: 0, notices: [] });

        h.deleteSheet('另表');
        await h.host.highlight([{ cell: '表一!C3', severity: 'hint' }]);
        await expect(h.host.highlight([{ cell: '另表!C3', severity: 'hint' }])).resolves.toMatchObject({ marked: 0, restored: 1 });
      });

      test('many cells (3,000) marked and cleared exactly', async () => {
        const rows = Array.from({ length: 300 }, (_, r) => Array.from({ length: 10 }, (_, c) => n(r + c)));
        const h = make([{ name: '统计表', rows, fills: { A1: { color: '#00B050', pattern: 'Solid' } } }]);
        const before = h.allFills();
        const many = rows.flatMap((row, r) => row.map((_, c) => ({ cell: `统计表!${cellName(r, c)}`, severity: 'warning' as const })));
        expect((await h.host.highlight(many)).marked).toBe(3000);
        expect(Object.keys(h.allFills())).toHaveLength(3000);
        await h.host.clearHighlights();
        expect(h.allFills()).toEqual(before);
        expect(fillWrites(h).length).toBeGreaterThan(0);
      });
    });

    describe('what the pane keeps in the document', () => {
      const grid = (rows: number, cols: number) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => n(r + c)));
      const every = (rows: number, cols: number) =>
        Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => ({ cell: `大表!${cellName(r, c)}`, severity: 'warning' as const }))).flat();

      test('refuses to mark, before changing anything, when remembering the cells would outgrow the budget', async () => {
        const h = make([{ name: '大表', rows: grid(60, 50) }], { storeBudget: 16 * 1024 });
        const outcome = await h.host.highlight(every(60, 50));
        expect(outcome).toEqual({ marked: 0, restored: 0, notices: [{ code: 'too-many-marks', cells: 3000 }] });
        expect(h.writes()).toEqual([]);
        expect(h.savedData()).toEqual({});
      });

      test('a value over the budget is refused by the store itself, and nothing is set', () => {
        const { host } = make([], { storeBudget: 1024 });
        host.store.set(STORE_KEYS.facts, { bodyName: '某县人民政府办公室' });
        expect(host.store.fits(STORE_KEYS.acknowledgements, { x: 'y'.repeat(2000) })).toBe(false);
        expect(() => host.store.set(STORE_KEYS.acknowledgements, { x: 'y'.repeat(2000) })).toThrow(DocumentStoreFull);
        expect(host.store.get(STORE_KEYS.acknowledgements)).toBeUndefined();
      });

      test('acknowledgements and report facts survive saving and reopening, in this workbook only', async () => {
        const h = make([table()]);
        const acks = { abc123: { note: '已与业务科室核实：有 1 件为上年结转。', at: '2027-01-10T08:00:00.000Z', rule: 'x', message: '某项之和不等于合计' } };
        h.host.store.set(STORE_KEYS.acknowledgements, acks);
        h.host.store.set(STORE_KEYS.facts, { bodyName: '某县人民政府办公室', reportYear: 2026 });
        await h.host.store.save();
        const reopened = h.reopen();
        expect(reopened.host.store.get(STORE_KEYS.acknowledgements)).toEqual(acks);
        expect(reopened.host.store.get(STORE_KEYS.facts)).toEqual({ bodyName: '某县人民政府办公室', reportYear: 2026 });
        expect(make([table()]).host.store.get(STORE_KEYS.acknowledgements)).toBeUndefined();
        reopened.host.store.remove(STORE_KEYS.acknowledgements);
        reopened.host.store.remove(STORE_KEYS.facts);
        await reopened.host.store.save();
        expect(reopened.reopen().savedData()).toEqual({});
      });
    });

    describe('selecting a finding', () => {
      test('activates the sheet and selects every cell', async () => {
        const h = make([{ name: '另表', rows: [] }, table()]);
        await h.host.selectCells(['统计表!C2', '统计表!C3', '统计表!C4']);
        const done = h.writes().map((w) => [w.kind, w.sheet, w.address]);
        expect(done).toEqual([
          ['activate', '统计表', ''],
          ['select', '统计表', 'C2,C3,C4'],
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
        const h = make([sheet]);
        const result = await h.host.applyTotals([plan('C2', '9', 10, true), plan('C4', '6', 7), plan('C5', '', 19)]);
        expect(result.written).toEqual(['统计表!C2', '统计表!C5']);
        expect(result.notices).toEqual([{ code: 'formula-kept', cells: ['统计表!C4'] }]);
        expect(h.cellAt('统计表', 'C2')?.value).toBe(10);
        expect(h.cellAt('统计表', 'C4')).toEqual({ value: 6, formula: '=2*3' });
        expect(h.writes().filter((op) => op.kind === 'values').map((op) => op.address)).toEqual(['C2', 'C5']);
        expect(h.host.hasTotalsUndo()).toBe(true);

        const undone = await h.host.undoTotals();
        expect(undone.written).toEqual(['统计表!C2', '统计表!C5']);
        expect(h.cellAt('统计表', 'C2')?.value).toBe(9);
        expect(h.cellAt('统计表', 'C5')).toBeUndefined();
        expect(h.host.hasTotalsUndo()).toBe(false);
      });

      test('undo survives saving and reopening the workbook', async () => {
        const h = make([table()]);
        await h.host.applyTotals([plan('C2', '9', 10, true)]);
        const reopened = h.reopen();
        expect(reopened.host.hasTotalsUndo()).toBe(true);
        expect((await reopened.host.undoTotals()).written).toEqual(['统计表!C2']);
        expect(reopened.cellAt('统计表', 'C2')?.value).toBe(9);
      });

      test('a write that fails part way reports exactly which totals were written, and those can be undone', async () => {
        const h = make([table()], { failAfterWrites: 1 });
        const result = await h.host.applyTotals([plan('C2', '9', 10, true), plan('C3', '4', 8, true)]);
        expect(result.written).toEqual(['统计表!C2']);
        expect(result.notices).toEqual([{ code: 'write-incomplete', cells: ['统计表!C3'] }]);
        expect(h.cellAt('统计表', 'C2')?.value).toBe(10);
        expect(h.cellAt('统计表', 'C3')?.value).toBe(4);
        const undone = await h.host.undoTotals();
        expect(undone.written).toEqual(['统计表!C2']);
        expect(h.cellAt('统计表', 'C2')?.value).toBe(9);
      });

      test('a cell edited since 校验 is left alone, both when writing and when undoing', async () => {
        const h = make([table()]);
        h.setCell('统计表', 'C3', n(5));
        const result = await h.host.applyTotals([plan('C2', '9', 10, true), plan('C3', '4', 8)]);
        expect(result.written).toEqual(['统计表!C2']);
        expect(result.notices).toEqual([{ code: 'cell-changed', cells: ['统计表!C3'] }]);
        h.setCell('统计表', 'C2', n(11));
        const undone = await h.host.undoTotals();
        expect(undone.written).toEqual([]);
        expect(undone.notices).toEqual([{ code: 'cell-changed', cells: ['统计表!C2'] }]);
        expect(h.cellAt('统计表', 'C2')?.value).toBe(11);
      });

      test('text that looks like a number comes back as text on undo', async () => {
        const sheet = table();
        sheet.rows[1][2] = { value: '9' };
        const h = make([sheet]);
        await h.host.applyTotals([plan('C2', '9', 10, true)]);
        await h.host.undoTotals();
        expect(h.cellAt('统计表', 'C2')).toEqual({ value: '9' });
      });

      test('a protected sheet is refused up front and not written', async () => {
        const h = make([{ ...table(), protected: true }]);
        const result = await h.host.applyTotals([plan('C2', '9', 10, true)]);
        expect(result).toEqual({ written: [], notices: [{ code: 'sheet-protected', sheet: '统计表' }] });
        expect(h.cellAt('统计表', 'C2')?.value).toBe(9);
        expect(h.writes()).toEqual([]);
      });

      test('撤销 after the sheet of the totals was renamed: names the cells, forgets them, never fails for good', async () => {
        const h = make([table()]);
        await h.host.applyTotals([plan('C2', '9', 10, true)]);
        h.renameSheet('统计表', '表一');
        const undone = await h.host.undoTotals();
        expect(undone).toEqual({ written: [], notices: [{ code: 'cell-changed', cells: ['统计表!C2'] }] });
        expect(h.host.hasTotalsUndo()).toBe(false);
        expect(h.cellAt('表一', 'C2')?.value).toBe(10);
      });
    });
  });
}
