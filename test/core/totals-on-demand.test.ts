/**
 * Totals are planned only where they are shown or written (issue 13): checking a workbook does not plan
 * them; planTotals, asked separately, does.
 */
import { analyzeWorkbook, planTotals, type Workbook } from '../../src/core';
import * as totals from '../../src/core/totals';
import { withFigures } from '../support/edit';
import { national2021OneSheet } from '../support/layouts';

jest.mock('../../src/core/totals', () => {
  const actual = jest.requireActual('../../src/core/totals');
  return { ...actual, planTotals: jest.fn(actual.planTotals) };
});

it('analyzeWorkbook checks without planning totals; planTotals plans them from its tables', () => {
  const wb: Workbook = withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't4.review.total': null });
  const analysis = analyzeWorkbook(wb);
  expect(analysis.tables.length).toBeGreaterThan(0);
  expect(totals.planTotals).not.toHaveBeenCalled();
  expect(analysis).not.toHaveProperty('totals');
  expect(planTotals(analysis.tables).writes).toEqual([expect.objectContaining({ indicator: 't4.review.total', after: 4 })]);
  expect(totals.planTotals).toHaveBeenCalledTimes(1);
});
