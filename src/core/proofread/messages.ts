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
}

const amount = (value: number, unit: string) => `${formatNumber(value)}${unit}`;
const where = (cells: string[]) => (cells.length ? `（${cells.join('、')}）` : '');
const named = (v: NamedValue) => `${v.name}为${amount(v.value, v.unit)}${where(v.cells)}`;
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
    return `文中“${quote}”与其后所列各项不符：${parts.join('、')}之和为${amount(sum, unit)}，不等于${amount(total, unit)}。`;
  },
  allContradicted(quote: string, nonZero: NamedValue[]): string {
    return `文中称“${quote}”，但${tableSays(nonZero)}，并非全部如此。`;
  },
  noneContradicted(quote: string, table: NamedValue): string {
    return `文中称“${quote}”，但${tableSays([table])}。`;
  },
  sectionMissing(heading: string): string {
    return `报告缺少必备的“${heading}”部分：年度报告规定的六部分内容不能遗漏。`;
  },
  sectionsWhy: '《中华人民共和国政府信息公开工作年度报告格式》要求报告内容不能遗漏，也不宜泛化。',
  figuresWhy: '报告正文中的每个数字都必须与统计表一致。',
  sharesWhy: '占比按统计表中的数字计算（办理结果的占比以表三“(七)总计”为分母），只容许末位小数的舍入差异。',
};
