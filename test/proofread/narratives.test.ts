import { readFileSync } from 'fs';
import path from 'path';
import type { ReportFigures } from '../../src/core';
import { proofreadText, type ProofFinding } from '../../src/core/proofread';
import { readTextReport } from '../../src/io/text';
import { nationalValues, NATIONAL_SAMPLE } from '../narrative/fixtures';
import { nationalReport, reportOf, seedReport } from './reports';

/**
 * How real reports write their figures (issue 10, class 6): names joined before one number, totals with
 * their listed parts, tables with a blank 总计, reasons and applicant types named with a category.
 * Each case is tried both ways: the right sentence passes, the wrong one is caught and explained.
 *
 * The table is NATIONAL_SAMPLE: 新收50 上年结转2; 予以公开21 (自然人17) 部分公开6 不予公开4 (第三方2 内部事务1
 * 过程性1) 无法提供11 (不掌握9 另行制作2) 不予处理4 其他处理3, 总计49, 结转下年度3; 复议4 诉讼3.
 */

const rules = (findings: ProofFinding[]) => findings.map((f) => f.rule);
const check = (text: string, report = nationalReport()) => proofreadText(text, report);
const SEED_FILE = path.join(__dirname, '..', '..', '..', 'shared', 'seed', '000_bc870c0a05b91354.txt');
const seedText = readTextReport(readFileSync(SEED_FILE, 'utf8')).narrative;

describe('names joined before one number', () => {
  test.each([
    ['予以公开及部分公开27件。', 27],
    ['“予以公开”和“部分公开”的共27件。', 27],
    ['不予公开、无法提供15件。', 15],
    ['其中不予公开和无法提供的共15件。', 15],
    ['因政府信息公开被申请行政复议和提起行政诉讼共7件。', 7],
    ['作出行政许可、行政处罚和行政强制决定共1343件。', 1343],
  ])('%s is the sum of the names', (sentence, value) => {
    const right = check(sentence);
    expect(right.findings).toEqual([]);
    expect(right.checked).toBe(1);
    const wrong = check(sentence.replace(String(value), String(value + 1))).findings;
    expect(wrong.map((f) => [f.rule, f.expected, f.actual])).toEqual([['proofread.count-mismatch', value, value + 1]]);
  });

  test('the finding names the sum and every cell of it', () => {
    const [f] = check('予以公开及部分公开28件。').findings;
    expect(f.indicators).toEqual(['t3.granted.total', 't3.partial.total']);
    expect(f.cells).toHaveLength(2);
    expect(f.message).toContain('予以公开及部分公开合计为27件');
  });

  test('分别为 pairs names and numbers in order', () => {
    expect(check('予以公开、部分公开、不予公开分别为21件、6件和4件。')).toMatchObject({ findings: [], checked: 3 });
    const swapped = check('予以公开、部分公开、不予公开分别为21件、4件和6件。').findings;
    expect(swapped.map((f) => [f.rule, f.expected, f.actual])).toEqual([
      ['proofread.count-mismatch', 6, 4],
      ['proofread.count-mismatch', 4, 6],
    ]);
    expect(swapped[0].indicators).toEqual(['t3.partial.total']);
    expect(swapped[1].indicators).toContain('t3.deniedThirdParty.total');
    // Names and numbers that do not pair up are not guessed at.
    expect(check('予以公开、部分公开分别为21件、6件、4件。')).toMatchObject({ findings: [], checked: 0 });
  });

  test('各 gives each name the number', () => {
    const both3 = nationalReport({ outcomes: { ...NATIONAL_SAMPLE.outcomes, granted: [3, 0, 0, 0, 0, 0], partial: [3, 0, 0, 0, 0, 0] } });
    expect(check('予以公开和部分公开各3件。', both3)).toMatchObject({ findings: [], checked: 2 });
    expect(rules(check('予以公开和部分公开各3件。').findings)).toEqual(['proofread.count-mismatch', 'proofread.count-mismatch']);
  });

  test('names of different kinds given one number are not checked rather than misread', () => {
    expect(check('上年结转、予以公开21件。')).toMatchObject({ findings: [], checked: 0 });
  });

  test('a joined pair counts as both parts of a listed total', () => {
    const text = '本年度办理结果总计49件，其中予以公开及部分公开27件，不予公开4件，无法提供11件，不予处理4件，其他处理3件。';
    expect(check(text).findings).toEqual([]);
    const fifty = check(text.replace('总计49件', '总计50件')).findings;
    expect(rules(fifty).sort()).toEqual(['proofread.count-mismatch', 'proofread.parts-sum']);
    expect(fifty.find((f) => f.rule === 'proofread.parts-sum')).toMatchObject({ expected: 50, actual: 49 });
  });
});

