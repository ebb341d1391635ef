import { sayProof } from '../render';
import { roundFigure } from '../values';
import { asciiDigits } from './numbers';
import type { Quantity, SentenceClaims } from './extract';
import type { FindingCollector } from './findings';
import { proofreadMessages as M } from './messages';
import type { Sentence } from './sentences';

/**
 * The text's own arithmetic, whether or not the table has such a row: "主动公开政府信息63条，其中组织
 * 机构类16条、动态类36条、…、其他5条" states a total and its parts, which must add up.
 *
 * How published reports write it: the parts follow 其中 / 包括 / 具体为 / a colon / a bracket, are joined
 * by 、，；和, may carry a share (占…%) or their own bracketed breakdown, and may start a new sentence
 * (…等信息312条。其中，…). A list whose parts are all channels or outlets (通过政府网站…, …微信公众号,
 * …发布) may exceed its total, since one item is published in several places; it must still reach the
 * total when it is complete (…等方式, 其他…), and no one channel may exceed it. A list after 含 is a
 * subset. A list ending in 等 is open. Lists of table figures that were compared with the table are left
 * to that comparison (which knows the table's own rules).
 */

/** A part's name: words, and numbers without a unit (2021年信息公开年报1条). */
const LABEL = '[^，。；;,:：（）()！？!?%]{1,30}';
/** 其中机构职能类 / 包括… / 具体为… / ：… / （含… / （… */
const FIRST_ITEM = new RegExp(`^\\s*(?:[，,；;]?\\s*(?:其中|包括|具体为|具体包括)[：:，,]?|[：:]|[，,]?\\s*[（(]\\s*(?:其中|含|包括)?[：:，,]?)\\s*(${LABEL})$`);
/** 、财政资金类 / ；和其他类 / ），政府信息公开信息 … */
const NEXT_ITEM = new RegExp(`^[）)]?\\s*(?:[、，,；;]\\s*(?:和|及|以及)?|和|及|以及)\\s*(${LABEL})$`);
/** A bracketed breakdown of the item before: 政务动态信息407条（工作动态287条，…）. */
const NESTED_ITEM = new RegExp(`^\\s*[（(]\\s*(?:其中|含|包括)?[：:，,]?\\s*(${LABEL})$`);
const SUBSET_INTRO = /^[，,]?\s*[（(]\s*含/;
const SHARE_LEAD = /^[，,（(]?\s*占[^，。；;\d]{0,10}$/;
const ITEM_GAP_MAX = 40;
/** 另有72件 is outside the total, not one of its parts. */
const OUTSIDE = /^(?:另有|另|此外|还有|尚有|同时)/;
/** The last item that completes the list. */
const REST = /^(?:其他|其它|其余)|等(?:方式|渠道|形式|途径|平台|媒体)/;
/** A list that says it goes on (…30条等), or goes on in a form not read here (…3条、行政处罚1，…). */
const OPEN_END = /^\s*等|^\s*[、，,；;]\s*[^，。；;,:：\d]{1,30}\d/;
/** The parts of the previous part: …微信公众号2443条，其中乡村振兴228条、… */
const SUB_LIST = /^[、，,；;]?\s*其中/;
/** Channels and outlets: one item published through several of them counts once in the total. */
const CHANNEL =
  /^(?:通过|利用|经由|依托|借助|在)|(?:发布|转发|采用|推送|刊登|刊发|播出|公开)(?:各类)?(?:政府|政务)?(?:工作)?(?:信息|文件)?数?$|(?:网站|网|公众号|微信|微博|客户端|公报|日报|晚报|报|电视台?|广播|新媒体|平台|APP|抖音号?|头条号|视频号)$/i;
/** A sentence that continues the total the previous one ended with: 其中，… */
const CONTINUES = /^\s*(?:其中|具体为|包括)/;

interface Item {
  label: string;
  /** Where the label starts in the sentence. */
  start: number;
  quantity: Quantity;
}

interface List {
  items: Item[];
  /** The list goes on (等) or is only a subset (含): its parts may fall short of the total. */
  open: boolean;
  /** Index in the quantities after the list. */
  next: number;
  /** Bracketed breakdowns of single items: 政务动态信息407条（工作动态287条，…）. */
  breakdowns: { item: Item; list: List }[];
}

/** A total that ends a sentence, for a list that the next sentence starts with 其中. */
export interface CarriedTotal {
  sentence: Sentence;
  quantity: Quantity;
  quoteStart: number;
}

export function textArithmetic(sentence: Sentence, found: SentenceClaims, compared: ReadonlySet<Quantity>, out: FindingCollector, carried: CarriedTotal | null): CarriedTotal | null {
  const text = asciiDigits(sentence.text);
  const qs = found.quantities;
  const claimed = new Set(found.counts.map((c) => c.quantity));
  if (carried && CONTINUES.test(text) && qs.length > 0) {
    const list = listAfter(text, qs, -1, carried.quantity.unit, 0);
    checkList(sentence, carried, list, compared, claimed, out);
  }
  let i = 0;
  while (i < qs.length) {
    const total = qs[i];
    if (total.unit === '%') {
      i++;
      continue;
    }
    const list = listAfter(text, qs, i, total.unit, total.end);
    checkList(sentence, { sentence, quantity: total, quoteStart: clauseStart(text, total.start) }, list, compared, claimed, out);
    i = Math.max(list.next, i + 1);
  }
  const last = [...qs].reverse().find((q) => q.unit !== '%');
  return last && /^[\s。！？!?]*$/.test(text.slice(last.end)) ? { sentence, quantity: last, quoteStart: clauseStart(text, last.start) } : null;
}

/** Where the clause of a total starts (at most 24 characters back), for quoting it. */
function clauseStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && at - start < 24 && !/[，,。；;：:（）()、]/.test(text[start - 1])) start--;
  return start;
}

