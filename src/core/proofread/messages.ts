import { formatNumber } from '../messages';

/** Every Chinese sentence of proofreading, in one place. Functions take plain facts and return text. */

export interface NamedValue {
  name: string;
  value: number;
  unit: string;
  /** `Sheet!C9`, or empty for a report fact. */
  cells: string[];
}

const amount = (value: number, unit: string) => `${formatNumber(value)}${unit}`;
const where = (cells: string[]) => (cells.length ? `（${cells.join('、')}）` : '');
const named = (v: NamedValue) => `${v.name}为${amount(v.value, v.unit)}${where(v.cells)}`;

export const proofreadMessages = {
  /** The name of a figure that is the sum of several rows or groups, e.g. 不予公开合计. */
  sumName: (name: string) => `${name}合计`,
  feeCollectedName: '本年度收取的信息处理费',

  countMismatch(quote: string, stated: number, unit: string, table: NamedValue): string {
    const d = stated - table.value;
    const gap = d > 0 ? `多${amount(d, unit)}` : `少${amount(-d, unit)}`;
    return `文中“${quote}”与统计表不符：表中${named(table)}，文中${gap}。`;
  },
  subItemAsTotal(quote: string, stated: number, unit: string, part: string, total: NamedValue): string {
    return `文中“${quote}”的${amount(stated, unit)}是表中“${part}”一项的数字，不是${total.name}的合计：表中${named(total)}。`;
  },
  shareMismatch(quote: string, share: string, part: NamedValue, base: NamedValue, expected: string): string {
    return `文中“${quote}”的${share}%与统计表不符：表中${named(part)}，占${base.name}${amount(base.value, base.unit)}的${expected}%。`;
  },
  partsSum(quote: string, total: number, unit: string, parts: string[], sum: number): string {
    return `文中“${quote}”与其后所列各项不符：${parts.join('、')}之和为${amount(sum, unit)}，不等于${amount(total, unit)}。`;
  },
  allContradicted(quote: string, nonZero: NamedValue[]): string {
    return `文中称“${quote}”，但表中${nonZero.map(named).join('、')}，并非全部如此。`;
  },
  noneContradicted(quote: string, table: NamedValue): string {
    return `文中称“${quote}”，但表中${named(table)}。`;
  },
  sectionMissing(heading: string): string {
    return `报告缺少必备的“${heading}”部分：年度报告规定的六部分内容不能遗漏。`;
  },
  sectionsWhy: '《中华人民共和国政府信息公开工作年度报告格式》要求报告内容不能遗漏，也不宜泛化。',
  figuresWhy: '报告正文中的每个数字都必须与统计表一致。',
  sharesWhy: '占比按统计表中的数字计算（办理结果的占比以表三“(七)总计”为分母），只容许末位小数的舍入差异。',
};
