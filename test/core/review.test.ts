/**
 * The batch review's model (src/core/review): rows from real reports and generated workbooks, every
 * status with its reason, the summary (statuses, rules, levels, totals and rates with their bases), the
 * roster's missing bodies and the pairing across years with the cross-year checks run.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import {
  BodyIndex,
  bodyFromFileName,
  buildReview,
  checkReport,
  normalizeBodyName,
  regionFromName,
  RULE_TITLES,
  ruleTitle,
  PreviousYear,
  type ReportInput,
  reviewRow,
  rosterFromRows,
  SMALL_BASE,
  summarize,
  type Workbook,
} from '../../src/core';
import { TEMPLATES } from '../../src/core/templates';
import { readInput } from '../../src/io/read';
import { withFigures } from '../support/edit';
import { national2021OneSheet, SAMPLE_2021 } from '../support/layouts';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');

async function real(name: string): Promise<ReportInput> {
  const input = await readInput(path.join(REAL, name));
  return { file: name, workbook: input.workbook, text: input.text, pageTitle: input.pageTitle };
}

/** A 2021 statistics workbook whose title names the body and year. */
function generated(file: string, body: string, year = 2023, figures: Record<string, number | string | null> = {}): ReportInput {
  const workbook: Workbook = { sheets: [national2021OneSheet('统计表', SAMPLE_2021, {}, `${body}${year}年政府信息公开工作年度报告统计表`)] };
  return { file, workbook: withFigures(workbook, figures) };
}

describe('a report as a row of the review', () => {
  it('gives every status from real reports, with the body, year and format their titles name', async () => {
    const rows = await Promise.all(['2024-city-pingtan.html', '2020-city-pingtan.html', '2022-city-pingtan.html', '2023-county-mianxian.txt'].map(async (f) => reviewRow(checkReport(await real(f)))));
    const [pass, error, warning, unrecognized] = rows;
    expect(pass).toMatchObject({ body: '平潭综合实验区', bodyFrom: 'title', year: 2024, format: 'national-2021', status: 'pass', statusName: '通过', counts: { error: 0, warning: 0, hint: 0 } });
    expect(pass.figures).toMatchObject({ received: 218, concluded: 218, granted: 71, partial: 29, reviews: 7, lawsuits: 19 });
    expect(error).toMatchObject({ year: 2020, format: 'national-2019', status: 'error', statusName: '有强制问题' });
    expect(error.counts.error).toBeGreaterThan(0);
    expect(error.findings[0]).toMatchObject({ severity: 'error', source: 'table', place: expect.stringMatching(/^表/) });
    expect(warning).toMatchObject({ status: 'warning', statusName: '有核实问题', counts: { error: 0 } });
    // A page without its table: 无法识别 with the reason, its text still proofread; body and level from its title.
    expect(unrecognized).toMatchObject({ body: '勉县人民政府', level: 'county', levelGuessed: true, year: 2023, status: 'unrecognized', statusName: '无法识别', region: '勉县', reason: expect.stringContaining('没有找到政府信息公开工作年度报告统计表') });
    expect(unrecognized.findings.some((f) => f.source === 'text' && f.rule === 'proofread.parts-sum')).toBe(true);
    expect(unrecognized.findings.every((f) => f.place === '正文')).toBe(true);
  });

  it('is checked into small plain data that depends on where the file lies only by its name', async () => {
    const here = checkReport(generated('2023/财政局.xlsx', '某县财政局', 2023, { 't3.newApplications.total': 999 }));
    const there = checkReport(generated('copy/其他.xlsx', '某县财政局', 2023, { 't3.newApplications.total': 999 }));
    expect({ ...there, file: here.file }).toEqual(here);
    expect(JSON.parse(JSON.stringify(here))).toEqual(here);
    // What a worker hands back and the cache keeps: the findings and main figures, not the grid or every figure read.
    expect(JSON.stringify(here).length).toBeLessThan(8000);
    const text = await real('2024-county-qiyang.txt');
    expect(reviewRow(checkReport({ ...text, file: 'x/某镇.txt' }))).toMatchObject({ body: '某镇', bodyFrom: 'file-name' });
  });

  it('takes the body from the file name when the report names none, and says so', async () => {
    const row = reviewRow(checkReport(await real('2024-county-qiyang.txt')));
    expect(row).toMatchObject({ body: 'county-qiyang', bodyFrom: 'file-name' });
    expect(bodyFromFileName('材料/2024年某镇人民政府政府信息公开工作年度报告.docx')).toBe('某镇人民政府');
    expect(bodyFromFileName('某县财政局-2024.xlsx')).toBe('某县财政局');
    expect(bodyFromFileName('祁阳市人民政府2024年报.txt')).toBe('祁阳市人民政府');
    expect(bodyFromFileName('某镇2023年度报告.pdf')).toBe('某镇');
  });

  it('lists a file that could not be read as 无法识别 with its reason', () => {
    const row = reviewRow({ file: 'x/某镇.pdf', unreadable: '不支持的文件类型：x/某镇.pdf' });
    expect(row).toMatchObject({ body: '某镇', level: 'township', status: 'unrecognized', reason: '不支持的文件类型：x/某镇.pdf', findings: [] });
  });
});

