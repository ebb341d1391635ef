/**
 * A recording fake of WPS 表格's JavaScript object model (WPS加载项: the VBA/COM one, as `window.Application`),
 * the subset the ET host uses, strict where WPS is strict:
 * - collections are 1-based (Worksheets.Item(0) fails), as in COM;
 * - a multi-cell range's Value2 and Formula are 2-D arrays (rows of columns), a single cell's a scalar, an
 *   empty cell reads undefined; a write of Value2 must have the range's shape;
 * - a merged area keeps its value in its top-left cell only (what was typed under it is gone), a write to
 *   part of a merged area fails, MergeArea is asked of a single cell only, and MergeCells reads true, false
 *   or null (mixed) for a range;
 * - a property that differs across the cells of a range (Interior.Color, Pattern …) reads null;
 * - "no fill" is Pattern xlNone (-4142), its Color white; setting Color on no fill makes a solid fill;
 * - a protected sheet (ProtectContents) refuses every write;
 * - Range() takes at most 255 characters of address; a custom document property's text at most 255.
 * Fills are given and reported in Office.js terms ('#RRGGBB', pattern names), as the Excel fake's, so that
 * the shared host tests compare both fakes alike; the Interior speaks COM (BGR numbers, XlPattern).
 *
 * Self-contained on purpose (no imports): the browser test transpiles this file and injects it into the page.
 */

export interface FakeEtCell {
  value: string | number | boolean | null;
  text?: string;
  formula?: string;
}

export interface FakeEtFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface FakeEtSheetInput {
  name: string;
  rows: (FakeEtCell | null | undefined)[][];
  merges?: { top: number; left: number; bottom: number; right: number }[];
  protected?: boolean;
  fills?: Record<string, FakeEtFill>;
}

export interface FakeEtOptions {
  /** The workbook's custom document properties as saved in the file (to reopen a workbook). */
  properties?: { name: string; value: string }[];
  structureProtected?: boolean;
  /** The workbook's path (FullName). */
  fullName?: string;
  /** The n-th cell write (counting from 1) fails, ending the call it is in, as a crash part way would. */
  failWriteAt?: number;
}

export interface FakeEtOperation {
  kind: 'fill' | 'fill-clear' | 'values' | 'formula' | 'select' | 'activate' | 'add-sheet' | 'merge' | 'format';
  sheet: string;
  address: string;
  value?: unknown;
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface SheetState {
  name: string;
  cells: Map<string, FakeEtCell>;
  fills: Map<string, FakeEtFill>;
  merges: Area[];
  protected: boolean;
  formats: Map<string, Record<string, unknown>>;
}

const XL_NONE = -4142;
const WHITE = 0xffffff;
const PATTERNS: Record<string, number> = {
  None: XL_NONE, Solid: 1, Gray50: -4125, Gray75: -4126, Gray25: -4124, Horizontal: -4128, Vertical: -4166, Down: -4121, Up: -4162,
  Checker: 9, SemiGray75: 10, LightHorizontal: 11, LightVertical: 12, LightDown: 13, LightUp: 14, Grid: 15, CrissCross: 16, Gray16: 17, Gray8: 18,
  LinearGradient: 4000, RectangularGradient: 4001,
};
const GRADIENT_NAMES = ['LinearGradient', 'RectangularGradient'];

class ComError extends Error {}

function toBgr(hex: string): number {
  const v = parseInt(hex.slice(1), 16);
  return ((v >> 16) & 0xff) | (v & 0xff00) | ((v & 0xff) << 16);
}
function toHex(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, '0').toUpperCase()}`;
}
function letters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
const cellAddress = (row: number, col: number) => `${letters(col)}${row + 1}`;
function parsePart(part: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(part.trim());
  if (!m) throw new ComError(`bad address ${part}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
function parseArea(address: string): Area {
  const [a, b] = address.split(':');
  const start = parsePart(a);
  const end = b ? parsePart(b) : start;
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}
const overlaps = (a: Area, b: Area) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const contains = (a: Area, b: Area) => b.top >= a.top && b.bottom <= a.bottom && b.left >= a.left && b.right <= a.right;

/** A fill as stored: "no fill" is no entry; every other fill has all its parts. */
function stored(fill: FakeEtFill): FakeEtFill | null {
  if (fill.pattern === 'None') return null;
  return { color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor ?? '#000000', tintAndShade: fill.tintAndShade ?? 0, patternTintAndShade: fill.patternTintAndShade ?? 0 };
}

