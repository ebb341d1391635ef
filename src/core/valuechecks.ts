import { makeFinding } from './checks/finding';
import { a1 } from './grid';
import { beyondExactArithmetic } from './limits';
import { figureArg } from './messages';
import { say, type CheckMessageCode, type CodedMessage } from './render';
import type { Figure, Finding, RecognizedTable, Severity } from './types';

/** The value checks' findings and their severities (formats.md §7). */
export const VALUE_SEVERITY = {
  'value.excel-error': 'error',
  'value.not-a-number': 'error',
  'value.too-large': 'error',
  'value.negative': 'error',
  'value.fraction': 'error',
  'value.unit-in-cell': 'warning',
  'value.blank': 'warning',
  'value.placeholder': 'warning',
  'value.uncalculated': 'warning',
  'value.odd-form': 'hint',
} as const satisfies Record<string, Severity>;

type ValueRule = keyof typeof VALUE_SEVERITY;

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
  const one = (rule: ValueRule, f: Figure, message: CodedMessage<CheckMessageCode>): Finding =>
    makeFinding({ rule, severity: VALUE_SEVERITY[rule], kind: 'value', table: table.table, message, actual: f.value, cells: [f.cell], indicators: [f.id], identity: [table.format, rule, f.id] });

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
        findings.push(one('value.excel-error', f, say('errorValue', figureArg(f), r.raw)));
        break;
      case 'text':
        findings.push(one('value.not-a-number', f, say('notANumber', figureArg(f), r.raw)));
        break;
      case 'uncalculated':
        uncalculated.push(f);
        break;
      case 'too-large':
        findings.push(one('value.too-large', f, say('tooLarge', figureArg(f), r.raw)));
        break;
      case 'number':
        // A number beyond exact arithmetic is that one error: its sign and fraction cannot be trusted either.
        if (beyondExactArithmetic(r.value)) findings.push(one('value.too-large', f, say('tooLarge', figureArg(f), r.raw)));
        else {
          if (r.value < 0 && !f.signed) findings.push(one('value.negative', f, say('negative', figureArg(f))));
          if (!f.decimal && !Number.isInteger(r.value)) findings.push(one('value.fraction', f, say('fraction', figureArg(f))));
        }
        if (r.unit) findings.push(one('value.unit-in-cell', f, say('unitInCell', figureArg(f), r.raw, r.unit)));
        // "减4" is how a 2019 本年增/减 cell is written; elsewhere a word in a number is an odd form.
        // A unit typed into the cell is said once, by its own warning, not again as an odd form.
        else if (r.forms.some((form) => !(f.signed && (form === 'delta-word' || form === 'stored-as-text')))) oddForms.push(f);
        break;
    }
  }

  const summary = (rule: ValueRule, fs: Figure[], message: CodedMessage<CheckMessageCode>): Finding =>
    makeFinding({
      rule,
      severity: VALUE_SEVERITY[rule],
      kind: rule === 'value.blank' ? 'blank' : 'value',
      table: table.table,
      message,
      cells: fs.map((f) => f.cell),
      indicators: fs.map((f) => f.id),
      identity: [table.format, rule, ...fs.map((f) => f.id).sort()],
    });
  const short = (fs: Figure[]) => fs.map((f) => a1(f.row, f.col));
  if (blanks.length) findings.push(summary('value.blank', blanks, say('blanks', short(blanks))));
  if (placeholders.length) {
    const symbols = Array.from(new Set(placeholders.map((f) => (f.reading.kind === 'placeholder' ? f.reading.raw : ''))));
    findings.push(summary('value.placeholder', placeholders, say('placeholders', short(placeholders), symbols)));
  }
  if (uncalculated.length) findings.push(summary('value.uncalculated', uncalculated, say('uncalculated', short(uncalculated))));
  if (oddForms.length) findings.push(summary('value.odd-form', oddForms, say('oddForms', short(oddForms))));
  return findings;
}
