/** Results the core hands back to every host: plain data, JSON-serializable. */
import type { MessageCode } from './render';

export type Severity = 'error' | 'warning' | 'hint';

/** How a value was written when it is a readable number in an odd form (docs/formats.md §2: hint only). */
export type NumberForm = 'stored-as-text' | 'full-width' | 'thousands-separator' | 'unit-in-cell' | 'delta-word';

/** What a cell's content means as a figure. Blank is never 0. */
export type Reading =
  | { kind: 'number'; value: number; forms: NumberForm[]; unit?: string; raw: string }
  | { kind: 'blank' }
  /** "/", "—", "——", "-", "无": the user's way of writing "none"; not a number. */
  | { kind: 'placeholder'; raw: string }
  /** An Excel error value such as #REF!. */
  | { kind: 'error'; raw: string }
  /** Text that cannot be read as a number. */
  | { kind: 'text'; raw: string }
  /** Digits beyond what floating point can hold at all (a 400-digit typo): a number too large, with its digits. */
  | { kind: 'too-large'; raw: string }
  /** A formula whose result the file does not hold (written by a program that does not calculate); raw is the formula. */
  | { kind: 'uncalculated'; raw: string };

/**
 * A registered format's id (src/core/formats/registry.ts): legacy-2016, national-2019, national-2021, or a
 * provincial variant's. A string, so that a variant is a new folder and a registry line, not a type change.
 */
export type FormatId = string;

/** One indicator of a recognized table, located on the sheet. */
export interface Figure {
  /** Template indicator id, e.g. `t3.newApplications.total` or `legacy.received`. */
  id: string;
  /** The label users know: the row's, joined with the column's when the table has several: 一、本年新收政府信息公开申请数量/总计. */
  label: string;
  rowLabel: string;
  columnLabel?: string;
  unit: string;
  decimal: boolean;
  /** A change that may legitimately be negative (2019 本年增/减). */
  signed?: boolean;
  /** `Sheet!C9`. */
  cell: string;
  /** Where a reader of the printed report finds the cell (第4页 表三 第12行第3列), for a table read from a PDF. */
  printedPlace?: string;
  sheet: string;
  row: number;
  col: number;
  reading: Reading;
  /** The number the checks use: the reading's value, or null (blank, placeholder, unreadable). */
  value: number | null;
  formula?: string;
  /**
   * The row was found but not its cells: a flowed (text) table whose row has its label and no figure
   * at all. The figure is blank and `cell` names the row's label; nothing is ever written there.
   */
  unplaced?: boolean;
}

export interface LabelMatch {
  /** Row or column id in the template. */
  id: string;
  expected: string;
  found: string;
  cell: string;
  /** 1 for an exact (normalized) match, lower for a loose one. */
  confidence: number;
}

export interface RecognizedTable {
  format: FormatId;
  /** Template table id: legacy, t2, t3, t4. */
  table: string;
  tableName: string;
  sheet: string;
  /** The range the table occupies, e.g. A3:I32. */
  range: string;
  figures: Record<string, Figure>;
  /** Indicator ids the template has but this sheet lacks. */
  missing: string[];
  /** Labels matched only loosely; shown to the user. */
  weakMatches: LabelMatch[];
  /** The title above the table, when there is one (it often names the body and year). */
  title?: string;
}

export type FindingKind = 'relation' | 'value' | 'blank' | 'not-checked' | 'recognition';

export interface Finding {
  /** Rule id (with its expansion, e.g. `t3.row-total[newApplications]`), or a value check id. */
  rule: string;
  severity: Severity;
  kind: FindingKind;
  table: string;
  message: string;
  /** Why the relationship holds, when the rule says. */
  why?: string;
  expected?: number | null;
  actual?: number | null;
  difference?: number | null;
  /** Every cell involved: the total first, then each component. */
  cells: string[];
  indicators: string[];
  /** Stable across runs and table moves: from the format, rule and indicators, not positions. */
  fingerprint: string;
  /** The message's id in the messages module: `message` is the sentence `code` makes of `args` (render). */
  code: MessageCode;
  /** The message's arguments, plain JSON values: figures as { name, cell, value, unit }. */
  args: readonly unknown[];
}

export interface PlannedWrite {
  cell: string;
  sheet: string;
  row: number;
  col: number;
  indicator: string;
  label: string;
  /** What the cell holds now, as displayed (empty string for blank). */
  before: string;
  after: number;
  /** A value the user typed would be replaced (as opposed to filling a blank). */
  overwritesTyped: boolean;
}

export interface SkippedTotal {
  cell: string;
  indicator: string;
  label: string;
  reason: 'formula' | 'inputs-missing' | 'unreadable-input' | 'protected';
  /** What the components imply, when known. */
  implied?: number;
  current?: string;
}

export interface TotalsPlan {
  writes: PlannedWrite[];
  skipped: SkippedTotal[];
}

export interface TableResult extends RecognizedTable {
  findings: Finding[];
}

export interface WorkbookAnalysis {
  tables: TableResult[];
  /** Problems that belong to no table: no template found, two templates, unreadable sheets. */
  notices: Finding[];
  /** Body and year the document's own title names (a report's title, a page's <title>). */
  documentFacts?: ReportFacts;
}

/** Levels of government that matter to the checks: only some may make 规章 (docs/formats.md §3). */
export type BodyLevel = 'township' | 'county' | 'county-dept' | 'city' | 'city-dept' | 'province' | 'province-dept' | 'state-dept';

/** Facts about the reporting body and year that the table does not hold: from the title or the user. */
export interface ReportFacts {
  bodyName?: string;
  reportYear?: number;
  level?: BodyLevel;
  /**
   * How the report speaks of itself when its title names no body (我镇, 本街道): read from its text,
   * so a level inferred from it is worth verifying, never certain.
   */
  selfReference?: string;
  /** 信息处理费 collected under 《政府信息公开信息处理费管理办法》, in 万元 (2021 format, section 六). */
  feeCollected?: number;
  /** Last year's figures, for comparisons. */
  previous?: Record<string, Figure>;
}
