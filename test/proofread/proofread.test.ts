import { readFileSync } from 'fs';
import path from 'path';
import { analyzeWorkbook, reportFigures } from '../../src/core';
import { draftNarrative, narrativeToText } from '../../src/core/narrative';
import { proofreadText, type ProofFinding } from '../../src/core/proofread';
import { readTextReport } from '../../src/io/text';
import { national2019OneSheet } from '../support/layouts';
import { NATIONAL_TEXT, nationalReport, seedReport } from './reports';

/**
 * Proofreading realistic report text against its table: each kind of claim is caught when wrong and
 * passes when right, and a draft written from the same figures has nothing to report.
 */

const SEED_FILE = path.join(__dirname, '..', '..', '..', 'shared', 'seed', '000_bc870c0a05b91354.txt');
const seedText = readTextReport(readFileSync(SEED_FILE, 'utf8')).narrative;

const rules = (findings: ProofFinding[]) => findings.map((f) => f.rule);

describe('the seed report', () => {
  test('its own text agrees with its table; a legacy report is held to no section headings', () => {
    const result = proofreadText(seedText, seedReport());
    expect(result.findings).toEqual([]);
    expect(result.checked).toBeGreaterThanOrEqual(8);
    expect(result.sections).toEqual([]);
  });

  test('"共受理2件" against a table showing 3 names the sentence and the cell', () => {
    const { findings } = proofreadText(seedText, seedReport({ 'legacy.received': 3, 'legacy.receivedOnline': 3 }));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ rule: 'proofread.count-mismatch', severity: 'warning', kind: 'text', expected: 3, actual: 2, difference: -1 });
    expect(f.quote).toBe('受理依申请公开2件');
    // The seed mixes half-width commas into Chinese text, as many published reports do.
    expect(f.sentence).toBe('2017年,本办共受理依申请公开2件,均通过网络申请。');
    expect(seedText.slice(f.start, f.end)).toBe(f.sentence);
    expect(seedText.split('\n')[f.paragraph].slice(f.paragraphOffset, f.paragraphOffset + f.sentence.length)).toBe(f.sentence);
    expect(f.cells).toEqual([seedReport().figures['legacy.received'].cell]);
    expect(f.indicators).toEqual(['legacy.received']);
    expect(f.message).toContain('收到申请数为3件');
  });

  test('a count written in Chinese numerals is read: 两件 passes for 2, fails for 3', () => {
    const text = seedText.replace('受理依申请公开2件', '受理依申请公开两件');
    expect(proofreadText(text, seedReport()).findings).toEqual([]);
    const three = proofreadText(text, seedReport({ 'legacy.received': 3, 'legacy.receivedOnline': 3 })).findings;
    expect(three.map((f) => [f.rule, f.expected, f.actual])).toEqual([['proofread.count-mismatch', 3, 2]]);
  });

  test('a channel\'s count quoted as the number received is a sub-item quoted as the total', () => {
    const { findings } = proofreadText(seedText, seedReport({ 'legacy.received': 3, 'legacy.receivedInPerson': 1 }));
    expect(rules(findings)).toEqual(['proofread.subitem-as-total', 'proofread.all-contradicted']);
    expect(findings[0].message).toContain('网络申请数');
    expect(findings[0].indicators).toEqual(['legacy.received', 'legacy.receivedOnline']);
  });

  test('"均通过网络申请" is contradicted by an application made in person', () => {
    const { findings } = proofreadText(seedText, seedReport({ 'legacy.receivedInPerson': 1, 'legacy.receivedOnline': 1 }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'proofread.all-contradicted', quote: '均通过网络申请' });
    expect(findings[0].indicators).toEqual(['legacy.received', 'legacy.receivedInPerson']);
    expect(findings[0].message).toContain('当面申请数为1件');
  });

  test('"在《条例》规定的期限内全部办理完毕" is contradicted by an extended one', () => {
    const { findings } = proofreadText(seedText, seedReport({ 'legacy.concludedOnTime': 1, 'legacy.concludedExtended': 1 }));
    expect(rules(findings)).toEqual(['proofread.all-contradicted']);
    expect(findings[0].indicators).toContain('legacy.concludedExtended');
  });

  test('"均未收费" and "未收取任何费用" are contradicted by fees in the table', () => {
    const charged = seedReport({ 'legacy.fees': 0.05 });
    expect(rules(proofreadText(seedText, charged).findings)).toEqual(['proofread.none-contradicted']);
    const worded = seedText.replace('所有依申请公开办件均未收费', '未收取任何费用');
    expect(rules(proofreadText(worded, charged).findings)).toEqual(['proofread.none-contradicted']);
    expect(proofreadText(worded, seedReport()).findings).toEqual([]);
  });

  test('its own headings are not required of it: a part left out is not a missing section', () => {
    const fiveParts = seedText.replace('三、政策解读情况\n', '');
    expect(proofreadText(fiveParts, seedReport()).findings).toEqual([]);
  });

  test('a fingerprint survives text added before the sentence', () => {
    const report = seedReport({ 'legacy.received': 3 });
    const before = proofreadText(seedText, report).findings[0];
    const after = proofreadText(`前言。\n${seedText}`, report).findings[0];
    expect(after.paragraph).toBe(before.paragraph + 1);
    expect(after.fingerprint).toBe(before.fingerprint);
  });
});

