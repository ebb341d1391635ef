import { readFileSync } from 'fs';
import type { Workbook } from '../../src/core/grid';
import path from 'path';
import { analyzeWorkbook, reportFigures } from '../../src/core';
import { draftNarrative } from '../../src/core/narrative';
import { narrativeBlocks } from '../../src/core/narrative/style';
import { DocumentStoreFull, type DocumentHost } from '../../src/host/adapter';
import { officeSettingsStore } from '../../src/host/officeSettings';
import { BLOCK_TAG_PREFIX } from '../../src/word/insert';
import { blockPackage } from '../../src/word/ooxml';
import { TEXT_HIGHLIGHTS as MARK_COLOURS } from '../../src/core/severity';
import { detectWordCapabilities } from '../../src/word/requirements';
import { createWordHost, type WordRunner } from '../../src/word/wordHost';
import { seedReport } from '../proofread/reports';
import { national2021ThreeSheets } from '../support/layouts';
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

  test('a second insert replaces the parts instead of adding copies, where they stand', async () => {
    const { fake, host } = setUp({ paragraphs: ['封面文字', '附件：统计表'] }, { cursor: 0 });
    await host.insertBlocks(seedBlocks());
    fake.setCursor(fake.paragraphs().length - 1);
    const updated = seedBlocks({ 'legacy.proactive': 9000 });
    const outcome = await host.insertBlocks(updated);
    expect(outcome.replaced).toEqual(updated.map((b) => b.key));
    expect(outcome.inserted).toEqual([]);
    const expected = updated.flatMap((b) => b.paragraphs.map((p) => p.runs.map((r) => r.text).join('')));
    expect(texts(fake)).toEqual(['封面文字', ...expected, '附件：统计表']);
    expect(texts(fake).filter((t) => t.includes('主动公开政府信息9000条'))).toHaveLength(1);
    expect(texts(fake).some((t) => t.includes('8295'))).toBe(false);
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

  test('a part the user edited is kept until replacing it is confirmed', async () => {
    const { fake, host } = setUp({ paragraphs: [''] });
    const blocks = seedBlocks();
    await host.insertBlocks(blocks);
    const index = texts(fake).indexOf('〔待补充：改进措施〕');
    fake.editParagraph(index, '下一步，我们将加强培训。');
    const first = await host.insertBlocks(blocks);
    expect(first.edited).toEqual(['section-5']);
    expect(texts(fake)).toContain('下一步，我们将加强培训。');
    const confirmed = await host.insertBlocks(blocks, { replaceEdited: true });
    expect(confirmed.replaced).toContain('section-5');
    expect(texts(fake)).not.toContain('下一步，我们将加强培训。');
  });
});

describe('what the Word pane keeps in the document settings', () => {
  test('marking is refused before anything is highlighted when the marks would outgrow the budget', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `第${i + 1}句说本年度共受理依申请公开${i}件，均通过网络申请。`);
    const fake = createFakeWord({ paragraphs: [many.join('')] }, { apiSets: { WordApi: '1.3' } });
    (globalThis as unknown as { Office: unknown }).Office = fake.office;
    const office = fake.office as unknown as typeof Office;
    const store = officeSettingsStore(office.context.document.settings, 2048);
    const host = createWordHost(fake.run as unknown as WordRunner, store, detectWordCapabilities(() => true));
    const marks = many.map((text) => ({ paragraph: 0, offset: many.join('').indexOf(text), text, severity: 'error' as const }));
    await expect(host.markSentences(marks)).rejects.toThrow(DocumentStoreFull);
    expect(fake.log.operations.filter((op) => op.kind === 'highlight')).toEqual([]);
    expect(fake.paragraphs()[0].highlights).toEqual([[many.join(''), null]]);
  });
});

