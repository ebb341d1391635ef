import type { BlankTemplate, NarrativeBlock, PlannedWrite, Severity, TableBlock, Workbook } from '../core';

/**
 * What a task pane needs from the office application it runs in. Each host (Excel, Word, and WPS 表格 and
 * WPS 文字 in src/wps) implements the part that applies to it; only src/excel and src/word call `Excel.run` /
 * `Word.run`, only src/wps WPS's object model. Hosts report limitations as codes, never as wording: the
 * pane phrases them.
 */
export type HostKind = 'excel' | 'word';

export type HostNotice =
  /** An API set the feature needs is missing; the feature is off or degraded. */
  | { code: 'requirement-missing'; feature: 'read' | 'bulk-fill' | 'merges' | 'multi-select'; set: string; version: string }
  /** Writes (highlights, totals) are refused on a protected sheet. */
  | { code: 'sheet-protected'; sheet: string }
  /** The used range is larger than the pane reads (a stray value far down the sheet); only the first rows were read. */
  | { code: 'range-clipped'; sheet: string; rowsRead: number; rowsTotal: number }
  /** These rows' merged areas could not be read (more than 512 in too few rows): their merged labels are read from the top-left cell. */
  | { code: 'merges-unread'; sheet: string; firstRow: number; lastRow: number }
  /** A highlighted cell was recoloured by the user since; their colour is kept. */
  | { code: 'highlight-changed-by-user'; cells: string[] }
  /** Cells with a gradient fill are not marked: RangeFill cannot set a gradient back. */
  | { code: 'gradient-kept'; cells: string[] }
  /** Sheets renamed or deleted since they were marked: their remembered fills are dropped. */
  | { code: 'highlight-sheet-missing'; sheets: string[] }
  /** So many cells that remembering their fills would outgrow the document's settings: none marked. */
  | { code: 'too-many-marks'; cells: number }
  /** A planned or undone total was skipped because the cell changed since it was planned. */
  | { code: 'cell-changed'; cells: string[] }
  /** A cell now holds a formula, so a total is not written there. */
  | { code: 'formula-kept'; cells: string[] }
  /** A write that failed part way: the cells that did not receive their value (those written are in `written`). */
  | { code: 'write-incomplete'; cells: string[] }
  /** The workbook's structure is protected: no sheet can be added. */
  | { code: 'workbook-protected' };

/** Key-value storage inside the open document (Office document settings): travels with the file. */
export interface DocumentStore {
  get<T>(key: string): T | undefined;
  /** Throws DocumentStoreFull, changing nothing, when the value would take the store over its budget. */
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Whether `value` under `key` keeps everything stored within the budget: check before changing the document. */
  fits(key: string, value: unknown): boolean;
  /** Persists pending changes into the document (written to disk on the user's next save). */
  save(): Promise<void>;
}

/** Keys under which the add-in keeps its data in the document. Versioned so a format change can migrate. */
export const STORE_KEYS = {
  facts: 'nianbao.facts.v1',
  acknowledgements: 'nianbao.acknowledgements.v1',
  /** The original fill of every marked cell, compactly (highlight.ts); v1 is read once and replaced. */
  highlights: 'nianbao.highlights.v2',
  highlightsV1: 'nianbao.highlights.v1',
  totalsUndo: 'nianbao.totalsUndo.v1',
  /** Word: sentences highlighted by proofreading, with their original highlight. */
  sentenceMarks: 'nianbao.sentenceMarks.v1',
  /** Word: the text of each inserted narrative part, to tell whether the user edited it since. */
  insertedText: 'nianbao.insertedText.v1',
} as const;

/** What the add-in stores would outgrow what Office keeps reliably in a document's settings. */
export class DocumentStoreFull extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`document settings would hold ${bytes} bytes, over the ${limit} kept`);
  }
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

export interface TemplateOutcome {
  /** The sheet the blank template went on, or null when none could be added. */
  sheet: string | null;
  notices: HostNotice[];
}

export interface SpreadsheetHost {
  readonly kind: 'excel';
  /** Whose spreadsheet: Microsoft Excel (Office.js) or WPS 表格 (WPS's own JS add-ins). */
  readonly app: 'office' | 'wps';
  readonly store: DocumentStore;
  /**
   * Whether a download link saves a file here. Office on Mac runs the pane in WKWebView, where a
   * download link does nothing at all, without an error (office-js #2700, #3385, #4681). WPS's task pane
   * is an embedded Chromium with no download handling documented: the pane offers copying there too.
   */
  readonly canDownload: boolean;
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
  /**
   * Adds a new sheet named `sheetName` (or `sheetName (2)`, … when taken) and writes the blank template
   * there: never on a sheet the user has.
   */
  insertBlankTemplate(template: BlankTemplate, sheetName: string): Promise<TemplateOutcome>;
}

/** What a document host reports instead of failing; the pane phrases these. */
export type DocumentNotice =
  /** Sentences that could not be found in the document any more (edited since they were read). */
  | { code: 'sentence-not-found'; sentences: string[] }
  /** Sentences left as they are: highlighted by the user in several colours, or recoloured since marked. */
  | { code: 'highlight-kept'; sentences: string[] }
  /** Inserted without content controls (the API set is missing): a second insert adds a second copy. */
  | { code: 'not-replaceable'; set: string; version: string }
  /** Neither content controls nor Office Open XML: nothing was inserted. */
  | { code: 'insert-unsupported'; set: string; version: string };

/** A sentence of the document to mark or select: its paragraph, its offset there and its text. */
export interface SentenceRef {
  paragraph: number;
  offset: number;
  text: string;
}

export interface SentenceMark extends SentenceRef {
  severity: Severity;
}

export interface InsertOutcome {
  inserted: string[];
  replaced: string[];
  /** Parts the user edited since they were inserted: left alone unless replacing edits was confirmed. */
  edited: string[];
  notices: DocumentNotice[];
}

export interface MarkOutcome {
  marked: number;
  restored: number;
  notices: DocumentNotice[];
}

export interface DocumentContent {
  /** Every paragraph's text, in order; paragraphs inside tables are empty strings (their text is in `tables`). */
  paragraphs: string[];
  /** The document's tables (tables 二, 三, 四 of a report) as a grid for the engine. */
  tables: Workbook;
}

export interface DocumentHost {
  readonly kind: 'word';
  readonly store: DocumentStore;
  /** Reads the paragraphs (for proofreading) and the tables (for figures) in one go. */
  readDocument(): Promise<DocumentContent>;
  /**
   * Inserts or replaces narrative parts and tables (merged cells kept) at the cursor in 公文 style, each in
   * its own tagged content control; edited parts need `replaceEdited`.
   */
  insertBlocks(blocks: (NarrativeBlock | TableBlock)[], options?: { replaceEdited?: boolean }): Promise<InsertOutcome>;
  /** Restores earlier marks, then highlights these sentences; original highlights are remembered in the document. */
  markSentences(marks: SentenceMark[]): Promise<MarkOutcome>;
  /** Restores every remembered original highlight. */
  clearMarks(): Promise<MarkOutcome>;
  /** Selects the sentence (Word scrolls it into view). */
  selectSentence(sentence: SentenceRef): Promise<boolean>;
}

export type HostAdapter = SpreadsheetHost | DocumentHost;
