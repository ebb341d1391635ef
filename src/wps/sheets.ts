import { a1 } from '../core';
import type { EtWorkbook, EtWorksheet } from './api';

/** The one place that turns 0-based cells into the A1 addresses WPS's Range() takes. */

/** Range() takes at most 255 characters of address: cells joined by commas, cut into lists that fit. */
export const ADDRESS_LIMIT = 255;

export function addressLists(addresses: string[], limit = ADDRESS_LIMIT): string[] {
  const lists: string[] = [];
  let current = '';
  for (const address of addresses) {
    if (current && current.length + 1 + address.length > limit) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}

export const box = (top: number, left: number, bottom: number, right: number) =>
  top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;

/** The workbook's sheets by name, as WPS compares names (without case): one pass over Worksheets. */
export function sheetsByName(workbook: EtWorkbook): Map<string, EtWorksheet> {
  const sheets = new Map<string, EtWorksheet>();
  for (let i = 1; i <= workbook.Worksheets.Count; i++) {
    const sheet = workbook.Worksheets.Item(i);
    sheets.set(sheet.Name.toLowerCase(), sheet);
  }
  return sheets;
}

/** A range's Value2 or Formula as rows × columns: a single cell reads as a scalar. */
export function grid(value: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(value) && Array.isArray(value[0])) return value as unknown[][];
  if (rows === 1 && cols === 1) return [[value]];
  throw new Error(`WPS returned ${typeof value} for a ${rows}×${cols} range`);
}
