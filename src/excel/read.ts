import type { Cell, MergeArea, Sheet } from '../core/grid';
import type { HostNotice, ReadOutcome } from '../host/adapter';
import type { ExcelCapabilities } from './requirements';

/**
 * Reads the whole workbook in a fixed number of syncs: one for the sheet list, one for the used
 * ranges' sizes, then one per batch of sheets that fits the payload limit (one batch for any
 * workbook a report office keeps). Never a sync per cell, per row or per finding.
 */

/** values + text + formulas as JSON, per cell; generous so a batch never crosses the limit. */
const ESTIMATED_BYTES_PER_CELL = 48;
/** Leaves room for the request envelope and the merged areas. */
const BATCH_SHARE_OF_LIMIT = 0.8;

interface SheetPlan {
  worksheet: Excel.Worksheet;
  name: string;
  protected: boolean;
  rowIndex: number;
  columnIndex: number;
  rowsToRead: number;
  rowsTotal: number;
  columnCount: number;
}

interface SheetLoad {
  plan: SheetPlan;
  range: Excel.Range;
  merged?: Excel.RangeAreas;
}

export async function readWorkbookContent(context: Excel.RequestContext, caps: ExcelCapabilities): Promise<ReadOutcome> {
  const notices: HostNotice[] = [];
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  await context.sync();

  const used = worksheets.items.map((worksheet) => {
    const range = worksheet.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return { worksheet, range };
  });
  await context.sync();

  const budget = Math.floor((caps.payloadLimitBytes * BATCH_SHARE_OF_LIMIT) / ESTIMATED_BYTES_PER_CELL);
  const emptySheets = new Map<string, Sheet>();
  const plans: SheetPlan[] = [];
  for (const { worksheet, range } of used) {
    const isProtected = worksheet.protection.protected;
    if (isProtected) notices.push({ code: 'sheet-protected', sheet: worksheet.name });
    if (range.isNullObject) {
      emptySheets.set(worksheet.name, { name: worksheet.name, rows: [], merges: [], protected: isProtected });
      continue;
    }
    const rowsFitting = Math.max(1, Math.floor(budget / Math.max(1, range.columnCount)));
    const rowsToRead = Math.min(range.rowCount, rowsFitting);
    if (rowsToRead < range.rowCount) {
      notices.push({ code: 'range-clipped', sheet: worksheet.name, rowsRead: rowsToRead, rowsTotal: range.rowCount });
    }
    plans.push({
      worksheet,
      name: worksheet.name,
      protected: isProtected,
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
      rowsToRead,
      rowsTotal: range.rowCount,
      columnCount: range.columnCount,
    });
  }

  const loaded = new Map<string, Sheet>();
  for (const batch of batchesWithin(plans, budget)) {
    const loads: SheetLoad[] = batch.map((plan) => {
      // getResizedRange is ExcelApi 1.2; getRangeByIndexes would need 1.7 (not in Office 2016).
      const whole = plan.worksheet.getUsedRangeOrNullObject(true);
      const range = plan.rowsToRead < plan.rowsTotal ? whole.getResizedRange(plan.rowsToRead - plan.rowsTotal, 0) : whole;
      range.load('values,text,formulas');
      let merged: Excel.RangeAreas | undefined;
      if (caps.merges) {
        merged = range.getMergedAreasOrNullObject();
        merged.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
      }
      return { plan, range, merged };
    });
    await context.sync();
    for (const load of loads) loaded.set(load.plan.name, toSheet(load));
  }

  const ordered = used.map(({ worksheet }) => loaded.get(worksheet.name) ?? emptySheets.get(worksheet.name)!);
  return { workbook: { sheets: ordered }, notices };
}

/** Groups sheets so that each group's estimated response stays under the budget. */
function batchesWithin(plans: SheetPlan[], budgetCells: number): SheetPlan[][] {
  const batches: SheetPlan[][] = [];
  let current: SheetPlan[] = [];
  let cells = 0;
  for (const plan of plans) {
    const size = plan.rowsToRead * plan.columnCount;
    if (current.length > 0 && cells + size > budgetCells) {
      batches.push(current);
      current = [];
      cells = 0;
    }
    current.push(plan);
    cells += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function toSheet({ plan, range, merged }: SheetLoad): Sheet {
  const rows: (Cell | undefined)[][] = [];
  const values = range.values;
  const texts = range.text;
  const formulas = range.formulas;
  for (let r = 0; r < values.length; r++) {
    const row: (Cell | undefined)[] = [];
    for (let c = 0; c < values[r].length; c++) {
      const cell = toCell(values[r][c], texts[r][c], formulas[r][c]);
      if (cell) row[plan.columnIndex + c] = cell;
    }
    rows[plan.rowIndex + r] = row;
  }
  const merges: MergeArea[] = [];
  if (merged && !merged.isNullObject) {
    for (const area of merged.areas.items) {
      merges.push({
        top: area.rowIndex,
        left: area.columnIndex,
        bottom: area.rowIndex + area.rowCount - 1,
        right: area.columnIndex + area.columnCount - 1,
      });
    }
  }
  return { name: plan.name, rows, merges, protected: plan.protected };
}

function toCell(value: unknown, text: string, formula: unknown): Cell | undefined {
  const hasFormula = typeof formula === 'string' && formula.startsWith('=');
  if ((value === '' || value === null || value === undefined) && !hasFormula) return undefined;
  const cell: Cell = {
    value: typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : null,
    text,
  };
  if (value === '') cell.value = null;
  if (hasFormula) cell.formula = formula as string;
  return cell;
}
