import { a1 } from '../core';
import type { CellMark, DocumentStore, HighlightOutcome, HostNotice } from '../host/adapter';
import {
  cellsBySheet,
  type CurrentFill,
  decideCell,
  forgetSheets,
  loadHighlightMemory,
  newTally,
  type Position,
  type SavedFill,
  saveHighlightMemory,
  tallyNotices,
  wantedMarks,
} from '../host/highlightMemory';
import type { EtWorkbook, EtWorksheet } from './api';
import { fillOf, paintMark, writeFill } from './fills';
import { addressLists, box, sheetsByName } from './sheets';

/**
 * Restores earlier highlights and applies `marks`, deciding each cell as every host does
 * (src/host/highlightMemory.ts). Fills are read in one look at the cells' bounding box when they all
 * have the same fill (a table without fills of its own), else cell by cell; writes go by colour, many
 * cells to one Range() call. A sheet renamed or deleted since it was marked is forgotten; a protected
 * sheet is not written to.
 */
export async function applyEtHighlights(workbook: EtWorkbook, store: DocumentStore, marks: CellMark[]): Promise<HighlightOutcome> {
  const memory = loadHighlightMemory(store);
  const notices: HostNotice[] = [];
  const wanted = wantedMarks(store, memory, marks, notices);
  const bySheet = cellsBySheet([...memory.keys(), ...wanted.keys()]);
  if (bySheet.size === 0) return { marked: 0, restored: 0, notices };

  const sheets = sheetsByName(workbook);
  forgetSheets([...bySheet.keys()].filter((name) => !sheets.has(name.toLowerCase())), bySheet, memory, wanted, notices);

  const before = new Map(memory);
  const tally = newTally();
  const writes: (() => void)[] = [];
  for (const [name, cells] of bySheet) {
    const worksheet = sheets.get(name.toLowerCase())!;
    if (worksheet.ProtectContents) {
      notices.push({ code: 'sheet-protected', sheet: name });
      continue;
    }
    const fillAt = readFills(worksheet, cells);
    const paint = new Map<string, string[]>();
    const restore = new Map<string, { fill: SavedFill; cells: string[] }>();
    for (const { ref, row, col } of cells) {
      const action = decideCell(ref, fillAt(row, col), memory, wanted, tally);
      if (action?.kind === 'paint') paint.set(action.colour, [...(paint.get(action.colour) ?? []), a1(row, col)]);
      if (action?.kind === 'restore') {
        const key = JSON.stringify(action.fill);
        restore.set(key, { fill: action.fill, cells: [...(restore.get(key)?.cells ?? []), a1(row, col)] });
      }
    }
    for (const { fill, cells: group } of restore.values()) for (const list of addressLists(group)) writes.push(() => writeFill(worksheet.Range(list).Interior, fill));
    for (const [colour, group] of paint) for (const list of addressLists(group)) writes.push(() => paintMark(worksheet.Range(list).Interior, colour));
  }
  if (writes.length > 0) {
    // Every original is saved before any fill is painted: if a write fails part way, 清除标记 can still
    // restore each cell that did change (a cell whose fill is not our mark is left alone).
    saveHighlightMemory(store, new Map([...before, ...memory]));
    await store.save();
    for (const write of writes) write();
  }
  notices.push(...tallyNotices(tally));
  saveHighlightMemory(store, memory);
  await store.save();
  return { marked: tally.marked, restored: tally.restored, notices };
}

/** The fill of each of these cells: one read of their bounding box when it is uniform, else one a cell. */
function readFills(worksheet: EtWorksheet, cells: Position[]): (row: number, col: number) => CurrentFill {
  const rows = cells.map((c) => c.row);
  const cols = cells.map((c) => c.col);
  const uniform = fillOf(worksheet.Range(box(Math.min(...rows), Math.min(...cols), Math.max(...rows), Math.max(...cols))).Interior);
  if (uniform) return () => uniform;
  const fills = new Map(cells.map((c) => [`${c.row},${c.col}`, fillOf(worksheet.Range(a1(c.row, c.col)).Interior)]));
  // A single cell always reads one fill; null would mean WPS answered for more than the cell.
  return (row, col) => fills.get(`${row},${col}`) ?? { color: '#FFFFFF', pattern: 'None' };
}
