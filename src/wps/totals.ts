import { displayOf, parseCellRef, type PlannedWrite } from '../core';
import { type DocumentStore, type HostNotice, STORE_KEYS, type TotalsOutcome } from '../host/adapter';
import { cellRefOf, emptyToNull, restorable, type TotalsUndoMemory, unchangedSince } from '../host/totalsMemory';
import type { EtWorkbook, EtWorksheet } from './api';
import { box, grid, sheetsByName } from './sheets';
import { toCell } from './read';

/**
 * 计算合计 in WPS 表格: a protected sheet is refused before anything is read or written; each other sheet's
 * planned cells are re-checked in one Value2 and one Formula read of their bounding box (a formula is never
 * written over, a cell edited since 校验 is left alone), and written a block at a time: each run of
 * adjacent cells down a column in one Value2 write (a block spanning cells not planned would rewrite them).
 */

interface Target {
  ref: string;
  worksheet: EtWorksheet;
  row: number;
  col: number;
  value: unknown;
  formula: boolean;
}

/** The cells, read back sheet by sheet; a cell of a sheet renamed or deleted since has no target. */
function readTargets(workbook: EtWorkbook, refs: string[]): (Target | null)[] {
  const sheets = sheetsByName(workbook);
  const positions = refs.map((ref) => parseCellRef(ref));
  const boxes = new Map<string, { values: unknown[][]; formulas: unknown[][]; top: number; left: number }>();
  for (const name of new Set(positions.map((p) => p?.sheet).filter((s): s is string => s !== undefined))) {
    const worksheet = sheets.get(name.toLowerCase());
    if (!worksheet) continue;
    const own = positions.filter((p) => p?.sheet === name).map((p) => p!);
    const [top, left] = [Math.min(...own.map((p) => p.row)), Math.min(...own.map((p) => p.col))];
    const [bottom, right] = [Math.max(...own.map((p) => p.row)), Math.max(...own.map((p) => p.col))];
    const range = worksheet.Range(box(top, left, bottom, right));
    const shape = [bottom - top + 1, right - left + 1] as const;
    boxes.set(name, { values: grid(range.Value2, ...shape), formulas: grid(range.Formula, ...shape), top, left });
  }
  return positions.map((pos, i) => {
    const read = pos && boxes.get(pos.sheet);
    if (!pos || !read) return null;
    const formula = read.formulas[pos.row - read.top][pos.col - read.left];
    return {
      ref: cellRefOf(refs[i]),
      worksheet: sheets.get(pos.sheet.toLowerCase())!,
      row: pos.row,
      col: pos.col,
      value: read.values[pos.row - read.top][pos.col - read.left],
      formula: typeof formula === 'string' && formula.startsWith('='),
    };
  });
}

/** Writes values, one Value2 assignment for each run of adjacent cells down a column. */
function writeRuns(cells: { worksheet: EtWorksheet; row: number; col: number; value: unknown }[]): void {
  const sorted = [...cells].sort((a, b) => (a.worksheet === b.worksheet ? a.col - b.col || a.row - b.row : 0));
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].worksheet === sorted[i].worksheet && sorted[j].col === sorted[i].col && sorted[j].row === sorted[j - 1].row + 1) j++;
    const run = sorted.slice(i, j);
    const { worksheet, row, col } = run[0];
    worksheet.Range(box(row, col, row + run.length - 1, col)).Value2 = run.length === 1 ? run[0].value : run.map((c) => [c.value]);
    i = j;
  }
}

export async function writeEtTotals(workbook: EtWorkbook, store: DocumentStore, writes: PlannedWrite[]): Promise<TotalsOutcome> {
  const protectedSheets = new Set<string>();
  const sheets = sheetsByName(workbook);
  const open = writes.filter((w) => {
    const locked = sheets.get(w.sheet.toLowerCase())?.ProtectContents === true;
    if (locked) protectedSheets.add(w.sheet);
    return !locked;
  });
  const notices: HostNotice[] = [...protectedSheets].map((sheet) => ({ code: 'sheet-protected', sheet }) as HostNotice);
  const targets = readTargets(workbook, open.map((w) => w.cell));
  const formulaKept: string[] = [];
  const changed: string[] = [];
  const memory: TotalsUndoMemory = { writes: [] };
  const planned: Target[] = [];
  targets.forEach((target, i) => {
    const write = open[i];
    if (!target) return changed.push(cellRefOf(write.cell));
    if (target.formula) return formulaKept.push(target.ref);
    if (!unchangedSince(write.before, displayOf(toCell(target.value, null)))) return changed.push(target.ref);
    memory.writes.push({ cell: target.ref, previous: emptyToNull(target.value), written: write.after });
    planned.push({ ...target, value: write.after });
  });
  if (planned.length > 0) {
    // Remembered before writing, so that a write which fails part way can still be undone.
    store.set(STORE_KEYS.totalsUndo, memory);
    await store.save();
    try {
      writeRuns(planned);
    } catch {
      return reportPartialWrite(workbook, store, memory, notices);
    }
  }
  if (formulaKept.length > 0) notices.push({ code: 'formula-kept', cells: formulaKept });
  if (changed.length > 0) notices.push({ code: 'cell-changed', cells: changed });
  return { written: memory.writes.map((w) => w.cell), notices };
}

/** Puts back what writeEtTotals replaced where the cell still holds the written total; the rest is named. */
export async function undoEtTotals(workbook: EtWorkbook, store: DocumentStore): Promise<TotalsOutcome> {
  const memory = store.get<TotalsUndoMemory>(STORE_KEYS.totalsUndo);
  if (!memory || memory.writes.length === 0) return { written: [], notices: [] };
  const targets = readTargets(workbook, memory.writes.map((w) => w.cell));
  const changed: string[] = [];
  const protectedSheets = new Set<string>();
  const restored: Target[] = [];
  targets.forEach((target, i) => {
    const record = memory.writes[i];
    if (!target || target.formula || target.value !== record.written) return changed.push(target?.ref ?? record.cell);
    if (target.worksheet.ProtectContents) return protectedSheets.add(parseCellRef(target.ref)!.sheet);
    restored.push({ ...target, value: restorable(record.previous) });
  });
  writeRuns(restored);
  store.remove(STORE_KEYS.totalsUndo);
  await store.save();
  const notices: HostNotice[] = [...protectedSheets].map((sheet) => ({ code: 'sheet-protected', sheet }) as HostNotice);
  if (changed.length > 0) notices.push({ code: 'cell-changed', cells: changed });
  return { written: restored.map((t) => t.ref), notices };
}

/** A write that failed part way: which cells hold the new value (those stay undoable) and which do not. */
async function reportPartialWrite(workbook: EtWorkbook, store: DocumentStore, memory: TotalsUndoMemory, notices: HostNotice[]): Promise<TotalsOutcome> {
  const check = readTargets(workbook, memory.writes.map((w) => w.cell));
  const landed = memory.writes.filter((w, i) => check[i]?.value === w.written && !check[i]?.formula);
  const missed = memory.writes.filter((w) => !landed.includes(w)).map((w) => w.cell);
  if (landed.length > 0) store.set(STORE_KEYS.totalsUndo, { writes: landed });
  else store.remove(STORE_KEYS.totalsUndo);
  await store.save();
  return { written: landed.map((w) => w.cell), notices: [...notices, { code: 'write-incomplete', cells: missed }] };
}