function checkList(sentence: Sentence, total: CarriedTotal, list: List, compared: ReadonlySet<Quantity>, claimed: ReadonlySet<Quantity>, out: FindingCollector): void {
  for (const { item, list: inner } of list.breakdowns) checkList(sentence, { sentence, quantity: item.quantity, quoteStart: item.start }, inner, compared, claimed, out);
  const { items } = list;
  // Table figures: compared with the table, or all of them claims whose parts the table knows (checked there).
  if (items.length < 2 || items.some((item) => compared.has(item.quantity)) || items.every((item) => claimed.has(item.quantity))) return;
  const stated = total.quantity.value;
  const sum = roundFigure(items.reduce((acc, item) => acc + item.quantity.value, 0));
  const channels = items.every((item) => CHANNEL.test(item.label) || REST.test(item.label));
  const largest = items.reduce((a, b) => (b.quantity.value > a.quantity.value ? b : a));
  const complete = REST.test(items[items.length - 1].label);
  let problem: 'exceeds' | 'short' | null = null;
  if (channels) {
    if (largest.quantity.value > stated) problem = 'exceeds';
    else if (complete && sum < stated) problem = 'short';
  } else if (sum > stated) problem = 'exceeds';
  else if (sum < stated && !list.open) problem = 'short';
  if (!problem) return;
  const quote = total.sentence.text.slice(total.quoteStart, total.quantity.end);
  const unit = total.quantity.unit;
  const parts = items.map((item) => sentence.text.slice(item.start, item.quantity.end));
  const one = problem === 'exceeds' && channels;
  const value = one ? largest.quantity.value : sum;
  const message = one
    ? sayProof('partExceeds', quote, stated, unit, sentence.text.slice(largest.start, largest.quantity.end))
    : problem === 'exceeds'
      ? sayProof('partsExceed', quote, stated, unit, parts, sum)
      : channels
        ? sayProof('channelsShort', quote, stated, unit, parts, sum)
        : sayProof('partsSum', quote, stated, unit, parts, sum);
  out.add('proofread.parts-sum', sentence, {
    quote,
    message,
    cells: [],
    indicators: [],
    expected: stated,
    actual: value,
    why: channels ? M.channelsWhy : M.textSumWhy,
    at: total.sentence === sentence ? { start: total.quoteStart, end: total.quantity.end } : { start: items[0].start, end: items[0].quantity.end },
  });
}

/**
 * The items listed after qs[first] (or from the sentence's start when first is -1): label and number in
 * the total's unit. A bracketed breakdown of one item is read as a list of its own; a list that opens
 * with a bracket ends at the closing one.
 */
function listAfter(text: string, qs: Quantity[], first: number, unit: string, from: number): List {
  const items: Item[] = [];
  const breakdowns: List['breakdowns'] = [];
  let previousEnd = from;
  let k = first + 1;
  const opening = text.slice(from, from + 8);
  let open = first >= 0 && SUBSET_INTRO.test(opening);
  const bracketed = /^[，,]?\s*[（(]/.test(opening);
  while (k < qs.length) {
    const q = qs[k];
    if (q.unit === '%') {
      const lead = items.length > 0 && q.start - previousEnd <= 13 ? text.slice(previousEnd, q.start) : null;
      if (lead === null || !SHARE_LEAD.test(lead)) break;
      previousEnd = q.end;
      k++;
      continue;
    }
    if (q.unit !== unit || q.start - previousEnd > ITEM_GAP_MAX) break;
    const gap = text.slice(previousEnd, q.start);
    if (items.length > 0 && bracketed && /[）)]/.test(gap)) break;
    if (items.length > 0 && NESTED_ITEM.test(gap)) {
      // 407条（工作动态287条，…）：the bracket is the previous item's own breakdown, not more parts.
      const nested = listAfter(text, qs, k - 1, unit, previousEnd);
      const inner = nested.items[nested.items.length - 1]?.quantity;
      if (inner && /^\s*[）)]/.test(text.slice(inner.end, inner.end + 3))) {
        breakdowns.push({ item: items[items.length - 1], list: nested });
        previousEnd = inner.end;
        k = nested.next;
        continue;
      }
    }
    if (items.length > 0 && SUB_LIST.test(gap)) {
      // …2443条，其中乡村振兴228条、…: the rest are parts of the last part, and the list ends here.
      const sub = listAfter(text, qs, k - 1, unit, previousEnd);
      breakdowns.push({ item: items[items.length - 1], list: sub });
      k = sub.next;
      break;
    }
    const m = (items.length === 0 ? FIRST_ITEM : NEXT_ITEM).exec(gap);
    if (!m || OUTSIDE.test(m[1].trim())) break;
    items.push({ label: m[1].trim(), start: q.start - m[1].trimStart().length, quantity: q });
    previousEnd = q.end;
    k++;
  }
  const after = text.slice(previousEnd, previousEnd + 40);
  // A list that runs into the end of a paragraph without a full stop was cut off (a partial copy).
  if (items.length > 0 && (OPEN_END.test(after) || (after.trim() === '' && !/[。！？!?]\s*$/.test(text)))) open = true;
  return { items, open, next: k, breakdowns };
}
