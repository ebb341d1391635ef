/**
 * Data safety on real .xlsx files (issue 7): the annotated copy differs from the original only in the
 * fill and note of cells that take part in a finding; annotating twice changes nothing more; totals
 * never writes over a formula. There is no "clear" command in the CLI: the original file is never
 * touched (test/safety/inputs.test.ts), so it is the cleared state, and these tests prove the copy
 * differs from it in nothing else.
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { analyzeWorkbook, planTotals, type Workbook } from '../../src/core';
import { readInput } from '../../src/io/read';
import { gridToWorkbook, SEVERITY_FILLS } from '../../src/io/xlsx';
import { findings, withFigures } from '../support/edit';
import { legacySheet, national2021OneSheet } from '../support/layouts';
import { runCli, tempDir } from '../support/run-cli';
import { snapshot, styleWithoutFill } from './snapshot';

/**
 * A workbook as a user formats it: their own fills (one on a cell the checks will flag), bold
 * headers, borders, a number format, a column width, a formula, and values the checks will flag.
 */
async function userWorkbook(dir: string, grid: Workbook, sheet: string, flagged: string, plain: string): Promise<string> {
  const wb = gridToWorkbook(grid);
  const ws = wb.getWorksheet(sheet)!;
  ws.getCell(flagged).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
  ws.getCell(flagged).font = { name: '仿宋', size: 12, bold: true };
  ws.getCell(flagged).border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  ws.getCell(plain).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell(plain).numFmt = '#,##0';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getColumn(1).width = 48;
  const file = path.join(dir, 'original.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

interface Scenario {
  name: string;
  grid: Workbook;
  sheet: string;
  /** A cell that takes part in a finding, and one that does not. */
  flagged: string;
  plain: string;
}

const SCENARIOS: Scenario[] = [
  // The seed: channels below the total, an error over C5 and C9..C13.
  { name: 'the legacy seed table', grid: { sheets: [legacySheet('统计表')] }, sheet: '统计表', flagged: 'C9', plain: 'C20' },
  {
    name: 'a 2021 table with an error, a warning and a hint',
    grid: withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't3.granted.total': 30, 't3.partial.natural': null, 't2.licensing': '1,256' }),
    sheet: '统计表',
    flagged: 'J25',
    plain: 'F23',
  },
];

describe.each(SCENARIOS)('annotating $name', ({ grid, sheet, flagged, plain }) => {
  let original: Awaited<ReturnType<typeof snapshot>>;
  let annotated: Awaited<ReturnType<typeof snapshot>>;
  let findingCells: Map<string, string>;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('nianbao-safety-');
    const file = await userWorkbook(dir, grid, sheet, flagged, plain);
    const copy = path.join(dir, 'annotated.xlsx');
    const result = await runCli('check', file, '--annotate', copy, '--json');
    const json = JSON.parse(result.out);
    findingCells = new Map();
    const rank = { hint: 1, warning: 2, error: 3 } as const;
    for (const f of [...json.files[0].notices, ...json.files[0].tables.flatMap((t: { findings: unknown[] }) => t.findings)] as { cells: string[]; severity: keyof typeof rank }[]) {
      for (const ref of f.cells) {
        const worst = findingCells.get(ref) as keyof typeof rank | undefined;
        if (!worst || rank[f.severity] > rank[worst]) findingCells.set(ref, f.severity);
      }
    }
    original = await snapshot(file);
    annotated = await snapshot(copy);
  });

  it('flags the cell the user had filled and leaves the unrelated one alone', () => {
    expect(findingCells.has(`${sheet}!${flagged}`)).toBe(true);
    expect(findingCells.has(`${sheet}!${plain}`)).toBe(false);
  });

  it('keeps every value, merge, column width and protection of the original', () => {
    expect(annotated.sheets).toBe(original.sheets);
    for (const [ref, cell] of original.cells) expect([ref, annotated.cells.get(ref)?.value]).toEqual([ref, cell.value]);
  });

  it('changes the fill and note of finding cells only, and nothing else of their style', () => {
    for (const [ref, after] of annotated.cells) {
      const before = original.cells.get(ref) ?? { value: 'null', style: '{}', note: 'null' };
      const severity = findingCells.get(ref);
      if (!severity) {
        expect([ref, after.style, after.note]).toEqual([ref, before.style, before.note]);
        continue;
      }
      expect([ref, styleWithoutFill(after.style)]).toEqual([ref, styleWithoutFill(before.style)]);
      expect(JSON.parse(after.style).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILLS[severity as keyof typeof SEVERITY_FILLS] } });
    }
  });

  it('annotating the annotated copy again gives the same workbook', async () => {
    const again = path.join(dir, 'annotated-again.xlsx');
    await runCli('check', path.join(dir, 'annotated.xlsx'), '--annotate', again);
    const twice = await snapshot(again);
    expect(twice.sheets).toBe(annotated.sheets);
    expect(new Map([...twice.cells])).toEqual(annotated.cells);
  });
});