describe('the summary', () => {
  const rows = [
    reviewRow(checkReport(generated('a.xlsx', '某县财政局'))),
    reviewRow(checkReport(generated('b.xlsx', '某县交通局', 2023, { 't3.newApplications.total': 999 }))),
    // Two rows whose total is not their sum: one rule broken twice in one report.
    reviewRow(checkReport(generated('c.xlsx', '某镇人民政府', 2023, { 't3.newApplications.natural': 41, 't3.newApplications.total': 999, 't3.carriedOver.total': 99 }))),
    reviewRow({ file: 'd.pdf', unreadable: '不支持的文件类型' }),
  ];
  const summary = summarize(rows);

  it('counts reports per status and by level', () => {
    expect(rows.map((r) => r.status)).toEqual(['pass', 'error', 'error', 'unrecognized']);
    expect(summary.byStatus).toEqual({ pass: 1, error: 2, warning: 0, unrecognized: 1 });
    expect(summary.byLevel.find((l) => l.level === 'county-dept')).toMatchObject({ reports: 2, byStatus: { pass: 1, error: 1 } });
    expect(summary.byLevel.find((l) => l.level === 'township')).toMatchObject({ reports: 1, byStatus: { error: 1 } });
  });

  it('counts for each rule the reports that break it, not its findings', () => {
    const rowTotal = summary.rules.find((r) => r.rule === 't3.row-total')!;
    expect(rowTotal).toMatchObject({ severity: 'error', reports: 2, bodies: ['某县交通局', '某镇人民政府'] });
    expect(rowTotal.findings).toBe(3);
    expect(summary.rules[0].reports).toBeGreaterThanOrEqual(summary.rules[summary.rules.length - 1].reports);
  });

  it('totals the main figures over the reports that state them, and gives each rate with its base', () => {
    const received = summary.totals.find((t) => t.figure === 'received')!;
    // The sample's own (a), 999 in b and c; the unreadable file adds nothing.
    expect(rows[0].figures.received).toBe(49);
    expect(received).toMatchObject({ value: 49 + 999 + 999, reports: 3 });
    const disclosure = summary.rates.find((r) => r.rate === 'disclosure')!;
    const one = rows[0].figures;
    expect(disclosure.numerator).toBe(3 * (one.granted! + one.partial!));
    expect(disclosure.denominator).toBe(3 * one.concluded!);
    expect(disclosure.value).toBeCloseTo(disclosure.numerator / disclosure.denominator);
    expect(disclosure.smallBase).toBe(disclosure.denominator < SMALL_BASE);
    expect(disclosure.text).toMatch(/^\d+\.\d%$/);
  });

  it('never shows a rate on a tiny base bare, nor divides by zero', () => {
    const small = summarize([reviewRow(checkReport(generated('a.xlsx', '某县财政局', 2023, { 't4.review.total': 4, 't4.review.upheld': 3, 't4.review.corrected': 1, 't4.review.other': 0, 't4.review.pending': 0 })))]);
    const review = small.rates.find((r) => r.rate === 'reviewCorrection')!;
    expect(review).toMatchObject({ numerator: 1, denominator: 4, smallBase: true });
    expect(review.text).toBe('25.0%（基数仅4，过小，仅供参考）');
    const none = summarize([reviewRow({ file: 'x.pdf', unreadable: '?' })]).rates[0];
    expect(none).toMatchObject({ value: null, denominator: 0, reports: 0, text: '—（基数为0）' });
  });
});

