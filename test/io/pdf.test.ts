/**
 * PDF reports (issue #16): the PDFs in test/fixtures/pdf, printed from the project's own reports by
 * LibreOffice and Chromium (scripts/make-pdf-fixtures.sh), read to the same figures, facts and findings
 * as the report each was printed from; scans, encrypted and corrupt files are refused with a sentence.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyzeWorkbook, proofreadText, proofreadTextAlone, reportFigures } from '../../src/core';
import { UnreadableInputError } from '../../src/io/errors';
import { readInput } from '../../src/io/read';
import { runCli } from '../support/run-cli';

const ROOT = path.join(__dirname, '..', '..');
const PDF = path.join(ROOT, 'test', 'fixtures', 'pdf');

/** What checking a file gives: each report's format, tables, facts and figures, and every finding's rule. */
async function checked(file: string) {
  const input = await readInput(file);
  const analysis = analyzeWorkbook(input.workbook, { text: input.text, pageTitle: input.pageTitle });
  return {
    analysis,
    reports: reportFigures(analysis).map((r) => ({
      format: r.format,
      tables: r.tables,
      facts: r.facts,
      figures: Object.fromEntries(Object.entries(r.figures).map(([id, f]) => [id, f.value])),
    })),
    findings: [...analysis.tables.flatMap((t) => t.findings), ...analysis.notices].map((f) => `${f.severity} ${f.rule} ${f.indicators.join(',')}`).sort(),
  };
}

describe.each([
  ['2021-pingtan-libreoffice.pdf', 'test/fixtures/real/2021-city-pingtan.html', 200],
  ['2021-pingtan-chromium.pdf', 'test/fixtures/real/2021-city-pingtan.html', 200],
  ['2017-legacy-seed-unruled-chromium.pdf', 'assets/samples/2017-legacy-seed.xlsx', 58],
  // Unruled: grouped headers over several lines, row labels wrapped beside their figures, 表四's one row of fifteen.
  ['2021-pingtan-unruled-chromium.pdf', 'test/fixtures/real/2021-city-pingtan.html', 200],
  ['2022-pingtan-unruled-chromium.pdf', 'test/fixtures/real/2022-city-pingtan.html', 200],
  ['2019-shanghai-unruled-chromium.pdf', 'test/fixtures/real/2019-province-dept-shanghai-bgt.html', 198],
  ['2023-draft-unruled-libreoffice.pdf', 'test/fixtures/pdf/2023-draft-unruled.docx', 200],
])('%s', (pdf, source, figureCount) => {
  it(`reads to the same figures, facts and findings as ${source}`, async () => {
    const [fromPdf, fromSource] = await Promise.all([checked(path.join(PDF, pdf)), checked(path.join(ROOT, source))]);
    expect(fromSource.reports).toHaveLength(1);
    expect(Object.keys(fromSource.reports[0].figures)).toHaveLength(figureCount);
    expect(fromPdf.reports).toEqual(fromSource.reports);
    expect(fromPdf.findings).toEqual(fromSource.findings);
  });
});

// Random consistent 2021 reports printed unruled by Chromium in a layout drawn from the same seed
// (scripts/make-pdf-random.ts): each reads to every figure it was made from.
const RANDOM = path.join(PDF, 'random');
describe.each(readdirSync(RANDOM).filter((f) => f.endsWith('.json')))('random report %s', (json) => {
  it('reads to the figures it was drawn with', async () => {
    const source = JSON.parse(readFileSync(path.join(RANDOM, json), 'utf8')) as { format: string; figures: Record<string, number | null> };
    const { reports } = await checked(path.join(RANDOM, json.replace(/\.json$/, '-chromium.pdf')));
    expect(Object.keys(source.figures)).toHaveLength(200);
    expect(reports).toHaveLength(1);
    expect(reports[0].format).toBe(source.format);
    expect(reports[0].figures).toEqual(source.figures);
  });
});

describe.each([
  ['2021-pingtan-libreoffice.pdf', 'test/fixtures/real/2021-city-pingtan.html'],
  ['2021-pingtan-chromium.pdf', 'test/fixtures/real/2021-city-pingtan.html'],
  ['2023-mianxian-no-table-libreoffice.pdf', 'test/fixtures/real/2023-county-mianxian.txt'],
])('the text of %s', (pdf, source) => {
  /** Proofreading's verdict on a file's text, against its own table when it has one: what a reader of the findings sees. */
  async function proofread(file: string) {
    const input = await readInput(file);
    const [report] = reportFigures(analyzeWorkbook(input.workbook, { text: input.text, pageTitle: input.pageTitle }));
    const result = report ? proofreadText(input.text ?? '', report) : proofreadTextAlone(input.text ?? '');
    return { checked: result.checked, unchecked: result.unchecked, sections: result.sections, findings: result.findings.map((f) => `${f.severity} ${f.rule} ${f.quote} ${f.message}`) };
  }

  it(`proofreads as ${source} does: the same claims checked, sections and findings`, async () => {
    const [fromPdf, fromSource] = await Promise.all([proofread(path.join(PDF, pdf)), proofread(path.join(ROOT, source))]);
    expect(fromSource.checked + fromSource.findings.length).toBeGreaterThan(0);
    expect(fromPdf).toEqual(fromSource);
  });
});

