import { a1, type BlankCell, type BlankTemplate } from '../core';
import type { TemplateOutcome } from '../host/adapter';
import { freeSheetName, spanOf, tableBoxes } from '../host/templateLayout';

/** Excel measures column widths in points; one character of the default font is about 5.7 points (8.43 characters = 48 pt). */
const POINTS_PER_CHARACTER = 48 / 8.43;
/** Light grey behind header cells, as the published templates shade them (the .xlsx the CLI writes has the same). */
const HEADER_FILL = '#D9D9D9';
/** The height of one line of the default 11-point type, in points. */
const LINE_POINTS = 15;
const BORDER_SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

/**
 * Writes the blank template on a new sheet in two syncs whatever its size: one to learn the sheet names
 * and whether the workbook's structure is protected, one that adds the sheet and writes everything
 * (values, formulas, number formats, merges, borders, fill, widths) and shows it. Nothing is written on
 * a sheet that was there before.
 */
export async function insertTemplate(context: Excel.RequestContext, template: BlankTemplate, sheetName: string): Promise<TemplateOutcome> {
  const workbook = context.workbook;
  workbook.worksheets.load('items/name');
  workbook.protection.load('protected');
  await context.sync();
  if (workbook.protection.protected) return { sheet: null, notices: [{ code: 'workbook-protected' }] };
  const name = freeSheetName(sheetName, workbook.worksheets.items.map((w) => w.name));

  const sheet = workbook.worksheets.add(name);
  const rows = Math.max(...template.cells.map((c) => c.row)) + 1;
  const cols = template.columnWidths.length;
  const at = (cell: { row: number; col: number }) => sheet.getRange(a1(cell.row, cell.col));
  const boxOf = (cell: BlankCell) => {
    const m = spanOf(template, cell);
    return sheet.getRange(m ? `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}` : a1(cell.row, cell.col));
  };

  // Every value and number format of the sheet's rectangle in one write each; formulas over them.
  const values: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  for (const cell of template.cells) {
    values[cell.row][cell.col] = cell.text;
    if (cell.numberFormat) formats[cell.row][cell.col] = cell.numberFormat;
  }
  const whole = sheet.getRange(`A1:${a1(rows - 1, cols - 1)}`);
  whole.numberFormat = formats;
  whole.values = values;
  whole.format.verticalAlignment = 'Center';
  for (const cell of template.cells) if (cell.formula) at(cell).formulas = [[`=${cell.formula}`]];

  for (const m of template.merges) sheet.getRange(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).merge(false);
  for (const cell of template.cells) {
    if (cell.role === 'figure') continue;
    const box = boxOf(cell);
    box.format.horizontalAlignment = cell.align === 'center' ? 'Center' : cell.align === 'right' ? 'Right' : 'Left';
    box.format.wrapText = true;
    if (cell.role === 'title') {
      box.format.font.bold = true;
      box.format.font.size = 14;
    }
    if (cell.role === 'header') {
      box.format.font.bold = true;
      box.format.fill.color = HEADER_FILL;
    }
  }
  // Borders on each table's rectangle: the title above it (the row before its first bordered row) has none.
  for (const table of tableBoxes(template)) {
    const borders = sheet.getRange(`${a1(table.top, 0)}:${a1(table.bottom, table.right)}`).format.borders;
    for (const side of BORDER_SIDES) {
      const border = borders.getItem(side);
      border.style = 'Continuous';
      border.color = '#000000';
    }
  }
  template.columnWidths.forEach((width, c) => {
    // A range's columnWidth sets the width of its whole columns.
    sheet.getRange(a1(0, c)).format.columnWidth = Math.round(width * POINTS_PER_CHARACTER);
  });
  template.rowLines.forEach((lines, r) => {
    // A range's rowHeight sets the height of its whole rows.
    if (lines > 1) sheet.getRange(a1(r, 0)).format.rowHeight = lines * LINE_POINTS;
  });
  sheet.activate();
  await context.sync();
  return { sheet: name, notices: [] };
}
