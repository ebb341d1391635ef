import { analyzeWorkbook, type Figure, isTableBlock, reportBlocks, reportFigures, reportTableGrids, type TableGrid, type Workbook } from '../../src/core';
import { tableLayout } from '../../src/core/layout/grid';
import { placeCells } from '../../src/core/layout/model';
import { draftNarrative } from '../../src/core/narrative';
import type { DocumentHost } from '../../src/host/adapter';
import { officeSettingsStore } from '../../src/host/officeSettings';
import { TABLE_TAG_PREFIX } from '../../src/word/insert';
import { bodyPackage, tableXml } from '../../src/io/wordOoxml';
import { readOoxmlTables } from '../../src/io/ooxmlTables';
import { detectWordCapabilities } from '../../src/word/requirements';
import { createWordHost, type SetSelectedOoxml, type WordRunner } from '../../src/word/wordHost';
import { withFigures } from '../support/edit';
import { national2021OneSheet } from '../support/layouts';
import { createFakeWord, type FakeWordOptions } from './fakeWord';

/** The report's tables in Word: the OOXML written from the layout grid, and their insertion under the recording fake. */

const workbook: Workbook = { sheets: [national2021OneSheet('统计表')] };

function reportOf(wb: Workbook) {
  return reportFigures(analyzeWorkbook(wb))[0];
}

function gridsOf(wb: Workbook): TableGrid[] {
  const report = reportOf(wb);
  return reportTableGrids(report.format, report.tables, report.figures);
}

function blocksOf(wb: Workbook) {
  const report = reportOf(wb);
  const narrative = draftNarrative({ format: report.format, figures: report.figures, facts: report.facts });
  return reportBlocks(narrative, reportTableGrids(report.format, report.tables, report.figures), '标题和导语');
}

const count = (xml: string, pattern: RegExp) => (xml.match(pattern) ?? []).length;

/** Merges in w:tbl as Word reads them: each cell's gridSpan and vMerge, per row. */
function mergesOf(tbl: string) {
  const rows = [...tbl.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
    [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) => ({
      span: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(cell)?.[1] ?? 1),
      vMerge: /<w:vMerge w:val="restart"\/>/.test(cell) ? 'restart' : /<w:vMerge\/>/.test(cell) ? 'continue' : null,
      bold: /<w:b w:val="1"\/>/.test(cell),
      jc: /<w:jc w:val="(\w+)"\/>/.exec(cell)?.[1],
      text: [...cell.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      runs: count(cell, /<w:r>/g),
    })),
  );
  return {
    rows,
    gridSpans: rows.flat().filter((c) => c.span > 1).length,
    restarts: rows.flat().filter((c) => c.vMerge === 'restart').length,
    continues: rows.flat().filter((c) => c.vMerge === 'continue').length,
  };
}

/** What the official layout asks for, from the layout data alone: cells wider than a column, and rows merged down. */
function layoutMerges(table: string) {
  const placed = placeCells(tableLayout('national-2021', table)!);
  return {
    // A cell merged across and down repeats its w:gridSpan on every row it covers.
    gridSpans: placed.filter((p) => p.colSpan > 1).reduce((n, p) => n + p.rowSpan, 0),
    restarts: placed.filter((p) => p.rowSpan > 1).length,
    continues: placed.reduce((n, p) => n + p.rowSpan - 1, 0),
    columns: tableLayout('national-2021', table)!.widths.length,
    rows: tableLayout('national-2021', table)!.rows.length,
  };
}

