import { fingerprint } from './fingerprint';
import { messages } from './messages';
import { expandBindings, substitute, type RuleSpec, type TemplateSpec } from './templates';
import type { Figure, Finding, RecognizedTable, Severity } from './types';
import { exactDifference, exactSum } from './values';

/** A rule with its forEach expanded: concrete indicator ids. */
export type RuleInstance = (
  | { kind: 'sum-equal'; left: string[]; right: string[]; total: boolean }
  | { kind: 'sum-at-least'; total: string; parts: string[] }
  | { kind: 'at-most'; part: string; whole: string }
) & { id: string; base: RuleSpec; severity: Severity };

export function instantiate(rule: RuleSpec): RuleInstance[] {
  return expandBindings(rule.forEach).map((binding) => {
    const values = Object.values(binding);
    const id = values.length ? `${rule.id}[${values.join(',')}]` : rule.id;
    const sub = (refs: string[]) => refs.map((r) => substitute(r, binding));
    const common = { id, base: rule, severity: rule.severity };
    switch (rule.kind) {
      case 'sum-equal':
        return { ...common, kind: rule.kind, left: sub(rule.left), right: sub(rule.right), total: rule.total };
      case 'sum-at-least':
        return { ...common, kind: rule.kind, total: substitute(rule.total, binding), parts: sub(rule.parts) };
      case 'at-most':
        return { ...common, kind: rule.kind, part: substitute(rule.part, binding), whole: substitute(rule.whole, binding) };
    }
  });
}

const INSTANCES = new Map<string, RuleInstance[]>();

/** The expanded rules that relate cells of one table (templates are fixed, so this is computed once). */
export function ruleInstances(template: TemplateSpec, tableId: string): RuleInstance[] {
  const key = `${template.id}|${tableId}`;
  let list = INSTANCES.get(key);
  if (!list) {
    list = template.rules.flatMap(instantiate).filter((r) => refsOf(r).every((ref) => ref.startsWith(`${tableId}.`)));
    INSTANCES.set(key, list);
  }
  return list;
}

/** Cells that are totals of other cells: a blank one means "not added up", never 0. */
export function totalIds(template: TemplateSpec, tableId: string): Set<string> {
  return new Set(ruleInstances(template, tableId).flatMap((r) => (r.kind === 'sum-equal' && r.total ? r.left : r.kind === 'sum-at-least' ? [r.total] : [])));
}

export function refsOf(rule: RuleInstance): string[] {
  switch (rule.kind) {
    case 'sum-equal':
      return [...rule.left, ...rule.right];
    case 'sum-at-least':
      return [rule.total, ...rule.parts];
    case 'at-most':
      return [rule.part, rule.whole];
  }
}

type NotChecked = { rule: RuleInstance; reason: 'total-blank' | 'all-blank' | 'unreadable'; cells: string[]; indicators: string[] };

/** Blank or a "none" symbol: counts as 0 in a sum and is named among the unreported items. */
const isUnreported = (f: Figure) => f.reading.kind === 'blank' || f.reading.kind === 'placeholder';
const isUnreadable = (f: Figure) => f.reading.kind === 'text' || f.reading.kind === 'error';

/**
 * Checks every relationship of a table's rules. Blank policy (formats.md §7): a blank component counts
 * as 0 and is named; a blank total, or all inputs blank, means the relationship is not checked, and a
 * hint says so, never a false error.
 */
