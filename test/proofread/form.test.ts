import { readFileSync } from 'fs';
import path from 'path';
import { proofreadText, proofreadTextAlone, type ProofFinding } from '../../src/core/proofread';
import { readTextReport } from '../../src/io/text';
import { NATIONAL_TEXT, nationalReport, reportOf, seedReport } from './reports';
import { national2019Values, NATIONAL_SAMPLE } from '../narrative/fixtures';

/**
 * The reviewer's checks of a report's form (issue 10, class 6): which sections a report owes (by format
 * and year), their numbering and order, an empty problems part, years that are not the report year,
 * and a report copied from last year's.
 */

const rules = (findings: ProofFinding[]) => findings.map((f) => f.rule);
const SEED_FILE = path.join(__dirname, '..', '..', '..', 'shared', 'seed', '000_bc870c0a05b91354.txt');
const seedText = readTextReport(readFileSync(SEED_FILE, 'utf8')).narrative;
const lines = NATIONAL_TEXT.split('\n');
const withLines = (edit: (ls: string[]) => string[]) => edit([...lines]).join('\n');
const PROBLEMS = '五、存在的主要问题及改进情况';
const OTHER = '六、其他需要报告的事项';

describe('required sections depend on the format and the year', () => {
  test('a 2021-format report owes the six parts', () => {
    const missing = proofreadText(withLines((ls) => ls.filter((l) => l !== '四、政府信息公开行政复议、行政诉讼情况')), nationalReport()).findings;
    expect(missing.map((f) => [f.rule, f.quote])).toEqual([['proofread.section-missing', '四、政府信息公开行政复议、行政诉讼情况']]);
  });

  test('so does a 2019-format (trial) report of 2020', () => {
    const report = reportOf('national-2019', national2019Values({ regulations: [0, 0, 0], normativeDocs: [3, 3, 26], licensing: [10, 0, 1256], otherServices: [0, 0, 0], punishment: [5, 0, 87], coercion: [0, 0, 0], fees: [1, 0], procurement: [0, 0] }, NATIONAL_SAMPLE), { reportYear: 2020 });
    const text = withLines((ls) => ls.filter((l) => l !== OTHER).map((l) => l.replace(/2023年/g, '2020年').replace(/2022年/g, '2019年').replace(/2024年/g, '2021年')));
    const { findings } = proofreadText(text, report);
    expect(findings.map((f) => [f.rule, f.quote])).toEqual([['proofread.section-missing', OTHER]]);
  });

  test('a legacy (2016–2018) report owes neither the six parts nor the seed\'s own headings', () => {
    const result = proofreadText(seedText.replace('三、政策解读情况\n', '').replace('六、其他需要报告的事项\n', ''), seedReport());
    expect(result).toMatchObject({ findings: [], sections: [] });
    // Written in 2021-style headings, a 2018 report is still not held to the six parts.
    const national2018 = proofreadText(withLines((ls) => ls.filter((l) => l !== OTHER)), nationalReport({}, { reportYear: 2018 }));
    expect(rules(national2018.findings)).not.toContain('proofread.section-missing');
  });
});

describe('sections numbered and ordered as the format has them', () => {
  test('a heading whose numeral fits neither its place nor the format is misnumbered', () => {
    const text = withLines((ls) => ls.map((l) => (l === PROBLEMS ? '四、存在的主要问题及改进情况' : l)));
    const { findings } = proofreadText(text, nationalReport());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'proofread.section-number', quote: '四、存在的主要问题及改进情况', severity: 'warning' });
    expect(findings[0].message).toContain('应为“五、”');
    expect(findings[0].sentence).toBe('四、存在的主要问题及改进情况');
  });

  test('a part left out and the rest renumbered, or not renumbered: only the missing part is reported', () => {
    const renumbered = withLines((ls) =>
      ls.filter((l) => l !== '四、政府信息公开行政复议、行政诉讼情况').map((l) => l.replace(/^五、/, '四、').replace(/^六、/, '五、')),
    );
    expect(rules(proofreadText(renumbered, nationalReport()).findings)).toEqual(['proofread.section-missing']);
    const kept = withLines((ls) => ls.filter((l) => l !== '四、政府信息公开行政复议、行政诉讼情况'));
    expect(rules(proofreadText(kept, nationalReport()).findings)).toEqual(['proofread.section-missing']);
  });

  test('two parts in the wrong order', () => {
    const at = lines.indexOf(PROBLEMS);
    const otherAt = lines.indexOf(OTHER);
    const swapped = [...lines.slice(0, at), ...lines.slice(otherAt), ...lines.slice(at, otherAt)].map((l) =>
      l === OTHER ? '五、其他需要报告的事项' : l === PROBLEMS ? '六、存在的主要问题及改进情况' : l,
    );
    const { findings } = proofreadText(swapped.join('\n'), nationalReport());
    expect(findings.map((f) => [f.rule, f.quote])).toEqual([['proofread.section-order', '六、存在的主要问题及改进情况']]);
    expect(findings[0].message).toContain('五、其他需要报告的事项');
  });
});