describe('a 2021-format report', () => {
  test('a whole report whose figures agree: nothing to report, the six parts found', () => {
    const result = proofreadText(NATIONAL_TEXT, nationalReport());
    expect(result.findings).toEqual([]);
    expect(result.checked).toBeGreaterThanOrEqual(15);
    expect(result.sections).toHaveLength(6);
    expect(result.reportYear).toBe(2023);
  });

  test('a missing section is reported by its heading', () => {
    const fiveParts = NATIONAL_TEXT.replace('三、收到和处理政府信息公开申请情况\n', '');
    const { findings } = proofreadText(fiveParts, nationalReport());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'proofread.section-missing', severity: 'warning', paragraph: -1, quote: '三、收到和处理政府信息公开申请情况' });
  });

  const applications =
    '2023年，本机关共受理政府信息公开申请52件（含上年结转2件）。本年度办理结果总计49件，其中予以公开21件，占42.9%；部分公开6件，占12.2%；' +
    '不予公开4件，占8.2%；无法提供11件，占22.4%；不予处理4件，占8.2%；其他处理3件，占6.1%。结转下年度继续办理3件。';

  test('correct figures, shares and "受理" counting last year\'s carried-over applications pass', () => {
    const result = proofreadText(applications, nationalReport());
    expect(result.findings).toEqual([]);
    expect(result.checked).toBe(16);
  });

  test('a count that matches neither reading of 受理 is wrong', () => {
    const { findings } = proofreadText(applications.replace('申请52件', '申请51件'), nationalReport());
    expect(findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['proofread.count-mismatch', 50, 51]]);
  });

  test('a sub-item quoted as the category total is named as such', () => {
    const text = '本年度办理结果中，不予公开2件。';
    const { findings } = proofreadText(text, nationalReport());
    expect(findings).toHaveLength(1);
    expect(findings[0].rule).toBe('proofread.subitem-as-total');
    expect(findings[0].message).toContain('保护第三方合法权益');
    expect(findings[0].indicators).toContain('t3.deniedThirdParty.total');
    expect(proofreadText('本年度办理结果中，不予公开4件。', nationalReport()).findings).toEqual([]);
  });

  test('a share that matches neither the count nor the table is wrong; one that follows a wrong count is left to the count', () => {
    const wrongShare = proofreadText('予以公开21件，占40.0%。', nationalReport()).findings;
    expect(wrongShare.map((f) => [f.rule, f.expected, f.actual])).toEqual([['proofread.share-mismatch', 42.9, 40]]);
    expect(wrongShare[0].cells).toHaveLength(2);
    const wrongCount = proofreadText('予以公开20件，占40.8%。', nationalReport()).findings;
    expect(rules(wrongCount)).toEqual(['proofread.count-mismatch']);
  });

  test('categories that do not add up to the stated total', () => {
    const text = '本年度办理结果总计52件，其中予以公开21件、部分公开6件、不予公开4件、无法提供11件、不予处理4件和其他处理3件。';
    const { findings } = proofreadText(text, nationalReport());
    expect(rules(findings).sort()).toEqual(['proofread.count-mismatch', 'proofread.parts-sum']);
    const sum = findings.find((f) => f.rule === 'proofread.parts-sum')!;
    expect([sum.expected, sum.actual]).toEqual([52, 49]);
    expect(proofreadText(text.replace('总计52件', '总计49件'), nationalReport()).findings).toEqual([]);
    // A partial list that stays under the total is not a contradiction.
    expect(proofreadText('本年度办理结果总计49件，其中予以公开21件、部分公开6件。', nationalReport()).findings).toEqual([]);
  });

  test('"均获维持" while a case is corrected and one is pending', () => {
    const text = '全年，本机关因政府信息公开被申请行政复议4件，均获维持。';
    const { findings } = proofreadText(text, nationalReport());
    expect(findings).toHaveLength(1);
    expect(findings[0].rule).toBe('proofread.all-contradicted');
    expect(findings[0].indicators).toEqual(['t4.review.total', 't4.review.corrected', 't4.review.pending']);
    expect(findings[0].message).toContain('尚未审结');
    const allUpheld = nationalReport({ appeals: { review: [4, 0, 0, 0], litigationDirect: [0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0] } });
    expect(proofreadText(text, allUpheld).findings).toEqual([]);
  });

  test('outcome counts follow the appeal the sentence is about', () => {
    const text = '因政府信息公开被申请行政复议4件，其中结果维持2件；被提起行政诉讼3件，其中结果维持2件和尚未审结1件。';
    expect(proofreadText(text, nationalReport()).findings).toEqual([]);
    const swapped = text.replace('行政复议4件，其中结果维持2件', '行政复议4件，其中结果维持3件');
    expect(proofreadText(swapped, nationalReport()).findings.map((f) => f.indicators)).toEqual([['t4.review.upheld']]);
  });

  test('"未发生…行政复议、行政诉讼" against cases in table 四', () => {
    const { findings } = proofreadText('全年，本机关未发生政府信息公开行政复议、行政诉讼案件。', nationalReport());
    expect(findings.map((f) => f.expected)).toEqual([4, 3]);
    const none = nationalReport({ appeals: { review: [0, 0, 0, 0], litigationDirect: [0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0] } });
    expect(proofreadText('全年，本机关未发生政府信息公开行政复议、行政诉讼案件。', none).findings).toEqual([]);
  });

  test('an amount in 元 is compared in 万元, at the precision written', () => {
    expect(proofreadText('收取行政事业性收费123500元。', nationalReport()).findings).toEqual([]);
    expect(proofreadText('收取行政事业性收费12.4万元。', nationalReport()).findings).toEqual([]);
    expect(rules(proofreadText('收取行政事业性收费13万元。', nationalReport()).findings)).toEqual(['proofread.count-mismatch']);
  });

  test('common words about other things are not taken for application figures', () => {
    const text = '全年共收到人大代表建议和政协提案15件，均已按时办结。办结群众来信8件。';
    expect(proofreadText(text, nationalReport())).toMatchObject({ findings: [], checked: 0 });
  });

  test('applications by organizations are the five organization columns together', () => {
    const text = '从申请人类型看，自然人申请41件，法人或其他组织申请9件。';
    expect(proofreadText(text, nationalReport()).findings).toEqual([]);
    expect(proofreadText(text.replace('9件', '8件'), nationalReport()).findings.map((f) => f.indicators.length)).toEqual([5]);
  });

  test('claims the table cannot answer are counted, not reported', () => {
    const result = proofreadText('本年度共收取信息处理费0.2万元。', nationalReport());
    expect(result).toMatchObject({ findings: [], checked: 0, unchecked: 1 });
    expect(rules(proofreadText('本年度共收取信息处理费0.2万元。', nationalReport({}, { feeCollected: 0 })).findings)).toEqual([
      'proofread.count-mismatch',
    ]);
  });
});

