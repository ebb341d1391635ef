/**
 * A recording fake of the Office.js Excel API subset the adapter uses, faithful where it matters for
 * the tests: properties throw until loaded and synced, writes apply only at sync, a protected sheet
 * rejects writes, and every sync, write and selection is logged. It also models what real Excel does
 * and a naive fake would hide:
 * - Excel on the web rejects a request or a response over 5 MB (RequestPayloadSizeLimitExceeded /
 *   ResponsePayloadSizeLimitExceeded, learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization);
 * - getMergedAreasOrNullObject fails on a range with more than 512 merged areas (its reference page),
 *   and returns only the areas whose top-left cell lies in the range (office-js #3611);
 * - "no fill" reads as #FFFFFF with pattern null, like solid white; only tintAndShade (null) tells them
 *   apart (office-js #6218, #4900); gradients cannot be set through RangeFill;
 * - anything asked of a sheet that no longer exists (renamed, deleted) fails the whole sync, as
 *   getItem would (an *OrNullObject proxy may only be asked whether it is null);
 * - methods of an API set the host lacks fail at sync (ApiNotFound);
 * - document settings over 2 MB are not saved (Office.Settings reference; office-js #621, #3957).
 *
 * Self-contained on purpose (no imports): the browser test transpiles this file and injects it into
 * the page before the task pane's bundle loads.
 */

export interface FakeCell {
  value: string | number | boolean | null;
  text?: string;
  formula?: string;
}

/** A fill as the user made it. pattern 'None' is "no fill"; the gradients are Excel's fill effects. */
export interface FakeFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface FakeSheetInput {
  name: string;
  rows: (FakeCell | null | undefined)[][];
  merges?: { top: number; left: number; bottom: number; right: number }[];
  protected?: boolean;
  /** Original fills by A1 address, e.g. { C9: { color: '#00B050', pattern: 'Solid' } }. */
  fills?: Record<string, FakeFill>;
}

export interface FakeOptions {
  /** Highest version supported per API set, e.g. { ExcelApi: '1.13' }. */
  apiSets?: Record<string, string>;
  platform?: 'PC' | 'OfficeOnline' | 'Mac';
  /** Document settings as saved in the file (to reopen a workbook). */
  settings?: Record<string, unknown>;
  /** Makes sync number `at` (counting from 1) fail after applying its first `after` queued operations, as a dropped connection would. */
  failSync?: { at: number; after: number };
  /** The per-request and per-response limit; 5 MB on the web, none on the desktop unless given. */
  payloadLimitBytes?: number;
  /** The workbook's structure is protected (审阅 → 保护工作簿): no sheet can be added. */
  structureProtected?: boolean;
}

export interface FakeOperation {
  sync: number;
  kind: 'fill' | 'fill-clear' | 'values' | 'select' | 'activate' | 'add-sheet' | 'merge' | 'format' | 'formulas' | 'number-format';
  sheet: string;
  address: string;
  value?: unknown;
}

interface SheetState {
  name: string;
  cells: Map<string, FakeCell>;
  fills: Map<string, FakeFill>;
  merges: { top: number; left: number; bottom: number; right: number }[];
  protected: boolean;
  /** Formats set through the pane, per cell ("row,col"): numberFormat, font.bold, borders.EdgeTop, … */
  formats: Map<string, Record<string, unknown>>;
  /** Column widths and row heights set through the pane, in points. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
}

interface Bounds {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const NO_FILL: FakeFill = { color: '#FFFFFF', pattern: 'None' };
const GRADIENTS = ['LinearGradient', 'RectangularGradient'];
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const SETTINGS_LIMIT = 2 * 1024 * 1024;
/** A worksheet's grid: 1,048,576 rows by 16,384 columns (A to XFD). */
const GRID_ROWS = 1_048_576;
const GRID_COLUMNS = 16_384;
/** getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512, then this method will fail". */
const MERGED_AREAS_LIMIT = 512;
/** What a queued operation costs in the request beyond its arguments (object path, method, ids). */
const OPERATION_OVERHEAD = 64;

/** An error as Office.js raises it: OfficeExtension.Error carries a code. */
class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/**
 * A payload's size as JSON with every non-ASCII character escaped (\uXXXX, six bytes): how Excel counts
 * is not documented, and this is the larger of the plausible counts.
 */
export function payloadBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) bytes += 5;
  return bytes;
}

