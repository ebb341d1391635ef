import type { Workbook } from '../core/grid';
import type { PlannedWrite, Severity } from '../core/types';

/**
 * What a task pane needs from the Office application it runs in. Each host (Excel now, Word in
 * issue 6) implements the part that applies to it; only src/excel and src/word call `Excel.run` /
 * `Word.run`. Hosts report limitations as codes, never as wording: the pane phrases them.
 */
export type HostKind = 'excel' | 'word';

export type HostNotice =
  /** An API set the feature needs is missing; the feature is off or degraded. */
  | { code: 'requirement-missing'; feature: 'read' | 'bulk-fill' | 'merges' | 'multi-select'; set: string; version: string }
  /** Writes (highlights, totals) are refused on a protected sheet. */
  | { code: 'sheet-protected'; sheet: string }
  /** The used range is over the per-request payload limit; only the first rows were read. */
  | { code: 'range-clipped'; sheet: string; rowsRead: number; rowsTotal: number }
  /** A highlighted cell was recoloured by the user since; their colour is kept. */
  | { code: 'highlight-changed-by-user'; cells: string[] }
  /** A planned or undone total was skipped because the cell changed since it was planned. */
  | { code: 'cell-changed'; cells: string[] }
  /** A cell now holds a formula, so a total is not written there. */
  | { code: 'formula-kept'; cells: string[] };

/** Key-value storage inside the open document (Office document settings): travels with the file. */
export interface DocumentStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Persists pending changes into the document (written to disk on the user's next save). */
  save(): Promise<void>;
}

/** One cell to highlight, with the most severe finding it takes part in. */
export interface CellMark {
  cell: string;
  severity: Severity;
}

export interface HighlightOutcome {
  marked: number;
  restored: number;
  notices: HostNotice[];
}

export interface TotalsOutcome {
  written: string[];
  notices: HostNotice[];
}

export interface ReadOutcome {
  workbook: Workbook;
  notices: HostNotice[];
}

export interface SpreadsheetHost {
  readonly kind: 'excel';
  readonly store: DocumentStore;
  /** Reads every sheet's used range: values, display text, formulas, merges, protection. */
  readWorkbook(): Promise<ReadOutcome>;
  /** Restores earlier highlights, then marks these cells; original fills are remembered in the document. */
  highlight(marks: CellMark[]): Promise<HighlightOutcome>;
  /** Restores every remembered original fill. */
  clearHighlights(): Promise<HighlightOutcome>;
  /** Activates the sheet and selects the cells (Excel scrolls them into view). */
  selectCells(refs: string[]): Promise<void>;
  /** Writes planned totals, re-checking each cell first; remembers what it replaced for undo. */
  applyTotals(writes: PlannedWrite[]): Promise<TotalsOutcome>;
  /** Puts back what the last applyTotals replaced, where the cell still holds the written total. */
  undoTotals(): Promise<TotalsOutcome>;
  hasTotalsUndo(): boolean;
}

export interface DocumentHost {
  readonly kind: 'word';
  readonly store: DocumentStore;
}

export type HostAdapter = SpreadsheetHost | DocumentHost;