describe('a stated total and its listed parts: the text\'s own arithmetic', () => {
  const listed = '全年共公布政府信息1200条，其中机构职能类100条、政策文件类300条、财政资金类200条、其他类600条。';

  test('a complete list (down to 其他) must add up to the total, with no table row to compare', () => {
    expect(check(listed).findings).toEqual([]);
    const short = check(listed.replace('其他类600条', '其他类500条')).findings;
    expect(short).toHaveLength(1);
    expect(short[0]).toMatchObject({ rule: 'proofread.parts-sum', severity: 'warning', expected: 1200, actual: 1100, cells: [], indicators: [] });
    expect(short[0].quote).toBe('共公布政府信息1200条');
    expect(short[0].message).toContain('机构职能类100条、政策文件类300条、财政资金类200条、其他类500条之和为1100条');
  });

  test('a partial list may stay under the total; parts of one classification may not exceed it', () => {
    expect(check('共公布政府信息1200条，其中机构职能类100条、政策文件类300条。').findings).toEqual([]);
    const over = check('共公布政府信息500条，其中机构职能类300条、政策文件类300条。').findings;
    expect(over.map((f) => [f.rule, f.expected, f.actual])).toEqual([['proofread.parts-sum', 500, 600]]);
    expect(over[0].message).toContain('超过了500条');
  });

  test('lists whose parts may overlap are left alone: channels, or parts of different kinds', () => {
    expect(check('共发布政府信息1200条，其中通过政府网站发布1000条、政务微信发布600条、其他渠道200条。').findings).toEqual([]);
    expect(check('共开展培训12次，其中线上培训5次、专题培训10次。').findings).toEqual([]);
  });

  test('shares between the parts do not break the list', () => {
    expect(check('共公开信息200条，其中政策类120条，占60%；其他类80条，占40%。').findings).toEqual([]);
    expect(rules(check('共公开信息200条，其中政策类120条，占60%；其他类70条，占35%。').findings)).toEqual(['proofread.parts-sum']);
  });

  test('the seed\'s channels (which overlap by definition) are not summed as parts', () => {
    expect(proofreadText(seedText, seedReport()).findings).toEqual([]);
  });
});

/** NATIONAL_SAMPLE with its 总计 column, 总计 row (七) and table 四 totals left blank. */
function blankTotals(): ReportFigures {
  const values: Record<string, number | null> = nationalValues(NATIONAL_SAMPLE);
  for (const id of Object.keys(values)) if (/^t3\.\w+\.total$|^t3\.total\.|^t4\.\w+\.total$/.test(id)) values[id] = null;
  return reportOf('national-2021', values as Record<string, number>);
}

