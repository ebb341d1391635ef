import type { FormatId } from '../types';

/**
 * The narrative model: sections → paragraphs → runs. Plain data, JSON-serializable, so the task pane
 * can render it with each figure's sources, the CLI can print it with --json, and io/docx can write it.
 */

/** One cell a figure in the text was taken from. */
export interface SourceCell {
  /** Template indicator id, e.g. `legacy.received` or `t3.total.total`. */
  indicator: string;
  /** `Sheet!C9`; empty when the source is last year's figure given without a cell. */
  cell: string;
  /** The label users know (from the table). */
  label: string;
  value: number;
  /** Set when the source is last year's table (a comparison). */
  year?: 'previous';
}

/**
 * How a figure's value follows from its sources:
 * - cell: the value of its one source;
 * - sum: the sum of its sources;
 * - share: a percentage of `base` (the sum of `sources` over the sum of `base`), rounded by the
 *   narrative's rounding rule; the shares of one `shareSet` are rounded together so that they add up;
 * - difference: |sources[0] − sources[1]|, this year against last year (the wording says which way);
 * - magnitude: |sources[0]|, the size of a change the table gives signed in one cell (2019 本年增/减;
 *   the wording says which way).
 */
export type Derivation = 'cell' | 'sum' | 'share' | 'difference' | 'magnitude';

/** Wording that states no figure. It never contains a number taken from the table. */
export interface TextRun {
  kind: 'text';
  text: string;
}

/** A number taken from the table. `text` is exactly the number as printed (the unit follows in a text run). */
export interface FigureRun {
  kind: 'figure';
  text: string;
  value: number;
  /** 条, 件, 万元, … or % for a share. */
  unit: string;
  derivation: Derivation;
  sources: SourceCell[];
  /** For a share: the cells of the whole it is a share of. */
  base?: SourceCell[];
  /** For a share: the shares rounded together (they add up to 100% when the parts cover the whole). */
  shareSet?: string;
}

/** A report fact that the table lacks, given from the workbook title or by the user's options. */
export interface FactRun {
  kind: 'fact';
  text: string;
  fact: 'bodyName' | 'reportYear' | 'feeCollected';
}

/** Something the draft cannot write: the user must fill it in. `text` is the visible 〔待补充：…〕 marker. */
export interface PlaceholderRun {
  kind: 'placeholder';
  text: string;
  /**
   * What is needed: `blank:<indicator>` for a figure left blank in the table, `fact:<name>` for a
   * missing report fact, `table:<id>` for a statistics table to insert, `unit:<indicator>` for the unit
   * of an amount the format does not define and the cell does not state, or `writing` for prose.
   */
  need: string;
}

export type Run = TextRun | FigureRun | FactRun | PlaceholderRun;

export interface Paragraph {
  /** subheading: a (一)-level heading; body: ordinary text. */
  kind: 'body' | 'subheading';
  runs: Run[];
}

export interface Section {
  /** The 一、-level heading, e.g. 一、主动公开政府信息情况. */
  heading: string;
  paragraphs: Paragraph[];
}

/** The one rounding rule for every share in the draft. */
export interface RoundingRule {
  decimals: 1;
  /**
   * Each share is rounded down to one decimal, then the tenths still missing from the rounded total
   * of the set go to the largest remainders (earlier items first on a tie), so the printed shares of
   * one sentence add up (to 100.0% when the parts cover the whole) and none is off by 0.1 or more.
   */
  method: 'largest-remainder';
  /** The same rule in words, for the editor. */
  description: string;
}

export interface Narrative {
  format: FormatId;
  title: Run[];
  /** The opening paragraphs before 一、. */
  intro: Paragraph[];
  sections: Section[];
  rounding: RoundingRule;
  /** Notes for the editor, not part of the report (e.g. the rounding rule when shares are printed). */
  notes: string[];
}

/** Report facts the table lacks. Never invented: absent facts become placeholders. */
export type { ReportFacts } from '../types';
