import { z } from 'zod';

/**
 * The shape of template data. Templates are plain data validated at load time,
 * so a provincial variant or a new national format is a new data file, not new code.
 */

const label = z.string().min(1);

const Unit = z.enum(['条', '件', '次', '篇', '个', '人', '人次', '项', '万元', '金额']);

export const ColumnSpecSchema = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
  label,
  /** Other spellings seen in real workbooks (typos, older wording). */
  variants: z.array(label).default([]),
  /** A column whose figures differ from its rows' kind: 2019 采购总金额 (an amount) beside 采购项目数量. */
  unit: Unit.optional(),
  decimal: z.boolean().optional(),
  /** 2019 本年增/减: a change, so a negative value is legitimate. */
  signed: z.boolean().default(false),
});

export const RowSpecSchema = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
  label,
  variants: z.array(label).default([]),
  /** data rows carry figures; group rows only structure the table (their cells are "——" or empty). */
  kind: z.enum(['data', 'group']).default('data'),
  /** 金额: money whose unit the format does not define (2019 采购总金额). */
  unit: Unit.default('件'),
  /** Counts are integers; money may carry decimals. */
  decimal: z.boolean().default(false),
  /** The row's figures are optional in the format (e.g. the legacy 电子邮件申请数 added by some provinces). */
  optional: z.boolean().default(false),
});

export const BlockSpecSchema = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
  columns: z.array(ColumnSpecSchema).min(1),
  /** A header cell above the columns that names the block (e.g. 第二十条第(一)项); used only to confirm. */
  rows: z.array(RowSpecSchema).min(1),
  /**
   * Table 四 is laid out either as one row per group (行政复议 / 直接起诉 / 复议后起诉) or as a single
   * data row whose column headers are grouped under those labels. true allows both.
   */
  rowsMayBeColumnGroups: z.boolean().default(false),
});

export const TableSpecSchema = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
  /** How users name the table, e.g. 表三 收到和处理政府信息公开申请情况. */
  name: label,
  blocks: z.array(BlockSpecSchema).min(1),
});

/** An indicator id; "prev:" before it means last year's figure (the rule then needs last year's table). */
const ref = z.string().min(1);

const RuleBase = {
  id: z.string().regex(/^[a-z0-9.-]+$/),
  severity: z.enum(['error', 'warning', 'hint']),
  /** Why the relationship holds, shown under the message (plain Chinese; listed in docs/formats.md §7). */
  why: z.string().optional(),
  /**
   * Expands the rule over a list: every "{name}" in an indicator reference is replaced by each value
   * in turn, giving one rule instance per value.
   */
  forEach: z.record(z.string(), z.array(z.string()).min(1)).optional(),
};

/** left sum = right sum; with `total` the left side is a total that 计算合计 may fill. */
export const SumEqualRuleSchema = z.object({
  ...RuleBase,
  kind: z.literal('sum-equal'),
  left: z.array(ref).min(1),
  right: z.array(ref).min(1),
  /** Subtracted from the right side: 现行有效 = 上年现行有效 + 本年制发 − 本年废止. */
  minus: z.array(ref).default([]),
  total: z.boolean().default(false),
});

/** Σ parts ≥ total: one item published through several channels is counted once in the total. */
export const SumAtLeastRuleSchema = z.object({
  ...RuleBase,
  kind: z.literal('sum-at-least'),
  total: ref,
  parts: z.array(ref).min(1),
});

/** part ≤ whole, e.g. 其中:主要负责同志参加 ≤ 参加或举办新闻发布会总次数. */
export const AtMostRuleSchema = z.object({
  ...RuleBase,
  kind: z.literal('at-most'),
  part: ref,
  /** One figure, or several added up (本年废止 ≤ 上年现行有效 + 本年制发). */
  whole: z.union([ref, z.array(ref).min(1)]).transform((w) => (Array.isArray(w) ? w : [w])),
});

const Level = z.enum(['township', 'county', 'county-dept', 'city', 'city-dept', 'province', 'province-dept', 'state-dept']);

/** Figures only some levels of government may report non-zero (规章: docs/formats.md §3). */
export const RequiresLevelRuleSchema = z.object({
  ...RuleBase,
  kind: z.literal('requires-level'),
  refs: z.array(ref).min(1),
  levels: z.array(Level).min(1),
});

export const RuleSpecSchema = z.discriminatedUnion('kind', [SumEqualRuleSchema, SumAtLeastRuleSchema, AtMostRuleSchema, RequiresLevelRuleSchema]);

export const TemplateSpecSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The format name users know, e.g. 国办公开办函〔2021〕30号格式. */
  name: label,
  years: z.string(),
  tables: z.array(TableSpecSchema).min(1),
  rules: z.array(RuleSpecSchema),
});

export type ColumnSpec = z.infer<typeof ColumnSpecSchema>;
export type RowSpec = z.infer<typeof RowSpecSchema>;
export type BlockSpec = z.infer<typeof BlockSpecSchema>;
export type TableSpec = z.infer<typeof TableSpecSchema>;
export type RuleSpec = z.infer<typeof RuleSpecSchema>;
export type TemplateSpec = z.infer<typeof TemplateSpecSchema>;
export type TemplateInput = z.input<typeof TemplateSpecSchema>;
