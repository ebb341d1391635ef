/**
 * Label normalization and tolerant matching. Real workbooks mix full- and half-width punctuation,
 * put spaces inside labels ("统 计 指 标"), number items in several styles and carry known typos
 * (docs/formats.md §1); a label is compared by its core: numbering, notes in brackets and noise removed.
 */

/** Known typos of real tables, as [seen, meant]; applied to both sides so either spelling matches. */
export const TYPO_EQUIVALENCES: ReadonlyArray<readonly [string, string]> = [
  ['情况', '情形'],
  ['内容', '内部'],
  ['型', '性'],
  ['帐', '账'],
  ['其它', '其他'],
];

const NUMBERING = [
  /^第?[一二三四五六七八九十]+[、.,:]/,
  /^\(?[一二三四五六七八九十]+\)[、.]?/,
  /^\(?\d{1,2}\)[、.]?/,
  /^\d{1,2}(\.(?!\d)|[、,:])/,
  /^[\u2460-\u2473]/, // ①..⑳
];

/** Whether a text starts with a label's numbering (一、 (三) 1. ①): a label or a heading, never a figure. */
export function hasNumbering(text: string): boolean {
  const s = normalizeText(text);
  return NUMBERING.some((re) => re.test(s)) && !/^\d+(\.\d+)?$/.test(s);
}

/** Full-width to half-width, no spaces, one style of quotes and brackets. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b]+/g, '')
    .replace(/[“”‘’"'「」『』]/g, '')
    .replace(/[《》〈〉]/g, '')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/[—–―-]+/g, '-');
}

/**
 * The part of a label that names the thing: without its numbering ("(一)", "1.", "三、"), without a
 * leading "其中:", without notes in brackets, with known typos mapped to one spelling.
 */
const CORE_CACHE = new Map<string, string>();

export function labelCore(text: string): string {
  const cached = CORE_CACHE.get(text);
  if (cached !== undefined) return cached;
  if (CORE_CACHE.size > 50_000) CORE_CACHE.clear();
  const core = computeCore(text);
  CORE_CACHE.set(text, core);
  return core;
}

function computeCore(text: string): string {
  let s = stripPrefixes(normalizeText(text));
  // Notes in brackets, including one left unclosed at the end ("(本列数据…").
  s = s.replace(/\([^()]*\)/g, '').replace(/\([^()]*$/, '');
  s = stripPrefixes(s).replace(/[:,.;]+$/, '');
  for (const [seen, meant] of TYPO_EQUIVALENCES) s = s.split(seen).join(meant);
  return s;
}

function stripPrefixes(text: string): string {
  let s = text;
  for (let before = ''; before !== s; ) {
    before = s;
    for (const re of NUMBERING) s = s.replace(re, '');
    s = s.replace(/^其中:?/, '');
  }
  return s;
}

/**
 * A label as messages name it: the official words without numbering or bracketed notes, with its own
 * quotation marks (“三安全一稳定”) and never a typo's spelling — unlike labelCore, which is for matching.
 */
export function displayLabel(label: string): string {
  let s = stripPrefixes(label.normalize('NFKC').replace(/[\s\u200b]+/g, ''));
  s = s.replace(/\([^()]*\)/g, '').replace(/\([^()]*$/, '');
  s = stripPrefixes(s).replace(/[:,.;]+$/, '');
  let open = true;
  const quote = () => {
    open = !open;
    return open ? '”' : '“';
  };
  return s.replace(/"/g, quote).replace(/\(/g, '（').replace(/\)/g, '）');
}

/** A label's core keeping what its brackets held: 行政诉讼未经复议直接起诉 for 行政诉讼(未经复议直接起诉). */
export function fullCore(text: string): string {
  return labelCore(normalizeText(text).replace(/[()]/g, ''));
}

/** Bigram counts are asked for the same few hundred labels over and over; keep them. */
const BIGRAM_CACHE = new Map<string, Map<string, number>>();

function bigrams(s: string): Map<string, number> {
  const cached = BIGRAM_CACHE.get(s);
  if (cached) return cached;
  if (BIGRAM_CACHE.size > 20_000) BIGRAM_CACHE.clear();
  const grams = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  BIGRAM_CACHE.set(s, grams);
  return grams;
}

/** Dice coefficient over character bigrams: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/** A label of the template, prepared once: its cores and their bigrams. */
export interface LabelSpec {
  label: string;
  variants: string[];
}

export interface PreparedLabel {
  cores: string[];
}

export function prepareLabel(spec: LabelSpec): PreparedLabel {
  const cores = [spec.label, ...spec.variants].map(labelCore).filter((c) => c.length > 0);
  return { cores: Array.from(new Set(cores)) };
}

/** At or above this a loose match is accepted; below WEAK_BELOW it is shown to the user. */
export const ACCEPT_AT = 0.75;
export const WEAK_BELOW = 0.9;

/**
 * How confidently a cell's text names the label: 1 for the same core, less for a near spelling.
 * Short labels must match exactly: "其他" is not "其他结果".
 */
export function matchConfidence(cellCore: string, label: PreparedLabel): number {
  let best = 0;
  for (const core of label.cores) {
    if (cellCore === core) return 1;
    const shorter = Math.min(cellCore.length, core.length);
    if (shorter < 4) continue;
    // Dice can be no higher than 2·min/(sum) of the bigram counts: skip pairs that cannot reach ACCEPT_AT.
    const bound = (2 * (shorter - 1)) / (cellCore.length + core.length - 2);
    let score = bound * 0.95 >= ACCEPT_AT ? similarity(cellCore, core) * 0.95 : 0;
    // A cell holding the label with a short tail or cut off ("行政复议数量" for "行政复议数").
    if (cellCore.startsWith(core) || core.startsWith(cellCore)) {
      score = Math.max(score, 0.8 + (0.15 * shorter) / Math.max(cellCore.length, core.length));
    }
    if (score > best) best = score;
  }
  return best;
}
