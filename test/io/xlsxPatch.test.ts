/**
 * The annotated and totals copies patch the original package (src/io/xlsxPatch/): these tests build
 * a package by hand where exceljs would not (attributes in odd order, self-closing cells, empty rows,
 * missing rows, entities, a formula, sheets whose parts are not in sheet order) and check the copy
 * changes exactly the cells asked for.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { Finding, PlannedWrite, Severity } from '../../src/core/types';
import { readInput } from '../../src/io/read';
import { SEVERITY_FILLS } from '../../src/io/xlsx';
import { annotateCopy, totalsCopy } from '../../src/io/xlsxPatch';

const SHEET_DATA =
  '<sheetData>' +
  '<row r="1"><c t="inlineStr" r="A1"><is><t>a &amp; b &lt; c</t></is></c></row>' +
  '<row spans="2:5" r="2"><c s="1" r="B2"><v>5</v></c><c r="C2"><f>B2*2</f><v>10</v></c><c r="E2" t="s"><v>0</v></c></row>' +
  '<row r="3"/>' +
  "<row r='5' s='1' customFormat='1'><c r='A5'/></row>" +
  '</sheetData>';

/**
 * Two sheets, 说明 and 统计表, where 统计表 lives in sheet1.xml (not by position); a default font of 宋体;
 * a chart part exceljs knows nothing of.
 */
async function fixture(): Promise<{ data: Buffer; zip: JSZip }> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '说明文字';
  const ws = wb.addWorksheet('统计表');
  ws.getCell('B2').value = 5;
  ws.getCell('B2').font = { bold: true, name: '仿宋' };
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sheet1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const sheet2 = (await zip.file('xl/worksheets/sheet2.xml')!.async('string')).replace(/<sheetData>[\s\S]*<\/sheetData>/, SHEET_DATA);
  zip.file('xl/worksheets/sheet1.xml', sheet2);
  zip.file('xl/worksheets/sheet2.xml', sheet1);
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet1.xml', 'worksheets/TMP').replace('worksheets/sheet2.xml', 'worksheets/sheet1.xml').replace('worksheets/TMP', 'worksheets/sheet2.xml'));
  const styles = await zip.file('xl/styles.xml')!.async('string');
  zip.file('xl/styles.xml', styles.replace('<name val="Calibri"/>', '<name val="宋体"/>'));
  zip.file('xl/charts/chart1.xml', '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>');
  zip.file('xl/charts/_rels/chart1.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
  const data = await zip.generateAsync({ type: 'nodebuffer' });
  return { data, zip: await JSZip.loadAsync(data) };
}

function finding(severity: Severity, message: string, ...cells: string[]): Finding {
  return { rule: 'test', severity, kind: 'sum', table: 't', message, cells, indicators: [], fingerprint: message } as unknown as Finding;
}

