/**
 * Odd figures found by the long fuzz run: a figure beyond exact arithmetic (2^53; a typo such as 1e308)
 * once became a planned total of Infinity, a message with ∞ and a draft saying "占Infinity%"; a fraction
 * in the 总计 a draft divides by gave shares of Infinity% too.
 */
import { analyzeWorkbook, planTotals, reportFigures, type Workbook } from '../../src/core';
import { draftNarrative, narrativeToText } from '../../src/core/narrative';
import { findings, withFigures } from '../support/edit';
import { national2021OneSheet } from '../support/layouts';

const HUGE = [Number.MAX_VALUE, 2 ** 53 + 2, 1e23];
const NATIONAL: Workbook = { sheets: [national2021OneSheet('统计表')] };

describe.each(HUGE)('a figure of %d in 予以公开/自然人', (huge) => {
  const wb = withFigures(NATIONAL, { 't3.granted.natural': huge, 't3.granted.total': null });
  const analysis = analyzeWorkbook(wb);
  const plan = planTotals(analysis.tables);

  it('is one error naming the cell, and its relationships are not checked', () => {
    const all = findings(analysis);
    expect(all.filter((f) => f.rule === 'value.too-large').map((f) => f.cells)).toEqual([['统计表!D25']]);
    expect(all.filter((f) => f.kind === 'relation' && f.cells.includes('统计表!D25'))).toEqual([]);
    for (const f of all) expect(f.message).not.toMatch(/∞|Infinity|e\+/);
  });

  it('is never used to plan a total', () => {
    expect(plan.writes.every((w) => Number.isSafeInteger(w.after))).toBe(true);
    expect(plan.writes.map((w) => w.indicator)).not.toContain('t3.granted.total');
    expect(plan.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ indicator: 't3.granted.total', reason: 'unreadable-input' })]));
  });

  it('is never stated in the draft, even as the 总计 a sentence quotes', () => {
    const [report] = reportFigures(analyzeWorkbook(withFigures(NATIONAL, { 't3.granted.total': huge })));
    const text = narrativeToText(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }));
    expect(text).not.toMatch(/Infinity|e\+|\d{16,}/);
  });
});

describe.each([5e-324, 0.5])('a 总计 of %d (a fraction in a count)', (fraction) => {
  it('gives the draft no shares to state, rather than Infinity% or thousands of percent', () => {
    const [report] = reportFigures(analyzeWorkbook(withFigures(NATIONAL, { 't3.total.total': fraction })));
    const text = narrativeToText(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }));
    expect(text).not.toMatch(/Infinity|占\d{3,}/);
    expect(text).toContain('予以公开23件');
  });
});
