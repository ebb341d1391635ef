import { a1, type Cell, type MergeArea, type Sheet } from '../core';
import type { HostNotice, ReadOutcome } from '../host/adapter';
import type { ExcelCapabilities } from './requirements';

/**
 * Reads the whole workbook in two syncs: one for the sheet list, one for each sheet's used range with
 * its content up to a window (the first rows of the first columns, enough for any statistics table),
 * so any number of report-sized sheets takes two syncs. A sheet larger than its window is read on in
 * pieces of rows whose response stays within a few megabytes. Never a sync per cell or per finding.
 *
 * Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded; learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * So a piece is sized by what earlier pieces actually weighed, formulas are read only for the cells
 * that hold one, a piece that is still too large is read again in halves, and the desktop gets the
 * same few-megabyte pieces so that a huge sheet never freezes the pane in one response. Windows that
 * together are refused (sheets full of long text, too many merged areas) are dropped: the sizes are
 * read alone and everything in pieces.
 */

/** A first guess for values + text of one cell, before any piece was weighed: generous for Chinese text. */
const FIRST_GUESS_BYTES_PER_CELL = 160;
/** Halving a piece's rows this many times (to 1/64) finds any part with few enough merged areas, or gives up. */
const MAX_MERGE_SPLITS = 6;
/** Above this many cells a sheet is cut (a stray value far down the sheet); it says so. */
const MAX_CELLS_PER_SHEET = 1_000_000;
/** The window's columns: a statistics table is at most about 20 wide. */
const WINDOW_COLUMNS = 32;
/**
 * Rows every sheet's window has at least, however many sheets: a 2021 table on one sheet has ~55.
 * Beyond these, the windows share one piece's budget at the generous first guess.
 */
const MIN_WINDOW_ROWS = 100;

interface SheetPlan {
  worksheet: Excel.Worksheet;
  name: string;
  protected: boolean;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  rows: (Cell | undefined)[][];
  merges: MergeArea[];
}

/** Rows `top` … `top + rows - 1` (absolute) of a sheet's used columns. */
interface Piece {
  plan: SheetPlan;
  top: number;
  rows: number;
}

/** The content asked for a range: its values and text, its formula cells, its merged areas. */
interface ContentLoad {
  range: Excel.Range;
  formulaCells?: Excel.RangeAreas;
  merged?: Excel.RangeAreas;
}

interface PieceLoad extends ContentLoad {
  piece: Piece;
}

interface UsedLoad {
  worksheet: Excel.Worksheet;
  used: Excel.Range;
  window?: ContentLoad;
}

export async function readWorkbookContent(context: Excel.RequestContext, caps: ExcelCapabilities): Promise<ReadOutcome> {
  const notices: HostNotice[] = [];
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  await context.sync();

  const reader = new PieceReader(context, caps, notices);
  const windowRows = Math.max(MIN_WINDOW_ROWS, Math.floor(caps.readChunkBytes / FIRST_GUESS_BYTES_PER_CELL / WINDOW_COLUMNS / Math.max(1, worksheets.items.length)));
  let used = worksheets.items.map((worksheet) => reader.queueUsed(worksheet, windowRows));
  try {
    await context.sync();
  } catch {
    // Whatever made the windows fail (their weight, a range with too many merged areas, a window
    // past the sheet's last row): the sizes alone, then everything in pieces.
    used = worksheets.items.map((worksheet) => reader.queueUsed(worksheet, 0));
    await context.sync();
  }

  const plans: SheetPlan[] = [];
  const pending: Piece[] = [];
  const windows: PieceLoad[] = [];
  for (const { worksheet, used: range, window } of used) {
    const isProtected = worksheet.protection.protected;
    if (isProtected) notices.push({ code: 'sheet-protected', sheet: worksheet.name });
    const plan: SheetPlan = { worksheet, name: worksheet.name, protected: isProtected, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, rows: [], merges: [] };
    plans.push(plan);
    if (range.isNullObject) continue;
    const rowsFitting = Math.max(1, Math.floor(MAX_CELLS_PER_SHEET / range.columnCount));
    if (range.rowCount > rowsFitting) notices.push({ code: 'range-clipped', sheet: plan.name, rowsRead: rowsFitting, rowsTotal: range.rowCount });
    Object.assign(plan, { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: Math.min(range.rowCount, rowsFitting), columnCount: range.columnCount });
    // A window narrower than the sheet is not used: pieces are whole rows.
    const inWindow = window && range.columnCount <= WINDOW_COLUMNS ? Math.min(windowRows, plan.rowCount) : 0;
    if (inWindow > 0) windows.push({ ...window!, piece: { plan, top: plan.rowIndex, rows: inWindow } });
    if (inWindow < plan.rowCount) pending.push({ plan, top: plan.rowIndex + inWindow, rows: plan.rowCount - inWindow });
  }
  // Windows are the first rows only: what the rest weighs is learned from pieces, not from them.
  reader.storeAll(windows, false);

  while (pending.length > 0) await reader.read(nextBatch(pending, reader.bytesPerCell, caps.readChunkBytes));
  await reader.readMergesAlone();

  return { workbook: { sheets: plans.map(({ name, rows, merges, protected: p }) => ({ name, rows, merges, protected: p }) satisfies Sheet) }, notices };
}

