import { analyzeWorkbook, reportBlocks, reportFigures, reportTableGrids } from '../../src/core';
import { draftNarrative } from '../../src/core/narrative';
import { narrativeBlocks } from '../../src/core/narrative/style';
import type { WpsApplication } from '../../src/wps/api';
import { bookmarkName, createWpsDocumentHost, wpsDocumentHostFromWps } from '../../src/wps/document';
import { WPS_MESSAGES } from '../../src/wps/errors';
import { propertyStore } from '../../src/wps/store';
import { documentHostSuite, type DocumentInput } from '../host/documentHostSuite';
import { seedReport } from '../proofread/reports';
import { national2021OneSheet } from '../support/layouts';
import { createFakeWriter, type FakeWriterOptions } from './fakeWriter';

/** The WPS 文字 fake as a harness of the shared document host suite. */
function writerHarness(input: DocumentInput, options: { cursor?: number; storeBudget?: number } = {}, fakeOptions: FakeWriterOptions = {}) {
  const fake = createFakeWriter(input, { cursor: options.cursor, ...fakeOptions });
  const app = fake.application as unknown as WpsApplication;
  const host = createWpsDocumentHost(app, propertyStore(app.ActiveDocument!.CustomDocumentProperties, options.storeBudget));
  return {
    fake,
    host,
    paragraphs: fake.paragraphs,
    setCursor: fake.setCursor,
    editParagraph: fake.editParagraph,
    paint: fake.paint,
    selectionText: fake.selectionText,
    highlightWrites: () => fake.log.operations.filter((op) => op.kind === 'highlight').length,
  };
}

documentHostSuite('WPS 文字', (input, options) => writerHarness(input, options));

const seedBlocks = () => {
  const report = seedReport({}, { reportYear: 2017, bodyName: '某县人民政府办公室' });
  return narrativeBlocks(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }), '标题和导语');
};

describe('WPS 文字: parts as 公文 paragraphs under bookmarks', () => {
  test('each part is one InsertXML of the same package the Word host inserts: heading styles and 仿宋 for the Chinese text', async () => {
    const h = writerHarness({ paragraphs: ['封面文字'] });
    const blocks = seedBlocks();
    await h.host.insertBlocks(blocks);
    expect(h.fake.log.operations.filter((op) => op.kind === 'insertXML')).toHaveLength(blocks.length);
    const paragraphs = h.fake.paragraphs();
    expect(paragraphs.find((p) => p.text === '一、主动公开政府信息情况')).toMatchObject({ style: 'Heading1', eastAsia: '黑体' });
    expect(paragraphs.find((p) => p.text.startsWith('2017年，共主动公开政府信息8295条'))).toMatchObject({ eastAsia: '仿宋' });
    expect(h.fake.bookmarkNames().sort()).toEqual(blocks.map(bookmarkName).sort());
  });

  test('the tables of the complete report go in as tables, and come back from the document as the same figures', async () => {
    const [report] = reportFigures(analyzeWorkbook({ sheets: [national2021OneSheet('统计表')] }));
    const narrative = draftNarrative({ format: report.format, figures: report.figures, facts: report.facts });
    const parts = reportBlocks(narrative, reportTableGrids(report.format, report.tables, report.figures), '标题和导语');
    const h = writerHarness({ paragraphs: [''] });
    const outcome = await h.host.insertBlocks(parts);
    expect(outcome.inserted).toHaveLength(parts.length);
    expect(h.fake.paragraphs().some((p) => p.inTable)).toBe(true);
    const content = await h.host.readDocument();
    const [read] = reportFigures(analyzeWorkbook(content.tables));
    expect(read.format).toBe('national-2021');
    expect(Object.fromEntries(Object.entries(read.figures).map(([id, f]) => [id, f.value]))).toEqual(Object.fromEntries(Object.entries(report.figures).map(([id, f]) => [id, f.value])));
    // Inserted again: replaced where they stand, none twice.
    const again = await h.host.insertBlocks(parts);
    expect(again.replaced).toHaveLength(parts.length);
    const title = h.fake.paragraphs().find((p) => p.style === 'Title')!.text;
    expect(h.fake.paragraphs().filter((p) => p.text === title)).toHaveLength(1);
    expect(h.fake.paragraphs().filter((p) => p.inTable).length).toBe(h.fake.paragraphs().filter((p) => p.inTable).length);
  });

  test('bookmark names are valid whatever the key: letters, digits and underscores, at most 40 characters', () => {
    const name = (key: string) => bookmarkName({ key, label: '', paragraphs: [] } as never);
    for (const key of ['intro', 'section-2', 'table-表二', `table-${'很长的表名'.repeat(10)}`]) expect(name(key)).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
    expect(name('section-2')).not.toBe(name('section_2'));
  });

  test('no document open: no host when the pane opens, and an action after it closed fails plainly', async () => {
    const h = writerHarness({ paragraphs: ['正文'] });
    const app = h.fake.application as unknown as WpsApplication;
    (h.fake.application as { ActiveDocument: unknown }).ActiveDocument = null;
    await expect(h.host.readDocument()).rejects.toThrow(WPS_MESSAGES.nothingOpen);
    expect(wpsDocumentHostFromWps(app)).toBeNull();
  });
});
