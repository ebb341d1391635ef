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

  test('a comma separates clauses, it does not join names', () => {
    expect(check('办理结果中予以公开，部分公开6件。')).toMatchObject({ findings: [], checked: 1 });
  });

  test('a joined pair counts as both parts of a listed total', () => {
    const text = '本年度办理结果总计49件，其中予以公开及部分公开27件，不予公开4件，无法提供11件，不予处理4件，其他处理3件。';
    expect(check(text).findings).toEqual([]);
    const fifty = check(text.replace('总计49件', '总计50件')).findings;
    expect(rules(fifty).sort()).toEqual(['proofread.count-mismatch', 'proofread.parts-sum']);
    expect(fifty.find((f) => f.rule === 'proofread.parts-sum')).toMatchObject({ expected: 50, actual: 49 });
  });
});

/** A report whose table has nothing the sentences name: only the text's own arithmetic is at work. */
const textOnly = () => reportOf('national-2021', {});
const legacyTextOnly = () => reportOf('legacy-2016', {});

describe('a stated total and its listed parts: the text\'s own arithmetic (sentences from published reports)', () => {
  test.each([
    ['其中, a comma after it, 其他 last', '2023年,通过政府门户网站,主动公开政府信息63条,其中,组织机构类信息16条,动态类信息36条,本级及下属事业单位预决算信息5条,工作报告信息1条,其他信息5条。'],
    ['共…其中, no 其他', '2022年,县市场监督管理局在政府门户网站上共发布公开各类政务信息62条,其中政务动态34条,公示公告13条,草案征集5条,政策文件5条,政策解读5条。'],
    ['a colon', '全年主动公开政府信息总数171条:基层政务公开领域信息124条,工作动态34条,预算决算4条,应急预案3条,政策文件2条,其他政府信息4条。'],
    ['包括, and a year in a part\'s name', '2022年,主动公开政府信息32条,包括领导信息类1条、机构职能类2条、内设机构类1条、工作动态类6条、规章制度类2条、规范性文件类2条、整体规划类1条、工作计划类1条、人事任命类1条、人才管理类1条、财政预决算类3条、三公经费类1条、处罚强制类9条、2021年信息公开年报1条。'],
    ['a bracket', '新媒体发布信息1150条(“勉县发布”官方微博1000条,“勉县政务”微信公众号150条)。'],
    ['a part with its own bracketed breakdown', '2024年主动公开政府信息698条,其中政务动态信息407条(工作动态287条,专题专栏信息106条,通知公告14条),政府信息公开信息155条,互动交流和网上服务类信息19条,综合文苑信息117条。'],
    ['具体为', '2025年,我局共受理依申请公开9件,具体为土地征收类6件,土地出让类1件,矿业权规划1件,城市规划1件。'],
    ['含 a breakdown', '主动公开市政府规章13件(含新制定5件,修改4件,废止4件)。'],
    ['含 a subset, and 另有 outside the total', '答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复）。'],
    ['one part only', '全年公开以市政府和市政府办公室名义印发的文件58件,其中通过文字、图解、领导解读、召开新闻发布的形式解读文件32件。'],
    ['a list that goes on in a form not read', '2021年,我局主动公开信息66条,其中:信息公开年报1条、通知公告18条、人大建议政协提案2条、部门预决算公开2条、行政许可事项3条、行政处罚1,回复公众诉求件9'],
    ['a list ending in 等', '共公布政府信息1200条，其中机构职能类100条、政策文件类300条等。'],
  ])('consistent: %s', (_, sentence) => {
    expect(proofreadText(sentence, textOnly()).findings).toEqual([]);
  });

  test('channels may add up to more than the total (one item on several channels), never to less when complete', () => {
    const sentence = '截止2018年12月底,我乡主动公开政府信息2873条, 其中,通过政府网站公开政府信息1600条;利用微信公众号公开政府信息450条;利用宣传车公开栏等方式公开各类政府信息453条。';
    const [f] = proofreadText(sentence, legacyTextOnly()).findings;
    expect(f).toMatchObject({ rule: 'proofread.parts-sum', expected: 2873, actual: 2503, cells: [] });
    expect(f.quote).toBe('我乡主动公开政府信息2873条');
    expect(f.message).toContain('少于2873条');
    expect(proofreadText(sentence.replace('2873条', '2503条'), legacyTextOnly()).findings).toEqual([]);
    expect(proofreadText('共主动公开政府信息100条，其中通过政府网站公开政府信息80条，政务微信公开政府信息60条，其他方式公开政府信息10条。', legacyTextOnly()).findings).toEqual([]);
  });

  test('no one channel may exceed the total', () => {
    const sentence = '全年主动公开政务信息382条,包括政府网站35条,新华社、新甘肃、今日定西、每日头条等媒体上发布信息80条,“临洮县新添镇”微信公众号2443条。';
    const [f] = proofreadText(sentence, textOnly()).findings;
    expect(f).toMatchObject({ rule: 'proofread.parts-sum', expected: 382, actual: 2443 });
    expect(f.message).toContain('微信公众号2443条”一项就超过了382条');
  });

  test('parts that exceed the total', () => {
    const sentence = '2023年,全县通过县政府网站主动公开政府信息4042条,其中县政府门户网站概况类信息和政务动态信息共计1495条,信息公开栏公开信息2918条。';
    const [f] = proofreadText(sentence, textOnly()).findings;
    expect(f).toMatchObject({ rule: 'proofread.parts-sum', expected: 4042, actual: 4413 });
    expect(f.message).toContain('之和为4413条，超过了4042条');
  });

  test('parts that fall short, the list in the next sentence', () => {
    const text = '主动向广大群众公开食品、药品安全、特种设备安全、质量安全、知识产权保护、放心消费创建等信息312条。其中,政府网站动态84条,公告公示31条,省级媒体发布信息21条,市级媒体发布信息68条。';
    const findings = proofreadText(text, textOnly()).findings;
    expect(findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['proofread.parts-sum', 312, 204]]);
    expect(findings[0].sentence).toBe('其中,政府网站动态84条,公告公示31条,省级媒体发布信息21条,市级媒体发布信息68条。');
    expect(findings[0].quote).toContain('312条');
  });

  test('a complete list whose parts do not add up; the breakdown of one part too', () => {
    const listed = '全年共公布政府信息1200条，其中机构职能类100条、政策文件类300条、财政资金类200条、其他类600条。';
    expect(proofreadText(listed, textOnly()).findings).toEqual([]);
    const short = proofreadText(listed.replace('其他类600条', '其他类500条'), textOnly()).findings;
    expect(short).toHaveLength(1);
    expect(short[0]).toMatchObject({ rule: 'proofread.parts-sum', severity: 'warning', expected: 1200, actual: 1100, cells: [], indicators: [] });
    expect(short[0].message).toContain('机构职能类100条、政策文件类300条、财政资金类200条、其他类500条之和为1100条');
    const nested = '2024年主动公开政府信息698条,其中政务动态信息407条(工作动态287条,专题专栏信息106条,通知公告10条),政府信息公开信息155条,互动交流和网上服务类信息19条,综合文苑信息117条。';
    expect(proofreadText(nested, textOnly()).findings.map((f) => [f.expected, f.actual])).toEqual([[407, 403]]);
  });

  test('shares between the parts do not break the list', () => {
    expect(proofreadText('共公开信息200条，其中政策类120条，占60%；其他类80条，占40%。', textOnly()).findings).toEqual([]);
    expect(proofreadText('共公开信息200条，其中政策类120条，占60%；其他类70条，占35%。', textOnly()).findings.map((f) => f.rule)).toEqual(['proofread.parts-sum']);
  });

  test('lists of table figures are left to the comparison with the table', () => {
    // The seed's channels add up to 8278 < 8295, as its table does: check reports the table, the text repeats it faithfully.
    expect(proofreadText(seedText, seedReport()).findings).toEqual([]);
    expect(check('本年度办理结果总计49件，其中予以公开21件，部分公开6件，不予公开4件，无法提供11件，不予处理4件，其他处理3件。').findings).toEqual([]);
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

  test('"免费提供" a service is not a statement about the fee', () => {
    expect(check('免费提供政府信息查阅服务。本年度共收取信息处理费200元。').findings).toEqual([]);
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

test('收到 counts this year\'s applications unless the sentence says it includes the carried-over ones; 受理 may either way', () => {
  expect(check('本年度共收到政府信息公开申请52件。').findings.map((f) => [f.expected, f.actual])).toEqual([[50, 52]]);
  expect(check('本年度共收到政府信息公开申请52件（含上年结转2件）。').findings).toEqual([]);
  expect(check('本年度共受理政府信息公开申请52件。').findings).toEqual([]);
  expect(check('本年度共受理政府信息公开申请50件。').findings).toEqual([]);
});

describe('a figure about another period is not this year\'s', () => {
  const year2023 = nationalReport({}, { reportYear: 2023 });

  test('last year\'s figure in a comparison is not compared with this year\'s table', () => {
    expect(check('2022年，本机关共收到申请45件，2023年增加到50件。', year2023)).toMatchObject({ findings: [], checked: 0, unchecked: 0 });
    expect(check('上年度收到政府信息公开申请45件，本年度收到政府信息公开申请50件。', year2023)).toMatchObject({ findings: [], checked: 1 });
    expect(rules(check('上年度收到政府信息公开申请45件，本年度收到政府信息公开申请51件。', year2023).findings)).toEqual(['proofread.count-mismatch']);
  });

  test('the report year, last year\'s carried-over row, and a year-less sentence are compared', () => {
    expect(check('2023年，本机关共收到政府信息公开申请50件（含2022年结转的申请），办结49件。', year2023)).toMatchObject({ findings: [], checked: 2 });
    expect(check('上年结转政府信息公开申请2件。', year2023)).toMatchObject({ findings: [], checked: 1 });
    expect(check('上年度结转申请2件。', year2023)).toMatchObject({ findings: [], checked: 1 });
    expect(rules(check('上年度结转申请3件。', year2023).findings)).toEqual(['proofread.count-mismatch']);
    expect(rules(check('2023年，本机关共收到政府信息公开申请51件。', year2023).findings)).toEqual(['proofread.count-mismatch']);
  });
});

test('a partial list of table figures is not short when the table cannot say what was left out', () => {
  const partial = '本年度办理结果总计49件，其中予以公开21件、部分公开6件。';
  expect(proofreadText(partial, textOnly())).toMatchObject({ findings: [], unchecked: 3 });
  expect(check(partial).findings).toEqual([]);
  const all = '本年度办理结果总计49件，其中予以公开21件、部分公开6件、不予公开4件、无法提供11件、不予处理4件和其他处理4件。';
  expect(proofreadText(all, textOnly()).findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['proofread.parts-sum', 49, 50]]);
});
