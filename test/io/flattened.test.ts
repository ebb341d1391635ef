/**
 * Tables flattened into text (issue #10, class 1): copied from a web page or a PDF, with "|", tabs or
 * runs of spaces between cells, one cell per line, group labels in a row's first cells, headers over
 * several lines, &nbsp; padding and blank cells dropped. Figures land under their own columns or the
 * row is declined with a warning; a label is never read as a figure.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { analyzeWorkbook, type Sheet, type Workbook } from '../../src/core';
import { readInput } from '../../src/io/read';
import { readHtmlReport } from '../../src/io/html';
import { readTextReport } from '../../src/io/text';
import { consistentNationalSpec, nationalValues } from '../narrative/fixtures';
import { reportDocx, reportHtml } from '../support/documents';
import { findings, withFigures } from '../support/edit';
import { flatten, FLAT_LAYOUTS } from '../support/flatten';
import { bareTables2021, legacySheet, national2019OneSheet } from '../support/layouts';

function figuresOf(wb: Workbook): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const t of analyzeWorkbook(wb).tables) for (const [id, f] of Object.entries(t.figures)) out[id] = f.value;
  return out;
}

const PARAGRAPHS = ['某县人民政府办公室2023年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况'];

function asText(sheets: Sheet[], layout: (typeof FLAT_LAYOUTS)[number]): string {
  return [...PARAGRAPHS, ...sheets.flatMap((s, i) => [flatten(s, layout), ['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况'][i]])].join('\n');
}

describe('a table flattened into text reads as the workbook does', () => {
  const sheets = bareTables2021();
  const expected = figuresOf({ sheets });

  it.each(FLAT_LAYOUTS)('2021 tables, %s', (layout) => {
    const report = readTextReport(asText(sheets, layout));
    const analysis = analyzeWorkbook(report.workbook);
    expect(analysis.tables.map((t) => `${t.format}/${t.table}`)).toEqual(['national-2021/t2', 'national-2021/t3', 'national-2021/t4']);
    expect(figuresOf(report.workbook)).toEqual(expected);
    expect(findings(analysis).filter((f) => f.severity !== 'hint')).toEqual([]);
    // The narrative keeps the report's headings and none of the table's labels or figures.
    expect(report.narrative.split('\n')).toEqual(expect.arrayContaining(['一、总体情况', '四、政府信息公开行政复议、行政诉讼情况']));
    expect(report.narrative).not.toMatch(/结转下年度继续办理|予以公开|^\d+$/m);
  });

  it.each(FLAT_LAYOUTS)('the legacy seed table and the 2019 tables, %s', (layout) => {
    for (const sheet of [legacySheet('x', { title: null }), national2019OneSheet('y')]) {
      const grid = analyzeWorkbook({ sheets: [sheet] });
      const text = analyzeWorkbook(readTextReport(flatten(sheet, layout)).workbook);
      expect(figuresOf(readTextReport(flatten(sheet, layout)).workbook)).toEqual(figuresOf({ sheets: [sheet] }));
      expect(findings(text).map((f) => f.rule).sort()).toEqual(findings(grid).map((f) => f.rule).sort());
    }
  });

  it('property: a consistent 2021 table as HTML, as .docx and as each flattened text gives identical figures and no error', async () => {
    await fc.assert(
      fc.asyncProperty(consistentNationalSpec, async (spec) => {
        const wb = withFigures({ sheets: bareTables2021() }, nationalValues(spec));
        const want = figuresOf(wb);
        const html = await readInput(await viaFile('r.html', reportHtml(PARAGRAPHS, wb.sheets)));
        const docx = await readInput(await viaFile('r.docx', await reportDocx(PARAGRAPHS, wb.sheets)));
        for (const input of [html, docx]) {
          expect(figuresOf(input.workbook)).toEqual(want);
          expect(findings(analyzeWorkbook(input.workbook)).filter((f) => f.severity === 'error')).toEqual([]);
        }
        for (const layout of FLAT_LAYOUTS) {
          const report = readTextReport(asText(wb.sheets, layout));
          expect([layout, figuresOf(report.workbook)]).toEqual([layout, want]);
          expect(findings(analyzeWorkbook(report.workbook)).filter((f) => f.severity === 'error')).toEqual([]);
        }
      }),
      { numRuns: 10 },
    );
  }, 60_000);
});

async function viaFile(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'nianbao-flat-')), name);
  writeFileSync(file, content);
  return file;
}

describe('rows as real copies give them', () => {
  const header = [
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况',
    '自然人 | 法人或其他组织 | 总计',
    '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他',
  ];

  it('a group label in the first cells of a row: the figures stay under their columns, the labels are never figures', () => {
    const text = [
      ...header,
      '一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6',
      '二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '三、本年度办理结果 | (一)予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4',
      '(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 1 | 0 | 0 | 0 | 0 | 0 | 1',
      '(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
    ].join('\n');
    const a = analyzeWorkbook(readTextReport(text).workbook);
    const t3 = a.tables.find((t) => t.table === 't3')!;
    expect(t3.figures['t3.granted.natural'].value).toBe(3);
    expect(t3.figures['t3.granted.total'].value).toBe(4);
    expect(t3.figures['t3.deniedStateSecret.natural'].value).toBe(0);
    expect(t3.figures['t3.deniedStateSecret.total'].value).toBe(0);
    // The figure's address names its own line and cell: line 6, fourth cell.
    expect(t3.figures['t3.granted.natural'].cell).toBe('文本表格!C6');
    expect(findings(a).some((f) => f.rule === 'value.not-a-number')).toBe(false);
  });

  it('a row that lost a blank cell is declined with a warning naming it, never read shifted', () => {
    const text = [...header, '一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 6', '二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0'].join('\n');
    const a = analyzeWorkbook(readTextReport(text).workbook);
    const t3 = a.tables.find((t) => t.table === 't3')!;
    expect(t3.figures['t3.newApplications.total']).toBeUndefined();
    expect(t3.figures['t3.carriedOver.total'].value).toBe(0);
    const declined = findings(a).find((f) => f.rule === 'recognition.row-values-mismatch')!;
    expect(declined.severity).toBe('warning');
    expect(declined.message).toContain('“本年新收政府信息公开申请数量”（文本表格!A4，6个数）');
    expect(declined.message).toContain('表头的7列不符');
    expect(findings(a).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a blank cell a copy kept between two others stays blank (未填), and padding at the end is dropped', () => {
    const text = [...header, '| 一、本年新收政府信息公开申请数量 | 5 |  | 0 | 0 | 0 | 0 | 5 | | |'].join('\n');
    const t3 = analyzeWorkbook(readTextReport(text).workbook).tables.find((t) => t.table === 't3')!;
    expect(t3.figures['t3.newApplications.business'].reading.kind).toBe('blank');
    expect(t3.figures['t3.newApplications.total'].value).toBe(5);
  });

  it('a label wrapped over two lines is one label', () => {
    const text = ['统计指标', '单位', '统计数', '(一)主动公开政府信息数', '(不同渠道和方式公开相同信息计1条)', '条', '8295', '其中:主动公开规范性文件数', '条', '17', '制发规范性文件总数', '件', '17', '(四)政府信息公开专项经费(不包括用于政府公报编', '辑管理及政府网站建设维护等方面的经费)', '万元', '15'].join('\n');
    const t = analyzeWorkbook(readTextReport(text).workbook).tables[0];
    expect(t.figures['legacy.proactive'].value).toBe(8295);
    expect(t.figures['legacy.funding'].value).toBe(15);
  });

  it('a line of 300 KB of separators and digits is read in linear time, without hanging', () => {
    const line = `${'| '.repeat(50_000)}${'9'.repeat(100_000)}`;
    const report = readTextReport(`标题\n${line}\n${'—'.repeat(200_000)}`);
    expect(report.workbook.sheets[0].rows).toHaveLength(3);
  });
});

describe('a web page table whose rows slid off the header’s columns', () => {
  it('a group label in its own cell without rowspan: figures read in order, the label is not a figure', () => {
    const td = (cells: (string | number)[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const html = [
      '<table>',
      td(['(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']),
      td(['一、本年新收政府信息公开申请数量', 4, 1, 0, 0, 0, 0, 5]),
      td(['二、上年结转政府信息公开申请数量', 0, 0, 0, 0, 0, 0, 0]),
      td(['三、本年度办理结果', '(一)予以公开', 3, 1, 0, 0, 0, 0, 4]),
      td(['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', 1, 0, 0, 0, 0, 0, 1]),
      td(['(三)不予公开', '1.属于国家秘密', 0, 0, 0, 0, 0, 0, 0]),
      '</table>',
    ].join('');
    const a = analyzeWorkbook(readHtmlReport(html).workbook);
    const t3 = a.tables[0];
    expect([t3.figures['t3.granted.natural'].value, t3.figures['t3.granted.total'].value]).toEqual([3, 4]);
    expect(t3.figures['t3.deniedStateSecret.total'].value).toBe(0);
    expect(findings(a).filter((f) => f.rule.startsWith('value.'))).toEqual([]);
  });
});
