import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { runCli, tempDir } from '../support/run-cli';

/** `nianbao proofread`: the table from the report itself or from --table; exit codes as `check`. */

const ROOT = path.join(__dirname, '..', '..');
const SEED_TXT = path.join(ROOT, '..', 'shared', 'seed', '000_bc870c0a05b91354.txt');
const SEED_XLSX = path.join(ROOT, 'assets', 'samples', '2017-legacy-seed.xlsx');
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

test('a wrong count and a missing section: exit 1, each finding with its sentence and cells', async () => {
  const file = withText('bad.txt', seed.replace('受理依申请公开2件', '受理依申请公开3件').replace('三、政策解读情况\n', ''));
  const { code, out } = await runCli('proofread', file);
  expect(code).toBe(1);
  expect(out).toContain('[核实] 文中“受理依申请公开3件”与统计表不符');
  expect(out).toContain('第4段：2017年,本办共受理依申请公开3件,均通过网络申请。');
  expect(out).toContain('[核实] 报告缺少必备的“三、政策解读情况”部分');
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
  const proseOnly = await runCli('proofread', withText('prose.txt', '一、主动公开政府信息情况\n共主动公开政府信息8295条。'));
  expect(proseOnly.code).toBe(2);
  expect(proseOnly.err).toContain('没有识别出统计表');
  expect((await runCli('proofread')).code).toBe(2);
});
