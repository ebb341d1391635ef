import { a1, cellRef, parseCellRef, type PlannedWrite } from '../core';
import { type DocumentStore, type HostNotice, STORE_KEYS, type TotalsOutcome } from '../host/adapter';
import { cellRefOf, emptyToNull, restorable, type TotalsUndoMemory, unchangedSince } from '../host/totalsMemory';
import { readOnSheets } from './sheets';

interface Target {
  ref: string;
  worksheet: Excel.Worksheet;
  range: Excel.Range;
}

/**
 * Queues a read of each cell's value, formula and display text, with its sheet's protection. A cell
 * of a sheet renamed or deleted since (not in `present`) is not asked for: it has no target.
 */
function queueTargets(context: Excel.RequestContext, refs: string[], present: Set<string>): (Target | null)[] {
  const sheets = new Map<string, Excel.Worksheet>();
  return refs.map((ref) => {
    const pos = parseCellRef(ref);
    if (!pos || !present.has(pos.sheet)) return null;
    let worksheet = sheets.get(pos.sheet);
    if (!worksheet) {
      worksheet = context.workbook.worksheets.getItem(pos.sheet);
      worksheet.protection.load('protected');
      sheets.set(pos.sheet, worksheet);
    }
    const range = worksheet.getRange(a1(pos.row, pos.col));
    range.load('values,formulas,text');
    return { ref: cellRef(pos.sheet, pos.row, pos.col), worksheet, range };
  });
}

/** Reads the cells back in one sync (two more when one of their sheets was renamed or deleted since). */
async function readTargets(context: Excel.RequestContext, refs: string[]): Promise<(Target | null)[]> {
  const sheets = [...new Set(refs.map((ref) => parseCellRef(ref)?.sheet).filter((s): s is string => s !== undefined))];
  return (await readOnSheets(context, sheets, (present) => queueTargets(context, refs, present))).read;
}

function hasFormula(range: Excel.Range): boolean {
  const formula = range.formulas[0][0];
  return typeof formula === 'string' && formula.startsWith('=');
}

/**
 * Writes planned totals: one sync to re-check every cell (a formula is never written over, and a cell
 * edited since 校验 is left alone), one write sync for all.
 */
export async function writeTotals(context: Excel.RequestContext, store: DocumentStore, writes: PlannedWrite[]): Promise<TotalsOutcome> {
  const refs = writes.map((w) => w.cell);
  const targets = await readTargets(context, refs);

  const byRef = new Map(writes.map((w) => [cellRefOf(w.cell), w]));
  const notices: HostNotice[] = [];
  const formulaKept: string[] = [];
  const changed: string[] = [];
  const protectedSheets = new Set<string>();
  const memory: TotalsUndoMemory = { writes: [] };
  for (const [i, target] of targets.entries()) {
    if (!target) {
      changed.push(cellRefOf(refs[i]));
      continue;
    }
    const { ref, worksheet, range } = target;
    const planned = byRef.get(ref)!;
    if (worksheet.protection.protected) {
      protectedSheets.add(planned.sheet);
      continue;
    }
    if (hasFormula(range)) {
      formulaKept.push(ref);
      continue;
    }
    if (!unchangedSince(planned.before, range.text[0][0])) {
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

/**
 * Puts back what writeTotals replaced, in a read and a write sync; cells edited since,
 * or on a sheet renamed or deleted since, are kept as they are and named.
 */
export async function undoWrittenTotals(context: Excel.RequestContext, store: DocumentStore): Promise<TotalsOutcome> {
  const memory = store.get<TotalsUndoMemory>(STORE_KEYS.totalsUndo);
  if (!memory || memory.writes.length === 0) return { written: [], notices: [] };
  const refs = memory.writes.map((w) => w.cell);
  const targets = await readTargets(context, refs);

  const changed: string[] = [];
  const restored: string[] = [];
  const protectedSheets = new Set<string>();
  for (const [i, target] of targets.entries()) {
    const record = memory.writes[i];
    if (!target || hasFormula(target.range) || target.range.values[0][0] !== record.written) {
      changed.push(target?.ref ?? record.cell);
      continue;
    }
    const { ref, worksheet, range } = target;
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
  const refs = memory.writes.map((w) => w.cell);
  const check = queueTargets(context, refs, new Set(refs.map((ref) => parseCellRef(ref)!.sheet)));
  await context.sync();
  const landed = memory.writes.filter((w, i) => check[i]?.range.values[0][0] === w.written);
  const missed = memory.writes.filter((w) => !landed.includes(w)).map((w) => w.cell);
  if (landed.length > 0) store.set(STORE_KEYS.totalsUndo, { writes: landed });
  else store.remove(STORE_KEYS.totalsUndo);
  await store.save();
  return { written: landed.map((w) => w.cell), notices: [...notices, { code: 'write-incomplete', cells: missed }] };
}