/** Takes from the front of `pending` the pieces one sync can carry, cutting a sheet that does not fit. */
function nextBatch(pending: Piece[], bytesPerCell: number, budget: number): Piece[] {
  const batch: Piece[] = [];
  let bytes = 0;
  while (pending.length > 0) {
    const piece = pending[0];
    const rowBytes = piece.plan.columnCount * bytesPerCell;
    const rowsFitting = Math.floor((budget - bytes) / rowBytes);
    if (rowsFitting >= piece.rows) {
      batch.push(pending.shift()!);
      bytes += piece.rows * rowBytes;
      continue;
    }
    // A sheet too large for what is left: its first rows (at least one when the batch is empty).
    const rows = Math.max(batch.length === 0 ? 1 : 0, rowsFitting);
    if (rows > 0) {
      batch.push({ plan: piece.plan, top: piece.top, rows });
      pending[0] = { plan: piece.plan, top: piece.top + rows, rows: piece.rows - rows };
    }
    break;
  }
  return batch;
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** Splits pieces in two halves: several pieces by count, one piece by its rows. */
function halves(pieces: Piece[]): Piece[][] | null {
  if (pieces.length > 1) return [pieces.slice(0, pieces.length >> 1), pieces.slice(pieces.length >> 1)];
  const [piece] = pieces;
  if (piece.rows < 2) return null;
  const first = piece.rows >> 1;
  return [[{ ...piece, rows: first }], [{ plan: piece.plan, top: piece.top + first, rows: piece.rows - first }]];
}

/**
 * The size of a loaded payload, counted as JSON with non-ASCII characters escaped (six bytes each):
 * the larger of the plausible counts, so pieces sized from it stay within the limit.
 */
function payloadBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) bytes += 5;
  return bytes;
}

class PieceReader {
  /** What one cell's values + text weighed in the pieces read so far. */
  bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
  private mergesLeft: Piece[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly caps: ExcelCapabilities,
    private readonly notices: HostNotice[],
  ) {}

  /**
   * One sync for the pieces. Too large: each half again. Any other failure while merged areas were
   * asked for (over 512 of them make getMergedAreasOrNullObject fail): the content again without them,
   * the merged areas afterwards on their own.
   */
  async read(pieces: Piece[], withMerges = this.caps.merges): Promise<void> {
    const loads = pieces.map((piece) => ({ piece, ...this.queueContent(this.rangeOf(piece), withMerges) }));
    try {
      await this.context.sync();
    } catch (error) {
      if (isPayloadTooLarge(error)) {
        const split = halves(pieces);
        if (!split) throw error;
        for (const half of split) await this.read(half, withMerges);
        return;
      }
      if (!withMerges) throw error;
      await this.read(pieces, false);
      this.mergesLeft.push(...pieces);
      return;
    }
    this.storeAll(loads);
  }

  /**
   * A sheet's used range (its size), and with `windowRows` its content from the top-left: the first
   * `windowRows` rows of the first WINDOW_COLUMNS columns that are used.
   */
  queueUsed(worksheet: Excel.Worksheet, windowRows: number): UsedLoad {
    const used = worksheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    if (windowRows === 0) return { worksheet, used };
    // getUsedRange is never a null object (a blank sheet gives A1), so the window can be built on it in
    // this same batch; its content is used only where the used range above is not null.
    const whole = worksheet.getUsedRange(true);
    const window = whole.getCell(0, 0).getResizedRange(windowRows - 1, WINDOW_COLUMNS - 1).getIntersection(whole);
    return { worksheet, used, window: this.queueContent(window, this.caps.merges) };
  }

