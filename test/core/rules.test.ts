import { analyzeWorkbook, type Workbook } from '../../src/core';
import { instantiate } from '../../src/core/rules';
import { refsOf } from '../../src/core/templates';
import { TEMPLATES } from '../../src/core/templates';
import { findings, withFigures } from '../support/edit';
import { legacySheet, national2019OneSheet, national2021OneSheet } from '../support/layouts';

/** The seed table with its one real inconsistency repaired: every legacy rule holds. */
const LEGACY_OK: Workbook = { sheets: [legacySheet('统计表', { values: { '5.其他方式公开政府信息数': 1342 } })] };
const NATIONAL_OK: Workbook = { sheets: [national2021OneSheet('统计表')] };

const NATIONAL_2019_OK: Workbook = { sheets: [national2019OneSheet('统计表')] };
const CONSISTENT: Record<string, Workbook> = { 'legacy-2016': LEGACY_OK, 'national-2021': NATIONAL_OK, 'national-2019': NATIONAL_2019_OK };

function valueOf(wb: Workbook, id: string): number {
  const f = analyzeWorkbook(wb).tables.map((t) => t.figures[id]).find(Boolean);
  if (!f || f.value === null) throw new Error(`no value for ${id}`);
  return f.value;
}

const ALL_RULES = TEMPLATES.flatMap((t) => t.rules.flatMap(instantiate).map((rule) => ({ format: t.id, rule })));
/** Rules within one year's table; the cross-year and level rules are tested in crossyear.test.ts. */
const TABLE_RULES = ALL_RULES.filter(({ rule }) => rule.kind !== 'requires-level' && !refsOf(rule).some((r) => r.startsWith('prev:')));

describe('every rule of both templates', () => {
  it('the consistent fixtures pass every rule', () => {
    expect(findings(analyzeWorkbook(LEGACY_OK))).toEqual([]);
    expect(findings(analyzeWorkbook(NATIONAL_OK))).toEqual([]);
    expect(findings(analyzeWorkbook(NATIONAL_2019_OK))).toEqual([]);
  });

  it('covers the relationships of formats.md: legacy §2 and national §3 rules 1 to 4', () => {
    const ids = new Set(ALL_RULES.map(({ rule }) => rule.base.id));
    for (const id of [
      'legacy.channels-cover-total',
      'legacy.normative-within-proactive',
      'legacy.normative-within-issued',
      'legacy.response-channels-cover-total',
      'legacy.press-leaders',
      'legacy.interview-leaders',
      'legacy.received-sum',
      'legacy.concluded-sum',
      'legacy.replies-sum',
      'legacy.denied-sum',
      'legacy.reviews-sum',
      'legacy.lawsuits-sum',
      'legacy.staff-sum',
      't3.balance',
      't3.outcomes-total',
      't3.row-total',
      't4.group-total',
    ]) {
      expect(ids).toContain(id);
    }
    // 7 columns × (balance + outcomes) + numeric rows (25 in 2021, 23 in 2019) + 3 groups.
    expect(TABLE_RULES.filter((r) => r.format === 'national-2021')).toHaveLength(7 + 7 + 25 + 3);
    expect(TABLE_RULES.filter((r) => r.format === 'national-2019')).toHaveLength(7 + 7 + 23 + 3);
  });

  it.each(TABLE_RULES.map((r) => [`${r.format} ${r.rule.id}`, r] as const))('%s fails when one of its cells is off by one', (_, { format, rule }) => {
    const wb = CONSISTENT[format];
    let edited: Workbook;
    let expectedDifference: number;
    if (rule.kind === 'sum-equal') {
      // Raise a right-hand component: the sides now differ by 1.
      const target = rule.right[0];
      edited = withFigures(wb, { [target]: valueOf(wb, target) + 1 });
      expectedDifference = -1;
    } else if (rule.kind === 'sum-at-least') {
      const partsSum = rule.parts.reduce((s, id) => s + valueOf(wb, id), 0);
      edited = withFigures(wb, { [rule.total]: partsSum + 1 });
      expectedDifference = -1;
    } else if (rule.kind === 'at-most') {
      const whole = rule.whole.reduce((s, id) => s + valueOf(wb, id), 0);
      edited = withFigures(wb, { [rule.part]: whole + 1 });
      expectedDifference = 1;
    } else {
      throw new Error(`not a table rule: ${rule.id}`);
    }
    const hit = findings(analyzeWorkbook(edited)).find((f) => f.rule === rule.id);
    expect(hit).toBeDefined();
    expect(hit!.severity).toBe(rule.severity);
    expect(hit!.difference).toBe(expectedDifference);
    expect(hit!.cells.length).toBeGreaterThanOrEqual(2);
    expect(hit!.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('relationship messages', () => {
  it('a 总计 that disagrees with its row says what it should be', () => {
    const wb = withFigures(NATIONAL_OK, { 't3.newApplications.total': 50 });
    const f = findings(analyzeWorkbook(wb)).find((x) => x.rule === 't3.row-total[newApplications]')!;
    expect(f).toMatchObject({ severity: 'error', expected: 49, actual: 50, difference: 1 });
    expect(f.message).toBe(
      '本年新收政府信息公开申请数量（总计）（J23）为50，但本年新收政府信息公开申请数量（自然人）、本年新收政府信息公开申请数量（商业企业）、本年新收政府信息公开申请数量（科研机构）、本年新收政府信息公开申请数量（社会公益组织）、本年新收政府信息公开申请数量（法律服务机构）、本年新收政府信息公开申请数量（其他）之和为49，合计比分项之和多1，应为49。',
    );
    // The total first, then all six components.
    expect(f.cells).toHaveLength(7);
    expect(f.cells[0]).toBe('统计表!J23');
  });

  it('the table 三 balance names both sides of each column', () => {
    const wb = withFigures(NATIONAL_OK, { 't3.carryForward.natural': 5, 't3.carryForward.total': 8 });
    const f = findings(analyzeWorkbook(wb)).find((x) => x.rule === 't3.balance[natural]')!;
    expect(f).toMatchObject({ actual: 43, expected: 46, difference: -3 });
    expect(f.cells).toHaveLength(4);
    expect(f.why).toContain('第一项加第二项之和');
  });

  it('a part above its whole is an error (其中:主要负责同志参加 ≤ 参加或举办新闻发布会总次数)', () => {
    const wb = withFigures(LEGACY_OK, { 'legacy.pressConferences': 3, 'legacy.pressConferencesByLeaders': 4 });
    const f = findings(analyzeWorkbook(wb)).find((x) => x.rule === 'legacy.press-leaders')!;
    expect(f).toMatchObject({ severity: 'error', actual: 4, expected: 3, difference: 1 });
    expect(f.message).toBe('主要负责同志参加新闻发布会次数（C18）为4，大于参加或举办新闻发布会总次数（C17）3，多1。');
  });

  it('a 规范性文件 count above those issued is only worth verifying (核实)', () => {
    const wb = withFigures(LEGACY_OK, { 'legacy.proactiveNormative': 20 });
    const f = findings(analyzeWorkbook(wb)).find((x) => x.rule === 'legacy.normative-within-issued')!;
    expect(f.severity).toBe('warning');
  });

  it('compares money at its own precision', () => {
    const ok = withFigures(LEGACY_OK, { 'legacy.fees': 0.1 });
    expect(findings(analyzeWorkbook(ok))).toEqual([]);
  });
});
