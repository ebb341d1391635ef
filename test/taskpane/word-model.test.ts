/**
 * What the Word pane shows, from its pure model (no React): the figures' status, the insert picker
 * and the edited parts, the proofreading outcome and its findings in order.
 */
import * as core from '../../src/core';
import { type FormatId, isTableBlock, type ProofFinding, type ProofreadResult } from '../../src/core';
import { figuresFrom, type LoadedFigures } from '../../src/taskpane/word/figures';
import { chosenBlocks, draftBlocks, loadedNotice, sentenceMarks, titleOf, WHOLE_TEXT, wordPaneView, type WordPaneState } from '../../src/taskpane/word/model';
import { W } from '../../src/taskpane/word/strings';
import { withFigures } from '../support/edit';
import { legacySheet, national2021OneSheet } from '../support/layouts';

const TITLE = '某县人民政府办公室2023年政府信息公开工作年度报告';
const national = figuresFrom(core, { sheets: [national2021OneSheet('统计表')] }, W.fromDocument, TITLE);
const empty: WordPaneState = { figures: null, blocks: null, edited: [], proofread: null };

function proofread(paragraphs: string[]): ProofreadResult {
  return core.proofreadParagraphs(paragraphs, national.report!);
}

describe('the figures section', () => {
  test('says nothing before figures are loaded', () => {
    expect(wordPaneView(empty).figures.messages).toEqual([]);
  });

  test('names the format, the tables and the source of recognized figures', () => {
    const { messages } = wordPaneView({ ...empty, figures: national }).figures;
    expect(messages).toEqual([{ intent: 'success', text: W.recognized(national.report!.formatName, national.tableNames, W.fromDocument) }]);
    expect(messages[0].text).toContain('表三 收到和处理政府信息公开申请情况');
  });

  test('warns when no table was recognized, and when the table itself has errors', () => {
    const none: LoadedFigures = { report: null, source: W.fromWorkbook('空.xlsx'), tableNames: [], reports: 0, tableErrors: 0 };
    expect(wordPaneView({ ...empty, figures: none }).figures.messages).toEqual([{ intent: 'warning', text: W.noTable(W.fromWorkbook('空.xlsx')) }]);
    const broken = figuresFrom(core, withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't3.granted.total': 999 }), W.fromDocument);
    expect(broken.tableErrors).toBeGreaterThan(0);
    const messages = wordPaneView({ ...empty, figures: broken }).figures.messages;
    expect(messages.map((m) => m.intent)).toEqual(['success', 'warning']);
    expect(messages[1].text).toBe(W.tableErrors(broken.tableErrors));
  });

  test('tells that only the first of several reports is used', () => {
    expect(loadedNotice(national)).toBeNull();
    expect(loadedNotice({ ...national, reports: 3 })).toEqual({ intent: 'info', text: W.severalReports(3) });
  });

  test("a report's title is its first line of text", () => {
    expect(titleOf(['', '  ', ` ${TITLE} `, '一、总体情况'])).toBe(TITLE);
    expect(titleOf(['', ' '])).toBeUndefined();
  });
});

