import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { runDraft } from '../../src/cli/draft';
import { gridToWorkbook } from '../../src/io/xlsx';
import { national2019OneSheet, SAMPLE_2019_T2 } from '../support/layouts';

const SEED_FILE = path.join(__dirname, '../../../shared/seed/000_bc870c0a05b91354.txt');

/** Runs the command with stdout and stderr captured. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await runDraft(args), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('nianbao draft', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-draft-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the draft of the seed and writes the .docx', async () => {
    const out = path.join(dir, 'seed.docx');
    const result = await run([SEED_FILE, '--docx', out]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('中共嵊泗县委嵊泗县人民政府办公室2017年政府信息公开工作年度报告');
    expect(result.out).toContain('共主动公开政府信息8295条');
    // The seed's own channel sum is below its total (8278 < 8295): the user is told before trusting the text.
    expect(result.err).toContain('强制性问题');
    expect(result.err).toContain(out);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('prints the narrative model with each figure\'s source cells under --json, facts from the options first', async () => {
    const result = await run([SEED_FILE, '--json', '--body', '嵊泗县人民政府办公室', '--year', '2018']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    const [draft] = json.drafts;
    expect(draft.facts).toEqual({ bodyName: '嵊泗县人民政府办公室', reportYear: 2018 });
    const runs = draft.narrative.sections.flatMap((s: { paragraphs: { runs: unknown[] }[] }) => s.paragraphs.flatMap((p) => p.runs));
    const figure = runs.find((r: { text: string }) => r.text === '8295');
    expect(figure).toMatchObject({ kind: 'figure', derivation: 'cell', sources: [{ indicator: 'legacy.proactive' }] });
    expect(figure.sources[0].cell).toMatch(/^文本表格!C\d+$/);
  });

  it('drafts a 2019 trial-format workbook, the amount in the unit its cell carries', async () => {
    const file = path.join(dir, 'trial-2019.xlsx');
    const sheet = national2019OneSheet('统计表', { ...SAMPLE_2019_T2, procurement: [14, '251000元'] });
    await gridToWorkbook({ sheets: [sheet] }).xlsx.writeFile(file);
    const out = path.join(dir, 'trial-2019.docx');
    const result = await run([file, '--docx', out]);
    expect(result.code).toBe(0);
    expect(result.err).not.toContain('强制性问题');
    expect(result.out).toContain('某县交通运输局2020年政府信息公开工作年度报告');
    expect(result.out).toContain('（国办公开办函〔2019〕60号）');
    expect(result.out).toContain('行政许可事项由上一年的86项减少4项，作出处理决定1180件');
    expect(result.out).toContain('政府集中采购项目14项，采购总金额251000元。');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    [[], '请指定一个统计表文件'],
    [[SEED_FILE, '--year', '17'], '--year 应为四位年份'],
    [[SEED_FILE, '--fee', '三百元'], '--fee 应为以万元计的非负数'],
    [[SEED_FILE, '--fee=-1'], '--fee 应为以万元计的非负数'],
    [[SEED_FILE, '--colour'], '参数有误'],
    [['/nonexistent/report.xlsx'], '找不到文件'],
  ])('exits 2 with a message for %j', async (args, message) => {
    const result = await run(args as string[]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.out).toBe('');
  });

  it('exits 2 when no report table is recognized', async () => {
    const file = path.join(dir, 'letter.txt');
    writeFileSync(file, '关于做好年度报告工作的通知\n请各单位于1月31日前报送。\n');
    const result = await run([file]);
    expect(result.code).toBe(2);
    expect(result.err.trim()).not.toBe('');
  });
});
