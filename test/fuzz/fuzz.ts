/**
 * Shared pieces of the property tests: run counts that `npm run fuzz` scales up, a count of the cases
 * actually run, and generators of what real workbooks contain.
 */
import fc from 'fast-check';
import type { Cell, CellValue, MergeArea, Sheet, Workbook } from '../../src/core';
import { OUTCOME_ROWS } from '../../src/core/formats/national-2021/template';
import { TEMPLATES } from '../../src/core/templates';
import { consistentT3, type National2021Data } from '../support/layouts';

/** `npm run fuzz` sets FUZZ_FACTOR (e.g. 200); `npm test` runs each property at its CI size. */
const FACTOR = Math.max(1, Number(process.env.FUZZ_FACTOR) || 1);

/** Cases for a property: its CI size, scaled in a long run, up to `max` where each case is costly. */
export function runs(ciRuns: number, max = Infinity): number {
  return Math.min(Math.round(ciRuns * FACTOR), Math.max(ciRuns, max));
}

const executed = new Map<string, number>();

/** Wraps a property body so the long run can say how many cases it tried. */
export function counted<A extends unknown[]>(name: string, body: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    executed.set(name, (executed.get(name) ?? 0) + 1);
    body(...args);
  };
}

/** In a long run, prints the cases each property ran (the closing note reports their sum). */
export function reportCases(file: string): void {
  afterAll(() => {
    if (FACTOR === 1) return;
    const total = [...executed.values()].reduce((a, b) => a + b, 0);
    const lines = [...executed].map(([name, n]) => `  ${String(n).padStart(8)}  ${name}`);
    process.stderr.write(`[fuzz] ${file}: ${total} cases\n${lines.join('\n')}\n`);
  });
}

/** Every label and variant the templates know, to make junk that half-looks like a table. */
export const TEMPLATE_LABELS: string[] = Array.from(
  new Set(TEMPLATES.flatMap((t) => t.tables.flatMap((table) => table.blocks.flatMap((b) => [...b.rows, ...b.columns].flatMap((x) => [x.label, ...(x.variants ?? [])]))))),
);

/** A template label, sometimes cut, doubled or with a stray character: recognition's hardest junk. */
export const labelLike: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...TEMPLATE_LABELS), fc.nat(), fc.constantFrom('', '（', '）', ' ', '一、', '其中：', '合计', '\u3000'), fc.constantFrom('keep', 'cut', 'insert', 'double'))
  .map(([label, at, extra, how]) => {
    const i = at % (label.length + 1);
    if (how === 'cut') return label.slice(0, i) || label;
    if (how === 'insert') return label.slice(0, i) + extra + label.slice(i);
    if (how === 'double') return label + label;
    return label;
  });

/** What a figure cell of a real workbook may hold (docs/formats.md §2), and some things it should not. */
export const oddValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -5, max: 100000 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e23, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('#REF!', '#VALUE!', '#DIV/0!', '#N/A', '/', '／', '—', '——', '-', '无', '１２３', '1,256', '12件', '251000元', '增3', '减4', ' 7 ', '3.', '.5', '1e5', '0x10', '十二', ''),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

export const anyValue: fc.Arbitrary<CellValue> = fc.oneof({ weight: 3, arbitrary: oddValue }, { weight: 2, arbitrary: labelLike });

export const anyCell: fc.Arbitrary<Cell> = fc.record(
  { value: anyValue, text: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }), formula: fc.option(fc.constantFrom('=SUM(A1:A3)', '=1/0', '=#REF!+1', '='), { nil: undefined }) },
  { requiredKeys: ['value'] },
);

/**
 * Merged areas anywhere, overlapping, inverted or reaching past the used cells. Never at negative
 * positions: hosts parse them from A1 addresses, which cannot go below A1.
 */
export const anyMerge = (rows: number, cols: number): fc.Arbitrary<MergeArea> =>
  fc.record({ top: fc.nat(rows + 2), left: fc.nat(cols + 2), bottom: fc.nat(rows + 4), right: fc.nat(cols + 4) });

export const anySheet = (maxRows = 40, maxCols = 12): fc.Arbitrary<Sheet> =>
  fc.record({
    name: fc.oneof(fc.constantFrom('统计表', 'Sheet1', "县 政府's 表", '表三'), fc.string({ minLength: 1, maxLength: 10 })),
    rows: fc.array(fc.array(fc.option(anyCell, { nil: undefined, freq: 3 }), { maxLength: maxCols }), { maxLength: maxRows }),
    merges: fc.array(anyMerge(maxRows, maxCols), { maxLength: 6 }),
    protected: fc.boolean(),
  });

export const anyWorkbook: fc.Arbitrary<Workbook> = fc.record({ sheets: fc.array(anySheet(), { maxLength: 3 }) });

/** Every message a finding carries must read as a sentence: no leaked undefined or object. */
export const BROKEN_TEXT = /undefined|\[object/;

const count = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 5000 }) });
const four = fc.tuple(count, count, count, count);

/** A filled 2021 report whose every relationship holds: outcomes, carry-overs and appeals chosen at random. */
export const consistentNational: fc.Arbitrary<National2021Data> = fc
  .record({
    columns: fc.array(fc.record({ carriedOver: count, carryForward: count, outcomes: fc.dictionary(fc.constantFrom(...OUTCOME_ROWS), count, { maxKeys: 10 }) }), { minLength: 6, maxLength: 6 }),
    t2: fc.record({
      regulations: fc.tuple(count, count, count),
      normativeDocs: fc.tuple(count, count, count),
      licensing: count,
      punishment: count,
      coercion: count,
      fees: fc.integer({ min: 0, max: 100000 }).map((cents) => cents / 100),
    }),
    t4: fc.record({ review: four, litigationDirect: four, litigationAfterReview: four }),
  })
  .map(({ columns, t2, t4 }) => ({
    t2,
    t4,
    t3: consistentT3(
      columns.map((c) => {
        const handled = Object.values(c.outcomes).reduce((a, b) => a + b, 0) + c.carryForward;
        // 新收 + 结转 = 办理 + 结转下年: choose 上年结转 no larger than what was handled.
        const carriedOver = Math.min(c.carriedOver, handled);
        return { newApplications: handled - carriedOver, carriedOver, outcomes: c.outcomes };
      }),
    ),
  }));
