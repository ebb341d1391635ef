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
  /**
   * Cells stand in reading order, not under their columns: text copied from a web page or a PDF,
   * where a row may start with its group labels, a header may span lines and a blank cell may be
   * dropped. Each row is a line; recognition reads figures by their order after the row's label.
   */
  flowed?: boolean;
  /**
   * Where each row stands on paper, for a sheet read from a printed report (a PDF): its page and its
   * line within the part of the table on that page, counted from 1. Findings then name a cell as the
   * reader of the printed report finds it (第4页 表三 第12行第3列), the sheet's address staying the stable one.
   */
  printedRows?: (PrintedRow | undefined)[];
}

export interface PrintedRow {
  page: number;
  row: number;
}

export interface Workbook {
  sheets: Sheet[];
  /**
   * The kind of document the grid was read from, when it is not a workbook: a report as published
   * (a PDF, a web page, a Word document or plain text), whose lack of a table means something else.
   */
  origin?: DocumentKind;
}

export type DocumentKind = 'pdf' | 'html' | 'docx' | 'text';

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

/**
 * Cell addresses gathered into rectangles, in reading order: D24、D25、E24、E25 → D24:E25. Addresses
 * on `homeSheet` (or given without a sheet) are written without it; others keep their sheet's name.
 */
export function cellRanges(refs: string[], homeSheet?: string): string[] {
  const bySheet = new Map<string, Set<number>>();
  const order: string[] = [];
  for (const ref of refs) {
    const pos = ref.includes('!') ? parseCellRef(ref) : parseCellRef(`x!${ref}`);
    if (!pos) continue;
    const sheet = ref.includes('!') && pos.sheet !== homeSheet ? pos.sheet : '';
    if (!bySheet.has(sheet)) {
      bySheet.set(sheet, new Set());
      order.push(sheet);
    }
    bySheet.get(sheet)!.add(cellKey(pos.row, pos.col));
  }
  const out: string[] = [];
  for (const sheet of order) {
    const prefix = sheet ? `${quoteSheetName(sheet)}!` : '';
    for (const r of rectangles(bySheet.get(sheet)!)) {
      const from = a1(r.top, r.left);
      const to = a1(r.bottom, r.right);
      out.push(`${prefix}${from === to ? from : `${from}:${to}`}`);
    }
  }
  return out;
}

/** Greedy cover of a set of cells by rectangles: runs along each row, then runs of equal rows. */
function rectangles(keys: Set<number>): MergeArea[] {
  const cells = Array.from(keys).sort((a, b) => a - b).map((k) => ({ row: Math.floor(k / 16384), col: k % 16384 }));
  const runs: MergeArea[] = [];
  for (const { row, col } of cells) {
    const last = runs[runs.length - 1];
    if (last && last.top === row && last.right === col - 1) last.right = col;
    else runs.push({ top: row, bottom: row, left: col, right: col });
  }
  const out: MergeArea[] = [];
  for (const run of runs) {
    const above = out.find((r) => r.bottom === run.top - 1 && r.left === run.left && r.right === run.right);
    if (above) above.bottom = run.top;
    else out.push(run);
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}
