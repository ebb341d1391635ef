/**
 * Every user-facing sentence of the checks, in one place (the narrative's words live in narrative/).
 * Functions take plain facts (JSON values: a finding keeps them as its `args`, with the sentence's name
 * as its `code`) and return Chinese text; nothing here decides anything.
 */
import { FORMATS } from './formats/registry';
import { a1, cellRanges, type DocumentKind } from './grid';
import { displayLabel } from './labels';
import type { Figure } from './types';

export { SEVERITY_NAMES } from './severity';

const DOCUMENT_NAMES: Record<DocumentKind, string> = { pdf: 'PDF文件', html: '网页', docx: 'Word文档', text: '文本文件' };

/** The registered formats' names, by id (each format's folder names it). */
export const FORMAT_NAMES: Readonly<Record<string, string>> = FORMATS.names;

/** The sheet a blank statistics table goes on (nianbao template, and 插入空白统计表 in the Excel pane). */
export const TEMPLATE_SHEET_NAME = '统计表';

/** The formats a blank template can be made for, the default (the format in force) first. */
export const TEMPLATE_FORMATS = ['national-2021', 'national-2019', 'legacy-2016'] as const;

/** 本年新收政府信息公开申请数量（自然人）, without numbering or bracketed notes. */
export function figureName(f: Pick<Figure, 'rowLabel' | 'columnLabel'>): string {
  const row = displayLabel(f.rowLabel);
  return f.columnLabel ? `${row}（${displayLabel(f.columnLabel)}）` : row;
}

/** A figure as a sentence names it: its name, its cell on its sheet (C9), its value. Plain JSON. */
export interface FigureArg {
  name: string;
  cell: string;
  value: number | null;
  unit: string;
}

export function figureArg(f: Figure): FigureArg {
  return { name: figureName(f), cell: f.printedPlace ?? a1(f.row, f.col), value: f.value, unit: f.unit };
}

/** 第4页 表三 第12行第3列: a cell of a printed table, by its page, its table's number, and its line and column there. */
export function printedPlace(page: number, tableName: string, row: number, col: number): string {
  const number = /^表[一二三四五六七八九十]+/.exec(tableName)?.[0];
  return `第${page}页 ${number ?? ''}${number ? ' ' : ''}第${row}行第${col}列`;
}

/** 上年… : last year's figure named in a comparison with this year's. */
export function lastYearLabel(label: string): string {
  return `上年${displayLabel(label)}`;
}

function at(f: FigureArg): string {
  return `${f.name}（${f.cell}）`;
}

/** 3 → "3", 0.15 → "0.15": numbers as published, never in exponent form. */
export function formatNumber(n: number): string {
  // Intl writes 1e23 as 100000000000000000000000, where String() would give "1e+23".
  return Number.isInteger(n) ? n.toLocaleString('en-US', { useGrouping: false }) : String(Number(n.toFixed(6)));
}

/** Cells as ranges where they form rectangles, at most eight items: D24:I48、K3. */
export function rangeList(refs: string[], homeSheet?: string): string {
  const ranges = cellRanges(refs, homeSheet);
  return `${ranges.slice(0, 8).join('、')}${ranges.length > 8 ? '等' : ''}`;
}

/**
 * Cells as people read them: up to eight one by one, more as ranges with their count
 * (D24:I48（175个单元格）). `--json` keeps every address.
 */
export function describeCells(refs: string[], homeSheet?: string): string {
  const unique = Array.from(new Set(refs));
  if (unique.length <= 8) return unique.map((ref) => cellRanges([ref], homeSheet)[0] ?? ref).join('、');
  return `${rangeList(unique, homeSheet)}（${unique.length}个单元格）`;
}

function listNames(figures: FigureArg[]): string {
  if (figures.length <= 6) return figures.map((f) => f.name).join('、');
  return `${figures[0].name}至${figures[figures.length - 1].name}等${figures.length}项`;
}

function blankNote(blanks: FigureArg[]): string {
  return blanks.length === 0 ? '' : `其中${blanks.map((f) => f.cell).join('、')}未填，按0计算。`;
}

function gap(actual: number, expected: number): string {
  const d = actual - expected;
  return d > 0 ? `多${formatNumber(d)}` : `少${formatNumber(-d)}`;
}

