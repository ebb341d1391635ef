import { sayProof } from '../render';
import type { FormatClaims, SectionSpec } from './claims';
import type { FindingCollector } from './findings';
import { proofreadMessages as M } from './messages';
import { sentencesOf, type TextParagraph } from './sentences';

/**
 * The form of the report: its required sections (by format and year), their numbering and order, and
 * a 存在的主要问题及改进情况 part left empty or written as "无".
 */

/** The national format's six parts apply from the 2019 report on; a legacy (2016–2018) report has no required headings. */
const FIRST_YEAR_OF_SIX_PARTS = 2019;
const NUMERAL = /^([一二三四五六七八九十]{1,2})、/;
/** The part about problems and improvements, in every format's wording (legacy: 存在的主要问题和改进措施). */
const PROBLEMS_HEADING = /问题.*(?:改进|措施|整改)|(?:改进|整改).*问题/;
/** What does not count as content: "无", "暂无", "没有". */
const NOTHING = /^(?:无|暂无|没有|无问题)[。.]?$/;

export function requiredSections(claims: FormatClaims, reportYear: number | undefined): readonly SectionSpec[] {
  return reportYear !== undefined && reportYear < FIRST_YEAR_OF_SIX_PARTS ? [] : claims.sections;
}

export interface Structure {
  /** Required section headings found, in the text's order. */
  found: string[];
  /** Paragraph indices of the problems part (heading excluded), for the year check: plans name next year. */
  problems: { from: number; to: number } | null;
}

function numeralValue(text: string): number | null {
  const m = NUMERAL.exec(text);
  if (!m) return null;
  const [a, b] = [...m[1]];
  const digit = (ch: string) => '一二三四五六七八九'.indexOf(ch) + 1;
  if (b === undefined) return a === '十' ? 10 : digit(a);
  return a === '十' ? 10 + digit(b) : b === '十' ? digit(a) * 10 : null;
}

export function checkStructure(paragraphs: TextParagraph[], required: readonly SectionSpec[], out: FindingCollector): Structure {
  const headings = paragraphs.filter((p) => p.heading);
  const problems = problemsPart(paragraphs, out);
  checkPreface(paragraphs, headings, required, out);
  checkEnumerations(paragraphs, out);
  const firstOf = new Map<SectionSpec, TextParagraph>();
  for (const h of headings) {
    const section = required.find((s) => s.keys.some((k) => h.text.includes(k)));
    if (section && !firstOf.has(section)) firstOf.set(section, h);
  }
  if (firstOf.size === 0) return { found: [], problems };
  for (const section of required) {
    if (firstOf.has(section)) continue;
    out.add('proofread.section-missing', null, { quote: section.heading, message: sayProof('sectionMissing', section.heading), cells: [], indicators: [], why: M.sectionsWhy });
  }
  const inOrder = [...firstOf.entries()].sort((a, b) => a[1].index - b[1].index);
  let latest: { index: number; heading: string } | null = null;
  inOrder.forEach(([section, paragraph], position) => {
    const official = required.indexOf(section);
    const heading = paragraph.text.trim();
    const sentence = sentencesOf(paragraph)[0];
    if (latest && official < latest.index) {
      out.add('proofread.section-order', sentence, { quote: heading, message: sayProof('sectionOrder', heading, latest.heading), cells: [], indicators: [], why: M.sectionsWhy });
    } else {
      latest = { index: official, heading };
    }
    // Numbered by its place in the text or by the format's numbering (when a part is missing): either is right.
    const numeral = numeralValue(heading);
    if (numeral !== null && numeral !== position + 1 && numeral !== official + 1) {
      out.add('proofread.section-number', sentence, {
        quote: heading,
        message: sayProof('sectionNumber', heading, M.numeral(position + 1)),
        cells: [],
        indicators: [],
        why: M.sectionsWhy,
      });
    }
  });
  return { found: inOrder.map(([section]) => section.heading), problems };
}

