import type { Cell } from './grid';
import type { NumberForm, Reading } from './types';

/** What users type for "none" instead of a number (docs/formats.md §2). */
const PLACEHOLDERS = new Set(['/', '／', '\\', '—', '——', '-', '--', '–', '―', '－', '无', '暂无', '空']);

/** Units people type into a figure cell, longest first so 万元 wins over 元. */
export const UNITS: readonly string[] = ['人次', '万元', '元', '件', '条', '次', '篇', '个', '人', '项'];

const EXCEL_ERRORS = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|BUSY!|CONNECT!|EXTERNAL!|UNKNOWN!)$/i;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(text.trim());
}

/** Full-width digits and signs → ASCII, keeping everything else. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function numberOf(text: string): number | null {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

/**
 * Reads a cell as a figure. Blank stays blank (never 0); a readable number in an odd form keeps its value
 * and says which form it had, so the checks use it and the user gets a hint rather than an error.
 */
export function readCell(cell: Cell | undefined): Reading {
  if (!cell) return { kind: 'blank' };
  if (cell.uncalculated) return { kind: 'uncalculated', raw: cell.formula ?? '' };
  const { value } = cell;
  if (value === null || value === undefined) {
    // A formula whose cached result is empty, or a cell whose text the host knows but not the value.
    const text = cell.text?.trim();
    return text ? readText(text) : { kind: 'blank' };
  }
  if (typeof value === 'number') {
    // A number too long for floating point (400 digits) is a number too large, not an Excel error.
    if (!Number.isFinite(value)) return Number.isNaN(value) ? { kind: 'error', raw: String(value) } : { kind: 'too-large', raw: cell.text ?? String(value) };
    return { kind: 'number', value, forms: [], raw: cell.text ?? String(value) };
  }
  if (typeof value === 'boolean') return { kind: 'text', raw: value ? 'TRUE' : 'FALSE' };
  return readText(value);
}

export function readText(original: string): Reading {
  const trimmed = original.trim();
  if (trimmed === '') return { kind: 'blank' };
  if (EXCEL_ERRORS.test(trimmed)) return { kind: 'error', raw: trimmed };
  if (PLACEHOLDERS.has(trimmed)) return { kind: 'placeholder', raw: trimmed };

  const forms: NumberForm[] = ['stored-as-text'];
  let text = halfWidth(trimmed).replace(/\s+/g, '');
  if (text !== trimmed.replace(/\s+/g, '')) forms.push('full-width');

  // 2019 format 本年增/减 cells: "减4", "增3".
  let sign = 1;
  const delta = /^(增加|减少|增|减)(.+)$/.exec(text);
  if (delta) {
    sign = delta[1].startsWith('减') ? -1 : 1;
    text = delta[2];
    forms.push('delta-word');
  }

  let unit: string | undefined;
  for (const u of UNITS) {
    if (text.length > u.length && text.endsWith(u)) {
      unit = u;
      text = text.slice(0, -u.length);
      forms.push('unit-in-cell');
      break;
    }
  }

  if (/^[+-]?\d{1,3}([,，]\d{3})+(\.\d+)?$/.test(text)) {
    text = text.replace(/[,，]/g, '');
    forms.push('thousands-separator');
  }

  const n = numberOf(text);
  if (n === null) return { kind: 'text', raw: trimmed };
  if (!Number.isFinite(n)) return { kind: 'too-large', raw: trimmed };
  return { kind: 'number', value: sign * n, forms, unit, raw: trimmed };
}

/** The number the checks use, or null when there is none. */
export function numericValue(reading: Reading): number | null {
  return reading.kind === 'number' ? reading.value : null;
}

/** What a cell shows, for messages and plans. */
export function displayOf(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.text !== undefined && cell.text !== '') return cell.text;
  if (cell.value === null || cell.value === undefined) return '';
  return String(cell.value);
}

/** Digits after the decimal point, for comparing money at its own precision. */
export function decimalsOf(value: number): number {
  const s = String(value);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * The one rounding rule for sums and comparisons of figures. Figures are decimals as written, and
 * decimal figures such as 万元 fees (0.1 + 0.2) must add up as written, where binary floating point
 * gives 0.30000000000000004. So the checks add and subtract figures at the largest number of decimal
 * places among them (exactSum, exactDifference: a difference of 1 in a count is never hidden); a sum
 * already added up in floating point is rounded to FIGURE_PLACES places (roundFigure), more than any
 * figure of the formats has and far above the noise; and a figure compared with a number the text
 * writes at fewer places is rounded to those places first (sameAtPlaces: 12.4万元 states 12.35).
 */
export const FIGURE_PLACES = 6;

export function roundFigure(n: number, places: number = FIGURE_PLACES): number {
  const factor = 10 ** places;
  return Math.round(n * factor) / factor;
}

/** A figure equal to a number written at the given decimal places, once rounded to them. */
export function sameAtPlaces(written: number, figure: number, places: number): boolean {
  return Math.abs(roundFigure(figure, places) - written) < 1e-9;
}

/** Exact sum of decimal values, by the rounding rule above: 0.1 + 0.2 is 0.3. */
export function exactSum(values: number[]): { sum: number; scale: number } {
  const scale = Math.min(10, values.reduce((m, v) => Math.max(m, decimalsOf(v)), 0));
  const factor = 10 ** scale;
  const total = values.reduce((acc, v) => acc + Math.round(v * factor), 0);
  return { sum: total / factor, scale };
}

export function exactDifference(a: number, b: number): number {
  const scale = Math.min(10, Math.max(decimalsOf(a), decimalsOf(b)));
  const factor = 10 ** scale;
  return (Math.round(a * factor) - Math.round(b * factor)) / factor;
}
