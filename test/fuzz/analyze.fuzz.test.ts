import fc from 'fast-check';
import { analyzeWorkbook, planTotals, parseCellRef, type Cell, type Sheet, type Workbook, type WorkbookAnalysis } from '../../src/core';
import { clone, findings } from '../support/edit';
import { legacySheet, national2021OneSheet, national2021ThreeSheets } from '../support/layouts';
import { anyCell, anySheet, anyValue, anyWorkbook, BROKEN_TEXT, counted, labelLike, reportCases, runs } from './fuzz';

reportCases('analyze');

/** What every analysis must look like, whatever it was given. */
function expectWellFormed(a: WorkbookAnalysis): void {
  for (const f of findings(a)) {
    expect(['error', 'warning', 'hint']).toContain(f.severity);
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.message).not.toMatch(BROKEN_TEXT);
    for (const ref of f.cells) expect(parseCellRef(ref)).not.toBeNull();
    expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  }
  for (const w of planTotals(a.tables).writes) expect(Number.isFinite(w.after)).toBe(true);
}

describe('analyzeWorkbook on random workbooks', () => {
  it('never throws on random cells, values and merges (overlapping, inverted, outside the sheet)', () => {
    fc.assert(
      fc.property(
        anyWorkbook,
        counted('random workbook', (wb) => expectWellFormed(analyzeWorkbook(wb))),
      ),
      { numRuns: runs(150) },
    );
  });

  it('never throws on a large sheet of junk and label fragments', () => {
    const junkRow = fc.array(fc.option(fc.oneof(anyValue, labelLike).map((value): Cell => ({ value })), { nil: undefined }), { minLength: 20, maxLength: 20 });
    fc.assert(
      fc.property(
        fc.array(junkRow, { minLength: 1500, maxLength: 1500 }),
        counted('large junk sheet', (rows) => expectWellFormed(analyzeWorkbook({ sheets: [{ name: '数据', rows, merges: [] }] }))),
      ),
      // Each case is a 30,000-cell sheet: a long run tries 40, not hundreds.
      { numRuns: runs(2, 40) },
    );
  });
});

type Mutation =
  | { kind: 'delete-row'; at: number }
  | { kind: 'swap'; a: [number, number]; b: [number, number] }
  | { kind: 'junk-row'; at: number; cells: Cell[] }
  | { kind: 'junk-col'; at: number; cell: Cell }
  | { kind: 'relabel'; at: [number, number]; label: string }
  | { kind: 'set'; at: [number, number]; cell: Cell }
  | { kind: 'drop-merge'; at: number };

const position = fc.tuple(fc.nat(80), fc.nat(16));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-row' as const), at: fc.nat(80) }),
  fc.record({ kind: fc.constant('swap' as const), a: position, b: position }),
  fc.record({ kind: fc.constant('junk-row' as const), at: fc.nat(80), cells: fc.array(anyCell, { maxLength: 10 }) }),
  fc.record({ kind: fc.constant('junk-col' as const), at: fc.nat(16), cell: anyCell }),
  fc.record({ kind: fc.constant('relabel' as const), at: position, label: labelLike }),
  fc.record({ kind: fc.constant('set' as const), at: position, cell: anyCell }),
  fc.record({ kind: fc.constant('drop-merge' as const), at: fc.nat(60) }),
);

/** Edits a real layout the way people damage tables; merges are left as they were, as a careless copy would. */
function mutate(sheet: Sheet, m: Mutation): void {
  const rows = sheet.rows;
  const put = ([r, c]: [number, number], cell: Cell | undefined) => {
    while (rows.length <= r) rows.push([]);
    (rows[r] ??= [])[c] = cell;
  };
  switch (m.kind) {
    case 'delete-row':
      rows.splice(m.at, 1);
      break;
    case 'swap': {
      const a = rows[m.a[0]]?.[m.a[1]];
      put(m.a, rows[m.b[0]]?.[m.b[1]]);
      put(m.b, a);
      break;
    }
    case 'junk-row':
      rows.splice(Math.min(m.at, rows.length), 0, m.cells);
      break;
    case 'junk-col':
      rows.forEach((row, r) => row?.splice(m.at, 0, r % 3 === 0 ? m.cell : undefined));
      break;
    case 'relabel':
      put(m.at, { value: m.label });
      break;
    case 'set':
      put(m.at, m.cell);
      break;
    case 'drop-merge':
      sheet.merges.splice(m.at % Math.max(1, sheet.merges.length), 1);
      break;
  }
}