describe('a table whose totals are left blank', () => {
  test.each([
    ['本年度新收政府信息公开申请50件。', 50, 't3.newApplications.total'],
    ['予以公开21件。', 21, 't3.granted.total'],
    ['本年度办理结果总计49件。', 49, 't3.total.total'],
    ['结转下年度继续办理3件。', 3, 't3.carryForward.total'],
    ['因政府信息公开被申请行政复议4件。', 4, 't4.review.total'],
  ])('%s is checked against the sum of its components', (sentence, value, id) => {
    expect(check(sentence, blankTotals())).toMatchObject({ findings: [], checked: 1, unchecked: 0 });
    const wrong = check(sentence.replace(String(value), String(value + 1)), blankTotals()).findings;
    expect(wrong.map((f) => [f.rule, f.expected, f.indicators[0]])).toEqual([['proofread.count-mismatch', value, id]]);
    expect(wrong[0].message).toContain('表中未填，按各分项之和计算');
  });

  test('a legacy 合计 row left blank is the sum of its rows', () => {
    const report = seedReport({ 'legacy.received': null as unknown as number });
    expect(proofreadText(seedText, report)).toMatchObject({ findings: [], unchecked: 0 });
    const three = proofreadText(seedText.replace('受理依申请公开2件', '受理依申请公开3件'), report).findings;
    expect(three.map((f) => [f.rule, f.expected])).toEqual([['proofread.count-mismatch', 2]]);
  });

  test('a total whose components are all blank, or one unreadable, stays not comparable', () => {
    const report = blankTotals();
    for (const id of Object.keys(report.figures)) if (id.startsWith('t3.granted.')) Object.assign(report.figures[id], { value: null, reading: { kind: 'blank' } });
    expect(check('予以公开21件。', report)).toMatchObject({ findings: [], checked: 0, unchecked: 1 });
    const unreadable = blankTotals();
    Object.assign(unreadable.figures['t3.partial.natural'], { value: null, reading: { kind: 'text', raw: '五' } });
    expect(check('部分公开6件。', unreadable)).toMatchObject({ findings: [], checked: 0, unchecked: 1 });
  });

  test('a filled total is never replaced by the sum of its components', () => {
    const values = nationalValues(NATIONAL_SAMPLE);
    const report = reportOf('national-2021', { ...values, 't3.granted.total': 22 });
    expect(check('予以公开22件。', report).findings).toEqual([]);
  });
});

describe('a sub-item written with its category', () => {
  test('a reason without 等 counts that reason: right when the reason\'s row matches', () => {
    expect(check('因本机关不掌握相关政府信息无法提供9件。')).toMatchObject({ findings: [], checked: 1 });
    expect(check('对属于保护第三方合法权益的不予公开2件。')).toMatchObject({ findings: [], checked: 1 });
    expect(check('因属于四类过程性信息、保护第三方合法权益不予公开3件。')).toMatchObject({ findings: [], checked: 1 });
  });

  test('the category\'s total written for one reason names the confusion', () => {
    const [f] = check('因本机关不掌握相关政府信息无法提供11件。').findings;
    expect(f).toMatchObject({ rule: 'proofread.total-as-subitem', expected: 9, actual: 11 });
    expect(f.message).toContain('无法提供');
    expect(f.message).toContain('本机关不掌握相关政府信息');
    expect(f.indicators).toContain('t3.unableNotHeld.total');
  });

  test('一 reason with 等 stands for the category: right with its total, a confusion with the reason\'s row', () => {
    expect(check('因本机关不掌握等原因无法提供11件。')).toMatchObject({ findings: [], checked: 1 });
    const [f] = check('因本机关不掌握等原因无法提供9件。').findings;
    expect(f).toMatchObject({ rule: 'proofread.subitem-as-total', expected: 11, actual: 9 });
    expect(f.message).toContain('本机关不掌握相关政府信息');
  });

  test('one applicant column quoted as the category: named when the sentence does not say whose', () => {
    const [f] = check('本年度予以公开17件。').findings;
    expect(f).toMatchObject({ rule: 'proofread.subitem-as-total', expected: 21, actual: 17 });
    expect(f.message).toContain('自然人');
    expect(f.indicators).toEqual(['t3.granted.total', 't3.granted.natural']);
    expect(check('自然人提出的申请中，予以公开17件。')).toMatchObject({ findings: [], checked: 1 });
    expect(check('法人或其他组织提出的申请中，予以公开4件。')).toMatchObject({ findings: [], checked: 1 });
    expect(rules(check('自然人提出的申请中，予以公开18件。').findings)).toEqual(['proofread.count-mismatch']);
  });

  test('legacy: a reason of 不同意公开 counts that reason', () => {
    expect(proofreadText('因涉及商业秘密不同意公开2件。', seedReport()).findings).toEqual([]);
    expect(rules(proofreadText('因涉及国家秘密不同意公开2件。', seedReport()).findings)).toEqual(['proofread.total-as-subitem']);
  });
});