const text = async (zip: JSZip, part: string) => zip.file(part)!.async('string');
const cellOf = (xml: string, ref: string) => new RegExp(`<c\\b[^>]*\\br=["']${ref}["'][^>]*?(/>|>[\\s\\S]*?</c>)`).exec(xml)?.[0];
const refsOfRow = (xml: string, row: number) => [...(new RegExp(`<row\\b[^>]*r=["']${row}["'][^>]*>([\\s\\S]*?)</row>`).exec(xml)?.[1] ?? '').matchAll(/\br=["']([A-Z]+\d+)["']/g)].map((m) => m[1]);

async function readBack(data: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.getWorksheet('统计表')!;
}

describe('annotateCopy', () => {
  const findings = [
    finding('error', '合计不等于各项之和：应为 8278', '统计表!B2', '统计表!D4'),
    finding('warning', '空单元格', '统计表!D2', '统计表!C5'),
    finding('hint', '空行', '统计表!B3', '统计表!F7'),
    finding('hint', '说明页', '说明!A1'),
  ];
  let original: JSZip;
  let copy: JSZip;
  let copyData: Buffer;

  beforeAll(async () => {
    const f = await fixture();
    original = f.zip;
    const result = await annotateCopy(f.data, findings);
    expect(result.sheetsWithoutNotes).toEqual([]);
    copyData = result.data;
    copy = await JSZip.loadAsync(copyData);
  });

  it('keeps every part it has no reason to change byte for byte, the chart and the default font included', async () => {
    const changed = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/styles.xml', '[Content_Types].xml'];
    for (const name of Object.keys(original.files).filter((n) => !original.files[n].dir && !changed.includes(n))) {
      expect([name, Buffer.compare(await original.file(name)!.async('nodebuffer'), await copy.file(name)!.async('nodebuffer'))]).toEqual([name, 0]);
    }
    expect(await text(copy, 'xl/charts/chart1.xml')).toContain('<c:chart/>');
    const fonts = (xml: string) => /<fonts[\s\S]*<\/fonts>/.exec(xml)![0];
    expect(fonts(await text(copy, 'xl/styles.xml'))).toBe(fonts(await text(original, 'xl/styles.xml')));
    expect(fonts(await text(copy, 'xl/styles.xml'))).toContain('<name val="宋体"/>');
  });

  it('finds 统计表 in sheet1.xml through the workbook relationships, not by position', async () => {
    expect(cellOf(await text(copy, 'xl/worksheets/sheet1.xml'), 'B2')).not.toBe(cellOf(await text(original, 'xl/worksheets/sheet1.xml'), 'B2'));
    const ws = await readBack(copyData);
    expect((ws.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(SEVERITY_FILLS.error);
  });

  it('inserts missing cells and rows in order and leaves every other cell as it was, byte for byte', async () => {
    const before = await text(original, 'xl/worksheets/sheet1.xml');
    const after = await text(copy, 'xl/worksheets/sheet1.xml');
    expect(refsOfRow(after, 2)).toEqual(['B2', 'C2', 'D2', 'E2']);
    expect(refsOfRow(after, 5)).toEqual(['A5', 'C5']);
    expect([...after.matchAll(/<row\b[^>]*?\br=["'](\d+)["']/g)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 7]);
    for (const ref of ['A1', 'C2', 'E2', 'A5']) expect([ref, cellOf(after, ref)]).toEqual([ref, cellOf(before, ref)]);
    const outside = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '').replace(/<legacyDrawing [^>]*\/>/, '');
    expect(outside(after)).toBe(outside(before));
  });

  it('fills finding cells only, keeping the rest of their style, the row style for a new cell, and every value', async () => {
    const ws = await readBack(copyData);
    const fill = (ref: string) => (ws.getCell(ref).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(['B2', 'D2', 'B3', 'D4', 'C5', 'F7'].map(fill)).toEqual([SEVERITY_FILLS.error, SEVERITY_FILLS.warning, SEVERITY_FILLS.hint, SEVERITY_FILLS.error, SEVERITY_FILLS.warning, SEVERITY_FILLS.hint]);
    expect(['A1', 'C2', 'E2', 'A5'].map(fill)).toEqual([undefined, undefined, undefined, undefined]);
    expect(ws.getCell('B2').font).toMatchObject({ bold: true, name: '仿宋' });
    // C5 had no cell of its own: it showed its row's style (s=1), and keeps showing it under the fill.
    expect(ws.getCell('C5').font).toMatchObject({ bold: true, name: '仿宋' });
    expect(ws.getCell('D2').font?.name).toBe('宋体');
    expect([ws.getCell('A1').value, ws.getCell('B2').value, ws.getCell('C2').formula, ws.getCell('E2').value, ws.getCell('D2').value]).toEqual(['a & b < c', 5, 'B2*2', '说明文字', null]);
  });

  it('attaches each message as a note on the finding’s first cell, once, also when annotating the copy again', async () => {
    const ws = await readBack(copyData);
    expect(String(ws.getCell('B2').note)).toContain('8278');
    expect(String(ws.getCell('D2').note)).toContain('空单元格');
    expect(ws.getCell('D4').note).toBeUndefined();
    const again = await annotateCopy(copyData, findings);
    const twice = await readBack(again.data);
    expect(JSON.stringify(twice.getCell('B2').note)).toBe(JSON.stringify(ws.getCell('B2').note));
    expect((await JSZip.loadAsync(again.data)).file('xl/comments3.xml')).toBeNull();
  });
});

describe('totalsCopy', () => {
  const write = (cell: string, row: number, col: number, after: number) => ({ cell: `统计表!${cell}`, sheet: '统计表', row, col, after }) as PlannedWrite;

  it('writes numbers over strings and into missing cells, never over a formula, and asks for recalculation', async () => {
    const { data, zip: original } = await fixture();
    const result = await totalsCopy(data, [write('E2', 1, 4, 7), write('D4', 3, 3, 12), write('C2', 1, 2, 99), write('B2', 1, 1, 6)]);
    expect(result.refused).toEqual(['统计表!C2']);
    const copy = await JSZip.loadAsync(result.data);
    const before = await text(original, 'xl/worksheets/sheet1.xml');
    const after = await text(copy, 'xl/worksheets/sheet1.xml');
    expect(cellOf(after, 'E2')).toBe('<c r="E2"><v>7</v></c>');
    expect(cellOf(after, 'B2')).toBe('<c s="1" r="B2"><v>6</v></c>');
    expect(cellOf(after, 'D4')).toBe('<c r="D4"><v>12</v></c>');
    expect(cellOf(after, 'C2')).toBe(cellOf(before, 'C2'));
    expect(cellOf(after, 'A1')).toBe(cellOf(before, 'A1'));
    expect(await text(copy, 'xl/workbook.xml')).toMatch(/<calcPr calcId="\d+" fullCalcOnLoad="1"\/>/);
    for (const name of ['xl/styles.xml', 'xl/sharedStrings.xml', 'xl/charts/chart1.xml', 'xl/worksheets/sheet2.xml', '[Content_Types].xml']) {
      expect([name, await text(copy, name)]).toEqual([name, await text(original, name)]);
    }

    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-patch-'));
    writeFileSync(path.join(dir, 'out.xlsx'), result.data);
    const sheet = (await readInput(path.join(dir, 'out.xlsx'))).workbook.sheets.find((s) => s.name === '统计表')!;
    expect([sheet.rows[1][1]?.value, sheet.rows[1][2], sheet.rows[1][4]?.value, sheet.rows[3][3]?.value]).toEqual([6, { value: 10, formula: '=B2*2' }, 7, 12]);
  });

  it('adds calcPr where the workbook has none, in its place before any later element', async () => {
    const { zip } = await fixture();
    const workbook = await text(zip, 'xl/workbook.xml');
    zip.file('xl/workbook.xml', workbook.replace(/<calcPr[^>]*\/>/, '').replace('</workbook>', '<extLst/></workbook>'));
    const result = await totalsCopy(await zip.generateAsync({ type: 'nodebuffer' }), [write('E2', 1, 4, 7)]);
    expect(await text(await JSZip.loadAsync(result.data), 'xl/workbook.xml')).toContain('</sheets><calcPr fullCalcOnLoad="1"/><extLst/></workbook>');
  });
});

describe('unusual packages', () => {
  it('patches a sheet whose elements carry a namespace prefix, and one with an empty <sheetData/>', async () => {
    const { zip } = await fixture();
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    zip.file('xl/worksheets/sheet1.xml', `<x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>1</x:v></x:c></x:row></x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`);
    zip.file('xl/worksheets/sheet2.xml', `<worksheet xmlns="${main}"><sheetData/></worksheet>`);
    const data = await zip.generateAsync({ type: 'nodebuffer' });
    const annotated = await JSZip.loadAsync((await annotateCopy(data, [finding('error', '甲', '统计表!A1', '统计表!C1'), finding('hint', '乙', '说明!B2')])).data);
    const sheet = await text(annotated, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/^<x:worksheet xmlns:x="[^"]+"><x:sheetData><x:row r="1"><x:c r="A1" s="\d+"><x:v>1<\/x:v><\/x:c><x:c r="C1" s="\d+"\/><\/x:row><\/x:sheetData><x:pageMargins [^>]+\/><x:legacyDrawing [^>]+\/><\/x:worksheet>$/);
    expect(await text(annotated, 'xl/worksheets/sheet2.xml')).toMatch(/^<worksheet xmlns="[^"]+"><sheetData><row r="2"><c r="B2" s="\d+"\/><\/row><\/sheetData><legacyDrawing [^>]+\/><\/worksheet>$/);
    const totals = await JSZip.loadAsync((await totalsCopy(data, [{ cell: '统计表!B1', sheet: '统计表', row: 0, col: 1, after: 3 } as PlannedWrite])).data);
    expect(await text(totals, 'xl/worksheets/sheet1.xml')).toContain('</x:c><x:c r="B1"><x:v>3</x:v></x:c></x:row>');
  });

  it('keeps a user’s own note and adds the message to it, once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('统计表');
    ws.getCell('B2').value = 5;
    ws.getCell('B2').note = '用户自己的批注';
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const issues = [finding('error', '合计有误', '统计表!B2'), finding('warning', '缺少数据', '统计表!C3')];
    const once = (await annotateCopy(data, issues)).data;
    const twice = (await annotateCopy(once, issues)).data;
    for (const copy of [once, twice]) {
      const sheet = await readBack(copy);
      const note = JSON.stringify(sheet.getCell('B2').note);
      expect([note.includes('用户自己的批注'), note.split('合计有误').length - 1]).toEqual([true, 1]);
      expect(JSON.stringify(sheet.getCell('C3').note)).toContain('缺少数据');
      const vml = await text(await JSZip.loadAsync(copy), 'xl/drawings/vmlDrawing1.vml');
      expect(vml.match(/<v:shape /g)).toHaveLength(2);
    }
  });

  it('leaves notes out, and says so, on a sheet with a VML drawing but no comments', async () => {
    const { zip } = await fixture();
    zip.file('xl/worksheets/_rels/sheet1.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>');
    zip.file('xl/drawings/vmlDrawing1.vml', '<xml/>');
    const result = await annotateCopy(await zip.generateAsync({ type: 'nodebuffer' }), [finding('error', '合计有误', '统计表!B2')]);
    expect(result.sheetsWithoutNotes).toEqual(['统计表']);
    const copy = await JSZip.loadAsync(result.data);
    expect(Object.keys(copy.files).filter((n) => n.includes('comments'))).toEqual([]);
    expect(await text(copy, 'xl/drawings/vmlDrawing1.vml')).toBe('<xml/>');
    expect(((await readBack(result.data)).getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(SEVERITY_FILLS.error);
  });
});

describe('comments, CDATA sections and processing instructions that look like elements (issue 13)', () => {
  /** Decoys in every part a copy patches: each reads like an element a regular expression would find. */
  const decoy = (text: string) => `<!-- ${text} --><![CDATA[ ${text} ]]><?decoy ${text} ?>`;
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

  async function decoyed(withNote: boolean): Promise<{ data: Buffer; zip: JSZip }> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').getCell('A1').value = '说明文字';
    const ws = wb.addWorksheet('统计表');
    ws.getCell('B2').value = 5;
    ws.getCell('D4').value = 1;
    if (withNote) ws.getCell('B2').note = '用户自己的批注';
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const edit = async (part: string, change: (xml: string) => string) => zip.file(part, change(await zip.file(part)!.async('string')));
    await edit('xl/worksheets/sheet2.xml', (xml) =>
      // The cell and row decoys first: later decoys hold text like them.
      xml
        .replace('<c r="B2">', `<c r="B2">${decoy('<f>B1</f>')}`)
        .replace('<row r="4"', `${decoy('<row r="4"/>')}<row r="4"`)
        .replace('<sheetData>', `${decoy('<sheetData/>')}<sheetData>${decoy('<row r="2"><c r="B2"><v>1</v></c></row>')}`)
        .replace('<pageMargins', `${decoy('<extLst/><tableParts/>')}<pageMargins`),
    );
    await edit('xl/styles.xml', (xml) => xml.replace('<fills', `${decoy('<fills count="1"><fill/></fills><cellXfs/>')}<fills`).replace('<cellXfs count="1">', `<cellXfs count="1">${decoy('<xf fillId="9"/>')}`));
    await edit('xl/workbook.xml', (xml) => xml.replace('<sheets>', `${decoy('<calcPr calcId="1"/>')}<sheets>${decoy('<sheet name="统计表" r:id="rId3"/>')}`));
    await edit('xl/_rels/workbook.xml.rels', (xml) => xml.replace('<Relationship ', `${decoy('<Relationship Id="rId4" Target="worksheets/sheet1.xml"/>')}<Relationship `));
    await edit('[Content_Types].xml', (xml) => xml.replace('<Default ', `${decoy('<Default Extension="vml" ContentType="x"/>')}<Default `));
    if (withNote) {
      await edit('xl/worksheets/_rels/sheet2.xml.rels', (xml) => xml.replace('<Relationship ', `${decoy(`<Relationship Id="rId9" Type="${REL}/comments" Target="../nowhere.xml"/>`)}<Relationship `));
      await edit('xl/comments2.xml', (xml) => xml.replace('<commentList>', `<commentList>${decoy('<comment ref="B2"><text><r><t>合计有误</t></r></text></comment>')}`).replace('<authors>', `<authors>${decoy('<author>年报助手</author>')}`));
      await edit('xl/drawings/vmlDrawing2.vml', (xml) => xml.replace('<v:shapetype', `${decoy('<v:shape id="_x0000_s9999"/><o:idmap data="77"/>')}<v:shapetype`));
    }
    const data = await zip.generateAsync({ type: 'nodebuffer' });
    return { data, zip: await JSZip.loadAsync(data) };
  }

  const write = (cell: string, row: number, col: number, after: number) => ({ cell: `统计表!${cell}`, sheet: '统计表', row, col, after }) as PlannedWrite;
  const decoysOf = (xml: string): string[] => xml.match(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?decoy[\s\S]*?\?>/g) ?? [];

  it('totals writes the real cells (B2 despite the <f> in its comment, D4 in its row) and calcPr, and keeps every decoy', async () => {
    const { data, zip: original } = await decoyed(false);
    const result = await totalsCopy(data, [write('B2', 1, 1, 6), write('D4', 3, 3, 12), write('C3', 2, 2, 7)]);
    expect(result.refused).toEqual([]);
    const copy = await JSZip.loadAsync(result.data);
    // B2's content is replaced by its new value, decoys inside it included; every other decoy stays.
    const inB2 = decoysOf(decoy('<f>B1</f>'));
    for (const part of ['xl/worksheets/sheet2.xml', 'xl/workbook.xml', 'xl/styles.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
      const kept = decoysOf(await text(original, part)).filter((d) => part !== 'xl/worksheets/sheet2.xml' || !inB2.includes(d));
      expect([part, decoysOf(await text(copy, part))]).toEqual([part, kept]);
    }
    const ws = await readBack(result.data);
    expect([ws.getCell('B2').value, ws.getCell('D4').value, ws.getCell('C3').value]).toEqual([6, 12, 7]);
    const workbook = await text(copy, 'xl/workbook.xml');
    expect(workbook).toMatch(/<\/sheets><calcPr calcId="\d+" fullCalcOnLoad="1"\/>/);
    expect(workbook).toContain('<!-- <calcPr calcId="1"/> -->');
  });

  it('annotate fills the real cells, appends to the real fills and cellXfs, and adds notes and their parts for real', async () => {
    for (const withNote of [false, true]) {
      const { data, zip: original } = await decoyed(withNote);
      const result = await annotateCopy(data, [finding('error', '合计有误', '统计表!B2', '统计表!C3')]);
      expect(result.sheetsWithoutNotes).toEqual([]);
      const copy = await JSZip.loadAsync(result.data);
      const parts = ['xl/worksheets/sheet2.xml', 'xl/styles.xml', 'xl/workbook.xml', '[Content_Types].xml', ...(withNote ? ['xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml', 'xl/worksheets/_rels/sheet2.xml.rels'] : [])];
      for (const part of parts) expect([part, decoysOf(await text(copy, part))]).toEqual([part, decoysOf(await text(original, part))]);
      const ws = await readBack(result.data);
      expect([ws.getCell('B2').value, ws.getCell('D4').value]).toEqual([5, 1]);
      for (const ref of ['B2', 'C3']) expect((ws.getCell(ref).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(SEVERITY_FILLS.error);
      expect(JSON.stringify(ws.getCell('B2').note)).toContain('合计有误');
      const styles = await text(copy, 'xl/styles.xml');
      expect(styles).toMatch(/<fills count="3">/);
      const notesParts = withNote ? ['xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml'] : ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml'];
      const vml = await text(copy, notesParts[1]);
      // The new shape follows the drawing's own ids, not the 9999 of a comment.
      expect(vml).not.toContain('_x0000_s10000');
      if (!withNote) expect(await text(copy, '[Content_Types].xml')).toMatch(/-->.*<Default Extension="vml" ContentType="application\/vnd\.openxmlformats-officedocument\.vmlDrawing"\/>/s);
      if (withNote) expect(JSON.stringify(ws.getCell('B2').note)).toContain('用户自己的批注');
    }
  });

  it('annotate numbers new notes parts after the real relationships and drawings, not those in decoys', async () => {
    // 统计表 has relationships of its own (no notes), 说明 a note in its own drawing: both carry decoys.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').getCell('A1').note = '说明的批注';
    wb.addWorksheet('统计表').getCell('B2').value = 5;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const sheetRels =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      decoy(`<Relationship Id="rId99" Type="${REL}/comments" Target="../nowhere.xml"/>`) +
      `<Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://www.gov.cn/" TargetMode="External"/></Relationships>`;
    zip.file('xl/worksheets/_rels/sheet2.xml.rels', sheetRels);
    const otherVml = (await text(zip, 'xl/drawings/vmlDrawing1.vml')).replace('<v:shapetype', `${decoy('<o:idmap data="77"/><v:shape id="_x0000_s9999"/>')}<v:shapetype`);
    zip.file('xl/drawings/vmlDrawing1.vml', otherVml);
    const data = await zip.generateAsync({ type: 'nodebuffer' });

    const result = await annotateCopy(data, [finding('error', '合计有误', '统计表!B2')]);
    expect(result.sheetsWithoutNotes).toEqual([]);
    const copy = await JSZip.loadAsync(result.data);
    const rels = await text(copy, 'xl/worksheets/_rels/sheet2.xml.rels');
    expect(decoysOf(rels)).toEqual(decoysOf(sheetRels));
    expect(rels).toContain(`<Relationship Id="rId2" Type="${REL}/comments" Target="../comments2.xml"/><Relationship Id="rId3" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing2.vml"/>`);
    expect(await text(copy, 'xl/worksheets/sheet2.xml')).toMatch(/<legacyDrawing xmlns:r="[^"]+" r:id="rId3"\/>/);
    expect(await text(copy, 'xl/drawings/vmlDrawing1.vml')).toBe(otherVml);
    // The drawing numbers 1 (说明's) is taken; 77 is only in a comment.
    const vml = await text(copy, 'xl/drawings/vmlDrawing2.vml');
    expect([/<o:idmap v:ext="edit" data="(\d+)"\/>/.exec(vml)?.[1], /id="_x0000_s(\d+)"/.exec(vml)?.[1]]).toEqual(['2', '2049']);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(result.data as unknown as ArrayBuffer);
    expect(JSON.stringify(back.getWorksheet('统计表')!.getCell('B2').note)).toContain('合计有误');
    // 说明's note is kept as it was.
    expect(await text(copy, 'xl/comments1.xml')).toBe(await text(zip, 'xl/comments1.xml'));
  });
});