describe('a table grid as Office Open XML', () => {
  test.each(['t3', 't4'])('table %s has the merges of the official layout, every row as wide as the grid', (table) => {
    const grid = gridsOf(workbook).find((g) => g.table === table)!;
    const tbl = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(tableXml(grid))![0];
    const merges = mergesOf(tbl);
    const expected = layoutMerges(table);
    expect(expected.gridSpans).toBeGreaterThan(0);
    expect(expected.continues).toBeGreaterThan(0);
    expect({ gridSpans: merges.gridSpans, restarts: merges.restarts, continues: merges.continues }).toEqual({
      gridSpans: expected.gridSpans,
      restarts: expected.restarts,
      continues: expected.continues,
    });
    expect(merges.rows).toHaveLength(expected.rows);
    for (const row of merges.rows) expect(row.reduce((n, c) => n + c.span, 0)).toBe(expected.columns);
    expect(count(tbl, /<w:gridCol /g)).toBe(expected.columns);
    expect(count(tbl, /<w:tblHeader\/>/g)).toBe(grid.headerRows);
  });

  test('宋体 五号 (表四 小五), header cells centred and bold, figures right-aligned, as wide as the text', () => {
    const [t2, t3, t4] = gridsOf(workbook);
    expect([t2.table, t3.table, t4.table]).toEqual(['t2', 't3', 't4']);
    const xml3 = tableXml(t3);
    expect(xml3).toContain('<w:tblW w:w="5000" w:type="pct"/>');
    expect(xml3).toContain('w:eastAsia="宋体"');
    expect(xml3).toContain('<w:sz w:val="21"/>');
    expect(tableXml(t4)).toContain('<w:sz w:val="18"/>');
    expect(tableXml(t4)).not.toContain('<w:sz w:val="21"/>');
    // The title in 黑体 四号.
    expect(xml3).toMatch(/w:eastAsia="黑体"[^]*?<w:sz w:val="28"\/>[^]*?表三 收到和处理政府信息公开申请情况/);
    const cells = mergesOf(xml3).rows.flat();
    const header = cells.find((c) => c.text === '申请人情况')!;
    expect(header).toMatchObject({ bold: true, jc: 'center' });
    const figureCells = t3.rows.flat().filter((c) => c.indicator);
    const written = cells.filter((c) => c.vMerge !== 'continue' && c.jc === 'right');
    expect(written).toHaveLength(figureCells.length);
    expect(written.every((c) => !c.bold)).toBe(true);
    expect(written.map((c) => c.text)).toEqual(figureCells.map((c) => c.text));
  });

  test('a blank figure stays blank, 0 is written as 0', () => {
    const report = reportOf(workbook);
    const figures: Record<string, Figure> = { ...report.figures };
    const blankId = 't3.granted.total';
    figures[blankId] = { ...figures[blankId], value: null, reading: { kind: 'blank' } };
    const zeroId = Object.keys(figures).find((id) => id.startsWith('t4.') && figures[id].value === 0)!;
    expect(zeroId).toBeDefined();
    const [, t3, t4] = reportTableGrids(report.format, report.tables, figures);
    const written = mergesOf(tableXml(t3)).rows.flat().filter((c) => c.vMerge !== 'continue' && c.jc === 'right');
    const blank = written[t3.rows.flat().filter((c) => c.indicator).findIndex((c) => c.indicator === blankId)];
    expect(blank).toEqual(expect.objectContaining({ text: '', runs: 0 }));
    expect(written.filter((c) => c.runs === 0)).toHaveLength(1);
    expect(tableXml(t4)).toMatch(/<w:jc w:val="right"\/>[^]*?<w:t xml:space="preserve">0<\/w:t>/);
  });

  test('read back as Word gives it (getOoxml), the tables are recognized with the same figures', () => {
    const grids = gridsOf(workbook);
    const back = readOoxmlTables(bodyPackage(grids.map(tableXml).join('')), '文档');
    const original = reportOf(workbook);
    const read = reportOf(back);
    expect(read.format).toBe(original.format);
    expect(read.tables).toEqual(original.tables);
    const values = (r: typeof read) => Object.fromEntries(Object.entries(r.figures).map(([id, f]) => [id, f.value]));
    expect(values(read)).toEqual(values(original));
  });
});