const LAYOUTS: Workbook[] = [{ sheets: [legacySheet('统计表')] }, { sheets: [national2021OneSheet('统计表')] }, { sheets: national2021ThreeSheets() }];

describe('analyzeWorkbook on damaged real layouts', () => {
  it('never throws when rows are deleted, cells swapped, junk rows and columns inserted or labels changed', () => {
    fc.assert(
      fc.property(
        fc.nat(LAYOUTS.length - 1),
        fc.array(fc.tuple(fc.nat(2), mutation), { minLength: 1, maxLength: 8 }),
        counted('mutated layout', (layout, mutations) => {
          const wb = clone(LAYOUTS[layout]);
          for (const [sheet, m] of mutations) mutate(wb.sheets[sheet % wb.sheets.length], m);
          expectWellFormed(analyzeWorkbook(wb));
        }),
      ),
      { numRuns: runs(60) },
    );
  });
});

/** Figures by indicator id: value and cell content, which must not change when only the surroundings do. */
function figureValues(wb: Workbook): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const t of analyzeWorkbook(wb).tables) for (const [id, f] of Object.entries(t.figures)) out[id] = f.value;
  return out;
}

const TITLE_LINES = ['附件1', '填报单位：某县人民政府办公室', '2024年1月15日', '单位：件', '（以下数据截至2023年12月31日）', '统计表'];

describe('recognition ignores what surrounds the table (extends test/core/recognize.test.ts)', () => {
  it('title lines above, unrelated sheets around and the order of sheets change no figure', () => {
    fc.assert(
      fc.property(
        fc.nat(LAYOUTS.length - 1),
        fc.array(fc.constantFrom(...TITLE_LINES), { maxLength: 4 }),
        fc.array(anySheet(8, 4), { maxLength: 2 }),
        fc.boolean(),
        counted('surroundings', (layout, titles, others, reverse) => {
          const base = LAYOUTS[layout];
          const wb = clone(base);
          for (const sheet of wb.sheets) {
            const blankGap = titles.length ? [[]] : [];
            sheet.rows = [...titles.map((t) => [{ value: t }]), ...blankGap, ...sheet.rows];
            const shift = titles.length + blankGap.length;
            sheet.merges = sheet.merges.map((m) => ({ ...m, top: m.top + shift, bottom: m.bottom + shift }));
          }
          // Unrelated sheets hold no template words, so they cannot add a table of their own.
          const unrelated = others.map((s, i) => ({ ...s, name: `附表${i}`, rows: s.rows.map((r) => r.map((c) => (c && typeof c.value === 'string' ? { value: '备注' } : c))) }));
          wb.sheets = [...unrelated, ...(reverse ? [...wb.sheets].reverse() : wb.sheets)];
          expect(figureValues(wb)).toEqual(figureValues(base));
        }),
      ),
      { numRuns: runs(25) },
    );
  });

  it.each([
    ['between the label and unit columns', 1],
    ['between the unit and figure columns', 2],
  ])('a blank column %s changes no figure', (_where, at) => {
    const base = { sheets: [legacySheet('统计表', { title: null })] };
    const wb = clone(base);
    const sheet = wb.sheets[0];
    sheet.rows = sheet.rows.map((row) => (row ? [...row.slice(0, at), undefined, ...row.slice(at)] : row));
    sheet.merges = sheet.merges.map((m) => ({ ...m, left: m.left >= at ? m.left + 1 : m.left, right: m.right >= at ? m.right + 1 : m.right }));
    expect(figureValues(wb)).toEqual(figureValues(base));
  });
});