describe('body names', () => {
  it('are compared without spaces, brackets, full-width forms, and with 人民政府 as 政府', () => {
    expect(normalizeBodyName('某县 人民政府（县长办公室）')).toBe(normalizeBodyName('某县政府'));
    expect(normalizeBodyName('ＡＢ县　财政局')).toBe(normalizeBodyName('AB县财政局'));
    expect(normalizeBodyName('某县财政局')).not.toBe(normalizeBodyName('某县交通局'));
    // A place's government goes by the place's name alone as often as in full.
    expect(normalizeBodyName('孝感市')).toBe(normalizeBodyName('孝感市人民政府'));
    expect(normalizeBodyName('孝感市政府')).toBe(normalizeBodyName('孝感市人民政府'));
    expect(normalizeBodyName('孝感市人民政府办公室')).not.toBe(normalizeBodyName('孝感市'));
  });

  it('find the one body that differs only by its place, never one of two', () => {
    const index = new BodyIndex<string>();
    index.add('勉县财政局', 'a');
    index.add('勉县人民政府', 'b');
    expect(index.find('县财政局')).toEqual([]); // "县" alone is no place prefix: 勉 is the place
    // The one 财政局 filed, with its place before it.
    expect(index.find('财政局')).toEqual(['a']);
    expect(index.find('勉县政府')).toEqual(['b']);
    const two = new BodyIndex<string>();
    two.add('甲县财政局', 'a');
    two.add('乙县财政局', 'b');
    expect(two.find('财政局')).toEqual([]);
    const one = new BodyIndex<string>();
    one.add('汉中市勉县财政局', 'a');
    expect(one.find('勉县财政局')).toEqual(['a']);
  });
});

describe('rule names', () => {
  /** Every rule the engine can name: the templates' relationships, and the ids the checks and proofreading write. */
  function everyRule(): Set<string> {
    const rules = new Set(TEMPLATES.flatMap((t) => t.rules.map((r) => r.id)));
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(path.join(__dirname, '..', '..', 'src', 'core')).filter((f) => f.endsWith('.ts') && !f.endsWith(path.join('review', 'messages.ts')))) {
      // A finding's rule: `rule: '…'`, a member of the ProofRule union, or a key of VALUE_SEVERITY.
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:rule: |\| |^\s+)'((?:value|proofread|recognition|plausibility|cross-year)\.[a-z-]+)'/gm)) rules.add(m[1]);
    }
    return rules;
  }

  it('every rule has a short Chinese name, and every name belongs to a rule', () => {
    const rules = everyRule();
    expect(rules.size).toBeGreaterThan(50);
    expect([...rules].filter((r) => !RULE_TITLES[r]).sort()).toEqual([]);
    expect(Object.keys(RULE_TITLES).filter((r) => !rules.has(r)).sort()).toEqual([]);
    expect(ruleTitle('t3.row-total[granted]')).toBe('表三 总计≠自然人与法人或其他组织之和');
    expect(ruleTitle('some.unknown-rule')).toBe('some.unknown-rule');
  });
});

