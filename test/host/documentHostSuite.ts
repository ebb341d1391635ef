import { readFileSync } from 'fs';
import path from 'path';
import { analyzeWorkbook, reportFigures } from '../../src/core';
import type { Workbook } from '../../src/core/grid';
import { draftNarrative } from '../../src/core/narrative';
import { narrativeBlocks } from '../../src/core/narrative/style';
import { TEXT_HIGHLIGHTS as MARK_COLOURS } from '../../src/core/severity';
import { DocumentStoreFull, type DocumentHost } from '../../src/host/adapter';
import { seedReport } from '../proofread/reports';
import { national2021ThreeSheets } from '../support/layouts';

/**
 * The document host's behaviour, the same in every host: one suite run against the Word fake (test/word)
 * and the WPS 文字 fake (test/wps). What is particular to one host (Word's syncs, content controls and
 * styles as Word shows them; WPS's bookmarks) is tested beside its own fake.
 */

export interface DocumentInput {
  paragraphs: string[];
  tables?: string[][][];
  tableMerges?: { top: number; left: number; bottom: number; right: number }[][];
  highlights?: { paragraph: number; start: number; end: number; colour: string }[];
}

export interface DocumentHarness {
  host: DocumentHost;
  paragraphs(): { text: string; highlights: [string, string | null][] }[];
  setCursor(paragraph: number): void;
  editParagraph(paragraph: number, text: string): void;
  paint(paragraph: number, start: number, end: number, colour: string): void;
  selectionText(): string;
  /** How many highlight writes the host made. */
  highlightWrites(): number;
}

export type MakeDocumentHarness = (input: DocumentInput, options?: { cursor?: number; storeBudget?: number }) => DocumentHarness;

const seedBlocks = (changes: Record<string, number> = {}) => {
  const report = seedReport(changes, { reportYear: 2017, bodyName: '某县人民政府办公室' });
  return narrativeBlocks(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }), '标题和导语');
};
/** The document's text, paragraph by paragraph (empty paragraphs aside: where a host leaves one is its own). */
const texts = (h: DocumentHarness) => h.paragraphs().map((p) => p.text).filter(Boolean);
const blockTexts = (blocks: ReturnType<typeof seedBlocks>) => blocks.flatMap((b) => b.paragraphs.map((p) => p.runs.map((r) => r.text).join('')));

/** A paragraph of three sentences: the user's own yellow on the second, two colours on the third. */
export const highlightCase = (() => {
  const paragraph = '2017年，本办共受理依申请公开2件，均通过网络申请。所有依申请公开办件均未收费。全年培训230人次。';
  const sentences = ['2017年，本办共受理依申请公开2件，均通过网络申请。', '所有依申请公开办件均未收费。', '全年培训230人次。'];
  const ref = (text: string, severity: 'error' | 'warning' = 'error') => ({ paragraph: 1, offset: paragraph.indexOf(text), text, severity });
  const input = (): DocumentInput => ({
    paragraphs: ['二、依申请公开政府信息情况', paragraph],
    highlights: [
      { paragraph: 1, start: paragraph.indexOf(sentences[1]), end: paragraph.indexOf(sentences[1]) + sentences[1].length, colour: '#FFFF00' },
      { paragraph: 1, start: paragraph.indexOf('230'), end: paragraph.indexOf('230') + 3, colour: '#00FF00' },
    ],
  });
  return { paragraph, sentences, ref, input };
})();

