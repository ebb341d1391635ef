import { cellAt, cellKey, mergeOwners, type Cell, type Sheet } from './grid';
import { labelCore, normalizeText } from './labels';
import { isPlaceholder, readCell, readText } from './values';
import type { Reading } from './types';

/** A cell that reads as a label, in the two forms matching uses. */
export interface LabelCell {
  row: number;
  col: number;
  raw: string;
  /** Without numbering and bracketed notes: 主动公开政府信息数. */
  core: string;
  /** Keeping what the brackets held: 行政诉讼未经复议直接起诉 for 行政诉讼(未经复议直接起诉). */
  full: string;
}

const HAS_WORD = /[\p{Script=Han}A-Za-z]/u;

/** Text without digits is words unless it is a "none" symbol; with digits, ask the value reader. */
function isWords(text: string): boolean {
  return /[0-9\uFF10-\uFF19]/.test(text) ? readText(text).kind === 'text' : !isPlaceholder(text);
}

/**
 * A read-only view of a sheet that resolves merged areas (each covered cell reads as the area's
 * top-left cell) and caches label forms, so recognition can ask the same question many times cheaply.
 */
export class SheetView {
  readonly owners: Map<number, { row: number; col: number }>;
  private readonly labelCache = new Map<number, LabelCell | null>();
  private readonly rowCache = new Map<number, LabelCell[]>();
  readonly width: number;
  readonly height: number;

  constructor(readonly sheet: Sheet) {
    this.owners = mergeOwners(sheet);
    let width = 0;
    for (const row of sheet.rows) if (row && row.length > width) width = row.length;
    for (const m of sheet.merges) if (m.right + 1 > width) width = m.right + 1;
    this.width = width;
    let height = sheet.rows.length;
    for (const m of sheet.merges) if (m.bottom + 1 > height) height = m.bottom + 1;
    this.height = height;
  }

  owner(row: number, col: number): { row: number; col: number } {
    return this.owners.size === 0 ? { row, col } : (this.owners.get(cellKey(row, col)) ?? { row, col });
  }

  /** The cell as seen through merges. */
  cell(row: number, col: number): Cell | undefined {
    const o = this.owner(row, col);
    return cellAt(this.sheet, o.row, o.col);
  }

  reading(row: number, col: number): Reading {
    return readCell(this.cell(row, col));
  }

  /** The label at a position (merged areas resolved), or null when the cell holds no words. */
  label(row: number, col: number): LabelCell | null {
    const o = this.owner(row, col);
    const key = cellKey(o.row, o.col);
    const cached = this.labelCache.get(key);
    if (cached !== undefined) return cached && { ...cached, row, col };
    const cell = cellAt(this.sheet, o.row, o.col);
    let result: LabelCell | null = null;
    if (cell && typeof cell.value === 'string' && HAS_WORD.test(cell.value) && isWords(cell.value)) {
      const raw = cell.value.trim();
      const full = labelCore(normalizeText(raw).replace(/[()]/g, ''));
      result = { row: o.row, col: o.col, raw, core: labelCore(raw), full };
    }
    this.labelCache.set(key, result);
    return result && { ...result, row, col };
  }

  /** The labels of a row, each merged area once. */
  rowLabels(row: number): LabelCell[] {
    const cached = this.rowCache.get(row);
    if (cached) return cached;
    const seen = new Set<number>();
    const out: LabelCell[] = [];
    const cells = this.sheet.rows[row] ?? [];
    const last = Math.max(cells.length, this.hasMerges ? this.width : 0);
    for (let col = 0; col < last; col++) {
      const l = this.label(row, col);
      if (!l) continue;
      const o = this.owner(row, col);
      const key = cellKey(o.row, o.col);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(l);
    }
    this.rowCache.set(row, out);
    return out;
  }

  private get hasMerges(): boolean {
    return this.sheet.merges.length > 0;
  }
}
