import { fingerprint } from '../fingerprint';
import type { CodedMessage, ProofMessageCode } from '../render';
import type { Finding, Severity } from '../types';
import { roundFigure } from '../values';
import { proofreadMessages as M } from './messages';
import { excerpt, type Sentence } from './sentences';

export type ProofRule =
  | 'proofread.count-mismatch'
  | 'proofread.subitem-as-total'
  | 'proofread.total-as-subitem'
  | 'proofread.share-mismatch'
  | 'proofread.parts-sum'
  | 'proofread.all-contradicted'
  | 'proofread.none-contradicted'
  | 'proofread.fee-contradiction'
  | 'proofread.year-not-report-year'
  | 'proofread.section-missing'
  | 'proofread.section-empty'
  | 'proofread.section-number'
  | 'proofread.section-order'
  | 'proofread.preface-parts'
  | 'proofread.enumeration-number'
  | 'proofread.repeated-from-previous';

/**
 * docs/formats.md §6 files every figure claim of the text under 核实: the text is read by patterns, so a
 * finding may misread an unusual sentence, and the user can explain it with a 说明.
 * The reviewer's checks of the text's form (year, sections, a copied report) are 核实 for the same reason.
 */
export const PROOFREAD_SEVERITY: Record<ProofRule, Severity> = {
  'proofread.count-mismatch': 'warning',
  'proofread.subitem-as-total': 'warning',
  'proofread.total-as-subitem': 'warning',
  'proofread.share-mismatch': 'warning',
  'proofread.parts-sum': 'warning',
  'proofread.all-contradicted': 'warning',
  'proofread.none-contradicted': 'warning',
  'proofread.fee-contradiction': 'warning',
  'proofread.year-not-report-year': 'warning',
  'proofread.section-missing': 'warning',
  'proofread.section-empty': 'warning',
  'proofread.section-number': 'warning',
  'proofread.section-order': 'warning',
  'proofread.preface-parts': 'warning',
  'proofread.enumeration-number': 'warning',
  'proofread.repeated-from-previous': 'warning',
};

/**
 * A check finding about the text: `cells` are the table's cells; the sentence says where in the text.
 * Its kind is `text` (a kind check's findings never have).
 */
export interface ProofFinding extends Omit<Finding, 'kind'> {
  rule: ProofRule;
  kind: 'text';
  /** The sentence as written (for a finding about the whole report: empty). */
  sentence: string;
  /** What to show of the sentence: all of it, or a window of at most 120 characters around the claim. */
  excerpt: string;
  /** The words of the claim, e.g. 共受理依申请公开2件. */
  quote: string;
  /** Index of the paragraph (line) in the text; -1 for a finding about the whole report. */
  paragraph: number;
  /** The sentence's offsets in the whole text (paragraphs joined by "\n"). */
  start: number;
  end: number;
  /** The sentence's offset within its paragraph. */
  paragraphOffset: number;
}

export interface FindingFields {
  quote: string;
  /** The sentence (sayProof): its text becomes the finding's message, its id and arguments its code and args. */
  message: CodedMessage<ProofMessageCode>;
  cells: string[];
  indicators: string[];
  expected?: number;
  actual?: number;
  why?: string;
  /** Where the claim stands in the sentence, for the excerpt of a long one. */
  at?: { start: number; end: number };
}

const tableOf = (indicators: string[]) => (indicators[0] && !indicators[0].startsWith('fact:') ? indicators[0].split('.')[0] : '');

export class FindingCollector {
  readonly findings: ProofFinding[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly format: string) {}

  add(rule: ProofRule, sentence: Sentence | null, fields: FindingFields): void {
    // Two claims of one rule about the same cells (in two sentences) need distinct fingerprints.
    const key = [rule, ...fields.indicators, fields.quote].join('|');
    const nth = this.seen.get(key) ?? 0;
    this.seen.set(key, nth + 1);
    const difference = fields.expected !== undefined && fields.actual !== undefined ? roundFigure(fields.actual - fields.expected) : undefined;
    const text = sentence?.text ?? '';
    this.findings.push({
      rule,
      severity: PROOFREAD_SEVERITY[rule],
      kind: 'text',
      table: tableOf(fields.indicators),
      message: fields.message.text,
      why: fields.why ?? M.figuresWhy,
      ...(fields.expected !== undefined ? { expected: fields.expected, actual: fields.actual, difference } : {}),
      cells: fields.cells,
      indicators: fields.indicators,
      fingerprint: fingerprint(this.format, rule, ...fields.indicators, fields.quote.replace(/[\d.,%]+/g, '#'), String(nth)),
      sentence: text,
      excerpt: excerpt(text, fields.at?.start, fields.at?.end),
      quote: fields.quote,
      paragraph: sentence?.paragraph ?? -1,
      start: sentence?.start ?? -1,
      end: sentence?.end ?? -1,
      paragraphOffset: sentence?.paragraphOffset ?? -1,
      code: fields.message.code,
      args: fields.message.args,
    });
  }
}