describe('the problems part left empty or written as "无"', () => {
  const problemsBody = lines[lines.indexOf(PROBLEMS) + 1];

  test.each([
    ['empty', withLines((ls) => ls.filter((l) => l !== problemsBody))],
    ['only 无', withLines((ls) => ls.map((l) => (l === problemsBody ? '无。' : l)))],
    ['无 on the heading\'s line', withLines((ls) => ls.filter((l) => l !== problemsBody).map((l) => (l === PROBLEMS ? `${PROBLEMS}：无` : l)))],
  ])('%s', (_, text) => {
    const { findings } = proofreadText(text, nationalReport());
    expect(findings.map((f) => [f.rule, f.quote])).toEqual([['proofread.section-empty', expect.stringContaining(PROBLEMS)]]);
  });

  test('items inside the part numbered 一、二、 are its content, not the next part', () => {
    const text = withLines((ls) => ls.map((l) => (l === problemsBody ? '一、信息发布不够及时\n二、解读形式较为单一' : l)));
    expect(proofreadText(text, nationalReport()).findings).toEqual([]);
  });

  test('a legacy report\'s problems part too; an empty 六 is normal', () => {
    const emptyProblems = seedText.replace(/(五、政府信息公开工作存在的主要问题和改进措施\n)[\s\S]*?(六、)/, '$1$2');
    expect(rules(proofreadText(emptyProblems, seedReport()).findings)).toEqual(['proofread.section-empty']);
    const otherNone = withLines((ls) => ls.map((l) => (l === '本年度未收取信息处理费。本年度无其他需要报告的事项。' ? '无。' : l)));
    expect(proofreadText(otherNone, nationalReport()).findings).toEqual([]);
  });
});

describe('years in the text', () => {
  const check = (sentence: string) => proofreadText(sentence, nationalReport({}, { reportYear: 2023 })).findings;

  test.each([
    ['last year as the period of what was done', '2022年，本机关共收到政府信息公开申请50件。', 2022],
    ['two years back', '2021年度，本机关主动公开政府信息1200条。', 2021],
    ['next year for what was done, outside the plans', '2024年，本机关共收到政府信息公开申请50件。', 2024],
    ['after an enumerator', '（一）2022年，我局主动公开政府信息120条。', 2022],
  ])('%s is flagged', (_, sentence, year) => {
    const findings = check(sentence);
    expect(findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['proofread.year-not-report-year', 2023, year]]);
    expect(findings[0].message).toContain(`${year}年`);
  });

  test.each([
    ['a comparison', '2022年，本机关共收到申请45件，2023年增加到50件。'],
    ['a comparison written 增至', '2022年，我局主动公开政府信息1000条，2023年增至1200条。'],
    ['comparison words before the year', '与2022年相比，申请数量有所增加。'],
    ['carried over', '2022年结转的2件申请已办结。'],
    ['a plan', '2024年，本机关将进一步加强政府信息公开平台建设。'],
    ['a date', '2024年1月20日，本报告经审定后发布。'],
    ['a range', '2021—2025年，全面推进政务公开标准化规范化。'],
    ['since', '2019年以来，本机关持续推进政务公开。'],
    ['a document name', '《2022年政务公开工作要点》提出的任务已全部完成。'],
    ['a document number', '按照国办公开办函〔2021〕30号的要求编制。'],
    ['in quotes', '“2022年度优秀政务新媒体”称号。'],
    ['the report year', '2023年，本机关共收到政府信息公开申请50件。'],
    ['a year in the middle of a sentence', '本机关落实2022年度报告中指出的问题。'],
    ['history, with no figure', '2019年，我县被确定为全国政务公开标准化规范化试点县。'],
  ])('%s is normal', (_, sentence) => {
    expect(check(sentence)).toEqual([]);
  });

  test('in the problems part, last year\'s problems and next year\'s plans are normal', () => {
    const text = withLines((ls) => {
      const at = ls.indexOf(PROBLEMS);
      ls.splice(at + 1, 1, '2022年，本机关存在答复不够规范的问题，已整改到位。', '2024年，本机关在信息发布方面加强审核。');
      return ls;
    });
    expect(proofreadText(text, nationalReport()).findings).toEqual([]);
  });

  test('the title names another year than the table', () => {
    const text = withLines((ls) => [ls[0].replace('2023年', '2022年'), ...ls.slice(1)]);
    const findings = proofreadText(text, nationalReport({}, { reportYear: 2023 })).findings;
    expect(findings.map((f) => [f.rule, f.actual, f.paragraph])).toEqual([['proofread.year-not-report-year', 2022, 0]]);
  });

  test('the report year comes from the text\'s own title when the table does not say; unknown, no year is checked', () => {
    expect(proofreadText(NATIONAL_TEXT, nationalReport()).reportYear).toBe(2023);
    expect(rules(proofreadText(`${NATIONAL_TEXT}\n2022年，本机关共收到政府信息公开申请50件。`, nationalReport()).findings)).toEqual(['proofread.year-not-report-year']);
    expect(proofreadText('2022年，本机关共收到政府信息公开申请50件。', nationalReport()).findings).toEqual([]);
  });
});

