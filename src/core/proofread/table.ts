import type { ReportFigures } from '../index';
import { ruleInstances } from '../rules';
import { indicatorsOf, templateById } from '../templates';
import type { Figure } from '../types';
import { roundFigure } from '../values';
import type { Ref } from './claims';
import { cellName, proofreadMessages as M, type NamedValue } from './messages';

/**
 * The table's values for the claims of the text. A total the table leaves blank (a 总计 column or a
 * 合计 row not filled in) is the sum of its components, as the format's rules define it, so a claim
 * about it is still checked, and the finding says the value was derived. As in `check`, a blank
 * component counts as 0 once any component is filled; an unreadable one leaves the total unknown.
 */
export class TableReader {
  private readonly definitions = new Map<string, readonly string[]>();
  private readonly optional = new Set<string>();
  private readonly derivedValues = new Map<string, number | null>();

  constructor(private readonly report: ReportFigures) {
    const template = templateById(report.format);
    const tableIds = new Set(Object.keys(report.figures).map((id) => id.split('.')[0]));
    for (const tableId of tableIds) {
      for (const rule of ruleInstances(template, tableId)) {
        if (rule.kind === 'sum-equal' && rule.total && rule.left.length === 1 && !this.definitions.has(rule.left[0])) {
          this.definitions.set(rule.left[0], rule.right);
        }
      }
    }
    for (const spec of indicatorsOf(template)) if (spec.row.optional) this.optional.add(spec.id);
  }

  /** The sum of the referenced cells; null when one is absent or blank and cannot be derived (not comparable). */
  value(ref: Ref): number | null {
    let sum = 0;
    for (const id of ref) {
      const v = this.one(id);
      if (v === null) return null;
      sum += v;
    }
    return roundFigure(sum);
  }

  one(id: string): number | null {
    if (id === 'fact:feeCollected') return this.report.facts.feeCollected ?? null;
    const figure = this.report.figures[id];
    if (figure && figure.value !== null) return figure.value;
    return this.derived(id);
  }

  /** Whether any referenced total is blank in the table and was added up from its components. */
  isDerived(ref: Ref): boolean {
    return ref.some((id) => !id.startsWith('fact:') && (this.report.figures[id]?.value ?? null) === null && this.derived(id) !== null);
  }

  private derived(id: string): number | null {
    if (this.derivedValues.has(id)) return this.derivedValues.get(id)!;
    this.derivedValues.set(id, null); // guards against a cycle in template data
    const result = this.sumOfComponents(id);
    this.derivedValues.set(id, result);
    return result;
  }

  private sumOfComponents(id: string): number | null {
    const components = this.definitions.get(id);
    const own = this.report.figures[id]?.reading.kind;
    // Only a total that is blank (or written as "—") is derived; a word or #REF! in it is a problem of its own.
    if (!components || (own !== undefined && own !== 'blank' && own !== 'placeholder')) return null;
    let sum = 0;
    let filled = false;
    for (const part of components) {
      const figure = this.report.figures[part];
      if (!figure && !this.definitions.has(part)) {
        if (this.optional.has(part)) continue;
        return null;
      }
      if (figure && figure.value !== null) {
        sum += figure.value;
        filled = true;
        continue;
      }
      const kind = figure?.reading.kind;
      if (kind !== undefined && kind !== 'blank' && kind !== 'placeholder') return null;
      const inner = this.derived(part);
      if (inner !== null) {
        sum += inner;
        filled = true;
      }
    }
    return filled ? roundFigure(sum) : null;
  }

  figure(id: string): Figure | undefined {
    return this.report.figures[id];
  }

  cells(ref: Ref): string[] {
    return ref.map((id) => this.figure(id)?.cell).filter((c): c is string => Boolean(c));
  }

  /** How the user knows the referenced cells: the row's label, or a sum's name. */
  name(ref: Ref, sumName: string): string {
    if (ref.length === 1 && ref[0] === 'fact:feeCollected') return M.feeCollectedName;
    const figure = ref.length === 1 ? this.figure(ref[0]) : undefined;
    return figure ? cellName(figure) : M.sumName(sumName);
  }

  named(ref: Ref, sumName: string, value: number): NamedValue {
    const figures = ref.map((id) => this.figure(id)).filter((f): f is Figure => !!f);
    const printed = figures.some((f) => f.printedPlace) ? { places: figures.map((f) => f.printedPlace ?? f.cell) } : {};
    return { name: this.name(ref, sumName), value, unit: this.unit(ref), cells: this.cells(ref), ...printed, ...(this.isDerived(ref) ? { derived: true } : {}) };
  }

  unit(ref: Ref): string {
    if (ref[0] === 'fact:feeCollected') return '万元';
    return this.figure(ref[0])?.unit ?? '件';
  }
}
