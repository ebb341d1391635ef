import ExcelJS from 'exceljs';
import { parseCellRef, type Cell, type CellValue, type MergeArea, type Sheet, type Workbook } from '../core/grid';
import type { Severity } from '../core/types';
import { InputError, ioMessages } from './messages';

/** Highlight colours by severity, the same in the annotated copy (xlsxPatch.ts) and in the task pane. */
export const SEVERITY_FILLS: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', hint: 'FFDDEBF7' };

type ExcelValue = ExcelJS.CellValue;

function plainValue(value: ExcelValue): { value: CellValue; formula?: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const f = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      const formula = `=${f.formula ?? f.sharedFormula ?? ''}`;
      const result = f.result as ExcelValue | undefined;
      return { ...plainValue(result ?? null), formula };
    }
    if ('richText' in value) return { value: (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
    if ('error' in value) return { value: String((value as ExcelJS.CellErrorValue).error) };
    if ('text' in value) return { value: String((value as { text: unknown }).text) };
  }
  return { value: String(value) };
}

function toSheet(ws: ExcelJS.Worksheet): Sheet {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A covered cell of a merged area reads as its top-left cell through the merge list.
      if (cell.isMerged && cell.master !== cell) return;
      const { value, formula } = plainValue(cell.value);
      if (value === null && !formula) return;
      cells[colNumber - 1] = { value, ...(formula ? { formula } : {}) };
    });
    rows[rowNumber - 1] = cells;
  });
  const merges: MergeArea[] = (ws.model.merges ?? []).map((range: string) => {
    const [from, to] = range.split(':');
    const a = parseCellRef(`x!${from}`)!;
    const b = parseCellRef(`x!${to ?? from}`)!;
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
  return { name: ws.name, rows, merges, protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet };
}

/**
 * Uncompressed size of the sheets and shared strings above which a workbook is refused: exceljs holds
 * every cell in memory at about 30 times its XML size, so beyond this the process would run out of
 * memory instead of answering. A statistics table is a few hundred cells.
 */
export const MAX_SHEET_XML_MB = 100;

/** Office saves a workbook with an opening password as an OLE container, not as a zip. */
/** Built on first use: this module is also loaded in the browser (the Word pane), where Buffer does not exist. */
const oleSignature = () => Buffer.from('D0CF11E0A1B11AE1', 'hex');

export async function loadWorkbook(data: Buffer | ArrayBuffer, file: string): Promise<ExcelJS.Workbook> {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  const ole = oleSignature();
  if (bytes.subarray(0, ole.length).equals(ole)) throw new InputError(ioMessages.encryptedXlsx(file));
  const sheetBytes = sheetXmlSize(bytes);
  if (sheetBytes !== null && sheetBytes > MAX_SHEET_XML_MB * 1024 * 1024) {
    throw new InputError(ioMessages.sheetsTooLarge(file, Math.round(Math.min(sheetBytes, 4 * 1024 ** 3) / 1024 / 1024), MAX_SHEET_XML_MB));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch {
    throw new InputError(ioMessages.corruptXlsx(file));
  }
  return wb;
}

/**
 * Total uncompressed size of xl/worksheets/* and xl/sharedStrings.xml, read from the zip's central
 * directory without inflating anything; null when the data is not a readable zip (exceljs then says so).
 */
export function sheetXmlSize(zip: Buffer): number | null {
  const END_SIGNATURE = 0x06054b50;
  const ENTRY_SIGNATURE = 0x02014b50;
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== ENTRY_SIGNATURE) return null;
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    // 0xFFFFFFFF: the real size is in a zip64 field, so at least 4 GB.
    if (name.startsWith('xl/worksheets/') || name === 'xl/sharedStrings.xml') total += size === 0xffffffff ? Infinity : size;
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

export function workbookToGrid(wb: ExcelJS.Workbook): Workbook {
  return { sheets: wb.worksheets.map(toSheet) };
}

/** Builds an .xlsx workbook from the grid model (samples, tests and benchmarks write through this). */
export function gridToWorkbook(grid: Workbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, r) =>
      cells?.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = cell.formula
          ? ({ formula: cell.formula.replace(/^=/, ''), result: cell.value ?? undefined } as ExcelJS.CellFormulaValue)
          : cell.value;
      }),
    );
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    if (sheet.protected) void ws.protect('', {});
  }
  return wb;
}