describe('a report copied from last year\'s', () => {
  const lastYear = NATIONAL_TEXT.replace(/2023年/g, '2022年').replace(/2022年度报告/g, '2021年度报告').replace(/2024年/g, '2023年');

  test('sentences repeated with only the year changed are counted and shown', () => {
    const result = proofreadText(NATIONAL_TEXT, nationalReport(), { previousText: lastYear });
    expect(result.repeated).toBeDefined();
    const repeated = result.repeated!;
    expect(repeated.sentences).toBeGreaterThanOrEqual(5);
    expect(repeated.share).toBeGreaterThan(0.8);
    const finding = result.findings.find((f) => f.rule === 'proofread.repeated-from-previous')!;
    expect(finding).toMatchObject({ severity: 'warning', paragraph: -1 });
    expect(finding.message).toContain(`${repeated.sentences}句`);
    expect(repeated.passages.map((p) => p.text).join('')).toContain('扎实推进政府信息公开工作');
    for (const p of repeated.passages) expect(NATIONAL_TEXT.slice(p.start, p.end)).toContain(p.text.slice(0, 10));
  });

  test('a report written anew is not flagged; headings, short sentences and the preface are not counted', () => {
    const rewritten = withLines((ls) =>
      ls.map((l) => (l.includes('深入贯彻') ? '2023年，本机关以提升政务公开质量为主线，完善公开目录，优化公开平台，取得明显成效。' : l)),
    );
    const previous = withLines((ls) => ls.map((l) => (l.includes('深入贯彻') ? '2022年，本机关围绕中心工作，持续深化政务公开，推动政府信息公开工作取得新进展。' : l)))
      .split('\n')
      .slice(0, 4)
      .join('\n');
    const result = proofreadText(rewritten, nationalReport(), { previousText: previous });
    expect(result.repeated).toMatchObject({ sentences: 0 });
    expect(result.findings).toEqual([]);
  });
});

