import { labelCore } from '../labels';
import { formatNumber } from '../messages';
import type { Figure } from '../types';

/** Every Chinese sentence of proofreading, in one place. Functions take plain facts and return text. */

export interface NamedValue {
  name: string;
  value: number;
  unit: string;
  /** `Sheet!C9`, or empty for a report fact. */
  cells: string[];
  /** The cells as a reader finds them, where that is not their address: 第3页 表三 第4行第10列 in a PDF. */
  places?: string[];
  /** The table leaves this total blank: the value is the sum of its components. */
  derived?: boolean;
}

const amount = (value: number, unit: string) => `${formatNumber(value)}${unit}`;
const where = (v: NamedValue) => {
  const notes = [...(v.derived ? ['表中未填，按各分项之和计算'] : []), ...(v.cells.length ? [(v.places ?? v.cells).join('、')] : [])];
  return notes.length ? `（${notes.join('；')}）` : '';
};
const named = (v: NamedValue) => `${v.name}为${amount(v.value, v.unit)}${where(v)}`;
/** A long list is shown by its first items and its length. */
const MAX_LISTED = 8;
const listed = (items: string[]) => (items.length > MAX_LISTED ? `${items.slice(0, MAX_LISTED).join('、')}等${items.length}项` : items.join('、'));
/** 表中收到申请数为…, but 表三“予以公开”为… (its name already says which table). */
const inTable = (name: string) => (name.startsWith('表') ? name : `表中${name}`);
const tableSays = (values: NamedValue[]) => inTable(values.map(named).join('、'));

const TABLE_NAMES: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };

/** A cell as the report's reader knows it: 收到申请数; 表三“办理结果总计”; 表四“行政复议”（结果纠正）. */
export function cellName(figure: Pick<Figure, 'id' | 'rowLabel' | 'columnLabel'>): string {
  const core = labelCore(figure.rowLabel);
  const row = core === '总计' ? '办理结果总计' : core;
  const column = figure.columnLabel ? labelCore(figure.columnLabel) : '';
  const table = TABLE_NAMES[figure.id.split('.')[0]];
  const name = table ? `${table}“${row}”` : row;
  return column && column !== '总计' ? `${name}（${column}）` : name;
}

