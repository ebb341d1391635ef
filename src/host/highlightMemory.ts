import { a1, CELL_FILLS, cellRef, parseCellRef, quoteSheetName } from '../core';
import { type CellMark, type DocumentStore, type HostNotice, STORE_KEYS } from './adapter';

/**
 * What every spreadsheet host does alike when it marks cells: remember each cell's original fill in the
 * document, decide per cell whether to paint, restore or keep the user's colour, and word nothing (the
 * pane phrases the notices). Only reading and writing a fill is the host's own.
 */

/** A cell's fill as it was before the add-in marked it, in Office.js terms (WPS converts its COM values). */
export interface SavedFill {
  color: string;
  /** 'None' is "no fill", 'Solid' a plain colour; absent when only ExcelApi 1.1 could read it. */
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/** What a host reads of a cell: its fill, or a gradient, which no host can set back. */
export type CurrentFill = SavedFill | 'gradient';

export interface Remembered {
  original: SavedFill;
  mark: string;
}

export type HighlightMemory = Map<string, Remembered>;

/**
 * What the add-in changed, kept in the document so that a save with highlights on, a closed pane or a
 * reopened file can still be restored exactly. Compact, because document settings are small: each
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

export interface Position {
  ref: string;
  row: number;
  col: number;
}

export function loadHighlightMemory(store: DocumentStore): HighlightMemory {
  const memory: HighlightMemory = new Map();
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

export function saveHighlightMemory(store: DocumentStore, memory: HighlightMemory): void {
  store.remove(STORE_KEYS.highlightsV1);
  if (memory.size > 0) store.set(STORE_KEYS.highlights, encode(memory));
  else store.remove(STORE_KEYS.highlights);
}

function encode(memory: HighlightMemory): StoredHighlights {
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

/**
 * The mark colour each cell should have (by its most severe finding), or none at all when remembering
 * them could not be saved in the document: refused before anything changes, with a notice.
 */
export function wantedMarks(store: DocumentStore, memory: HighlightMemory, marks: CellMark[], notices: HostNotice[]): Map<string, string> {
  const wanted = new Map<string, string>();
  for (const mark of marks) {
    const pos = parseCellRef(mark.cell);
    if (pos) wanted.set(cellRef(pos.sheet, pos.row, pos.col), CELL_FILLS[mark.severity]);
  }
  const prospective = new Map(memory);
  for (const [ref, mark] of wanted) prospective.set(ref, prospective.get(ref) ?? { original: { color: '#FFFFFF', pattern: 'None' }, mark });
  if (store.fits(STORE_KEYS.highlights, encode(prospective))) return wanted;
  notices.push({ code: 'too-many-marks', cells: wanted.size });
  return new Map();
}

/** The cells to look at (remembered and wanted), by sheet. */
export function cellsBySheet(refs: Iterable<string>): Map<string, Position[]> {
  const bySheet = new Map<string, Position[]>();
  for (const ref of new Set(refs)) {
    const pos = parseCellRef(ref);
    if (!pos) continue;
    const list = bySheet.get(pos.sheet) ?? [];
    list.push({ ref, row: pos.row, col: pos.col });
    bySheet.set(pos.sheet, list);
  }
  return bySheet;
}

/** Sheets renamed or deleted since they were marked: their cells are forgotten, and the pane is told. */
export function forgetSheets(missing: string[], bySheet: Map<string, Position[]>, memory: HighlightMemory, wanted: Map<string, string>, notices: HostNotice[]): void {
  if (missing.length === 0) return;
  for (const sheet of missing) {
    for (const { ref } of bySheet.get(sheet) ?? []) {
      memory.delete(ref);
      wanted.delete(ref);
    }
    bySheet.delete(sheet);
  }
  notices.push({ code: 'highlight-sheet-missing', sheets: missing });
}

/** What to do to one cell: paint a mark, put its original fill back, or nothing. */
export type FillAction = { kind: 'paint'; colour: string } | { kind: 'restore'; fill: SavedFill } | null;

/** The counts and cell lists a highlight run reports. */
export interface MarkTally {
  marked: number;
  restored: number;
  changedByUser: string[];
  gradients: string[];
}

export const newTally = (): MarkTally => ({ marked: 0, restored: 0, changedByUser: [], gradients: [] });

/**
 * Decides one cell and updates the memory: a cell still showing our mark gets its original back; one the
 * user recoloured since keeps the user's colour; a gradient is not marked; a cell marked again keeps the
 * first original it had.
 */
export function decideCell(ref: string, current: CurrentFill, memory: HighlightMemory, wanted: Map<string, string>, tally: MarkTally): FillAction {
  const remembered = memory.get(ref);
  const stillOurs = remembered !== undefined && current !== 'gradient' && sameColour(current.color, remembered.mark);
  const colour = wanted.get(ref);
  if (colour !== undefined && current === 'gradient') {
    tally.gradients.push(ref);
  } else if (colour !== undefined && current !== 'gradient') {
    memory.set(ref, { original: stillOurs ? remembered.original : current, mark: colour });
    tally.marked++;
    return !stillOurs || !sameColour(current.color, colour) ? { kind: 'paint', colour } : null;
  }
  if (!remembered) return null;
  memory.delete(ref);
  if (!stillOurs) {
    tally.changedByUser.push(ref);
    return null;
  }
  tally.restored++;
  return { kind: 'restore', fill: remembered.original };
}

export function tallyNotices(tally: MarkTally): HostNotice[] {
  const notices: HostNotice[] = [];
  if (tally.changedByUser.length > 0) notices.push({ code: 'highlight-changed-by-user', cells: tally.changedByUser });
  if (tally.gradients.length > 0) notices.push({ code: 'gradient-kept', cells: tally.gradients });
  return notices;
}

export function sameColour(a: string | undefined, b: string): boolean {
  return (a ?? '').toUpperCase() === b.toUpperCase();
}