describe('what the preface says the parts are (sentences from published reports)', () => {
  const legacyEmpty = () => reportOf('legacy-2016', {});
  const nationalEmpty = (reportYear: number) => reportOf('national-2021', {}, { reportYear });

  test('"等五部分组成" over six numbered parts', () => {
    const text = [
      '根据《中华人民共和国政府信息公开条例》的有关规定,特向社会公布2017年度政府信息公开年度报告。本报告由概述,主动公开政府信息情况,依申请公开、不予公开及咨询政府信息情况等五部分组成。',
      '一、概述',
      '二、主动公开政府信息情况',
      '2017年,主动公开政府工作信息、动态755多条。',
      '三、依申请公开、不予公开及咨询政府信息情况',
      '四、申请行政复议、提起行政诉讼和申诉的情况',
      '我乡收到有关政府信息公开行政复议申请0件。',
      '五、政府信息公开的收费及减免情况',
      '2017年我办对信息公开免费提供,未收取任何费用。',
      '六、工作存在的主要问题及下步打算',
      '1、加强学习。不断提高对信息公开工作重要性的认识。',
    ];
    const { findings } = proofreadText(text.join('\n'), legacyEmpty());
    expect(findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['proofread.preface-parts', 6, 5]]);
    expect(findings[0].message).toContain('“五”部分');
    // A capture that stops before its last parts is not a contradiction: fewer headings than stated.
    expect(proofreadText(text.slice(0, 5).join('\n'), legacyEmpty()).findings).toEqual([]);
    expect(proofreadText(text.join('\n').replace('等五部分', '等六部分'), legacyEmpty()).findings).toEqual([]);
  });

  test('a list that starts again at 一 inside a part ends the count of parts', () => {
    const text = ['本报告由总体情况等五部分组成。', '一、总体情况', '二、主动公开', '三、依申请公开', '四、复议诉讼', '五、问题和改进', '一、加强学习', '二、规范发布', '三、强化解读', '四、加强培训', '五、完善考核', '六、严格考核', '七、强化监督'];
    expect(proofreadText(text.join('\n'), reportOf('legacy-2016', {})).findings).toEqual([]);
  });

  test('a 2021-format preface that lists five of the six parts', () => {
    const preface =
      '本年度报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和区政府办公室《区政府办公室关于切实做好2023 年政府信息公开年度报告编制发布工作的通知》,国务院办公厅政府信息与政务公开办公室下发的《中华人民共和国政府信息公开工作年度报告格式》的要求,由无锡市锡山区人民政府厚桥街道党政办公室综合科编制。全文包括(一)总体情况;(二)主动公开政府信息情况;(三)收到和处理政府信息公开申请情况;(四)政府信息公开行政复议、行政诉讼情况;(五)存在的主要问题及改进情况。本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。';
    const { findings } = proofreadText(preface, nationalEmpty(2023));
    expect(findings.map((f) => f.rule)).toEqual(['proofread.preface-parts']);
    expect(findings[0].message).toContain('缺少“六、其他需要报告的事项”');
    expect(preface).toContain(findings[0].quote);
    expect(findings[0].quote.startsWith('全文包括')).toBe(true);
    // Not of a legacy report; and a list left open with 等 or naming all six passes.
    expect(proofreadText(preface, reportOf('legacy-2016', {}, { reportYear: 2017 })).findings).toEqual([]);
    for (const ok of [
      '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况等部分组成。',
      '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。',
      '主要从总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议、行政诉讼情况,存在的主要问题及改进情况及其他需要报告的事项等六个方面汇报我镇2023年政府信息公开工作。',
    ]) {
      expect(proofreadText(ok, nationalEmpty(2023)).findings).toEqual([]);
    }
  });
});

describe('years as published reports write them', () => {
  test.each([
    [2017, '本报告所列数据的统计期限为201711日至20171231日。'],
    [2017, '(中办发﹝20168号)'],
    [2016, '时间:2017-01-12 10:01'],
    [2023, '(2024年3 月 26日)'],
    [2022, '2022年,主动公开政府信息13条,包括领导信息类1条、机构职能类2条、处罚强制类9条、2021年信息公开年报1条。'],
    [2025, '通过市政府门户网站等渠道主动公开以市政府或市政府办公室名义印发的文件,市政府办公室2024年部门决算和2025年部门预算等信息。'],
    [2021, '(国办公开办函〔2019〕60号)'],
    [2021, '报告中所列数据的统计期限自202111日起至20211231日止。'],
  ])('%i: %s', (reportYear, sentence) => {
    expect(proofreadText(sentence, reportOf('national-2021', {}, { reportYear })).findings).toEqual([]);
  });

  test('a title split over two lines gives the report year', () => {
    const text = '市政府研究室2019年政府信息公开\n工作年度报告\n2018年,本机关共收到政府信息公开申请2件。';
    const result = proofreadText(text, reportOf('national-2019', {}));
    expect(result.reportYear).toBe(2019);
    expect(result.findings.map((f) => f.rule)).toEqual(['proofread.year-not-report-year']);
  });
});

