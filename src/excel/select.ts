import { a1, parseCellRef } from '../core';
import type { ExcelCapabilities } from './requirements';

/** Selects the cells of one sheet (the first ref's); Excel scrolls the selection into view. */
export async function selectRefs(context: Excel.RequestContext, caps: ExcelCapabilities, refs: string[]): Promise<void> {
  const positions = refs.map(parseCellRef).filter((p) => p !== null);
  if (positions.length === 0) return;
  const sheet = positions[0].sheet;
  const onSheet = positions.filter((p) => p.sheet === sheet).map((p) => a1(p.row, p.col));
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  if (caps.multiSelect && onSheet.length > 1) worksheet.getRanges(onSheet.join(',')).select();
  else worksheet.getRange(onSheet[0]).select();
  await context.sync();
}
