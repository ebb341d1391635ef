import { analyzeWorkbook, type Workbook } from '../../src/core';
import { findings, withFigures } from '../support/edit';
import { legacySheet, national2021OneSheet } from '../support/layouts';

const NATIONAL: Workbook = { sheets: [national2021OneSheet('统计表')] };
const LEGACY_OK: Workbook = { sheets: [legacySheet('统计表', { values: { '5.其他方式公开政府信息数': 1342 } })] };
const rules = (wb: Workbook) => findings(analyzeWorkbook(wb));

describe('bad cell values each get their own finding', () => {
  it('an Excel error is an error, and relationships through it are not checked', () => {
    const all = rules(withFigures(NATIONAL, { 't3.granted.natural': '#REF!' }));
    const err = all.find((f) => f.rule === 'value.excel-error')!;
    expect(err).toMatchObject({ severity: 'error', cells: ['统计表!D25'] });
    expect(err.message).toContain('#REF!');
    const skipped = all.filter((f) => f.kind === 'not-checked');
    expect(skipped.map((f) => f.rule).sort()).toEqual(['t3.balance.not-checked', 't3.outcomes-total.not-checked', 't3.row-total.not-checked'].sort().filter((r) => r !== 't3.balance.not-checked'));
    expect(all.filter((f) => f.kind === 'relation')).toEqual([]);
  });

  it('a word where a number belongs is an error naming what was typed', () => {
    const [f] = rules(withFigures(NATIONAL, { 't2.licensing': '约1200件' }));
    expect(f).toMatchObject({ rule: 'value.not-a-number', severity: 'error' });
    expect(f.message).toContain('“约1200件”');
  });

  it('a negative count and a fraction in a count are errors; money may have decimals', () => {
    const all = rules(withFigures(LEGACY_OK, { 'legacy.complaints': -1, 'legacy.meetings': 2.5, 'legacy.funding': 15.75 }));
    expect(all.map((f) => f.rule).sort()).toEqual(['value.fraction', 'value.negative']);
  });

  it('a unit typed into the cell is worth verifying, and 元 in a 万元 cell says what it converts to', () => {
    const all = rules(withFigures(LEGACY_OK, { 'legacy.funding': '150000元' }));
    const f = all.find((x) => x.rule === 'value.unit-in-cell')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('15万元');
  });

  it('numbers stored as text, in full width or with separators take part in every check with one hint for all', () => {
    const wb = withFigures(LEGACY_OK, { 'legacy.proactive': '8,295', 'legacy.channelWebsite': '６５６３', 'legacy.received': '2' });
    const all = rules(wb);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ rule: 'value.odd-form', severity: 'hint' });
    expect(all[0].cells).toHaveLength(3);
    // The text value is used: a channel sum below the total is still caught.
    const broken = rules(withFigures(wb, { 'legacy.channelOther': '1,300' }));
    expect(broken.map((f) => f.rule)).toContain('legacy.channels-cover-total');
  });
});

describe('blank policy (formats.md §7)', () => {
  it('a blank component counts as 0, is named in the finding, and blanks get one 未填 warning', () => {
    const wb = withFigures(LEGACY_OK, { 'legacy.receivedFax': null, 'legacy.receivedOnline': 1 });
    const all = rules(wb);
    const sum = all.find((f) => f.rule === 'legacy.received-sum')!;
    expect(sum).toMatchObject({ severity: 'error', actual: 2, expected: 1 });
    expect(sum.message).toMatch(/未填，按0计算/);
    const blank = all.find((f) => f.rule === 'value.blank')!;
    expect(blank).toMatchObject({ severity: 'warning', kind: 'blank' });
    expect(blank.cells).toHaveLength(1);
  });

  it('a blank 总计 column gives 未填 and "not checked" notes, never a false error', () => {
    const edits: Record<string, null> = {};
    for (const row of ['newApplications', 'carriedOver', 'granted', 'partial', 'unableNotHeld', 'total', 'carryForward']) edits[`t3.${row}.total`] = null;
    const all = rules(withFigures(NATIONAL, edits));
    expect(all.filter((f) => f.severity === 'error')).toEqual([]);
    expect(all.find((f) => f.rule === 'value.blank')!.cells).toHaveLength(7);
    const notChecked = all.filter((f) => f.kind === 'not-checked');
    expect(notChecked.length).toBeGreaterThan(0);
    expect(notChecked.every((f) => f.severity === 'hint')).toBe(true);
  });

  it('a row whose filled cells disagree with its filled total is still an error among blanks', () => {
    const all = rules(withFigures(NATIONAL, { 't3.newApplications.research': null, 't3.newApplications.business': null, 't3.newApplications.total': 49 }));
    expect(all.find((f) => f.rule === 't3.row-total[newApplications]')).toMatchObject({ severity: 'error', expected: 43, actual: 49 });
  });

  it('"/" and "——" in figure cells are reported together, and count as blank in sums', () => {
    const all = rules(withFigures(LEGACY_OK, { 'legacy.channelGazette': '/', 'legacy.channelWeibo': '——' }));
    expect(all.map((f) => f.rule)).toEqual(['value.placeholder']);
    expect(all[0].message).toContain('“/”“——”');
  });
});