describe('a report without its table', () => {
  test('the format follows the text\'s year; without a year no sections are required', () => {
    expect(proofreadTextAlone('某局2017年政府信息公开工作年度报告\n一、概述').format).toBe('legacy-2016');
    expect(proofreadTextAlone('某局2020年政府信息公开工作年度报告\n一、总体情况').format).toBe('national-2019');
    const national = proofreadTextAlone('某局2023年政府信息公开工作年度报告\n一、总体情况\n本局认真落实《条例》。');
    expect(national.format).toBe('national-2021');
    expect(national.findings.map((f) => f.rule)).toContain('proofread.section-missing');
    const yearless = proofreadTextAlone('一、总体情况\n本局认真落实《条例》。');
    expect(yearless).toMatchObject({ format: 'national-2021', findings: [], sections: [] });
  });

  test('figure claims are counted as not comparable, the text\'s own sums are checked', () => {
    const result = proofreadTextAlone('2023年，本机关共收到政府信息公开申请50件。全年共公布政府信息120条，其中机构职能类20条、其他类90条。');
    expect(result.unchecked).toBe(1);
    expect(result.findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['proofread.parts-sum', 120, 110]]);
  });
});

describe('a plan in the problems part written for the report year (2016-city-pingtan)', () => {
  const part = (plan: string) =>
    [
      '六、主要问题和改进措施',
      '2016年，我区政府信息公开工作取得了明显进展，但仍存在一些不足和薄弱环节。',
      plan,
      '（一）继续强化信息公开责任。切实贯彻落实《中华人民共和国政府信息公开条例》。',
    ].join('\n');
  const legacy2016 = () => reportOf('legacy-2016', {}, { reportYear: 2016 });

  test('"2016年，我们将采取以下措施加以改进" in a 2016 report', () => {
    const { findings } = proofreadText(part('2016年，我们将采取以下措施加以改进：'), legacy2016());
    expect(findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['proofread.year-not-report-year', 2017, 2016]]);
    expect(findings[0].message).toContain('计划应是2017年的');
  });

  test('the next year\'s plan, a measure already taken, and 将 meaning 把 are normal', () => {
    for (const line of ['2017年，我们将采取以下措施加以改进：', '2016年，我们采取了以下措施加以改进：', '2016年，我区将政务公开工作纳入绩效考核。']) {
      expect(proofreadText(part(line), legacy2016()).findings).toEqual([]);
    }
    // Outside the problems part the report year's 将 is not read as a plan.
    expect(proofreadText('2016年，我们将采取以下措施加以改进：', legacy2016()).findings).toEqual([]);
  });
});

describe('enumerations numbered 一是、二是… and sub-headings （一）（二）…', () => {
  // A legacy report is held to no headings, so only the numbering speaks here.
  const check = (text: string) => proofreadText(text, reportOf('legacy-2016', {}, { reportYear: 2017 })).findings;

  test('一是、三是、三是 (2023-city-pingtan)', () => {
    const sentence =
      '存在的问题主要有以下几个方面：一是部分单位信息发布属性界定还不够精确，部分栏目存在信息噪音；三是开拓创新不够有力，实验区政务公开工作特色打造、亮点挖掘还不够；三是政策解读的质量有待提高，形式还要更加多样、更加“接地气”。';
    const findings = check(sentence);
    expect(findings.map((f) => [f.rule, f.quote])).toEqual([['proofread.enumeration-number', '三是']]);
    expect(findings[0].message).toContain('“一是、三是、三是”');
    expect(findings[0].message).toContain('应为“二是”');
    expect(findings[0].sentence).toBe(sentence);
  });

  test('a list across paragraphs, a list that starts again, words that contain 一是: normal', () => {
    expect(check('一是加大检查力度。\n二是提升内容质量。\n三是拓宽互动渠道。')).toEqual([]);
    expect(check('问题：一是发布不及时；二是解读单一。措施：一是加强审核；二是丰富形式；三是强化培训。')).toEqual([]);
    expect(check('坚持标准统一是关键；二是其次。')).toEqual([]);
  });

  test('sub-headings （一）（二）（四） within a part; a new part starts again at （一）', () => {
    const findings = check(['一、总体情况', '（一）主动公开', '（二）依申请公开', '（四）政府信息管理', '二、主动公开政府信息情况', '（一）规章'].join('\n'));
    expect(findings.map((f) => [f.rule, f.quote])).toEqual([['proofread.enumeration-number', '（四）']]);
    expect(check(['一、总体情况', '（一）主动公开', '（二）依申请公开', '二、主动公开政府信息情况', '（一）规章'].join('\n'))).toEqual([]);
  });
});