/** 本报告由…等五部分组成 / 全文包括总体情况、…: where a report says what its parts are. */
const PREFACE = /(?:由|包括|分为|从|包含)[^。]{0,300}?(?:等|共)?\s*([一二三四五六七八九十]|\d{1,2})\s*(?:个)?(?:部分|方面)/;
const PREFACE_LIST = /全文|本报告|本年度报告|报告(?:全文)?(?:包括|由|分为|包含)|(?:由|包括)[^。]{0,300}(?:组成|构成)/;
const PREFACE_PARAGRAPHS = 10;
const PREFACE_QUOTE_LENGTH = 40;
const PREFACE_OPEN = /等(?:[一二三四五六七八九十\d]{1,2})?\s*(?:个)?(?:部分|方面|内容)/;
/** A preface that names this many of the required parts is a list of them, and must name them all. */
const PREFACE_NAMES_MIN = 4;

/** How many parts the text has: headings numbered 一、二、三… from the first, in order. */
function numberedParts(headings: TextParagraph[]): number {
  let count = 0;
  for (const h of headings) {
    const n = numeralValue(h.text.trim());
    // A list that starts again at 一 (items inside a part, or a table's rows) ends the count.
    if (n === count + 1) count++;
    else if (n !== null) break;
  }
  return count;
}

/** The preface's count of parts against the numbered parts, and its list against the required parts. */
function checkPreface(paragraphs: TextParagraph[], headings: TextParagraph[], required: readonly SectionSpec[], out: FindingCollector): void {
  const preface = paragraphs.slice(0, PREFACE_PARAGRAPHS).filter((p) => !p.heading).flatMap((p) => sentencesOf(p));
  const counted = preface.map((sentence) => ({ sentence, m: PREFACE.exec(sentence.text) })).find((x) => x.m !== null);
  if (counted) {
    const raw = counted.m![1];
    const stated = /\d/.test(raw) ? Number(raw) : numeralValue(`${raw}、`)!;
    const parts = numberedParts(headings);
    // Fewer headings than stated may be a partial copy of the page; more cannot be.
    if (parts > stated) {
      const quote = counted.m![0].slice(-12);
      out.add('proofread.preface-parts', counted.sentence, {
        quote,
        message: sayProof('partsCount', raw, parts),
        cells: [],
        indicators: [],
        expected: parts,
        actual: stated,
        why: M.sectionsWhy,
        at: { start: counted.m!.index, end: counted.m!.index + counted.m![0].length },
      });
    }
  }
  if (required.length === 0) return;
  for (const sentence of preface) {
    const list = PREFACE_LIST.exec(sentence.text);
    if (!list) continue;
    const named = required.filter((s) => s.keys.some((k) => sentence.text.includes(k)));
    if (named.length < PREFACE_NAMES_MIN) continue;
    // …存在的主要问题及改进情况等部分组成: "等" leaves the list open.
    if (PREFACE_OPEN.test(sentence.text)) return;
    const missing = required.filter((s) => !named.includes(s)).map((s) => s.heading);
    if (missing.length > 0) {
      const quote = sentence.text.slice(list.index, list.index + PREFACE_QUOTE_LENGTH);
      out.add('proofread.preface-parts', sentence, {
        quote,
        message: sayProof('prefaceMissing', missing),
        cells: [],
        indicators: [],
        why: M.sectionsWhy,
        at: { start: list.index, end: list.index + quote.length },
      });
    }
    return;
  }
}

/** 一是…二是…三是 at the start of a clause, and sub-headings （一）（二）… at the start of a line. */
const ORDINAL_CLAUSE = /(?:^|[。；;：:，,！？!?])\s*([一二三四五六七八九十]{1,2})是/g;
const SUBHEADING_NUMERAL = /^\s*[（(]([一二三四五六七八九十]{1,2})[）)]/;
const DIGIT_VALUE = (text: string) => numeralValue(`${text}、`);

