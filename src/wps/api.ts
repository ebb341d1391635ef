/**
 * The part of WPS's JavaScript object model (WPS加载项: the VBA/COM object model, reached through
 * `window.Application` in an add-in's pages) that the hosts use, typed by what they rely on. Indices are
 * 1-based, as in COM; a multi-cell range's Value2 and Formula are 2-D arrays, a single cell's a scalar; a
 * property that differs across a range (Interior.Color, MergeCells) reads null. Every call is synchronous.
 */

export interface WpsCollection<T> {
  readonly Count: number;
  Item(index: number): T;
}

export interface WpsDocumentProperty {
  readonly Name: string;
  readonly Value: unknown;
  Delete(): void;
}

/** Workbook.CustomDocumentProperties / Document.CustomDocumentProperties (文件 → 属性 → 自定义). */
export interface WpsDocumentProperties extends WpsCollection<WpsDocumentProperty> {
  /** Type 4 is msoPropertyTypeString; a string value holds at most 255 characters. */
  Add(name: string, linkToContent: boolean, type: number, value: unknown): WpsDocumentProperty;
}

// ---- WPS 表格 (ET) ----

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
}

export interface EtWorkbook {
  /** The file's path (its name alone before it is first saved). */
  readonly FullName: string;
  readonly Name: string;
  readonly Worksheets: EtWorksheets;
  readonly CustomDocumentProperties: WpsDocumentProperties;
  /** 审阅 → 保护工作簿: no sheet can be added. */
  readonly ProtectStructure: boolean;
}

export interface EtWorksheets extends WpsCollection<EtWorksheet> {
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorksheet {
  Name: string;
  /** 审阅 → 保护工作表: writes to locked cells fail. */
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  /** An A1 address; several areas joined by commas, at most 255 characters in all. */
  Range(address: string): EtRange;
  Activate(): void;
}

export interface EtInterior {
  /** BGR as a number (VBA's RGB()); null when the cells differ. */
  Color: number | null;
  /** XlPattern: -4142 is xlNone ("no fill"), 1 xlSolid, 4000/4001 gradients. */
  Pattern: number | null;
  PatternColor: number | null;
  TintAndShade: number | null;
  PatternTintAndShade: number | null;
}

export interface EtRange {
  /** 1-based. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  Value2: unknown;
  Formula: unknown;
  NumberFormat: string | null;
  /** true when every cell is merged, false when none is, null when mixed. */
  readonly MergeCells: boolean | null;
  /** Of a single cell: the merged area it belongs to (the cell itself when not merged). */
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  readonly Font: { Bold: boolean | null; Size: number | null };
  readonly Borders: { LineStyle: number | null; Color: number | null };
  HorizontalAlignment: number | null;
  VerticalAlignment: number | null;
  WrapText: boolean | null;
  ColumnWidth: number | null;
  RowHeight: number | null;
  Merge(across?: boolean): void;
  Select(): void;
}

// ---- WPS 文字 ----

export interface WpsApplication {
  readonly ActiveDocument: WpsDocument | null;
  readonly Selection: { readonly Range: WpsRange };
}

export interface WpsDocument {
  readonly FullName: string;
  readonly Name: string;
  readonly Content: WpsRange;
  readonly Paragraphs: WpsCollection<{ readonly Range: WpsRange }>;
  readonly Bookmarks: WpsBookmarks;
  readonly CustomDocumentProperties: WpsDocumentProperties;
  Range(start: number, end: number): WpsRange;
}

export interface WpsBookmarks {
  Exists(name: string): boolean;
  Item(name: string): { readonly Range: WpsRange; Delete(): void };
  Add(name: string, range: WpsRange): unknown;
}

export interface WpsRange {
  readonly Start: number;
  readonly End: number;
  readonly Text: string;
  /** The range as a flat Office Open XML package (pkg:package). */
  readonly WordOpenXML: string;
  /** Replaces the range's content with the flat OPC package's paragraphs and tables. */
  InsertXML(xml: string): void;
  /** WdColorIndex: 0 none, 7 yellow, 6 red, 4 bright green, 3 turquoise, 5 pink … */
  HighlightColorIndex: number;
  readonly Paragraphs: WpsCollection<{ readonly Range: WpsRange }>;
  /** wdWithInTable (12): whether the range is in a table. */
  Information(type: number): unknown;
  /** Adds an empty paragraph after the range, which grows to include it. */
  InsertParagraphAfter(): void;
  Select(): void;
}

/** What a WPS add-in page finds on `window`. */
export interface WpsWindow {
  Application?: unknown;
}
