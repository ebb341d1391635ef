import { UNITS as CELL_UNITS } from '../values';
import { NO_CONTEXT, type AllClaim, type CountClaim, type FormatClaims, type NoneClaim } from './claims';
import { arabicNumber, asciiDigits, chineseNumeral, decimalsOf } from './numbers';
import type { Sentence } from './sentences';
import { openingYear } from './years';

/**
 * Finds the figure claims of one sentence: a keyword followed closely by a number and its unit
 * (新收政府信息公开申请49件), a share right after such a number (，占46.0%), "均…" and "未…" claims.
 * Positions are offsets within the sentence.
 *
 * Every step is linear in the sentence's length: numbers are read as maximal runs (a 300 KB run of
 * digits is read once), keywords are placed with an occupancy map, and each number looks back only a
 * bounded distance.
 */

export interface Quantity {
  value: number;
  unit: string;
  /** The number as written, for precision: "46.0". */
  text: string;
  decimals: number;
  start: number;
  end: number;
}

export interface CountMention {
  /** What the words name: one claim, or several named together before one number (予以公开及部分公开30件). */
  claims: readonly CountClaim[];
  /** What the sentence is about at this point (review, litigation, regulations, …) or `any`. */
  context: string;
  start: number;
  end: number;
  quantity: Quantity;
  share?: Quantity;
  /** The category the writer named when the claim is its listed reasons (因属于国家秘密不予公开1件). */
  category?: CountClaim;
  /** Table 三's columns of the applicant type the sentence names before the number (自然人申请中…). */
  applicantColumns?: readonly string[];
  /** The year the figure is about, when the sentence opens with one or its clause names one (2022年，…收到45件). */
  year?: number;
  /** The clause is about last year (上年度收到申请45件, 去年同期): not this year's figure. */
  otherPeriod?: boolean;
}

export interface AllMention {
  claim: AllClaim;
  context: string;
  start: number;
  end: number;
}

export interface NoneMention {
  claim: NoneClaim;
  start: number;
  end: number;
}

export interface SentenceClaims {
  counts: CountMention[];
  alls: AllMention[];
  nones: NoneMention[];
  /** Every number with its unit, in order (for the text's own arithmetic). */
  quantities: Quantity[];
}

