import { analyzeWorkbook, type Workbook } from '../../src/core';
import { levelFromName } from '../../src/core/templates/levels';
import { findings, withFigures } from '../support/edit';
import { legacySheet, national2019OneSheet, national2021OneSheet, SAMPLE_2021, type National2021Data } from '../support/layouts';

/** Last year's report: its carry-forward is this year's carried-over, its stock plus this year's flow is this year's stock. */
const LAST_YEAR: National2021Data = {
  ...SAMPLE_2021,
  t2: { ...SAMPLE_2021.t2, normativeDocs: [6, 1, 35] },
  t3: { ...SAMPLE_2021.t3, carryForward: [3, 0, 0, 0, 1, 0] },
};
const THIS_YEAR: Workbook = { sheets: [national2021OneSheet('2023年')] };
const PREVIOUS: Workbook = { sheets: [national2021OneSheet('2022年', LAST_YEAR, {}, '某县人民政府办公室2022年政府信息公开工作年度报告统计表')] };
const rules = (wb: Workbook, previous?: Workbook) => findings(analyzeWorkbook(wb, { previous }));

describe('cross-year checks with last year’s workbook', () => {
  it('pass when carried-over equals last year’s carry-forward and the stock rolls forward', () => {
    // 38 in force = 35 last year + 5 issued − 2 repealed.
    expect(rules(THIS_YEAR, PREVIOUS)).toEqual([]);
  });

  it('上年结转 differing from last year’s 结转下年度 is worth verifying, per column', () => {
    const prev = withFigures(PREVIOUS, { 't3.carryForward.natural': 4, 't3.carryForward.total': 5 });
    const hits = rules(THIS_YEAR, prev).filter((f) => f.rule.startsWith('t3.carried-from-last-year'));
    expect(hits.map((f) => f.rule)).toEqual(['t3.carried-from-last-year[natural]', 't3.carried-from-last-year[total]']);
    expect(hits[0]).toMatchObject({ severity: 'warning', actual: 3, expected: 4, difference: -1 });
    expect(hits[0].message).toContain('上年结转下年度继续办理');
    // Only this year's cells are named as cells; last year's are in another file.
    expect(hits[0].cells).toHaveLength(1);
  });

  it('现行有效件数 that does not roll forward is worth verifying', () => {
    const f = rules(withFigures(THIS_YEAR, { 't2.normativeDocs.inForce': 40 }), PREVIOUS).find((x) => x.rule === 't2.in-force-roll-forward[normativeDocs]')!;
    expect(f).toMatchObject({ severity: 'warning', actual: 40, expected: 38, difference: 2 });
    expect(f.message).toContain('减去');
  });

  it('more repealed than there was to repeal is worth verifying', () => {
    const wb = withFigures(THIS_YEAR, { 't2.normativeDocs.repealed': 41, 't2.normativeDocs.inForce': 0 });
    const f = rules(wb, PREVIOUS).find((x) => x.rule === 't2.repealed-within-stock[normativeDocs]')!;
    expect(f).toMatchObject({ severity: 'warning', actual: 41, expected: 40 });
  });

  it('a report identical to last year’s in every cell is flagged as copied', () => {
    const copied = rules(THIS_YEAR, { sheets: [national2021OneSheet('2022年')] }).filter((f) => f.rule === 'cross-year.identical');
    expect(copied).toHaveLength(1);
    expect(copied[0].severity).toBe('warning');
    expect(copied[0].cells).toHaveLength(200);
    expect(rules(THIS_YEAR, PREVIOUS).some((f) => f.rule === 'cross-year.identical')).toBe(false);
  });

  it('finds last year’s table in the same workbook by its year', () => {
    const both: Workbook = { sheets: [PREVIOUS.sheets[0], withFigures(THIS_YEAR, { 't3.carriedOver.natural': 9, 't3.carriedOver.total': 12, 't3.newApplications.natural': 34, 't3.newApplications.total': 43 }).sheets[0]] };
    const all = findings(analyzeWorkbook(both));
    expect(all.filter((f) => f.rule.startsWith('t3.carried-from-last-year')).map((f) => f.rule)).toEqual(['t3.carried-from-last-year[natural]', 't3.carried-from-last-year[total]']);
  });

  it('is skipped without last year’s figures, and across formats uses what both have', () => {
    expect(rules(THIS_YEAR)).toEqual([]);
    // A 2019-format report last year: 表三 compares, 表二's stock does not exist in 2019.
    const prev2019 = { sheets: [national2019OneSheet('2020年')] };
    const hits = rules(THIS_YEAR, prev2019).map((f) => f.rule);
    expect(hits.some((r) => r.startsWith('t2.'))).toBe(false);
  });
});

describe('plausibility', () => {
  const regulations = withFigures(THIS_YEAR, { 't2.regulations.issued': 1, 't2.regulations.inForce': 1 });

  it('a county reporting 规章 is an error when the level is stated', () => {
    const f = findings(analyzeWorkbook(regulations, { facts: { level: 'county' } })).find((x) => x.rule === 't2.regulations-by-level')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('本机关为县级人民政府');
    expect(f.cells).toHaveLength(2);
  });

  it('… and worth verifying when the level is only read from the body’s name', () => {
    const f = findings(analyzeWorkbook(regulations)).find((x) => x.rule === 't2.regulations-by-level')!;
    // The sample's title names 某县人民政府办公室.
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('从机关名称看');
  });

  it('a 设区的市 may report 规章, and nothing is said without a level', () => {
    expect(findings(analyzeWorkbook(regulations, { facts: { level: 'city' } })).some((x) => x.rule === 't2.regulations-by-level')).toBe(false);
    const untitled = withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't2.regulations.issued': 1 });
    untitled.sheets[0].rows[0] = [];
    expect(findings(analyzeWorkbook(untitled)).some((x) => x.rule === 't2.regulations-by-level')).toBe(false);
  });

  it.each([
    ['某某镇人民政府', 'township'],
    ['某某街道办事处', 'township'],
    ['某县人民政府办公室', 'county'],
    ['某区人民政府', 'county'],
    ['中共嵊泗县委嵊泗县人民政府办公室', 'county'],
    ['某县交通运输局', 'county-dept'],
    ['某市人民政府', undefined],
    ['某省教育厅', undefined],
  ])('reads the level of %s as %s', (name, level) => {
    expect(levelFromName(name)).toBe(level);
  });

  it('a title naming another year than the report year is worth verifying', () => {
    const f = findings(analyzeWorkbook({ sheets: [legacySheet('统计表')] }, { facts: { reportYear: 2018 } })).find((x) => x.rule === 'plausibility.title-year')!;
    expect(f).toMatchObject({ severity: 'warning', actual: 2017, expected: 2018 });
    expect(findings(analyzeWorkbook({ sheets: [legacySheet('统计表')] }, { facts: { reportYear: 2017 } })).some((x) => x.rule === 'plausibility.title-year')).toBe(false);
  });

  it('a statistics period ending 12月30日 is worth verifying; the calendar year passes', () => {
    const wb = { sheets: [legacySheet('统计表')] };
    const bad = analyzeWorkbook(wb, { text: '本报告中所列数据的统计期限自2017年1月1日起至2017年12月30日止。' });
    expect(bad.notices.map((n) => n.rule)).toEqual(['plausibility.statistics-period']);
    expect(bad.notices[0].message).toContain('2017年1月1日至2017年12月31日');
    const good = analyzeWorkbook(wb, { text: '统计期限自2017年1月1日起至2017年12月31日止。' });
    expect(good.notices).toEqual([]);
  });
});
