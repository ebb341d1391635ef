import type { ReportFigures } from '../index';
import { FORMATS } from '../formats/registry';
import { FORMAT_NAMES } from '../messages';
import type { FormatId } from '../types';
import { sayProof } from '../render';
import { roundFigure, sameAtPlaces } from '../values';
import { textArithmetic, type CarriedTotal } from './arithmetic';
import { NO_CONTEXT, type ContextRefs, type CountClaim, type FormatClaims, type Ref } from './claims';
import { claimsOf, type CountMention, type SentenceClaims } from './extract';
import { FindingCollector, type ProofFinding } from './findings';
import { proofreadMessages as M } from './messages';
import { repeatedFromPrevious, REPEATED_SHARE, type Repetition } from './repeated';
import { sentencesOf, splitParagraphs, type Sentence } from './sentences';
import { checkStructure, requiredSections } from './structure';
import { TableReader } from './table';
import { reportYearOf, yearsNotReportYear } from './years';

/**
 * Proofreading: every figure the report's text states, compared with its statistics table
 * (docs/formats.md §6), the text's own arithmetic, and the checks a reviewer makes of its form (year,
 * sections, a report copied from last year's). Pure: text in, findings out.
 */

export { PROOFREAD_SEVERITY, type ProofFinding, type ProofRule } from './findings';
export type { Repetition, RepeatedPassage } from './repeated';

export interface ProofreadOptions {
  /** Last year's report text: sentences repeated from it are counted and shown. */
  previousText?: string;
  /** The report year, when the user states it (otherwise the table's title, then the text's own title). */
  reportYear?: number;
  /** The format is a guess (no table, no year): no sections are required of the text. */
  formatUnknown?: boolean;
}

export interface ProofreadResult {
  findings: ProofFinding[];
  /** Figure claims compared with the table. */
  checked: number;
  /** Claims recognized but not comparable: the table lacks the cell or leaves it blank. */
  unchecked: number;
  /** Required section headings found in the text, in order (none are required of a legacy report). */
  sections: string[];
  /** The report year the text was read against, when known. */
  reportYear?: number;
  /** With last year's text: the sentences repeated from it. */
  repeated?: Repetition;
}

export function proofreadText(text: string, report: ReportFigures, options: ProofreadOptions = {}): ProofreadResult {
  return proofreadParagraphs(text.replace(/\r\n?/g, '\n').split('\n'), report, options);
}

export function proofreadParagraphs(paragraphs: readonly string[], report: ReportFigures, options: ProofreadOptions = {}): ProofreadResult {
  const claims = FORMATS.get(report.format).claims;
  const parsed = splitParagraphs(paragraphs);
  const table = new TableReader(report);
  const out = new FindingCollector(report.format);
  const reportYear = options.reportYear ?? report.facts.reportYear ?? reportYearOf(parsed);
  let checked = 0;
  let unchecked = 0;
  const read: { sentence: Sentence; found: SentenceClaims }[] = [];
  for (const paragraph of parsed) {
    let carried: CarriedTotal | null = null;
    for (const sentence of sentencesOf(paragraph)) {
      const found = claimsOf(sentence, claims);
      read.push({ sentence, found });
      const result = compareSentence(sentence, found, claims, table, out, reportYear);
      checked += result.checked;
      unchecked += result.unchecked;
      carried = textArithmetic(sentence, found, result.compared, out, carried);
    }
  }
  checkFees(read, claims, out);
  const structure = checkStructure(parsed, options.formatUnknown ? [] : requiredSections(claims, reportYear), out);
  if (reportYear) yearsNotReportYear(parsed, reportYear, structure.problems, out);
  let repeated: Repetition | undefined;
  if (options.previousText !== undefined) {
    repeated = repeatedFromPrevious(parsed, options.previousText);
    if (repeated.share >= REPEATED_SHARE) {
      out.add('proofread.repeated-from-previous', null, {
        quote: '',
        message: sayProof('repeated', repeated.sentences, repeated.considered, (repeated.share * 100).toFixed(0)),
        cells: [],
        indicators: [],
        why: M.repeatedWhy,
      });
    }
  }
  return {
    findings: out.findings,
    checked,
    unchecked,
    sections: structure.found,
    ...(reportYear ? { reportYear } : {}),
    ...(repeated ? { repeated } : {}),
  };
}

