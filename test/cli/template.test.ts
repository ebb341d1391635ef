import ExcelJS from 'exceljs';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { analyzeWorkbook, blankTemplate, plainSums, type Sheet, type WorkbookAnalysis } from '../../src/core';
import { FORMATS } from '../../src/core/formats/registry';
import { indicatorsOf } from '../../src/core/templates/load';
import { readInput } from '../../src/io/read';
import { legacySheet, national2019OneSheet, national2021OneSheet } from '../support/layouts';
import { runCli, tempDir } from '../support/run-cli';

const FORMAT_IDS = ['national-2021', 'national-2019', 'legacy-2016'] as const;

/** A consistent filled table of each format, as offices lay them out: the figures a filled template must give back. */
const SAMPLES: Record<(typeof FORMAT_IDS)[number], () => Sheet> = {
  'national-2021': () => national2021OneSheet('2021'),
  'national-2019': () => national2019OneSheet('2019'),
  'legacy-2016': () => legacySheet('seed'),
};

async function analyzeFile(file: string): Promise<WorkbookAnalysis> {
  const input = await readInput(file);
  return analyzeWorkbook(input.workbook);
}

function figureValues(analysis: WorkbookAnalysis): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const t of analysis.tables) for (const [id, f] of Object.entries(t.figures)) out[id] = f.value ?? null;
  return out;
}

const findingRules = (analysis: WorkbookAnalysis) => analysis.tables.flatMap((t) => t.findings.map((f) => `${f.rule}:${f.severity}`)).sort();

/**
 * Writes figures into a template workbook by the template's addresses. A formula cell keeps its formula and
 * gets the result Excel would cache, computed from the formula's own text (SUM over the cells it names).
 */
