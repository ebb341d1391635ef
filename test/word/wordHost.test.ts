import { draftNarrative } from '../../src/core/narrative';
import { narrativeBlocks } from '../../src/core/narrative/style';
import type { DocumentHost } from '../../src/host/adapter';
import { officeSettingsStore } from '../../src/host/officeSettings';
import { BLOCK_TAG_PREFIX } from '../../src/word/insert';
import { blockPackage } from '../../src/io/wordOoxml';
import { TEXT_HIGHLIGHTS as MARK_COLOURS } from '../../src/core/severity';
import { detectWordCapabilities } from '../../src/word/requirements';
import { createWordHost, type WordRunner } from '../../src/word/wordHost';
import { seedReport } from '../proofread/reports';
import { national2021ThreeSheets } from '../support/layouts';
import { documentHostSuite, highlightCase } from '../host/documentHostSuite';
import { createFakeWord, type FakeWordInput, type FakeWordOptions } from './fakeWord';

/** The Word adapter against a recording fake: insertion, styles, replacing, reversible highlights. */

function setUp(input: FakeWordInput, options: FakeWordOptions = {}) {
  const fake = createFakeWord(input, { apiSets: { WordApi: '1.3', WordApiDesktop: '1.3' }, ...options });
  const office = fake.office as unknown as typeof Office;
  // officeSettingsStore reads Office.AsyncResultStatus, as in the pane.
  (globalThis as unknown as { Office: unknown }).Office = fake.office;
  const caps = detectWordCapabilities((name, version) => office.context.requirements.isSetSupported(name, version));
  const host: DocumentHost = createWordHost(fake.run as unknown as WordRunner, officeSettingsStore(office.context.document.settings), caps);
  return { fake, host };
}

const seedBlocks = (changes: Record<string, number> = {}) => {
  const report = seedReport(changes, { reportYear: 2017, bodyName: '某县人民政府办公室' });
  return narrativeBlocks(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }), '标题和导语');
};
const texts = (fake: ReturnType<typeof createFakeWord>) => fake.paragraphs().map((p) => p.text);
const tagsOf = (fake: ReturnType<typeof createFakeWord>) => [...new Set(fake.paragraphs().map((p) => p.control?.tag).filter(Boolean))];

describe('inserting the narrative', () => {
  test('after the cursor paragraph, in order, in two syncs, each part in its own tagged control', async () => {
    const { fake, host } = setUp({ paragraphs: ['封面文字', '附件：统计表'] }, { cursor: 0 });
    const blocks = seedBlocks();
    const outcome = await host.insertBlocks(blocks);
    expect(outcome).toEqual({ inserted: blocks.map((b) => b.key), replaced: [], edited: [], notices: [] });
    expect(fake.log.syncs).toBe(2);
    expect(fake.log.operations.every((op) => op.sync === 2)).toBe(true);

    const all = fake.paragraphs();
    const expected = blocks.flatMap((b) => b.paragraphs.map((p) => p.runs.map((r) => r.text).join('')));
    expect(texts(fake)).toEqual(['封面文字', ...expected, '附件：统计表']);
    expect(tagsOf(fake)).toEqual(blocks.map((b) => BLOCK_TAG_PREFIX + b.key));
    expect(all[1].control).toEqual({ tag: `${BLOCK_TAG_PREFIX}intro`, title: '标题和导语' });
    expect(all.find((p) => p.text === '二、依申请公开政府信息情况')!.control!.title).toBe('二、依申请公开政府信息情况');
  });

  /** What Word shows for each kind of paragraph after an insert: styles, fonts and 固定值 line spacing. */
  function expectGongwen(fake: ReturnType<typeof createFakeWord>) {
    const byText = (t: string) => fake.paragraphs().find((p) => p.text === t)!;
    const title = fake.paragraphs().find((p) => p.control?.tag === `${BLOCK_TAG_PREFIX}intro`)!;
    expect(title.styleBuiltIn).toBe('Title');
    expect(title.font).toMatchObject({ name: '方正小标宋简体', nameFarEast: '方正小标宋简体', size: 22, bold: false });
    expect(title.format).toMatchObject({ alignment: 'Centered', firstLineIndent: 0, lineSpacing: { rule: 'exact', points: 35 }, spaceAfter: 28 });
    const heading = byText('一、主动公开政府信息情况');
    expect(heading.styleBuiltIn).toBe('Heading1');
    expect(heading.font).toMatchObject({ name: '黑体', nameFarEast: '黑体', size: 16, bold: false, color: '#000000' });
    expect(heading.format.lineSpacing).toEqual({ rule: 'exact', points: 28 });
    const body = fake.paragraphs().find((p) => p.text.startsWith('2017年，共主动公开政府信息8295条'))!;
    expect(body.styleBuiltIn).toBe('Normal');
    expect(body.font).toMatchObject({ name: '仿宋', nameFarEast: '仿宋', size: 16 });
    expect(body.format).toEqual({ alignment: 'Justified', firstLineIndent: 32, leftIndent: 0, lineSpacing: { rule: 'exact', points: 28 }, spaceBefore: 0, spaceAfter: 0 });
  }

  test('公文 as Word shows it: 固定值 28 磅 (not 多倍行距), 仿宋 for the Chinese text too, heading styles for the navigation pane', async () => {
    const { fake, host } = setUp({ paragraphs: [''] });
    const blocks = seedBlocks();
    await host.insertBlocks(blocks);
    expectGongwen(fake);
    // One package per part, into its tagged control.
    expect(fake.log.operations.filter((op) => op.kind === 'insertContentControl')).toHaveLength(blocks.length);
    expect(fake.paragraphs().filter((p) => p.control).length).toBe(fake.log.operations.filter((op) => op.kind === 'insertOoxml').length);
  });

  test('placeholders are highlighted, the figures are not', async () => {
    const { fake, host } = setUp({ paragraphs: [''] });
    await host.insertBlocks(seedBlocks());
    const marked = fake.paragraphs().flatMap((p) => p.highlights.filter(([, c]) => c !== null));
    expect(marked.length).toBe(5);
    expect(marked.every(([text, colour]) => text.startsWith('〔待补充') && colour === '#FFFF00')).toBe(true);
  });

  test('in Word on the web (WordApi 1.1, no WordApiDesktop): the same 公文 formatting and heading styles', async () => {
    const { fake, host } = setUp({ paragraphs: [''] }, { apiSets: { WordApi: '1.1' }, platform: 'OfficeOnline' });
    await host.insertBlocks(seedBlocks());
    expectGongwen(fake);
  });

  test('the package inserted names only styles it defines, and says exact spacing and the East-Asian font', () => {
    const xml = blockPackage(seedBlocks()[1]);
    const named = new Set([...xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]));
    const defined = new Set([...xml.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]));
    expect([...named]).toEqual(['Heading1']);
    expect([...named].every((style) => defined.has(style))).toBe(true);
    expect(xml).toMatch(/<pkg:part pkg:name="\/word\/styles\.xml"[\s\S]*w:styleId="Heading1"[\s\S]*<w:outlineLvl w:val="0"\/>/);
    expect(xml).toContain('w:line="560" w:lineRule="exact"');
    expect(xml).toContain('w:eastAsia="仿宋"');
  });

  test('one section first, then the whole: every part once, the section replaced in place', async () => {
    const { fake, host } = setUp({ paragraphs: ['正文'] });
    const blocks = seedBlocks();
    await host.insertBlocks([blocks[2]]);
    expect(tagsOf(fake)).toEqual([`${BLOCK_TAG_PREFIX}section-2`]);
    await host.insertBlocks(blocks);
    const tags = fake.paragraphs().map((p) => p.control?.tag).filter(Boolean);
    expect(new Set(tags).size).toBe(blocks.length);
    expect(texts(fake).filter((t) => t === '二、依申请公开政府信息情况')).toHaveLength(1);
  });

});

