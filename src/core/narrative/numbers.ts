/**
 * Numbers as published reports print them: counts without thousands separators, money with the
 * decimals the amount has (no more, no padding), shares with one decimal.
 */

export function formatCount(value: number): string {
  return String(Math.round(value));
}

/** 15 → "15", 0.35 → "0.35", 2.10 → "2.1": the amount's own decimals, never an exponent. */
export function formatAmount(value: number): string {
  const fixed = value.toFixed(6);
  return fixed.replace(/\.?0+$/, '');
}

export function formatPercent(value: number): string {
  return value.toFixed(1);
}

/**
 * Units of money, printed with their own decimals: 万元 and 元, and 金额, the unit the 2019 template
 * gives 采购总金额 because the format defines none.
 */
const MONEY_UNITS = new Set(['万元', '元', '金额']);

export function formatValue(value: number, unit: string): string {
  if (unit === '%') return formatPercent(value);
  if (MONEY_UNITS.has(unit)) return formatAmount(value);
  return formatCount(value);
}
