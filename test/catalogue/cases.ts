/**
 * The catalogue of hostile and broken inputs (issues 7, 11 and 13): each case crafts its input in a fresh
 * folder and runs the nianbao command on it as a user would. The test (catalogue.test.ts) runs them
 * in-process and checks the exit status, the Chinese message (on stderr for status 2) and that no file
 * that was there before changed; the bench (scripts/bench.ts, section catalogue) runs each through the
 * built command in a child process and reports the slowest case and the most memory any case took.
 */
import { execFileSync } from 'child_process';
import { linkSync, mkdirSync, promises, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import * as path from 'path';
import { deflateRawSync } from 'zlib';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { analyzeWorkbook, type Cell, type CellValue, type Workbook } from '../../src/core';
import { gridToWorkbook, MAX_CELLS } from '../../src/io/xlsx';
import { withFigures } from '../support/edit';
import { crc32, editedWorkbook, oleFile, zipOf } from '../support/packages';
import { GridBuilder, legacySheet, national2021OneSheet, national2021ThreeSheets, SEED_ROWS, SEED_TITLE, T3_ROWS } from '../support/layouts';
import { bigMediaWorkbook, hugeSheetWorkbook, nearLimitWorkbook } from './big-files';

export interface Case {
  name: string;
  /** Writes the input into dir and returns the command's arguments. */
  args: (dir: string) => Promise<string[]>;
  code: 0 | 1 | 2;
  /** What the user must see: on stderr when the status is 2, on stdout or stderr otherwise. */
  says: string[];
  /** What must not appear anywhere. */
  never?: string[];
  /** Files in dir the run may replace (an output that was there before). */
  replaces?: string[];
  /**
   * A failure of the system the case cannot make happen for real (a full disk, a file it may not read
   * as root): installed before the run, removed after. Such a case runs in-process only.
   */
  fault?: () => () => void;
  /** Further checks of what the run wrote (in the test only). */
  after?: (dir: string) => Promise<void>;
}

const NATIONAL: Workbook = { sheets: [national2021OneSheet('统计表')] };
const LEGACY: Workbook = { sheets: [legacySheet('统计表')] };
const MB = 1024 * 1024;

async function xlsx(dir: string, name: string, wb: Workbook | ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, name);
  await ('xlsx' in wb ? wb : gridToWorkbook(wb)).xlsx.writeFile(file);
  return file;
}

const put = (dir: string, name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

/** `check` on the 2021 sample with some figures changed. */
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

/** The 2021 sample with its sheet's XML (and any other part) edited as text. */
function nationalParts(edit: (parts: Map<string, string | Buffer>) => void, grid: Workbook = NATIONAL): (dir: string) => Promise<string> {
  return async (dir) => put(dir, 'report.xlsx', await editedWorkbook(grid, edit));
}

const SHEET = 'xl/worksheets/sheet1.xml';
/** Replaces a cell element of the sheet part (by reference) with the given XML. */
const replaceCell = (xml: string, ref: string, cell: string) => {
  const re = new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${ref}`);
  return xml.replace(re, cell);
};
const sheetText = (parts: Map<string, string | Buffer>) => parts.get(SHEET) as string;

const file = (name: string, content: string | Buffer) => async (dir: string) => ['check', put(dir, name, content)];

/** Every cell of table 三's 总计 column, blank: never a false error (docs/formats.md §3). */
const T3_TOTAL_COLUMN_BLANK = Object.fromEntries(T3_ROWS.map((row) => [`t3.${row}.total`, null]));

/** The seed table as rows: header, then label, unit, value. */
const SEED_TABLE: string[][] = [['统计指标', '单位', '统计数'], ...SEED_ROWS.map(([label, unit, value]) => [label, unit, String(value)])];

/** The seed report as text: a title, prose, and its table with "|" between cells (its one error: channels 8278 < 8295). */
const SEED_TEXT = [SEED_TITLE, '一、概述', '本年度共主动公开政府信息8295条。', ...SEED_TABLE.map((r) => r.join('|')), '二、存在的不足'].join('\n');
const SEED_ERROR = '小于主动公开政府信息数';

const docxOf = async (children: (Paragraph | Table)[]) => Packer.toBuffer(new Document({ sections: [{ children }] }));
const seedDocx = () => docxOf([new Paragraph('报告'), new Table({ rows: SEED_TABLE.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) })]);
const seedTableHtml = () => `<table>${SEED_TABLE.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;

/** GBK bytes for a text, from the platform's own GBK decoder read backwards (Node encodes only UTF-8). */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(decoder.decode(Uint8Array.of(a, b)), [a, b]);
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};

/** A fault: one promise-returning function of the fs module rejects with a system error code. */
function failing(target: Record<string, unknown>, name: string, code: string, when: (...args: unknown[]) => boolean = () => true): () => () => void {
  return () => {
    const original = target[name] as (...args: unknown[]) => Promise<unknown>;
    target[name] = (...args: unknown[]) => (when(...args) ? Promise.reject(Object.assign(new Error(`${code}: simulated`), { code })) : original.apply(target, args));
    return () => {
      target[name] = original;
    };
  };
}

/** FileHandle's prototype (the class is not exported), found through a handle by primeFileHandle. */
let fileHandle: Record<string, unknown> | undefined;

export async function primeFileHandle(): Promise<void> {
  const handle = await promises.open(__filename, 'r');
  fileHandle = Object.getPrototypeOf(handle) as Record<string, unknown>;
  await handle.close();
}

/** A fault on writing the temporary output: the file is created and written, then the disk is full. */
function diskFullOnWrite(): () => void {
  const proto = fileHandle;
  if (!proto) throw new Error('call primeFileHandle() first');
  const original = proto.writeFile as (...args: unknown[]) => Promise<void>;
  proto.writeFile = function (this: unknown, ...args: unknown[]) {
    return original.apply(this, args).then(() => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })));
  };
  return () => {
    proto.writeFile = original;
  };
}