describe('highlighting proofread sentences', () => {
  const { sentences, ref, input } = highlightCase;

  test('marking takes three syncs (read paragraphs, search them, write highlights)', async () => {
    const { fake, host } = setUp(input());
    await host.markSentences([ref(sentences[0]), ref(sentences[1], 'warning'), ref(sentences[2])]);
    expect(fake.log.syncs).toBe(3);
  });

  test('the same number of syncs for one sentence and for many', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `第${i + 1}句有一个数字${i}件。`);
    const { fake, host } = setUp({ paragraphs: [many.join('')] });
    await host.markSentences(many.map((text) => ({ paragraph: 0, offset: many.join('').indexOf(text), text, severity: 'error' as const })));
    expect(fake.log.syncs).toBe(3);
    expect(fake.paragraphs()[0].highlights).toEqual([[many.join(''), MARK_COLOURS.error]]);
  });

  test('selecting a sentence selects its own occurrence in its paragraph', async () => {
    const twice = '本年度无其他需要报告的事项。本年度无其他需要报告的事项。';
    const { fake, host } = setUp({ paragraphs: [twice] });
    expect(await host.selectSentence({ paragraph: 0, offset: 14, text: '本年度无其他需要报告的事项。' })).toBe(true);
    expect(fake.log.operations.find((op) => op.kind === 'select')).toMatchObject({ paragraph: 0 });
  });
});

describe('reading the document', () => {
  test('the 2021 tables and the prose are read in one sync (getOoxml with the paragraphs)', async () => {
    const sheets = national2021ThreeSheets();
    const tables = sheets.map((sheet) => {
      const width = Math.max(...sheet.rows.map((row) => row?.length ?? 0));
      return sheet.rows.map((row) => Array.from({ length: width }, (_, c) => (row?.[c] ? String(row[c]!.value ?? '') : '')));
    });
    const { fake, host } = setUp({ paragraphs: ['某县人民政府办公室2023年政府信息公开工作年度报告'], tables, tableMerges: sheets.map((s) => s.merges) }, { platform: 'OfficeOnline' });
    await host.readDocument();
    expect(fake.log.syncs).toBe(1);
  });
});

/** The Word fake as a harness of the shared document host suite. */
documentHostSuite('Word', (input, options = {}) => {
  const fake = createFakeWord(input, { apiSets: { WordApi: '1.3', WordApiDesktop: '1.3' }, cursor: options.cursor });
  const office = fake.office as unknown as typeof Office;
  (globalThis as unknown as { Office: unknown }).Office = fake.office;
  const caps = detectWordCapabilities((name, version) => office.context.requirements.isSetSupported(name, version));
  const host = createWordHost(fake.run as unknown as WordRunner, officeSettingsStore(office.context.document.settings, options.storeBudget), caps);
  return {
    host,
    paragraphs: () => fake.paragraphs(),
    setCursor: fake.setCursor,
    editParagraph: fake.editParagraph,
    paint: fake.paint,
    selectionText: fake.selectionText,
    highlightWrites: () => fake.log.operations.filter((op) => op.kind === 'highlight').length,
  };
});