export const messages = {
  totalMismatch(total: FigureArg, parts: FigureArg[], expected: number, blanks: FigureArg[]): string {
    return `${at(total)}为${formatNumber(total.value ?? 0)}，但${listNames(parts)}之和为${formatNumber(expected)}，合计比分项之和${gap(total.value ?? 0, expected)}，应为${formatNumber(expected)}。${blankNote(blanks)}`;
  },
  sidesUnequal(left: FigureArg[], right: FigureArg[], minus: FigureArg[], leftSum: number, rightSum: number, blanks: FigureArg[]): string {
    const lhs = left.length === 1 ? at(left[0]) : `${listNames(left)}之和`;
    const rhs = minus.length ? `${listNames(right)}之和减去${listNames(minus)}` : right.length === 1 ? at(right[0]) : `${listNames(right)}之和`;
    return `${lhs}为${formatNumber(leftSum)}，${rhs}为${formatNumber(rightSum)}，两者应相等，${gap(leftSum, rightSum)}。${blankNote(blanks)}`;
  },
  partsBelowTotal(total: FigureArg, parts: FigureArg[], partsSum: number, blanks: FigureArg[]): string {
    return `${listNames(parts)}之和为${formatNumber(partsSum)}，小于${at(total)}${formatNumber(total.value ?? 0)}，少${formatNumber((total.value ?? 0) - partsSum)}。${blankNote(blanks)}`;
  },
  partAboveWhole(part: FigureArg, whole: FigureArg[], wholeSum: number): string {
    const limit = whole.length === 1 ? at(whole[0]) : `${listNames(whole)}之和`;
    return `${at(part)}为${formatNumber(part.value ?? 0)}，大于${limit}${formatNumber(wholeSum)}，多${formatNumber((part.value ?? 0) - wholeSum)}。`;
  },
  identicalToLastYear(count: number): string {
    return `本年统计表的${count}个数字与上年完全相同，像是照抄了上年的报告。请按本年实际填写；如确实相同，请加说明。`;
  },
  titleYear(title: string, year: number, reportYear: number): string {
    return `标题“${title}”写的是${year}年，但本报告为${reportYear}年度。请核实标题年份。`;
  },
  statisticsPeriod(stated: string, year: number): string {
    return `文中“${stated}”与统计期限不符：统计期限应为${year}年1月1日至${year}年12月31日。`;
  },
  levelCannotReport(body: string, stated: boolean, reported: FigureArg[], selfReference?: string): string {
    const who = stated ? `本机关为${body}` : selfReference ? `报告中自称“${selfReference}”，本机关应属于${body}` : `从机关名称看，本机关属于${body}`;
    return `${who}，不具有制定规章的权限，但表中${reported.map((f) => `${at(f)}为${formatNumber(f.value ?? 0)}`).join('，')}。只有国务院部门、省级人民政府和设区的市人民政府可以制定规章；请核实是否把行政规范性文件填入了规章栏。`;
  },
  notChecked(count: number, reason: 'total-blank' | 'all-blank' | 'unreadable', cells: string[]): string {
    const why = {
      'total-blank': '合计或被比较的单元格未填',
      'all-blank': '参与计算的单元格全部未填',
      unreadable: '有单元格无法识别为数字',
    }[reason];
    return `${count}处勾稽关系未校验：${why}（${rangeList(cells)}）。填写后再次校验。`;
  },
  errorValue(f: FigureArg, raw: string): string {
    return `${at(f)}是错误值 ${raw}，无法读取。请检查该单元格的公式或重新填写。`;
  },
  notANumber(f: FigureArg, raw: string): string {
    return `${at(f)}填写的“${raw}”不是数字。请改为数字；没有发生的填0。`;
  },
  negative(f: FigureArg): string {
    return `${at(f)}为负数${formatNumber(f.value ?? 0)}，件数不能为负。`;
  },
  /** raw: the digits as written, so that 9007199254740993 is not shown rounded to …992. */
  tooLarge(f: FigureArg, raw: string): string {
    const digits = raw.replace(/[,，\s]/g, '');
    const shown = /^[+-]?\d+(\.\d+)?$/.test(digits) ? digits : f.value !== null && Number.isFinite(f.value) ? formatNumber(f.value) : '';
    const written = shown.length > 40 ? `一个${shown.replace(/^[+-]/, '').split('.')[0].length}位数（${shown.slice(0, 12)}…）` : shown;
    return `${at(f)}${written ? `为${written}` : '的数字位数过多'}，超出可以精确计算的范围，请核对是否多填了数字。`;
  },
  uncalculated(cells: string[]): string {
    return `${cells.length}个单元格的公式没有保存计算结果（${cells.slice(0, 8).join('、')}${cells.length > 8 ? '等' : ''}），无法读取其数值，相关勾稽关系未校验。文件可能由其他程序生成：请在 Excel 中打开、保存后再校验。`;
  },
  fraction(f: FigureArg): string {
    return `${at(f)}为${formatNumber(f.value ?? 0)}，${f.unit}数应为整数。`;
  },
  unitInCell(f: FigureArg, raw: string, unit: string): string {
    const convert = unit === '元' && f.unit === '万元' ? `本栏单位为万元，${raw}应折合为${formatNumber((f.value ?? 0) / 10000)}万元。` : `本栏单位为${f.unit}，单元格中只填数字。`;
    return `${at(f)}填写的“${raw}”带有单位。${convert}`;
  },
  oddForms(cells: string[]): string {
    return `${cells.length}个数字以文本、全角数字或千位分隔符等形式填写（${rangeList(cells)}），已按数字参与校验；建议改为常规数字格式。`;
  },
  blanks(cells: string[]): string {
    return `${cells.length}个单元格未填（${rangeList(cells)}）。空白不等于0：没有发生的请填0，可用“计算合计”中的“空白填0”一步完成。`;
  },
  placeholders(cells: string[], symbols: string[]): string {
    return `${cells.length}个单元格填写了“${symbols.join('”“')}”（${rangeList(cells)}），不是数字。没有发生的请填0。`;
  },
  /** A published report (PDF, page, Word document, text) in which no table was found: only its text can be proofread. */
  noTableInDocument(origin: DocumentKind): string {
    return `这份${DOCUMENT_NAMES[origin]}中没有找到政府信息公开工作年度报告统计表，只读到了文字，因此无法校验勾稽关系。统计表若是以图片形式插入的，其中的数字无法读取，请使用原始的Excel统计表或Word文档。文字本身（所列数字之和、年份、六部分是否齐全）仍可核对。`;
  },
  noTemplate(unsupportedLayout?: string): string {
    const seen = unsupportedLayout ? `工作簿中的表格似为${unsupportedLayout}，目前不支持。` : '';
    return `未找到政府信息公开工作年度报告统计表。${seen}支持的格式：2016—2018年旧格式统计表（统计指标｜单位｜统计数），2019年试行格式和2021年国家格式的表二、表三、表四。请确认打开的是统计表所在的工作簿。`;
  },
  columnsNotFound(tableName: string, columns: string[]): string {
    return `${tableName}：找到了行标题，但没有找到列“${columns.join('”“')}”，这些数据未校验。请对照2019年试行格式或2021年格式检查列标题。`;
  },
  rowValuesMismatch(tableName: string, rows: { label: string; found: number; cell: string }[], expected: number): string {
    const what = rows.map((r) => `“${displayLabel(r.label)}”（${r.cell}，${r.found}个数）`);
    const listed = what.length > 6 ? `${what.slice(0, 6).join('、')}等${what.length}行` : what.join('、');
    return `${tableName}中${listed}读到的数字个数与表头的${expected}列不符，无法确定每个数所在的列，这些行未读取、未校验。复制网页或PDF时常会丢掉空白单元格，请对照原表核对这些行。`;
  },
  tableUnreadable(): string {
    return '找到了统计表的行标题，但未能确定表中数字所在的列（见下），未作校验。请用原始的 Excel 工作簿、Word 文档或网页（.html）校验。';
  },
  mixedFormats(tableName: string, format: string, otherFormat: string, labels: string[]): string {
    return `${tableName}按${format}识别，但表中还有${otherFormat}特有的行或列“${labels.join('”“')}”，这些数据未校验。同一张表的行和列应来自同一版本的格式，请确认所用模板。`;
  },
  mixedTableFormats(tables: { table: string; format: string }[]): string {
    return `各表格式不一致：${tables.map((t) => `${t.table}为${t.format}`).join('，')}。同一份年报应使用同一版本的格式，请确认所用模板。`;
  },
  mergedAcrossFigures(cell: string, names: string[]): string {
    return `${cell}是合并单元格，一个数字同时占了“${names.join('”“')}”${names.length}个指标的位置。请取消合并并分别填写。`;
  },
  missingRows(tableName: string, names: string[]): string {
    return `${tableName}缺少${names.length}个指标（${names.slice(0, 6).join('、')}${names.length > 6 ? '等' : ''}），这些指标未校验；其余已找到的行照常校验。`;
  },
  weakLabel(expected: string, found: string, cell: string): string {
    return `${cell}的“${found}”按“${expected}”识别，相似但不完全一致，请确认。`;
  },
  severalTables(tableName: string, sheets: string[]): string {
    return `找到${sheets.length}份${tableName}（${sheets.join('、')}），已分别校验。`;
  },
};
