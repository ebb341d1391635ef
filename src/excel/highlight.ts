import { a1, cellRef, parseCellRef } from '../core/grid';
import type { Severity } from '../core/types';
import type { CellMark, DocumentStore, HighlightOutcome, HostNotice } from '../host/adapter';
import { STORE_KEYS } from '../host/officeSettings';
import type { ExcelCapabilities } from './requirements';

/** Excel's own Bad / Neutral / light-blue styles, so the marks read as familiar Excel colours. */
export const MARK_COLOURS: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  hint: '#DDEBF7',
};

/** A cell's fill as it was before the add-in marked it. */
export interface SavedFill {
  color: string;
  /** 'None' is "no fill"; absent when only ExcelApi 1.1 could read it. */
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/**
 * What the add-in changed, kept in the document settings so that a save with highlights on, a closed
 * pane or a reopened file can still be restored exactly.
 */
export interface HighlightMemory {
  cells: Record<string, { original: SavedFill; mark: string }>;
}

/** Above this many cells the bounding box read is wasteful; read cell by cell (still one sync). */
const MAX_BOX_CELLS = 20000;

interface Position {
  ref: string;
  row: number;
  col: number;
}

interface SheetRead {
  worksheet: Excel.Worksheet;
  fillAt: (row: number, col: number) => SavedFill;
}

/**
 * Restores earlier highlights and applies `marks` in one read sync and one write sync, whatever the
 * number of cells. A cell the user recoloured since it was marked keeps the user's colour.
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  caps: ExcelCapabilities,
  store: DocumentStore,
  marks: CellMark[],
): Promise<HighlightOutcome> {
  const memory: HighlightMemory = store.get<HighlightMemory>(STORE_KEYS.highlights) ?? { cells: {} };
  const previousCells = { ...memory.cells };
  const wanted = new Map<string, string>();
  for (const mark of marks) {
    const pos = parseCellRef(mark.cell);
    if (pos) wanted.set(cellRef(pos.sheet, pos.row, pos.col), MARK_COLOURS[mark.severity]);
  }

  const bySheet = new Map<string, Position[]>();
  for (const ref of new Set([...Object.keys(memory.cells), ...wanted.keys()])) {
    const pos = parseCellRef(ref);
    if (!pos) continue;
    const list = bySheet.get(pos.sheet) ?? [];
    list.push({ ref, row: pos.row, col: pos.col });
    bySheet.set(pos.sheet, list);
  }

  if (bySheet.size === 0) return { marked: 0, restored: 0, notices: [] };

  const reads = new Map<string, { worksheet: Excel.Worksheet; finish: () => SheetRead['fillAt'] }>();
  for (const [sheet, cells] of bySheet) {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
    worksheet.load('isNullObject');
    worksheet.protection.load('protected');
    reads.set(sheet, { worksheet, finish: queueFillRead(worksheet, cells, caps) });
  }
  await context.sync();

  const notices: HostNotice[] = [];
  const changedByUser: string[] = [];
  let marked = 0;
  let restored = 0;
  let writes = 0;
  for (const [sheet, cells] of bySheet) {
    const { worksheet, finish } = reads.get(sheet)!;
    if (worksheet.isNullObject) {
      // The sheet was deleted or renamed: nothing left to restore there.
      for (const { ref } of cells) delete memory.cells[ref];
      continue;
    }
    if (worksheet.protection.protected) {
      notices.push({ code: 'sheet-protected', sheet });
      continue;
    }
    const fillAt = finish();
    for (const { ref, row, col } of cells) {
      const current = fillAt(row, col);
      const remembered = memory.cells[ref];
      const stillOurs = remembered !== undefined && sameColour(current.color, remembered.mark);
      const colour = wanted.get(ref);
      const target = worksheet.getRange(a1(row, col));
      if (colour !== undefined) {
        const original = stillOurs ? remembered.original : current;
        memory.cells[ref] = { original, mark: colour };
        if (!stillOurs || !sameColour(current.color, colour)) {
          target.format.fill.color = colour;
          writes++;
        }
        marked++;
      } else if (remembered) {
        if (stillOurs) {
          writeFill(target.format.fill, remembered.original, caps);
          writes++;
          restored++;
        } else {
          changedByUser.push(ref);
        }
        delete memory.cells[ref];
      }
    }
  }
  if (writes > 0) {
    // Every original is saved before any fill is painted: if the write fails part way, 清除标记 can
    // still restore each cell that did change (a cell whose fill is not our mark is left alone).
    store.set(STORE_KEYS.highlights, { cells: { ...previousCells, ...memory.cells } });
    await store.save();
    await context.sync();
  }
  if (changedByUser.length > 0) notices.push({ code: 'highlight-changed-by-user', cells: changedByUser });

  if (Object.keys(memory.cells).length > 0) store.set(STORE_KEYS.highlights, memory);
  else store.remove(STORE_KEYS.highlights);
  await store.save();
  return { marked, restored, notices };
}

/** Queues the fill read for these cells; the returned function reads the results after the sync. */
function queueFillRead(
  worksheet: Excel.Worksheet,
  cells: Position[],
  caps: ExcelCapabilities,
): () => (row: number, col: number) => SavedFill {
  if (caps.bulkFill) {
    const top = Math.min(...cells.map((c) => c.row));
    const left = Math.min(...cells.map((c) => c.col));
    const bottom = Math.max(...cells.map((c) => c.row));
    const right = Math.max(...cells.map((c) => c.col));
    const fillOptions = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } };
    if ((bottom - top + 1) * (right - left + 1) <= MAX_BOX_CELLS) {
      const box = worksheet.getRange(`${a1(top, left)}:${a1(bottom, right)}`).getCellProperties(fillOptions);
      return () => (row, col) => savedFill(box.value[row - top][col - left].format?.fill);
    }
    const single = new Map(cells.map((c) => [`${c.row},${c.col}`, worksheet.getRange(a1(c.row, c.col)).getCellProperties(fillOptions)]));
    return () => (row, col) => savedFill(single.get(`${row},${col}`)!.value[0][0].format?.fill);
  }
  const fills = new Map(
    cells.map((c) => {
      const fill = worksheet.getRange(a1(c.row, c.col)).format.fill;
      fill.load('color');
      return [`${c.row},${c.col}`, fill] as const;
    }),
  );
  return () => (row, col) => ({ color: fills.get(`${row},${col}`)!.color });
}