async function fill(file: string, format: string, values: Record<string, number | null>): Promise<string> {
  const template = blankTemplate(format);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  const formulaOf = (address: string) => (sheet.getCell(address).value as { formula?: string } | null)?.formula;
  const byAddress = Object.fromEntries(Object.entries(template.addresses).map(([id, address]) => [address, id]));
  const evaluate = (address: string): number => {
    const formula = formulaOf(address);
    if (!formula) return values[byAddress[address]] ?? 0;
    const sum = /^SUM\(([A-Z]+\d+(?:,[A-Z]+\d+)*)\)$/.exec(formula);
    if (!sum) throw new Error(`not a plain SUM: ${formula}`);
    return sum[1].split(',').reduce((s, a) => s + evaluate(a), 0);
  };
  const results = Object.fromEntries(Object.values(template.addresses).map((a) => [a, formulaOf(a) ? evaluate(a) : undefined]));
  for (const [id, address] of Object.entries(template.addresses)) {
    const formula = formulaOf(address);
    sheet.getCell(address).value = formula ? { formula, result: results[address] } : (values[id] ?? null);
  }
  const out = file.replace(/\.xlsx$/, '-filled.xlsx');
  writeFileSync(out, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return out;
}

describe('nianbao template', () => {
  const dir = tempDir('nianbao-template-');

  it.each(FORMAT_IDS)('%s: check reads every indicator of the blank template, blank, with full confidence', async (format) => {
    const out = path.join(dir, `${format}.xlsx`);
    const run = await runCli('template', '--format', format, '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toContain(out);
    const analysis = await analyzeFile(out);
    expect(analysis.notices).toEqual([]);
    const loaded = FORMATS.get(format);
    expect(analysis.tables.map((t) => [t.format, t.table])).toEqual(loaded.template.tables.map((t) => [format, t.id]));
    for (const t of analysis.tables) {
      expect(t.missing).toEqual([]);
      expect(t.weakMatches).toEqual([]);
      // A blank template's only findings: its cells are not filled (blank), so its relationships are not checked yet.
      expect(t.findings.filter((f) => f.kind !== 'blank' && f.kind !== 'not-checked')).toEqual([]);
      expect(t.findings.some((f) => f.kind === 'blank')).toBe(true);
    }
    const values = figureValues(analysis);
    // Every indicator but the optional rows some provinces added (the legacy 电子邮件申请数), which the template leaves out.
    const expected = indicatorsOf(loaded.template).filter((i) => !i.row.optional).map((i) => i.id);
    expect(Object.keys(values).sort()).toEqual(expected.sort());
    expect(Object.values(values).every((v) => v === null)).toBe(true);
  });

  it('check --json prints every figure of the blank template as null', async () => {
    const out = path.join(dir, 'json.xlsx');
    expect((await runCli('template', '--out', out)).code).toBe(0);
    const run = await runCli('check', '--json', out);
    const json = JSON.parse(run.out) as { files: { tables: { format: string; figures: { value: unknown }[] }[] }[] };
    const tables = json.files[0].tables;
    expect(tables.map((t) => t.format)).toEqual(['national-2021', 'national-2021', 'national-2021']);
    expect(tables.flatMap((t) => t.figures)).toHaveLength(200);
    expect(tables.flatMap((t) => t.figures).every((f) => f.value === null)).toBe(true);
  });

  it.each(FORMAT_IDS)('%s: the template filled with a sample gives back its figures and its findings', async (format) => {
    const source = analyzeWorkbook({ sheets: [SAMPLES[format]()] });
    const values = figureValues(source);
    const out = path.join(dir, `${format}-plain.xlsx`);
    expect((await runCli('template', '--format', format, '--out', out)).code).toBe(0);
    const filled = await analyzeFile(await fill(out, format, values));
    expect(figureValues(filled)).toEqual(Object.fromEntries(Object.keys(blankTemplate(format).addresses).map((id) => [id, values[id] ?? null])));
    expect(findingRules(filled)).toEqual(findingRules(source));
    if (format === 'national-2021') expect(findingRules(filled)).toEqual([]);
  });

  it.each(FORMAT_IDS)('%s --formulas: SUM in each plain-sum total over its parts, and the computed totals check clean', async (format) => {
    const out = path.join(dir, `${format}-formulas.xlsx`);
    const run = await runCli('template', '--format', format, '--out', out, '--formulas');
    expect(run.code).toBe(0);
    const template = blankTemplate(format, { formulas: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    const sums = plainSums(format);
    let formulaCells = 0;
    for (const [id, address] of Object.entries(template.addresses)) {
      const value = sheet.getCell(address).value as { formula?: string } | null;
      const parts = sums.get(id);
      if (parts) {
        formulaCells++;
        expect(value?.formula).toBe(`SUM(${parts.filter((p) => template.addresses[p]).map((p) => template.addresses[p]).join(',')})`);
      } else expect(value).toBeNull();
    }
    expect(formulaCells).toBeGreaterThan(0);

    // Checked as written, before any spreadsheet calculates it: the totals read 0, nothing but 未填 reported.
    const blank = await analyzeFile(out);
    expect(blank.tables.flatMap((t) => t.findings).filter((f) => f.kind !== 'blank' && f.kind !== 'not-checked')).toEqual([]);
    expect(blank.tables.flatMap((t) => t.findings).map((f) => f.code)).not.toContain('formulaWithoutResult');

    // The parts from the sample, the totals left to their formulas: no relationship is broken.
    const source = analyzeWorkbook({ sheets: [SAMPLES[format]()] });
    const values = figureValues(source);
    const filled = await analyzeFile(await fill(out, format, values));
    const relationErrors = filled.tables.flatMap((t) => t.findings).filter((f) => f.kind === 'relation');
    const sourceRelationErrors = source.tables.flatMap((t) => t.findings).filter((f) => f.kind === 'relation');
    expect(relationErrors.map((f) => f.rule)).toEqual(sourceRelationErrors.map((f) => f.rule));
    // The same figures as the template without formulas filled with every figure of the sample.
    const plain = path.join(dir, `${format}-without-formulas.xlsx`);
    expect((await runCli('template', '--format', format, '--out', plain)).code).toBe(0);
    expect(figureValues(filled)).toEqual(figureValues(await analyzeFile(await fill(plain, format, values))));
  });

  it('sets the widths, number formats, merges and the heights of rows whose labels wrap', async () => {
    const out = path.join(dir, 'look.xlsx');
    expect((await runCli('template', '--out', out)).code).toBe(0);
    const template = blankTemplate('national-2021');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('统计表');
    expect(template.columnWidths.map((_, c) => sheet.getColumn(c + 1).width)).toEqual(template.columnWidths);
    expect(sheet.getCell(template.addresses['t2.fees']).numFmt).toBe('0.00');
    expect(sheet.getCell(template.addresses['t3.granted.natural']).numFmt).toBe('0');
    expect(sheet.getCell(template.addresses['t3.granted.natural']).border.top?.style).toBe('thin');
    expect(sheet.getCell('A1').border?.top).toBeUndefined();
    // 表三's 勾稽关系 note: over its three label columns and three header rows.
    const note = template.cells.find((c) => c.text.startsWith('（本列数据的勾稽关系为'))!;
    expect(sheet.getCell(note.row + 1, 1).isMerged).toBe(true);
    expect(sheet.getCell(note.row + 3, 3).master.address).toBe(sheet.getCell(note.row + 1, 1).address);
    // (六)其他处理's long labels take more than one line, in a row made tall enough for them.
    const longLabel = template.cells.find((c) => c.text.startsWith('1.申请人无正当理由逾期不补正'))!;
    expect(template.rowLines[longLabel.row]).toBeGreaterThan(1);
    expect(sheet.getRow(longLabel.row + 1).height).toBe(template.rowLines[longLabel.row] * 15);
    expect(sheet.getRow(template.cells.find((c) => c.indicator === 't3.granted.natural')!.row + 1).height).toBeUndefined();
  });

  it('the total cells of 表三 carry formulas, and no formula depends on itself', () => {
    const sums = plainSums('national-2021');
    expect(sums.get('t3.newApplications.total')).toEqual(['t3.newApplications.natural', 't3.newApplications.business', 't3.newApplications.research', 't3.newApplications.publicInterest', 't3.newApplications.legalService', 't3.newApplications.other']);
    const reaches = (id: string, target: string, seen = new Set<string>()): boolean =>
      (sums.get(id) ?? []).some((p) => p === target || (!seen.has(p) && (seen.add(p), reaches(p, target, seen))));
    for (const id of sums.keys()) expect(reaches(id, id)).toBe(false);
  });

  it('refuses a missing --out, an unknown format and an output that is not .xlsx, in Chinese', async () => {
    const noOut = await runCli('template');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--out');
    const badFormat = await runCli('template', '--format', 'national-2030', '--out', path.join(dir, 'x.xlsx'));
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toContain('national-2030');
    const notXlsx = await runCli('template', '--out', path.join(dir, 'x.docx'));
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.err).toContain('.xlsx');
  });
});
