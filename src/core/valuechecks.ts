import { a1 } from './grid';
import { fingerprint } from './fingerprint';
import { beyondExactArithmetic } from './limits';
import { messages } from './messages';
import type { Figure, Finding, RecognizedTable } from './types';

/**
 * Checks each figure's own content (docs/formats.md §2): unreadable values, negatives and fractions in
 * counts are errors per cell; blanks, "none" symbols and odd number forms are summarized per table so
 * that a workbook typed all as text gets one hint, not fifty.
 */
export function checkValues(table: RecognizedTable): Finding[] {
  const findings: Finding[] = [];
  const blanks: Figure[] = [];
  const placeholders: Figure[] = [];
  const oddForms: Figure[] = [];
  const uncalculated: Figure[] = [];
  const figures = Object.values(table.figures);
  const one = (rule: string, severity: Finding['severity'], f: Figure, message: string, actual: number | null = f.value): Finding => ({
    rule,
    severity,
    kind: 'value',
    table: table.table,
    message,
    actual,
    cells: [f.cell],
    indicators: [f.id],
    fingerprint: fingerprint(table.format, rule, f.id),
  });

  for (const f of figures) {
    const r = f.reading;
    switch (r.kind) {
      case 'blank':
        blanks.push(f);
        break;
      case 'placeholder':
        placeholders.push(f);
        break;
      case 'error':
        findings.push(one('value.excel-error', 'error', f, messages.errorValue(f, r.raw)));
        break;
      case 'text':
        findings.push(one('value.not-a-number', 'error', f, messages.notANumber(f, r.raw)));
        break;
      case 'uncalculated':
        uncalculated.push(f);
        break;
      case 'too-large':
        findings.push(one('value.too-large', 'error', f, messages.tooLarge(f, r.raw)));
        break;
      case 'number':
        // A number beyond exact arithmetic is that one error: its sign and fraction cannot be trusted either.
        if (beyondExactArithmetic(r.value)) findings.push(one('value.too-large', 'error', f, messages.tooLarge(f, r.raw)));
        else {
          if (r.value < 0 && !f.signed) findings.push(one('value.negative', 'error', f, messages.negative(f)));
          if (!f.decimal && !Number.isInteger(r.value)) findings.push(one('value.fraction', 'error', f, messages.fraction(f)));
        }
        if (r.unit) findings.push(one('value.unit-in-cell', 'warning', f, messages.unitInCell(f, r.raw, r.unit)));
        // "减4" is how a 2019 本年增/减 cell is written; elsewhere a word in a number is an odd form.
        // A unit typed into the cell is said once, by its own warning, not again as an odd form.
        else if (r.forms.some((form) => !(f.signed && (form === 'delta-word' || form === 'stored-as-text')))) oddForms.push(f);
        break;
    }
  }

  const summary = (rule: string, severity: Finding['severity'], fs: Figure[], message: string): Finding => ({
    rule,
    severity,
    kind: rule === 'value.blank' ? 'blank' : 'value',
    table: table.table,
    message,
    cells: fs.map((f) => f.cell),
    indicators: fs.map((f) => f.id),
    fingerprint: fingerprint(table.format, rule, ...fs.map((f) => f.id).sort()),
  });
  const short = (fs: Figure[]) => fs.map((f) => a1(f.row, f.col));
  if (blanks.length) findings.push(summary('value.blank', 'warning', blanks, messages.blanks(short(blanks))));
  if (placeholders.length) {
    const symbols = Array.from(new Set(placeholders.map((f) => (f.reading.kind === 'placeholder' ? f.reading.raw : ''))));
    findings.push(summary('value.placeholder', 'warning', placeholders, messages.placeholders(short(placeholders), symbols)));
  }
  if (uncalculated.length) findings.push(summary('value.uncalculated', 'warning', uncalculated, messages.uncalculated(short(uncalculated))));
  if (oddForms.length) findings.push(summary('value.odd-form', 'hint', oddForms, messages.oddForms(short(oddForms))));
  return findings;
}