interface Ordinal {
  value: number;
  written: string;
  paragraph: TextParagraph;
  at: number;
}

/**
 * An enumeration numbered 一是、三是、三是 or a run of sub-headings （一）（二）（四）: each list starts at
 * 一 and counts up by one. A list runs within a part (it may span paragraphs) until it starts again at 一.
 */
function checkEnumerations(paragraphs: TextParagraph[], out: FindingCollector): void {
  for (const [kind, marker] of [
    ['clause', (p: TextParagraph) => [...p.text.matchAll(ORDINAL_CLAUSE)].map((m) => ({ numeral: m[1], at: (m.index ?? 0) + m[0].length - m[1].length - 1, written: M.ordinalClause(m[1]) }))],
    ['subheading', (p: TextParagraph) => {
      const m = SUBHEADING_NUMERAL.exec(p.text);
      return m ? [{ numeral: m[1], at: m.index, written: M.ordinalHeading(m[1]) }] : [];
    }],
  ] as const) {
    let list: Ordinal[] = [];
    const close = () => {
      const wrong = list.findIndex((o, i) => o.value !== i + 1);
      if (list.length > 1 && wrong > 0) {
        const item = list[wrong];
        const sentence = sentencesOf(item.paragraph).find((s) => s.paragraphOffset <= item.at && item.at < s.paragraphOffset + s.text.length + 1) ?? null;
        const sequence = list.map((o) => o.written);
        out.add('proofread.enumeration-number', sentence, {
          quote: item.written,
          message: sayProof('enumerationNumber', sequence, item.written, (kind === 'clause' ? M.ordinalClause : M.ordinalHeading)(M.numeral(wrong + 1))),
          cells: [],
          indicators: [],
          why: M.enumerationWhy,
          ...(sentence ? { at: { start: item.at - sentence.paragraphOffset, end: item.at - sentence.paragraphOffset + item.written.length } } : {}),
        });
      }
      list = [];
    };
    for (const p of paragraphs) {
      if (p.heading) close();
      for (const { numeral, at, written } of marker(p)) {
        const value = DIGIT_VALUE(numeral);
        if (value === null) continue;
        if (value === 1) close();
        // Only a list that started at 一 is followed (a lone 二是 may continue words we did not read).
        if (value === 1 || list.length > 0) list.push({ value, written, paragraph: p, at });
      }
    }
    close();
  }
}

/** The problems part: its paragraphs, and a finding when it says nothing (empty, or only "无"). */
function problemsPart(paragraphs: TextParagraph[], out: FindingCollector): Structure['problems'] {
  const at = paragraphs.findIndex((p) => p.heading && PROBLEMS_HEADING.test(p.text));
  if (at < 0) return null;
  // The part ends at the next part's heading: a higher numeral (六、); items inside it may be numbered 一、二、 again.
  const own = numeralValue(paragraphs[at].text.trim()) ?? 0;
  let to = at + 1;
  while (to < paragraphs.length && !(paragraphs[to].heading && (numeralValue(paragraphs[to].text.trim()) ?? 0) > own)) to++;
  // "五、存在的主要问题及改进情况：无" writes its content on the heading's line.
  const inline = /[：:](.*)$/.exec(paragraphs[at].text)?.[1] ?? '';
  const content = [inline, ...paragraphs.slice(at + 1, to).map((p) => p.text)].map((t) => t.trim()).filter((t) => t !== '');
  if (content.length === 0 || content.every((t) => NOTHING.test(t))) {
    const heading = paragraphs[at].text.trim();
    out.add('proofread.section-empty', sentencesOf(paragraphs[at])[0], {
      quote: heading,
      message: sayProof('sectionEmpty', heading, content.join('')),
      cells: [],
      indicators: [],
      why: M.problemsWhy,
    });
  }
  return { from: at + 1, to };
}
