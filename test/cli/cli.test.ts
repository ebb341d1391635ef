import { readFileSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { gridToWorkbook } from '../../src/io/xlsx';
import { withFigures } from '../support/edit';
import { national2021OneSheet } from '../support/layouts';
import { runCli, tempDir } from '../support/run-cli';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLES = path.join(ROOT, 'assets', 'samples');
const SEED_XLSX = path.join(SAMPLES, '2017-legacy-seed.xlsx');
const SEED_TXT = path.join(ROOT, '..', 'shared', 'seed', '000_bc870c0a05b91354.txt');


const tmp = () => tempDir();

describe('nianbao check', () => {
  it('checks the bundled samples: the seed has its one error (exit 1), the 2021 samples pass', async () => {
    const { code, out } = await runCli('check', SAMPLES);
    expect(code).toBe(1);
    expect(out).toContain('2017-legacy-seed.xlsx');
    expect(out).toContain('1个强制性问题');
    expect(out.match(/全部勾稽关系校验通过/g)).toHaveLength(2);
    // Every cell of the finding, as ranges on the table's sheet: D6 and D10 to D14.
    expect(out).toContain('涉及单元格：工作表“统计表”的 D6、D10、D11、D12、D13、D14');
  });

  it('prints the documented JSON shape', async () => {
    const { code, out } = await runCli('check', SEED_TXT, '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.files).toHaveLength(1);
    const [table] = json.files[0].tables;
    expect(table).toMatchObject({ format: 'legacy-2016', sheet: '文本表格' });
    // Every figure as read: id, official label, cell and value.
    expect(table.figures.find((f: { id: string }) => f.id === 'legacy.proactive')).toEqual({ id: 'legacy.proactive', label: expect.stringContaining('主动公开政府信息数'), cell: expect.stringMatching(/^文本表格!/), value: 8295 });
    expect(table.findings).toEqual([
      expect.objectContaining({ rule: 'legacy.channels-cover-total', severity: 'error', expected: 8295, actual: 8278, cells: expect.any(Array), fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) }),
    ]);
  });

  it('prints each figure as read: a blank and a "/" as null, the "/" and a text with what they held, a 0 as 0', async () => {
    const file = path.join(tmp(), 'figures.xlsx');
    const wb = withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't3.newApplications.total': null, 't3.granted.natural': '/', 't3.granted.total': '十二', 't3.partial.total': 0 });
    await gridToWorkbook(wb).xlsx.writeFile(file);
    const { out } = await runCli('check', file, '--json');
    const figures = JSON.parse(out).files[0].tables.flatMap((t: { figures: unknown[] }) => t.figures);
    const byId = new Map(figures.map((f: { id: string }) => [f.id, f]));
    expect(byId.get('t3.newApplications.total')).toEqual({ id: 't3.newApplications.total', label: expect.stringContaining('本年新收政府信息公开申请数量'), cell: expect.stringMatching(/^统计表![A-Z]+\d+$/), value: null });
    expect(byId.get('t3.granted.natural')).toMatchObject({ value: null, read: 'placeholder', raw: '/' });
    expect(byId.get('t3.granted.total')).toMatchObject({ value: null, read: 'text', raw: '十二' });
    expect(byId.get('t3.partial.total')).toMatchObject({ value: 0 });
    expect(byId.get('t3.partial.total')).not.toHaveProperty('read');
    // One entry per indicator the tables hold: 10 in table 二, 175 in 三, 15 in 四.
    expect(figures).toHaveLength(200);
  });

  it('exits 0 when there is no error-severity finding', async () => {
    expect((await runCli('check', path.join(SAMPLES, '2023-national-one-sheet.xlsx'))).code).toBe(0);
  });

  it('exits 2 with a Chinese message for a file with no template, a corrupt file, a missing file and bad usage', async () => {
    const dir = tmp();
    const empty = path.join(dir, 'empty.xlsx');
    await gridToWorkbook({ sheets: [{ name: 'Sheet1', rows: [[{ value: '会议记录' }]], merges: [] }] }).xlsx.writeFile(empty);
    const noTemplate = await runCli('check', empty, '--json');
    expect(noTemplate.code).toBe(2);
    expect(JSON.parse(noTemplate.out).files[0].error).toContain('未找到');

    const corrupt = path.join(dir, 'corrupt.xlsx');
    writeFileSync(corrupt, 'not a zip');
    const bad = await runCli('check', corrupt);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('文件已损坏');
    expect(bad.out).toBe('');

    const missing = await runCli('check', path.join(dir, 'nope.xlsx'));
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.err).toContain('找不到文件');

    const usage = await runCli('check');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('请指定');
    expect((await runCli('frobnicate')).err).toContain('未知命令');
    expect((await runCli('check', SEED_XLSX, '--bogus')).code).toBe(2);
  });

  it('--annotate writes a highlighted copy with the message as a note and leaves the original untouched', async () => {
    const dir = tmp();
    const out = path.join(dir, 'annotated.xlsx');
    const before = readFileSync(SEED_XLSX);
    const mtime = statSync(SEED_XLSX).mtimeMs;
    const { code } = await runCli('check', SEED_XLSX, '--annotate', out);
    expect(code).toBe(1);
    expect(readFileSync(SEED_XLSX).equals(before)).toBe(true);
    expect(statSync(SEED_XLSX).mtimeMs).toBe(mtime);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('统计表')!;
    for (const ref of ['D6', 'D10', 'D11', 'D12', 'D13', 'D14']) {
      expect(ws.getCell(ref).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
    }
    expect(String(ws.getCell('D6').note)).toContain('8278');
    expect((ws.getCell('D7').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
    expect(ws.getCell('D6').value).toBe(8295);
    const same = await runCli('check', SEED_XLSX, '--annotate', SEED_XLSX);
    expect(same.code).toBe(2);
  });
});

describe('nianbao totals', () => {
  it('writes computed totals into a copy, prints the plan, and the copy then checks clean', async () => {
    const dir = tmp();
    const input = path.join(dir, 'in.xlsx');
    const wb = withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't3.newApplications.total': null, 't3.granted.total': 99, 't4.review.total': { value: 3, formula: 'SUM(A54:D54)' } });
    await gridToWorkbook(wb).xlsx.writeFile(input);
    const before = readFileSync(input);
    const out = path.join(dir, 'out.xlsx');
    const { code, out: printed, err } = await runCli('totals', input, '--out', out);
    // The table had 强制 findings (a wrong total): exit 1 as check, after writing the copy.
    expect(code).toBe(1);
    expect(err).toContain('原表有3个强制性问题');
    expect(printed).toContain('计划改动2处');
    expect(printed).toContain('将覆盖已填写的值');
    expect(printed).toContain('该单元格是公式，不改写（按分项应为4）');
    expect(readFileSync(input).equals(before)).toBe(true);

    const after = await runCli('check', out, '--json');
    const rules = JSON.parse(after.out).files[0].tables.flatMap((t: { findings: { rule: string }[] }) => t.findings.map((f) => f.rule));
    // Only the formula cell, which totals never writes, still disagrees.
    expect(rules).toEqual(['t4.group-total[review]']);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const formulaCells: string[] = [];
    copy.getWorksheet('统计表')!.eachRow((row) => row.eachCell((c) => c.formula && formulaCells.push(c.formula)));
    expect(formulaCells).toEqual(['SUM(A54:D54)']);
  });

  it('refuses to overwrite its input and needs --out', async () => {
    expect((await runCli('totals', SEED_XLSX)).err).toContain('--out');
    expect((await runCli('totals', SEED_XLSX, '--out', SEED_XLSX)).err).toContain('原文件不会被改动');
  });
});