describe('all concluded, while some are carried into next year', () => {
  test('"均已办结" with 结转下年度继续办理 3', () => {
    const [f] = check('本年度收到的政府信息公开申请均已按时办结。').findings;
    expect(f).toMatchObject({ rule: 'proofread.all-contradicted', quote: '均已按时办结' });
    expect(f.indicators).toEqual(['t3.total.total', 't3.carryForward.total']);
    expect(f.message).toContain('结转下年度继续办理');
    expect(check('本年度依申请公开事项已全部办结。').findings).toHaveLength(1);
  });

  test('nothing carried forward, or about something else: no finding', () => {
    const allDone = nationalReport({ carriedOver: [0, 0, 0, 0, 0, 0], newApplications: [41, 5, 0, 0, 2, 1] });
    expect(allDone.figures['t3.carryForward.total'].value).toBe(0);
    expect(check('本年度收到的政府信息公开申请均已按时办结。', allDone).findings).toEqual([]);
    expect(check('上年结转的2件申请均已办结。').findings).toEqual([]);
    expect(check('全年共收到人大代表建议和政协提案15件，均已按时办结。').findings).toEqual([]);
  });
});

describe('fees: 信息处理费 in the text, never 行政事业性收费', () => {
  test('"未收取任何费用" and a 信息处理费 collected, in either order', () => {
    const text = '本年度依申请公开未收取任何费用。\n本年度共收取信息处理费200元。';
    const [f] = check(text).findings;
    expect(f).toMatchObject({ rule: 'proofread.fee-contradiction', quote: '未收取任何费用' });
    expect(f.message).toContain('信息处理费200元');
    const reversed = '本年度共收取信息处理费200元。依申请公开未收取任何费用。';
    expect(rules(check(reversed).findings)).toEqual(['proofread.fee-contradiction']);
  });

  test('no fee, or 0, is consistent; 行政事业性收费 in table 二 is another matter', () => {
    expect(check('本年度未收取任何费用。本年度收取信息处理费0元。').findings).toEqual([]);
    expect(nationalReport().figures['t2.fees'].value).toBe(12.35);
    expect(check('本年度收取行政事业性收费12.35万元。依申请公开未收取任何费用。').findings).toEqual([]);
  });

  test('legacy: 七、依申请公开信息收取的费用 in the table against the text, both ways', () => {
    const charged = seedReport({ 'legacy.fees': 0.05 });
    expect(rules(proofreadText('所有依申请公开办件均未收费。', charged).findings)).toEqual(['proofread.none-contradicted']);
    expect(rules(proofreadText('依申请公开收取费用0.05万元。', seedReport()).findings)).toEqual(['proofread.count-mismatch']);
    expect(proofreadText('依申请公开收取费用0.05万元。', charged).findings).toEqual([]);
  });
});

describe('a figure about another period is not this year\'s', () => {
  const year2023 = nationalReport({}, { reportYear: 2023 });

  test('last year\'s figure in a comparison is not compared with this year\'s table', () => {
    expect(check('2022年，本机关共收到申请45件，2023年增加到50件。', year2023)).toMatchObject({ findings: [], checked: 0 });
    expect(check('上年度收到政府信息公开申请45件，本年度收到政府信息公开申请50件。', year2023)).toMatchObject({ findings: [], checked: 1 });
    expect(rules(check('上年度收到政府信息公开申请45件，本年度收到政府信息公开申请51件。', year2023).findings)).toEqual(['proofread.count-mismatch']);
  });

  test('the report year, last year\'s carried-over row, and a year-less sentence are compared', () => {
    expect(check('2023年，本机关共收到政府信息公开申请50件（含2022年结转的申请），办结49件。', year2023)).toMatchObject({ findings: [], checked: 2 });
    expect(check('上年结转政府信息公开申请2件。', year2023)).toMatchObject({ findings: [], checked: 1 });
    expect(rules(check('2023年，本机关共收到政府信息公开申请51件。', year2023).findings)).toEqual(['proofread.count-mismatch']);
  });
});
