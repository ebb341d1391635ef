import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { gridToWorkbook } from '../../src/io/xlsx';
import { reportDocx, reportHtml } from '../support/documents';
import { legacySheet, national2019OneSheet } from '../support/layouts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('nianbao check on a folder of mixed files', () => {
  it('says per file what it recognized, what it found, and what it could not check', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-folder-'));
    await gridToWorkbook({ sheets: [national2019OneSheet('统计表')] }).xlsx.writeFile(path.join(dir, '2020-交通局.xlsx'));
    writeFileSync(path.join(dir, '2017-办公室.html'), reportHtml(['2017年度报告'], [legacySheet('x')]));
    writeFileSync(path.join(dir, '说明.docx'), await reportDocx(['本文件只有文字，没有统计表。'], []));
    writeFileSync(path.join(dir, '损坏.xlsx'), 'PK\u0003\u0004 broken');
    writeFileSync(path.join(dir, '旧表.xls'), 'old binary');
    writeFileSync(path.join(dir, '扫描件.pdf'), '%PDF-1.4');
    writeFileSync(path.join(dir, '~$2020-交通局.xlsx'), 'lock');

    const { code, out } = await run('check', dir, '--json');
    expect(code).toBe(2);
    const files = JSON.parse(out).files as { file: string; tables: { format: string }[]; error?: string }[];
    const byName = Object.fromEntries(files.map((f) => [path.basename(f.file), f]));
    expect(Object.keys(byName).sort()).toEqual(['2017-办公室.html', '2020-交通局.xlsx', '扫描件.pdf', '损坏.xlsx', '旧表.xls', '说明.docx'].sort());
    expect(byName['2020-交通局.xlsx'].tables.map((t) => t.format)).toEqual(['national-2019', 'national-2019', 'national-2019']);
    expect(byName['2017-办公室.html'].tables.map((t) => t.format)).toEqual(['legacy-2016']);
    expect(byName['说明.docx'].error).toContain('未找到');
    expect(byName['损坏.xlsx'].error).toContain('文件已损坏');
    expect(byName['旧表.xls'].error).toContain('另存为');
    expect(byName['扫描件.pdf'].error).toContain('不支持的文件类型');

    const human = await run('check', dir);
    expect(human.out).toContain('无法校验：');
    expect(human.out).toContain('2019年试行格式');
    expect(human.out.match(/^文件：/gm)).toHaveLength(6);
  });
});
