import { writeFileSync } from 'fs';
import * as path from 'path';
import { gridToWorkbook } from '../../src/io/xlsx';
import { reportDocx, reportHtml } from '../support/documents';
import { legacySheet, national2019OneSheet } from '../support/layouts';
import { runCli, tempDir } from '../support/run-cli';


describe('nianbao check on a folder of mixed files', () => {
  it('says per file what it recognized, what it found, and what it could not check', async () => {
    const dir = tempDir('nianbao-folder-');
    await gridToWorkbook({ sheets: [national2019OneSheet('统计表')] }).xlsx.writeFile(path.join(dir, '2020-交通局.xlsx'));
    writeFileSync(path.join(dir, '2017-办公室.html'), reportHtml(['2017年度报告'], [legacySheet('x')]));
    writeFileSync(path.join(dir, '说明.docx'), await reportDocx(['本文件只有文字，没有统计表。'], []));
    writeFileSync(path.join(dir, '损坏.xlsx'), 'PK\u0003\u0004 broken');
    writeFileSync(path.join(dir, '旧表.xls'), 'old binary');
    writeFileSync(path.join(dir, '扫描件.pdf'), '%PDF-1.4');
    writeFileSync(path.join(dir, '汇报.pptx'), 'PK\u0003\u0004 slides');
    writeFileSync(path.join(dir, '~$2020-交通局.xlsx'), 'lock');
    writeFileSync(path.join(dir, 'Thumbs.db'), 'thumbnails');
    writeFileSync(path.join(dir, 'desktop.ini'), '[.ShellClassInfo]');

    const { code, out } = await runCli('check', dir, '--json');
    // The 2017 page has a 强制 finding: 1, though other files could not be checked or were skipped.
    expect(code).toBe(1);
    const files = JSON.parse(out).files as { file: string; tables: { format: string }[]; error?: string; skipped?: string }[];
    const byName = Object.fromEntries(files.map((f) => [path.basename(f.file), f]));
    expect(Object.keys(byName).sort()).toEqual(['2017-办公室.html', '2020-交通局.xlsx', '扫描件.pdf', '汇报.pptx', '损坏.xlsx', '旧表.xls', '说明.docx'].sort());
    expect(byName['2020-交通局.xlsx'].tables.map((t) => t.format)).toEqual(['national-2019', 'national-2019', 'national-2019']);
    expect(byName['2017-办公室.html'].tables.map((t) => t.format)).toEqual(['legacy-2016']);
    expect(byName['说明.docx'].error).toContain('这份Word文档中没有找到政府信息公开工作年度报告统计表');
    expect(byName['损坏.xlsx'].error).toContain('文件已损坏');
    expect(byName['旧表.xls'].skipped).toContain('另存为');
    // A PDF is read; this one is a bare header, so it could not be checked and says why.
    expect(byName['扫描件.pdf'].error).toContain('不是有效的 PDF 文件');
    expect(byName['汇报.pptx'].skipped).toContain('不支持的文件类型');

    const human = await runCli('check', dir);
    expect(human.err).toContain('无法校验：');
    expect(human.err).toContain('已跳过：');
    expect(human.out).toContain('2019年试行格式');
    expect(`${human.out}${human.err}`.match(/^文件：/gm)).toHaveLength(7);
  });
});
