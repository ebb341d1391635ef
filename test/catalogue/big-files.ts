/** Large inputs for the catalogue, made quickly: size from an image or from sheet XML, not from exceljs cell writing. */
import { randomBytes } from 'crypto';
import { statSync, writeFileSync } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { gridToWorkbook, MAX_SHEET_XML_MB } from '../../src/io/xlsx';
import { national2021OneSheet } from '../support/layouts';

/** The 2021 sample with an incompressible "scanned" image of the given size, as offices paste seals and scans. */
export async function bigMediaWorkbook(dir: string, megabytes: number): Promise<string> {
  const wb = gridToWorkbook({ sheets: [national2021OneSheet('统计表')] });
  const image = wb.addImage({ buffer: randomBytes(megabytes * 1024 * 1024) as unknown as ExcelJS.Buffer, extension: 'png' });
  wb.getWorksheet('统计表')!.addImage(image, 'L1:P10');
  const file = path.join(dir, 'big-media.xlsx');
  await wb.xlsx.writeFile(file);
  if (statSync(file).size < megabytes * 1024 * 1024) throw new Error('the big workbook came out smaller than asked');
  return file;
}

/** A workbook whose one sheet holds just over MAX_SHEET_XML_MB of cell XML (highly compressible, so the file is small). */
export async function hugeSheetWorkbook(dir: string): Promise<string> {
  const small = await gridToWorkbook({ sheets: [{ name: 'Sheet1', rows: [[{ value: 1 }]], merges: [] }] }).xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(small);
  const row = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r}</v></c><c r="C${r}"><v>${r}</v></c></row>`;
  const rows: string[] = [];
  let size = 0;
  for (let r = 1; size <= (MAX_SHEET_XML_MB + 1) * 1024 * 1024; r++) {
    rows.push(row(r));
    size += rows[rows.length - 1].length;
  }
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  zip.file('xl/worksheets/sheet1.xml', xml);
  const file = path.join(dir, 'huge-sheet.xlsx');
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } }));
  return file;
}