/** The format a report of that year is written in, when no table says (docs/formats.md §1). */
function formatOfYear(year: number): FormatId {
  return year <= 2018 ? 'legacy-2016' : year <= 2020 ? 'national-2019' : 'national-2021';
}

/**
 * A report whose table is not at hand (not recognized, a picture, a page copied without it): only what
 * the text says of itself is checked (its own sums, years, parts, fee statements, repeated sentences).
 * The format follows the year the text gives; without one, no sections are required.
 */
export function proofreadTextAlone(text: string, options: ProofreadOptions = {}): ProofreadResult & { format: FormatId } {
  const year = options.reportYear ?? reportYearOf(splitParagraphs(text.replace(/\r\n?/g, '\n').split('\n')));
  const format = year ? formatOfYear(year) : 'national-2021';
  const report: ReportFigures = { format, formatName: FORMAT_NAMES[format] ?? format, tables: [], figures: {}, facts: {} };
  return { ...proofreadText(text, report, { ...options, reportYear: year, formatUnknown: year === undefined }), format };
}

const indicatorsOf = (ref: Ref) => ref.filter((id) => !id.startsWith('fact:'));

function refFor(ref: Ref | ContextRefs, context: string): Ref | null {
  if (Array.isArray(ref)) return ref as Ref;
  const byContext = ref as ContextRefs;
  return byContext[context] ?? byContext[NO_CONTEXT] ?? null;
}

/** The cells a mention names: the union of its claims' cells in the sentence's context. */
function mentionRef(mention: CountMention): Ref | null {
  const refs = mention.claims.map((c) => refFor(c.ref, mention.context));
  return refs.every((r): r is Ref => r !== null) ? refs.flat() : null;
}

const mentionName = (mention: CountMention) => (mention.claims.length === 1 ? mention.claims[0].name : M.jointName(mention.claims.map((c) => c.name)));

/** The stated amount and its precision in the table's unit: 元 in the text for a 万元 cell. */
function inTableUnit(q: CountMention['quantity'], tableUnit: string): { value: number; decimals: number; unit: string } {
  return q.unit === '元' && tableUnit === '万元'
    ? { value: roundFigure(q.value / 10000), decimals: q.decimals + 4, unit: tableUnit }
    : { value: q.value, decimals: q.decimals, unit: q.unit };
}

/** A table 三 figure per applicant column: t3.granted.total → t3.granted.natural. */
function columnRef(ref: Ref, column: string): Ref | null {
  return ref.every((id) => /^t3\.\w+\.total$/.test(id)) ? ref.map((id) => id.replace(/\.total$/, `.${column}`)) : null;
}

/** A figure about last year, or another year than the report's, is not this year's table figure. */
const aboutAnotherPeriod = (mention: CountMention, reportYear: number | undefined) =>
  mention.otherPeriod === true || (reportYear !== undefined && mention.year !== undefined && mention.year !== reportYear);

