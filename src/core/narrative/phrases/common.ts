import type { Change, Part, Quantity } from '../analytics';
import type { Paragraph, PlaceholderRun, ReportFacts, Run, Section } from '../model';
import { formatAmount } from '../numbers';
import { figure, joinList, runs, type ListMarks, type Piece } from '../runs';

/** Wording shared by every format: lists, placeholders, report facts, comparisons, the rounding note. */

/** What a format's wording module hands back: everything but the title and the rounding rule. */
export interface FormatWriting {
  intro: Paragraph[];
  sections: Section[];
  /** Notes for the editor specific to the format. */
  notes: string[];
}

/** Enumerations: a、b和c. */
export const LIST: ListMarks = { separator: '、', lastSeparator: '和' };
/** Full clauses, as the seed lists channels: a，b，c. */
export const CLAUSES: ListMarks = { separator: '，', lastSeparator: '，' };
/** Clauses that carry commas of their own: a；b；c. */
export const SEMICOLONS: ListMarks = { separator: '；', lastSeparator: '；' };

export const list = (items: Piece[], marks: ListMarks = LIST): Run[] => joinList(items.map((item) => runs(item)), marks);

const blankMark = (labels: string[]): string => `〔待补充：统计表中“${labels.join('”“')}”未填〕`;

/** A quantity's number (or the blank-cell placeholder). */
export const num = (q: Quantity): Run => figure(q, blankMark);

/** A quantity with its unit: 8295条, 15万元, 53.8%. A blank shows only its placeholder. */
export const amount = (q: Quantity): Piece[] => [num(q), q.value === null ? null : q.unit];

/** Items as "name + amount" pieces, in the order given. */
export const named = <K extends string>(parts: Part<K>[], name: (key: K) => string): Piece[] =>
  parts.map((p) => [name(p.key), amount(p.q)]);

/** "均…" of a single item reads wrong (1件，均为…): said of one item, the 均 goes. */
export const allOf = (total: Quantity, phrase: string): string => (total.value === 1 ? phrase.replace('均', '') : phrase);

export const placeholder = (what: string, need = 'writing'): Run => ({ kind: 'placeholder', text: `〔待补充：${what}〕`, need });

/** Something the table states only in part: the user must check it (e.g. an amount whose unit no one gave). */
export const verifyPlaceholder = (what: string, need: string): Run => ({ kind: 'placeholder', text: `〔待核实：${what}〕`, need });

export const tablePlaceholder = (tableId: string, tableName: string): Run =>
  ({ kind: 'placeholder', text: `〔待插入：${tableName}〕`, need: `table:${tableId}` });

/** The report year as a fact, or a placeholder (never guessed). */
export const yearRun = (facts: ReportFacts): Run =>
  facts.reportYear !== undefined
    ? { kind: 'fact', text: String(facts.reportYear), fact: 'reportYear' }
    : placeholder('报告年度', 'fact:reportYear');

/** The start of a sentence about the year: 2017年 (or 本年度 when the year is not known). */
export const yearStart = (facts: ReportFacts): Piece =>
  facts.reportYear !== undefined ? [yearRun(facts), '年'] : '本年度';

export const title = (facts: ReportFacts): Run[] =>
  runs(
    facts.bodyName ? { kind: 'fact', text: facts.bodyName, fact: 'bodyName' } : placeholder('机关名称', 'fact:bodyName'),
    yearRun(facts),
    '年政府信息公开工作年度报告',
  );

/** The statistics period sentence; the dates are the calendar year of the report (docs/formats.md §4, plausibility.statistics-period). */
export const statisticsPeriod = (facts: ReportFacts): Piece[] => [
  '本报告中所列数据的统计期限自',
  yearRun(facts),
  '年1月1日起至',
  yearRun(facts),
  '年12月31日止。',
];

export const feeCollectedRun = (fee: number): Run => ({ kind: 'fact', text: formatAmount(fee), fact: 'feeCollected' });

/** ，较上年增加12件 / ，较上年减少3件 / ，与上年持平; nothing without last year's figures. */
export const changeClause = (change: Change | null): Piece => {
  if (!change) return null;
  if (change.direction === 'same') return '，与上年持平';
  return [change.direction === 'up' ? '，较上年增加' : '，较上年减少', amount(change.amount)];
};

export const ROUNDING_DESCRIPTION =
  '百分比保留一位小数：各项先舍去一位小数以后的部分，再按舍去部分从大到小依次补0.1个百分点，' +
  '使同一句中的占比之和等于合计的占比（各项齐全时为100.0%），每项与精确值之差小于0.1个百分点。';

/** How many markers the draft holds; 〔待核实〕 is named only when there is one, as few drafts have it. */
export const placeholderCountNote = (placeholders: PlaceholderRun[]): string => {
  const toVerify = placeholders.some((p) => p.need.startsWith('unit:'));
  const kinds = toVerify ? '〔待补充〕、〔待插入〕或〔待核实〕' : '〔待补充〕或〔待插入〕';
  return `文中共有${placeholders.length}处${kinds}标记，须由编写人员${toVerify ? '补充、核实' : '补充'}或删除后方可使用。`;
};