const UNITS = [...CELL_UNITS, '%'];
/** Beyond 15 digits a run is not a count anyone wrote (and not exact in floating point). */
const MAX_DIGITS = 15;
const MAX_CHINESE_NUMERAL = 12;
const CHINESE_NUMERAL_CHARS = new Set('零〇一二两三四五六七八九十百千万');
/** Between a keyword and its number: words only, no clause break, no other number. */
const FILLER = /^[^，。；;,:：、（）()！？!?\d]{0,16}$/;
const FILLER_MAX = 16;
/** Between a number and its share: ，占 / （占比 … */
const SHARE_LEAD = /^[，,（(]?\s*占[^，。；;\d]{0,10}$/;
const SHARE_LEAD_MAX = 13;
/** Between two names given one number: 予以公开及部分公开, “不予公开”、“无法提供”, 行政复议和提起行政诉讼. */
const JOINER = /^[”"’」]?\s*(?:及|和|与|以及|或|或者|、|、和)\s*(?:被)?(?:提起|申请)?\s*[“"‘「]?$/;
const JOINER_MAX = 8;
/** Between a category's reasons and the category: 因本机关不掌握(等原因)无法提供, 以属于国家秘密为由不予公开. */
const QUALIFIER = /^[”"’」]?(?:相关政府信息)?(等)?(?:的)?(?:原因|情形|情况|理由)?(?:的)?(?:而|为由|被)?[，,]?$/;
const QUALIFIER_MAX = 12;
/** Between the numbers of 分别为21件、6件和4件. */
const RESPECTIVE_GAP = /^\s*(?:、|，|,|和|及|与|；|;)\s*$/;
/** 分别为21件、6件: names and numbers pair up in order; 各1件: each name has the number. */
const RESPECTIVELY = /分别(?:为|是|有|计)?$/;
const EACH = /各(?:为|有|计)?$/;
/** Words of a clause about last year (not 上年结转, which is this year's table row). */
const OTHER_PERIOD = /上年(?!度?结转)|去年|上一年(?!度?结转)|同期/;
const CLAUSE_BREAK = /[，,。；;：:（(）)]/;
/** How far back in its clause a number looks for the year or period it is about. */
const PERIOD_LOOKBACK = 30;
/** A year not part of a longer number (the digit before it is captured and ruled out: no lookbehind in ES2017). */
const CLAUSE_YEAR = /(\d?)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/g;
/** At most this many names before one number, and this many numbers after 分别. */
const MAX_CHAIN = 8;

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';

function unitAt(text: string, at: number): string | null {
  let i = at;
  while (i < text.length && i - at < 4 && isSpace(text[i])) i++;
  for (const unit of UNITS) if (text.startsWith(unit, i)) return text.slice(at, i) + unit;
  return null;
}

/** Every number followed by a unit, read once from left to right. */
export function quantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isDigit(ch)) {
      let j = i;
      while (j < text.length && (isDigit(text[j]) || text[j] === ',')) j++;
      let intEnd = j;
      while (text[intEnd - 1] === ',') intEnd--;
      let end = intEnd;
      if (intEnd === j && text[j] === '.' && isDigit(text[j + 1])) {
        end = j + 1;
        while (isDigit(text[end])) end++;
      }
      // "1,256" is one number; in "21,6件" the comma separates two.
      const intPart = text.slice(i, intEnd);
      const start = intPart.includes(',') && !/^\d{1,3}(?:,\d{3})+$/.test(intPart) ? i + intPart.lastIndexOf(',') + 1 : i;
      const number = text.slice(start, end);
      const unit = unitAt(text, end);
      if (unit && number.replace(/[,.]/g, '').length <= MAX_DIGITS) {
        const unitName = unit.trimStart();
        found.push({ value: arabicNumber(number), unit: unitName, text: number, decimals: decimalsOf(number), start, end: end + unit.length });
      }
      i = Math.max(end, i + 1);
      continue;
    }
    if (CHINESE_NUMERAL_CHARS.has(ch)) {
      let j = i;
      while (j < text.length && CHINESE_NUMERAL_CHARS.has(text[j])) j++;
      const number = text.slice(i, j);
      const unit = unitAt(text, j);
      const value = unit && number.length <= MAX_CHINESE_NUMERAL ? chineseNumeral(number) : null;
      if (unit && value !== null) found.push({ value, unit: unit.trimStart(), text: number, decimals: 0, start: i, end: j + unit.length });
      i = j;
      continue;
    }
    i++;
  }
  return found;
}

interface KeywordHit {
  claim: CountClaim;
  start: number;
  end: number;
}