  /** Stores what was read and, unless told not to, learns from it what a cell weighs. */
  storeAll(loads: PieceLoad[], learn = true): void {
    let bytes = 0;
    let cells = 0;
    for (const load of loads) {
      if (learn) {
        bytes += payloadBytes(load.range.values) + payloadBytes(load.range.text);
        cells += load.range.values.length * (load.range.values[0]?.length ?? 0);
      }
      this.store(load);
    }
    if (cells > 0) this.bytesPerCell = Math.max(8, bytes / cells);
  }

  /** Merged areas of the pieces whose content was read without them: halves until each part succeeds. */
  async readMergesAlone(): Promise<void> {
    const left = this.mergesLeft;
    this.mergesLeft = [];
    for (const piece of left) await this.readMerges(piece);
  }

  private async readMerges(piece: Piece, depth = 0): Promise<void> {
    const merged = this.rangeOf(piece).getMergedAreasOrNullObject();
    merged.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
    try {
      await this.context.sync();
    } catch {
      const split = depth < MAX_MERGE_SPLITS ? halves([piece]) : null;
      if (!split) {
        this.notices.push({ code: 'merges-unread', sheet: piece.plan.name, firstRow: piece.top + 1, lastRow: piece.top + piece.rows });
        return;
      }
      for (const [half] of split) await this.readMerges(half, depth + 1);
      return;
    }
    piece.plan.merges.push(...mergeAreas(merged));
  }

  private rangeOf(piece: Piece): Excel.Range {
    const { plan, top, rows } = piece;
    return plan.worksheet.getRange(`${a1(top, plan.columnIndex)}:${a1(top + rows - 1, plan.columnIndex + plan.columnCount - 1)}`);
  }

  private queueContent(range: Excel.Range, withMerges: boolean): ContentLoad {
    const load: ContentLoad = { range };
    if (this.caps.formulaCells) {
      // Formulas only where there are formulas (getSpecialCellsOrNullObject, ExcelApi 1.9): reading
      // them for every cell would send each value twice.
      range.load('values,text');
      load.formulaCells = range.getSpecialCellsOrNullObject('Formulas');
      load.formulaCells.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/formulas');
    } else {
      range.load('values,text,formulas');
    }
    if (withMerges) {
      load.merged = range.getMergedAreasOrNullObject();
      load.merged.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
    }
    return load;
  }

  private store({ piece, range, formulaCells, merged }: PieceLoad): void {
    const { plan, top, rows } = piece;
    const formulas = new Map<string, string>();
    if (formulaCells && !formulaCells.isNullObject) {
      for (const area of formulaCells.areas.items) {
        area.formulas.forEach((row, r) =>
          row.forEach((formula, c) => {
            // Only within the piece: Excel's SpecialCells can answer for more than the range asked.
            const at = { row: area.rowIndex + r, col: area.columnIndex + c };
            if (at.row >= top && at.row < top + rows && typeof formula === 'string') formulas.set(`${at.row},${at.col}`, formula);
          }),
        );
      }
    } else if (!formulaCells) {
      range.formulas.forEach((row, r) => row.forEach((formula, c) => typeof formula === 'string' && formulas.set(`${top + r},${plan.columnIndex + c}`, formula)));
    }
    const values = range.values;
    const texts = range.text;
    for (let r = 0; r < rows; r++) {
      const row: (Cell | undefined)[] = [];
      for (let c = 0; c < values[r].length; c++) {
        const cell = toCell(values[r][c], texts[r][c], formulas.get(`${top + r},${plan.columnIndex + c}`));
        if (cell) row[plan.columnIndex + c] = cell;
      }
      plan.rows[top + r] = row;
    }
    if (merged) plan.merges.push(...mergeAreas(merged));
  }
}

/** The merged areas whose top-left cell lies in the range read (office-js #3611): each merge once across pieces. */
function mergeAreas(merged: Excel.RangeAreas): MergeArea[] {
  if (merged.isNullObject) return [];
  return merged.areas.items.map((area) => ({
    top: area.rowIndex,
    left: area.columnIndex,
    bottom: area.rowIndex + area.rowCount - 1,
    right: area.columnIndex + area.columnCount - 1,
  }));
}

/**
 * A formula cell is its cached result, whatever it is: 0, false and "" included (issue 11 §1), never a
 * blank cell. A cell without a formula and without a value is empty.
 */
export function toCell(value: unknown, text: string, formula: string | undefined): Cell | undefined {
  const hasFormula = typeof formula === 'string' && formula.startsWith('=');
  const result = typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : null;
  if (!hasFormula) return result === null || result === '' ? undefined : { value: result, text };
  return { value: result, text, formula };
}