export function checkRelations(table: RecognizedTable, template: TemplateSpec): Finding[] {
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  const totals = totalIds(template, table.table);
  for (const rule of ruleInstances(template, table.table)) {
    const figs = (refs: string[]) => refs.map((r) => table.figures[r]).filter((f): f is Figure => !!f);
    // A row the sheet lacks is reported by recognition; its relationships cannot be checked.
    if (refsOf(rule).some((ref) => !table.figures[ref] && table.missing.includes(ref))) continue;
    const all = figs(refsOf(rule));
    const skip = (reason: NotChecked['reason'], cells: Figure[]) =>
      notChecked.push({ rule, reason, cells: cells.map((f) => f.cell), indicators: all.map((f) => f.id) });
    const unreadable = all.filter(isUnreadable);
    if (unreadable.length) {
      skip('unreadable', unreadable);
      continue;
    }
    // A blank total is unreported, not 0: a relationship that uses one is not checked.
    const blankTotals = all.filter((f) => isUnreported(f) && totals.has(f.id) && !(rule.kind === 'sum-equal' && rule.total && f.id === rule.left[0]));
    if (blankTotals.length) {
      skip('total-blank', blankTotals);
      continue;
    }
    const blanks = all.filter(isUnreported);
    const sum = (fs: Figure[]) => exactSum(fs.map((f) => f.value ?? 0)).sum;
    const report = (message: string, actual: number, expected: number, cellsFirst: Figure[]) => {
      const ordered = [...cellsFirst, ...all.filter((f) => !cellsFirst.includes(f))];
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        kind: 'relation',
        table: table.table,
        message,
        ...(rule.base.why ? { why: rule.base.why } : {}),
        expected,
        actual,
        difference: exactDifference(actual, expected),
        cells: ordered.map((f) => f.cell),
        indicators: ordered.map((f) => f.id),
        fingerprint: fingerprint(table.format, rule.id, ...ordered.map((f) => f.id).sort()),
      });
    };

    if (rule.kind === 'sum-equal') {
      const left = figs(rule.left);
      const right = figs(rule.right);
      if (rule.total && left.length === 1 && isUnreported(left[0])) {
        skip('total-blank', left);
        continue;
      }
      if (blanks.length === all.length) {
        skip('all-blank', all);
        continue;
      }
      const l = sum(left);
      const r = sum(right);
      if (exactDifference(l, r) === 0) continue;
      const blankParts = blanks.filter((f) => !(rule.total && f === left[0]));
      const message =
        rule.total && left.length === 1
          ? messages.totalMismatch(left[0], right, r, blankParts)
          : messages.sidesUnequal(left, right, l, r, blankParts);
      report(message, l, r, left);
    } else if (rule.kind === 'sum-at-least') {
      const total = table.figures[rule.total];
      const parts = figs(rule.parts);
      if (!total) continue;
      if (isUnreported(total)) {
        skip('total-blank', [total]);
        continue;
      }
      if (parts.every(isUnreported)) {
        skip('all-blank', parts);
        continue;
      }
      const s = sum(parts);
      if (exactDifference(s, total.value ?? 0) >= 0) continue;
      report(messages.partsBelowTotal(total, parts, s, blanks), s, total.value ?? 0, [total]);
    } else {
      const part = table.figures[rule.part];
      const whole = table.figures[rule.whole];
      if (!part || !whole) continue;
      if (isUnreported(part) || isUnreported(whole)) {
        skip('total-blank', [part, whole].filter(isUnreported));
        continue;
      }
      if (exactDifference(part.value ?? 0, whole.value ?? 0) <= 0) continue;
      report(messages.partAboveWhole(part, whole), part.value ?? 0, whole.value ?? 0, [part]);
    }
  }
  return [...findings, ...summarizeNotChecked(table, notChecked)];
}

/** One hint per rule and reason, not one per column: a blank 总计 column is one fact, not 26. */
function summarizeNotChecked(table: RecognizedTable, items: NotChecked[]): Finding[] {
  const groups = new Map<string, NotChecked[]>();
  for (const item of items) {
    const key = `${item.rule.base.id}|${item.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return Array.from(groups.entries()).map(([key, list]) => {
    const cells = Array.from(new Set(list.flatMap((i) => i.cells)));
    const indicators = Array.from(new Set(list.flatMap((i) => i.indicators)));
    const shortCells = cells.map((c) => c.slice(c.lastIndexOf('!') + 1));
    return {
      rule: `${list[0].rule.base.id}.not-checked`,
      severity: 'hint' as const,
      kind: 'not-checked' as const,
      table: table.table,
      message: messages.notChecked(list.length, list[0].reason, shortCells),
      cells,
      indicators,
      fingerprint: fingerprint(table.format, key, ...[...indicators].sort()),
    };
  });
}
