/**
 * What recognition hands back: the tables it read and the problems it met reading them (columns not
 * found, a merged number over two figures, rows of two formats in one table, a row whose figures do not
 * fit its columns). The checks turn each problem into a finding.
 */
import type { FormatId, RecognizedTable } from '../types';

export interface RecognitionProblem {
  kind: 'columns-not-found' | 'merged-across-figures' | 'mixed-formats' | 'row-values-mismatch';
  table: string;
  format: FormatId;
  sheet: string;
  cells: string[];
  indicators: string[];
  /** For mixed-formats: the format the foreign rows belong to. */
  otherFormat?: FormatId;
  /** For row-values-mismatch: how many figures the row holds, and how many columns the table has. */
  found?: number;
  expected?: number;
  /** For row-values-mismatch gathered per table: each row declined. */
  rows?: { label: string; found: number; cell: string }[];
}

export interface Recognition {
  tables: RecognizedTable[];
  problems: RecognitionProblem[];
}
