import fc from 'fast-check';
import { analyzeWorkbook, planTotals, reportFigures, type CellValue, type Workbook } from '../../src/core';
import { DRAFTABLE_FORMATS, draftNarrative, narrativeToText } from '../../src/core/narrative';
import { applyWrites, findings, withFigures } from '../support/edit';
import { legacySheet, national2021OneSheet, national2021ThreeSheets, SAMPLE_2021, type National2021Data } from '../support/layouts';
import { BROKEN_TEXT, consistentNational, counted, oddValue, reportCases, runs } from './fuzz';

reportCases('totals-narrative');

const nationalLayout = (data: National2021Data, layout: number): Workbook =>
  layout === 0
    ? { sheets: [national2021OneSheet('统计表', data)] }
    : layout === 1
      ? { sheets: [national2021OneSheet('统计表', data, { labels: 'single', splitHeader: true })] }
      : { sheets: national2021ThreeSheets(data) };

describe('consistent tables', () => {
  it('a consistent random 2021 report in any layout gives no error finding', () => {
    fc.assert(
      fc.property(
        consistentNational,
        fc.nat(2),
        counted('consistent national', (data, layout) => {
          const errors = findings(analyzeWorkbook(nationalLayout(data, layout))).filter((f) => f.severity === 'error');
          expect(errors).toEqual([]);
        }),
      ),
      { numRuns: runs(15) },
    );
  });
});

const NATIONAL = { sheets: [national2021OneSheet('统计表')] };
/** The seed table with its one inconsistency repaired (the channels then cover the total). */
const LEGACY = { sheets: [legacySheet('统计表', { values: { '5.其他方式公开政府信息数': 1342 } })] };
const totalIds = (wb: Workbook, pattern: RegExp) => analyzeWorkbook(wb).tables.flatMap((t) => Object.keys(t.figures)).filter((id) => pattern.test(id));
const NATIONAL_TOTALS = totalIds(NATIONAL, /^t3\.[^.]+\.total$|^t3\.total\.|^t4\.[^.]+\.total$/);
const LEGACY_TOTALS = ['legacy.received', 'legacy.concluded', 'legacy.replies', 'legacy.replyDenied', 'legacy.reviews', 'legacy.lawsuits', 'legacy.staff'];

/** What a total cell may hold before 计算合计: blank, a wrong number, or left as it was. */
const scrambled = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 9999 }), fc.constant(undefined));

describe('totals, then check', () => {
  it.each([
    ['2021 national', NATIONAL, NATIONAL_TOTALS],
    ['legacy', LEGACY, LEGACY_TOTALS],
  ] as const)('any scrambling of the %s totals is repaired: no relationship finding is left', (_name, base, ids) => {
    expect(findings(analyzeWorkbook(base)).filter((f) => f.kind === 'relation')).toEqual([]);
    fc.assert(
      fc.property(
        fc.array(scrambled, { minLength: ids.length, maxLength: ids.length }),
        counted(`totals then check (${_name})`, (values) => {
          const edits: Record<string, CellValue> = {};
          ids.forEach((id, i) => values[i] !== undefined && (edits[id] = values[i]!));
          const wb = withFigures(base, edits);
          const filled = applyWrites(wb, planTotals(analyzeWorkbook(wb).tables).writes);
          expect(findings(analyzeWorkbook(filled)).filter((f) => f.kind === 'relation')).toEqual([]);
        }),
      ),
      { numRuns: runs(12) },
    );
  });
});

describe('drafting the narrative', () => {
  it('never throws on a recognized table full of blanks and garbage, and leaks no undefined into the text', () => {
    const layouts = [LEGACY, NATIONAL, { sheets: national2021ThreeSheets(SAMPLE_2021) }];
    const ids = layouts.map((wb) => analyzeWorkbook(wb).tables.flatMap((t) => Object.keys(t.figures)));
    fc.assert(
      fc.property(
        fc.nat(layouts.length - 1),
        fc.array(fc.tuple(fc.nat(), oddValue), { maxLength: 40 }),
        counted('draft on garbage', (layout, edits) => {
          const wb = withFigures(layouts[layout], Object.fromEntries(edits.map(([i, v]) => [ids[layout][i % ids[layout].length], v])));
          // Hosts draft only the formats that have wording, as the CLI does.
          for (const report of reportFigures(analyzeWorkbook(wb)).filter((r) => DRAFTABLE_FORMATS.includes(r.format))) {
            const text = narrativeToText(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }));
            expect(text).not.toMatch(BROKEN_TEXT);
            expect(text).not.toMatch(/NaN|Infinity/);
          }
        }),
      ),
      { numRuns: runs(25) },
    );
  });
});
