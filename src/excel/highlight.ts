import { a1, CELL_FILLS, cellRef, parseCellRef, quoteSheetName } from '../core';
import { type CellMark, type DocumentStore, type HighlightOutcome, type HostNotice, STORE_KEYS } from '../host/adapter';
import type { ExcelCapabilities } from './requirements';
import { readOnSheets } from './sheets';


/** A cell's fill as it was before the add-in marked it. */
export interface SavedFill {
  color: string;
  /** 'None' is "no fill", 'Solid' a plain colour; absent when only ExcelApi 1.1 could read it. */
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

interface Remembered {
  original: SavedFill;
  mark: string;
}

/**
 * What the add-in changed, kept in the document settings so that a save with highlights on, a closed
 * pane or a reopened file can still be restored exactly. Compact, because settings are small: each
 * distinct fill and mark colour once, each cell as "A1": [mark, fill] under its sheet (~15 bytes a cell).
 */
interface StoredHighlights {
  /** [color] when only the colour is known; [color, pattern, patternColor, tintAndShade, patternTintAndShade]. */
  fills: (string | number | null)[][];
  marks: string[];
  cells: Record<string, Record<string, [number, number]>>;
}

/** The first format (v1): every cell's whole fill under its full reference. Read so that old marks can still be cleared. */
interface StoredHighlightsV1 {
  cells: Record<string, Remembered>;
}

const GRADIENTS = ['LinearGradient', 'RectangularGradient'];

/** Above this many cells the bounding box read is wasteful; read cell by cell (still one sync). */
const MAX_BOX_CELLS = 20000;

interface Position {
  ref: string;
  row: number;
  col: number;
}

/**
 * Restores earlier highlights and applies `marks`: one sync to read the fills, one to write, whatever
 * the number of cells; two more when a remembered sheet was renamed or deleted (asking anything of it
 * fails the whole sync, so 清除标记 would fail for good: its sheet is forgotten). A cell the user recoloured
 * since it was marked keeps the user's colour; a gradient fill, which cannot be set back, is not marked.
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  caps: ExcelCapabilities,
  store: DocumentStore,
  marks: CellMark[],
): Promise<HighlightOutcome> {
  const memory = loadMemory(store);
  const notices: HostNotice[] = [];
  let wanted = new Map<string, string>();
  for (const mark of marks) {
    const pos = parseCellRef(mark.cell);
    if (pos) wanted.set(cellRef(pos.sheet, pos.row, pos.col), CELL_FILLS[mark.severity]);
  }
  // Refused before anything changes when remembering them could not be saved.
  const prospective = new Map(memory);
  for (const [ref, mark] of wanted) prospective.set(ref, prospective.get(ref) ?? { original: { color: '#FFFFFF', pattern: 'None' }, mark });
  if (!store.fits(STORE_KEYS.highlights, encode(prospective))) {
    notices.push({ code: 'too-many-marks', cells: wanted.size });
    wanted = new Map();
  }

  const bySheet = new Map<string, Position[]>();
  for (const ref of new Set([...memory.keys(), ...wanted.keys()])) {
    const pos = parseCellRef(ref);
    if (!pos) continue;
    const list = bySheet.get(pos.sheet) ?? [];
    list.push({ ref, row: pos.row, col: pos.col });
    bySheet.set(pos.sheet, list);
  }
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
    for (const sheet of missing) {
      for (const { ref } of bySheet.get(sheet)!) {
        memory.delete(ref);
        wanted.delete(ref);
      }
      bySheet.delete(sheet);
    }
    // Forgotten at once: whatever happens next, a later 清除标记 no longer asks for them.
    save(store, memory);
    await store.save();
    notices.push({ code: 'highlight-sheet-missing', sheets: missing });
  }

  const before = new Map(memory);
  const changedByUser: string[] = [];
  const gradients: string[] = [];
  let marked = 0;
  let restored = 0;
  let writes = 0;
  for (const [sheet, cells] of bySheet) {
    const { worksheet, finish } = reads.get(sheet)!;
    if (worksheet.protection.protected) {
      notices.push({ code: 'sheet-protected', sheet });
      continue;
    }
    const fillAt = finish();
    for (const { ref, row, col } of cells) {
      const current = fillAt(row, col);
      const remembered = memory.get(ref);
      const stillOurs = remembered !== undefined && current !== 'gradient' && sameColour(current.color, remembered.mark);
      const colour = wanted.get(ref);
      const target = worksheet.getRange(a1(row, col));
      if (colour !== undefined && current === 'gradient') {
        gradients.push(ref);
      } else if (colour !== undefined && current !== 'gradient') {
        memory.set(ref, { original: stillOurs ? remembered.original : current, mark: colour });
        if (!stillOurs || !sameColour(current.color, colour)) {
          target.format.fill.color = colour;
          writes++;
        }
        marked++;
        continue;
      }
      if (!remembered) continue;
      if (stillOurs) {
        writeFill(target.format.fill, remembered.original, caps);
        writes++;
        restored++;
      } else {
        changedByUser.push(ref);
      }
      memory.delete(ref);
    }
  }
  if (writes > 0) {
    // Every original is saved before any fill is painted: if the write fails part way, 清除标记 can
    // still restore each cell that did change (a cell whose fill is not our mark is left alone).
    save(store, new Map([...before, ...memory]));
    await store.save();
    await context.sync();
  }
  if (changedByUser.length > 0) notices.push({ code: 'highlight-changed-by-user', cells: changedByUser });
  if (gradients.length > 0) notices.push({ code: 'gradient-kept', cells: gradients });

  save(store, memory);
  await store.save();
  return { marked, restored, notices };
}

function loadMemory(store: DocumentStore): Map<string, Remembered> {
  const memory = new Map<string, Remembered>();
  const v1 = store.get<StoredHighlightsV1>(STORE_KEYS.highlightsV1);
  for (const [ref, remembered] of Object.entries(v1?.cells ?? {})) memory.set(ref, remembered);
  const stored = store.get<StoredHighlights>(STORE_KEYS.highlights);
  if (!stored) return memory;
  for (const [sheet, cells] of Object.entries(stored.cells)) {
    for (const [address, [mark, fill]] of Object.entries(cells)) {
      const pos = parseCellRef(`${quoteSheetName(sheet)}!${address}`);
      if (pos) memory.set(cellRef(pos.sheet, pos.row, pos.col), { original: decodeFill(stored.fills[fill]), mark: stored.marks[mark] });
    }
  }
  return memory;
}

function save(store: DocumentStore, memory: Map<string, Remembered>): void {
  store.remove(STORE_KEYS.highlightsV1);
  if (memory.size > 0) store.set(STORE_KEYS.highlights, encode(memory));
  else store.remove(STORE_KEYS.highlights);
}

function encode(memory: Map<string, Remembered>): StoredHighlights {
  const stored: StoredHighlights = { fills: [], marks: [], cells: {} };
  const fillIndex = new Map<string, number>();
  for (const [ref, { original, mark }] of memory) {
    const pos = parseCellRef(ref);
    if (!pos) continue;
    const tuple = encodeFill(original);
    const key = JSON.stringify(tuple);
    if (!fillIndex.has(key)) fillIndex.set(key, stored.fills.push(tuple) - 1);
    let markAt = stored.marks.indexOf(mark);
    if (markAt < 0) markAt = stored.marks.push(mark) - 1;
    (stored.cells[pos.sheet] ??= {})[a1(pos.row, pos.col)] = [markAt, fillIndex.get(key)!];
  }
  return stored;
}

function encodeFill(fill: SavedFill): (string | number | null)[] {
  if (fill.pattern === undefined) return [fill.color];
  if (fill.pattern === 'None') return [fill.color, 'None'];
  return [fill.color, fill.pattern, fill.patternColor ?? null, fill.tintAndShade ?? null, fill.patternTintAndShade ?? null];
}

function decodeFill([color, pattern, patternColor, tintAndShade, patternTintAndShade]: (string | number | null)[]): SavedFill {
  const fill: SavedFill = { color: String(color) };
  if (typeof pattern === 'string') fill.pattern = pattern;
  if (typeof patternColor === 'string') fill.patternColor = patternColor;
  if (typeof tintAndShade === 'number') fill.tintAndShade = tintAndShade;
  if (typeof patternTintAndShade === 'number') fill.patternTintAndShade = patternTintAndShade;
  return fill;
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

function sameColour(a: string | undefined, b: string): boolean {
  return (a ?? '').toUpperCase() === b.toUpperCase();
}
