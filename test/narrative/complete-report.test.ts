import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { runDraft } from '../../src/cli/draft';
import { analyzeWorkbook, draftNarrative, reportFigures, reportTableGrids, type TableGrid } from '../../src/core';
import { narrativeToDocx } from '../../src/io/docx';
import { readInput } from '../../src/io/read';
import { narrativeToHtml } from '../../src/io/reportHtml';

/**
 * Round trips of the complete report: every bundled sample drafted to .docx and to .html, read back by the
 * project's own reader and analyzed, gives the figures and findings of the workbook it was drafted from.
 */

const SAMPLES = ['2017-legacy-seed', '2023-national-one-sheet', '2023-national-three-sheets'].map((name) =>
  path.join(__dirname, '../../assets/samples', `${name}.xlsx`),
);

/** Every figure by id: its value, or "blank" / the reading's kind when it has none. */
type Figures = Record<string, number | string>;

interface Reading {
  figures: Figures;
  /** rule | message, cell addresses replaced (the report's cells are not the workbook's). */
  findings: string[];
}

const CELL = /(?:[^\s（）()、，。：]+!)?\$?[A-Z]{1,3}\$?\d+/g;

async function readBack(file: string): Promise<Reading> {
  const input = await readInput(file);
  const analysis = analyzeWorkbook(input.workbook, { text: input.text, pageTitle: input.pageTitle });
  const figures: Figures = {};
  for (const report of reportFigures(analysis)) {
    for (const [id, figure] of Object.entries(report.figures)) figures[id] = figure.value ?? figure.reading.kind;
  }
  const findings = [...analysis.notices, ...analysis.tables.flatMap((t) => t.findings)].map((f) => `${f.rule} | ${f.message.replace(CELL, '〈格〉')}`).sort();
  return { figures, findings };
}

/** Runs `nianbao draft` with its output captured. */
async function draft(args: string[]): Promise<number> {
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await runDraft(args);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('draft --docx / --html then check: the same figures and findings as the workbook', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-report-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(SAMPLES.map((s) => [path.basename(s), s]))('%s', async (_, sample) => {
    const source = await readBack(sample);
    expect(Object.keys(source.figures).length).toBeGreaterThan(50);
    const base = path.join(dir, path.basename(sample, '.xlsx'));
    expect(await draft([sample, '--docx', `${base}.docx`, '--html', `${base}.html`])).toBe(0);
    for (const out of [`${base}.docx`, `${base}.html`]) {
      const back = await readBack(out);
      expect({ out, ...back }).toEqual({ out, ...source });
    }
  });
});

describe('the round trip notices a misplaced cell', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-misplaced-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The grids with the texts of two figure cells of different value exchanged, as a wrong layout would place them. */
  function swapped(grids: TableGrid[], table: string): TableGrid[] {
    return grids.map((grid) => {
      if (grid.table !== table) return grid;
      const rows = grid.rows.map((r) => r.map((c) => ({ ...c })));
      const cells = rows.flat().filter((c) => c.indicator);
      const a = cells.find((c) => c.text !== '')!;
      const b = cells.find((c) => c.text !== a.text)!;
      [a.text, b.text] = [b.text, a.text];
      return { ...grid, rows };
    });
  }

  it.each([
    ['2023-national-one-sheet', 't3'],
    ['2023-national-one-sheet', 't4'],
    ['2017-legacy-seed', 'legacy'],
  ])('%s, table %s', async (name, table) => {
    const sample = SAMPLES.find((s) => s.includes(name))!;
    const source = await readBack(sample);
    const input = await readInput(sample);
    const [report] = reportFigures(analyzeWorkbook(input.workbook, { text: input.text }));
    const narrative = draftNarrative({ format: report.format, figures: report.figures, facts: report.facts });
    const grids = swapped(reportTableGrids(report.format, report.tables, report.figures), table);
    const docx = path.join(dir, `${name}-${table}.docx`);
    const html = path.join(dir, `${name}-${table}.html`);
    writeFileSync(docx, await narrativeToDocx(narrative, { tables: grids }));
    writeFileSync(html, narrativeToHtml(narrative, grids));
    for (const out of [docx, html]) {
      const back = await readBack(out);
      const differing = Object.keys(source.figures).filter((id) => back.figures[id] !== source.figures[id]);
      expect(differing).toHaveLength(2);
    }
  });
});

describe('the HTML page', () => {
  it('is self-contained: no script, no external resource, the tables with rowspan and colspan', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-html-'));
    try {
      const out = path.join(dir, 'report.html');
      expect(await draft([SAMPLES[1], '--html', out])).toBe(0);
      const html = readFileSync(out, 'utf8');
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
      expect(html).toContain('<style>');
      expect(html).toContain('<th colspan="7">申请人情况</th>');
      expect(html).toContain('<th rowspan="2">自然人</th>');
      expect(html).toMatch(/<td rowspan="22" class="left">三、本年度办理结果<\/td>/);
      expect(html).toContain('<table class="compact">');
      expect(html).not.toContain('〔待插入');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
