import { a1, type BlankCell, type BlankTemplate } from '../core';
import type { TemplateOutcome } from '../host/adapter';
import { freeSheetName, spanOf, tableBoxes } from '../host/templateLayout';
import type { EtWorkbook, EtWorksheet } from './api';
import { XL_SOLID, bgrOf } from './fills';
import { addressLists, box, sheetsByName } from './sheets';

/** Light grey behind header cells, as the published templates shade them (as the Excel host does). */
const HEADER_FILL = '#D9D9D9';
/** The height of one line of the default 11-point type, in points. */
const LINE_POINTS = 15;
const XL_CENTER = -4108;
const XL_LEFT = -4131;
const XL_RIGHT = -4152;
const XL_CONTINUOUS = 1;

/**
 * Writes the blank template on a new sheet after the last one, never on a sheet the user has: every
 * value in one block write, then formulas, number formats, merges, borders, fills, widths and heights.
 * ColumnWidth is in characters in WPS as in Excel's COM, as the template gives it.
 */
export function insertEtTemplate(workbook: EtWorkbook, template: BlankTemplate, sheetName: string): TemplateOutcome {
  if (workbook.ProtectStructure) return { sheet: null, notices: [{ code: 'workbook-protected' }] };
  const name = freeSheetName(sheetName, [...sheetsByName(workbook).values()].map((w) => w.Name));
  const sheets = workbook.Worksheets;
  const sheet = sheets.Add(undefined, sheets.Item(sheets.Count));
  sheet.Name = name;
  const rows = Math.max(...template.cells.map((c) => c.row)) + 1;
  const cols = template.columnWidths.length;

  const values: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill(''));
  for (const cell of template.cells) values[cell.row][cell.col] = cell.text;
  const whole = sheet.Range(box(0, 0, rows - 1, cols - 1));
  byGroup(sheet, template.cells.filter((c) => c.numberFormat), (c) => c.numberFormat!, (range, format) => (range.NumberFormat = format));
  whole.Value2 = values;
  whole.VerticalAlignment = XL_CENTER;
  for (const cell of template.cells) if (cell.formula) sheet.Range(a1(cell.row, cell.col)).Formula = `=${cell.formula}`;
  for (const m of template.merges) sheet.Range(box(m.top, m.left, m.bottom, m.right)).Merge(false);

  const labels = template.cells.filter((c) => c.role !== 'figure');
  const boxOf = (cell: BlankCell) => {
    const m = spanOf(template, cell);
    return m ? box(m.top, m.left, m.bottom, m.right) : a1(cell.row, cell.col);
  };
  for (const cell of labels) {
    const range = sheet.Range(boxOf(cell));
    range.HorizontalAlignment = cell.align === 'center' ? XL_CENTER : cell.align === 'right' ? XL_RIGHT : XL_LEFT;
    range.WrapText = true;
    if (cell.role === 'title') {
      range.Font.Bold = true;
      range.Font.Size = 14;
    }
    if (cell.role === 'header') {
      range.Font.Bold = true;
      range.Interior.Pattern = XL_SOLID;
      range.Interior.Color = bgrOf(HEADER_FILL);
    }
  }
  // Borders on each table's rectangle (inside lines too): the title above it has none.
  for (const table of tableBoxes(template)) {
    const borders = sheet.Range(box(table.top, 0, table.bottom, table.right)).Borders;
    borders.LineStyle = XL_CONTINUOUS;
    borders.Color = 0;
  }
  template.columnWidths.forEach((width, c) => (sheet.Range(a1(0, c)).ColumnWidth = width));
  template.rowLines.forEach((lines, r) => lines > 1 && (sheet.Range(a1(r, 0)).RowHeight = lines * LINE_POINTS));
  sheet.Activate();
  return { sheet: name, notices: [] };
}

/** Applies `apply` once for each group of cells sharing a key, many cells to a Range() call. */
function byGroup(sheet: EtWorksheet, cells: BlankCell[], key: (cell: BlankCell) => string, apply: (range: ReturnType<EtWorksheet['Range']>, key: string) => void): void {
  const groups = new Map<string, string[]>();
  for (const cell of cells) groups.set(key(cell), [...(groups.get(key(cell)) ?? []), a1(cell.row, cell.col)]);
  for (const [k, addresses] of groups) for (const list of addressLists(addresses)) apply(sheet.Range(list), k);
}
