/**
 * The bad-input catalogue (issue 7): what real workbooks and files contain, each run through the
 * nianbao command as a user would, with the Chinese message the user must see and the exit status.
 * Nothing here may crash: an internal error (程序内部错误) fails every case.
 */
import { rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Workbook } from '../../src/core';
import { gridToWorkbook } from '../../src/io/xlsx';
import { withFigures } from '../support/edit';
import { GridBuilder, legacySheet, national2021OneSheet, national2021ThreeSheets, SEED_ROWS, T3_ROWS } from '../support/layouts';
import { runCli, tempDir } from '../support/run-cli';
import { bigMediaWorkbook, hugeSheetWorkbook } from './big-files';

interface Case {
  name: string;
  /** Writes the input into dir and returns the command's arguments. */
  args: (dir: string) => Promise<string[]>;
  code: 0 | 1 | 2;
  /** Substrings of what the user sees (stdout and stderr together). */
  says: string[];
  /** Substrings that must not appear. */
  never?: string[];
}

const NATIONAL: Workbook = { sheets: [national2021OneSheet('统计表')] };
const LEGACY: Workbook = { sheets: [legacySheet('统计表')] };

async function xlsx(dir: string, name: string, wb: Workbook | ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, name);
  await ('xlsx' in wb ? wb : gridToWorkbook(wb)).xlsx.writeFile(file);
  return file;
}

/** `check` on the 2021 sample with one figure changed. */
function nationalWith(values: Record<string, CellValue | Cell>): (dir: string) => Promise<string[]> {
  return async (dir) => ['check', await xlsx(dir, 'report.xlsx', withFigures(NATIONAL, values))];
}

/** `check` on the 2021 sample after editing its .xlsx directly (values exceljs writes its own way). */
function nationalEdited(edit: (ws: ExcelJS.Worksheet) => void): (dir: string) => Promise<string[]> {
  return async (dir) => {
    const wb = gridToWorkbook(NATIONAL);
    edit(wb.getWorksheet('统计表')!);
    return ['check', await xlsx(dir, 'report.xlsx', wb)];
  };
}

const file = (name: string, content: string | Buffer) => async (dir: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return ['check', f];
};

/** Every cell of table 三's 总计 column, blank: never a false error (formats.md §7). */
const T3_TOTAL_COLUMN_BLANK = Object.fromEntries(
  T3_ROWS.map((row) => [`t3.${row}.total`, null]),
);

/** The seed table as the rows of a document table: header, then label, unit, value. */
const SEED_TABLE: string[][] = [['统计指标', '单位', '统计数'], ...SEED_ROWS.map(([label, unit, value]) => [label, unit, String(value)])];

const docxOf = async (children: (Paragraph | Table)[]) => Packer.toBuffer(new Document({ sections: [{ children }] }));

// In the 2021 one-sheet sample: table 三 starts at row 22, 本年新收/自然人 is D23 and its 总计 J23.
const NATURAL = 't3.newApplications.natural';

