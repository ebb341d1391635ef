import ExcelJS from 'exceljs';

export interface CellState {
  value: string;
  style: string;
  note: string;
}

/** Every stored cell of a workbook as plain JSON, by `Sheet!A1`, plus what lies outside cells. */
export async function snapshot(file: string): Promise<{ cells: Map<string, CellState>; sheets: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells = new Map<string, CellState>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells.set(`${ws.name}!${cell.address}`, { value: JSON.stringify(cell.value), style: JSON.stringify(cell.style ?? {}), note: JSON.stringify(cell.note ?? null) });
      }),
    );
  }
  const sheets = JSON.stringify(
    wb.worksheets.map((ws) => ({ name: ws.name, merges: ws.model.merges, columns: (ws.columns ?? []).map((c) => c.width ?? null), protection: (ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null })),
  );
  return { cells, sheets };
}

/** The default font exceljs writes as a workbook's font 0; the originals these tests write have it too. */
const EXCELJS_DEFAULT_FONT = JSON.stringify({ color: { theme: 1 }, family: 2, scheme: 'minor', size: 11, name: 'Calibri' });

/**
 * A cell's style without its fill, to compare everything a highlight must leave alone. A font equal to
 * the workbook's default and an empty border look exactly like none, so they count as none.
 */
export function styleWithoutFill(style: string): string {
  const { fill: _fill, font, border, ...rest } = JSON.parse(style) as Record<string, unknown>;
  return JSON.stringify({
    ...rest,
    ...(font !== undefined && JSON.stringify(font) !== EXCELJS_DEFAULT_FONT ? { font } : {}),
    ...(border !== undefined && JSON.stringify(border) !== '{}' ? { border } : {}),
  });
}
