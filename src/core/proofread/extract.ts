import { NO_CONTEXT, type AllClaim, type CountClaim, type FormatClaims, type NoneClaim } from './claims';
import { arabicNumber, asciiDigits, chineseNumeral, decimalsOf } from './numbers';
import type { Sentence } from './sentences';

/**
 * Finds the figure claims of one sentence: a keyword followed closely by a number and its unit
 * (新收政府信息公开申请49件), a share right after such a number (，占46.0%), "均…" and "未…" claims.
 * Positions are offsets within the sentence.
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
  claim: CountClaim;
  /** What the sentence is about at this point (review, litigation, regulations, …) or `any`. */
  context: string;
  start: number;
  end: number;
  quantity: Quantity;
  share?: Quantity;
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
}

const QUANTITY = /(\d[\d,]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)\s*(万元|人次|件|条|次|篇|个|人|项|元|%)/g;
/** Between a keyword and its number: words only, no clause break, no other number. */
const FILLER = /^[^，。；;,:：、（）()！？!?\d]{0,16}$/;
/** Between a number and its share: ，占 / （占比 … */
const SHARE_LEAD = /^[，,（(]?\s*占[^，。；;\d]{0,10}$/;

interface KeywordHit {
  claim: CountClaim;
  start: number;
  end: number;
}

function quantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [whole, number, unit] = m;
    const value = /\d/.test(number) ? arabicNumber(number) : chineseNumeral(number);
    if (value === null || !Number.isFinite(value)) continue;
    const start = m.index ?? 0;
    found.push({ value, unit, text: number, decimals: /\d/.test(number) ? decimalsOf(number) : 0, start, end: start + whole.length });
  }
  return found;
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
  const kept: KeywordHit[] = [];
  for (const hit of all) {
    if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** 收到政府信息公开申请49件 is a claim about applications; 收到人大代表建议15件 is not. */
function fillerFits(claim: CountClaim, between: string): boolean {
  return !claim.filler || between === '' || claim.filler.some((word) => between.includes(word));
}

function contextAt(text: string, position: number, claims: FormatClaims): string {
  let best = { at: -1, context: NO_CONTEXT };
  for (const { keyword, context } of claims.contexts) {
    const at = text.lastIndexOf(keyword, position);
    if (at > best.at) best = { at, context };
  }
  return best.context;
}

export function claimsOf(sentence: Sentence, claims: FormatClaims): SentenceClaims {
  const text = asciiDigits(sentence.text);
  const hits = keywordHits(text, claims);
  const counts: CountMention[] = [];
  for (const quantity of quantities(text)) {
    if (quantity.unit === '%') {
      const owner = counts[counts.length - 1];
      if (owner && !owner.share && SHARE_LEAD.test(text.slice(owner.end, quantity.start))) owner.share = quantity;
      continue;
    }
    const hit = hits.filter((h) => h.end <= quantity.start).pop();
    if (!hit) continue;
    const between = text.slice(hit.end, quantity.start);
    if (!FILLER.test(between) || !fillerFits(hit.claim, between)) continue;
    if (hit.claim.units && !hit.claim.units.includes(quantity.unit)) continue;
    // A number already claimed by this keyword (一是…两件…) belongs to the first one only.
    if (counts.some((c) => c.start === hit.start)) continue;
    // What the figure is about is settled by the words before the number: 制发行政规范性文件5件、废止2件.
    counts.push({ claim: hit.claim, context: contextAt(text, quantity.start, claims), start: hit.start, end: quantity.end, quantity });
  }
  const alls: AllMention[] = [];
  for (const claim of claims.alls) {
    const m = claim.pattern.exec(text);
    if (!m) continue;
    const start = m.index;
    if (alls.some((a) => start < a.end && a.start < start + m[0].length)) continue;
    alls.push({ claim, context: contextAt(text, start, claims), start, end: start + m[0].length });
  }
  const nones: NoneMention[] = [];
  for (const claim of claims.nones) {
    const m = claim.pattern.exec(text);
    if (m) nones.push({ claim, start: m.index, end: m.index + m[0].length });
  }
  return { counts, alls, nones };
}
