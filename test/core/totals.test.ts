import fc from 'fast-check';
import { analyzeWorkbook, planTotals, type Workbook } from '../../src/core';
import { applyWrites, findings, withFigures } from '../support/edit';
import { consistentT3, legacySheet, national2021OneSheet, SAMPLE_2021, type National2021Data } from '../support/layouts';

const NATIONAL: Workbook = { sheets: [national2021OneSheet('统计表')] };
const sumFindings = (wb: Workbook) => findings(analyzeWorkbook(wb)).filter((f) => f.kind === 'relation');

describe('computing totals', () => {
  it('plans nothing for a table that adds up', () => {
    expect(planTotals(analyzeWorkbook(NATIONAL).tables)).toEqual({ writes: [], skipped: [] });
  });

  it('fills blank totals and corrects wrong ones, saying which writes replace a typed value', () => {
    const wb = withFigures(NATIONAL, { 't3.newApplications.total': null, 't3.granted.total': 99, 't4.review.total': null });
    const { writes } = planTotals(analyzeWorkbook(wb).tables);
    const byId = Object.fromEntries(writes.map((w) => [w.indicator, w]));
    expect(byId['t3.newApplications.total']).toMatchObject({ before: '', after: 49, overwritesTyped: false });
    expect(byId['t3.granted.total']).toMatchObject({ before: '99', after: 23, overwritesTyped: true });
    expect(byId['t4.review.total']).toMatchObject({ after: 4, overwritesTyped: false });
    expect(writes).toHaveLength(3);
  });

  it('never plans a write to a formula cell, and says what the formula should give', () => {
    const wb = withFigures(NATIONAL, { 't4.review.total': { value: 3, formula: '=SUM(A54:D54)' } });
    const { writes, skipped } = planTotals(analyzeWorkbook(wb).tables);
    expect(writes).toEqual([]);
    expect(skipped).toEqual([expect.objectContaining({ indicator: 't4.review.total', reason: 'formula', implied: 4, current: '3' })]);
  });

  it('builds a total from totals below it (表三 (七)总计 of the 总计 column)', () => {
    const blanks: Record<string, null> = { 't3.total.total': null };
    for (const row of ['granted', 'partial', 'unableNotHeld']) blanks[`t3.${row}.total`] = null;
    const { writes } = planTotals(analyzeWorkbook(withFigures(NATIONAL, blanks)).tables);
    const total = writes.find((w) => w.indicator === 't3.total.total')!;
    expect(total.after).toBe(SAMPLE_2021.t3.total.reduce((a, b) => a + b, 0));
  });

  it('leaves a total alone when all its components are blank, and says why', () => {
    const blanks: Record<string, null> = {};
    for (const c of ['upheld', 'corrected', 'other', 'pending', 'total']) blanks[`t4.litigationAfterReview.${c}`] = null;
    const { writes, skipped } = planTotals(analyzeWorkbook(withFigures(NATIONAL, blanks)).tables);
    expect(writes).toEqual([]);
    expect(skipped).toEqual([expect.objectContaining({ indicator: 't4.litigationAfterReview.total', reason: 'inputs-missing' })]);
  });

  it('with fill-blanks writes 0 into blank figures too, and a "/" counts as typed', () => {
    const wb = withFigures(NATIONAL, { 't3.newApplications.research': null, 't3.carriedOver.research': '/' });
    const { writes } = planTotals(analyzeWorkbook(wb).tables, { fillBlanks: true });
    expect(writes.find((w) => w.indicator === 't3.newApplications.research')).toMatchObject({ after: 0, overwritesTyped: false });
    expect(writes.find((w) => w.indicator === 't3.carriedOver.research')).toMatchObject({ after: 0, overwritesTyped: true, before: '/' });
  });

  it('plans nothing on a protected sheet', () => {
    const wb = withFigures(NATIONAL, { 't4.review.total': null });
    const analysis = analyzeWorkbook(wb);
    const plan = planTotals(analysis.tables, { protectedSheets: new Set(['统计表']) });
    expect(plan.writes).toEqual([]);
    expect(plan.skipped[0]).toMatchObject({ reason: 'protected', implied: 4 });
  });

  it('the legacy totals: 收到申请数, 办结, 答复, 不同意公开, 复议, 诉讼, 人员', () => {
    const wb = {
      sheets: [legacySheet('统计表', { values: { '(一)收到申请数': null, '(三)申请答复数': 5, '(三)从事政府信息公开工作人员数': null } as never })],
    };
    const byId = Object.fromEntries(planTotals(analyzeWorkbook(wb).tables).writes.map((w) => [w.indicator, w.after]));
    expect(byId).toEqual({ 'legacy.received': 2, 'legacy.replies': 2, 'legacy.staff': 1 });
  });

  it('a table whose totals are then filled has no sum finding left', () => {
    const cell = fc.option(fc.integer({ min: 0, max: 50 }), { nil: null, freq: 3 });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 20, maxLength: 20 }), (values) => {
        // Scramble totals of a consistent table: blanks and wrong numbers.
        const ids = ['t3.newApplications.total', 't3.granted.total', 't3.total.natural', 't3.total.total', 't4.review.total', 't4.litigationDirect.total', 't3.partial.total', 't3.carryForward.total', 't3.total.business', 't3.unableNotHeld.total'];
        const edits: Record<string, number | null> = {};
        ids.forEach((id, i) => (edits[id] = values[i]));
        const wb = withFigures(NATIONAL, edits);
        const filled = applyWrites(wb, planTotals(analyzeWorkbook(wb).tables).writes);
        expect(sumFindings(filled)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('for random consistent component values, computed totals make every relationship hold', () => {
    const column = fc.record({ newApplications: fc.integer({ min: 0, max: 30 }), carriedOver: fc.integer({ min: 0, max: 5 }), granted: fc.integer({ min: 0, max: 10 }), unableNotHeld: fc.integer({ min: 0, max: 10 }) });
    fc.assert(
      fc.property(fc.array(column, { minLength: 6, maxLength: 6 }), (cols) => {
        const t3 = consistentT3(cols.map((c) => ({ newApplications: c.newApplications + c.granted + c.unableNotHeld, carriedOver: c.carriedOver, outcomes: { granted: c.granted, unableNotHeld: c.unableNotHeld } })));
        const data: National2021Data = { ...SAMPLE_2021, t3 };
        const wb: Workbook = { sheets: [national2021OneSheet('统计表', data)] };
        expect(findings(analyzeWorkbook(wb)).filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});
