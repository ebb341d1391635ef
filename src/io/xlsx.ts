import ExcelJS from 'exceljs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { type Cell, CELL_FILLS, type CellValue, type MergeArea, parseCellRef, type Severity, type Sheet, type Workbook } from '../core';
import { engineLimitError, type InputError, InputTooLargeError, UnreadableInputError, UnsupportedInputError } from './errors';
import { ioMessages } from './messages';
import { isOle, oleKind } from './ole';
import { entryText, inspectPackage, isZip, type EntrySink, type PackageEntry, type PackageIndex } from './package';
import { applySplices, elementSpans, XmlSyntaxError } from './xml';

/** Highlight colours by severity, the same in the annotated copy (xlsxPatch/) and in the task pane. */
/** The severity fills as OOXML ARGB (opaque). */
export const SEVERITY_FILLS = Object.fromEntries(Object.entries(CELL_FILLS).map(([s, hex]) => [s, `FF${hex.slice(1)}`])) as Record<Severity, string>;

/**
 * Most uncompressed bytes a workbook package may hold, every entry counted (exceljs inflates them all,
 * pictures included).
 */
export const MAX_PACKAGE_MB = 100;

/**
 * Most objects exceljs may be asked to build: cells and rows, every cell of a merged area (exceljs makes
 * each one), columns, names' cells and the elements of the other parts it models. exceljs holds about
 * 1 KB per cell, so this keeps a workbook under a few hundred MB of memory; a statistics table is a few
 * hundred cells.
 */
export const MAX_CELLS = 300_000;

/**
 * Most bytes of the XML exceljs turns into objects (sheets, shared strings, styles, drawings, notes):
 * it holds a part as one string while parsing it, and its text again in the objects, so one long string
 * in a cell costs several times its size. The sheets of a statistics workbook are well under 1 MB.
 */
export const MAX_MODELLED_XML_MB = 40;

/**
 * Parts exceljs reads whole but models nothing of for checking (pictures, embedded files, custom XML):
 * beyond this many bytes in all, they are emptied in what exceljs is given, so a large picture costs
 * no memory there.
 */
const UNMODELLED_BYTES_KEPT = 1024 * 1024;

/**
 * exceljs also makes one entry per cell a data validation (a drop-down list) covers: one on a whole column
 * is a million. They change no value, so beyond this many cells they are left out of what exceljs reads.
 */
const VALIDATION_CELLS_KEPT = 10_000;

type ExcelValue = ExcelJS.CellValue;

function plainValue(value: ExcelValue): { value: CellValue } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('richText' in value) return { value: (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
    if ('error' in value) return { value: String((value as ExcelJS.CellErrorValue).error) };
    if ('text' in value) return { value: String((value as { text: unknown }).text) };
  }
  return { value: String(value) };
}

/** What the scan of a sheet's XML knows that exceljs does not keep. */
interface SheetHints {
  /** Formula cells with no cached result at all (exceljs reads them as it reads a result of ""). */
  uncalculated: Set<string>;
  /** Numbers beyond exact arithmetic, as their digits were written (exceljs keeps only the rounded double). */
  digits: Map<string, string>;
}

/** Hints per workbook, by exceljs's sheet id; set by loadWorkbook. */
const HINTS = new WeakMap<ExcelJS.Workbook, Map<number, SheetHints>>();

function cellOf(cell: ExcelJS.Cell, hints: SheetHints | undefined): Cell | undefined {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const formula = `=${cell.formula ?? ''}`;
    // cell.value drops a falsy result (a total of 0, FALSE, ""); cell.result is what the file holds.
    const result = cell.result as ExcelValue | undefined;
    if (result === undefined && hints?.uncalculated.has(cell.address)) return { value: null, formula, uncalculated: true };
    return { ...plainValue(result ?? null), formula };
  }
  const { value } = plainValue(cell.value);
  if (value === null) return undefined;
  const digits = hints?.digits.get(cell.address);
  return digits !== undefined ? { value, text: digits } : { value };
}