async function readCopy(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb.getWorksheet('统计表')!;
}

// In the 2021 one-sheet sample: table 三 starts at row 22, 本年新收/自然人 is D23 and its 总计 J23;
// J25 is 予以公开/总计 (23), J27 属于国家秘密/总计 (0); E53 is 行政复议/总计.
const NATURAL = 't3.newApplications.natural';

export const CASES: Case[] = [
  // ——— Files that cannot be read at all: exit 2 and a sentence saying why (issue 7). ———
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
    args: file('encrypted.xlsx', oleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'])),
    code: 2,
    says: ['设置了打开密码'],
  },
  { name: 'a Word document renamed to .xlsx', args: async (dir) => file('renamed.xlsx', await docxOf([new Paragraph('报告')]))(dir), code: 2, says: ['实际上是 Word 文档', '没有任何工作表'] },
  { name: 'an old .xls workbook', args: file('old.xls', Buffer.from('D0CF11E0A1B11AE1', 'hex')), code: 2, says: ['旧版 .xls', '另存为'] },
  { name: 'a file type the tool does not read', args: file('report.pptx', 'PK\u0003\u0004'), code: 2, says: ['不支持的文件类型'] },
  { name: 'a PDF that is only a header', args: file('report.pdf', '%PDF-1.4'), code: 2, says: ['不是有效的 PDF 文件'] },
  { name: 'a file that does not exist', args: async (dir) => ['check', path.join(dir, 'missing.xlsx')], code: 2, says: ['找不到文件'] },
  { name: 'a folder with nothing readable', args: async (dir) => (put(dir, 'notes.doc', 'x'), ['check', dir]), code: 2, says: ['文件夹中没有可读取的文件'] },
  { name: 'a text report with no table', args: file('report.txt', '某县2023年政府信息公开工作年度报告\n\n一、总体情况\n本年度……'), code: 2, says: ['这份文本文件中没有找到政府信息公开工作年度报告统计表', '文字本身'] },
  {
    name: 'totals on a workbook with no template',
    args: async (dir) => ['totals', await xlsx(dir, 'minutes.xlsx', { sheets: [new GridBuilder().set(0, 0, '会议记录').sheet('Sheet1')] }), '--out', path.join(dir, 'out.xlsx')],
    code: 2,
    says: ['未找到政府信息公开工作年度报告统计表'],
  },
  { name: 'draft from a corrupt workbook', args: async (dir) => ['draft', put(dir, 'corrupt.xlsx', 'garbage')], code: 2, says: ['文件已损坏'] },
  {
    name: 'annotate asked for a text report',
    args: async (dir) => ['check', put(dir, 'r.txt', '统计指标|单位|统计数'), '--annotate', path.join(dir, 'out.xlsx')],
    code: 2,
    says: ['--annotate 只能用于单个 .xlsx 工作簿'],
  },

  // ——— Reports published as Word documents and web pages. ———
  {
    name: 'a .docx with no tables',
    args: async (dir) => file('report.docx', await docxOf([new Paragraph('某县2023年政府信息公开工作年度报告'), new Paragraph('一、总体情况')]))(dir),
    code: 2,
    says: ['这份Word文档中没有找到政府信息公开工作年度报告统计表'],
  },
  { name: 'a corrupt .docx', args: file('broken.docx', 'PK not a document'), code: 2, says: ['文件已损坏或不是有效的 .docx 文档'] },
  { name: 'a .docx report with its table (the seed) is checked like a workbook', args: async (dir) => file('seed.docx', await seedDocx())(dir), code: 1, says: [SEED_ERROR, '工作表“文档表格”的 C4'] },
  {
    name: 'HTML whose table sits inside a page-layout table (nested tables)',
    args: file('nested.html', `<html><head><meta charset="utf-8"></head><body><table><tr><td><a href="#">首页</a></td><td><p>某县2017年报告</p>${seedTableHtml()}</td></tr></table></body></html>`),
    code: 1,
    says: [SEED_ERROR, '工作表“网页表格”的'],
  },
  { name: 'HTML with no table', args: file('page.html', '<html><body><p>报告正文</p></body></html>'), code: 2, says: ['这份网页中没有找到政府信息公开工作年度报告统计表'] },
  // Not UTF-8, UTF-16 or GB18030 text: named as such rather than searched for a table.
  { name: 'binary garbage named .html', args: file('garbage.html', Buffer.from([0, 1, 2, 255, 254, 0, 0, 60, 116, 97])), code: 2, says: ['文字编码无法识别'] },

  // ——— Workbooks whose table is found but shaped unusually. ———
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
  { name: 'the 2021 tables on three sheets', args: async (dir) => ['check', await xlsx(dir, 'three.xlsx', { sheets: national2021ThreeSheets() })], code: 0, says: ['表二', '表三', '表四', '全部勾稽关系校验通过'] },
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
    name: 'a protected sheet: checked normally, and totals writes nothing there (its wrong total: exit 1)',
    args: async (dir) => {
      const wb = withFigures(NATIONAL, { 't3.granted.total': 99 });
      wb.sheets[0].protected = true;
      return ['totals', await xlsx(dir, 'protected.xlsx', wb), '--out', path.join(dir, 'out.xlsx')];
    },
    code: 1,
    says: ['没有可以写入的改动', '工作表受保护', '原表有2个强制性问题'],
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
    name: 'totals never computes a total from a merged figure cell that check reports',
    args: async (dir) => {
      const wb = gridToWorkbook(NATIONAL);
      wb.getWorksheet('统计表')!.mergeCells('E23:F23');
      return ['totals', await xlsx(dir, 'merged.xlsx', wb), '--out', path.join(dir, 'out.xlsx')];
    },
    code: 1,
    says: ['跳过 统计表!J23', '有分项无法识别为数字'],
    never: ['统计表!J23 一、本年新收政府信息公开申请数量/总计：49 →'],
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
    says: [SEED_ERROR, '工作表“统计表”的 C5、C9、C10、C11、C12、C13'],
  },

  // ——— Cell values (docs/formats.md §2). ———
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
  { name: 'a huge number, written out in full and flagged', args: nationalWith({ [NATURAL]: 1e23 }), code: 1, says: ['100000000000000000000000', '超出'], never: ['e+'] },
  {
    name: 'a 400-digit number in a workbook is too large, not an error value',
    args: async (dir) => ['check', await nationalParts((p) => p.set(SHEET, replaceCell(sheetText(p), 'D23', `<c r="D23"><v>${'9'.repeat(400)}</v></c>`)))(dir)],
    code: 1,
    says: ['一个400位数', '超出可以精确计算的范围'],
    never: ['Infinity', '错误值'],
  },
  {
    name: 'a 400-digit number in a text report',
    args: file('report.txt', SEED_TEXT.replace('|件|17', `|个|${'7'.repeat(400)}`)),
    code: 1,
    says: ['一个400位数', '超出可以精确计算的范围'],
    never: ['Infinity', '错误值'],
  },
  {
    name: 'an integer beyond 2^53 in a workbook is reported with its own digits, not rounded',
    args: async (dir) => ['check', await nationalParts((p) => p.set(SHEET, replaceCell(sheetText(p), 'D23', '<c r="D23"><v>9007199254740993</v></c>')))(dir)],
    code: 1,
    says: ['为9007199254740993，超出可以精确计算的范围'],
    never: ['9007199254740992'],
  },
  {
    name: 'an integer beyond 2^53 in a text report',
    args: file('report.txt', SEED_TEXT.replace('|件|17', '|个|9007199254740993')),
    code: 1,
    says: ['为9007199254740993，超出可以精确计算的范围'],
    never: ['9007199254740992'],
  },
  { name: 'the 总计 column of table 三 left blank', args: nationalWith(T3_TOTAL_COLUMN_BLANK), code: 0, says: ['25个单元格未填', '空白不等于0', '未校验'] },
  { name: 'a 总计 that disagrees with its row', args: nationalWith({ 't3.granted.total': 30 }), code: 1, says: ['为30，但', '应为23'] },
  {
    name: 'label typos',
    args: async (dir) => ['check', await xlsx(dir, 'typos.xlsx', { sheets: [legacySheet('统计表', { relabel: { '4.微博微信回应事件数': '4.微博、微信回应事件数' } })] })],
    code: 1,
    says: ['相似但不完全一致，请确认'],
  },
  { name: 'a sheet name with spaces and a quote', args: async (dir) => ['check', await xlsx(dir, 'quoted.xlsx', { sheets: [legacySheet("县 政府's 表")] })], code: 1, says: ["工作表“县 政府's 表”的 C5"] },

  // ——— Formula results (issue 11 §1): the cached result is the value, whatever it is. ———
  {
    name: 'a 总计 that is a formula with a cached result of 0 (SUM(D27:I27) → 0)',
    args: async (dir) => ['check', await nationalParts((p) => p.set(SHEET, replaceCell(sheetText(p), 'J27', '<c r="J27"><f>SUM(D27:I27)</f><v>0</v></c>')))(dir)],
    code: 0,
    says: ['全部勾稽关系校验通过'],
    never: ['未填', '未校验'],
  },
  {
    name: 'every 总计 of table 三 a SUM formula with its cached result',
    args: async (dir) => {
      // The cached result Excel saves with each: the row's own sum, which the sample's 总计 holds.
      const totals = Object.values(analyzeWorkbook(NATIONAL).tables.find((t) => t.table === 't3')!.figures).filter((f) => f.id.endsWith('.total'));
      const values = Object.fromEntries(totals.map((f) => [f.id, { value: f.value, formula: `=SUM(D${f.row + 1}:I${f.row + 1})` }]));
      return ['check', await xlsx(dir, 'formulas.xlsx', withFigures(NATIONAL, values))];
    },
    code: 0,
    says: ['全部勾稽关系校验通过'],
    never: ['未填', '未校验'],
  },
  {
    name: 'formula totals whose cached result disagrees with the row',
    args: async (dir) => ['check', await nationalParts((p) => p.set(SHEET, replaceCell(sheetText(p), 'J25', '<c r="J25"><f>SUM(D25:H25)</f><v>30</v></c>')))(dir)],
    code: 1,
    says: ['为30，但', '应为23'],
  },
  {
    name: 'circular formulas (a total that includes itself, two cells that refer to each other) read as their cached results',
    args: async (dir) => [
      'check',
      await nationalParts((p) => {
        let xml = replaceCell(sheetText(p), 'J27', '<c r="J27"><f>SUM(D27:J27)</f><v>0</v></c>');
        xml = replaceCell(xml, 'J29', '<c r="J29"><f>J27+J29*0</f><v>0</v></c>');
        p.set(SHEET, xml);
      })(dir),
    ],
    code: 0,
    says: ['全部勾稽关系校验通过'],
    never: ['未填'],
  },
  {
    name: 'a formula whose cached result is FALSE',
    args: async (dir) => ['check', await nationalParts((p) => p.set(SHEET, replaceCell(sheetText(p), 'J27', '<c r="J27" t="b"><f>D27&gt;1</f><v>0</v></c>')))(dir)],
    code: 1,
    says: ['填写的“FALSE”不是数字'],
  },
  {
    name: 'a formula whose cached result is "" reads as blank, not as an uncalculated formula',
    args: async (dir) => ['check', await nationalParts((p) => p.set(SHEET, replaceCell(sheetText(p), 'J27', '<c r="J27" t="str"><f>IF(D27=0,"",D27)</f><v></v></c>')))(dir)],
    code: 0,
    says: ['1个单元格未填（J27）'],
    never: ['没有保存计算结果'],
  },
  {
    name: 'a formula without a cached result (saved by a program that does not calculate)',
    args: async (dir) => ['check', await nationalParts((p) => p.set(SHEET, replaceCell(sheetText(p), 'J27', '<c r="J27"><f>SUM(D27:I27)</f></c>')))(dir)],
    code: 0,
    says: ['1个单元格的公式没有保存计算结果（J27）', '在 Excel 中打开、保存后再校验'],
    never: ['未填'],
  },

  // ——— Never overwrite an input (issue 11 §2). ———
  {
    name: 'draft x.xlsx --docx x.xlsx',
    args: async (dir) => {
      const f = await xlsx(dir, 'x.xlsx', NATIONAL);
      return ['draft', f, '--docx', f];
    },
    code: 2,
    says: ['输出文件不能与输入文件相同'],
  },
  {
    name: 'draft r.docx --docx r.docx',
    args: async (dir) => {
      const f = put(dir, 'r.docx', await seedDocx());
      return ['draft', f, '--docx', f];
    },
    code: 2,
    says: ['输出文件不能与输入文件相同'],
  },
  {
    name: '--annotate at a symbolic link to the input',
    args: async (dir) => {
      const f = await xlsx(dir, 'report.xlsx', LEGACY);
      symlinkSync(f, path.join(dir, 'link.xlsx'));
      return ['check', f, '--annotate', path.join(dir, 'link.xlsx')];
    },
    code: 2,
    says: ['是一个符号链接'],
  },
  {
    name: '--annotate at a hard link to the input',
    args: async (dir) => {
      const f = await xlsx(dir, 'report.xlsx', LEGACY);
      linkSync(f, path.join(dir, 'hard.xlsx'));
      return ['check', f, '--annotate', path.join(dir, 'hard.xlsx')];
    },
    code: 2,
    says: ['输出文件不能与输入文件相同'],
  },
  {
    name: '--annotate at the input through /proc/self/cwd',
    args: async (dir) => {
      const f = await xlsx(dir, 'report.xlsx', LEGACY);
      // Written out, not joined: path.join would fold the ".." against /proc/self/cwd instead of the folder it stands for.
      return ['check', f, '--annotate', `/proc/self/cwd/${path.relative(process.cwd(), f)}`];
    },
    code: 2,
    says: ['输出文件不能与输入文件相同'],
  },
  {
    name: '--annotate at the input given through a symbolic link to its folder',
    args: async (dir) => {
      const f = await xlsx(dir, 'report.xlsx', LEGACY);
      symlinkSync(dir, path.join(dir, 'again'));
      return ['check', f, '--annotate', path.join(dir, 'again', 'report.xlsx')];
    },
    code: 2,
    says: ['输出文件不能与输入文件相同'],
  },
  {
    name: '--annotate at the --previous file',
    args: async (dir) => {
      const f = await xlsx(dir, 'report.xlsx', NATIONAL);
      const last = await xlsx(dir, 'last.xlsx', NATIONAL);
      return ['check', f, '--previous', last, '--annotate', last];
    },
    code: 2,
    says: ['输出文件不能与输入文件相同', 'last.xlsx'],
  },
  {
    name: 'totals --out at a symbolic link to the input',
    args: async (dir) => {
      const f = await xlsx(dir, 'report.xlsx', LEGACY);
      symlinkSync(f, path.join(dir, 'link.xlsx'));
      return ['totals', f, '--out', path.join(dir, 'link.xlsx')];
    },
    code: 2,
    says: ['是一个符号链接'],
  },
  {
    name: 'totals --out at a symbolic link to another file: not written through',
    args: async (dir) => {
      const f = await xlsx(dir, 'report.xlsx', LEGACY);
      put(dir, 'keep.txt', 'someone else’s file');
      symlinkSync(path.join(dir, 'keep.txt'), path.join(dir, 'out.xlsx'));
      return ['totals', f, '--out', path.join(dir, 'out.xlsx')];
    },
    code: 2,
    says: ['是一个符号链接', '没有写入'],
  },
  {
    name: 'totals --out into a folder that does not exist',
    args: async (dir) => ['totals', await xlsx(dir, 'report.xlsx', LEGACY), '--out', path.join(dir, 'no-such-folder', 'out.xlsx')],
    code: 2,
    says: ['输出文件夹不存在'],
  },
  {
    name: 'totals --out at a folder',
    args: async (dir) => {
      mkdirSync(path.join(dir, 'out.xlsx'));
      return ['totals', await xlsx(dir, 'report.xlsx', LEGACY), '--out', path.join(dir, 'out.xlsx')];
    },
    code: 2,
    says: ['是一个文件夹'],
  },
  {
    name: 'totals --out in a place that cannot be written (/sys)',
    args: async (dir) => ['totals', await xlsx(dir, 'report.xlsx', LEGACY), '--out', '/sys/nianbao-out.xlsx'],
    code: 2,
    says: ['没有写入权限'],
  },
  {
    name: 'draft --docx into a folder that does not exist',
    args: async (dir) => ['draft', await xlsx(dir, 'report.xlsx', NATIONAL), '--docx', path.join(dir, 'missing', 'draft.docx')],
    code: 2,
    says: ['输出文件夹不存在'],
  },
  {
    name: 'an existing output file is replaced whole (written beside it, then renamed)',
    args: async (dir) => {
      put(dir, 'out.xlsx', 'an older copy');
      return ['totals', await xlsx(dir, 'report.xlsx', withFigures(NATIONAL, { 't3.granted.total': null })), '--out', path.join(dir, 'out.xlsx')];
    },
    code: 0,
    says: ['计划改动1处', '已写出副本'],
    replaces: ['out.xlsx'],
    after: async (dir) => expect((await readCopy(path.join(dir, 'out.xlsx'))).getCell('J25').value).toBe(23),
  },
  {
    name: 'the disk fills up while the copy is written',
    args: async (dir) => ['totals', await xlsx(dir, 'report.xlsx', withFigures(NATIONAL, { 't3.granted.total': null })), '--out', path.join(dir, 'out.xlsx')],
    code: 2,
    says: ['磁盘空间已满', '已写的部分已清除'],
    fault: () => diskFullOnWrite(),
  },

  // ——— Bounded memory and time (issue 11 §3). ———
  { name: 'a 50 MB workbook (the table plus a large scanned image)', args: async (dir) => ['check', await bigMediaWorkbook(dir, 50)], code: 0, says: ['全部勾稽关系校验通过'] },
  { name: 'a workbook just under every limit (250,000 cells of text, 37 MB of sheet XML) is read', args: async (dir) => ['check', await nearLimitWorkbook(dir)], code: 0, says: ['全部勾稽关系校验通过'] },
  { name: 'a workbook whose sheets are too large to open in memory', args: async (dir) => ['check', await hugeSheetWorkbook(dir)], code: 2, says: ['内容过大', '复制到一个新工作簿', '并未损坏'], never: ['已损坏'] },
  {
    name: 'a merged area Q1:XFD1048576 (exceljs would make every cell of it)',
    args: async (dir) => ['check', await nationalParts((p) => p.set(SHEET, sheetText(p).replace(/<mergeCells count="(\d+)">/, '<mergeCells count="$1"><mergeCell ref="Q1:XFD1048576"/>')))(dir)],
    code: 2,
    says: ['合并区域 Q1:XFD1048576', '内容过大'],
  },
  {
    name: 'many merged areas, together over the cell limit',
    args: async (dir) => [
      'check',
      await nationalParts((p) => {
        const areas = Array.from({ length: 40 }, (_, i) => `<mergeCell ref="Q${i * 400 + 1}:AP${i * 400 + 400}"/>`).join('');
        p.set(SHEET, sheetText(p).replace(/<mergeCells count="(\d+)">/, `<mergeCells count="$1">${areas}`));
      })(dir),
    ],
    code: 2,
    says: ['表格内容过大', `${MAX_CELLS} 个单元格`],
  },
  {
    name: 'a defined name over a whole sheet ($A$1:$XFD$1048576)',
    args: async (dir) => [
      'check',
      await nationalParts((p) => p.set('xl/workbook.xml', (p.get('xl/workbook.xml') as string).replace('</sheets>', `</sheets><definedNames><definedName name="全表">统计表!$A$1:$XFD$1048576</definedName></definedNames>`)))(dir),
    ],
    code: 2,
    says: ['表格内容过大'],
  },
  {
    name: 'data validations on ten whole columns are read past, the table checked',
    args: async (dir) => [
      'check',
      await nationalParts((p) => {
        const rules = Array.from({ length: 10 }, (_, i) => `<dataValidation type="whole" allowBlank="1" sqref="${String.fromCharCode(68 + (i % 7))}1:${String.fromCharCode(68 + (i % 7))}1048576"><formula1>0</formula1></dataValidation>`).join('');
        p.set(SHEET, sheetText(p).replace('<pageMargins', `<dataValidations count="10">${rules}</dataValidations><pageMargins`));
      })(dir),
    ],
    code: 0,
    says: ['全部勾稽关系校验通过'],
  },
  {
    name: 'a cell at XFD1048576 beside the table',
    args: async (dir) => ['check', await nationalParts((p) => p.set(SHEET, sheetText(p).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')))(dir)],
    code: 0,
    says: ['全部勾稽关系校验通过'],
  },
  {
    name: 'a zip bomb: an entry declared as 1 KB that inflates to 64 MB',
    args: async (dir) => {
      const parts = await editedWorkbook(NATIONAL, () => undefined);
      const zip = await JSZip.loadAsync(parts);
      const entries = await Promise.all(Object.keys(zip.files).map(async (name) => ({ name, data: await zip.file(name)!.async('nodebuffer') })));
      const zeros = Buffer.alloc(64 * MB);
      const bomb = { name: 'xl/media/image1.png', deflated: { data: deflateRawSync(zeros), size: zeros.length, crc: crc32(Buffer.alloc(0)) }, declaredSize: 1024 };
      return ['check', put(dir, 'bomb.xlsx', zipOf([...entries, bomb]))];
    },
    code: 2,
    says: ['压缩数据与文件自己记录的大小或名称不符', '没有解压读取'],
  },
  {
    name: 'two central-directory entries sharing one entry’s compressed data',
    args: async (dir) => {
      const zip = await JSZip.loadAsync(await editedWorkbook(NATIONAL, () => undefined));
      const entries = await Promise.all(Object.keys(zip.files).map(async (name) => ({ name, data: await zip.file(name)!.async('nodebuffer') })));
      return ['check', put(dir, 'overlap.xlsx', zipOf([...entries, { name: 'xl/media/copy.bin', sameDataAs: SHEET }]))];
    },
    code: 2,
    says: ['压缩数据与文件自己记录的大小或名称不符'],
  },
  {
    name: 'a package holding 101 MB in an entry under another folder, its name starting with "/"',
    args: async (dir) => {
      const zip = await JSZip.loadAsync(await editedWorkbook(NATIONAL, () => undefined));
      const entries = await Promise.all(Object.keys(zip.files).map(async (name) => ({ name, data: await zip.file(name)!.async('nodebuffer') })));
      const zeros = Buffer.alloc(101 * MB);
      return ['check', put(dir, 'padded.xlsx', zipOf([...entries, { name: '/extra/padding.bin', deflated: { data: deflateRawSync(zeros), size: zeros.length, crc: crc32(zeros.subarray(0, 0)) } }]))];
    },
    code: 2,
    says: ['内容过大', '并未损坏'],
    never: ['已损坏'],
  },
  { name: 'an .xlsx file over 100 MB', args: async (dir) => ['check', sparse(dir, 'big.xlsx', 101 * MB)], code: 2, says: ['太大', '100 MB'] },
  { name: 'an .html page over 10 MB', args: async (dir) => ['check', sparse(dir, 'big.html', 11 * MB)], code: 2, says: ['太大', '10 MB'] },
  { name: 'a .txt report over 10 MB', args: async (dir) => ['check', sparse(dir, 'big.txt', 11 * MB)], code: 2, says: ['太大'] },
  { name: 'a .docx over 50 MB', args: async (dir) => ['check', sparse(dir, 'big.docx', 51 * MB)], code: 2, says: ['太大', '50 MB'] },
  {
    name: 'a .docx whose picture is declared small but inflates large',
    args: async (dir) => {
      const zip = await JSZip.loadAsync(await seedDocx());
      const entries = await Promise.all(Object.keys(zip.files).filter((n) => !zip.files[n].dir).map(async (name) => ({ name, data: await zip.file(name)!.async('nodebuffer') })));
      const zeros = Buffer.alloc(32 * MB);
      return ['check', put(dir, 'bomb.docx', zipOf([...entries, { name: 'word/media/image1.png', deflated: { data: deflateRawSync(zeros), size: zeros.length, crc: 0 }, declaredSize: 100 }]))];
    },
    code: 2,
    says: ['压缩数据与文件自己记录的大小或名称不符'],
  },
  {
    name: '/dev/zero behind a .txt name',
    args: async (dir) => {
      symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
      return ['check', path.join(dir, 'zero.txt')];
    },
    code: 2,
    says: ['不是普通文件'],
  },
  {
    name: 'a named pipe (FIFO) as the report: refused at once, never waited on',
    args: async (dir) => {
      execFileSync('mkfifo', [path.join(dir, 'report.txt')]);
      return ['check', path.join(dir, 'report.txt')];
    },
    code: 2,
    says: ['不是普通文件'],
  },
  {
    name: 'a page nesting 100,000 <div> around the table',
    args: file('deep.html', `<html><body>${'<div>'.repeat(100_000)}${seedTableHtml()}${'</div>'.repeat(100_000)}</body></html>`),
    code: 1,
    says: [SEED_ERROR],
  },
  {
    name: 'a .docx nesting 100,000 content controls: mammoth’s stack overflow becomes a sentence',
    args: async (dir) => {
      const zip = await JSZip.loadAsync(await docxOf([new Paragraph('报告')]));
      const document = await zip.file('word/document.xml')!.async('string');
      const deep = `${'<w:sdt><w:sdtContent>'.repeat(100_000)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(100_000)}`;
      zip.file('word/document.xml', document.replace('<w:body>', `<w:body>${deep}`));
      return ['check', put(dir, 'deep.docx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))];
    },
    code: 2,
    says: ['嵌套层数过多'],
  },
  {
    name: 'a page whose rowspan and colspan would cover millions of cells',
    args: file('spans.html', `<html><body><table>${'<tr><td rowspan="200" colspan="200">1</td><td rowspan="200" colspan="200">2</td></tr>'.repeat(100)}</table></body></html>`),
    code: 2,
    says: ['表格过大', '超过'],
  },

  // ——— Messages that say what is true (issue 11 §4). ———
  { name: 'an .xls renamed to .xlsx is not called encrypted', args: file('renamed.xlsx', oleFile(['Workbook', '\u0005SummaryInformation'])), code: 2, says: ['实际上是旧版 .xls 工作簿', '没有加密'], never: ['设置了打开密码'] },
  { name: 'a .doc renamed to .xlsx', args: file('renamed.xlsx', oleFile(['WordDocument', '1Table'])), code: 2, says: ['实际上是旧版 Word 文档（.doc），不是 Excel 工作簿'], never: ['设置了打开密码'] },
  { name: 'a .doc renamed to .docx is not called encrypted', args: file('renamed.docx', oleFile(['WordDocument', '1Table'])), code: 2, says: ['实际上是旧版 Word 文档（.doc）', '另存为” .docx'], never: ['设置了打开密码'] },
  { name: 'an encrypted .docx', args: file('locked.docx', oleFile(['EncryptionInfo', 'EncryptedPackage'])), code: 2, says: ['设置了打开密码'] },
  { name: 'a workbook renamed to .docx', args: async (dir) => ['check', await xlsx(dir, 'table.docx', NATIONAL)], code: 2, says: ['实际上是 Excel 工作簿'] },
  {
    name: 'a folder named like a workbook, given to totals, is not “not found”',
    args: async (dir) => {
      mkdirSync(path.join(dir, 'report.xlsx'));
      return ['totals', path.join(dir, 'report.xlsx'), '--out', path.join(dir, 'out.xlsx')];
    },
    code: 2,
    says: ['是一个文件夹，不是文件'],
    never: ['找不到文件'],
  },
  {
    name: 'a folder given to draft',
    args: async (dir) => ['draft', dir],
    code: 2,
    says: ['是一个文件夹，不是文件'],
    never: ['找不到文件'],
  },
  {
    name: 'a symbolic link that points at itself is not “not found”',
    args: async (dir) => {
      symlinkSync('loop.xlsx', path.join(dir, 'loop.xlsx'));
      return ['check', path.join(dir, 'loop.xlsx')];
    },
    code: 2,
    says: ['循环指向自身'],
    never: ['找不到文件'],
  },
  {
    name: 'a file the user may not read is not “not found”',
    args: async (dir) => ['check', await xlsx(dir, 'secret.xlsx', NATIONAL)],
    code: 2,
    says: ['没有读取这个文件', '的权限'],
    never: ['找不到文件'],
    // Tests run as root here, which may read anything: the refusal the system would give is simulated.
    fault: failing(promises as unknown as Record<string, unknown>, 'open', 'EACCES', (p) => String(p).endsWith('secret.xlsx')),
  },
  { name: 'a GBK text report without any declaration is read', args: file('gbk.txt', gbk(SEED_TEXT)), code: 1, says: [SEED_ERROR] },
  { name: 'a UTF-16 text report with a byte-order mark', args: file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED_TEXT, 'utf16le')])), code: 1, says: [SEED_ERROR] },
  { name: 'a UTF-16 (little-endian) text report without a byte-order mark', args: file('utf16.txt', Buffer.from(SEED_TEXT, 'utf16le')), code: 1, says: [SEED_ERROR] },
  { name: 'a UTF-16 (big-endian) text report without a byte-order mark', args: file('utf16be.txt', utf16be(SEED_TEXT)), code: 1, says: [SEED_ERROR] },
  { name: 'a GBK page without a charset', args: file('gbk.html', gbk(`<html><body><p>${SEED_TITLE}</p>${seedTableHtml()}</body></html>`)), code: 1, says: [SEED_ERROR] },
  {
    name: 'a GBK page that declares UTF-8',
    args: file('mislabelled.html', gbk(`<html><head><meta charset="utf-8"></head><body>${seedTableHtml()}</body></html>`)),
    code: 1,
    says: [SEED_ERROR],
  },
  { name: 'a text report saved with CR alone between lines', args: file('mac.txt', SEED_TEXT.replace(/\n/g, '\r')), code: 1, says: [SEED_ERROR] },
  {
    name: 'a sheet part stored as /xl/worksheets/sheet1.xml: checked, and totals patches that part',
    args: async (dir) => {
      const f = await nationalParts((p) => {
        p.set(`/${SHEET}`, p.get(SHEET)!);
        p.delete(SHEET);
      }, withFigures(NATIONAL, { 't3.granted.total': null }))(dir);
      return ['totals', f, '--out', path.join(dir, 'out.xlsx')];
    },
    code: 0,
    says: ['计划改动1处', '统计表!J25'],
    after: async (dir) => expect((await readCopy(path.join(dir, 'out.xlsx'))).getCell('J25').value).toBe(23),
  },
  {
    name: 'a package with two entries for one part (xl/… and /xl/…)',
    args: async (dir) => [
      'check',
      await nationalParts((p) => p.set(`/${SHEET}`, replaceCell(sheetText(p), 'J25', '<c r="J25"><v>999</v></c>')))(dir),
    ],
    code: 2,
    says: ['同一部分内容存了两份', 'xl/worksheets/sheet1.xml'],
  },
  {
    name: 'a sheet Excel finds through "../xl/worksheets/…" and exceljs would not',
    args: async (dir) => ['check', await nationalParts((p) => p.set('xl/_rels/workbook.xml.rels', (p.get('xl/_rels/workbook.xml.rels') as string).replace('Target="worksheets/sheet1.xml"', 'Target="../xl/worksheets/sheet1.xml"')))(dir)],
    code: 2,
    says: ['工作表“统计表”的存放位置不标准', '另存为'],
  },
  {
    name: 'a sheet written with a namespace prefix (x:worksheet), which exceljs reads as empty',
    args: async (dir) => [
      'check',
      await nationalParts((p) => p.set(SHEET, sheetText(p).replace(/<(\/?)([a-zA-Z]+)([\s>/])/g, (m, slash: string, name: string, after: string) => (name === 'xml' ? m : `<${slash}x:${name}${after}`)).replace('xmlns="', 'xmlns:x="')))(dir),
    ],
    code: 2,
    says: ['命名空间前缀'],
  },
  {
    name: 'totals writes into the cell, not into an XML comment that looks like its row',
    args: async (dir) => {
      const f = await nationalParts((p) => p.set(SHEET, sheetText(p).replace('<row r="25"', '<!-- <row r="25"><c r="J25"><v>0</v></c></row> --><?keep <row r="25"/>?><row r="25"')), withFigures(NATIONAL, { 't3.granted.total': null }))(dir);
      return ['totals', f, '--out', path.join(dir, 'out.xlsx')];
    },
    code: 0,
    says: ['计划改动1处'],
    after: async (dir) => {
      expect((await readCopy(path.join(dir, 'out.xlsx'))).getCell('J25').value).toBe(23);
      const sheet = await (await JSZip.loadAsync(readFileSync(path.join(dir, 'out.xlsx')))).file(SHEET)!.async('string');
      expect(sheet).toContain('<!-- <row r="25"><c r="J25"><v>0</v></c></row> --><?keep <row r="25"/>?>');
    },
  },
  {
    name: 'a folder with an unsupported file, a broken link and a file with errors: the errors decide (exit 1)',
    args: async (dir) => {
      await xlsx(dir, 'a-legacy.xlsx', LEGACY);
      put(dir, 'b-slides.pptx', 'PK\u0003\u0004');
      symlinkSync(path.join(dir, 'nowhere.xlsx'), path.join(dir, 'c-broken.xlsx'));
      return ['check', dir];
    },
    code: 1,
    says: [SEED_ERROR, '已跳过：', '不支持的文件类型', '指向的文件不存在'],
  },
  {
    name: 'a folder with a clean workbook, a linked one and an unsupported file: exit 0',
    args: async (dir) => {
      const sub = path.join(dir, 'reports');
      mkdirSync(sub);
      const elsewhere = await xlsx(dir, 'kept-elsewhere.xlsx', NATIONAL);
      symlinkSync(elsewhere, path.join(sub, 'linked.xlsx'));
      await xlsx(sub, 'clean.xlsx', NATIONAL);
      put(sub, 'notes.doc', 'x');
      symlinkSync(dir, path.join(sub, 'parent'));
      return ['check', sub];
    },
    code: 0,
    says: ['linked.xlsx', '全部勾稽关系校验通过', '已跳过：', '指向文件夹的符号链接'],
  },
  { name: '--level constructor is not a level', args: async (dir) => ['check', await xlsx(dir, 'r.xlsx', NATIONAL), '--level', 'constructor'], code: 2, says: ['无法识别的机关层级“constructor”'] },
  { name: '--level __proto__ is not a level', args: async (dir) => ['check', await xlsx(dir, 'r.xlsx', NATIONAL), '--level', '__proto__'], code: 2, says: ['无法识别的机关层级“__proto__”'] },
  { name: 'check --year 0000', args: async (dir) => ['check', await xlsx(dir, 'r.xlsx', NATIONAL), '--year', '0000'], code: 2, says: ['--year 应为四位年份', '2008年至'] },
  { name: 'draft --year 0000', args: async (dir) => ['draft', await xlsx(dir, 'r.xlsx', NATIONAL), '--year', '0000'], code: 2, says: ['--year 应为四位年份', '2008年至'] },
  { name: 'check --year ""', args: async (dir) => ['check', await xlsx(dir, 'r.xlsx', NATIONAL), '--year', ''], code: 2, says: ['--year 不能为空'] },
  { name: 'draft --year ""', args: async (dir) => ['draft', await xlsx(dir, 'r.xlsx', NATIONAL), '--year', ''], code: 2, says: ['--year 不能为空'] },
  { name: 'draft --fee 0x10', args: async (dir) => ['draft', await xlsx(dir, 'r.xlsx', NATIONAL), '--fee', '0x10'], code: 2, says: ['--fee 应为以万元计的非负数', '不能用 0x、1e5 等写法'] },
  { name: 'draft --fee 1e308', args: async (dir) => ['draft', await xlsx(dir, 'r.xlsx', NATIONAL), '--fee', '1e308'], code: 2, says: ['不能用 0x、1e5 等写法'] },
  { name: 'draft --fee 99999999', args: async (dir) => ['draft', await xlsx(dir, 'r.xlsx', NATIONAL), '--fee', '99999999'], code: 2, says: ['请核对单位是否为万元'] },
  { name: 'check --annotate ""', args: async (dir) => ['check', await xlsx(dir, 'r.xlsx', NATIONAL), '--annotate', ''], code: 2, says: ['--annotate 不能为空'] },
];

/** A file of the given size that takes no disk space (its size is all that is checked). */
function sparse(dir: string, name: string, bytes: number): string {
  const f = put(dir, name, '');
  truncateSync(f, bytes);
  return f;
}
