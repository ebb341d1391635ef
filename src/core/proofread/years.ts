import { sayProof } from '../render';
import type { FindingCollector } from './findings';
import { proofreadMessages as M } from './messages';
import { asciiDigits } from './numbers';
import { sentencesOf, type TextParagraph } from './sentences';

/**
 * A year in the text that is not the report year, where the text says what happened in it
 * ("2022年，本机关共收到申请…" in a 2023 report: words kept from last year's report).
 *
 * Years that are normal: the report year; last year in a comparison (较2022年), for carried-over
 * applications (2022年结转) or last year's problems and their correction (in the problems part); next
 * year in plans (the problems part, or with 将/计划…); dates (2024年1月20日, the publication date);
 * ranges and starting points (2021—2025年, 2019年以来, 自2008年); names of documents in 《》〔〕 or quotes.
 * Only a year that opens a statement of what was done ("2022年，" "2022年度，本机关" "2022年共") and
 * states a figure is read as the period the statement is about; any other mention is left alone.
 */

export const TITLE = /^[^。，,；;]{0,60}?((?:19|20)\d{2})\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告$/;
const TITLE_PARAGRAPHS = 8;
const PERIOD = /统计期限?[^。；]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/;
/** "2023年", with the digit before it if any: a year is not the tail of a longer number (no lookbehind, which the pane's ES2017 chunks cannot hold). */
const YEAR = /(\d?)((?:19|20)\d{2})\s*年/g;

function* yearsIn(text: string): Generator<{ at: number; year: number; length: number }> {
  for (const m of text.matchAll(YEAR)) if (!m[1]) yield { at: m.index ?? 0, year: Number(m[2]), length: m[0].length };
}
/** Before the year, at the start of a sentence: an enumerator (（一）, 一是, 1.) or 在. */
const OPENING = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,2}[、是]|\d{1,2}[.、．])?\s*(?:在|于)?\s*$/;
const OPENING_MAX = 8;
/** After 年: what makes it the period of a statement. */
const STATEMENT = /^(?:度)?\s*(?:[，,]|全年|共|本(?:机关|单位|局|委|办|厅|部门|级|镇|乡|街道|院|中心|署|会)|我(?:局|委|办|厅|区|县|市|镇|乡|省|单位|中心|院|署|会)|各|累计)/;
/** Words that make last year's mention a comparison or a carried-over figure. */
const LAST_YEAR_NORMAL = /较|比|增|降|减|升|持平|结转|上年|上一年|去年|整改|对比/;
/** A plan in the problems part: what the body will do (将 as 把 is not a plan: 将…纳入考核). */
const PLAN = /将(?:采取|从以下|继续|进一步|着力|重点|持续|切实|不断|认真|努力|加强|加大|强化|完善|推进|做好|以)|下一步|力争|争取|拟(?!定)|计划(?:在|于|将|开展|完成)/;
/** Words that make next year's mention a plan. */
const NEXT_YEAR_NORMAL = /将|计划|拟|力争|预计|继续|进一步|争取|下一步|今后|明年|新的一年|要|着力|持续/;
/** A number with a unit of count or money. */
const STATES_A_FIGURE = /\d\s*(?:件|条|次|篇|个|人次|人|项|万元|元)/;
const OPEN_BRACKETS = '《〔【［[“';
const CLOSE_BRACKETS = '》〕】］]”';

/** The year a sentence opens with as the period it is about: "2022年，本机关…" → 2022. */
export function openingYear(text: string): number | undefined {
  const m = yearsIn(text.slice(0, OPENING_MAX + 8)).next().value;
  if (!m || !OPENING.test(text.slice(0, m.at))) return undefined;
  return STATEMENT.test(text.slice(m.at + m.length, m.at + m.length + 8)) ? m.year : undefined;
}

/** The report year from the text: its title (“…2023年政府信息公开工作年度报告”), else its statistics period. */
export function reportYearOf(paragraphs: TextParagraph[]): number | undefined {
  const lines = paragraphs.slice(0, TITLE_PARAGRAPHS).map((p) => asciiDigits(p.text.trim()));
  for (let i = 0; i < lines.length; i++) {
    // A title split over two lines: 市政府研究室2019年政府信息公开 / 工作年度报告.
    const m = TITLE.exec(lines[i]) ?? (lines[i + 1] !== undefined && lines[i].length + lines[i + 1].length <= 60 ? TITLE.exec(lines[i] + lines[i + 1]) : null);
    if (m) return Number(m[1]);
  }
  for (const p of paragraphs) {
    const m = PERIOD.exec(asciiDigits(p.text));
    if (m) return Number(m[1]);
  }
  return undefined;
}

export function yearsNotReportYear(
  paragraphs: TextParagraph[],
  reportYear: number,
  problems: { from: number; to: number } | null,
  out: FindingCollector,
): void {
  for (const p of paragraphs) {
    const inProblems = problems !== null && p.index >= problems.from && p.index < problems.to;
    const trimmed = asciiDigits(p.text.trim());
    const title = p.index < TITLE_PARAGRAPHS ? TITLE.exec(trimmed) : null;
    if (title) {
      const year = Number(title[1]);
      if (year !== reportYear) report(out, sentencesOf(p)[0], year, reportYear, 0, p.text.trim().length);
      continue;
    }
    for (const sentence of sentencesOf(p)) {
      const text = asciiDigits(sentence.text);
      let depth = 0;
      let scanned = 0;
      for (const m of yearsIn(text)) {
        const { at, year } = m;
        for (; scanned < at; scanned++) {
          if (OPEN_BRACKETS.includes(text[scanned])) depth++;
          else if (CLOSE_BRACKETS.includes(text[scanned]) && depth > 0) depth--;
        }
        if (depth > 0) continue;
        if (at > OPENING_MAX || !OPENING.test(text.slice(0, at)) || !STATEMENT.test(text.slice(at + m.length, at + m.length + 8))) continue;
        if (year === reportYear) {
          // "2016年，我们将采取以下措施加以改进" in a 2016 report: the plan is for the year after.
          if (inProblems && PLAN.test(text)) report(out, sentence, year, reportYear, at, at + m.length, true);
          continue;
        }
        if (year === reportYear - 1 && (inProblems || LAST_YEAR_NORMAL.test(text))) continue;
        if (year === reportYear + 1 && (inProblems || NEXT_YEAR_NORMAL.test(text))) continue;
        // A year with no figure in its sentence may be history (2019年，我县被确定为试点县); figures under it are what a copy carries.
        if (!STATES_A_FIGURE.test(text)) continue;
        report(out, sentence, year, reportYear, at, at + m.length);
      }
    }
  }
}

function report(out: FindingCollector, sentence: ReturnType<typeof sentencesOf>[number], year: number, reportYear: number, start: number, end: number, plan = false): void {
  const quote = sentence.text.slice(start, Math.min(sentence.text.length, Math.max(end + 12, start + 20)));
  const expected = plan ? reportYear + 1 : reportYear;
  out.add('proofread.year-not-report-year', sentence, {
    quote,
    message: plan ? sayProof('yearOfPlan', quote, year, expected) : sayProof('yearNotReportYear', quote, year, reportYear),
    cells: [],
    indicators: [],
    expected,
    actual: year,
    why: M.yearsWhy,
    at: { start, end },
  });
}
