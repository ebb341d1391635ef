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
  const firstOf = new Map<SectionSpec, TextParagraph>();
  for (const h of headings) {
    const section = required.find((s) => s.keys.some((k) => h.text.includes(k)));
    if (section && !firstOf.has(section)) firstOf.set(section, h);
  }
  if (firstOf.size === 0) return { found: [], problems };
  for (const section of required) {
    if (firstOf.has(section)) continue;
    out.add('proofread.section-missing', null, { quote: section.heading, message: M.sectionMissing(section.heading), cells: [], indicators: [], why: M.sectionsWhy });
  }
  const inOrder = [...firstOf.entries()].sort((a, b) => a[1].index - b[1].index);
  let latest: { index: number; heading: string } | null = null;
  inOrder.forEach(([section, paragraph], position) => {
    const official = required.indexOf(section);
    const heading = paragraph.text.trim();
    const sentence = sentencesOf(paragraph)[0];
    if (latest && official < latest.index) {
      out.add('proofread.section-order', sentence, { quote: heading, message: M.sectionOrder(heading, latest.heading), cells: [], indicators: [], why: M.sectionsWhy });
    } else {
      latest = { index: official, heading };
    }
    // Numbered by its place in the text or by the format's numbering (when a part is missing): either is right.
    const numeral = numeralValue(heading);
    if (numeral !== null && numeral !== position + 1 && numeral !== official + 1) {
      out.add('proofread.section-number', sentence, {
        quote: heading,
        message: M.sectionNumber(heading, M.numeral(position + 1)),
        cells: [],
        indicators: [],
        why: M.sectionsWhy,
      });
    }
  });
  return { found: inOrder.map(([section]) => section.heading), problems };
}

/** The problems part: its paragraphs, and a finding when it says nothing (empty, or only "无"). */
function problemsPart(paragraphs: TextParagraph[], out: FindingCollector): Structure['problems'] {
  const at = paragraphs.findIndex((p) => p.heading && PROBLEMS_HEADING.test(p.text));
  if (at < 0) return null;
  let to = at + 1;
  while (to < paragraphs.length && !paragraphs[to].heading) to++;
  // "五、存在的主要问题及改进情况：无" writes its content on the heading's line.
  const inline = /[：:](.*)$/.exec(paragraphs[at].text)?.[1] ?? '';
  const content = [inline, ...paragraphs.slice(at + 1, to).map((p) => p.text)].map((t) => t.trim()).filter((t) => t !== '');
  if (content.length === 0 || content.every((t) => NOTHING.test(t))) {
    const heading = paragraphs[at].text.trim();
    out.add('proofread.section-empty', sentencesOf(paragraphs[at])[0], {
      quote: heading,
      message: M.sectionEmpty(heading, content.join('')),
      cells: [],
      indicators: [],
      why: M.problemsWhy,
    });
  }
  return { from: at + 1, to };
}
