import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { readTextReport } from '../../src/io/text';
import { runCli, tempDir } from '../support/run-cli';

/** `nianbao proofread`: the table from the report itself or from --table; exit codes as `check`. */

const ROOT = path.join(__dirname, '..', '..');
const SEED_TXT = path.join(ROOT, '..', 'shared', 'seed', '000_bc870c0a05b91354.txt');
const SEED_XLSX = path.join(ROOT, 'assets', 'samples', '2017-legacy-seed.xlsx');
const NATIONAL_XLSX = path.join(ROOT, 'assets', 'samples', '2023-national-one-sheet.xlsx');
const seed = readFileSync(SEED_TXT, 'utf8');

function withText(name: string, content: string): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

test('the seed report agrees with its own table: exit 0', async () => {
  const { code, out } = await runCli('proofread', SEED_TXT);
  expect(code).toBe(0);
  expect(out).toContain('文中数字与统计表一致');
});

test('a wrong count: exit 1, the finding with its sentence and cells; a legacy report owes no headings', async () => {
  const file = withText('bad.txt', seed.replace('受理依申请公开2件', '受理依申请公开3件').replace('三、政策解读情况\n', ''));
  const { code, out } = await runCli('proofread', file);
  expect(code).toBe(1);
  expect(out).toContain('[核实] 文中“受理依申请公开3件”与统计表不符');
  expect(out).toContain('第4段：2017年,本办共受理依申请公开3件,均通过网络申请。');
  expect(out).not.toContain('报告缺少必备的');
  expect(out).toContain('强制0项，核实1项');
});

/** The draft written from the 2021 sample workbook: a 2023 report in the six parts. */
async function nationalDraft(): Promise<string> {
  const { analyzeWorkbook, reportFigures } = await import('../../src/core');
  const { draftNarrative, narrativeToText } = await import('../../src/core/narrative');
  const { loadWorkbook, workbookToGrid } = await import('../../src/io/xlsx');
  const [report] = reportFigures(analyzeWorkbook(workbookToGrid(await loadWorkbook(readFileSync(NATIONAL_XLSX), NATIONAL_XLSX))));
  return narrativeToText(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }));
}

test('a 2021-format report missing one of its six parts', async () => {
  const text = await nationalDraft();
  const whole = await runCli('proofread', withText('whole.txt', text), '--table', NATIONAL_XLSX);
  expect(whole.code).toBe(0);
  const file = withText('five.txt', text.replace('三、收到和处理政府信息公开申请情况\n', ''));
  const { code, out } = await runCli('proofread', file, '--table', NATIONAL_XLSX);
  expect(code).toBe(1);
  expect(out).toContain('[核实] 报告缺少必备的“三、收到和处理政府信息公开申请情况”部分');
});

test('--previous: the sentences repeated from last year\'s report, with the passages', async () => {
  const text = await nationalDraft();
  const report = withText('2023.txt', text);
  const previous = withText('2022.txt', text.replace(/2023年/g, '2022年'));
  const { code, out } = await runCli('proofread', report, '--table', NATIONAL_XLSX, '--previous', previous);
  expect(code).toBe(1);
  expect(out).toMatch(/\[核实\] 本年报告正文有\d+句（共\d+句，占100%）与上年报告相同/);
  expect(out).toMatch(/与上年报告相同的句子：\d+句/);
  expect(out).toMatch(/第\d+段：本年度办理结果总计/);
  const json = JSON.parse((await runCli('proofread', report, '--table', NATIONAL_XLSX, '--previous', previous, '--json')).out);
  expect(json.repeated.share).toBe(1);
  expect(json.repeated.passages.length).toBeGreaterThan(0);
  expect(json.previous).toBe(previous);

  const anew = withText('2022-other.txt', '2022年，本机关围绕中心工作，持续深化政务公开，推动政府信息公开工作取得新进展。');
  const fresh = await runCli('proofread', report, '--table', NATIONAL_XLSX, '--previous', anew);
  expect(fresh.code).toBe(0);
  expect(fresh.out).toContain('与上年报告相同的句子：0句');

  const workbook = await runCli('proofread', report, '--table', NATIONAL_XLSX, '--previous', NATIONAL_XLSX);
  expect(workbook.code).toBe(2);
  expect(workbook.err).toContain('--previous 请指定上年报告');
});

