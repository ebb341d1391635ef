import { beyondExactArithmetic } from './limits';
import { ruleInstances } from './rules';
import { templateById } from './templates';
import type { Figure, PlannedWrite, RecognizedTable, SkippedTotal, TotalsPlan } from './types';
import { exactDifference, exactSum } from './values';

export interface TotalsOptions {
  /** Also write 0 into every blank figure cell (the one-step answer to 未填). */
  fillBlanks?: boolean;
  /** Sheets the host reports as protected: nothing is planned there. */
  protectedSheets?: ReadonlySet<string>;
}

type Computed =
  | { state: 'known'; value: number; reported: boolean }
  | { state: 'unknown'; reason: 'unreadable-input' | 'inputs-missing' };

/**
 * For each total cell, the value its components imply, and the writes that would make the table add
 * up. A total built from other totals (表三 (七)总计 of the 总计 column) uses their implied values.
 * Formula cells are never planned; a planned write over a typed value says so.
 */
export function planTotals(tables: RecognizedTable[], options: TotalsOptions = {}): TotalsPlan {
  const writes: PlannedWrite[] = [];
  const skipped: SkippedTotal[] = [];
  for (const table of tables) {
    const definitions = new Map<string, string[]>();
    for (const rule of ruleInstances(templateById(table.format), table.table)) {
      if (rule.kind === 'sum-equal' && rule.total && rule.left.length === 1 && !definitions.has(rule.left[0])) {
        definitions.set(rule.left[0], rule.right);
      }
    }
    // One merged cell standing for two figures (check reports it as unreadable): never part of a computed total.
    const figuresPerCell = new Map<string, number>();
    for (const f of Object.values(table.figures)) figuresPerCell.set(f.cell, (figuresPerCell.get(f.cell) ?? 0) + 1);
    const mergedAcross = (f: Figure) => (figuresPerCell.get(f.cell) ?? 0) > 1;
    const memo = new Map<string, Computed>();
    const compute = (id: string): Computed => {
      const cached = memo.get(id);
      if (cached) return cached;
      memo.set(id, { state: 'unknown', reason: 'inputs-missing' }); // guards against a cycle in template data
      const result = definitions.has(id) ? computeTotal(id) : computeLeaf(id);
      memo.set(id, result);
      return result;
    };
    const computeLeaf = (id: string): Computed => {
      const f = table.figures[id];
      if (!f) return { state: 'unknown', reason: 'inputs-missing' };
      if (mergedAcross(f)) return { state: 'unknown', reason: 'unreadable-input' };
      switch (f.reading.kind) {
        case 'number':
          if (beyondExactArithmetic(f.reading.value)) return { state: 'unknown', reason: 'unreadable-input' };
          return { state: 'known', value: f.reading.value, reported: true };
        case 'blank':
        case 'placeholder':
          return { state: 'known', value: 0, reported: !!options.fillBlanks };
        default:
          return { state: 'unknown', reason: 'unreadable-input' };
      }
    };
    const computeTotal = (id: string): Computed => {
      const values: number[] = [];
      let reported = false;
      for (const part of definitions.get(id)!) {
        // An optional row the sheet does not have (电子邮件申请数) is simply not part of the sum.
        if (!table.figures[part] && !table.missing.includes(part) && !definitions.has(part)) continue;
        const c = compute(part);
        if (c.state === 'unknown') return c;
        values.push(c.value);
        reported ||= c.reported;
      }
      if (!reported) return { state: 'unknown', reason: 'inputs-missing' };
      const sum = exactSum(values).sum;
      if (beyondExactArithmetic(sum)) return { state: 'unknown', reason: 'unreadable-input' };
      return { state: 'known', value: sum, reported: true };
    };

    const planned = new Set<string>();
    const plan = (f: Figure, after: number) => {
      // A figure of a text table with no cell of its own (its row's label stands there) is never written.
      if (f.unplaced || planned.has(f.cell)) return;
      planned.add(f.cell);
      writes.push({
        cell: f.cell,
        sheet: f.sheet,
        row: f.row,
        col: f.col,
        indicator: f.id,
        label: f.label,
        before: displayed(f),
        after,
        overwritesTyped: f.reading.kind !== 'blank',
      });
    };
    const skip = (f: Figure, reason: SkippedTotal['reason'], implied?: number) =>
      skipped.push({ cell: f.cell, indicator: f.id, label: f.label, reason, ...(implied !== undefined ? { implied } : {}), current: displayed(f) });

    for (const id of definitions.keys()) {
      const f = table.figures[id];
      if (!f) continue;
      const c: Computed = mergedAcross(f) ? { state: 'unknown', reason: 'unreadable-input' } : compute(id);
      if (c.state === 'unknown') {
        skip(f, c.reason);
        continue;
      }
      if (f.reading.kind === 'number' && exactDifference(f.reading.value, c.value) === 0) continue;
      if (f.formula) skip(f, 'formula', c.value);
      else if (options.protectedSheets?.has(f.sheet)) skip(f, 'protected', c.value);
      else plan(f, c.value);
    }
    if (options.fillBlanks) {
      for (const f of Object.values(table.figures)) {
        if (definitions.has(f.id) || mergedAcross(f) || (f.reading.kind !== 'blank' && f.reading.kind !== 'placeholder')) continue;
        if (f.formula) skip(f, 'formula', 0);
        else if (options.protectedSheets?.has(f.sheet)) skip(f, 'protected', 0);
        else plan(f, 0);
      }
    }
  }
  writes.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col);
  return { writes, skipped };
}

function displayed(f: Figure): string {
  const r = f.reading;
  return r.kind === 'blank' ? '' : r.kind === 'number' ? r.raw : r.raw;
}
