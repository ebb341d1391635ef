/**
 * `nianbao review` on a folder built like a supervising office's: real published reports (copies), generated
 * workbooks, files that cannot be read, a roster and last year's reports in a subfolder. Every status, every
 * sheet of the workbook read back with exceljs, the pairing across years and the exit statuses.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Workbook } from '../../src/core';
import { gridToWorkbook } from '../../src/io/xlsx';
import { officeFolder, statistics } from '../support/review-folder';
import { runCli, tempDir } from '../support/run-cli';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');

// A review of more than two files runs in worker threads, which load the sources through tsx.
jest.setTimeout(60_000);

async function writeXlsx(file: string, wb: Workbook): Promise<void> {
  await gridToWorkbook(wb).xlsx.writeFile(file);
}

interface Row {
  file: string;
  body: string;
  status: string;
  statusName: string;
  reason?: string;
  previousFile?: string;
  findings: { rule: string; severity: string }[];
}

describe('nianbao review', () => {
  let folder: { dir: string; reports: string };
  let json: { rows: Row[]; summary: { reports: number; byStatus: Record<string, number>; rules: { rule: string; reports: number }[] }; roster: { missing: { name: string }[]; unmatched: { body: string; file: string }[] }; previous: { paired: { file: string; previousFile: string; copied: boolean }[]; unpairedCurrent: { file: string }[]; unpairedPrevious: { file: string }[] } };
  let code: number;
  let out: string;

  beforeAll(async () => {
    folder = await officeFolder();
    out = path.join(folder.dir, '审核汇总.xlsx');
    const run = await runCli('review', folder.reports, '--out', out, '--previous', path.join(folder.reports, '上年'), '--roster', path.join(folder.reports, '名单.txt'), '--json');
    code = run.code;
    json = JSON.parse(run.out);
    expect(run.err).toContain('已写出审核汇总');
  });

  const row = (name: string) => json.rows.find((r) => path.basename(r.file) === name)!;

  it('reads the folder and its subfolders, but not the roster nor last year\'s folder, and gives every status', () => {
    expect(json.rows.map((r) => path.relative(folder.reports, r.file)).sort()).toEqual(
      ['2024-city-pingtan.html', '2025-county-dept-daye-zrzyghj.txt', '乡镇/2023-county-mianxian.txt', '乡镇/交通局.xlsx', '财政局.xlsx', '水利局.xlsx', '损坏.xlsx', '旧表.xls'].sort(),
    );
    expect(row('水利局.xlsx')).toMatchObject({ body: '某县水利局', status: 'pass', statusName: '通过' });
    expect(row('2024-city-pingtan.html')).toMatchObject({ body: '平潭综合实验区', status: 'warning' });
    expect(row('交通局.xlsx')).toMatchObject({ body: '某县交通局', status: 'error', statusName: '有强制问题' });
    expect(row('2025-county-dept-daye-zrzyghj.txt')).toMatchObject({ status: 'warning', statusName: '有核实问题' });
    expect(row('2023-county-mianxian.txt')).toMatchObject({ body: '勉县人民政府', status: 'unrecognized', reason: expect.stringContaining('这份文本文件中没有找到政府信息公开工作年度报告统计表') });
    expect(row('损坏.xlsx')).toMatchObject({ status: 'unrecognized', reason: expect.stringContaining('文件已损坏') });
    expect(row('旧表.xls')).toMatchObject({ status: 'unrecognized', reason: expect.stringContaining('另存为') });
    expect(json.summary.byStatus).toEqual({ pass: 1, error: 1, warning: 3, unrecognized: 3 });
    // Any 强制 finding: 1, though some files could not be read.
    expect(code).toBe(1);
  });

  it('gives the roster\'s bodies that have not reported and the files that match none', () => {
    expect(json.roster.missing.map((m) => m.name)).toEqual(['某镇人民政府']);
    expect(json.roster.unmatched.map((u) => path.basename(u.file)).sort()).toEqual(['2025-county-dept-daye-zrzyghj.txt', '损坏.xlsx', '旧表.xls'].sort());
  });

  it('pairs each report with last year\'s of the same body and runs the cross-year checks', () => {
    expect(row('2024-city-pingtan.html').previousFile).toBe(path.join(folder.reports, '上年', '2023-city-pingtan.html'));
    // The published 2024 report against the published 2023 one: 现行有效 440 is not 上年现行有效 + 制发 − 废止 (499).
    // Alone it passes (test/core/review.test.ts): the finding is the cross-year check's.
    expect(row('2024-city-pingtan.html').findings.map((f) => f.rule)).toEqual(['t2.in-force-roll-forward[normativeDocs]']);
    // Last year's 某县 财政局 had the very same figures: the copied-report signal.
    expect(row('财政局.xlsx').findings.map((f) => f.rule)).toContain('cross-year.identical');
    expect(json.previous.paired.map((p) => [path.basename(p.file), path.basename(p.previousFile), p.copied])).toEqual([
      ['2024-city-pingtan.html', '2023-city-pingtan.html', false],
      ['财政局.xlsx', '财政局2023.xlsx', true],
    ]);
    expect(json.previous.unpairedPrevious.map((u) => path.basename(u.file))).toEqual(['粮食局.xlsx']);
    expect(json.previous.unpairedCurrent).toHaveLength(6);
  });

  it('writes every sheet, with frozen headers, filters, colours and links, that exceljs reads back', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '各单位情况', '问题清单', '未识别', '未报送', '跨年对照']);
    const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    const texts = (ws: ExcelJS.Worksheet) => ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : [])).map((v) => (v && typeof v === 'object' && 'text' in v ? String(v.text) : String(v ?? '')));

    const summary = wb.getWorksheet('汇总')!;
    expect(texts(summary)).toEqual(expect.arrayContaining(['有强制问题', '区域（按名称推断）', '公开率', 't3.row-total', '表三 总计≠自然人与法人或其他组织之和', '规则编号', '本年新收申请']));

    const findings = wb.getWorksheet('问题清单')!;
    expect(values(findings, 1)).toEqual(['单位', '文件', '表', '严重程度', '规则', '说明', '单元格', '应为', '实为']);
    expect(findings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(findings.autoFilter).toBe('A1:I1');
    let errorRow: ExcelJS.Row | undefined;
    findings.eachRow((r) => {
      if (r.getCell(1).value === '某县交通局' && String(r.getCell(5).value).startsWith('表三 总计≠自然人与法人或其他组织之和（t3.row-total')) errorRow = r;
    });
    expect(errorRow).toBeDefined();
    expect(errorRow!.getCell(3).value).toMatch(/^表三/);
    expect(errorRow!.getCell(4).value).toBe('强制');
    expect((errorRow!.getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(errorRow!.getCell(2).value).toEqual({ text: '交通局.xlsx', hyperlink: 'reports/%E4%B9%A1%E9%95%87/%E4%BA%A4%E9%80%9A%E5%B1%80.xlsx' });
    expect(errorRow!.getCell(7).value).toMatch(/[A-Z]+\d+/);
    expect(errorRow!.getCell(8).value).not.toBe(errorRow!.getCell(9).value);

    const reports = wb.getWorksheet('各单位情况')!;
    expect(values(reports, 1).slice(0, 10)).toEqual(['单位', '单位取自', '层级', '层级来源', '区域', '区域来源', '年度', '格式', '状态', '原因']);
    expect(reports.rowCount).toBe(1 + 8);

    const unrecognized = wb.getWorksheet('未识别')!;
    expect(values(unrecognized, 1)).toEqual(['单位', '文件', '原因']);
    expect(texts(unrecognized)).toEqual(expect.arrayContaining(['损坏.xlsx', '旧表.xls', '2023-county-mianxian.txt']));
    expect(unrecognized.rowCount).toBe(1 + 3);

    const missing = wb.getWorksheet('未报送')!;
    expect(values(missing, 1)).toEqual(['类别', '单位', '文件', '说明']);
    expect(values(missing, 2).slice(0, 2)).toEqual(['未报送', '某镇人民政府']);

    const pairing = wb.getWorksheet('跨年对照')!;
    expect(texts(pairing)).toEqual(expect.arrayContaining(['已配对', '2023-city-pingtan.html', '上年有、本年无', '粮食局.xlsx']));
  });
});

describe('nianbao review: exit statuses and refusals', () => {
  it('is 0 when no report has a 强制 finding, and says so in a line', async () => {
    const dir = tempDir('nianbao-review-');
    copyFileSync(path.join(REAL, '2024-city-pingtan.html'), path.join(dir, 'a.html'));
    const roster = path.join(dir, '名单.xlsx');
    const sheet = { name: '名单', rows: [[{ value: '单位' }], [{ value: '平潭综合实验区' }], [{ value: '某镇政府' }]], merges: [] };
    await writeXlsx(roster, { sheets: [sheet] });
    const run = await runCli('review', dir, '--out', path.join(dir, '汇总.xlsx'), '--roster', roster);
    expect(run.code).toBe(0);
    expect(run.out).toContain('共1个文件：通过1个');
    expect(run.out).toContain('未报送单位：1个');
  });

  it('reads a PDF like the page it was printed from, and lists a scanned one with its reason', async () => {
    const dir = tempDir('nianbao-review-');
    const pdfs = path.join(__dirname, '..', 'fixtures', 'pdf');
    copyFileSync(path.join(REAL, '2021-city-pingtan.html'), path.join(dir, 'page.html'));
    copyFileSync(path.join(pdfs, '2021-pingtan-libreoffice.pdf'), path.join(dir, 'printed.pdf'));
    copyFileSync(path.join(pdfs, 'scanned.pdf'), path.join(dir, 'scanned.pdf'));
    const run = await runCli('review', dir, '--json');
    const rows: Row[] = JSON.parse(run.out).rows;
    const named = (name: string) => rows.find((r) => path.basename(r.file) === name)!;
    expect(rows.map((r) => path.basename(r.file)).sort()).toEqual(['page.html', 'printed.pdf', 'scanned.pdf']);
    const { file: _page, ...fromPage } = named('page.html');
    const { file: _printed, ...fromPdf } = named('printed.pdf');
    expect(fromPage.body).toBe('平潭综合实验区');
    expect(fromPdf).toEqual(fromPage);
    expect(named('scanned.pdf')).toMatchObject({ status: 'unrecognized', reason: expect.stringContaining('这是扫描件') });
  });

  it('is 2 when nothing could be recognized', async () => {
    const dir = tempDir('nianbao-review-');
    writeFileSync(path.join(dir, '损坏.xlsx'), 'PK\u0003\u0004 broken');
    const run = await runCli('review', dir, '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.out).rows[0].status).toBe('unrecognized');
  });

  it('refuses to run without --out or --json, and never writes over a report', async () => {
    const dir = tempDir('nianbao-review-');
    const report = path.join(dir, 'a.xlsx');
    await writeXlsx(report, statistics('某县财政局', 2024));
    const before = readFileSync(report);
    expect((await runCli('review', dir)).err).toContain('--out');
    const over = await runCli('review', report, '--out', report);
    expect(over.code).toBe(2);
    expect(over.err).toContain('输入');
    // An output left in the folder reviewed is one of its files: refused too, not taken for last run's.
    expect((await runCli('review', dir, '--out', report)).code).toBe(2);
    expect(readFileSync(report).equals(before)).toBe(true);
  });
});
