/**
 * The body and year a report names in its own title: 某县某镇人民政府2024年政府信息公开工作年度报告.
 * Real pages split the title over two lines (the body on one, "2024 年政府信息公开工作年度报告" on
 * the next), put spaces between digits and 年, or carry it only in the page's <title>; a sentence of
 * the narrative that mentions a year is never a title.
 */
import { PERIOD } from './plausibility';
import type { ReportFacts } from './types';

/** How many of the first lines of a report the title may stand in. */
const TITLE_WITHIN = 15;

const REPORT_WORDS = /政府信息公开.{0,10}(报告|年报)/;
const SENTENCE = /[。；！？，]/;
/** What a body's name ends with, for a line that holds only the body above the year line. */
const BODY_END = /(人民政府|政府|办公室|办公厅|委员会|局|厅|署|办|委|院|中心|站|所|馆|街道办事处|街道|镇|乡|公司|管委会|管理委员会|分局|支队|大队)$/;

function compact(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '');
}

function unquoted(text: string): string {
  return text.replace(/[《》〈〉“”"]/g, '');
}

function isTitleLine(text: string): boolean {
  return text.length <= 80 && !SENTENCE.test(text) && REPORT_WORDS.test(text) && /\d{4}年/.test(text);
}

/**
 * The report's title: the page's <title> when it is one (sites append "_网站名" or " - 网站名"), else
 * the first line near the top that reads as one, joined with the line above when that holds only
 * the body's name.
 */
export function documentTitle(text: string | undefined, pageTitle?: string): string | undefined {
  // A page's metadata labels its title: "名称 宿迁市2017年政府信息公开年度报告".
  const lines = (text ?? '').split('\n').map(compact).filter((l) => l !== '').slice(0, TITLE_WITHIN).map((l) => l.replace(/^(名称|标题|题名|文件名称)[:：]?/, ''));
  const bodyOnly = (line: string | undefined) => !!line && line.length <= 40 && !SENTENCE.test(line) && BODY_END.test(line) && !/\d{4}年/.test(line);
  for (let i = 0; i < lines.length; i++) {
    // A title broken inside its words: "市政府研究室2019年政府信息公开" / "工作年度报告".
    const line = !isTitleLine(lines[i]) && lines[i + 1] && isTitleLine(lines[i] + lines[i + 1]) && /^(工作)?(年度)?报告/.test(lines[i + 1]) ? lines[i] + lines[i + 1] : lines[i];
    if (!isTitleLine(line)) continue;
    if (/^(关于)?\d{4}年/.test(line)) {
      // The body on the line above ("某镇人民政府" / "2024年…年度报告"), or below a page heading.
      if (bodyOnly(lines[i - 1])) return lines[i - 1] + line;
      if (bodyOnly(lines[i + 1])) return lines[i + 1] + line;
    }
    return line;
  }
  for (const part of compact(pageTitle ?? '').split(/[_|｜]|-{1,2}(?!\d)|—(?!\d)/)) if (isTitleLine(part)) return part;
  // A title quoted in the opening sentence: 现发布《临洮县新添镇2022年政府信息公开工作年度报告》。
  for (const line of lines) {
    const quoted = /《([^《》]{4,80})》/.exec(line)?.[1];
    // Not a notice about reports: 《关于做好2022年政府信息公开年度报告的通知》.
    if (quoted && isTitleLine(quoted) && /(报告|年报)$/.test(quoted) && !quoted.startsWith('关于')) return quoted;
  }
  return undefined;
}

/**
 * Body and year from a report's or a table's title: 中共嵊泗县委嵊泗县人民政府办公室2017年度政府信息公开情况统计表,
 * or with the year first: 2022年度螅镇政府信息公开工作年度报告.
 */
export function factsFromTitle(title: string): ReportFacts {
  const text = unquoted(compact(title)).replace(/^关于/, '');
  const m = /^(.*?)(\d{4})年度?/.exec(text);
  if (!m) return {};
  let body = m[1].replace(/[：:，,、]$/, '').replace(/(关于|的)$/, '');
  if (!body) body = /^(.*?)(?:政府信息公开|信息公开)/.exec(text.slice(m[0].length))?.[1] ?? '';
  return { reportYear: Number(m[2]), ...(body ? { bodyName: body } : {}) };
}

/**
 * A title that names the body without its place ("市人民政府办公室2025年…") while the opening sentence
 * names it whole ("现公开天门市人民政府办公室2025年政府信息公开工作年度报告"): the whole name.
 */
function placeNamed(body: string, year: number, opening: string): string {
  if (!/^[省市县区旗州]/.test(body)) return body;
  const escaped = body.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:现将|现公开|现发布|现公布|现予公布|向社会公布|公开|公布|发布)([\\p{Script=Han}]{1,8}?)${escaped}${year}年`, 'u').exec(compact(opening));
  return m ? m[1] + body : body;
}

/** How a township's report speaks of itself: 我镇, 本乡, 我街道. */
const SELF_REFERENCE = /[我本全](镇|乡|街道)(?![长办])/;

/**
 * What a document says of itself: its title's body and year; without a title, the year of its
 * statistics period (统计期限自2023年1月1日…) and how it speaks of itself (我镇).
 */
export function factsFromDocument(text: string | undefined, pageTitle?: string): ReportFacts {
  const title = documentTitle(text, pageTitle);
  const facts: ReportFacts = title ? factsFromTitle(title) : {};
  const opening = (text ?? '').slice(0, 3000);
  if (facts.bodyName && facts.reportYear) facts.bodyName = placeNamed(facts.bodyName, facts.reportYear, opening);
  if (!facts.reportYear) {
    const period = PERIOD.exec(opening);
    if (period && period[1] === period[4]) facts.reportYear = Number(period[1]);
  }
  if (!facts.bodyName) {
    const self = SELF_REFERENCE.exec(opening)?.[0];
    if (self) facts.selfReference = self;
  }
  return facts;
}

/**
 * The one rule for merging what a report's titles say with what the user stated (pane settings,
 * command-line options): every fact the user gave wins; a fact left empty (blank name, no year)
 * keeps what the report says.
 */
export function withUserFacts(found: ReportFacts, stated: Partial<ReportFacts> | undefined): ReportFacts {
  const given = Object.entries(stated ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(typeof v === 'number' && Number.isNaN(v)));
  return { ...found, ...Object.fromEntries(given) };
}