describe('the insert section', () => {
  test('is hidden without a report', () => {
    expect(wordPaneView(empty).insert).toEqual({ kind: 'hidden' });
    expect(draftBlocks(null, {})).toBeNull();
  });

  test('offers the whole text and each drafted part, with the facts the user stated over the title', () => {
    const blocks = draftBlocks(national, { bodyName: '某市统计局' })!;
    expect(blocks.length).toBeGreaterThan(3);
    expect(JSON.stringify(blocks[0])).toContain('某市统计局');
    const insert = wordPaneView({ ...empty, figures: national, blocks }).insert;
    expect(insert).toMatchObject({ kind: 'parts', edited: null });
    if (insert.kind !== 'parts') throw new Error('parts expected');
    expect(insert.options[0]).toEqual({ value: WHOLE_TEXT, label: W.wholeText });
    const sections = ['intro', 'section-1', 'section-2', 'section-3', 'section-4', 'section-5', 'section-6'];
    expect(insert.options.slice(1).map((o) => o.value)).toEqual([...sections, 'table-t2', 'table-t3', 'table-t4']);
    expect(insert.options.slice(1, 8).map((o) => o.label)).toEqual(sections.map((key) => blocks.find((b) => b.key === key)!.label));
    expect(chosenBlocks(blocks, WHOLE_TEXT)).toBe(blocks);
    expect(chosenBlocks(blocks, blocks[1].key)).toEqual([blocks[1]]);
  });

  test('the whole report has each table in its place; a section brings its table; a table goes alone', () => {
    const blocks = draftBlocks(national, {})!;
    expect(blocks.map((b) => b.key)).toEqual(['intro', 'section-1', 'section-2', 'table-t2', 'section-3', 'table-t3', 'section-4', 'table-t4', 'section-5', 'section-6']);
    // The 〔待插入〕 placeholder gave way to the table: no inserted text still asks for one.
    expect(JSON.stringify(blocks.filter((b) => !isTableBlock(b)))).not.toContain('待插入');
    const t3 = blocks.find((b) => b.key === 'table-t3')!;
    expect(isTableBlock(t3) && t3.grid.title).toBe('表三 收到和处理政府信息公开申请情况');
    expect(chosenBlocks(blocks, 'section-3').map((b) => b.key)).toEqual(['section-3', 'table-t3']);
    expect(chosenBlocks(blocks, 'table-t3')).toEqual([t3]);
    const insert = wordPaneView({ ...empty, figures: national, blocks }).insert;
    expect(insert.kind === 'parts' && insert.options.find((o) => o.value === 'table-t3')?.label).toBe(W.tableOption('表三 收到和处理政府信息公开申请情况'));
  });

  test('offers only the tables the figures came with; the legacy 统计表 follows the narrative, in no section', () => {
    const onlyT3: LoadedFigures = { ...national, report: { ...national.report!, tables: ['t3'] } };
    const blocks = draftBlocks(onlyT3, {})!;
    expect(blocks.filter(isTableBlock).map((b) => b.key)).toEqual(['table-t3']);
    // Tables 二 and 四 are missing: their placeholders stay in the text.
    expect(JSON.stringify(blocks)).toContain('〔待插入：表二');
    const insert = wordPaneView({ ...empty, figures: onlyT3, blocks }).insert;
    expect(insert.kind === 'parts' && insert.options.filter((o) => o.value.startsWith('table-')).map((o) => o.value)).toEqual(['table-t3']);

    const legacy = draftBlocks(figuresFrom(core, { sheets: [legacySheet('统计表')] }, W.fromDocument), {})!;
    const last = legacy[legacy.length - 1];
    expect(last).toMatchObject({ kind: 'table', key: 'table-legacy' });
    expect(last.section).toBeUndefined();
    expect(chosenBlocks(legacy, WHOLE_TEXT)).toContain(last);
  });

  test('names the parts edited since they were inserted, by their label', () => {
    const blocks = draftBlocks(national, {})!;
    const insert = wordPaneView({ ...empty, figures: national, blocks, edited: [blocks[2].key, 'gone'] }).insert;
    expect(insert).toMatchObject({ kind: 'parts', edited: { title: W.editedTitle, names: `${blocks[2].label}、gone` } });
  });

  test('drafts every format the engine drafts, and says a format without drafting is not supported', () => {
    const legacy = figuresFrom(core, { sheets: [legacySheet('统计表')] }, W.fromDocument);
    expect(draftBlocks(legacy, {})).not.toBeNull();
    // A provincial variant registered before its phrasing is written.
    const provincial: LoadedFigures = { ...legacy, report: { ...legacy.report!, format: 'provincial-2024' as FormatId, formatName: '某省格式' } };
    expect(draftBlocks(provincial, {})).toBeNull();
    expect(wordPaneView({ ...empty, figures: provincial }).insert).toEqual({ kind: 'unsupported', text: W.draftNotSupported('某省格式') });
  });
});

describe('the proofreading section', () => {
  test('shows nothing before proofreading', () => {
    expect(wordPaneView(empty).proofread).toEqual({ outcome: null, uncheckedNote: null, findings: [] });
  });

  test('a figure that disagrees gives the counts and a finding that goes to its sentence', () => {
    const result = proofread([TITLE, '本年度新收政府信息公开申请999件。']);
    const view = wordPaneView({ ...empty, figures: national, proofread: result }).proofread;
    expect(view.outcome).toEqual({ text: W.proofreadSummary(1, 0, 1) });
    expect(view.findings).toHaveLength(1);
    expect(view.findings[0]).toMatchObject({ selectable: true, finding: { rule: 'proofread.count-mismatch', paragraph: 1 } });
    expect(sentenceMarks(result)).toEqual([{ paragraph: 1, offset: 0, text: '本年度新收政府信息公开申请999件。', severity: 'warning' }]);
  });

  test('findings go most severe first, then in reading order; a finding about the whole text is not selectable nor marked', () => {
    const real = proofread([TITLE, '本年度新收政府信息公开申请999件。']).findings[0];
    const at = (severity: ProofFinding['severity'], start: number, paragraph = 1): ProofFinding => ({ ...real, severity, start, paragraph, fingerprint: `${severity}${start}` });
    const result: ProofreadResult = { findings: [at('hint', 5), at('warning', 40), at('warning', 10), at('error', 0, -1)], checked: 3, unchecked: 2, sections: [] };
    const view = wordPaneView({ ...empty, figures: national, proofread: result }).proofread;
    expect(view.findings.map((f) => [f.finding.fingerprint, f.selectable])).toEqual([
      ['error0', false],
      ['warning10', true],
      ['warning40', true],
      ['hint5', true],
    ]);
    expect(view.outcome).toEqual({ text: W.proofreadSummary(3, 1, 2) });
    expect(view.uncheckedNote).toBe(W.uncheckedNote(2));
    expect(sentenceMarks(result).map((m) => m.severity)).toEqual(['hint', 'warning', 'warning']);
  });

  test('agreeing text is the all-clear; text without figures says there was nothing to check', () => {
    const clear = wordPaneView({ ...empty, proofread: { findings: [], checked: 4, unchecked: 0, sections: [] } }).proofread;
    expect(clear.outcome).toEqual({ intent: 'success', title: W.allGoodTitle, text: W.allGood(4) });
    expect(clear.uncheckedNote).toBeNull();
    const nothing = wordPaneView({ ...empty, proofread: proofread([TITLE, '我们认真做好了政府信息公开工作。']) }).proofread;
    expect(nothing.outcome).toEqual({ text: W.nothingToCheck });
  });
});
