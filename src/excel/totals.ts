import { a1, cellRef, parseCellRef } from '../core/grid';
import type { PlannedWrite } from '../core/types';
import type { DocumentStore, HostNotice, TotalsOutcome } from '../host/adapter';
import { STORE_KEYS } from '../host/officeSettings';

/** What 计算合计 replaced, kept in the document so that 撤销 works after the pane was closed. */
export interface TotalsUndoMemory {
  writes: { cell: string; previous: string | number | boolean | null; written: number }[];
}

interface Target {
  ref: string;
  worksheet: Excel.Worksheet;
  range: Excel.Range;
}

/** Queues a read of each cell's value, formula and display text, with its sheet's protection. */
function queueTargets(context: Excel.RequestContext, refs: string[]): Target[] {
  const sheets = new Map<string, Excel.Worksheet>();
  const targets: Target[] = [];
  for (const ref of refs) {
    const pos = parseCellRef(ref);
    if (!pos) continue;
    let worksheet = sheets.get(pos.sheet);
    if (!worksheet) {
      worksheet = context.workbook.worksheets.getItemOrNullObject(pos.sheet);
      worksheet.load('isNullObject');
      worksheet.protection.load('protected');
      sheets.set(pos.sheet, worksheet);
    }
    const range = worksheet.getRange(a1(pos.row, pos.col));
    range.load('values,formulas,text');
    targets.push({ ref: cellRef(pos.sheet, pos.row, pos.col), worksheet, range });
  }
  return targets;
}

function hasFormula(range: Excel.Range): boolean {
  const formula = range.formulas[0][0];
  return typeof formula === 'string' && formula.startsWith('=');
}

/**
 * Writes planned totals: one read sync to re-check every cell (a formula is never written over, and a
 * cell edited since 校验 is left alone), one write sync for all of them.
 */
export async function writeTotals(context: Excel.RequestContext, store: DocumentStore, writes: PlannedWrite[]): Promise<TotalsOutcome> {
  const targets = queueTargets(context, writes.map((w) => w.cell));
  // A sheet missing now (renamed) yields a null worksheet; its ranges must not be read.
  await context.sync();

  const byRef = new Map(writes.map((w) => [cellRefOf(w.cell), w]));
  const notices: HostNotice[] = [];
  const formulaKept: string[] = [];
  const changed: string[] = [];
  const protectedSheets = new Set<string>();
  const memory: TotalsUndoMemory = { writes: [] };
  for (const { ref, worksheet, range } of targets) {
    const planned = byRef.get(ref)!;
    if (worksheet.isNullObject) {
      changed.push(ref);
      continue;
    }
    if (worksheet.protection.protected) {
      protectedSheets.add(planned.sheet);
      continue;
    }
    if (hasFormula(range)) {
      formulaKept.push(ref);
      continue;
    }
    if (range.text[0][0].trim() !== planned.before.trim()) {
      changed.push(ref);
      continue;
    }
    memory.writes.push({ cell: ref, previous: emptyToNull(range.values[0][0]), written: planned.after });
    range.values = [[planned.after]];
  }
  if (memory.writes.length > 0) {
    // Remembered before writing, so that a write which fails part way can still be undone.
    store.set(STORE_KEYS.totalsUndo, memory);
    await store.save();
    try {
      await context.sync();
    } catch {
      return reportPartialWrite(context, store, memory, notices);
    }
  }
  for (const sheet of protectedSheets) notices.push({ code: 'sheet-protected', sheet });
  if (formulaKept.length > 0) notices.push({ code: 'formula-kept', cells: formulaKept });
  if (changed.length > 0) notices.push({ code: 'cell-changed', cells: changed });
  return { written: memory.writes.map((w) => w.cell), notices };
}

/** Puts back what writeTotals replaced, in one read and one write sync; cells edited since are kept. */
export async function undoWrittenTotals(context: Excel.RequestContext, store: DocumentStore): Promise<TotalsOutcome> {
  const memory = store.get<TotalsUndoMemory>(STORE_KEYS.totalsUndo);
  if (!memory || memory.writes.length === 0) return { written: [], notices: [] };
  const targets = queueTargets(context, memory.writes.map((w) => w.cell));
  await context.sync();

  const changed: string[] = [];
  const restored: string[] = [];
  const protectedSheets = new Set<string>();
  for (const [i, { ref, worksheet, range }] of targets.entries()) {
    const record = memory.writes[i];
    if (worksheet.isNullObject || hasFormula(range) || range.values[0][0] !== record.written) {
      changed.push(ref);
      continue;
    }
    if (worksheet.protection.protected) {
      protectedSheets.add(parseCellRef(ref)!.sheet);
      continue;
    }
    range.values = [[restorable(record.previous)]];
    restored.push(ref);
  }
  if (restored.length > 0) await context.sync();
  store.remove(STORE_KEYS.totalsUndo);
  await store.save();
  const notices: HostNotice[] = [...protectedSheets].map((sheet) => ({ code: 'sheet-protected', sheet }) as HostNotice);
  if (changed.length > 0) notices.push({ code: 'cell-changed', cells: changed });
  return { written: restored, notices };
}

/**
 * Excel may have applied part of a failed batch: read the cells back and say exactly which hold the
 * new value (those stay undoable) and which do not.
 */
async function reportPartialWrite(context: Excel.RequestContext, store: DocumentStore, memory: TotalsUndoMemory, notices: HostNotice[]): Promise<TotalsOutcome> {
  const check = queueTargets(context, memory.writes.map((w) => w.cell));
  await context.sync();
  const landed = memory.writes.filter((w, i) => check[i].range.values[0][0] === w.written);
  const missed = memory.writes.filter((w) => !landed.includes(w)).map((w) => w.cell);
  if (landed.length > 0) store.set(STORE_KEYS.totalsUndo, { writes: landed });
  else store.remove(STORE_KEYS.totalsUndo);
  await store.save();
  return { written: landed.map((w) => w.cell), notices: [...notices, { code: 'write-incomplete', cells: missed }] };
}

function cellRefOf(ref: string): string {
  const pos = parseCellRef(ref);
  return pos ? cellRef(pos.sheet, pos.row, pos.col) : ref;
}

function emptyToNull(value: unknown): string | number | boolean | null {
  if (value === '' || value === undefined || value === null) return null;
  return value as string | number | boolean;
}

/**
 * The value to write back so the cell holds what it held: text that Excel would otherwise turn into a
 * number or a formula keeps its text form with the apostrophe prefix.
 */
function restorable(previous: string | number | boolean | null): string | number | boolean {
  if (previous === null) return '';
  if (typeof previous === 'string' && (/^[+\-=@]/.test(previous) || /^[\s\d.,０-９]+$/.test(previous))) return `'${previous}`;
  return previous;
}