/**
 * CustomDocumentProperties as WPS keeps them (1-based, text at most 255 characters, one property a name),
 * over `properties`, which the fake saves with the document. Shared with the WPS 文字 fake.
 */
export function fakeProperties(properties: { name: string; value: string }[]) {
  const item = <T>(list: T[], index: number): T => {
    if (!Number.isInteger(index) || index < 1 || index > list.length) throw new ComError(`Item(${index}): index out of range (1-based)`);
    return list[index - 1];
  };
  return {
    get Count() {
      return properties.length;
    },
    Item(index: number) {
      const property = item(properties, index);
      return {
        Name: property.name,
        Value: property.value,
        Delete() {
          properties.splice(properties.indexOf(property), 1);
        },
      };
    },
    Add(name: string, _link: boolean, type: number, value: unknown) {
      if (type !== 4 || typeof value !== 'string') throw new ComError('the fake keeps text properties only');
      if (value.length > 255) throw new ComError('a custom property holds at most 255 characters');
      if (properties.some((p) => p.name === name)) throw new ComError(`property ${name} exists`);
      properties.push({ name, value });
      return { Name: name, Value: value, Delete() {} };
    },
  };
}

export function createFakeEt(input: { sheets: FakeEtSheetInput[] }, options: FakeEtOptions = {}) {
  const log = { reads: [] as { what: string; sheet: string; address: string }[], operations: [] as FakeEtOperation[], cellWrites: 0 };
  const sheets: SheetState[] = input.sheets.map((s) => {
    const merges = (s.merges ?? []).map((m) => ({ ...m }));
    const covered = (r: number, c: number) => merges.some((m) => contains(m, { top: r, left: c, bottom: r, right: c }) && !(m.top === r && m.left === c));
    const cells = new Map<string, FakeEtCell>();
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell && !covered(r, c) && (cell.formula || (cell.value !== null && cell.value !== ''))) cells.set(`${r},${c}`, { value: cell.value, ...(cell.formula ? { formula: cell.formula } : {}) });
      }),
    );
    const fills = new Map<string, FakeEtFill>();
    for (const [address, fill] of Object.entries(s.fills ?? {})) {
      const p = parsePart(address);
      const kept = stored(fill);
      if (kept) fills.set(`${p.row},${p.col}`, kept);
    }
    return { name: s.name, cells, fills, merges, protected: Boolean(s.protected), formats: new Map() };
  });
  const properties: { name: string; value: string }[] = (options.properties ?? []).map((p) => ({ ...p }));
  let structureProtected = Boolean(options.structureProtected);

  const findSheet = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const writeCell = (sheet: SheetState) => {
    if (sheet.protected) throw new ComError(`您试图更改的单元格或图表受保护（${sheet.name}）`);
    log.cellWrites++;
    if (options.failWriteAt !== undefined && log.cellWrites === options.failWriteAt) throw new ComError('RPC_E_DISCONNECTED');
  };

  function usedArea(sheet: SheetState): Area {
    const keys = [...sheet.cells.keys(), ...sheet.fills.keys()].map((k) => k.split(',').map(Number));
    const areas = [...keys.map(([r, c]) => ({ top: r, left: c, bottom: r, right: c })), ...sheet.merges];
    if (areas.length === 0) return { top: 0, left: 0, bottom: 0, right: 0 };
    return {
      top: Math.min(...areas.map((a) => a.top)),
      left: Math.min(...areas.map((a) => a.left)),
      bottom: Math.max(...areas.map((a) => a.bottom)),
      right: Math.max(...areas.map((a) => a.right)),
    };
  }

  function formulaText(cell: FakeEtCell | undefined): string {
    if (!cell) return '';
    if (cell.formula) return cell.formula;
    if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
    return String(cell.value);
  }

  /** What a typed or written value becomes in a cell, as WPS parses it. */
  function parsed(value: unknown): FakeEtCell | null {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'number' || typeof value === 'boolean') return { value };
    const text = String(value);
    if (text.startsWith("'")) return { value: text.slice(1) };
    if (text.startsWith('=')) return { value: null, formula: text };
    if (/^\s*[+-]?\d+(\.\d+)?\s*$/.test(text)) return { value: Number(text) };
    return { value: text };
  }

  function makeRange(sheet: SheetState, address: string) {
    if (address.length > 255) throw new ComError('Range() 的地址超过 255 个字符');
    const areas = address.split(',').map(parseArea);
    const first = areas[0];
    const rows = first.bottom - first.top + 1;
    const cols = first.right - first.left + 1;
    const each = (fn: (r: number, c: number) => void) => {
      for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(r, c);
    };
    const uniform = <T>(read: (r: number, c: number) => T): T | null => {
      let result: T | undefined;
      let mixed = false;
      each((r, c) => {
        const v = read(r, c);
        if (result === undefined) result = v;
        else if (JSON.stringify(v) !== JSON.stringify(result)) mixed = true;
      });
      return mixed ? null : (result as T);
    };
    const read = (what: string) => log.reads.push({ what, sheet: sheet.name, address });
    const grid = <T>(cell: (r: number, c: number) => T): T | T[][] => {
      if (areas.length > 1) throw new ComError('Value2 of several areas reads the first area only; the host must not rely on it');
      if (rows === 1 && cols === 1) return cell(first.top, first.left);
      return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(first.top + r, first.left + c)));
    };
    const checkMerges = () => {
      for (const a of areas) for (const m of sheet.merges) if (overlaps(a, m) && !contains(a, m)) throw new ComError('不能对合并单元格作部分修改');
    };
    const fillOf = (r: number, c: number) => sheet.fills.get(`${r},${c}`) ?? null;
    const setFill = (change: (current: FakeEtFill | null) => FakeEtFill | null, value: unknown) => {
      each((r, c) => {
        writeCell(sheet);
        const next = change(fillOf(r, c));
        const kept = next && stored(next);
        if (kept) sheet.fills.set(`${r},${c}`, kept);
        else sheet.fills.delete(`${r},${c}`);
      });
      log.operations.push({ kind: value === XL_NONE ? 'fill-clear' : 'fill', sheet: sheet.name, address, value });
    };
    const solidOr = (current: FakeEtFill | null): FakeEtFill =>
      current && !GRADIENT_NAMES.includes(current.pattern) ? current : { color: current?.color ?? '#FFFFFF', pattern: 'Solid' };
    // Formats and fills may be set on part of a merged area; only values may not.
    const format = (key: string, value: unknown) => {
      each((r, c) => {
        writeCell(sheet);
        sheet.formats.set(`${r},${c}`, { ...(sheet.formats.get(`${r},${c}`) ?? {}), [key]: value });
      });
      log.operations.push({ kind: 'format', sheet: sheet.name, address, value: { [key]: value } });
    };

    const interior = {
      get Color() {
        read('Interior.Color');
        return uniform((r, c) => (fillOf(r, c) ? toBgr(fillOf(r, c)!.color) : WHITE));
      },
      set Color(bgr: number | null) {
        setFill((current) => ({ ...solidOr(current), color: toHex(bgr ?? WHITE) }), bgr);
      },
      get Pattern() {
        read('Interior.Pattern');
        return uniform((r, c) => PATTERNS[fillOf(r, c)?.pattern ?? 'None'] ?? XL_NONE);
      },
      set Pattern(value: number | null) {
        const name = Object.keys(PATTERNS).find((k) => PATTERNS[k] === value);
        if (!name || GRADIENT_NAMES.includes(name)) throw new ComError(`Pattern ${value} cannot be set`);
        setFill((current) => (name === 'None' ? null : { ...(current ?? { color: '#FFFFFF', pattern: name }), pattern: name }), value);
      },
      get PatternColor() {
        read('Interior.PatternColor');
        return uniform((r, c) => toBgr(fillOf(r, c)?.patternColor ?? '#000000'));
      },
      set PatternColor(bgr: number | null) {
        setFill((current) => ({ ...solidOr(current), patternColor: toHex(bgr ?? 0) }), bgr);
      },
      get TintAndShade() {
        read('Interior.TintAndShade');
        return uniform((r, c) => fillOf(r, c)?.tintAndShade ?? 0);
      },
      set TintAndShade(value: number | null) {
        setFill((current) => ({ ...solidOr(current), tintAndShade: value ?? 0 }), value);
      },
      get PatternTintAndShade() {
        read('Interior.PatternTintAndShade');
        return uniform((r, c) => fillOf(r, c)?.patternTintAndShade ?? 0);
      },
      set PatternTintAndShade(value: number | null) {
        setFill((current) => ({ ...solidOr(current), patternTintAndShade: value ?? 0 }), value);
      },
    };

    const range = {
      get Row() {
        return first.top + 1;
      },
      get Column() {
        return first.left + 1;
      },
      Rows: { Count: rows },
      Columns: { Count: cols },
      get Value2() {
        read('Value2');
        return grid((r, c) => sheet.cells.get(`${r},${c}`)?.value ?? undefined);
      },
      set Value2(value: unknown) {
        if (areas.length > 1) throw new ComError('Value2 is written to one area');
        checkMerges();
        const shaped = rows === 1 && cols === 1 && !Array.isArray(value) ? [[value]] : value;
        if (!Array.isArray(shaped) || shaped.length !== rows || shaped.some((row) => !Array.isArray(row) || row.length !== cols)) {
          throw new ComError(`Value2 of ${address} takes a ${rows}×${cols} array`);
        }
        (shaped as unknown[][]).forEach((row, r) =>
          row.forEach((v, c) => {
            writeCell(sheet);
            const cell = parsed(v);
            if (cell) sheet.cells.set(`${first.top + r},${first.left + c}`, cell);
            else sheet.cells.delete(`${first.top + r},${first.left + c}`);
          }),
        );
        log.operations.push({ kind: 'values', sheet: sheet.name, address, value });
      },
      get Formula() {
        read('Formula');
        return grid((r, c) => formulaText(sheet.cells.get(`${r},${c}`)));
      },
      set Formula(value: unknown) {
        if (rows !== 1 || cols !== 1) throw new ComError('the fake sets a formula on one cell');
        checkMerges();
        writeCell(sheet);
        const cell = parsed(value);
        if (cell) sheet.cells.set(`${first.top},${first.left}`, cell);
        log.operations.push({ kind: 'formula', sheet: sheet.name, address, value });
      },
      get MergeCells() {
        read('MergeCells');
        return uniform((r, c) => sheet.merges.some((m) => contains(m, { top: r, left: c, bottom: r, right: c })));
      },
      get MergeArea() {
        if (areas.length > 1 || rows !== 1 || cols !== 1) throw new ComError('MergeArea works only on a single-cell range');
        read('MergeArea');
        const m = sheet.merges.find((a) => contains(a, first)) ?? first;
        return makeRange(sheet, `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`);
      },
      Interior: interior,
      Font: {
        set Bold(value: boolean) {
          format('font.bold', value);
        },
        set Size(value: number) {
          format('font.size', value);
        },
      },
      Borders: {
        set LineStyle(value: number) {
          format('borders.lineStyle', value);
        },
        set Color(value: number) {
          format('borders.color', value);
        },
      },
      set NumberFormat(value: string) {
        format('numberFormat', value);
      },
      set HorizontalAlignment(value: number) {
        format('horizontalAlignment', value);
      },
      set VerticalAlignment(value: number) {
        format('verticalAlignment', value);
      },
      set WrapText(value: boolean) {
        format('wrapText', value);
      },
      set ColumnWidth(value: number) {
        format('columnWidth', value);
      },
      set RowHeight(value: number) {
        format('rowHeight', value);
      },
      Merge() {
        if (sheet.protected) throw new ComError('the sheet is protected');
        for (const m of sheet.merges) if (overlaps(m, first)) throw new ComError('the area overlaps a merged area');
        sheet.merges.push({ ...first });
        log.operations.push({ kind: 'merge', sheet: sheet.name, address });
      },
      Select() {
        log.operations.push({ kind: 'select', sheet: sheet.name, address });
      },
    };
    return range;
  }

  function makeWorksheet(sheet: SheetState) {
    return {
      get Name() {
        return sheet.name;
      },
      set Name(name: string) {
        if (sheets.some((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase())) throw new ComError(`工作表名称“${name}”已被占用`);
        sheet.name = name;
      },
      get ProtectContents() {
        return sheet.protected;
      },
      get UsedRange() {
        const a = usedArea(sheet);
        return makeRange(sheet, `${cellAddress(a.top, a.left)}:${cellAddress(a.bottom, a.right)}`);
      },
      Range: (address: string) => makeRange(sheet, address),
      Activate() {
        log.operations.push({ kind: 'activate', sheet: sheet.name, address: '' });
      },
      state: sheet,
    };
  }

  const item = <T>(list: T[], index: number): T => {
    if (!Number.isInteger(index) || index < 1 || index > list.length) throw new ComError(`Item(${index}): index out of range (1-based)`);
    return list[index - 1];
  };

  const customProperties = fakeProperties(properties);

  const workbook = {
    FullName: options.fullName ?? 'D:\\年报\\统计表.xlsx',
    get Name() {
      return this.FullName.split(/[\\/]/).pop()!;
    },
    Worksheets: {
      get Count() {
        return sheets.length;
      },
      Item: (index: number) => makeWorksheet(item(sheets, index)),
      Add(_before?: unknown, after?: { state: SheetState }) {
        if (structureProtected) throw new ComError('工作簿结构受保护');
        let n = sheets.length + 1;
        while (findSheet(`Sheet${n}`)) n++;
        const sheet: SheetState = { name: `Sheet${n}`, cells: new Map(), fills: new Map(), merges: [], protected: false, formats: new Map() };
        sheets.splice(after ? sheets.indexOf(after.state) + 1 : 0, 0, sheet);
        log.operations.push({ kind: 'add-sheet', sheet: sheet.name, address: '' });
        return makeWorksheet(sheet);
      },
    },
    CustomDocumentProperties: customProperties,
    get ProtectStructure() {
      return structureProtected;
    },
  };

  const application = { ActiveWorkbook: workbook as typeof workbook | null };

  return {
    application,
    log,
    /** The workbook's custom document properties (what is saved with the file). */
    properties: () => properties.map((p) => ({ ...p })),
    /** Closes the workbook: WPS then has none open. */
    closeWorkbook() {
      application.ActiveWorkbook = null;
    },
    protectStructure(on: boolean) {
      structureProtected = on;
    },
    fillAt(sheet: string, address: string): FakeEtFill {
      const p = parsePart(address);
      return { ...(findSheet(sheet)?.fills.get(`${p.row},${p.col}`) ?? { color: '#FFFFFF', pattern: 'None' }) };
    },
    cellAt(sheet: string, address: string): FakeEtCell | undefined {
      const p = parsePart(address);
      return findSheet(sheet)?.cells.get(`${p.row},${p.col}`);
    },
    setCell(sheet: string, address: string, cell: FakeEtCell | null) {
      const p = parsePart(address);
      const s = findSheet(sheet)!;
      if (cell) s.cells.set(`${p.row},${p.col}`, cell);
      else s.cells.delete(`${p.row},${p.col}`);
    },
    setFill(sheet: string, address: string, fill: FakeEtFill | null) {
      const p = parsePart(address);
      const kept = fill && stored(fill);
      if (kept) findSheet(sheet)!.fills.set(`${p.row},${p.col}`, kept);
      else findSheet(sheet)!.fills.delete(`${p.row},${p.col}`);
    },
    renameSheet(from: string, to: string) {
      findSheet(from)!.name = to;
    },
    deleteSheet(name: string) {
      sheets.splice(sheets.indexOf(findSheet(name)!), 1);
    },
    sheetNames: () => sheets.map((s) => s.name),
    sheetState(name: string) {
      const s = findSheet(name);
      return s && { cells: new Map(s.cells), merges: [...s.merges], formats: new Map(s.formats), fills: new Map(s.fills) };
    },
    allFills(): Record<string, FakeEtFill> {
      const out: Record<string, FakeEtFill> = {};
      for (const s of sheets) for (const [key, fill] of s.fills) out[`${s.name}!${key}`] = { ...fill };
      return out;
    },
    /** The workbook as saved: its sheets with their fills, and its custom properties, to open again. */
    saved(): { sheets: FakeEtSheetInput[]; properties: { name: string; value: string }[] } {
      return {
        sheets: sheets.map((s) => {
          const rows: (FakeEtCell | null)[][] = [];
          for (const [key, cell] of s.cells) {
            const [r, c] = key.split(',').map(Number);
            (rows[r] ??= [])[c] = { ...cell };
          }
          const fills: Record<string, FakeEtFill> = {};
          for (const [key, fill] of s.fills) {
            const [r, c] = key.split(',').map(Number);
            fills[cellAddress(r, c)] = { ...fill };
          }
          return { name: s.name, rows: Array.from(rows, (row) => row ?? []), merges: [...s.merges], protected: s.protected, fills };
        }),
        properties: properties.map((p) => ({ ...p })),
      };
    },
  };
}

export type FakeEt = ReturnType<typeof createFakeEt>;