describe('every kind of count: right passes, one off is caught with its cells', () => {
  const withRegulations = () => nationalReport({ regulations: [2, 1, 5] });
  test.each([
    ['收到', '2023年，本机关共收到政府信息公开申请50件。', 50, ['t3.newApplications.total'], withRegulations],
    ['新收', '本年度新收政府信息公开申请50件。', 50, ['t3.newApplications.total'], withRegulations],
    ['上年结转', '上年结转政府信息公开申请2件。', 2, ['t3.carriedOver.total'], withRegulations],
    ['办结', '全年办结政府信息公开申请49件。', 49, ['t3.total.total'], withRegulations],
    ['予以公开', '其中予以公开21件。', 21, ['t3.granted.total'], withRegulations],
    ['不予公开', '不予公开4件。', 4, ['t3.deniedStateSecret.total'], withRegulations],
    ['无法提供', '无法提供11件。', 11, ['t3.unableNotHeld.total'], withRegulations],
    ['不予处理', '不予处理4件。', 4, ['t3.notProcessedComplaint.total'], withRegulations],
    ['结转下年度', '结转下年度继续办理3件。', 3, ['t3.carryForward.total'], withRegulations],
    ['行政复议', '因政府信息公开被申请行政复议4件。', 4, ['t4.review.total'], withRegulations],
    ['行政诉讼', '被提起行政诉讼3件。', 3, ['t4.litigationDirect.total', 't4.litigationAfterReview.total'], withRegulations],
    ['规章', '本年制发规章2件，现行有效规章5件。', 2, ['t2.regulations.issued'], withRegulations],
    ['规范性文件', '制发行政规范性文件3件、废止1件。', 3, ['t2.normativeDocs.issued'], withRegulations],
    ['行政许可', '作出行政许可决定1256件。', 1256, ['t2.licensing'], withRegulations],
    ['主动公开', '全年共主动公开政府信息8295条。', 8295, ['legacy.proactive'], () => seedReport()],
    ['专项经费', '政府信息公开专项经费15万元。', 15, ['legacy.funding'], () => seedReport()],
  ])('%s', (_, sentence, value, indicators, report) => {
    expect(proofreadText(sentence, report())).toMatchObject({ findings: [], checked: expect.any(Number) });
    expect(proofreadText(sentence, report()).checked).toBeGreaterThan(0);
    const wrong = sentence.replace(String(value), String(value + 1));
    const { findings } = proofreadText(wrong, report());
    expect(findings.map((f) => [f.rule, f.actual])).toEqual([['proofread.count-mismatch', value + 1]]);
    expect(findings[0].indicators.slice(0, indicators.length)).toEqual(indicators);
    expect(findings[0].cells.length).toBe(findings[0].indicators.length);
  });
});