describe('the region a body sits in', () => {
  it.each([
    ['福州市鼓楼区人民政府', '鼓楼区'],
    ['勉县财政局', '勉县'],
    ['宁强县城市管理局', '宁强县'],
    ['中共嵊泗县委嵊泗县人民政府办公室', '嵊泗县'],
    ['内蒙古自治区阿巴嘎旗自然资源局', '阿巴嘎旗'],
    ['延边朝鲜族自治州安图县人民政府', '安图县'],
    ['城步苗族自治县人民政府', '城步苗族自治县'],
    ['上海市浦东新区人民政府', '浦东新区'],
    ['孝感市住房和城乡建设局', '孝感市'],
    ['山西省卫生健康委员会', '山西省'],
    ['某某镇人民政府', undefined],
    ['国家统计局', undefined],
  ])('%s → %s', (name, region) => {
    expect(regionFromName(name)).toBe(region);
  });

  it('is the roster\'s when it states one, else read from the name, and the summary counts reports by region', () => {
    const reports = [checkReport(generated('a.xlsx', '甲县财政局')), checkReport(generated('b.xlsx', '甲县交通局', 2023, { 't3.carryForward.total': 77 })), checkReport(generated('c.xlsx', '开发区管委会')), checkReport(generated('d.xlsx', '国家某局'))];
    const review = buildReview(reports, { roster: [{ name: '开发区管委会', region: '乙区' }, { name: '甲县财政局' }, { name: '甲县交通局' }] });
    expect(review.rows.map((r) => [r.regionName, r.regionGuessed])).toEqual([
      ['甲县', true],
      ['甲县', true],
      ['乙区', false],
      ['未注明', true],
    ]);
    expect(review.summary.byRegion).toEqual([
      { region: '甲县', name: '甲县', reports: 2, byStatus: { pass: 1, error: 1, warning: 0, unrecognized: 0 } },
      { region: '乙区', name: '乙区', reports: 1, byStatus: { pass: 1, error: 0, warning: 0, unrecognized: 0 } },
      { region: null, name: '未注明', reports: 1, byStatus: { pass: 1, error: 0, warning: 0, unrecognized: 0 } },
    ]);
  });
});

describe('the roster', () => {
  it('reads a region column (区域, 所属区县 …) beside the names', () => {
    expect(rosterFromRows([['单位名称', '所属区县'], ['某县财政局', '某县'], ['某镇人民政府', '']])).toEqual([{ name: '某县财政局', region: '某县' }, { name: '某镇人民政府' }]);
  });

  it('is read from a sheet headed 单位 (with 层级) or from bare lines', () => {
    expect(rosterFromRows([['序号', '单位名称', '层级'], ['1', '某县财政局', '县级部门'], ['2', '某镇人民政府', ''], ['3', '某县财政局', '']])).toEqual([
      { name: '某县财政局', level: 'county-dept' },
      { name: '某镇人民政府' },
    ]);
    expect(rosterFromRows([['某县财政局'], [''], ['某县交通局']])).toEqual([{ name: '某县财政局' }, { name: '某县交通局' }]);
  });

  it('gives the bodies that have not reported, the files that match no body, and the levels it states', () => {
    const reports = [checkReport(generated('a.xlsx', '某县财政局')), checkReport(generated('b.xlsx', '某县 人民政府')), checkReport(generated('c.xlsx', '外县水利局'))];
    const review = buildReview(reports, { roster: [{ name: '某县财政局', level: 'county-dept' }, { name: '某县政府' }, { name: '某镇政府' }] });
    expect(review.roster!.missing).toEqual([{ name: '某镇政府' }]);
    expect(review.roster!.unmatched).toEqual([{ body: '外县水利局', file: 'c.xlsx' }]);
    expect(review.rows[0]).toMatchObject({ level: 'county-dept', levelGuessed: false, levelName: '县级人民政府部门' });
    expect(review.rows[1]).toMatchObject({ level: 'county', levelGuessed: true });
  });
});

