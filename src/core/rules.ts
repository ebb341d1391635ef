import { makeFinding } from './checks/finding';
import { beyondExactArithmetic } from './limits';
import { figureArg, lastYearLabel } from './messages';
import { say, type CodedMessage } from './render';
import { expandBindings, refsOf, substitute, type RuleSpec, type TemplateSpec } from './templates';
import type { BodyLevel, Figure, Finding, RecognizedTable, Severity } from './types';
import { exactDifference, exactSum } from './values';

/** A rule with its forEach expanded: concrete indicator ids ("prev:" ids name last year's figures). */
export type RuleInstance = (
  | { kind: 'sum-equal'; left: string[]; right: string[]; minus: string[]; total: boolean }
  | { kind: 'sum-at-least'; total: string; parts: string[] }
  | { kind: 'at-most'; part: string; whole: string[] }
  | { kind: 'requires-level'; refs: string[]; levels: BodyLevel[] }
) & { id: string; base: RuleSpec; severity: Severity };

export function instantiate(rule: RuleSpec): RuleInstance[] {
  return expandBindings(rule.forEach).map((binding): RuleInstance => {
    const values = Object.values(binding);
    const id = values.length ? `${rule.id}[${values.join(',')}]` : rule.id;
    const sub = (refs: string[]) => refs.map((r) => substitute(r, binding));
    const common = { id, base: rule, severity: rule.severity };
    switch (rule.kind) {
      case 'sum-equal':
        return { ...common, kind: rule.kind, left: sub(rule.left), right: sub(rule.right), minus: sub(rule.minus), total: rule.total };
      case 'sum-at-least':
        return { ...common, kind: rule.kind, total: substitute(rule.total, binding), parts: sub(rule.parts) };
      case 'at-most':
        return { ...common, kind: rule.kind, part: substitute(rule.part, binding), whole: sub(rule.whole) };
      case 'requires-level':
        return { ...common, kind: rule.kind, refs: sub(rule.refs), levels: rule.levels };
    }
  });
}

const INSTANCES = new Map<string, RuleInstance[]>();

/** The expanded rules that relate cells of one table (templates are fixed, so this is computed once). */
export function ruleInstances(template: TemplateSpec, tableId: string): RuleInstance[] {
  const key = `${template.id}|${tableId}`;
  let list = INSTANCES.get(key);
  if (!list) {
    list = template.rules.flatMap(instantiate).filter((r) => refsOf(r).every((ref) => ref.replace(/^prev:/, '').startsWith(`${tableId}.`)));
    INSTANCES.set(key, list);
  }
  return list;
}

/** Cells that are totals of other cells: a blank one means "not added up", never 0. */
export function totalIds(template: TemplateSpec, tableId: string): Set<string> {
  return new Set(ruleInstances(template, tableId).flatMap((r) => (r.kind === 'sum-equal' && r.total ? r.left : r.kind === 'sum-at-least' ? [r.total] : [])));
}

export interface CheckContext {
  /** Last year's figures, when known; rules that need them are skipped otherwise. */
  previous?: Record<string, Figure>;
  /**
   * The body's level, and whether the user stated it or it was inferred: from the body's name, or
   * from how the report speaks of itself (`selfReference`, e.g. 我镇).
   */
  level?: { level: BodyLevel; stated: boolean; name: string; selfReference?: string };
}

type NotChecked = { rule: RuleInstance; reason: 'total-blank' | 'all-blank' | 'unreadable'; cells: string[]; indicators: string[] };

/** Blank or a "none" symbol: counts as 0 in a sum and is named among the unreported items. */
const isUnreported = (f: Figure) => f.reading.kind === 'blank' || f.reading.kind === 'placeholder';
const isUnreadable = (f: Figure) =>
  f.reading.kind === 'text' || f.reading.kind === 'error' || f.reading.kind === 'uncalculated' || f.reading.kind === 'too-large' || (f.reading.kind === 'number' && beyondExactArithmetic(f.reading.value));

/**
 * Checks every relationship of a table's rules. Blank policy (docs/formats.md §3): a blank component counts
 * as 0 and is named; a blank total, or all inputs blank, means the relationship is not checked, and a
 * hint says so, never a false error.
 */
