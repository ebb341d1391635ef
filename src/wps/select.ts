import { a1, parseCellRef } from '../core';
import type { EtWorkbook } from './api';
import { addressLists, sheetsByName } from './sheets';

/** Activates the first ref's sheet and selects its cells there (WPS scrolls them into view). */
export function selectEtCells(workbook: EtWorkbook, refs: string[]): void {
  const positions = refs.map(parseCellRef).filter((p) => p !== null);
  if (positions.length === 0) return;
  const worksheet = sheetsByName(workbook).get(positions[0].sheet.toLowerCase());
  if (!worksheet) return;
  const onSheet = positions.filter((p) => p.sheet === positions[0].sheet).map((p) => a1(p.row, p.col));
  worksheet.Activate();
  // Range() takes 255 characters of address: a finding with more cells than that selects the first of them.
  worksheet.Range(addressLists(onSheet)[0]).Select();
}