describe('highlighting proofread sentences', () => {
  const paragraph = '2017年，本办共受理依申请公开2件，均通过网络申请。所有依申请公开办件均未收费。全年培训230人次。';
  const sentences = ['2017年，本办共受理依申请公开2件，均通过网络申请。', '所有依申请公开办件均未收费。', '全年培训230人次。'];
  const ref = (text: string, severity: 'error' | 'warning' = 'error') => ({ paragraph: 1, offset: paragraph.indexOf(text), text, severity });
  const input = (): FakeWordInput => ({
    paragraphs: ['二、依申请公开政府信息情况', paragraph],
    // The user's own yellow on the second sentence, and two colours on the third.
    highlights: [
      { paragraph: 1, start: paragraph.indexOf(sentences[1]), end: paragraph.indexOf(sentences[1]) + sentences[1].length, colour: '#FFFF00' },
      { paragraph: 1, start: paragraph.indexOf('230'), end: paragraph.indexOf('230') + 3, colour: '#00FF00' },
    ],
  });

  test('marks in three syncs, then 清除标记 restores every original highlight exactly', async () => {
    const { fake, host } = setUp(input());
    const before = fake.paragraphs();
    const outcome = await host.markSentences([ref(sentences[0]), ref(sentences[1], 'warning'), ref(sentences[2])]);
    expect(fake.log.syncs).toBe(3);
    expect(outcome.marked).toBe(2);
    expect(outcome.notices).toEqual([{ code: 'highlight-kept', sentences: [sentences[2]] }]);
    const marked = fake.paragraphs()[1].highlights;
    expect(marked).toContainEqual([sentences[0], MARK_COLOURS.error]);
    expect(marked).toContainEqual([sentences[1], MARK_COLOURS.warning]);

    const cleared = await host.clearMarks();
    expect(cleared).toEqual({ marked: 0, restored: 2, notices: [] });
    expect(fake.paragraphs()).toEqual(before);
  });

  test('marking again restores first: the original under a sentence marked twice comes back', async () => {
    const { fake, host } = setUp(input());
    const before = fake.paragraphs();
    await host.markSentences([ref(sentences[1])]);
    await host.markSentences([ref(sentences[1], 'warning'), ref(sentences[0])]);
    expect(fake.paragraphs()[1].highlights).toContainEqual([sentences[1], MARK_COLOURS.warning]);
    await host.clearMarks();
    expect(fake.paragraphs()).toEqual(before);
  });

  test('a sentence the user recoloured after marking keeps the user\'s colour', async () => {
    const { fake, host } = setUp(input());
    await host.markSentences([ref(sentences[0]), ref(sentences[1])]);
    fake.paint(1, 0, sentences[0].length, '#FF0000');
    const outcome = await host.clearMarks();
    expect(outcome).toEqual({ marked: 0, restored: 1, notices: [{ code: 'highlight-kept', sentences: [sentences[0]] }] });
    expect(fake.paragraphs()[1].highlights[0]).toEqual([sentences[0], '#FF0000']);
    expect(fake.paragraphs()[1].highlights[1]).toEqual([sentences[1], '#FFFF00']);
  });

  test('a sentence edited away since it was marked is reported, not guessed at', async () => {
    const { fake, host } = setUp(input());
    await host.markSentences([ref(sentences[0])]);
    fake.editParagraph(1, '本段已改写。');
    const outcome = await host.clearMarks();
    expect(outcome.notices).toEqual([{ code: 'sentence-not-found', sentences: [sentences[0]] }]);
  });

  test('the same number of syncs for one sentence and for many', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `第${i + 1}句有一个数字${i}件。`);
    const { fake, host } = setUp({ paragraphs: [many.join('')] });
    await host.markSentences(many.map((text) => ({ paragraph: 0, offset: many.join('').indexOf(text), text, severity: 'error' as const })));
    expect(fake.log.syncs).toBe(3);
    expect(fake.paragraphs()[0].highlights).toEqual([[many.join(''), MARK_COLOURS.error]]);
  });

  test('a sentence longer than Word\'s 255-character search is found by its head and tail', async () => {
    const long = `${'本机关持续推进政务公开标准化规范化建设，'.repeat(20)}共主动公开政府信息8295条。`;
    const { fake, host } = setUp({ paragraphs: [`前一句。${long}后一句。`] });
    const outcome = await host.markSentences([{ paragraph: 0, offset: 4, text: long, severity: 'error' }]);
    expect(outcome.marked).toBe(1);
    expect(fake.paragraphs()[0].highlights).toEqual([['前一句。', null], [long, MARK_COLOURS.error], ['后一句。', null]]);
  });

  test('selecting a sentence picks its own occurrence when the paragraph repeats it', async () => {
    const twice = '本年度无其他需要报告的事项。本年度无其他需要报告的事项。';
    const { fake, host } = setUp({ paragraphs: [twice] });
    expect(await host.selectSentence({ paragraph: 0, offset: 14, text: '本年度无其他需要报告的事项。' })).toBe(true);
    const select = fake.log.operations.find((op) => op.kind === 'select')!;
    expect(select).toMatchObject({ paragraph: 0 });
    expect(fake.selectionText()).toBe('本年度无其他需要报告的事项。');
    expect(await host.selectSentence({ paragraph: 0, offset: 0, text: '已删除的句子。' })).toBe(false);
  });
});

describe('reading the document', () => {
  test('the tables of a 2021 report, merged cells included, read from the document as Word writes it (getOoxml)', async () => {
    const sheets = national2021ThreeSheets();
    const tables = sheets.map((sheet) => {
      const width = Math.max(...sheet.rows.map((row) => row?.length ?? 0));
      return sheet.rows.map((row) => Array.from({ length: width }, (_, c) => (row?.[c] ? String(row[c]!.value ?? '') : '')));
    });
    const { fake, host } = setUp(
      { paragraphs: ['某县人民政府办公室2023年政府信息公开工作年度报告', '二、主动公开政府信息情况'], tables, tableMerges: sheets.map((s) => s.merges) },
      { platform: 'OfficeOnline' },
    );
    const content = await host.readDocument();
    expect(fake.log.syncs).toBe(1);
    const figures = (wb: Workbook) => {
      const [report] = reportFigures(analyzeWorkbook(wb));
      return { format: report.format, figures: Object.fromEntries(Object.entries(report.figures).map(([id, f]) => [id, f.value])) };
    };
    const read = figures(content.tables);
    expect(read.format).toBe('national-2021');
    expect(Object.keys(read.figures).length).toBeGreaterThan(50);
    expect(read).toEqual(figures({ sheets }));
    expect(content.tables.sheets[0].merges.length).toBeGreaterThan(5);
  });

  test('prose paragraphs for proofreading and the report\'s own table for the figures, in one sync', async () => {
    const seed = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'seed', '000_bc870c0a05b91354.txt'), 'utf8').split('\n');
    const prose = seed.filter((l) => !l.includes('|'));
    const table = seed.filter((l) => l.includes('|')).map((l) => l.split('|').slice(0, 3).map((c) => c.trim()));
    const { fake, host } = setUp({ paragraphs: prose, tables: [table] });
    const content = await host.readDocument();
    expect(fake.log.syncs).toBe(1);
    expect(content.paragraphs.slice(0, prose.length)).toEqual(prose);
    expect(content.paragraphs.slice(prose.length).every((t) => t === '')).toBe(true);
    const [report] = reportFigures(analyzeWorkbook(content.tables));
    expect(report.format).toBe('legacy-2016');
    expect(report.figures['legacy.received'].value).toBe(2);
  });
});