export function checkRelations(table: RecognizedTable, template: TemplateSpec, context: CheckContext = {}): Finding[] {
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  const totals = totalIds(template, table.table);
  const figure = (ref: string): Figure | undefined => {
    if (!ref.startsWith('prev:')) return table.figures[ref];
    const last = context.previous?.[ref.slice(5)];
    return last && { ...last, rowLabel: lastYearLabel(last.rowLabel) };
  };
  for (const rule of ruleInstances(template, table.table)) {
    const refs = refsOf(rule);
    // Last year's table is not at hand, or lacks the figure: nothing to compare with.
    if (refs.some((ref) => ref.startsWith('prev:') && !figure(ref))) continue;
    // A row the sheet lacks is reported by recognition; its relationships cannot be checked.
    if (refs.some((ref) => !figure(ref) && table.missing.includes(ref))) continue;
    const figs = (list: string[]) => list.map(figure).filter((f): f is Figure => !!f);
    const all = figs(refs);
    const report = (message: CodedMessage<'totalMismatch' | 'sidesUnequal' | 'partsBelowTotal' | 'partAboveWhole'>, actual: number, expected: number, first: Figure[]) => {
      // This year's cells, the checked one first; last year's are named in the message.
      const ordered = [...first, ...all.filter((f) => !first.includes(f))].filter((f) => !f.id.startsWith('prev:') && table.figures[f.id] === f);
      findings.push(
        makeFinding({
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
          indicators: refs,
          identity: [table.format, rule.id, ...[...refs].sort()],
        }),
      );
    };

    if (rule.kind === 'requires-level') {
      const reported = all.filter((f) => (f.value ?? 0) !== 0);
      if (!context.level || rule.levels.includes(context.level.level) || reported.length === 0) continue;
      findings.push(
        makeFinding({
          rule: rule.id,
          severity: context.level.stated ? rule.severity : 'warning',
          kind: 'relation',
          table: table.table,
          message: say('levelCannotReport', context.level.name, context.level.stated, reported.map(figureArg), context.level.selfReference),
          ...(rule.base.why ? { why: rule.base.why } : {}),
          actual: exactSum(reported.map((f) => f.value ?? 0)).sum,
          expected: 0,
          difference: exactSum(reported.map((f) => f.value ?? 0)).sum,
          cells: reported.map((f) => f.cell),
          indicators: reported.map((f) => f.id),
          identity: [table.format, rule.id],
        }),
      );
      continue;
    }

    const skip = (reason: NotChecked['reason'], cells: Figure[]) => notChecked.push({ rule, reason, cells: cells.map((f) => f.cell), indicators: refs });
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

    if (rule.kind === 'sum-equal') {
      const left = figs(rule.left);
      const right = figs(rule.right);
      const minus = figs(rule.minus);
      if (rule.total && left.length === 1 && isUnreported(left[0])) {
        skip('total-blank', left);
        continue;
      }
      if (blanks.length === all.length) {
        skip('all-blank', all);
        continue;
      }
      const l = sum(left);
      const r = exactDifference(sum(right), sum(minus));
      if (exactDifference(l, r) === 0) continue;
      const blankParts = blanks.filter((f) => !(rule.total && f === left[0]));
      const message =
        rule.total && left.length === 1
          ? say('totalMismatch', figureArg(left[0]), right.map(figureArg), r, blankParts.map(figureArg))
          : say('sidesUnequal', left.map(figureArg), right.map(figureArg), minus.map(figureArg), l, r, blankParts.map(figureArg));
      report(message, l, r, left);
    } else if (rule.kind === 'sum-at-least') {
      const total = figure(rule.total);
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
      report(say('partsBelowTotal', figureArg(total), parts.map(figureArg), s, blanks.map(figureArg)), s, total.value ?? 0, [total]);
    } else {
      const part = figure(rule.part);
      const whole = figs(rule.whole);
      if (!part || whole.length === 0) continue;
      const unreported = [part, ...whole].filter(isUnreported);
      if (unreported.length) {
        skip('total-blank', unreported);
        continue;
      }
      const w = sum(whole);
      if (exactDifference(part.value ?? 0, w) <= 0) continue;
      report(say('partAboveWhole', figureArg(part), whole.map(figureArg), w), part.value ?? 0, w, [part]);
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
    return makeFinding({
      rule: `${list[0].rule.base.id}.not-checked`,
      severity: 'hint',
      kind: 'not-checked',
      table: table.table,
      message: say('notChecked', list.length, list[0].reason, shortCells),
      cells,
      indicators,
      identity: [table.format, key, ...[...indicators].sort()],
    });
  });
}
