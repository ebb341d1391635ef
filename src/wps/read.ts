import type { Cell, MergeArea, Sheet } from '../core';
import type { HostNotice, ReadOutcome } from '../host/adapter';
import type { EtRange, EtWorkbook, EtWorksheet } from './api';
import { box, grid } from './sheets';

/**
 * Reads every sheet's used range in two calls a sheet whatever its size: Value2 and Formula, each a 2-D
 * array of the whole range. WPS has no bulk display text (Range.Text of several cells is null), so cells
 * carry value and formula only. Merged areas are found by halving: a part whose MergeCells is false holds
 * none and is not looked into, so a sheet without merges costs one call more and each merge a few.
 */

/** Above this many cells a sheet is cut (a stray value far down the sheet); it says so. */
const MAX_CELLS_PER_SHEET = 1_000_000;

export function readEtWorkbook(workbook: EtWorkbook): ReadOutcome {
  const notices: HostNotice[] = [];
  const sheets: Sheet[] = [];
  for (let i = 1; i <= workbook.Worksheets.Count; i++) {
    const worksheet = workbook.Worksheets.Item(i);
    const sheet: Sheet = { name: worksheet.Name, rows: [], merges: [], protected: worksheet.ProtectContents };
    if (sheet.protected) notices.push({ code: 'sheet-protected', sheet: sheet.name });
    readUsed(worksheet, sheet, notices);
    sheets.push(sheet);
  }
  return { workbook: { sheets }, notices };
}

function readUsed(worksheet: EtWorksheet, sheet: Sheet, notices: HostNotice[]): void {
  const used = worksheet.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const cols = used.Columns.Count;
  const total = used.Rows.Count;
  const rowsFitting = Math.max(1, Math.floor(MAX_CELLS_PER_SHEET / cols));
  const rows = Math.min(total, rowsFitting);
  if (total > rowsFitting) notices.push({ code: 'range-clipped', sheet: sheet.name, rowsRead: rowsFitting, rowsTotal: total });
  const range = rows === total ? used : worksheet.Range(box(top, left, top + rows - 1, left + cols - 1));
  const values = grid(range.Value2, rows, cols);
  const formulas = grid(range.Formula, rows, cols);
  for (let r = 0; r < rows; r++) {
    const row: (Cell | undefined)[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = toCell(values[r][c], formulas[r][c]);
      if (cell) row[left + c] = cell;
    }
    sheet.rows[top + r] = row;
  }
  sheet.merges = findMerges(worksheet, range, { top, left, bottom: top + rows - 1, right: left + cols - 1 });
}

/**
 * A cell's error value as COM hands it over (a VT_ERROR: the HRESULT 0x800A07xx, read as a number) and the
 * text the cell shows, as the Excel host reads an error: as its text, never as a figure.
 */
const CELL_ERRORS: Record<number, string> = {
  [-2146826288]: '#NULL!',
  [-2146826281]: '#DIV/0!',
  [-2146826273]: '#VALUE!',
  [-2146826265]: '#REF!',
  [-2146826259]: '#NAME?',
  [-2146826252]: '#NUM!',
  [-2146826246]: '#N/A',
};

/** A formula cell is its cached result, whatever it is (0, false and "" included); an empty cell is none. */
export function toCell(value: unknown, formula: unknown): Cell | undefined {
  const error = typeof value === 'number' ? CELL_ERRORS[value] : undefined;
  const result = error ?? (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : null);
  if (typeof formula === 'string' && formula.startsWith('=')) return { value: result, formula };
  return result === null || result === '' ? undefined : { value: result };
}

const inside = (a: MergeArea, b: MergeArea) => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;

/** Merged areas within `area` (0-based), each once, by halving wherever MergeCells says there is one. */
export function findMerges(worksheet: EtWorksheet, whole: EtRange, area: MergeArea): MergeArea[] {
  const found: MergeArea[] = [];
  const look = (part: MergeArea, range?: EtRange) => {
    if (found.some((m) => inside(part, m))) return;
    const r = range ?? worksheet.Range(box(part.top, part.left, part.bottom, part.right));
    if (r.MergeCells === false) return;
    if (part.top === part.bottom && part.left === part.right) {
      const m = r.MergeArea;
      const merge = { top: m.Row - 1, left: m.Column - 1, bottom: m.Row + m.Rows.Count - 2, right: m.Column + m.Columns.Count - 2 };
      if (merge.bottom > merge.top || merge.right > merge.left) found.push(merge);
      return;
    }
    if (part.bottom > part.top) {
      const middle = (part.top + part.bottom) >> 1;
      look({ ...part, bottom: middle });
      look({ ...part, top: middle + 1 });
    } else {
      const middle = (part.left + part.right) >> 1;
      look({ ...part, right: middle });
      look({ ...part, left: middle + 1 });
    }
  };
  look(area, whole);
  return found;
}
