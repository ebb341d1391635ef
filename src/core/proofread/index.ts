import { fingerprint } from '../fingerprint';
import type { ReportFigures } from '../index';
import type { Figure, Finding, Severity } from '../types';
import { CLAIMS, NO_CONTEXT, type ContextRefs, type CountClaim, type FormatClaims, type Ref } from './claims';
import { claimsOf, type CountMention, type Quantity, type SentenceClaims } from './extract';
import { cellName, proofreadMessages as M, type NamedValue } from './messages';
import { sentencesOf, splitParagraphs, type Sentence, type TextParagraph } from './sentences';

/**
 * Proofreading: every figure the report's text states, compared with its statistics table
 * (formats.md §3 rule 9, §5 "narrative figures that disagree with the table"). Pure: text in, findings out.
 */

export type ProofRule =
  | 'proofread.count-mismatch'
  | 'proofread.subitem-as-total'
  | 'proofread.share-mismatch'
  | 'proofread.parts-sum'
  | 'proofread.all-contradicted'
  | 'proofread.none-contradicted'
  | 'proofread.section-missing';

/**
 * formats.md §7 files rule 9 (every figure in the text matches the table) under 核实: the text is read
 * by patterns, so a finding may misread an unusual sentence, and the user can explain it with a 说明.
 */
export const PROOFREAD_SEVERITY: Record<ProofRule, Severity> = {
  'proofread.count-mismatch': 'warning',
  'proofread.subitem-as-total': 'warning',
  'proofread.share-mismatch': 'warning',
  'proofread.parts-sum': 'warning',
  'proofread.all-contradicted': 'warning',
  'proofread.none-contradicted': 'warning',
  'proofread.section-missing': 'warning',
};

/**
 * A check finding about the text: `cells` are the table's cells; the sentence says where in the text.
 * Its kind is `text` (a kind check's findings never have).
 */
export interface ProofFinding extends Omit<Finding, 'kind'> {
  rule: ProofRule;
  kind: 'text';
  /** The sentence as written (for a missing section: empty). */
  sentence: string;
  /** The words of the claim, e.g. 共受理依申请公开2件. */
  quote: string;
  /** Index of the paragraph (line) in the text; -1 for a missing section. */
  paragraph: number;
  /** The sentence's offsets in the whole text (paragraphs joined by "\n"). */
  start: number;
  end: number;
  /** The sentence's offset within its paragraph. */
  paragraphOffset: number;
}

export interface ProofreadResult {
  findings: ProofFinding[];
  /** Figure claims compared with the table. */
  checked: number;
  /** Claims recognized but not comparable: the table lacks the cell or leaves it blank. */
  unchecked: number;
  /** Required section headings found in the text, in order. */
  sections: string[];
}

export function proofreadText(text: string, report: ReportFigures): ProofreadResult {
  return proofreadParagraphs(text.replace(/\r\n?/g, '\n').split('\n'), report);
}

export function proofreadParagraphs(paragraphs: readonly string[], report: ReportFigures): ProofreadResult {
  const claims = CLAIMS[report.format];
  const parsed = splitParagraphs(paragraphs);
  const table = new TableReader(report);
  const out = new FindingCollector(report.format);
  let checked = 0;
  let unchecked = 0;
  for (const paragraph of parsed) {
    for (const sentence of sentencesOf(paragraph)) {
      const found = claimsOf(sentence, claims);
      const result = compareSentence(sentence, found, claims, table, out);
      checked += result.checked;
      unchecked += result.unchecked;
    }
  }
  const sections = checkSections(parsed, claims, out);
  return { findings: out.findings, checked, unchecked, sections };
}

/** The table's values for claim references. */
class TableReader {
  constructor(private readonly report: ReportFigures) {}

  /** The sum of the referenced cells; null when one is absent or blank (not comparable). */
  value(ref: Ref): number | null {
    let sum = 0;
    for (const id of ref) {
      const v = this.one(id);
      if (v === null) return null;
      sum += v;
    }
    return Math.round(sum * 1e6) / 1e6;
  }