describe('totals on a real .xlsx', () => {
  it('never writes over a formula, right or wrong, and changes nothing but the planned cells', async () => {
    const dir = tempDir('nianbao-safety-');
    const grid = withFigures(
      { sheets: [national2021OneSheet('统计表')] },
      {
        // A wrong typed total (to be rewritten), a formula with a wrong cached result, a right one, and a blank total.
        't3.granted.total': 30,
        't4.review.total': { value: 3, formula: '=SUM(A54:D54)' },
        't4.litigationDirect.total': { value: 2, formula: '=SUM(F54:I54)' },
        't3.partial.total': null,
      },
    );
    const input = path.join(dir, 'in.xlsx');
    await gridToWorkbook(grid).xlsx.writeFile(input);
    const out = path.join(dir, 'out.xlsx');
    const result = await runCli('totals', input, '--out', out, '--fill-blanks', '--json');
    // The table's wrong totals are 强制 findings: totals exits 1, as check does, after writing the copy.
    expect(result.code).toBe(1);
    const plan = JSON.parse(result.out).plan as { writes: { cell: string; after: number }[]; skipped: { cell: string; reason: string }[] };
    expect(plan.skipped.filter((s) => s.reason === 'formula').map((s) => s.cell)).toEqual(['统计表!E53']);

    const before = await snapshot(input);
    const after = await snapshot(out);
    const planned = new Map(plan.writes.map((w) => [w.cell, w.after]));
    expect(planned.size).toBeGreaterThan(0);
    for (const [ref, cell] of after.cells) {
      if (planned.has(ref)) expect([ref, JSON.parse(cell.value)]).toEqual([ref, planned.get(ref)]);
      else expect([ref, cell.value]).toEqual([ref, before.cells.get(ref)?.value ?? 'null']);
    }
    const formulas: string[] = [];
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    copy.getWorksheet('统计表')!.eachRow((row) => row.eachCell((c) => c.formula && formulas.push(`${c.address}=${c.formula}`)));
    expect(formulas.sort()).toEqual(['E53=SUM(A54:D54)', 'J53=SUM(F54:I54)']);
  });
});

describe('the copies patch the original package', () => {
  /** The first <font> of styles.xml: the workbook's default font, used by every cell without one of its own. */
  const defaultFontName = async (file: string) => {
    const styles = await (await JSZip.loadAsync(readFileSync(file))).file('xl/styles.xml')!.async('string');
    return /<fonts[^>]*>\s*<font>[\s\S]*?<name val="([^"]+)"/.exec(styles)?.[1];
  };
  /** Parts a copy may change: the sheet, the styles and the workbook (recalculation), the notes' parts and the part list. */
  const mayChange = (name: string) => /^xl\/(worksheets\/|styles\.xml$|workbook\.xml$|comments\d+\.xml$|drawings\/vmlDrawing)|^\[Content_Types\]\.xml$/.test(name);

  // exceljs wrote its own font 0 (Calibri 11), so cells in a Chinese workbook's default font (宋体, 等线)
  // showed in Calibri, and dropped the parts it does not model (charts, pivot tables).
  it.each(['check', 'totals'])('%s keeps a default font of 宋体, a chart and every other part byte for byte', async (command) => {
    const dir = tempDir('nianbao-safety-');
    const grid = withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't3.granted.total': 30, 't3.partial.total': null });
    const zip = await JSZip.loadAsync(await gridToWorkbook(grid).xlsx.writeBuffer());
    const styles = await zip.file('xl/styles.xml')!.async('string');
    zip.file('xl/styles.xml', styles.replace('<name val="Calibri"/>', '<name val="宋体"/>'));
    zip.file('xl/charts/chart1.xml', '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>');
    zip.file('xl/charts/_rels/chart1.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
    const file = path.join(dir, 'songti.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await defaultFontName(file)).toBe('宋体');
    const copy = path.join(dir, 'copy.xlsx');
    const run = command === 'check' ? await runCli('check', file, '--annotate', copy) : await runCli('totals', file, '--out', copy, '--fill-blanks');
    // 't3.granted.total': 30 is a 强制 finding: both commands exit 1 (totals after writing its copy).
    expect(run.code).toBe(1);
    expect(await defaultFontName(copy)).toBe('宋体');
    const after = await JSZip.loadAsync(readFileSync(copy));
    for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir && !mayChange(n))) {
      expect([name, Buffer.compare(await zip.file(name)!.async('nodebuffer'), await after.file(name)!.async('nodebuffer'))]).toEqual([name, 0]);
    }
    const added = Object.keys(after.files).filter((n) => !zip.files[n] && !n.endsWith('/'));
    expect(added.sort()).toEqual(command === 'check' ? ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/worksheets/_rels/sheet1.xml.rels'] : []);
    if (command === 'totals') {
      // The written totals read back as numbers, and the copy checks clean.
      const analysis = analyzeWorkbook((await readInput(copy)).workbook);
      expect(findings(analysis).map((f) => f.rule)).toEqual([]);
      expect(planTotals(analysis.tables).writes).toEqual([]);
    }
  });
});