function setUp(options: FakeWordOptions = {}) {
  const fake = createFakeWord({ paragraphs: ['正文', '附件'] }, { apiSets: { WordApi: '1.3' }, cursor: 0, ...options });
  const office = fake.office as unknown as typeof Office;
  (globalThis as unknown as { Office: unknown }).Office = fake.office;
  const caps = detectWordCapabilities((name, version) => office.context.requirements.isSetSupported(name, version));
  const setSelectedOoxml: SetSelectedOoxml = (ooxml) =>
    new Promise((resolve, reject) =>
      office.context.document.setSelectedDataAsync(ooxml, { coercionType: office.CoercionType.Ooxml }, (r) => (r.status === office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error))),
    );
  const host: DocumentHost = createWordHost(fake.run as unknown as WordRunner, officeSettingsStore(office.context.document.settings), caps, setSelectedOoxml);
  return { fake, host };
}

const tableBlocks = (wb: Workbook) => blocksOf(wb).filter(isTableBlock);

describe('inserting the tables in Word', () => {
  test('the whole report: each table in its place, in its own tagged content control, with its merges', async () => {
    const { fake, host } = setUp();
    const blocks = blocksOf(workbook);
    const outcome = await host.insertBlocks(blocks);
    expect(outcome.inserted).toEqual(blocks.map((b) => b.key));
    expect(fake.log.syncs).toBe(2);
    const tables = fake.tables();
    expect(tables.map((t) => t.control)).toEqual(['t2', 't3', 't4'].map((t) => TABLE_TAG_PREFIX + t));
    for (const [table, view] of [['t3', tables[1]], ['t4', tables[2]]] as const) {
      const merges = mergesOf(view.xml);
      const expected = layoutMerges(table);
      expect([merges.gridSpans, merges.restarts, merges.continues]).toEqual([expected.gridSpans, expected.restarts, expected.continues]);
    }
    // Each table stands where its 〔待插入〕 was: after its section's heading, before the next heading.
    const texts = fake.paragraphs().map((p) => p.text);
    const at = (text: string) => texts.indexOf(text);
    const t3Title = at('表三 收到和处理政府信息公开申请情况');
    expect(at('三、收到和处理政府信息公开申请情况')).toBe(t3Title - 1);
    expect(texts.slice(t3Title).findIndex((t) => t.startsWith('四、'))).toBeGreaterThan(0);
    expect(texts.some((t) => t.includes('〔待插入'))).toBe(false);
    // The table's cells are cells, not prose.
    expect(fake.paragraphs().filter((p) => p.inTable).length).toBe(tables.reduce((n, t) => n + t.cells.length, 0));
  });

  test('a second insert replaces each table where it stands: the document holds one of each', async () => {
    const { fake, host } = setUp();
    await host.insertBlocks(blocksOf(workbook));
    fake.setCursor(fake.paragraphs().length - 1);
    // 维持 2 → 7, so 总计 4 → 9.
    const changed = withFigures(workbook, { 't4.review.upheld': 7, 't4.review.total': 9 });
    const t4Alone = tableBlocks(changed).find((b) => b.grid.table === 't4')!;
    const outcome = await host.insertBlocks([t4Alone]);
    expect(outcome).toMatchObject({ inserted: [], replaced: ['table-t4'], edited: [] });
    await host.insertBlocks(blocksOf(changed));
    const tables = fake.tables();
    expect(tables.map((t) => t.control)).toEqual(['t2', 't3', 't4'].map((t) => TABLE_TAG_PREFIX + t));
    expect(fake.paragraphs().filter((p) => p.text === '表四 政府信息公开行政复议、行政诉讼情况')).toHaveLength(1);
    expect(tables[2].xml).toBe(/<w:tbl>[\s\S]*<\/w:tbl>/.exec(tableXml(t4Alone.grid))![0]);
    expect(tables[2].cells).toContain('9');
    expect(tables[2].cells).not.toContain('4');
  });

  test('a table inserted alone goes at the cursor; the whole report then keeps it, once', async () => {
    const { fake, host } = setUp();
    const t3 = tableBlocks(workbook).find((b) => b.grid.table === 't3')!;
    await host.insertBlocks([t3]);
    expect(fake.paragraphs()[1].text).toBe('表三 收到和处理政府信息公开申请情况');
    expect(fake.tables().map((t) => t.control)).toEqual([TABLE_TAG_PREFIX + 't3']);
    const outcome = await host.insertBlocks(blocksOf(workbook));
    expect(outcome.replaced).toEqual(['table-t3']);
    expect(fake.tables().map((t) => t.control).sort()).toEqual(['t2', 't3', 't4'].map((t) => TABLE_TAG_PREFIX + t));
  });

  test('two syncs whatever the tables: one or three, small or large figures', async () => {
    const large = withFigures(workbook, Object.fromEntries(Object.keys(reportOf(workbook).figures).map((id) => [id, 987654321])));
    const cases = [tableBlocks(workbook).slice(1, 2), tableBlocks(workbook), tableBlocks(large), blocksOf(large)];
    for (const blocks of cases) {
      const { fake, host } = setUp();
      await host.insertBlocks(blocks);
      expect(fake.tables()).toHaveLength(blocks.filter(isTableBlock).length);
      expect(fake.log.syncs).toBe(2);
      // A replace is two syncs too.
      await host.insertBlocks(blocks);
      expect(fake.log.syncs).toBe(4);
    }
  });

  test('a table the user edited since it was inserted is kept until replacing it is confirmed', async () => {
    const { fake, host } = setUp();
    const t3 = tableBlocks(workbook).filter((b) => b.grid.table === 't3');
    await host.insertBlocks(t3);
    const cell = fake.paragraphs().findIndex((p) => p.inTable && /^\d+$/.test(p.text));
    fake.editParagraph(cell, '12345');
    expect((await host.insertBlocks(t3)).edited).toEqual(['table-t3']);
    expect(fake.paragraphs()[cell].text).toBe('12345');
    expect((await host.insertBlocks(t3, { replaceEdited: true })).replaced).toEqual(['table-t3']);
    expect(fake.paragraphs().some((p) => p.text === '12345')).toBe(false);
  });

  test('without content controls (Word 2013: no WordApi 1.1) the tables go in through the Ooxml coercion, merges kept, not replaceable', async () => {
    const { fake, host } = setUp({ apiSets: { OoxmlCoercion: '1.1' } });
    const blocks = tableBlocks(workbook);
    const outcome = await host.insertBlocks(blocks);
    expect(outcome).toEqual({ inserted: ['table-t2', 'table-t3', 'table-t4'], replaced: [], edited: [], notices: [{ code: 'not-replaceable', set: 'WordApi', version: '1.1' }] });
    expect(fake.log.syncs).toBe(0);
    const tables = fake.tables();
    expect(tables.map((t) => t.control)).toEqual([null, null, null]);
    const merges = mergesOf(tables[1].xml);
    expect(merges.continues).toBe(layoutMerges('t3').continues);
    expect(fake.paragraphs()[1].text).toBe('表二 主动公开政府信息情况');
    // Said plainly: a second insert adds a second copy.
    await host.insertBlocks(blocks);
    expect(fake.tables()).toHaveLength(6);
  });

  test('with neither content controls nor Office Open XML nothing is inserted, and it says why', async () => {
    const { fake, host } = setUp({ apiSets: {} });
    const outcome = await host.insertBlocks(tableBlocks(workbook));
    expect(outcome).toEqual({ inserted: [], replaced: [], edited: [], notices: [{ code: 'insert-unsupported', set: 'WordApi', version: '1.1' }] });
    expect(fake.paragraphs().map((p) => p.text)).toEqual(['正文', '附件']);
  });
});