describe('pairing with last year', () => {
  const lastYear = [
    generated('2022/财政局.xlsx', '某县财政局', 2022),
    generated('2022/交通局.xlsx', '某县交通局', 2022, { 't3.carryForward.total': 77 }),
    generated('2022/已撤销局.xlsx', '某县粮食局', 2022),
  ];
  const previousYear = new PreviousYear([...lastYear.map((input) => checkReport(input)), { file: '2022/坏.xlsx', unreadable: '文件已损坏' }, { file: '2022/某县审计局.xlsx', unreadable: '文件已损坏' }]);
  /** As the review does it: checked alone, then again against the file last year's report of its body is in. */
  const checkWithPrevious = (input: ReportInput) => {
    const previousFile = previousYear.fileFor(checkReport(input));
    return previousFile ? checkReport(input, lastYear.find((r) => r.file === previousFile)) : checkReport(input);
  };

  it('pairs reports by normalized body name and runs the cross-year checks on each pair only', () => {
    const copied = checkWithPrevious(generated('2023/财政局.xlsx', '某县 财政局（本级）'));
    const carried = checkWithPrevious(generated('2023/交通局.xlsx', '某县交通局'));
    const alone = checkWithPrevious(generated('2023/新设局.xlsx', '某县数据局'));
    // Last year's file of the body could not be read: nothing to check against.
    expect(previousYear.fileFor(checkReport(generated('2023/审计局.xlsx', '某县审计局')))).toBeUndefined();
    expect(copied.previousFile).toBe('2022/财政局.xlsx');
    expect(carried.previousFile).toBe('2022/交通局.xlsx');
    expect(alone.previousFile).toBeUndefined();
    const rules = (r: typeof copied) => reviewRow(r).findings.map((f) => f.rule);
    // Every figure as last year's: the copied-report signal.
    expect(rules(copied)).toContain('cross-year.identical');
    // 上年结转 (3) against last year's 结转下年度 (77): a cross-year check, run because the pair was found.
    expect(rules(carried)).toContain('t3.carried-from-last-year[total]');
    expect(rules(checkReport(generated('2023/交通局.xlsx', '某县交通局')))).not.toContain('t3.carried-from-last-year[total]');

    const review = buildReview([copied, carried, alone], { previousYear });
    expect(review.previous!.paired).toEqual([
      { body: '某县财政局（本级）', file: '2023/财政局.xlsx', previousFile: '2022/财政局.xlsx', copied: true },
      { body: '某县交通局', file: '2023/交通局.xlsx', previousFile: '2022/交通局.xlsx', copied: false },
    ]);
    expect(review.previous!.unpairedCurrent).toEqual([{ body: '某县数据局', file: '2023/新设局.xlsx' }]);
    expect(review.previous!.unpairedPrevious.map((u) => u.file)).toEqual(['2022/已撤销局.xlsx', '2022/坏.xlsx', '2022/某县审计局.xlsx']);
  });

  it('pairs only with the year before when both years are known, and prefers it among several', () => {
    const folder = new PreviousYear(
      [generated('old/2023.xlsx', '某县水利局', 2023), generated('old/2021.xlsx', '某县林业局', 2021), generated('old/a.xlsx', '某县商务局', 2022), generated('old/b.xlsx', '某县商务局', 2021)].map((input) => checkReport(input)),
    );
    // This year's report copied into last year's folder: no pair, so no cross-year check against itself.
    expect(folder.fileFor(checkReport(generated('new/水利局.xlsx', '某县水利局', 2023)))).toBeUndefined();
    // Two years back: no pair.
    expect(folder.fileFor(checkReport(generated('new/林业局.xlsx', '某县林业局', 2023)))).toBeUndefined();
    // Two reports of the body last time: the one of the year before.
    expect(folder.fileFor(checkReport(generated('new/商务局.xlsx', '某县商务局', 2023)))).toBe('old/a.xlsx');
  });
});