describe('a draft written from the same figures has nothing to report', () => {
  test.each([
    ['the seed table', seedReport()],
    ['the 2021 sample', nationalReport({}, { feeCollected: 0.3 })],
  ])('%s', (_, report) => {
    const text = narrativeToText(draftNarrative({ format: report.format, figures: report.figures, facts: { ...report.facts, reportYear: 2023 } }));
    const result = proofreadText(text, report);
    expect(result.findings).toEqual([]);
    expect(result.checked).toBeGreaterThan(25);
  });

  test('a 2019-format table (items per year, decisions in a column of their own)', () => {
    const [report] = reportFigures(analyzeWorkbook({ sheets: [national2019OneSheet('统计表')] }));
    expect(report.format).toBe('national-2019');
    const text = narrativeToText(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }));
    expect(text).toContain('行政许可事项由上一年的86项');
    const result = proofreadText(text, report);
    expect(result.findings).toEqual([]);
    expect(result.checked).toBeGreaterThan(40);
    const wrong = text.replace('作出处理决定1180件', '作出处理决定1181件').replace('新制作规范性文件4件', '新制作规范性文件5件');
    expect(proofreadText(wrong, report).findings.map((f) => f.indicators)).toEqual([['t2.normativeDocs.made'], ['t2.licensing.decisions']]);
  });

  test.each(['2017-legacy-seed.xlsx', '2023-national-one-sheet.xlsx', '2023-national-three-sheets.xlsx'])('sample workbook %s', async (file) => {
    const { loadWorkbook, workbookToGrid } = await import('../../src/io/xlsx');
    const grid = workbookToGrid(await loadWorkbook(readFileSync(path.join(__dirname, '..', '..', 'assets', 'samples', file)), file));
    for (const report of reportFigures(analyzeWorkbook(grid))) {
      const text = narrativeToText(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }));
      expect(proofreadText(text, report).findings).toEqual([]);
    }
  });
});