export function documentHostSuite(name: string, make: MakeDocumentHarness): void {
  describe(`${name}: the shared document host behaviour`, () => {
    describe('inserting the narrative', () => {
      test('after the cursor paragraph, in order', async () => {
        const h = make({ paragraphs: ['封面文字', '附件：统计表'] }, { cursor: 0 });
        const blocks = seedBlocks();
        expect(await h.host.insertBlocks(blocks)).toEqual({ inserted: blocks.map((b) => b.key), replaced: [], edited: [], notices: [] });
        expect(texts(h)).toEqual(['封面文字', ...blockTexts(blocks), '附件：统计表']);
      });

      test('a second insert replaces the parts instead of adding copies, where they stand', async () => {
        const h = make({ paragraphs: ['封面文字', '附件：统计表'] }, { cursor: 0 });
        await h.host.insertBlocks(seedBlocks());
        h.setCursor(h.paragraphs().length - 1);
        const updated = seedBlocks({ 'legacy.proactive': 9000 });
        const outcome = await h.host.insertBlocks(updated);
        expect(outcome.replaced).toEqual(updated.map((b) => b.key));
        expect(outcome.inserted).toEqual([]);
        expect(texts(h)).toEqual(['封面文字', ...blockTexts(updated), '附件：统计表']);
        expect(texts(h).filter((t) => t.includes('主动公开政府信息9000条'))).toHaveLength(1);
        expect(texts(h).some((t) => t.includes('8295'))).toBe(false);
      });

      test('one section first, then the whole: every part once, the section replaced in place', async () => {
        const h = make({ paragraphs: ['正文'] });
        const blocks = seedBlocks();
        await h.host.insertBlocks([blocks[2]]);
        expect(texts(h)).toEqual(['正文', ...blockTexts([blocks[2]])]);
        const outcome = await h.host.insertBlocks(blocks);
        expect(outcome.replaced).toEqual([blocks[2].key]);
        expect(texts(h).filter((t) => t === '二、依申请公开政府信息情况')).toHaveLength(1);
        expect(texts(h)).toHaveLength(1 + blockTexts(blocks).length);
      });

      test('a part the user edited is kept until replacing it is confirmed', async () => {
        const h = make({ paragraphs: [''] });
        const blocks = seedBlocks();
        await h.host.insertBlocks(blocks);
        const index = h.paragraphs().findIndex((p) => p.text === '〔待补充：改进措施〕');
        h.editParagraph(index, '下一步，我们将加强培训。');
        const first = await h.host.insertBlocks(blocks);
        expect(first.edited).toEqual(['section-5']);
        expect(texts(h)).toContain('下一步，我们将加强培训。');
        const confirmed = await h.host.insertBlocks(blocks, { replaceEdited: true });
        expect(confirmed.replaced).toContain('section-5');
        expect(texts(h)).not.toContain('下一步，我们将加强培训。');
        expect(texts(h).filter((t) => t === '〔待补充：改进措施〕')).toHaveLength(1);
      });
    });

    describe('highlighting proofread sentences', () => {
      const { sentences, ref, input } = highlightCase;

      test('marks, then 清除标记 restores every original highlight exactly', async () => {
        const h = make(input());
        const before = h.paragraphs();
        const outcome = await h.host.markSentences([ref(sentences[0]), ref(sentences[1], 'warning'), ref(sentences[2])]);
        expect(outcome.marked).toBe(2);
        expect(outcome.notices).toEqual([{ code: 'highlight-kept', sentences: [sentences[2]] }]);
        const marked = h.paragraphs()[1].highlights;
        expect(marked).toContainEqual([sentences[0], MARK_COLOURS.error]);
        expect(marked).toContainEqual([sentences[1], MARK_COLOURS.warning]);
        expect(await h.host.clearMarks()).toEqual({ marked: 0, restored: 2, notices: [] });
        expect(h.paragraphs()).toEqual(before);
      });

      test('marking again restores first: the original under a sentence marked twice comes back', async () => {
        const h = make(input());
        const before = h.paragraphs();
        await h.host.markSentences([ref(sentences[1])]);
        await h.host.markSentences([ref(sentences[1], 'warning'), ref(sentences[0])]);
        expect(h.paragraphs()[1].highlights).toContainEqual([sentences[1], MARK_COLOURS.warning]);
        await h.host.clearMarks();
        expect(h.paragraphs()).toEqual(before);
      });

      test("a sentence the user recoloured after marking keeps the user's colour", async () => {
        const h = make(input());
        await h.host.markSentences([ref(sentences[0]), ref(sentences[1])]);
        h.paint(1, 0, sentences[0].length, '#FF0000');
        expect(await h.host.clearMarks()).toEqual({ marked: 0, restored: 1, notices: [{ code: 'highlight-kept', sentences: [sentences[0]] }] });
        expect(h.paragraphs()[1].highlights[0]).toEqual([sentences[0], '#FF0000']);
        expect(h.paragraphs()[1].highlights[1]).toEqual([sentences[1], '#FFFF00']);
      });

      test('a sentence edited away since it was marked is reported, not guessed at', async () => {
        const h = make(input());
        await h.host.markSentences([ref(sentences[0])]);
        h.editParagraph(1, '本段已改写。');
        expect((await h.host.clearMarks()).notices).toEqual([{ code: 'sentence-not-found', sentences: [sentences[0]] }]);
      });

      test("a sentence longer than Word's 255-character search is marked whole", async () => {
        const long = `${'本机关持续推进政务公开标准化规范化建设，'.repeat(20)}共主动公开政府信息8295条。`;
        const h = make({ paragraphs: [`前一句。${long}后一句。`] });
        expect((await h.host.markSentences([{ paragraph: 0, offset: 4, text: long, severity: 'error' }])).marked).toBe(1);
        expect(h.paragraphs()[0].highlights).toEqual([['前一句。', null], [long, MARK_COLOURS.error], ['后一句。', null]]);
      });

      test('marking is refused before anything is highlighted when the marks would outgrow the budget', async () => {
        const many = Array.from({ length: 60 }, (_, i) => `第${i + 1}句说本年度共受理依申请公开${i}件，均通过网络申请。`);
        const h = make({ paragraphs: [many.join('')] }, { storeBudget: 2048 });
        const marks = many.map((text) => ({ paragraph: 0, offset: many.join('').indexOf(text), text, severity: 'error' as const }));
        await expect(h.host.markSentences(marks)).rejects.toThrow(DocumentStoreFull);
        expect(h.highlightWrites()).toBe(0);
        expect(h.paragraphs()[0].highlights).toEqual([[many.join(''), null]]);
      });

      test('selecting a sentence picks its own occurrence when the paragraph repeats it', async () => {
        const twice = '本年度无其他需要报告的事项。本年度无其他需要报告的事项。';
        const h = make({ paragraphs: [twice] });
        expect(await h.host.selectSentence({ paragraph: 0, offset: 14, text: '本年度无其他需要报告的事项。' })).toBe(true);
        expect(h.selectionText()).toBe('本年度无其他需要报告的事项。');
        expect(await h.host.selectSentence({ paragraph: 0, offset: 0, text: '已删除的句子。' })).toBe(false);
      });
    });

    describe('reading the document', () => {
      test('the tables of a 2021 report, merged cells included', async () => {
        const sheets = national2021ThreeSheets();
        const tables = sheets.map((sheet) => {
          const width = Math.max(...sheet.rows.map((row) => row?.length ?? 0));
          return sheet.rows.map((row) => Array.from({ length: width }, (_, c) => (row?.[c] ? String(row[c]!.value ?? '') : '')));
        });
        const h = make({ paragraphs: ['某县人民政府办公室2023年政府信息公开工作年度报告', '二、主动公开政府信息情况'], tables, tableMerges: sheets.map((s) => s.merges) });
        const content = await h.host.readDocument();
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

      test("prose paragraphs for proofreading and the report's own table for the figures", async () => {
        const seed = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'seed', '000_bc870c0a05b91354.txt'), 'utf8').split('\n');
        const prose = seed.filter((l) => !l.includes('|'));
        const table = seed.filter((l) => l.includes('|')).map((l) => l.split('|').slice(0, 3).map((c) => c.trim()));
        const h = make({ paragraphs: prose, tables: [table] });
        const content = await h.host.readDocument();
        expect(content.paragraphs.slice(0, prose.length)).toEqual(prose);
        expect(content.paragraphs.slice(prose.length).every((t) => t === '')).toBe(true);
        const [report] = reportFigures(analyzeWorkbook(content.tables));
        expect(report.format).toBe('legacy-2016');
        expect(report.figures['legacy.received'].value).toBe(2);
      });
    });
  });
}
