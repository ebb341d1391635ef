import { cellAt, cellKey, cellRef, mergeOwners, type Cell, type Sheet } from './grid';
import { fullCore, labelCore } from './labels';
import { reflow, tokenKind, UNIT_WORDS, type RowLabelKind } from './reflow';
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
  /** The sheet read: the one handed in, or its rows rebuilt when it is flowed. */
  readonly sheet: Sheet;
  /** The sheet as handed in, which cell addresses name. */
  readonly original: Sheet;
  private readonly origin?: { row: number; col: number }[][];

  /** `rowLabel` tells, for a flowed sheet, which labels name a template's rows. */
  constructor(
    source: Sheet,
    private readonly rowLabel: (text: string) => RowLabelKind = () => null,
  ) {
    this.original = source;
    let sheet = source;
    if (source.flowed) {
      const rebuilt = reflow(source, rowLabel);
      sheet = rebuilt.sheet;
      this.origin = rebuilt.origin;
    }
    this.sheet = sheet;
    this.owners = mergeOwners(sheet);
    let width = 0;
    for (const row of sheet.rows) if (row && row.length > width) width = row.length;
    for (const m of sheet.merges) if (m.right + 1 > width) width = m.right + 1;
    this.width = width;
    let height = sheet.rows.length;
    for (const m of sheet.merges) if (m.bottom + 1 > height) height = m.bottom + 1;
    this.height = height;
  }

  /** Whether figures are read by their order after a row's label rather than under located columns. */
  get flowed(): boolean {
    return !!this.sheet.flowed;
  }

  /** Where a cell of the sheet read stands in the sheet handed in (rebuilt rows map back to lines). */
  source(row: number, col: number): { row: number; col: number } {
    return this.origin?.[row]?.[col] ?? { row, col };
  }

  /** `Sheet!C9`, addressing the original sheet. */
  ref(row: number, col: number): string {
    const at = this.source(row, col);
    return cellRef(this.original.name, at.row, at.col);
  }

  /**
   * The labels that may name a data row. In a flowed sheet one label of a rebuilt row does: the last
   * two or three joined when together they are a row's label (a label a page or a PDF wrapped over
   * lines), else the last that names a data row (the labels before it are groups, headers or headings
   * a copy ran into the row; after it, in a blank table, the next heading), else the last, loosely.
   */
  entryLabels(row: number): LabelCell[] {
    const labels = this.rowLabels(row);
    if (!this.flowed) return labels;
    const words = labels.filter((l) => !UNIT_WORDS.has(l.raw));
    const last = words[words.length - 1];
    if (!last) return [];
    const joined = [2, 3].filter((n) => n <= words.length).map((n) => {
      const raw = words.slice(-n).map((l) => l.raw).join('');
      return { ...last, raw, core: labelCore(raw), full: fullCore(raw) };
    });
    if (this.rowLabel(last.raw) === 'data') return [last];
    const wrapped = joined.find((l) => this.rowLabel(l.raw) === 'data');
    if (wrapped) return [wrapped];
    const named = [...words].reverse().find((l) => this.rowLabel(l.raw) === 'data');
    return named ? [named] : [last, ...joined];
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
    // In a flowed sheet a line of prose is never a label: it only ends the rows before it.
    if (cell && typeof cell.value === 'string' && HAS_WORD.test(cell.value) && isWords(cell.value) && !(this.flowed && tokenKind(cell) === 'prose')) {
      const raw = cell.value.trim();
      const full = fullCore(raw);
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
