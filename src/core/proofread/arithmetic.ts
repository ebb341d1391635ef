import { asciiDigits } from './numbers';
import type { Quantity, SentenceClaims } from './extract';
import type { FindingCollector } from './findings';
import { proofreadMessages as M } from './messages';
import type { Sentence } from './sentences';
import { round } from './table';

/**
 * The text's own arithmetic, whether or not the table has such a row: "共公布政府信息1200条，其中
 * 机构职能类100条、…、其他类300条" states a total and its parts, which must add up. Lists of table
 * figures are left to the comparison with the table (which knows which parts overlap).
 */

/** A stated total: 共公布政府信息1200条, 总计…, 合计…. */
const TOTAL_MARK = /(?:共计|共|总计|合计|累计|一共|总数为?)[^，。；;,:：、（）()！？!?\d]{0,16}$/;
const TOTAL_LOOKBACK = 22;
const LABEL = '[^，。；;,:：、（）()！？!?\\d%]{1,20}';
/** ，其中机构职能类 … */
const FIRST_ITEM = new RegExp(`^\\s*[，,；;（(]?\\s*(?:其中|包括)[：:，,]?\\s*(${LABEL})$`);
/** 、财政资金类 / ；和其他类 / 及其他 … (after an optional share of the previous item, which is read as its own quantity) */
const NEXT_ITEM = new RegExp(`^[）)]?\\s*(?:[、，,；;]\\s*(?:和|及|以及)?|和|及|以及)\\s*(${LABEL})$`);
const SHARE_LEAD = /^[，,（(]?\s*占[^，。；;\d]{0,10}$/;
const ITEM_GAP_MAX = 30;
/** The last item that makes the list complete. */
const REST = /^(?:其他|其它|其余)/;
/** Publication channels overlap (one item on the website and on WeChat): their sum may exceed the total. */
const CHANNEL = /网站|网页|微信|微博|公报|客户端|新媒体|平台|渠道|通过|APP|热线|短信|报刊|电视|广播|公开栏/i;
/** Parts of one classification (…类) do not overlap, so listing more than the total is wrong even without 其他. */
const CLASS = /类$/;

interface Item {
  label: string;
  /** Where the label starts in the sentence. */
  start: number;
  quantity: Quantity;
}

export function textArithmetic(sentence: Sentence, found: SentenceClaims, out: FindingCollector): void {
  const text = asciiDigits(sentence.text);
  const fromTable = new Set(found.counts.map((c) => c.quantity));
  const qs = found.quantities;
  let i = 0;
  while (i < qs.length) {
    const total = qs[i];
    const lookFrom = Math.max(0, total.start - TOTAL_LOOKBACK);
    const mark = total.unit === '%' ? null : TOTAL_MARK.exec(text.slice(lookFrom, total.start));
    if (!mark) {
      i++;
      continue;
    }
    const { items, next } = listAfter(text, qs, i);
    i = Math.max(next, i + 1);
    if (items.length < 2 || items.some((item) => fromTable.has(item.quantity) || CHANNEL.test(item.label))) continue;
    const sum = round(items.reduce((acc, item) => acc + item.quantity.value, 0));
    const complete = REST.test(items[items.length - 1].label);
    const exceeds = sum > total.value && items.every((item) => CLASS.test(item.label) || REST.test(item.label));
    if (sum === total.value || !(complete || exceeds)) continue;
    const start = lookFrom + mark.index;
    const quote = sentence.text.slice(start, total.end);
    const parts = items.map((item) => sentence.text.slice(item.start, item.quantity.end));
    out.add('proofread.parts-sum', sentence, {
      quote,
      message: complete ? M.partsSum(quote, total.value, total.unit, parts, sum) : M.partsExceed(quote, total.value, total.unit, parts, sum),
      cells: [],
      indicators: [],
      expected: total.value,
      actual: sum,
      why: M.textSumWhy,
      at: { start, end: total.end },
    });
  }
}

/** The items listed after qs[first]: label and number, in the total's unit, joined by 、 ， ； 和 及. */
function listAfter(text: string, qs: Quantity[], first: number): { items: Item[]; next: number } {
  const total = qs[first];
  const items: Item[] = [];
  let previousEnd = total.end;
  let k = first + 1;
  while (k < qs.length) {
    const q = qs[k];
    if (q.unit === '%' && items.length > 0) {
      const lead = q.start - previousEnd <= 13 ? text.slice(previousEnd, q.start) : null;
      if (lead === null || !SHARE_LEAD.test(lead)) break;
      previousEnd = q.end;
      k++;
      continue;
    }
    if (q.unit !== total.unit || q.start - previousEnd > ITEM_GAP_MAX) break;
    const m = (items.length === 0 ? FIRST_ITEM : NEXT_ITEM).exec(text.slice(previousEnd, q.start));
    if (!m) break;
    items.push({ label: m[1].trim(), start: q.start - m[1].trimStart().length, quantity: q });
    previousEnd = q.end;
    k++;
  }
  return { items, next: k };
}
