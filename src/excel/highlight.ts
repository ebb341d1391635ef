import { a1 } from '../core';
import { type CellMark, type DocumentStore, type HighlightOutcome } from '../host/adapter';
import {
  cellsBySheet,
  decideCell,
  forgetSheets,
  loadHighlightMemory,
  newTally,
  type Position,
  sameColour,
  type SavedFill,
  saveHighlightMemory,
  tallyNotices,
  wantedMarks,
} from '../host/highlightMemory';
import type { ExcelCapabilities } from './requirements';
import { readOnSheets } from './sheets';

const GRADIENTS = ['LinearGradient', 'RectangularGradient'];

/** Above this many cells the bounding box read is wasteful; read cell by cell (still one sync). */
const MAX_BOX_CELLS = 20000;

/**
 * Restores earlier highlights and applies `marks`: one sync to read the fills, one to write, whatever
 * the number of cells; two more when a remembered sheet was renamed or deleted (asking anything of it
 * fails the whole sync, so 清除标记 would fail for good: its sheet is forgotten). What to do with each
 * cell is decided as in every host (src/host/highlightMemory.ts).
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  caps: ExcelCapabilities,
  store: DocumentStore,
  marks: CellMark[],
): Promise<HighlightOutcome> {
  const memory = loadHighlightMemory(store);
  const notices: HighlightOutcome['notices'] = [];
  const wanted = wantedMarks(store, memory, marks, notices);
  const bySheet = cellsBySheet([...memory.keys(), ...wanted.keys()]);
  if (bySheet.size === 0) return { marked: 0, restored: 0, notices };

  const { read: reads, present } = await readOnSheets(context, [...bySheet.keys()], (present) => {
    const queued = new Map<string, { worksheet: Excel.Worksheet; finish: () => (row: number, col: number) => SavedFill | 'gradient' }>();
    for (const [sheet, cells] of bySheet) {
      if (!present.has(sheet)) continue;
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.protection.load('protected');
      queued.set(sheet, { worksheet, finish: queueFillRead(worksheet, cells, caps) });
    }
    return queued;
  });
  const missing = [...bySheet.keys()].filter((sheet) => !present.has(sheet));
  if (missing.length > 0) {
    forgetSheets(missing, bySheet, memory, wanted, notices);
    // Forgotten at once: whatever happens next, a later 清除标记 no longer asks for them.
    saveHighlightMemory(store, memory);
    await store.save();
  }

  const before = new Map(memory);
  const tally = newTally();
  let writes = 0;
  for (const [sheet, cells] of bySheet) {
    const { worksheet, finish } = reads.get(sheet)!;
    if (worksheet.protection.protected) {
      notices.push({ code: 'sheet-protected', sheet });
      continue;
    }
    const fillAt = finish();
    for (const { ref, row, col } of cells) {
      const action = decideCell(ref, fillAt(row, col), memory, wanted, tally);
      if (!action) continue;
      const fill = worksheet.getRange(a1(row, col)).format.fill;
      if (action.kind === 'paint') fill.color = action.colour;
      else writeFill(fill, action.fill, caps);
      writes++;
    }
  }
  if (writes > 0) {
    // Every original is saved before any fill is painted: if the write fails part way, 清除标记 can
    // still restore each cell that did change (a cell whose fill is not our mark is left alone).
    saveHighlightMemory(store, new Map([...before, ...memory]));
    await store.save();
    await context.sync();
  }
  notices.push(...tallyNotices(tally));

  saveHighlightMemory(store, memory);
  await store.save();
  return { marked: tally.marked, restored: tally.restored, notices };
}

/** Queues the fill read for these cells; the returned function reads the results after the sync. */
function queueFillRead(worksheet: Excel.Worksheet, cells: Position[], caps: ExcelCapabilities): () => (row: number, col: number) => SavedFill | 'gradient' {
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

/**
 * Excel reports "no fill" as #FFFFFF with pattern null, exactly like solid white (office-js #6218,
 * #4900); only tintAndShade tells them apart: null for no fill, a number for any fill (#4900).
 */
function savedFill(fill: Excel.CellPropertiesFill | undefined): SavedFill | 'gradient' {
  if (fill?.pattern && GRADIENTS.includes(fill.pattern)) return 'gradient';
  if (fill?.tintAndShade === null || fill?.tintAndShade === undefined) return { color: '#FFFFFF', pattern: 'None' };
  const saved: SavedFill = { color: fill.color ?? '#FFFFFF', pattern: fill.pattern ?? 'Solid', tintAndShade: fill.tintAndShade };
  if (typeof fill.patternColor === 'string') saved.patternColor = fill.patternColor;
  if (typeof fill.patternTintAndShade === 'number') saved.patternTintAndShade = fill.patternTintAndShade;
  return saved;
}

function writeFill(fill: Excel.RangeFill, original: SavedFill, caps: ExcelCapabilities): void {
  // Without ExcelApi 1.9 the pattern is unknown and Excel reports "no fill" as white: clear it (the
  // pane says so when it opens).
  const noFill = original.pattern === 'None' || (original.pattern === undefined && sameColour(original.color, '#FFFFFF'));
  if (noFill) {
    fill.clear();
    return;
  }
  fill.color = original.color;
  if (!caps.bulkFill || original.pattern === undefined) return;
  if (original.pattern !== 'Solid') fill.pattern = original.pattern as Excel.FillPattern;
  if (original.patternColor !== undefined) fill.patternColor = original.patternColor;
  if (original.tintAndShade !== undefined) fill.tintAndShade = original.tintAndShade;
  if (original.patternTintAndShade !== undefined) fill.patternTintAndShade = original.patternTintAndShade;
}