function savedFill(fill: Excel.CellPropertiesFill | undefined): SavedFill {
  return {
    color: fill?.color ?? '#FFFFFF',
    pattern: fill?.pattern ?? 'None',
    patternColor: fill?.patternColor,
    tintAndShade: fill?.tintAndShade,
    patternTintAndShade: fill?.patternTintAndShade,
  };
}

function writeFill(fill: Excel.RangeFill, original: SavedFill, caps: ExcelCapabilities): void {
  // Without ExcelApi 1.9 the pattern is unknown and Excel reports "no fill" as white: clear it.
  const noFill = original.pattern === 'None' || (original.pattern === undefined && sameColour(original.color, '#FFFFFF'));
  if (noFill) {
    fill.clear();
    return;
  }
  fill.color = original.color;
  if (!caps.bulkFill) return;
  if (original.pattern !== undefined && original.pattern !== 'Solid') fill.pattern = original.pattern as Excel.FillPattern;
  if (original.patternColor !== undefined) fill.patternColor = original.patternColor;
  if (original.tintAndShade !== undefined) fill.tintAndShade = original.tintAndShade;
  if (original.patternTintAndShade !== undefined) fill.patternTintAndShade = original.patternTintAndShade;
}

function sameColour(a: string | undefined, b: string): boolean {
  return (a ?? '').toUpperCase() === b.toUpperCase();
}