/** Every keyword occurrence; where keywords overlap, the longest wins (不同意公开 over 同意公开). */
function keywordHits(text: string, claims: FormatClaims): KeywordHit[] {
  const all: KeywordHit[] = [];
  for (const claim of claims.counts) {
    for (const keyword of claim.keywords) {
      for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
        all.push({ claim, start: at, end: at + keyword.length });
      }
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Keywords are short, so marking the characters each kept hit covers keeps this linear.
  const taken = new Uint8Array(text.length);
  const kept: KeywordHit[] = [];
  for (const hit of all) {
    let free = true;
    for (let i = hit.start; i < hit.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, hit.start, hit.end);
    kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** 收到政府信息公开申请49件 is a claim about applications; 收到人大代表建议15件 is not. */
function fillerFits(claim: CountClaim, between: string): boolean {
  return !claim.filler || between === '' || claim.filler.some((word) => between.includes(word));
}

/** Occurrences of marker words, sorted, for "the last one before this position" in logarithmic time. */
class MarkerIndex<T> {
  private readonly marks: { at: number; order: number; value: T }[] = [];

  constructor(text: string, markers: readonly { words: readonly string[]; value: T }[]) {
    markers.forEach(({ words, value }, order) => {
      for (const word of words) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) this.marks.push({ at, order, value });
    });
    // At one position the marker listed first wins, as lastIndexOf over the list in order would give.
    this.marks.sort((a, b) => a.at - b.at || b.order - a.order);
  }

  /** The marker that starts last at or before `position`. */
  before(position: number): T | undefined {
    let lo = 0;
    let hi = this.marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.marks[mid].at <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.marks[lo - 1].value : undefined;
  }
}

/** The text between two positions when it is short enough to be a connecting word (never a long slice). */
function gap(text: string, from: number, to: number, max: number): string | null {
  return to >= from && to - from <= max ? text.slice(from, to) : null;
}

export function claimsOf(sentence: Sentence, claims: FormatClaims): SentenceClaims {
  const text = asciiDigits(sentence.text);
  const hits = keywordHits(text, claims);
  const contexts = new MarkerIndex(text, claims.contexts.map((c) => ({ words: [c.keyword], value: c.context })));
  const applicants = new MarkerIndex(text, claims.applicants.map((a) => ({ words: a.keywords, value: a })));
  const contextAt = (position: number) => contexts.before(position) ?? NO_CONTEXT;
  const found = quantities(text);
  const counts: CountMention[] = [];
  const claimedHits = new Set<number>();
  const consumed = new Set<Quantity>();
  let next = 0; // hits[next - 1] is the last hit ending before the current number

  const opening = openingYear(text);
  const mention = (members: CountClaim[], start: number, quantity: Quantity, extra: Partial<CountMention> = {}): CountMention => {
    const applicant = applicants.before(quantity.start);
    const period = periodOf(text, start, opening);
    return {
      claims: members,
      context: contextAt(quantity.start),
      start,
      end: quantity.end,
      quantity,
      ...(applicant ? { applicantColumns: applicant.columns } : {}),
      ...period,
      ...extra,
    };
  };
  const unitFits = (claim: CountClaim, q: Quantity) => !claim.units || claim.units.includes(q.unit);

  found.forEach((quantity, qi) => {
    if (consumed.has(quantity)) return;
    if (quantity.unit === '%') {
      const owner = counts[counts.length - 1];
      const lead = owner && !owner.share ? gap(text, owner.end, quantity.start, SHARE_LEAD_MAX) : null;
      if (lead !== null && SHARE_LEAD.test(lead)) owner.share = quantity;
      return;
    }
    while (next < hits.length && hits[next].end <= quantity.start) next++;
    const last = next - 1;
    if (last < 0) return;
    const hit = hits[last];
    const between = gap(text, hit.end, quantity.start, FILLER_MAX);
    if (between === null || !FILLER.test(between) || !fillerFits(hit.claim, between)) return;
    // A number already claimed by this keyword (一是…两件…) belongs to the first one only.
    if (claimedHits.has(hit.start)) return;
    const claim = () => claimedHits.add(hit.start);

    const chain = namesBefore(text, hits, last);
    if (chain.length > 1) {
      const members = chain.map((h) => h.claim);
      if (RESPECTIVELY.test(between)) {
        // 予以公开、部分公开、不予公开分别为21件、6件和4件: names and numbers in the same order.
        const numbers = respectiveNumbers(text, found, qi, chain.length);
        if (!numbers || chain.some((h, k) => !unitFits(h.claim, numbers[k]))) return;
        claim();
        numbers.forEach((q, k) => {
          consumed.add(q);
          counts.push(mention([chain[k].claim], chain[k].start, q));
        });
        return;
      }
      if (!members.every((m) => unitFits(m, quantity))) return;
      if (EACH.test(between)) {
        // 行政复议和行政诉讼各1件: each name has the number.
        claim();
        chain.forEach((h) => counts.push(mention([h.claim], h.start, quantity)));
        return;
      }
      // 予以公开及部分公开30件 adds up names of one kind; names of different kinds given one number say nothing checkable.
      if (!claims.groups.some((group) => members.every((m) => group.includes(m.id)))) return;
      claim();
      counts.push(mention(members, chain[0].start, quantity));
      return;
    }
    if (!unitFits(hit.claim, quantity)) return;
    claim();
    const reasons = reasonsBefore(text, hits, last, claims);
    if (reasons) {
      // 因本机关不掌握相关政府信息无法提供3件 counts that reason; 因…等原因无法提供11件 counts the category.
      const members = reasons.hits.map((h) => h.claim);
      counts.push(reasons.etc ? mention([hit.claim], reasons.hits[0].start, quantity) : mention(members, reasons.hits[0].start, quantity, { category: hit.claim }));
      return;
    }
    // What the figure is about is settled by the words before the number: 制发行政规范性文件5件、废止2件.
    counts.push(mention([hit.claim], hit.start, quantity));
  });

  const alls: AllMention[] = [];
  for (const claim of claims.alls) {
    const m = claim.pattern.exec(text);
    if (!m) continue;
    const start = m.index;
    if (alls.some((a) => start < a.end && a.start < start + m[0].length)) continue;
    if (claim.subject && !claim.subject.test(text.slice(0, start))) continue;
    if (claim.otherSubject?.test(text.slice(0, start))) continue;
    alls.push({ claim, context: contextAt(start), start, end: start + m[0].length });
  }
  const nones: NoneMention[] = [];
  for (const claim of claims.nones) {
    const m = claim.pattern.exec(text);
    if (m) nones.push({ claim, start: m.index, end: m.index + m[0].length });
  }
  return { counts, alls, nones, quantities: found };
}

/** The period a figure is about: a year or 上年/去年 in its own clause before it, else the year the sentence opens with. */
function periodOf(text: string, start: number, opening: number | undefined): { year?: number; otherPeriod?: boolean } {
  const from = Math.max(0, start - PERIOD_LOOKBACK);
  const before = text.slice(from, start);
  let clause = before.length;
  while (clause > 0 && !CLAUSE_BREAK.test(before[clause - 1])) clause--;
  const own = before.slice(clause);
  if (OTHER_PERIOD.test(own)) return { otherPeriod: true };
  const years = [...own.matchAll(CLAUSE_YEAR)].filter((m) => !m[1]);
  if (years.length) return { year: Number(years[years.length - 1][2]) };
  return opening !== undefined ? { year: opening } : {};
}

/** The names joined before one number, ending with hits[last]: 予以公开及部分公开 → [予以公开, 部分公开]. */
function namesBefore(text: string, hits: KeywordHit[], last: number, accept: (claim: CountClaim) => boolean = () => true): KeywordHit[] {
  const chain = [hits[last]];
  for (let k = last - 1; k >= 0 && chain.length < MAX_CHAIN; k--) {
    const joiner = gap(text, hits[k].end, chain[0].start, JOINER_MAX);
    if (joiner === null || !JOINER.test(joiner) || !accept(hits[k].claim) || chain.some((h) => h.claim.id === hits[k].claim.id)) break;
    chain.unshift(hits[k]);
  }
  return chain;
}

/** The numbers of 分别为21件、6件和4件, when there are exactly as many as names. */
function respectiveNumbers(text: string, found: Quantity[], first: number, count: number): Quantity[] | null {
  const numbers = [found[first]];
  for (let k = first + 1; k < found.length && numbers.length < count; k++) {
    const between = gap(text, numbers[numbers.length - 1].end, found[k].start, 3);
    if (between === null || !RESPECTIVE_GAP.test(between)) break;
    numbers.push(found[k]);
  }
  if (numbers.length !== count) return null;
  // A further number in the same list means the names and numbers do not pair up.
  const after = found[first + count];
  const trailing = after ? gap(text, numbers[count - 1].end, after.start, 3) : null;
  return trailing !== null && RESPECTIVE_GAP.test(trailing) && after.unit !== '%' ? null : numbers;
}

/** Reasons of the category named by hits[last], written just before it: 因属于国家秘密(、…)(等原因)不予公开. */
function reasonsBefore(text: string, hits: KeywordHit[], last: number, claims: FormatClaims): { hits: KeywordHit[]; etc: boolean } | null {
  const category = hits[last].claim;
  const parts = category.parts;
  if (!parts || last === 0 || !claims.reasonCategories.includes(category.id)) return null;
  const reason = hits[last - 1];
  if (!parts.includes(reason.claim.id)) return null;
  const qualifier = gap(text, reason.end, hits[last].start, QUALIFIER_MAX);
  const m = qualifier === null ? null : QUALIFIER.exec(qualifier);
  if (!m) return null;
  const chain = namesBefore(text, hits, last - 1, (claim) => parts.includes(claim.id));
  return { hits: chain, etc: m[1] !== undefined };
}