function letters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cellAddress(row: number, col: number): string {
  return `${letters(col)}${row + 1}`;
}

function boundsAddress(b: Bounds): string {
  const first = cellAddress(b.top, b.left);
  return b.rows === 1 && b.cols === 1 ? first : `${first}:${cellAddress(b.top + b.rows - 1, b.left + b.cols - 1)}`;
}

function parsePart(part: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(part.trim());
  if (!m) throw new FakeOfficeError('InvalidArgument', `bad address ${part}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function parseBounds(address: string): Bounds {
  const [a, b] = address.split(':');
  const start = parsePart(a);
  const end = b ? parsePart(b) : start;
  return { top: start.row, left: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A fill as stored: "no fill" is no entry; every other fill has all its parts (Excel's defaults where not given). */
function stored(fill: FakeFill): FakeFill | null {
  if (fill.pattern === 'None') return null;
  return { color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor ?? '#000000', tintAndShade: fill.tintAndShade ?? 0, patternTintAndShade: fill.patternTintAndShade ?? 0 };
}

/** What getCellProperties reports for a fill (office-js #4900, #6218): "no fill" and solid fills both read pattern null. */
function reportedFill(fill: FakeFill) {
  if (fill.pattern === 'None') return { color: '#FFFFFF', pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null };
  return {
    color: fill.color,
    pattern: fill.pattern === 'Solid' ? null : fill.pattern,
    patternColor: fill.patternColor ?? '#000000',
    tintAndShade: fill.tintAndShade ?? 0,
    patternTintAndShade: fill.patternTintAndShade ?? 0,
  };
}

export function createFakeExcel(input: { sheets: FakeSheetInput[] }, options: FakeOptions = {}) {
  const sheets: SheetState[] = input.sheets.map((s) => {
    const cells = new Map<string, FakeCell>();
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell && (cell.formula || (cell.value !== null && cell.value !== ''))) cells.set(`${r},${c}`, { ...cell });
      }),
    );
    const fills = new Map<string, FakeFill>();
    for (const [address, fill] of Object.entries(s.fills ?? {})) {
      const p = parsePart(address);
      const kept = stored(fill);
      if (kept) fills.set(`${p.row},${p.col}`, kept);
    }
    return { name: s.name, cells, fills, merges: s.merges ?? [], protected: Boolean(s.protected), formats: new Map(), columnWidths: new Map(), rowHeights: new Map() };
  });
  const apiSets = options.apiSets ?? { ExcelApi: '1.13' };
  const payloadLimit = options.payloadLimitBytes ?? (options.platform === 'OfficeOnline' ? WEB_PAYLOAD_LIMIT : Infinity);
  const log = { syncs: 0, operations: [] as FakeOperation[], runs: 0, payloads: [] as { request: number; response: number }[] };

  const findSheet = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const supports = (set: string, version: string) => set in apiSets && compareVersions(apiSets[set], version) >= 0;
  const requireApi = (version: string, what: string) => {
    if (!supports('ExcelApi', version)) throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
  };

  /** One Excel.run's request context: queued operations run in order at sync. */
  function createContext() {
    let queue: { run: () => void; bytes: number }[] = [];
    let response = 0;
    const enqueue = (run: () => void, args: unknown = null) => queue.push({ run, bytes: OPERATION_OVERHEAD + payloadBytes(args) });
    const respond = (value: unknown) => (response += payloadBytes(value));
    const record = (kind: FakeOperation['kind'], sheet: string, address: string, value?: unknown) =>
      log.operations.push({ sync: log.syncs, kind, sheet, address, value });
    const sheetOrFail = (name: string) => {
      const sheet = findSheet(name);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', `the worksheet ${name} does not exist`);
      return sheet;
    };

    /** A proxy whose properties exist only after load + sync, like Office.js. */
    class ClientObject {
      protected snapshot = new Map<string, unknown>();
      protected read(prop: string): unknown {
        if (!this.snapshot.has(prop)) throw new Error(`PropertyNotLoaded: ${prop} was read before load and sync`);
        return this.snapshot.get(prop);
      }
      /** Evaluates a property now (at sync time). */
      protected resolve(_prop: string): unknown {
        throw new Error(`fake Excel: cannot load ${_prop}`);
      }
      protected hasNullState = false;
      /** Navigation properties (protection, format, areas) are reachable without a load. */
      protected navigate(prop: string): ClientObject | ClientObject[] | undefined {
        void prop;
        return undefined;
      }
      load(props: string | string[]) {
        const list = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter(Boolean);
        enqueue(() => list.forEach((path) => this.loadPath(path.split('/'))), list);
        return this;
      }
      loadPath(path: string[]): void {
        const [head, ...rest] = path;
        if (rest.length === 0) {
          const value = this.resolve(head);
          respond(value);
          this.snapshot.set(head, value);
          // Office.js fills isNullObject whenever any property of an *OrNullObject proxy is loaded.
          if (this.hasNullState) this.snapshot.set('isNullObject', this.resolve('isNullObject'));
          return;
        }
        const child = this.navigate(head);
        if (child === undefined) throw new Error(`fake Excel: no navigation property ${head}`);
        for (const item of Array.isArray(child) ? child : [child]) item.loadPath(rest);
      }
    }

    class Protection extends ClientObject {
      constructor(private sheetName: string) {
        super();
      }
      protected resolve(prop: string) {
        if (prop === 'protected') return sheetOrFail(this.sheetName).protected;
        return super.resolve(prop);
      }
      get protected() {
        return this.read('protected') as boolean;
      }
    }

    class Fill extends ClientObject {
      constructor(private range: Range) {
        super();
      }
      private write(change: Partial<FakeFill>) {
        enqueue(
          () =>
            this.range.eachCell((sheet, key, address) => {
              if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
              if (change.pattern !== undefined && GRADIENTS.includes(change.pattern)) {
                throw new FakeOfficeError('InvalidArgument', 'LinearGradient and RectangularGradient are not supported');
              }
              const current = sheet.fills.get(key) ?? NO_FILL;
              // Setting a colour on no fill, or over a gradient, makes a plain solid fill.
              const plain = current.pattern === 'None' || GRADIENTS.includes(current.pattern);
              const fill = stored(plain ? { ...change, color: change.color ?? current.color, pattern: change.pattern ?? 'Solid' } : { ...current, ...change });
              if (fill) sheet.fills.set(key, fill);
              else sheet.fills.delete(key);
              record('fill', sheet.name, address, change);
            }),
          change,
        );
      }
      protected resolve(prop: string) {
        if (prop !== 'color') return super.resolve(prop);
        let color = '';
        this.range.eachCell((sheet, key) => (color = reportedFill(sheet.fills.get(key) ?? NO_FILL).color));
        return color;
      }
      get color() {
        return this.read('color') as string;
      }
      set color(value: string) {
        this.write({ color: value });
      }
      set pattern(value: string) {
        this.write({ pattern: value });
      }
      set patternColor(value: string) {
        this.write({ patternColor: value });
      }
      set tintAndShade(value: number) {
        this.write({ tintAndShade: value });
      }
      set patternTintAndShade(value: number) {
        this.write({ patternTintAndShade: value });
      }
      clear() {
        enqueue(() =>
          this.range.eachCell((sheet, key, address) => {
            if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
            sheet.fills.delete(key);
            record('fill-clear', sheet.name, address);
          }),
        );
      }
    }

    /** Sets a format property on every cell of a range at sync (`path` names it: font.bold, borders.EdgeTop, …). */
    const setFormat = (range: Range, path: string, value: unknown) =>
      enqueue(() => {
        range.eachCell((sheet, key) => {
          if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
          sheet.formats.set(key, { ...sheet.formats.get(key), [path]: value });
        });
        record('format', range.sheetName, boundsAddress(range.bounds()!), { [path]: value });
      }, value);

    /** The writable part of RangeFormat the blank template uses: alignment, wrap, width, font, borders. */
    class Format {
      readonly font: { bold?: boolean; size?: number };
      readonly borders: { getItem(side: string): { style?: string; color?: string } };
      constructor(
        private range: Range,
        readonly fill: Fill,
      ) {
        const styled = (prefix: string) =>
          new Proxy({} as Record<string, unknown>, {
            set: (_t, prop, value) => {
              setFormat(range, `${prefix}${String(prop)}`, value);
              return true;
            },
          });
        this.font = styled('font.');
        this.borders = { getItem: (side: string) => styled(`borders.${side}.`) };
      }
      set horizontalAlignment(value: string) {
        setFormat(this.range, 'horizontalAlignment', value);
      }
      set verticalAlignment(value: string) {
        setFormat(this.range, 'verticalAlignment', value);
      }
      set wrapText(value: boolean) {
        setFormat(this.range, 'wrapText', value);
      }
      set rowHeight(value: number) {
        enqueue(() => {
          const sheet = sheetOrFail(this.range.sheetName);
          const b = this.range.bounds()!;
          for (let r = b.top; r < b.top + b.rows; r++) sheet.rowHeights.set(r, value);
          record('format', sheet.name, boundsAddress(b), { rowHeight: value });
        }, value);
      }
      set columnWidth(value: number) {
        enqueue(() => {
          const sheet = sheetOrFail(this.range.sheetName);
          const b = this.range.bounds()!;
          for (let c = b.left; c < b.left + b.cols; c++) sheet.columnWidths.set(c, value);
          record('format', sheet.name, boundsAddress(b), { columnWidth: value });
        }, value);
      }
    }

    class Range extends ClientObject {
      readonly format: Format;
      constructor(
        readonly sheetName: string,
        /** Evaluated at sync time: a used range follows the sheet's content then. */
        readonly bounds: () => Bounds | null,
      ) {
        super();
        this.format = new Format(this, new Fill(this));
        this.hasNullState = true;
      }
      eachCell(fn: (sheet: SheetState, key: string, address: string) => void) {
        const sheet = sheetOrFail(this.sheetName);
        const b = this.bounds();
        if (!b) throw new FakeOfficeError('InvalidReference', 'the range is a null object');
        for (let r = b.top; r < b.top + b.rows; r++) {
          for (let c = b.left; c < b.left + b.cols; c++) fn(sheet, `${r},${c}`, cellAddress(r, c));
        }
      }
      private grid<T>(fn: (cell: FakeCell | undefined) => T): T[][] {
        const sheet = sheetOrFail(this.sheetName);
        const b = this.bounds()!;
        return Array.from({ length: b.rows }, (_, i) =>
          Array.from({ length: b.cols }, (_, j) => fn(sheet.cells.get(`${b.top + i},${b.left + j}`))),
        );
      }
      protected resolve(prop: string) {
        sheetOrFail(this.sheetName);
        const b = this.bounds();
        if (prop === 'isNullObject') return b === null;
        if (!b) return null;
        switch (prop) {
          case 'address':
            return `${this.sheetName}!${boundsAddress(b)}`;
          case 'rowIndex':
            return b.top;
          case 'columnIndex':
            return b.left;
          case 'rowCount':
            return b.rows;
          case 'columnCount':
            return b.cols;
          case 'values':
            return this.grid((cell) => cell?.value ?? '');
          case 'text':
            return this.grid((cell) => (cell ? (cell.text ?? String(cell.value ?? '')) : ''));
          case 'formulas':
            return this.grid((cell) => cell?.formula ?? cell?.value ?? '');
          default:
            return super.resolve(prop);
        }
      }
      get isNullObject() {
        return this.read('isNullObject') as boolean;
      }
      get address() {
        return this.read('address') as string;
      }
      get rowIndex() {
        return this.read('rowIndex') as number;
      }
      get columnIndex() {
        return this.read('columnIndex') as number;
      }
      get rowCount() {
        return this.read('rowCount') as number;
      }
      get columnCount() {
        return this.read('columnCount') as number;
      }
      get values() {
        return this.read('values') as unknown[][];
      }
      set values(rows: unknown[][]) {
        enqueue(() => {
          const sheet = sheetOrFail(this.sheetName);
          if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
          const b = this.bounds()!;
          rows.forEach((row, i) =>
            row.forEach((value, j) => {
              const key = `${b.top + i},${b.left + j}`;
              if (value === '' || value === null) sheet.cells.delete(key);
              else if (typeof value === 'string' && value.startsWith("'")) sheet.cells.set(key, { value: value.slice(1) });
              else sheet.cells.set(key, { value: value as FakeCell['value'] });
              record('values', sheet.name, cellAddress(b.top + i, b.left + j), value);
            }),
          );
        }, rows);
      }
      get text() {
        return this.read('text') as string[][];
      }
      get formulas() {
        return this.read('formulas') as unknown[][];
      }
      set formulas(rows: unknown[][]) {
        enqueue(() => {
          const sheet = sheetOrFail(this.sheetName);
          if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
          const b = this.bounds()!;
          rows.forEach((row, i) =>
            row.forEach((formula, j) => {
              const key = `${b.top + i},${b.left + j}`;
              if (typeof formula === 'string' && formula.startsWith('=')) sheet.cells.set(key, { value: 0, formula });
              else if (formula === '' || formula === null) sheet.cells.delete(key);
              else sheet.cells.set(key, { value: formula as FakeCell['value'] });
              record('formulas', sheet.name, cellAddress(b.top + i, b.left + j), formula);
            }),
          );
        }, rows);
      }
      set numberFormat(rows: unknown[][]) {
        enqueue(() => {
          const sheet = sheetOrFail(this.sheetName);
          if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
          const b = this.bounds()!;
          rows.forEach((row, i) => row.forEach((format, j) => sheet.formats.set(`${b.top + i},${b.left + j}`, { ...sheet.formats.get(`${b.top + i},${b.left + j}`), numberFormat: format })));
          record('number-format', sheet.name, boundsAddress(b));
        }, rows);
      }
      /** Merges the range (Excel refuses a merge that overlaps another). */
      merge(across = false) {
        enqueue(() => {
          const sheet = sheetOrFail(this.sheetName);
          if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
          const b = this.bounds()!;
          if (across) throw new Error('fake Excel: merge across is not modelled');
          const m = { top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 };
          if (sheet.merges.some((o) => o.top <= m.bottom && m.top <= o.bottom && o.left <= m.right && m.left <= o.right)) {
            throw new FakeOfficeError('InvalidOperation', 'the merge overlaps a merged area');
          }
          sheet.merges.push(m);
          record('merge', sheet.name, boundsAddress(b));
        });
      }
      getResizedRange(deltaRows: number, deltaColumns: number) {
        return new Range(this.sheetName, () => {
          const b = this.bounds();
          const resized = b && { ...b, rows: b.rows + deltaRows, cols: b.cols + deltaColumns };
          if (resized && (resized.top + resized.rows > GRID_ROWS || resized.left + resized.cols > GRID_COLUMNS)) {
            throw new FakeOfficeError('InvalidArgument', 'the resized range goes past the edge of the sheet');
          }
          return resized;
        });
      }
      getCell(row: number, column: number) {
        return new Range(this.sheetName, () => {
          const b = this.bounds();
          return b && { top: b.top + row, left: b.left + column, rows: 1, cols: 1 };
        });
      }
      /** Throws ItemNotFound at sync when the ranges do not meet, as Excel does. */
      getIntersection(other: Range) {
        return new Range(this.sheetName, () => {
          const [a, b] = [this.bounds(), other.bounds()];
          if (!a || !b) throw new FakeOfficeError('InvalidReference', 'the range is a null object');
          const top = Math.max(a.top, b.top);
          const left = Math.max(a.left, b.left);
          const bottom = Math.min(a.top + a.rows, b.top + b.rows);
          const right = Math.min(a.left + a.cols, b.left + b.cols);
          if (bottom <= top || right <= left) throw new FakeOfficeError('ItemNotFound', 'the ranges do not intersect');
          return { top, left, rows: bottom - top, cols: right - left };
        });
      }
      getCellProperties(_options: unknown) {
        const result = { value: undefined as unknown };
        enqueue(() => {
          requireApi('1.9', 'getCellProperties');
          const sheet = sheetOrFail(this.sheetName);
          const b = this.bounds()!;
          result.value = Array.from({ length: b.rows }, (_, i) =>
            Array.from({ length: b.cols }, (_, j) => ({ format: { fill: reportedFill(sheet.fills.get(`${b.top + i},${b.left + j}`) ?? NO_FILL) } })),
          );
          respond(result.value);
        });
        return result;
      }
      getMergedAreasOrNullObject() {
        return new RangeAreas(this.sheetName, () => {
          requireApi('1.13', 'getMergedAreasOrNullObject');
          const b = this.bounds()!;
          const inside = (row: number, col: number) => row >= b.top && row < b.top + b.rows && col >= b.left && col < b.left + b.cols;
          // Only the areas whose top-left cell lies in the range, each whole (office-js #3611).
          const merges = sheetOrFail(this.sheetName).merges.filter((m) => inside(m.top, m.left));
          if (merges.length > MERGED_AREAS_LIMIT) throw new FakeOfficeError('GeneralException', `${merges.length} merged areas: more than ${MERGED_AREAS_LIMIT}`);
          return merges.map((m) => ({ top: m.top, left: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 }));
        });
      }
      getSpecialCellsOrNullObject(cellType: string) {
        return new RangeAreas(this.sheetName, () => {
          requireApi('1.9', 'getSpecialCellsOrNullObject');
          if (cellType !== 'Formulas') throw new Error(`fake Excel: special cells ${cellType} are not modelled`);
          const b = this.bounds()!;
          const sheet = sheetOrFail(this.sheetName);
          // Each row's runs of formula cells, joined with the same run of the row above into rectangles.
          const areas: Bounds[] = [];
          for (let r = b.top; r < b.top + b.rows; r++) {
            const runs: Bounds[] = [];
            for (let c = b.left; c < b.left + b.cols; c++) {
              if (!sheet.cells.get(`${r},${c}`)?.formula) continue;
              const last = runs[runs.length - 1];
              if (last && last.left + last.cols === c) last.cols++;
              else runs.push({ top: r, left: c, rows: 1, cols: 1 });
            }
            for (const run of runs) {
              const above = areas.find((a) => a.top + a.rows === r && a.left === run.left && a.cols === run.cols);
              if (above) above.rows++;
              else areas.push(run);
            }
          }
          return areas;
        });
      }
      select() {
        enqueue(() => record('select', this.sheetName, boundsAddress(this.bounds()!)));
      }
    }

    /** A collection proxy: `items` is reachable for loading paths such as `areas/items/rowIndex`. */
    class Items<T extends ClientObject> extends ClientObject {
      constructor(readonly items: T[]) {
        super();
      }
      protected navigate(prop: string) {
        return prop === 'items' ? this.items : undefined;
      }
    }

    /** Merged areas or special cells: evaluated once, at the first sync that loads them. */
    class RangeAreas extends ClientObject {
      private collection: Items<Range> | undefined;
      constructor(
        private sheetName: string,
        private evaluate: () => Bounds[],
      ) {
        super();
      }
      private areasNow(): Items<Range> {
        if (!this.collection) {
          const found = this.evaluate();
          this.collection = new Items(found.map((b) => new Range(this.sheetName, () => b)));
          this.snapshot.set('isNullObject', found.length === 0);
        }
        return this.collection;
      }
      protected navigate(prop: string) {
        return prop === 'areas' ? this.areasNow() : undefined;
      }
      protected resolve(prop: string) {
        if (prop === 'isNullObject') return this.areasNow().items.length === 0;
        return super.resolve(prop);
      }
      get isNullObject() {
        return this.read('isNullObject') as boolean;
      }
      get areas() {
        if (!this.collection) throw new Error('PropertyNotLoaded: areas');
        return this.collection;
      }
    }

    class Worksheet extends ClientObject {
      readonly protection: Protection;
      constructor(
        readonly lookupName: string,
        allowNull: boolean,
      ) {
        super();
        this.protection = new Protection(lookupName);
        this.hasNullState = allowNull;
      }
      protected navigate(prop: string) {
        return prop === 'protection' ? this.protection : undefined;
      }
      protected resolve(prop: string) {
        const sheet = findSheet(this.lookupName);
        if (prop === 'isNullObject') return !sheet;
        if (prop === 'name') return sheetOrFail(this.lookupName).name;
        return super.resolve(prop);
      }
      get name() {
        return this.read('name') as string;
      }
      get isNullObject() {
        return this.read('isNullObject') as boolean;
      }
      getRange(address: string) {
        return new Range(this.lookupName, () => parseBounds(address));
      }
      getRanges(addresses: string) {
        const parts = addresses.split(',').map((a) => a.trim());
        return {
          select: () => enqueue(() => record('select', this.lookupName, parts.join(','))),
        };
      }
      /** A blank sheet's used range is its top-left cell ("it will not throw an error"). */
      getUsedRange(valuesOnly?: boolean) {
        const used = this.getUsedRangeOrNullObject(valuesOnly);
        return new Range(this.lookupName, () => used.bounds() ?? { top: 0, left: 0, rows: 1, cols: 1 });
      }
      getUsedRangeOrNullObject(_valuesOnly?: boolean) {
        // Evaluated once, at the first sync that needs it, like Excel resolving the proxy.
        let evaluated: Bounds | null | undefined;
        const usedBounds = (): Bounds | null => {
          const sheet = sheetOrFail(this.lookupName);
          if (sheet.cells.size === 0) return null;
          let top = Infinity;
          let left = Infinity;
          let bottom = -1;
          let right = -1;
          for (const key of sheet.cells.keys()) {
            const [r, c] = key.split(',').map(Number);
            top = Math.min(top, r);
            left = Math.min(left, c);
            bottom = Math.max(bottom, r);
            right = Math.max(right, c);
          }
          return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
        };
        return new Range(this.lookupName, () => (evaluated !== undefined ? evaluated : (evaluated = usedBounds())));
      }
      activate() {
        enqueue(() => {
          sheetOrFail(this.lookupName);
          record('activate', this.lookupName, '');
        });
      }
    }

    class WorksheetCollection extends ClientObject {
      items: Worksheet[] = [];
      protected navigate(prop: string) {
        if (prop !== 'items') return undefined;
        if (this.items.length === 0) this.items = sheets.map((s) => new Worksheet(s.name, false));
        return this.items;
      }
      getItem(name: string) {
        return new Worksheet(name, false);
      }
      getItemOrNullObject(name: string) {
        return new Worksheet(name, true);
      }
      /** Adds a sheet at the end; Excel refuses a name taken (without case) or a protected structure. */
      add(name: string) {
        enqueue(() => {
          if (options.structureProtected) throw new FakeOfficeError('AccessDenied', 'the workbook structure is protected');
          if (findSheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `a sheet named ${name} already exists`);
          sheets.push({ name, cells: new Map(), fills: new Map(), merges: [], protected: false, formats: new Map(), columnWidths: new Map(), rowHeights: new Map() });
          record('add-sheet', name, '');
        }, name);
        return new Worksheet(name, false);
      }
    }

    class WorkbookProtection extends ClientObject {
      protected resolve(prop: string) {
        if (prop === 'protected') return Boolean(options.structureProtected);
        return super.resolve(prop);
      }
      get protected() {
        return this.read('protected') as boolean;
      }
    }

    const worksheets = new WorksheetCollection();
    return {
      workbook: { worksheets, protection: new WorkbookProtection() },
      async sync() {
        const ops = queue;
        queue = [];
        response = 0;
        log.syncs++;
        const request = ops.reduce((sum, op) => sum + op.bytes, 0);
        log.payloads.push({ request, response: 0 });
        if (request > payloadLimit) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
        if (options.failSync?.at === log.syncs) {
          ops.slice(0, options.failSync.after).forEach((op) => op.run());
          throw new FakeOfficeError('GeneralException', 'the request could not be completed');
        }
        for (const op of ops) op.run();
        log.payloads[log.payloads.length - 1].response = response;
        if (response > payloadLimit) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      },
    };
  }

  async function run<T>(batch: (context: never) => Promise<T>): Promise<T> {
    log.runs++;
    return batch(createContext() as never);
  }

  const settingsData = new Map<string, unknown>(Object.entries(options.settings ?? {}));
  const savedSettings = new Map<string, unknown>(Object.entries(options.settings ?? {}));
  const settings = {
    get: (key: string) => (settingsData.has(key) ? JSON.parse(JSON.stringify(settingsData.get(key))) : null),
    set: (key: string, value: unknown) => settingsData.set(key, value),
    remove: (key: string) => settingsData.delete(key),
    saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void) {
      if (payloadBytes(Object.fromEntries(settingsData)) > SETTINGS_LIMIT) {
        callback?.({ status: 'failed', error: { message: 'The argument is invalid or missing or has an incorrect format.' } });
        return;
      }
      savedSettings.clear();
      for (const [k, v] of settingsData) savedSettings.set(k, JSON.parse(JSON.stringify(v)));
      callback?.({ status: 'succeeded' });
    },
  };

  const office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      platform: options.platform ?? 'PC',
      requirements: {
        isSetSupported: (name: string, version = '1.1') => supports(name, version),
      },
      document: { settings },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: options.platform ?? 'PC' };
      callback?.(info);
      return Promise.resolve(info);
    },
  };

  return {
    run,
    log,
    office,
    excel: { run, SpecialCellType: { formulas: 'Formulas' } },
    /** The settings as last saved into the document (what survives closing and reopening). */
    savedSettings,
    savedSettingsObject: () => Object.fromEntries(savedSettings),
    /** The fill as the user sees it (not as Excel reports it). */
    fillAt(sheet: string, address: string): FakeFill {
      const p = parsePart(address);
      return { ...(findSheet(sheet)?.fills.get(`${p.row},${p.col}`) ?? NO_FILL) };
    },
    cellAt(sheet: string, address: string): FakeCell | undefined {
      const p = parsePart(address);
      return findSheet(sheet)?.cells.get(`${p.row},${p.col}`);
    },
    setCell(sheet: string, address: string, cell: FakeCell | null) {
      const p = parsePart(address);
      const s = findSheet(sheet)!;
      if (cell) s.cells.set(`${p.row},${p.col}`, cell);
      else s.cells.delete(`${p.row},${p.col}`);
    },
    setFill(sheet: string, address: string, fill: FakeFill | null) {
      const p = parsePart(address);
      const s = findSheet(sheet)!;
      const kept = fill && stored(fill);
      if (kept) s.fills.set(`${p.row},${p.col}`, kept);
      else s.fills.delete(`${p.row},${p.col}`);
    },
    /** Renames a sheet, as the user would on its tab. */
    renameSheet(from: string, to: string) {
      findSheet(from)!.name = to;
    },
    /** The sheets' names, in tab order. */
    sheetNames: () => sheets.map((s) => s.name),
    /** Everything a sheet holds: cells, merges, formats and column widths (copies). */
    sheetState(name: string) {
      const s = findSheet(name);
      if (!s) return undefined;
      return { cells: new Map(s.cells), merges: [...s.merges], formats: new Map(s.formats), columnWidths: new Map(s.columnWidths), rowHeights: new Map(s.rowHeights), fills: new Map(s.fills) };
    },
    deleteSheet(name: string) {
      sheets.splice(sheets.indexOf(findSheet(name)!), 1);
    },
    allFills(): Record<string, FakeFill> {
      const out: Record<string, FakeFill> = {};
      for (const s of sheets) for (const [key, fill] of s.fills) out[`${s.name}!${key}`] = { ...fill };
      return out;
    },
  };
}

export type FakeExcel = ReturnType<typeof createFakeExcel>;