function toSheet(ws: ExcelJS.Worksheet, hints: SheetHints | undefined): Sheet {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A covered cell of a merged area reads as its top-left cell through the merge list.
      if (cell.isMerged && cell.master !== cell) return;
      const read = cellOf(cell, hints);
      if (read) cells[colNumber - 1] = read;
    });
    rows[rowNumber - 1] = cells;
  });
  const merges: MergeArea[] = (ws.model.merges ?? []).map((range: string) => {
    const [from, to] = range.split(':');
    const a = parseAddress(from)!;
    const b = parseAddress(to ?? from)!;
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
  return { name: ws.name, rows, merges, protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet };
}

/**
 * Reads a workbook package into exceljs after checking it can be read safely and truthfully: an OLE file
 * is named for what it is (encrypted, .xls, .doc); the package is inspected (sizes, names, duplicate
 * parts); its XML is scanned for what exceljs would build (cells, merged areas, names' cells) and held to
 * MAX_CELLS; every sheet Excel would show must be one exceljs reads.
 */
export async function loadWorkbook(data: Uint8Array | ArrayBuffer, file: string): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (isOle(bytes)) throw oleError(oleKind(bytes), file);
  if (!isZip(bytes)) throw new UnreadableInputError(ioMessages.corruptXlsx(file));
  const scan = new WorkbookScan(file);
  let index: PackageIndex;
  try {
    index = await inspectPackage(bytes, file, {
      corrupt: ioMessages.corruptXlsx,
      tooLarge: ioMessages.workbookTooLarge,
      maxBytes: MAX_PACKAGE_MB * 1024 * 1024,
      sinkFor: (entry) => scan.sinkFor(entry),
      // Sizes are known (and held to) before anything is inflated: the XML exceljs models is limited first.
      beforeInflating: (entries) => {
        const modelled = entries.filter((e) => roleOf(e.name) !== 'unparsed').reduce((sum, e) => sum + e.size, 0);
        if (modelled > MAX_MODELLED_XML_MB * 1024 * 1024) throw new InputTooLargeError(ioMessages.workbookXmlTooLarge(file, Math.ceil(modelled / 1024 / 1024), MAX_MODELLED_XML_MB));
      },
    });
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new UnreadableInputError(ioMessages.corruptXlsx(file));
    throw err;
  }
  if (index.get('word/document.xml') && !index.get('xl/workbook.xml')) throw new UnsupportedInputError(ioMessages.documentNotWorkbook(file));
  const sheetParts = scan.finish();
  const unmodelled = index.entries.filter((e) => roleOf(e.name) === 'unparsed' && e.size > 0);
  const emptied = unmodelled.reduce((sum, e) => sum + e.size, 0) > UNMODELLED_BYTES_KEPT ? unmodelled : [];
  const forExcelJS = scan.stripped.size || emptied.length ? await repackedForExcelJS(bytes, index, scan.stripped, emptied, file) : bytes;

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(forExcelJS as unknown as ArrayBuffer);
  } catch (err) {
    throw engineLimitError(err, file) ?? new UnreadableInputError(ioMessages.corruptXlsx(file));
  }
  const hints = new Map<number, SheetHints>();
  for (const { id, part } of sheetParts) {
    const h = scan.hints.get(part);
    if (h) hints.set(id, h);
  }
  HINTS.set(wb, hints);
  return wb;
}

function oleError(kind: ReturnType<typeof oleKind>, file: string): InputError {
  switch (kind) {
    case 'encrypted':
      return new UnreadableInputError(ioMessages.encryptedXlsx(file));
    case 'xls':
      return new UnsupportedInputError(ioMessages.xlsRenamed(file));
    case 'doc':
      return new UnsupportedInputError(ioMessages.oleNotWorkbook(file, ioMessages.oleNames.doc));
    case 'ppt':
      return new UnsupportedInputError(ioMessages.oleNotWorkbook(file, ioMessages.oleNames.ppt));
    default:
      return new UnsupportedInputError(ioMessages.oleNotWorkbook(file, ioMessages.oleNames.other));
  }
}

/**
 * The package as exceljs is given it when it would cost too much as it is: the named sheets without their
 * data validations, and the parts it models nothing of emptied. Every other entry keeps its compressed
 * bytes (JSZip copies them).
 */