  one(id: string): number | null {
    if (id === 'fact:feeCollected') return this.report.facts.feeCollected ?? null;
    return this.report.figures[id]?.value ?? null;
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
    return { name: this.name(ref, sumName), value, unit: this.unit(ref), cells: this.cells(ref) };
  }

  unit(ref: Ref): string {
    if (ref[0] === 'fact:feeCollected') return '万元';
    return this.figure(ref[0])?.unit ?? '件';
  }
}

class FindingCollector {
  readonly findings: ProofFinding[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly format: string) {}

  add(rule: ProofRule, sentence: Sentence | null, fields: { quote: string; message: string; cells: string[]; indicators: string[]; expected?: number; actual?: number; why?: string }): void {
    // Two claims of one rule about the same cells (in two sentences) need distinct fingerprints.
    const key = [rule, ...fields.indicators, fields.quote].join('|');
    const nth = this.seen.get(key) ?? 0;
    this.seen.set(key, nth + 1);
    const difference = fields.expected !== undefined && fields.actual !== undefined ? round(fields.actual - fields.expected) : undefined;
    this.findings.push({
      rule,
      severity: PROOFREAD_SEVERITY[rule],
      kind: 'text',
      table: tableOf(fields.indicators),
      message: fields.message,
      why: fields.why ?? M.figuresWhy,
      ...(fields.expected !== undefined ? { expected: fields.expected, actual: fields.actual, difference } : {}),
      cells: fields.cells,
      indicators: fields.indicators,
      fingerprint: fingerprint(this.format, rule, ...fields.indicators, fields.quote.replace(/[\d.,%]+/g, '#'), String(nth)),
      sentence: sentence?.text ?? '',
      quote: fields.quote,
      paragraph: sentence?.paragraph ?? -1,
      start: sentence?.start ?? -1,
      end: sentence?.end ?? -1,
      paragraphOffset: sentence?.paragraphOffset ?? -1,
    });
  }
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const tableOf = (indicators: string[]) => (indicators[0] && !indicators[0].startsWith('fact:') ? indicators[0].split('.')[0] : '');
const indicatorsOf = (ref: Ref) => ref.filter((id) => !id.startsWith('fact:'));

function refFor(ref: Ref | ContextRefs, context: string): Ref | null {
  if (Array.isArray(ref)) return ref as Ref;
  const byContext = ref as ContextRefs;
  return byContext[context] ?? byContext[NO_CONTEXT] ?? null;
}

/** The stated amount and its precision in the table's unit: 元 in the text for a 万元 cell. */
function inTableUnit(q: Quantity, tableUnit: string): { value: number; decimals: number; unit: string } {
  return q.unit === '元' && tableUnit === '万元'
    ? { value: round(q.value / 10000), decimals: q.decimals + 4, unit: tableUnit }
    : { value: q.value, decimals: q.decimals, unit: q.unit };
}

/** Equal at the precision the text writes: 12.4万元 states 12.35 rounded; counts compare exactly. */
function sameAt(stated: number, table: number, decimals: number): boolean {
  const factor = 10 ** decimals;
  return Math.abs(Math.round(table * factor) / factor - stated) < 1e-9;
}

function compareSentence(sentence: Sentence, found: SentenceClaims, claims: FormatClaims, table: TableReader, out: FindingCollector) {
  let checked = 0;
  let unchecked = 0;
  const quoteOf = (start: number, end: number) => sentence.text.slice(start, end);
  const byId = new Map(claims.counts.map((c) => [c.id, c]));

  for (const mention of found.counts) {
    const { claim, quantity } = mention;
    const ref = refFor(claim.ref, mention.context);
    const actualTable = ref ? table.value(ref) : null;
    if (!ref || actualTable === null) {
      unchecked++;
      continue;
    }
    checked++;
    const quote = quoteOf(mention.start, mention.end);
    const { value: stated, decimals, unit } = inTableUnit(quantity, table.unit(ref));
    const readings = [ref, ...(claim.alternatives ?? [])];
    const matches = readings.some((r) => {
      const v = table.value(r);
      return v !== null && sameAt(stated, v, decimals);
    });
    if (!matches) {
      const part = subItemWithValue(claim, mention.context, stated, byId, table);
      const total = table.named(ref, claim.name, actualTable);
      if (part) {
        out.add('proofread.subitem-as-total', sentence, {
          quote,
          message: M.subItemAsTotal(quote, stated, unit, part.name, total),
          cells: [...total.cells, ...part.cells],
          indicators: [...indicatorsOf(ref), ...part.indicators],
          expected: actualTable,
          actual: stated,
        });
      } else {
        out.add('proofread.count-mismatch', sentence, {
          quote,
          message: M.countMismatch(quote, stated, unit, total),
          cells: total.cells,
          indicators: indicatorsOf(ref),
          expected: actualTable,
          actual: stated,
        });
      }
    }
    if (mention.share && checkShare(sentence, mention, ref, actualTable, stated, matches, table, out, quoteOf)) checked++;
  }

  checkPartsSums(sentence, found.counts, byId, table, out, quoteOf);

  for (const mention of found.alls) {
    const total = refFor(mention.claim.total, mention.context);
    const zero = refFor(mention.claim.mustBeZero, mention.context);
    if (!total || !zero) continue;
    const totalValue = table.value(total);
    if (totalValue === null) {
      unchecked++;
      continue;
    }
    checked++;
    const nonZero = zero.filter((id) => (table.one(id) ?? 0) > 0);
    if (nonZero.length === 0) continue;
    const quote = quoteOf(mention.start, mention.end);
    out.add('proofread.all-contradicted', sentence, {
      quote,
      message: M.allContradicted(quote, nonZero.map((id) => table.named([id], id, table.one(id) ?? 0))),
      cells: [...table.cells(total), ...table.cells(nonZero)],
      indicators: [...indicatorsOf(total), ...nonZero],
    });
  }

  for (const mention of found.nones) {
    const value = table.value(mention.claim.ref);
    if (value === null) {
      unchecked++;
      continue;
    }
    checked++;
    if (value === 0) continue;
    const quote = quoteOf(mention.start, mention.end);
    const named = table.named(mention.claim.ref, mention.claim.name ?? quote, value);
    out.add('proofread.none-contradicted', sentence, {
      quote,
      message: M.noneContradicted(quote, named),
      cells: named.cells,
      indicators: indicatorsOf(mention.claim.ref),
      expected: value,
      actual: 0,
    });
  }
  return { checked, unchecked };
}

/** A component of the claimed total whose value is what the text states: a sub-item quoted as the total. */
function subItemWithValue(claim: CountClaim, context: string, stated: number, byId: Map<string, CountClaim>, table: TableReader) {
  for (const partId of claim.parts ?? []) {
    const part = byId.get(partId);
    const ref = part && refFor(part.ref, context);
    if (!part || !ref) continue;
    // A category's rows (不予公开: 属于国家秘密 …) are parts too, named by their own label.
    const rows = ref.length > 1 ? ref.map((id) => [id] as Ref) : [ref];
    for (const row of [ref, ...rows]) {
      const value = table.value(row);
      if (value !== null && value > 0 && value === stated) {
        return { name: table.name(row, part.name), cells: table.cells(row), indicators: indicatorsOf(row) };
      }
    }
  }
  return null;
}

function checkShare(
  sentence: Sentence,
  mention: CountMention,
  ref: Ref,
  tableValue: number,
  statedCount: number,
  countMatches: boolean,
  table: TableReader,
  out: FindingCollector,
  quoteOf: (s: number, e: number) => string,
): boolean {
  const share = mention.share!;
  const baseRef = mention.claim.shareBase ? refFor(mention.claim.shareBase, mention.context) : null;
  const base = baseRef ? table.value(baseRef) : null;
  if (!baseRef || base === null || base === 0) return false;
  // Shares are rounded together so that they add up: each may differ from the exact value by under one unit of its last decimal.
  const tolerance = 10 ** -share.decimals + 1e-9;
  const exact = (tableValue / base) * 100;
  if (Math.abs(share.value - exact) < tolerance) return true;
  // A share that follows a wrong count (and matches it) is already covered by the count's finding.
  if (!countMatches && Math.abs(share.value - (statedCount / base) * 100) < tolerance) return true;
  const quote = quoteOf(mention.start, share.end);
  const decimals = Math.max(1, share.decimals);
  out.add('proofread.share-mismatch', sentence, {
    quote,
    message: M.shareMismatch(
      quote,
      share.text,
      table.named(ref, mention.claim.name, tableValue),
      table.named(baseRef, mention.claim.name, base),
      exact.toFixed(decimals),
    ),
    cells: [...table.cells(ref), ...table.cells(baseRef)],
    indicators: [...indicatorsOf(ref), ...indicatorsOf(baseRef)],
    expected: Number(exact.toFixed(decimals)),
    actual: share.value,
    why: M.sharesWhy,
  });
  return true;
}

/** 总计50件，其中予以公开23件、… : the listed parts must not exceed the stated total, nor fall short when complete. */
function checkPartsSums(
  sentence: Sentence,
  counts: CountMention[],
  byId: Map<string, CountClaim>,
  table: TableReader,
  out: FindingCollector,
  quoteOf: (s: number, e: number) => string,
): void {
  counts.forEach((total, i) => {
    const partIds = total.claim.parts;
    if (!partIds || total.claim.partsOverlap) return;
    // A context-dependent part (结果维持) belongs to this total only when it is about the same thing.
    const listed = counts.slice(i + 1).filter((c) => partIds.includes(c.claim.id) && (Array.isArray(c.claim.ref) || c.context === total.context));
    const distinct = listed.filter((c, j) => listed.findIndex((d) => d.claim.id === c.claim.id) === j);
    if (distinct.length < 2) return;
    const sum = round(distinct.reduce((acc, c) => acc + c.quantity.value, 0));
    const stated = total.quantity.value;
    if (sum === stated) return;
    const nonZeroParts = partIds.filter((id) => {
      const part = byId.get(id);
      const ref = part && refFor(part.ref, total.context);
      return ref ? (table.value(ref) ?? 0) > 0 : false;
    });
    const complete = nonZeroParts.every((id) => distinct.some((c) => c.claim.id === id));
    if (sum < stated && !complete) return;
    const totalRef = refFor(total.claim.ref, total.context) ?? [];
    const partRefs = distinct.map((c) => refFor(c.claim.ref, c.context) ?? []);
    const quote = quoteOf(total.start, total.end);
    out.add('proofread.parts-sum', sentence, {
      quote,
      message: M.partsSum(quote, stated, total.quantity.unit, distinct.map((c) => quoteOf(c.start, c.end)), sum),
      cells: [...table.cells(totalRef), ...partRefs.flatMap((r) => table.cells(r))],
      indicators: [...indicatorsOf(totalRef), ...partRefs.flatMap(indicatorsOf)],
      expected: stated,
      actual: sum,
    });
  });
}

/** The six required sections (formats.md §2 and §3): checked once the text has any of their headings. */
function checkSections(paragraphs: TextParagraph[], claims: FormatClaims, out: FindingCollector): string[] {
  const headings = paragraphs.filter((p) => p.heading).map((p) => p.text.trim());
  const found = claims.sections.filter((s) => headings.some((h) => s.keys.some((k) => h.includes(k))));
  if (found.length === 0) return [];
  for (const section of claims.sections) {
    if (found.includes(section)) continue;
    out.add('proofread.section-missing', null, {
      quote: section.heading,
      message: M.sectionMissing(section.heading),
      cells: [],
      indicators: [],
      why: M.sectionsWhy,
    });
  }
  return found.map((s) => s.heading);
}
