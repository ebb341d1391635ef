import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { analyzeWorkbook, type Workbook } from '../../src/core';
import { readInput } from '../../src/io/read';
import { reportDocx, reportHtml } from '../support/documents';
import { findings } from '../support/edit';
import { bareTables2021, legacySheet } from '../support/layouts';

const SEED = path.join(__dirname, '..', '..', '..', 'shared', 'seed', '000_bc870c0a05b91354.txt');

/** What must not depend on the file format: each figure's value, and each finding's substance. */
function substance(wb: Workbook) {
  const a = analyzeWorkbook(wb);
  const figures: Record<string, number | null> = {};
  for (const t of a.tables) for (const [id, f] of Object.entries(t.figures)) figures[id] = f.value;
  const found = findings(a).map((f) => ({ rule: f.rule, severity: f.severity, expected: f.expected, actual: f.actual, indicators: f.indicators, fingerprint: f.fingerprint }));
  return { formats: a.tables.map((t) => `${t.format}/${t.table}`), figures, found };
}

async function viaFile(name: string, content: string | Buffer) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'nianbao-report-')), name);
  writeFileSync(file, content);
  return readInput(file);
}

const seedText = readFileSync(SEED, 'utf8');
const seedProse = seedText.split('\n').filter((l) => !l.includes('|') && l.trim());

describe('published reports as input', () => {
  it('the seed as text, HTML and .docx yields the same figures and findings', async () => {
    const asText = await readInput(SEED);
    const table = legacySheet('x', { title: null });
    const asHtml = await viaFile('seed.html', reportHtml(seedProse, [table]));
    const asDocx = await viaFile('seed.docx', await reportDocx(seedProse, [table]));
    const expected = substance(asText.workbook);
    expect(expected.found.map((f) => f.rule)).toEqual(['legacy.channels-cover-total']);
    expect(substance(asHtml.workbook)).toEqual(expected);
    expect(substance(asDocx.workbook)).toEqual(expected);
    // The prose is kept for proofreading.
    for (const input of [asText, asHtml, asDocx]) expect(input.text).toContain('共主动公开政府信息8295条');
  });

  it('reads the 2021 tables with rowspan and colspan from HTML and .docx as from the workbook', async () => {
    const sheets = bareTables2021();
    const expected = substance({ sheets });
    expect(Object.keys(expected.figures)).toHaveLength(200);
    const paragraphs = ['某县人民政府办公室2023年政府信息公开工作年度报告', '一、总体情况'];
    const html = await viaFile('2023.html', reportHtml(paragraphs, sheets));
    expect(substance(html.workbook)).toEqual(expected);
    const docx = await viaFile('2023.docx', await reportDocx(paragraphs, sheets));
    expect(substance(docx.workbook)).toEqual(expected);
  });

  it('reads an old GBK-encoded page by its declared charset', async () => {
    const head = Buffer.from('<html><head><meta charset="gbk"></head><body><p>', 'latin1');
    const tail = Buffer.from('</p></body></html>', 'latin1');
    const gbk = Buffer.from([0xcd, 0xb3, 0xbc, 0xc6, 0xb1, 0xed]); // 统计表 in GBK
    const input = await viaFile('old.html', Buffer.concat([head, gbk, tail]));
    expect(input.text).toBe('统计表');
  });

  it('reads tables nested in a layout table, and pages with no table at all, without failing', async () => {
    const inner = reportHtml([], [legacySheet('x', { title: null })]).replace(/^.*<body>|<\/body>.*$/gs, '');
    const nested = `<html><body><table><tr><td>版面</td><td>${inner}</td></tr></table></body></html>`;
    const input = await viaFile('nested.html', nested);
    expect(substance(input.workbook).found.map((f) => f.rule)).toEqual(['legacy.channels-cover-total']);
    const none = await viaFile('none.html', '<html><body><p>本年度无统计表。</p></body></html>');
    expect(analyzeWorkbook(none.workbook).notices[0].rule).toBe('recognition.no-template');
    expect(none.text).toBe('本年度无统计表。');
  });
});