function compareSentence(sentence: Sentence, found: SentenceClaims, claims: FormatClaims, table: TableReader, out: FindingCollector, reportYear: number | undefined) {
  let checked = 0;
  let unchecked = 0;
  const compared = new Set<CountMention['quantity']>();
  const quoteOf = (start: number, end: number) => sentence.text.slice(start, end);
  const byId = new Map(claims.counts.map((c) => [c.id, c]));

  for (const mention of found.counts) {
    // Not a claim about this year's table at all, so neither checked nor "not comparable".
    if (aboutAnotherPeriod(mention, reportYear)) continue;
    const ref = mentionRef(mention);
    const actualTable = ref ? table.value(ref) : null;
    if (!ref || actualTable === null) {
      unchecked++;
      continue;
    }
    checked++;
    compared.add(mention.quantity);
    const at = { start: mention.start, end: mention.end };
    const quote = quoteOf(mention.start, mention.end);
    const { value: stated, decimals, unit } = inTableUnit(mention.quantity, table.unit(ref));
    const only = mention.claims.length === 1 ? mention.claims[0] : null;
    const alternatives = only && (!only.alternativesWhen || only.alternativesWhen.test(sentence.text)) ? (only.alternatives ?? []) : [];
    // 自然人申请中，予以公开18件: the column the sentence names is a reading too.
    const columnReading = mention.applicantColumns && columnRef(ref, 'natural') ? mention.applicantColumns.flatMap((c) => columnRef(ref, c)!) : null;
    const readings = [ref, ...alternatives, ...(columnReading ? [columnReading] : [])];
    const matches = readings.some((r) => {
      const v = table.value(r);
      // Equal at the precision the text writes: 12.4万元 states 12.35 rounded; counts compare exactly.
      return v !== null && sameAtPlaces(stated, v, decimals);
    });
    const name = mentionName(mention);
    if (!matches) {
      const total = table.named(ref, name, actualTable);
      const category = mention.category && refFor(mention.category.ref, mention.context);
      const categoryValue = category ? table.value(category) : null;
      const part = mention.claims.length === 1 ? subItemWithValue(mention.claims[0], mention.context, stated, byId, table) : null;
      const column = !mention.applicantColumns && !part ? firstColumnWithValue(ref, stated, table) : null;
      if (category && categoryValue !== null && categoryValue === stated) {
        out.add('proofread.total-as-subitem', sentence, {
          quote,
          message: sayProof('totalAsSubItem', quote, stated, unit, total, table.named(category, mention.category!.name, categoryValue)),
          cells: [...table.cells(category), ...total.cells],
          indicators: [...indicatorsOf(category), ...indicatorsOf(ref)],
          expected: actualTable,
          actual: stated,
          at,
        });
      } else if (part) {
        out.add('proofread.subitem-as-total', sentence, {
          quote,
          message: sayProof('subItemAsTotal', quote, stated, unit, part.name, total),
          cells: [...total.cells, ...part.cells],
          indicators: [...indicatorsOf(ref), ...part.indicators],
          expected: actualTable,
          actual: stated,
          at,
        });
      } else if (column) {
        out.add('proofread.subitem-as-total', sentence, {
          quote,
          message: sayProof('columnAsTotal', quote, stated, unit, M.columnName(total.name, column.label), total),
          cells: [...total.cells, ...table.cells(column.ref)],
          indicators: [...indicatorsOf(ref), ...indicatorsOf(column.ref)],
          expected: actualTable,
          actual: stated,
          at,
        });
      } else {
        out.add('proofread.count-mismatch', sentence, {
          quote,
          message: sayProof('countMismatch', quote, stated, unit, total),
          cells: total.cells,
          indicators: indicatorsOf(ref),
          expected: actualTable,
          actual: stated,
          at,
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
      message: sayProof('allContradicted', quote, nonZero.map((id) => table.named([id], id, table.one(id) ?? 0))),
      cells: [...table.cells(total), ...table.cells(nonZero)],
      indicators: [...indicatorsOf(total), ...nonZero],
      at: mention,
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
      message: sayProof('noneContradicted', quote, named),
      cells: named.cells,
      indicators: indicatorsOf(mention.claim.ref),
      expected: value,
      actual: 0,
      at: mention,
    });
  }
  return { checked, unchecked, compared };
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

/**
 * Table 三's first column (自然人) when its figure is the stated number: 予以公开17件 where 自然人 is 17
 * and the total 21, the misreading of a writer who took the first column for the total. Other columns
 * are small numbers that match by chance too often to name a cause.
 */
function firstColumnWithValue(ref: Ref, stated: number, table: TableReader): { ref: Ref; label: string } | null {
  const natural = columnRef(ref, 'natural');
  if (!natural || stated <= 0 || table.value(natural) !== stated) return null;
  const label = table.figure(natural[0])?.columnLabel;
  return label ? { ref: natural, label: label.replace(/\s+/g, '') } : null;
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
  const bases = mention.claims.map((c) => (c.shareBase ? refFor(c.shareBase, mention.context) : null));
  const baseRef = bases[0];
  // Names given one number share it only when they are shares of one whole.
  if (!baseRef || bases.some((b) => !b || b.join() !== baseRef.join())) return false;
  const base = table.value(baseRef);
  if (base === null || base === 0) return false;
  // Shares are rounded together so that they add up: each may differ from the exact value by under one unit of its last decimal.
  const tolerance = 10 ** -share.decimals + 1e-9;
  const exact = (tableValue / base) * 100;
  if (Math.abs(share.value - exact) < tolerance) return true;
  // A share that follows a wrong count (and matches it) is already covered by the count's finding.
  if (!countMatches && Math.abs(share.value - (statedCount / base) * 100) < tolerance) return true;
  const quote = quoteOf(mention.start, share.end);
  const decimals = Math.max(1, share.decimals);
  const name = mentionName(mention);
  out.add('proofread.share-mismatch', sentence, {
    quote,
    message: sayProof('shareMismatch', quote, share.text, table.named(ref, name, tableValue), table.named(baseRef, name, base), exact.toFixed(decimals)),
    cells: [...table.cells(ref), ...table.cells(baseRef)],
    indicators: [...indicatorsOf(ref), ...indicatorsOf(baseRef)],
    expected: Number(exact.toFixed(decimals)),
    actual: share.value,
    why: M.sharesWhy,
    at: { start: mention.start, end: share.end },
  });
  return true;
}

/** A list of parts follows its total closely; further mentions belong to other lists. */
const MAX_LISTED_PARTS = 40;

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
    if (total.claims.length !== 1) return;
    const totalClaim = total.claims[0];
    const partIds = totalClaim.parts;
    if (!partIds || totalClaim.partsOverlap) return;
    // A context-dependent part (结果维持) belongs to this total only when it is about the same thing.
    const belongs = (c: CountMention) =>
      c.claims.every((claim) => partIds.includes(claim.id) && (Array.isArray(claim.ref) || c.context === total.context));
    const listed: CountMention[] = [];
    const covered = new Set<string>();
    for (const c of counts.slice(i + 1, i + 1 + MAX_LISTED_PARTS)) {
      if (c.claims.some((claim) => claim.id === totalClaim.id)) break;
      if (!belongs(c) || c.claims.some((claim) => covered.has(claim.id))) continue;
      c.claims.forEach((claim) => covered.add(claim.id));
      listed.push(c);
    }
    if (covered.size < 2) return;
    const sum = roundFigure(listed.reduce((acc, c) => acc + c.quantity.value, 0));
    const stated = total.quantity.value;
    if (sum === stated) return;
    // A part not listed may be left out only when the table shows it is 0 (unknown is not 0).
    const complete = partIds.every((id) => {
      if (covered.has(id)) return true;
      const part = byId.get(id);
      const ref = part && refFor(part.ref, total.context);
      return ref ? table.value(ref) === 0 : true;
    });
    if (sum < stated && !complete) return;
    const totalRef = refFor(totalClaim.ref, total.context) ?? [];
    const partRefs = listed.map((c) => mentionRef(c) ?? []);
    const quote = quoteOf(total.start, total.end);
    out.add('proofread.parts-sum', sentence, {
      quote,
      message: sayProof('partsSum', quote, stated, total.quantity.unit, listed.map((c) => quoteOf(c.start, c.end)), sum),
      cells: [...table.cells(totalRef), ...partRefs.flatMap((r) => table.cells(r))],
      indicators: [...indicatorsOf(totalRef), ...partRefs.flatMap(indicatorsOf)],
      expected: stated,
      actual: sum,
      at: total,
    });
  });
}

/** "未收取任何费用" in one place and a fee collected in another: the text contradicts itself. */
function checkFees(read: { sentence: Sentence; found: SentenceClaims }[], claims: FormatClaims, out: FindingCollector): void {
  const none = read.find(({ sentence }) => claims.fees.none.test(sentence.text));
  // Where the table already contradicts the statement, that finding says it.
  if (!none || out.findings.some((f) => f.rule === 'proofread.none-contradicted' && f.start === none.sentence.start)) return;
  for (const { sentence, found } of read) {
    const charged = found.counts.find((c) => c.quantity.value > 0 && c.claims.some((claim) => claims.fees.amounts.includes(claim.id)));
    if (!charged) continue;
    const m = claims.fees.none.exec(none.sentence.text)!;
    const stated = sentence.text.slice(charged.start, charged.end);
    out.add('proofread.fee-contradiction', none.sentence, {
      quote: m[0],
      message: sayProof('feeContradiction', m[0], stated),
      cells: [],
      indicators: [],
      why: M.feesWhy,
      at: { start: m.index, end: m.index + m[0].length },
    });
    return;
  }
}
