/**
 * The plain model of a worksheet that every host hands to the core:
 * values, display text, formulas and merged areas, nothing Office-specific.
 */
export type CellValue = string | number | boolean | null;

export interface Cell {
  /** The stored value; null for an empty cell. */
  value: CellValue;
  /** The text Excel displays, when the host knows it (number formats, errors). */
  text?: string;
  /** The formula, with its leading "=", when the cell holds one. */
  formula?: string;
  /** The formula's result is not in the file (no cached value): the cell's figure is unknown, not blank. */
  uncalculated?: boolean;
}

/** A merged area, 0-based and inclusive on both ends. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** rows[r][c], 0-based; missing entries are empty cells. */
  rows: (Cell | undefined)[][];
  merges: MergeArea[];
  /** The host reports a protected sheet so writes can be refused up front. */
  protected?: boolean;
}

export interface Workbook {
  sheets: Sheet[];
}

export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

export function columnCount(sheet: Sheet): number {
  let max = 0;
  for (const row of sheet.rows) if (row && row.length > max) max = row.length;
  return max;
}

/** 0-based column index to Excel letters: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Excel quotes a sheet name in a reference when it is not a plain word. */
const QUOTED = new Map<string, string>();

export function quoteSheetName(name: string): string {
  let quoted = QUOTED.get(name);
  if (quoted === undefined) {
    quoted = quoteNeeded(name);
    if (QUOTED.size > 10_000) QUOTED.clear();
    QUOTED.set(name, quoted);
  }
  return quoted;
}

function quoteNeeded(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function cellRef(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${a1(row, col)}`;
}

export interface CellPosition {
  sheet: string;
  row: number;
  col: number;
}

/** Parses "Sheet!C9" or "'My sheet'!C9" back into a position. */
export function parseCellRef(ref: string): CellPosition | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  let col = 0;
  for (const ch of m[3]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(m[4]) - 1, col: col - 1 };
}

/** A number naming a cell, for maps: Excel has at most 16384 columns. */
export function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

/**
 * Maps every cell covered by a merged area (by cellKey) to the area's top-left cell, so that a label
 * merged over three cells reads the same from each of them.
 */
export function mergeOwners(sheet: Sheet): Map<number, { row: number; col: number }> {
  const owners = new Map<number, { row: number; col: number }>();
  for (const m of sheet.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) owners.set(cellKey(r, c), { row: m.top, col: m.left });
      }
    }
  }
  return owners;
}