describe('cells named as a reader of the printed report finds them', () => {
  // Counted by hand on the pages (pdftoppm): the row from the table's first line on that page, header lines included.
  it.each([
    ['pdf/2017-legacy-seed-unruled-chromium.pdf', '主动公开政府信息数（第1页 第3行第3列）8295'],
    ['real/2023-county-hongze.pdf', '行政复议（总计）（第4页 表四 第4行第5列）为0'],
    ['real/2023-county-hongze.pdf', '复议后起诉（总计）（第4页 表四 第4行第15列）为0'],
  ])('%s: “%s”', async (file, words) => {
    const { analysis } = await checked(path.join(ROOT, 'test', 'fixtures', file));
    expect(analysis.tables.flatMap((t) => t.findings).map((f) => f.message).join('\n')).toContain(words);
  });

  it('every row of every PDF sheet has its place on paper, within the pages the sheet spans', async () => {
    const files = [...readdirSync(PDF).filter((f) => f.endsWith('.pdf') && !['scanned.pdf', 'encrypted.pdf', 'corrupt.pdf'].includes(f)).map((f) => path.join(PDF, f)), path.join(ROOT, 'test/fixtures/real/2023-county-hongze.pdf')];
    for (const file of files) {
      for (const sheet of (await readInput(file)).workbook.sheets) {
        const [first, last = first] = (/第(\d+)(?:–(\d+))?页/.exec(sheet.name) ?? []).slice(1).filter(Boolean).map(Number);
        expect([file, sheet.printedRows?.length]).toEqual([file, sheet.rows.length]);
        for (const at of sheet.printedRows ?? []) if (at) expect([file, at.page >= first && at.page <= last, at.row >= 1]).toEqual([file, true, true]);
        // Every row that holds a figure is placed on paper.
        sheet.rows.forEach((row, r) => {
          if (row?.some((c) => typeof c?.value === 'number')) expect([file, r, sheet.printedRows?.[r] !== undefined]).toEqual([file, r, true]);
        });
      }
    }
  }, 120_000);
});

it('a table split over pages is joined into one sheet named for its pages, and findings name them', async () => {
  const { analysis } = await checked(path.join(PDF, '2021-pingtan-libreoffice.pdf'));
  const t3 = analysis.tables.find((t) => t.table === 't3')!;
  // Table 三 starts at the foot of page 3 and ends on page 5 (pdftotext -f 3 -l 5 shows it).
  expect(t3.sheet).toBe('第3–5页');
  expect(t3.figures['t3.newApplications.total']?.value).toBe(70);
  expect(t3.figures['t3.carryForward.total']?.value).toBe(1);
  const seed = await checked(path.join(PDF, '2017-legacy-seed-unruled-chromium.pdf'));
  const cells = seed.analysis.tables.flatMap((t) => t.findings).flatMap((f) => f.cells);
  expect(cells.length).toBeGreaterThan(0);
  for (const cell of cells) expect(cell).toMatch(/^'第\d+(–\d+)?页'!/);
});

it('the prose of a drafted .docx printed by LibreOffice reads as the same paragraphs', async () => {
  const [docx, pdf] = await Promise.all([readInput(path.join(PDF, '2023-draft.docx')), readInput(path.join(PDF, '2023-draft-libreoffice.pdf'))]);
  const paragraphs = (text: string | undefined) => (text ?? '').split('\n').map((p) => p.replace(/\s+/g, ''));
  expect(paragraphs(docx.text).length).toBeGreaterThan(20);
  expect(paragraphs(pdf.text)).toEqual(paragraphs(docx.text));
});

it('reads text in GBK codes through the bundled CJK character maps, offline, full-width figures as figures', async () => {
  // The font is not embedded: without pdfjs-dist's cmaps/GBK-EUC-H.bcmap the page has no text at all.
  const input = await readInput(path.join(PDF, 'gbk-cmap.pdf'));
  expect(input.text).toBe('某县人民政府2021年政府信息公开工作年度报告\n本年度共收到政府信息公开申请70件。');
});

describe('refusals', () => {
  it.each([
    ['scanned.pdf', /这是扫描件，没有可识别的文字/],
    ['encrypted.pdf', /设置了密码（文件已加密）/],
    ['corrupt.pdf', /文件已损坏、不完整或不是有效的 PDF 文件/],
  ])('%s is refused with its own sentence', async (file, sentence) => {
    const read = readInput(path.join(PDF, file));
    await expect(read).rejects.toThrow(UnreadableInputError);
    await expect(read).rejects.toThrow(sentence);
  });

  it('a PDF with no table is checked for nothing it does not hold: check exits 2 and says it is a PDF of text only', async () => {
    const file = path.join(PDF, '2023-mianxian-no-table-libreoffice.pdf');
    const { analysis } = await checked(file);
    expect(analysis.tables).toEqual([]);
    expect(analysis.notices.map((n) => n.code)).toEqual(['noTableInDocument']);
    const run = await runCli('check', file);
    expect(run.code).toBe(2);
    expect(run.err).toContain('这份PDF文件中没有找到政府信息公开工作年度报告统计表，只读到了文字');
    expect(run.err).not.toContain('工作簿');
  });

  it('check exits 2 on a scan and says why', async () => {
    const run = await runCli('check', path.join(PDF, 'scanned.pdf'));
    expect(run.code).toBe(2);
    expect(run.out + run.err).toMatch(/这是扫描件/);
  });
});