async function repackedForExcelJS(bytes: Uint8Array, index: PackageIndex, withoutValidations: Set<string>, emptied: PackageEntry[], file: string): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  for (const part of withoutValidations) {
    const entry = index.get(part)!;
    const xml = await entryText(bytes, entry, file);
    zip.file(entry.stored, applySplices(xml, elementSpans(xml, 'dataValidations')), { createFolders: false });
  }
  for (const entry of emptied) zip.file(entry.stored, '', { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** How exceljs treats an entry, by the name it gives it (xlsx.js, load: exact names, then patterns, in this order). */
type Role = 'workbook' | 'workbook-rels' | 'worksheet' | 'modelled' | 'strings' | 'unparsed';

function roleOf(name: string): Role {
  switch (name) {
    case 'xl/workbook.xml':
      return 'workbook';
    case 'xl/_rels/workbook.xml.rels':
      return 'workbook-rels';
    case 'xl/sharedStrings.xml':
      return 'strings';
    case '_rels/.rels':
    case 'xl/styles.xml':
    case 'docProps/app.xml':
    case 'docProps/core.xml':
      return 'modelled';
  }
  if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(name)) return 'worksheet';
  if (/xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/.test(name)) return 'modelled';
  if (/xl\/theme\/([a-zA-Z0-9]+)[.]xml/.test(name) || /xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/.test(name)) return 'unparsed';
  if ([/xl\/drawings\/([a-zA-Z0-9]+)[.]xml/, /xl\/(comments\d+)[.]xml/, /xl\/tables\/(table\d+)[.]xml/, /xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/, /xl\/drawings\/(vmlDrawing\d+)[.]vml/].some((re) => re.test(name)))
    return 'modelled';
  return 'unparsed';
}

const COLUMNS = 16384;
const ROWS = 1048576;

/** Cells in "A1:C3" (or "B2"); a malformed reference counts as one, as exceljs would fail on it anyway. */
function areaOf(ref: string): number {
  const [from, to] = ref.split(':');
  const a = parseAddress(from);
  const b = parseAddress(to ?? from);
  if (!a || !b) return 1;
  const rows = Math.min(ROWS, Math.abs(b.row - a.row) + 1);
  const cols = Math.min(COLUMNS, Math.abs(b.col - a.col) + 1);
  return rows * cols;
}

/** Scans the XML exceljs will model, counting what it would build and collecting what it drops. */
class WorkbookScan {
  objects = 0;
  readonly hints = new Map<string, SheetHints>();
  /** Sheet parts whose data validations exceljs must not see. */
  readonly stripped = new Set<string>();
  private readonly worksheetParts = new Set<string>();
  private readonly sheets: { name: string; id: number; rId?: string }[] = [];
  private readonly rels = new Map<string, { type: string; target: string }>();

  constructor(private readonly file: string) {}

  /** Counts n more objects; `alone` names the cause when these n alone are over the limit. */
  private count(n: number, alone?: () => string): void {
    this.objects += n;
    if (this.objects <= MAX_CELLS) return;
    throw new InputTooLargeError(alone && n > MAX_CELLS ? alone() : ioMessages.tooManyCells(this.file, this.objects, MAX_CELLS));
  }

  sinkFor(entry: PackageEntry): EntrySink | undefined {
    const role = roleOf(entry.name);
    if (role === 'unparsed') return undefined;
    const parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
    const decoder = new TextDecoder('utf-8');
    let depth = 0;
    parser.on('error', (err) => {
      throw new XmlSyntaxError(err.message);
    });
    const handlers = this.handlersFor(role, entry);
    parser.on('opentag', (tag) => {
      // exceljs matches element names exactly: a part written with a namespace prefix reads as empty there.
      if (depth++ === 0 && tag.name.includes(':') && role !== 'modelled') throw new UnsupportedInputError(ioMessages.prefixedPart(this.file, entry.name));
      handlers.open(tag);
      if (tag.isSelfClosing) {
        depth--;
        handlers.close(tag.name);
      }
    });
    parser.on('closetag', (tag) => {
      if (tag.isSelfClosing) return;
      depth--;
      handlers.close(tag.name);
    });
    parser.on('text', (text) => handlers.text?.(text));
    parser.on('cdata', (text) => handlers.text?.(text));
    return {
      write: (chunk) => void parser.write(decoder.decode(chunk, { stream: true })),
      end: () => {
        parser.write(decoder.decode()).close();
        handlers.end?.();
      },
    };
  }

  private handlersFor(role: Role, entry: PackageEntry): { open: (tag: SaxesTagPlain) => void; close: (name: string) => void; text?: (t: string) => void; end?: () => void } {
    if (role === 'worksheet') return this.worksheetHandlers(entry.name);
    if (role === 'workbook') {
      let definedName: string | undefined;
      return {
        open: (tag) => {
          this.count(1);
          if (tag.name === 'sheet') this.sheets.push({ name: tag.attributes.name ?? '', id: Number.parseInt(tag.attributes.sheetId ?? '', 10), rId: tag.attributes['r:id'] });
          if (tag.name === 'definedName') definedName = '';
        },
        text: (t) => {
          if (definedName !== undefined && definedName.length < 10_000) definedName += t;
        },
        close: (name) => {
          if (name !== 'definedName' || definedName === undefined) return;
          // exceljs makes an entry for every cell of a name's range ($A$1:$XFD$1048576 is 17 billion).
          for (const m of definedName.matchAll(/[$]([A-Za-z]+)[$](\d+)(?::[$]([A-Za-z]+)[$](\d+))?/g)) this.count(areaOf(m[0]));
          definedName = undefined;
        },
      };
    }
    if (role === 'workbook-rels') {
      return {
        open: (tag) => {
          this.count(1);
          if (tag.name === 'Relationship') this.rels.set(tag.attributes.Id ?? '', { type: tag.attributes.Type ?? '', target: tag.attributes.Target ?? '' });
        },
        close: () => undefined,
      };
    }
    return { open: () => this.count(1), close: () => undefined };
  }

  private worksheetHandlers(part: string) {
    const hints: SheetHints = { uncalculated: new Set(), digits: new Map() };
    this.hints.set(part, hints);
    this.worksheetParts.add(part);
    let cell: { ref?: string; type?: string; formula: boolean; value: boolean; digits: string } | undefined;
    let inValue = false;
    let validated = 0;
    return {
      open: (tag: SaxesTagPlain) => {
        const name = tag.name;
        // What a cell holds (its value, formula, inline string and its runs) is part of that one cell.
        if (cell) {
          if (name === 'f') cell.formula = true;
          if (name === 'v') {
            cell.value = true;
            inValue = !tag.isSelfClosing;
          }
          return;
        }
        if (name === 'c') cell = { ref: tag.attributes.r, type: tag.attributes.t, formula: false, value: false, digits: '' };
        this.count(1);
        if (name === 'mergeCell') {
          const ref = tag.attributes.ref ?? '';
          this.count(areaOf(ref), () => ioMessages.mergeTooLarge(this.file, ref, areaOf(ref)));
        } else if (name === 'col') {
          const min = Number(tag.attributes.min);
          const max = Number(tag.attributes.max);
          if (Number.isInteger(min) && Number.isInteger(max) && max >= min) this.count(Math.min(COLUMNS, max - min + 1) - 1);
        } else if (name === 'dataValidation') {
          for (const ref of (tag.attributes.sqref ?? '').split(/\s+/).filter(Boolean)) validated += areaOf(ref);
        }
      },
      text: (t: string) => {
        if (inValue && cell && cell.digits.length < 1000) cell.digits += t;
      },
      close: (name: string) => {
        if (name === 'v') inValue = false;
        if (name !== 'c' || !cell) return;
        if (cell.ref) {
          if (cell.formula && !cell.value) hints.uncalculated.add(cell.ref);
          const digits = cell.digits.trim();
          if (cell.value && (cell.type === undefined || cell.type === 'n') && /^[+-]?\d+(\.\d+)?$/.test(digits) && !Number.isSafeInteger(Math.trunc(Number(digits)))) hints.digits.set(cell.ref, digits);
        }
        cell = undefined;
      },
      end: () => {
        if (validated > VALIDATION_CELLS_KEPT) this.stripped.add(part);
        else this.count(validated);
      },
    };
  }

  /**
   * Every worksheet the workbook lists must be a part exceljs reads, found the way Excel finds it;
   * returns each sheet's id and part.
   */
  finish(): { id: number; part: string }[] {
    const parts: { id: number; part: string }[] = [];
    for (const sheet of this.sheets) {
      const rel = sheet.rId !== undefined ? this.rels.get(sheet.rId) : undefined;
      if (rel && !/\/worksheet$/.test(rel.type)) continue; // a chart sheet or a macro sheet: no cells to check
      // exceljs: "xl/" + the target without a leading "/xl/"; Excel: the target resolved against /xl/.
      const exceljsPart = rel ? `xl/${rel.target.replace(/^(\s|\/xl\/)+/, '')}` : undefined;
      if (!rel || exceljsPart !== resolveTarget('xl', rel.target) || !this.worksheetParts.has(exceljsPart)) {
        throw new UnsupportedInputError(ioMessages.sheetNotReadable(this.file, sheet.name, rel?.target ?? ''));
      }
      parts.push({ id: sheet.id, part: exceljsPart });
    }
    return parts;
  }
}

/** A cell address as a part writes it ("B7", "$B$7") as a 0-based row and column; null when it is not one. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const pos = parseCellRef(`x!${address.replace(/\$/g, '').toUpperCase()}`);
  return pos && { row: pos.row, col: pos.col };
}

/** Resolves a relationship target against the folder of the part that owns it, as a package does. */
export function resolveTarget(ownerDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerDir.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export function workbookToGrid(wb: ExcelJS.Workbook): Workbook {
  const hints = HINTS.get(wb);
  return { sheets: wb.worksheets.map((ws) => toSheet(ws, hints?.get(ws.id))) };
}

/** Builds an .xlsx workbook from the grid model (samples, tests and benchmarks write through this). */
export function gridToWorkbook(grid: Workbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, r) =>
      cells?.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = cell.formula
          ? ({ formula: cell.formula.replace(/^=/, ''), result: cell.value ?? undefined } as ExcelJS.CellFormulaValue)
          : cell.value;
      }),
    );
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    if (sheet.protected) void ws.protect('', {});
  }
  return wb;
}