export const proofreadMessages = {
  /** The name of a figure that is the sum of several rows or groups, e.g. 不予公开合计. */
  sumName: (name: string) => `${name}合计`,
  /** Several claims named before one number: 予以公开及部分公开. */
  jointName: (names: string[]) => names.join('及'),
  /** One applicant column of a category: 表三“无法提供”合计（自然人）. */
  columnName: (name: string, column: string) => `${name}（${column}）`,
  feeCollectedName: '本年度收取的信息处理费',

  countMismatch(quote: string, stated: number, unit: string, table: NamedValue): string {
    const d = stated - table.value;
    const gap = d > 0 ? `多${amount(d, unit)}` : `少${amount(-d, unit)}`;
    return `文中“${quote}”与统计表不符：${tableSays([table])}，文中${gap}。`;
  },
  subItemAsTotal(quote: string, value: number, unit: string, part: string, total: NamedValue): string {
    return `文中“${quote}”的${amount(value, unit)}是${inTable(part)}一项的数字，不是${total.name}：${tableSays([total])}。`;
  },
  shareMismatch(quote: string, share: string, part: NamedValue, base: NamedValue, expected: string): string {
    return `文中“${quote}”的${share}%与统计表不符：${tableSays([part])}，占${base.name}${amount(base.value, base.unit)}的${expected}%。`;
  },
  partsSum(quote: string, total: number, unit: string, parts: string[], sum: number): string {
    return `文中“${quote}”与其后所列各项不符：${listed(parts)}之和为${amount(sum, unit)}，不等于${amount(total, unit)}。`;
  },
  partsExceed(quote: string, total: number, unit: string, parts: string[], sum: number): string {
    return `文中“${quote}”与其后所列各项不符：${listed(parts)}之和为${amount(sum, unit)}，超过了${amount(total, unit)}。`;
  },
  partExceeds(quote: string, total: number, unit: string, part: string): string {
    return `文中“${quote}”与其后所列各项不符：其中“${part}”一项就超过了${amount(total, unit)}。`;
  },
  channelsShort(quote: string, total: number, unit: string, parts: string[], sum: number): string {
    return `文中“${quote}”与其后所列各渠道不符：${listed(parts)}之和为${amount(sum, unit)}，少于${amount(total, unit)}。`;
  },
  partsCount(written: string, found: number): string {
    return `文中称报告由“${written}”部分组成，但正文按序号有${found}个部分（一、至${'一二三四五六七八九十'[found - 1] ?? found}、）。`;
  },
  enumerationNumber(sequence: string[], written: string, expected: string): string {
    return `文中列举的序号“${listed(sequence)}”不连续：这里的“${written}”应为“${expected}”。`;
  },
  /** 二 → 二是 (an item of an enumeration) and （二） (a sub-heading). */
  ordinalClause: (numeral: string) => `${numeral}是`,
  ordinalHeading: (numeral: string) => `（${numeral}）`,
  enumerationWhy: '列举的序号应从“一”起依次递增，不重复、不跳号。',
  prefaceMissing(missing: string[]): string {
    return `文中列举的报告组成部分缺少${missing.map((h) => `“${h}”`).join('、')}：年度报告规定的六部分内容不能遗漏。`;
  },
  totalAsSubItem(quote: string, value: number, unit: string, subItem: NamedValue, category: NamedValue): string {
    return `文中“${quote}”的${amount(value, unit)}是${inTable(category.name)}的数字，不是其中“${subItem.name}”一项：${tableSays([subItem, category])}。`;
  },
  columnAsTotal(quote: string, value: number, unit: string, column: string, total: NamedValue): string {
    return `文中“${quote}”的${amount(value, unit)}是${inTable(column)}一栏的数字，不是总计：${tableSays([total])}。`;
  },
  feeContradiction(none: string, stated: string): string {
    return `文中称“${none}”，但又称“${stated}”，前后矛盾。`;
  },
  yearNotReportYear(quote: string, year: number, reportYear: number): string {
    return `文中“${quote}”所说的${year}年不是本报告的年度（${reportYear}年）：可能是沿用了往年报告的文字。`;
  },
  yearOfPlan(quote: string, year: number, next: number): string {
    return `文中“${quote}”是改进计划，却写的是本报告的年度${year}年：计划应是${next}年的。`;
  },
  sectionEmpty(heading: string, content: string): string {
    return content ? `“${heading}”部分只写了“${content}”：年度报告应如实说明存在的主要问题和改进情况。` : `“${heading}”部分没有内容：年度报告应如实说明存在的主要问题和改进情况。`;
  },
  sectionNumber(heading: string, expected: string): string {
    return `标题“${heading}”的序号有误：按其位置应为“${expected}、”。`;
  },
  sectionOrder(heading: string, before: string): string {
    return `“${heading}”排在了“${before}”之后，与年度报告格式规定的顺序不符。`;
  },
  repeated(sentences: number, considered: number, share: string): string {
    return `本年报告正文有${sentences}句（共${considered}句，占${share}%）与上年报告相同（年份不计）：请核实是否沿用了上年报告的内容。`;
  },
  yearsWhy: '年度报告写的是本年度1月1日至12月31日的情况：上年的数字只用于比较或说明结转，下一年只出现在工作计划中。',
  problemsWhy: '《中华人民共和国政府信息公开条例》第五十条要求年度报告包括政府信息公开工作存在的主要问题及改进情况。',
  channelsWhy: '同一条信息可以通过多个渠道公开，各渠道之和可以大于总数，但列全了的各渠道之和不能小于总数，任何一个渠道也不能大于总数。',
  textSumWhy: '“其中”之后列出的各项是总数的组成部分，其和应等于总数（以“等”结尾的列举可以少于总数，“含”之后的只是其中一部分）。',
  feesWhy: '收费情况（信息处理费）在报告中只能有一种说法。',
  repeatedWhy: '年度报告内容雷同、敷衍塞责，是国办公开办函〔2021〕30号明确要追究责任的问题。',
  allContradicted(quote: string, nonZero: NamedValue[]): string {
    return `文中称“${quote}”，但${tableSays(nonZero)}，并非全部如此。`;
  },
  noneContradicted(quote: string, table: NamedValue): string {
    return `文中称“${quote}”，但${tableSays([table])}。`;
  },
  sectionMissing(heading: string): string {
    return `报告缺少必备的“${heading}”部分：年度报告规定的六部分内容不能遗漏。`;
  },
  /** Numerals of section headings: 1 → 一. */
  numeral: (n: number) => '一二三四五六七八九十'[n - 1] ?? String(n),
  sectionsWhy: '《中华人民共和国政府信息公开工作年度报告格式》要求报告内容不能遗漏，也不宜泛化。',
  figuresWhy: '报告正文中的每个数字都必须与统计表一致。',
  sharesWhy: '占比按统计表中的数字计算（办理结果的占比以表三“(七)总计”为分母），只容许末位小数的舍入差异。',
};
