import { completeReport, draftNarrative, reportTableGrids, tableGrid, type GridCell, type TableGrid } from '../../src/core';
import { national2021Format } from '../../src/core/formats/national-2021';
import { national2021Layout } from '../../src/core/formats/national-2021/layout';
import { FormatRegistry } from '../../src/core/formats/plugin';
import { FORMATS } from '../../src/core/formats/registry';
import type { FormatLayout, LayoutCell, TableLayout } from '../../src/core/layout/model';
import { indicatorsOf } from '../../src/core/templates/load';
import { figuresFrom, nationalValues, NATIONAL_SAMPLE, SEED_VALUES } from '../narrative/fixtures';

/** The official layouts (src/core/formats/<id>/layout.ts) and the grids drawn from them. */

const cellWith = (grid: TableGrid, text: string): GridCell => {
  const cell = grid.rows.flat().find((c) => c.text === text);
  if (!cell) throw new Error(`no cell ${text}`);
  return cell;
};
const rowOf = (grid: TableGrid, text: string): number => grid.rows.findIndex((r) => r.some((c) => c.text === text));

describe('format layouts', () => {
  it('lay out every table of every registered format, each indicator in exactly one figure cell', () => {
    for (const format of FORMATS.list()) {
      expect(format.layout).toBeDefined();
      const ids = indicatorsOf(format.template).map((i) => i.id);
      const blanks = figuresFrom(format.id, Object.fromEntries(ids.map((id) => [id, null])));
      const cells = format.template.tables.flatMap((t) => tableGrid(format.id, t.id, blanks).rows.flat().flatMap((c) => (c.indicator ? [c.indicator] : [])));
      expect(cells.sort()).toEqual([...ids].sort());
    }
  });

  it('draws 表三 with the national template’s merged headers and 三、本年度办理结果 merged down its outcomes', () => {
    const grid = tableGrid('national-2021', 't3', {});
    expect(grid.headerRows).toBe(3);
    expect(grid.rows[0].map((c) => [c.text.startsWith('（本列数据的勾稽关系') ? 'note' : c.text, c.rowSpan, c.colSpan])).toEqual([
      ['note', 3, 3],
      ['申请人情况', 1, 7],
    ]);
    expect(grid.rows[1].map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([
      ['自然人', 2, 1],
      ['法人或其他组织', 1, 5],
      ['总计', 2, 1],
    ]);
    expect(grid.rows[2].map((c) => c.text)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(grid.rows.slice(0, 3).flat().every((c) => c.header && c.align === 'center')).toBe(true);
    // (一) to (七): 2 + 8 + 3 + 5 + 3 + 1 rows of figures.
    expect(cellWith(grid, '三、本年度办理结果')).toMatchObject({ rowSpan: 22, colSpan: 1, col: 0 });
    expect(cellWith(grid, '(三)不予公开')).toMatchObject({ rowSpan: 8, col: 1 });
    expect(cellWith(grid, '(六)其他处理')).toMatchObject({ rowSpan: 3, col: 1 });
    expect(cellWith(grid, '(七)总计')).toMatchObject({ colSpan: 2, col: 1 });
    expect(cellWith(grid, '一、本年新收政府信息公开申请数量')).toMatchObject({ colSpan: 3, col: 0 });
    // The merged 三、本年度办理结果 is listed in the row of (一); the row of 1.属于国家秘密 lists (三)不予公开 merged down, its label, the seven figures.
    expect(grid.rows[rowOf(grid, '(一)予以公开')][0].text).toBe('三、本年度办理结果');
    const secret = grid.rows[rowOf(grid, '1.属于国家秘密')];
    expect(secret.map((c) => c.indicator ?? c.text)).toEqual([
      '(三)不予公开',
      '1.属于国家秘密',
      ...['natural', 'business', 'research', 'publicInterest', 'legalService', 'other', 'total'].map((c) => `t3.deniedStateSecret.${c}`),
    ]);
    // 2019: (六)其他处理 is one row of figures beside the merged 三、 cell.
    const grid2019 = tableGrid('national-2019', 't3', {});
    expect(cellWith(grid2019, '三、本年度办理结果').rowSpan).toBe(20);
    expect(cellWith(grid2019, '(六)其他处理')).toMatchObject({ rowSpan: 1, colSpan: 2 });
  });

  it('draws 表四 as 行政复议 and 行政诉讼 over fifteen columns, compact', () => {
    const grid = tableGrid('national-2021', 't4', {});
    expect(grid.compact).toBe(true);
    expect(grid.rows[0].map((c) => [c.text, c.colSpan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(grid.rows[1].map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([
      ['结果维持', 2, 1],
      ['结果纠正', 2, 1],
      ['其他结果', 2, 1],
      ['尚未审结', 2, 1],
      ['总计', 2, 1],
      ['未经复议直接起诉', 1, 5],
      ['复议后起诉', 1, 5],
    ]);
    expect(grid.rows[2]).toHaveLength(10);
    expect(grid.rows[3].map((c) => c.indicator)).toEqual(
      ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `t4.${g}.${c}`)),
    );
  });

  it('draws 表二 in its 第二十条 blocks, a single figure spanning the three columns', () => {
    const grid = tableGrid('national-2021', 't2', {});
    expect(cellWith(grid, '第二十条第（一）项').colSpan).toBe(4);
    expect(grid.rows[rowOf(grid, '行政许可')].map((c) => [c.indicator ?? c.text, c.colSpan])).toEqual([
      ['行政许可', 1],
      ['t2.licensing', 3],
    ]);
    expect(grid.title).toBe('表二 主动公开政府信息情况');
  });

  it('writes figures right-aligned as read: 0 as 0, blank as blank, a "/" as written', () => {
    const figures = figuresFrom('national-2021', { 't4.review.upheld': 0, 't4.review.corrected': null, 't4.review.other': 3, 't4.review.total': 12.5 });
    figures['t4.review.pending'] = { ...figures['t4.review.other'], reading: { kind: 'placeholder', raw: '/' }, value: null };
    const [row] = tableGrid('national-2021', 't4', figures).rows.slice(3);
    expect(row.slice(0, 5).map((c) => [c.text, c.align])).toEqual([
      ['0', 'right'],
      ['', 'right'],
      ['3', 'right'],
      ['/', 'right'],
      ['12.5', 'right'],
    ]);
    // A figure the input lacks is a blank cell.
    expect(row[5].text).toBe('');
  });

  it('draws the legacy 统计表 as 统计指标 | 单位 | 统计数, section rows with ——, optional rows only when the report has them', () => {
    const grid = tableGrid('legacy-2016', 'legacy', figuresFrom('legacy-2016', SEED_VALUES));
    expect(grid.title).toBe('政府信息公开情况统计表');
    expect(grid.rows[0].map((c) => c.text)).toEqual(['统计指标', '单位', '统计数']);
    expect(grid.rows[rowOf(grid, '一、主动公开情况')].map((c) => [c.text, c.align])).toEqual([
      ['一、主动公开情况', 'left'],
      ['——', 'center'],
      ['——', 'center'],
    ]);
    expect(grid.rows[rowOf(grid, '(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)')].map((c) => c.text)).toEqual([
      '(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)',
      '条',
      '8295',
    ]);
    expect(rowOf(grid, '电子邮件申请数')).toBe(-1);
    const withEmail = tableGrid('legacy-2016', 'legacy', figuresFrom('legacy-2016', { ...SEED_VALUES, 'legacy.receivedEmail': null }));
    expect(withEmail.rows[rowOf(withEmail, '电子邮件申请数')].map((c) => c.text)).toEqual(['电子邮件申请数', '件', '']);
  });
});

/** A copy of the 2021 format under another id, with the given layout, registered on its own. */
function registerWithLayout(layout: FormatLayout): void {
  const template = { ...national2021Format.template, id: 'test-layout' };
  new FormatRegistry([{ ...national2021Format, id: 'test-layout', priority: 1, template, layout }]);
}

/** The 2021 layout with table `table`'s rows changed. */
function withRows(table: string, change: (rows: LayoutCell[][]) => LayoutCell[][]): FormatLayout {
  return {
    tables: national2021Layout.tables.map((t): TableLayout => (t.table === table ? { ...t, rows: change(t.rows.map((r) => [...r])) } : t)),
  };
}

describe('a broken layout fails at registration', () => {
  it('accepts the layout as it is', () => {
    expect(() => registerWithLayout(national2021Layout)).not.toThrow();
  });

  it('an indicator left out', () => {
    expect(() => registerWithLayout(withRows('t4', (rows) => [...rows.slice(0, 3), [...rows[3].slice(0, 14), { text: 'x' }]]))).toThrow(
      /indicator t4\.litigationAfterReview\.total is in 0 cells/,
    );
  });

  it('an indicator placed twice', () => {
    expect(() => registerWithLayout(withRows('t4', (rows) => [...rows.slice(0, 3), [...rows[3].slice(0, 14), { indicator: 't4.review.total' }]]))).toThrow(
      /indicator t4\.review\.total is in 2 cells/,
    );
  });

  it('an unknown indicator, or one of another table', () => {
    expect(() => registerWithLayout(withRows('t4', (rows) => [...rows.slice(0, 3), [...rows[3].slice(0, 14), { indicator: 't4.review.totl' }]]))).toThrow(
      /unknown indicator t4\.review\.totl/,
    );
    expect(() => registerWithLayout(withRows('t4', (rows) => [...rows.slice(0, 3), [...rows[3].slice(0, 14), { indicator: 't3.total.total' }]]))).toThrow(
      /unknown indicator t3\.total\.total/,
    );
  });

  it('merged cells that overlap, a row too wide, a gap, a span past the last row', () => {
    // 未经复议直接起诉 merged down two rows, and a cell of the third row running into it from 总计's column.
    const overlapping = withRows('t4', (rows) => [
      rows[0],
      [...rows[1].slice(0, 4), { text: '总计', header: true }, { ...rows[1][5], rowSpan: 2 }, rows[1][6]],
      [{ text: 'x', colSpan: 2 }, ...rows[2].slice(5)],
      rows[3],
    ]);
    expect(() => registerWithLayout(overlapping)).toThrow(/merged cells overlap at row 3, column 6/);
    expect(() => registerWithLayout(withRows('t4', (rows) => [rows[0], rows[1], rows[2], [...rows[3], { text: 'x' }]]))).toThrow(/row 4 is wider than its 15 columns/);
    expect(() => registerWithLayout(withRows('t4', (rows) => [rows[0], rows[1], rows[2].slice(1), rows[3]]))).toThrow(/row 3 leaves column 15 empty/);
    expect(() => registerWithLayout(withRows('t4', (rows) => [rows[0], rows[1], rows[2], [{ ...rows[3][0], rowSpan: 2 }, ...rows[3].slice(1)]]))).toThrow(
      /spanning past the last row/,
    );
  });

  it('a table of the template without a layout, or one the template lacks', () => {
    expect(() => registerWithLayout({ tables: national2021Layout.tables.slice(0, 2) })).toThrow(/no layout for table t4/);
    expect(() => registerWithLayout({ tables: [...national2021Layout.tables, { ...national2021Layout.tables[2], table: 't9' }] })).toThrow(/unknown table t9/);
  });
});

describe('completeReport', () => {
  const figures = figuresFrom('national-2021', nationalValues(NATIONAL_SAMPLE));
  const narrative = draftNarrative({ format: 'national-2021', figures, facts: { reportYear: 2022 } });

  it('puts each table where its 〔待插入〕 was, and keeps the placeholder of a table the input did not have', () => {
    const parts = completeReport(narrative, reportTableGrids('national-2021', ['t3', 't4'], figures));
    const tables = parts.flatMap((p) => (p.kind === 'table' ? [p.grid.table] : []));
    expect(tables).toEqual(['t3', 't4']);
    const texts = parts.flatMap((p) => (p.kind === 'paragraph' ? [p.runs.map((r) => r.text).join('')] : []));
    expect(texts).toContain('〔待插入：表二 主动公开政府信息情况〕');
    expect(texts.some((t) => t.includes('待插入：表三'))).toBe(false);
    // Each table follows its section's heading.
    const t3 = parts.findIndex((p) => p.kind === 'table' && p.grid.table === 't3');
    expect(parts[t3 - 1]).toMatchObject({ kind: 'paragraph', role: 'heading', runs: [{ text: '三、收到和处理政府信息公开申请情况' }] });
  });

  it('gives the narrative unchanged without tables', () => {
    const parts = completeReport(narrative, []);
    expect(parts.every((p) => p.kind === 'paragraph')).toBe(true);
    expect(parts).toHaveLength(1 + narrative.intro.length + narrative.sections.reduce((n, s) => n + 1 + s.paragraphs.length, 0));
  });

  it('puts the legacy 统计表, which no placeholder asks for, after the narrative', () => {
    const legacyFigures = figuresFrom('legacy-2016', SEED_VALUES);
    const legacy = draftNarrative({ format: 'legacy-2016', figures: legacyFigures, facts: { reportYear: 2017 } });
    const parts = completeReport(legacy, reportTableGrids('legacy-2016', ['legacy'], legacyFigures));
    expect(parts[parts.length - 1]).toMatchObject({ kind: 'table', grid: { table: 'legacy' } });
    expect(parts.filter((p) => p.kind === 'table')).toHaveLength(1);
  });
});
