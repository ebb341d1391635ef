import ExcelJS from 'exceljs';
import type { BlankTemplate } from '../core';

/** Light grey behind header cells, as the published templates shade them. */
export const HEADER_FILL = 'FFD9D9D9';
/** About what fits across a portrait A4 page at the default type, in characters. */
const PORTRAIT_CHARS = 90;
/** The height of one line of the default 11-point type, in points. */
const LINE_POINTS = 15;
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

/**
 * The blank template as an .xlsx workbook of one sheet: titles, merged headers, borders, column widths,
 * number formats, header fill, and the SUM formulas the template carries. Labels wrap; rows grow to fit
 * when the workbook is opened.
 */
export async function blankTemplateToXlsx(template: BlankTemplate, sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  // Excel and LibreOffice recalculate the formulas when the file is opened.
  workbook.calcProperties.fullCalcOnLoad = true;
  // A4, as wide as the page: landscape for 表三 and 表四's many columns, portrait for the three-column 统计表.
  const wide = template.columnWidths.reduce((a, b) => a + b, 0) > PORTRAIT_CHARS;
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: { paperSize: 9, orientation: wide ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  template.columnWidths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  template.rowLines.forEach((lines, r) => {
    if (lines > 1) sheet.getRow(r + 1).height = lines * LINE_POINTS;
  });
  for (const cell of template.cells) {
    const target = sheet.getCell(cell.row + 1, cell.col + 1);
    // A blank template's sums are 0 (SUM of blank cells): cached so a reader that does not calculate sees them.
    if (cell.formula) target.value = { formula: cell.formula, result: 0 };
    else if (cell.text !== '') target.value = cell.text;
    target.alignment = { horizontal: cell.align, vertical: 'middle', wrapText: cell.role !== 'figure' };
    if (cell.role === 'title') target.font = { bold: true, size: 14 };
    if (cell.role === 'header') {
      target.font = { bold: true };
      target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    }
    if (cell.numberFormat) target.numFmt = cell.numberFormat;
  }
  for (const m of template.merges) sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // Borders after merging: every cell a merge covers gets its edges, so the merged box is outlined whole.
  for (const cell of template.cells) {
    if (!cell.bordered) continue;
    const merge = template.merges.find((m) => m.top === cell.row && m.left === cell.col);
    const bottom = merge?.bottom ?? cell.row;
    const right = merge?.right ?? cell.col;
    for (let r = cell.row; r <= bottom; r++) {
      for (let c = cell.col; c <= right; c++) sheet.getCell(r + 1, c + 1).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