test('a long sentence is shown as a window around its claim, in the listing and in --json', async () => {
  const long = `${'本机关持续推进政务公开，'.repeat(200)}本年度共受理依申请公开3件${'，进一步规范答复'.repeat(200)}。`;
  expect(long.length).toBeGreaterThan(2000);
  const file = withText('long.txt', seed.replace('2017年,本办共受理依申请公开2件,均通过网络申请。', long));
  const { code, out } = await runCli('proofread', file);
  expect(code).toBe(1);
  const where = out.split('\n').find((l) => l.includes('段：'))!;
  expect(where).toContain('受理依申请公开3件');
  expect(where.length).toBeLessThan(140);
  const json = JSON.parse((await runCli('proofread', file, '--json')).out);
  const [f] = json.findings;
  expect(f.excerpt.length).toBeLessThanOrEqual(122);
  expect(f.excerpt).toContain('受理依申请公开3件');
  // --json keeps a sentence as long as reports write them (this one, 2,000+ characters, is not).
  expect(f.sentence).toBe(f.excerpt);
  const medium = `${'本机关持续推进政务公开，'.repeat(10)}本年度共受理依申请公开3件${'，进一步规范答复'.repeat(10)}。`;
  const written = withText('written.txt', seed.replace('2017年,本办共受理依申请公开2件,均通过网络申请。', medium));
  const [g] = JSON.parse((await runCli('proofread', written, '--json')).out).findings;
  expect(g.sentence).toBe(medium);
  expect(g.excerpt.length).toBeLessThanOrEqual(122);
  // start and end still locate the whole sentence in the report's text.
  expect(readTextReport(readFileSync(file, 'utf8')).narrative.slice(f.start, f.end)).toBe(long);
});

test('--json gives check\'s finding shape plus the sentence and its position, with the table from --table', async () => {
  const report = withText('report.md', seed.split('\n').filter((line) => !line.includes('|')).join('\n').replace('8295条', '8296条'));
  const { code, out } = await runCli('proofread', report, '--table', SEED_XLSX, '--json');
  expect(code).toBe(1);
  const json = JSON.parse(out);
  expect(json.table).toMatchObject({ file: SEED_XLSX, format: 'legacy-2016' });
  expect(json.findings).toHaveLength(1);
  const [f] = json.findings;
  expect(f).toMatchObject({ rule: 'proofread.count-mismatch', severity: 'warning', expected: 8295, actual: 8296, cells: ['统计表!D6'], indicators: ['legacy.proactive'] });
  expect(Object.keys(f)).toEqual(expect.arrayContaining(['message', 'fingerprint', 'difference', 'sentence', 'paragraph', 'start', 'end', 'quote']));
  const text = readFileSync(report, 'utf8');
  expect(text.slice(f.start, f.end)).toBe(f.sentence);
});

test('an HTML report is read with its own table', async () => {
  const [prose, table] = [seed.split('\n').filter((l) => !l.includes('|')), seed.split('\n').filter((l) => l.includes('|'))];
  const rows = table.map((l) => `<tr>${l.split('|').slice(0, 3).map((c) => `<td>${c.trim()}</td>`).join('')}</tr>`);
  const html = `<html><body>${prose.map((p) => `<p>${p}</p>`).join('')}<table>${rows.join('')}</table></body></html>`;
  const { code, out, err } = await runCli('proofread', withText('report.html', html.replace('6563条', '6653条')));
  expect(err).toBe('');
  expect(code).toBe(1);
  expect(out).toContain('文中“通过政府网站公开政府信息6653条”与统计表不符');
});

test('unusable input: a workbook given as the report, or no table anywhere, exit 2', async () => {
  const workbook = await runCli('proofread', SEED_XLSX);
  expect(workbook.code).toBe(2);
  expect(workbook.err).toContain('不是一份报告的文字');
  const prose = withText('prose.txt', '一、主动公开政府信息情况\n共主动公开政府信息8295条。');
  const noTable = await runCli('proofread', withText('report.txt', '报告正文。'), '--table', prose);
  expect(noTable.code).toBe(2);
  expect(noTable.err).toContain('没有识别出统计表，无法核对文中数字');
  expect((await runCli('proofread')).code).toBe(2);
});

test('a report without a table of its own: its text is still checked, and says so', async () => {
  const prose = await runCli('proofread', withText('prose.txt', '一、主动公开政府信息情况\n共主动公开政府信息8295条。'));
  expect(prose.code).toBe(0);
  expect(prose.err).toContain('没有识别出统计表：只核对文字本身');
  expect(prose.out).toContain('文中数字未与统计表核对');
  // A 2018 report (legacy, from its own title) whose channels fall short of the total, as published.
  const legacy = withText(
    'suanxiang.txt',
    [
      '宿安乡2018年政府信息公开工作年度报告',
      '截止2018年12月底,我乡主动公开政府信息2873条, 其中,通过政府网站公开政府信息1600条;利用微信公众号公开政府信息450条;利用宣传车公开栏等方式公开各类政府信息453条。',
    ].join('\n'),
  );
  const { code, out } = await runCli('proofread', legacy);
  expect(code).toBe(1);
  expect(out).toContain('统计表：无（只核对文字本身）');
  expect(out).toContain('[核实] 文中“我乡主动公开政府信息2873条”与其后所列各渠道不符');
  expect(out).not.toContain('报告缺少必备的');
  const json = JSON.parse((await runCli('proofread', legacy, '--json')).out);
  expect(json).toMatchObject({ table: null, reportYear: 2018 });
  // A 2023 report (2021 format by its year) is held to the six parts.
  const national = await runCli('proofread', withText('2023.txt', '某镇2023年政府信息公开工作年度报告\n一、总体情况\n本镇认真落实《条例》。\n六、其他需要报告的事项\n无。'));
  expect(national.code).toBe(1);
  expect(national.out).toContain('报告缺少必备的“二、主动公开政府信息情况”部分');
});
