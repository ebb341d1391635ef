import { beyondExactArithmetic } from '../limits';
import type { Figure } from '../types';
import { roundFigure } from '../values';
import type { Derivation, SourceCell } from './model';

/**
 * The facts a narrative states, computed before any wording: quantities with their source cells,
 * breakdowns (zero items, "all of one kind"), shares with one rounding rule, and changes on last year.
 * No Chinese here: phrases.ts words these facts.
 */

/** A number the text may state, with the cells it comes from. */
export interface Quantity {
  /** null when any input is blank, unreadable or absent: a blank is never taken for 0. */
  value: number | null;
  derivation: Derivation;
  unit: string;
  sources: SourceCell[];
  /** The unit typed into the cell with the number ("251000元" → 元), for a figure read from one cell. */
  typedUnit?: string;
  /** Inputs whose value is unknown, for the placeholder that replaces the number. */
  missing: { indicator: string; label: string }[];
  /** For a share: the whole it is a share of, and the set rounded together. */
  base?: SourceCell[];
  shareSet?: string;
}

/** Reads indicators of one report (this year's figures and, when given, last year's). */
export interface FigureReader {
  get(indicator: string): Quantity;
  sum(indicators: string[]): Quantity;
  /** Last year's value of the indicator, or null when last year's figures were not given. */
  previous(indicator: string): Quantity | null;
}

export function figureReader(
  figures: Record<string, Figure>,
  labelOf: (indicator: string) => string,
  previousFigures?: Record<string, Figure>,
): FigureReader {
  const read = (set: Record<string, Figure>, indicator: string, year?: 'previous'): Quantity => {
    const figure = set[indicator];
    const label = figure?.label ?? labelOf(indicator);
    const unit = figure?.unit ?? '';
    // A figure beyond exact arithmetic is an error in the table (valuechecks): never state it as a number.
    if (!figure || figure.value === null || beyondExactArithmetic(figure.value)) {
      return { value: null, derivation: 'cell', unit, sources: [], missing: [{ indicator, label }] };
    }
    const source: SourceCell = { indicator, cell: figure.cell, label, value: figure.value };
    if (year) source.year = year;
    const quantity: Quantity = { value: figure.value, derivation: 'cell', unit, sources: [source], missing: [] };
    if (figure.reading.kind === 'number' && figure.reading.unit) quantity.typedUnit = figure.reading.unit;
    return quantity;
  };
  return {
    get: (indicator) => read(figures, indicator),
    sum: (indicators) => sumOf(indicators.map((id) => read(figures, id))),
    previous: (indicator) => (previousFigures ? read(previousFigures, indicator, 'previous') : null),
  };
}

/** The sum of quantities; unknown if any of them is. */
export function sumOf(quantities: Quantity[]): Quantity {
  const missing = quantities.flatMap((q) => q.missing);
  const sources = quantities.flatMap((q) => q.sources);
  const value = missing.length > 0 ? null : roundFigure(quantities.reduce((acc, q) => acc + (q.value as number), 0));
  return { value, derivation: 'sum', unit: quantities[0]?.unit ?? '', sources, missing };
}

export const isZero = (q: Quantity): boolean => q.value === 0;
export const isPositive = (q: Quantity): boolean => q.value !== null && q.value > 0;

export interface Part<K extends string> {
  key: K;
  q: Quantity;
}

export interface Breakdown<K extends string> {
  total: Quantity;
  /** Parts with a positive value, in the table's order. */
  present: Part<K>[];
  /** Parts left blank or unreadable. */
  unknown: Part<K>[];
  /** Parts known to be 0. */
  zero: Part<K>[];
  /** Parts to list: positive or unknown (an unknown part shows as a placeholder), in the table's order. */
  listed: Part<K>[];
  /**
   * The one kind every item is of: the only positive part, every other part known to be 0, and its
   * value equal to the total. Otherwise null, so "均…" is never said of a partial picture.
   */
  soleKind: K | null;
}

export function breakdown<K extends string>(total: Quantity, parts: Part<K>[]): Breakdown<K> {
  const present = parts.filter((p) => isPositive(p.q));
  const unknown = parts.filter((p) => p.q.value === null);
  const zero = parts.filter((p) => isZero(p.q));
  const soleKind =
    present.length === 1 && unknown.length === 0 && isPositive(total) && present[0].q.value === total.value
      ? present[0].key
      : null;
  const listed = parts.filter((p) => !isZero(p.q));
  return { total, present, unknown, zero, listed, soleKind };
}

export interface Change {
  direction: 'up' | 'down' | 'same';
  /** |this year − last year|, derivation 'difference'. */
  amount: Quantity;
}

/** This year against last year; null when either is unknown or last year's figures were not given. */
export function changeOnLastYear(current: Quantity, previous: Quantity | null): Change | null {
  if (!previous || current.value === null || previous.value === null) return null;
  const difference = roundFigure(current.value - previous.value);
  return {
    direction: difference > 0 ? 'up' : difference < 0 ? 'down' : 'same',
    amount: {
      value: Math.abs(difference),
      derivation: 'difference',
      unit: current.unit,
      sources: [...current.sources, ...previous.sources],
      missing: [],
    },
  };
}

/** A change the table gives signed in one cell (2019 本年增/减: "减4" is −4); null when the cell is unknown. */
export function signedChange(change: Quantity): Change | null {
  if (change.value === null) return null;
  return {
    direction: change.value > 0 ? 'up' : change.value < 0 ? 'down' : 'same',
    amount: { ...change, value: Math.abs(change.value), derivation: 'magnitude' },
  };
}

/**
 * The shares of `parts` in `base`, in percent with one decimal, by the largest-remainder rule
 * (model.ts RoundingRule): each share is floored to tenths, then the tenths missing from the rounded
 * total share go to the largest remainders, earlier parts first on a tie. Integer arithmetic, so the
 * result does not depend on float rounding. Null when the base or any part is unknown or not a whole number, or the base is 0.
 */
export function sharesOf<K extends string>(parts: Part<K>[], base: Quantity, shareSet: string): Map<K, Quantity> | null {
  if (base.value === null || base.value <= 0 || parts.some((p) => p.q.value === null)) return null;
  // A fraction in a count is an error in the table; shares of it would be nonsense (23 of 5e-324 is Infinity%).
  if (!Number.isInteger(base.value) || parts.some((p) => !Number.isInteger(p.q.value))) return null;
  const whole = base.value;
  const tenths = parts.map((p) => Math.floor((1000 * (p.q.value as number)) / whole));
  const remainders = parts.map((p) => (1000 * (p.q.value as number)) % whole);
  const remainderSum = remainders.reduce((a, b) => a + b, 0);
  // Round half up the tenths the remainders amount to together.
  let toAllocate = Math.floor((2 * remainderSum + whole) / (2 * whole));
  const order = parts.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (const i of order) {
    if (toAllocate === 0) break;
    if (remainders[i] === 0) continue;
    tenths[i] += 1;
    toAllocate -= 1;
  }
  const result = new Map<K, Quantity>();
  parts.forEach((p, i) => {
    result.set(p.key, {
      value: tenths[i] / 10,
      derivation: 'share',
      unit: '%',
      sources: p.q.sources,
      missing: [],
      base: base.sources,
      shareSet,
    });
  });
  return result;
}
