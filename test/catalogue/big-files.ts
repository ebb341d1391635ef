/** Large inputs for the catalogue, made quickly: size from an image or from sheet XML deflated natively, not from exceljs cell writing. */
import { randomBytes } from 'crypto';
import { statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { deflateRawSync } from 'zlib';
import type ExcelJS from 'exceljs';
import { gridToWorkbook, MAX_MODELLED_XML_MB } from '../../src/io/xlsx';
import { national2021OneSheet } from '../support/layouts';
import { crc32, workbookParts, zipOf } from '../support/packages';

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

/** The 2021 sample with rows of extra cells in its sheet, written as a zip of natively deflated parts. */
async function sampleWithRows(dir: string, name: string, rows: number, row: (r: number) => string): Promise<string> {
  const parts = await workbookParts({ sheets: [national2021OneSheet('统计表')] });
  const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
  const extra: string[] = [];
  for (let r = 1000; r < 1000 + rows; r++) extra.push(row(r));
  parts.set('xl/worksheets/sheet1.xml', Buffer.from(sheet.replace('</sheetData>', `${extra.join('')}</sheetData>`)));
  const entries = [...parts].map(([entry, data]) => ({ name: entry, deflated: { data: deflateRawSync(data, { level: 1 }), size: data.length, crc: crc32(data) } }));
  const file = path.join(dir, name);
  writeFileSync(file, zipOf(entries));
  return file;
}

/** A workbook whose sheet holds more cell XML than MAX_MODELLED_XML_MB (highly compressible, so the file is small). */
export async function hugeSheetWorkbook(dir: string): Promise<string> {
  const rows = Math.ceil(((MAX_MODELLED_XML_MB + 1) * 1024 * 1024) / 60);
  return sampleWithRows(dir, 'huge-sheet.xlsx', rows, (r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r}</v></c></row>`);
}

/**
 * A workbook just under every limit at once: 250,000 cells of text beside the table, 37 MB of sheet XML.
 * The most memory a workbook that is read may take (the bench's worst case).
 */
export async function nearLimitWorkbook(dir: string): Promise<string> {
  const columns = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const pad = 'x'.repeat(90);
  return sampleWithRows(dir, 'near-limit.xlsx', 250_000 / 25, (r) => `<row r="${r}">${[...columns.slice(0, 25)].map((c) => `<c r="${c}${r}" t="inlineStr"><is><t>文字${r}${pad}</t></is></c>`).join('')}</row>`);
}
