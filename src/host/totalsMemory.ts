import { cellRef, parseCellRef } from '../core';

/**
 * What every spreadsheet host keeps and decides alike for 计算合计 and its 撤销: the memory of what was
 * replaced, and the values to write back. Only reading and writing cells is the host's own.
 */

/** What 计算合计 replaced, kept in the document so that 撤销 works after the pane was closed. */
export interface TotalsUndoMemory {
  writes: { cell: string; previous: string | number | boolean | null; written: number }[];
}

/** A reference in its one canonical spelling ('统计表'!c2 and 统计表!C2 are the same cell). */
export function cellRefOf(ref: string): string {
  const pos = parseCellRef(ref);
  return pos ? cellRef(pos.sheet, pos.row, pos.col) : ref;
}

export function emptyToNull(value: unknown): string | number | boolean | null {
  if (value === '' || value === undefined || value === null) return null;
  return value as string | number | boolean;
}

/**
 * The value to write back so the cell holds what it held: text that the spreadsheet would otherwise turn
 * into a number or a formula keeps its text form with the apostrophe prefix.
 */
export function restorable(previous: string | number | boolean | null): string | number | boolean {
  if (previous === null) return '';
  if (typeof previous === 'string' && (/^[+\-=@]/.test(previous) || /^[\s\d.,０-９]+$/.test(previous))) return `'${previous}`;
  return previous;
}

/** Whether the cell still shows what it showed when the total was planned (spaces aside). */
export function unchangedSince(before: string, shown: string): boolean {
  return shown.trim() === before.trim();
}