const CASES: Case[] = [
  // Files that cannot be read at all: exit 2 and a sentence saying why.
  { name: 'a workbook with no sheet', args: async (dir) => ['check', await xlsx(dir, 'empty.xlsx', new ExcelJS.Workbook())], code: 2, says: ['没有任何工作表'] },
  { name: 'a workbook whose only sheet is blank', args: async (dir) => ['check', await xlsx(dir, 'blank.xlsx', { sheets: [{ name: 'Sheet1', rows: [], merges: [] }] })], code: 2, says: ['未找到政府信息公开工作年度报告统计表'] },
  {
    name: 'a workbook with no template (meeting minutes)',
    args: async (dir) => ['check', await xlsx(dir, 'minutes.xlsx', { sheets: [new GridBuilder().set(0, 0, '会议记录').set(1, 0, '时间').set(1, 1, '2023年3月').sheet('Sheet1')] })],
    code: 2,
    says: ['未找到政府信息公开工作年度报告统计表', '支持的格式'],
  },
  { name: 'a corrupt .xlsx (not a zip)', args: file('corrupt.xlsx', 'PK this is not a workbook'), code: 2, says: ['文件已损坏或不是有效的 .xlsx 工作簿'] },
  {
    name: 'an .xlsx cut off in the middle of the download',
    args: async (dir) => {
      const whole = await gridToWorkbook(LEGACY).xlsx.writeBuffer();
      return file('truncated.xlsx', Buffer.from(whole).subarray(0, Math.floor(whole.byteLength / 2)))(dir);
    },
    code: 2,
    says: ['文件已损坏'],
  },
  { name: 'an empty (0-byte) .xlsx', args: file('zero.xlsx', ''), code: 2, says: ['文件已损坏'] },
  {
    name: 'an .xlsx with an opening password (an encrypted OLE container)',
    args: file('encrypted.xlsx', Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(4096)])),
    code: 2,
    says: ['设置了打开密码'],
  },
  {
    name: 'a Word document renamed to .xlsx',
    args: async (dir) => file('renamed.xlsx', await docxOf([new Paragraph('报告')]))(dir),
    code: 2,
    says: ['没有任何工作表'],
  },
  { name: 'an old .xls workbook', args: file('old.xls', Buffer.from('D0CF11E0A1B11AE1', 'hex')), code: 2, says: ['旧版 .xls', '另存为'] },
  { name: 'a file type the tool does not read', args: file('report.pdf', '%PDF-1.4'), code: 2, says: ['不支持的文件类型'] },
  { name: 'a file that does not exist', args: async (dir) => ['check', path.join(dir, 'missing.xlsx')], code: 2, says: ['找不到文件'] },
  { name: 'a folder with nothing readable', args: async (dir) => (writeFileSync(path.join(dir, 'notes.doc'), 'x'), ['check', dir]), code: 2, says: ['文件夹中没有可读取的文件'] },
  { name: 'a text report with no table', args: file('report.txt', '某县2023年政府信息公开工作年度报告\n\n一、总体情况\n本年度……'), code: 2, says: ['未找到政府信息公开工作年度报告统计表'] },
  {
    name: 'totals on a workbook with no template',
    args: async (dir) => ['totals', await xlsx(dir, 'minutes.xlsx', { sheets: [new GridBuilder().set(0, 0, '会议记录').sheet('Sheet1')] }), '--out', path.join(dir, 'out.xlsx')],
    code: 2,
    says: ['未找到政府信息公开工作年度报告统计表'],
  },
  { name: 'draft from a corrupt workbook', args: async (dir) => ['draft', (await file('corrupt.xlsx', 'garbage')(dir))[1]], code: 2, says: ['文件已损坏'] },
  {
    name: 'annotate asked for a text report',
    args: async (dir) => ['check', (await file('r.txt', '统计指标|单位|统计数')(dir))[1], '--annotate', path.join(dir, 'out.xlsx')],
    code: 2,
    says: ['--annotate 只能用于单个 .xlsx 工作簿'],
  },

  // Reports published as Word documents and web pages.
  {
    name: 'a .docx with no tables',
    args: async (dir) => file('report.docx', await docxOf([new Paragraph('某县2023年政府信息公开工作年度报告'), new Paragraph('一、总体情况')]))(dir),
    code: 2,
    says: ['未找到政府信息公开工作年度报告统计表'],
  },
  { name: 'a corrupt .docx', args: file('broken.docx', 'PK not a document'), code: 2, says: ['文件已损坏或不是有效的 .docx 文档'] },
  {
    name: 'a .docx report with its table (the seed) is checked like a workbook',
    args: async (dir) => file('seed.docx', await docxOf([new Paragraph('报告'), new Table({ rows: SEED_TABLE.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) })]))(dir),
    code: 1,
    says: ['小于主动公开政府信息数', '工作表“文档表格”的 C4'],
  },
  {
    name: 'HTML whose table sits inside a page-layout table (nested tables)',
    args: file(
      'nested.html',
      `<html><head><meta charset="utf-8"></head><body><table><tr><td><a href="#">首页</a></td><td><p>某县2017年报告</p><table>${SEED_TABLE.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></td></tr></table></body></html>`,
    ),
    code: 1,
    says: ['小于主动公开政府信息数', '工作表“网页表格”的'],
  },
  { name: 'HTML with no table', args: file('page.html', '<html><body><p>报告正文</p></body></html>'), code: 2, says: ['未找到政府信息公开工作年度报告统计表'] },
  { name: 'binary garbage named .html', args: file('garbage.html', Buffer.from([0, 1, 2, 255, 254, 0, 0, 60, 116, 97])), code: 2, says: ['未找到政府信息公开工作年度报告统计表'] },

  // Workbooks whose table is found but shaped unusually.
  {
    name: 'two templates in one workbook (legacy 2017 and 2021 national)',
    args: async (dir) => ['check', await xlsx(dir, 'two.xlsx', { sheets: [legacySheet('2017年', { values: { '2.政府网站公开政府信息数': 6580 } }), national2021OneSheet('2023年')] })],
    code: 0,
    says: ['2016—2018年旧格式统计表', '2021年国家格式', '全部勾稽关系校验通过'],
  },
  {
    name: 'the same table twice (two years side by side)',
    args: async (dir) => ['check', await xlsx(dir, 'twice.xlsx', { sheets: [legacySheet('2017年'), legacySheet('2018年', { values: { '5.其他方式公开政府信息数': 1342 } })] })],
    code: 1,
    says: ['找到2份政府信息公开情况统计表', '2017年!', '2018年!'],
  },
  {
    name: 'the 2021 tables on three sheets',
    args: async (dir) => ['check', await xlsx(dir, 'three.xlsx', { sheets: national2021ThreeSheets() })],
    code: 0,
    says: ['表二', '表三', '表四', '全部勾稽关系校验通过'],
  },
  {
    name: 'a template cut short',
    args: async (dir) => {
      const sheet = legacySheet('统计表');
      sheet.rows = sheet.rows.slice(0, 33);
      return ['check', await xlsx(dir, 'short.xlsx', { sheets: [sheet] })];
    },
    code: 1,
    says: ['缺少', '这些指标未校验'],
  },
  {
    name: 'a protected sheet: checked normally, and totals writes nothing there',
    args: async (dir) => {
      const wb = withFigures(NATIONAL, { 't3.granted.total': 99 });
      wb.sheets[0].protected = true;
      return ['totals', await xlsx(dir, 'protected.xlsx', wb), '--out', path.join(dir, 'out.xlsx')];
    },
    code: 0,
    says: ['没有可以写入的改动', '工作表受保护'],
    never: ['将覆盖', '所有合计均与分项一致'],
  },
  {
    name: 'one merged cell across two figures',
    args: async (dir) => {
      const wb = gridToWorkbook(NATIONAL);
      wb.getWorksheet('统计表')!.mergeCells('E23:F23');
      return ['check', await xlsx(dir, 'merged.xlsx', wb)];
    },
    code: 1,
    says: ['是合并单元格', '请取消合并并分别填写'],
  },
  {
    name: 'hidden rows: their figures are still checked',
    args: async (dir) => {
      const wb = gridToWorkbook(LEGACY);
      const ws = wb.getWorksheet('统计表')!;
      for (let r = 10; r <= 14; r++) ws.getRow(r).hidden = true;
      return ['check', await xlsx(dir, 'hidden.xlsx', wb)];
    },
    code: 1,
    says: ['小于主动公开政府信息数', '工作表“统计表”的 C5、C9、C10、C11、C12、C13'],
  },

  // Cell values (formats.md §5 and §7).
  { name: '#REF! typed or left by a deleted row', args: nationalWith({ [NATURAL]: '#REF!' }), code: 1, says: ['是错误值 #REF!'] },
  { name: '#VALUE! as an Excel error value', args: nationalEdited((ws) => (ws.getCell('D23').value = { error: '#VALUE!' } as ExcelJS.CellErrorValue)), code: 1, says: ['是错误值 #VALUE!'] },
  {
    name: 'a formula whose result is #DIV/0!',
    args: nationalEdited((ws) => (ws.getCell('D23').value = { formula: 'D24/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue)),
    code: 1,
    says: ['是错误值 #DIV/0!'],
  },
  { name: 'numbers stored as text', args: nationalWith({ [NATURAL]: '40', 't3.carriedOver.natural': '3' }), code: 0, says: ['2个数字以文本', '已按数字参与校验'] },
  { name: 'full-width digits', args: nationalWith({ [NATURAL]: '４０' }), code: 0, says: ['全角数字', '已按数字参与校验'] },
  { name: 'thousands separators', args: nationalWith({ 't2.licensing': '1,256' }), code: 0, says: ['千位分隔符'] },
  { name: 'a negative count', args: nationalWith({ [NATURAL]: -40 }), code: 1, says: ['为负数-40，件数不能为负'] },
  { name: 'a decimal count', args: nationalWith({ [NATURAL]: 40.5 }), code: 1, says: ['为40.5，件数应为整数'] },
  { name: '"/" for none', args: nationalWith({ 't3.granted.research': '/' }), code: 0, says: ['填写了“/”', '没有发生的请填0'] },
  { name: '"——" for none', args: nationalWith({ 't3.granted.research': '——' }), code: 0, says: ['填写了“——”'] },
  { name: '"无" for none', args: nationalWith({ 't3.granted.research': '无' }), code: 0, says: ['填写了“无”'] },
  { name: 'a word where a number belongs', args: nationalWith({ [NATURAL]: '若干' }), code: 1, says: ['填写的“若干”不是数字'] },
  { name: 'a unit typed into the cell', args: nationalWith({ [NATURAL]: '40件' }), code: 0, says: ['带有单位', '单元格中只填数字'] },
  { name: '元 typed into a 万元 cell', args: nationalWith({ 't2.fees': '123500元' }), code: 0, says: ['应折合为12.35万元'] },
  { name: 'TRUE in a figure cell', args: nationalWith({ [NATURAL]: true }), code: 1, says: ['填写的“TRUE”不是数字'] },
  { name: 'a date in a figure cell', args: nationalEdited((ws) => (ws.getCell('D23').value = new Date(Date.UTC(2023, 0, 2)))), code: 1, says: ['填写的“2023-01-02”不是数字'] },
  {
    name: 'a huge number, written out in full and flagged',
    args: nationalWith({ [NATURAL]: 1e23 }),
    code: 1,
    says: ['100000000000000000000000', '超出'],
    never: ['e+'],
  },
  { name: 'the 总计 column of table 三 left blank', args: nationalWith(T3_TOTAL_COLUMN_BLANK), code: 0, says: ['25个单元格未填', '空白不等于0', '未校验'] },
  { name: 'a 总计 that disagrees with its row', args: nationalWith({ 't3.granted.total': 30 }), code: 1, says: ['为30，但', '应为23'] },
  {
    name: 'label typos',
    args: async (dir) => ['check', await xlsx(dir, 'typos.xlsx', { sheets: [legacySheet('统计表', { relabel: { '4.微博微信回应事件数': '4.微博、微信回应事件数' } })] })],
    code: 1,
    says: ['相似但不完全一致，请确认'],
  },
  {
    name: 'a sheet name with spaces and a quote',
    args: async (dir) => ['check', await xlsx(dir, 'quoted.xlsx', { sheets: [legacySheet("县 政府's 表")] })],
    code: 1,
    says: ["工作表“县 政府's 表”的 C5"],
  },

  // Size.
  {
    name: 'a 50 MB workbook (the table plus a large scanned image)',
    args: async (dir) => ['check', await bigMediaWorkbook(dir, 50)],
    code: 0,
    says: ['全部勾稽关系校验通过'],
  },
  {
    name: 'a workbook whose sheets are too large to open in memory',
    args: async (dir) => ['check', await hugeSheetWorkbook(dir)],
    code: 2,
    says: ['内容过大', '复制到一个新工作簿'],
  },
];

describe('the bad-input catalogue: each input gets a clear Chinese message and exit status', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = tempDir('nianbao-catalogue-');
    let result;
    try {
      result = await runCli(...(await c.args(dir)));
    } finally {
      // Some inputs are 50 MB or more.
      rmSync(dir, { recursive: true, force: true });
    }
    const shown = result.out + result.err;
    expect(shown).not.toContain('程序内部错误');
    for (const s of c.says) expect(shown).toContain(s);
    for (const s of c.never ?? []) expect(shown).not.toContain(s);
    expect(result.code).toBe(c.code);
  }, 60_000);
});
