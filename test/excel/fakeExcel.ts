/**
 * A recording fake of the Office.js Excel API subset the adapter uses, faithful where it matters for
 * the tests: properties throw until loaded and synced, writes apply only at sync, a protected sheet
 * rejects writes, and every sync, write and selection is logged.
 *
 * Self-contained on purpose (no imports): the browser test transpiles this file and injects it into
 * the page before the task pane's bundle loads.
 */

export interface FakeCell {
  value: string | number | boolean | null;
  text?: string;
  formula?: string;
}

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
}

export interface FakeOperation {
  sync: number;
  kind: 'fill' | 'fill-clear' | 'values' | 'select' | 'activate';
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
}

interface Bounds {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const NO_FILL: FakeFill = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };

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
  if (!m) throw new Error(`fake Excel: bad address ${part}`);
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
      fills.set(`${p.row},${p.col}`, { ...NO_FILL, ...fill });
    }
    return { name: s.name, cells, fills, merges: s.merges ?? [], protected: Boolean(s.protected) };
  });
  const apiSets = options.apiSets ?? { ExcelApi: '1.13' };
  const log = { syncs: 0, operations: [] as FakeOperation[], runs: 0 };

  const findSheet = (name: string) => sheets.find((s) => s.name === name);

  /** One Excel.run's request context: queued operations run in order at sync. */
  function createContext() {
    let queue: (() => void)[] = [];
    const enqueue = (op: () => void) => queue.push(op);
    const record = (kind: FakeOperation['kind'], sheet: string, address: string, value?: unknown) =>
      log.operations.push({ sync: log.syncs, kind, sheet, address, value });

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
        enqueue(() => list.forEach((path) => this.loadPath(path.split('/'))));
        return this;
      }
      loadPath(path: string[]): void {
        const [head, ...rest] = path;
        if (rest.length === 0) {
          this.snapshot.set(head, this.resolve(head));
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
      constructor(private sheet: () => SheetState | undefined) {
        super();
      }
      protected resolve(prop: string) {
        if (prop === 'protected') return Boolean(this.sheet()?.protected);
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
        enqueue(() =>
          this.range.eachCell((sheet, key, address) => {
            if (sheet.protected) throw new Error('AccessDenied: the sheet is protected');
            const fill = { ...(sheet.fills.get(key) ?? NO_FILL), ...change };
            if (change.color !== undefined && fill.pattern === 'None') fill.pattern = 'Solid';
            sheet.fills.set(key, fill);
            record('fill', sheet.name, address, change);
          }),
        );
      }
      protected resolve(prop: string) {
        if (prop !== 'color') return super.resolve(prop);
        let color = '';
        this.range.eachCell((sheet, key) => (color = (sheet.fills.get(key) ?? NO_FILL).color));
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
            if (sheet.protected) throw new Error('AccessDenied: the sheet is protected');
            sheet.fills.delete(key);
            record('fill-clear', sheet.name, address);
          }),
        );
      }
    }

    class Range extends ClientObject {
      readonly format: { fill: Fill };
      constructor(
        readonly sheetName: string,
        /** Evaluated at sync time: a used range follows the sheet's content then. */
        readonly bounds: () => Bounds | null,
      ) {
        super();
        this.format = { fill: new Fill(this) };
        this.hasNullState = true;
      }
      eachCell(fn: (sheet: SheetState, key: string, address: string) => void) {
        const sheet = findSheet(this.sheetName);
        const b = this.bounds();
        if (!sheet || !b) throw new Error('InvalidReference');
        for (let r = b.top; r < b.top + b.rows; r++) {
          for (let c = b.left; c < b.left + b.cols; c++) fn(sheet, `${r},${c}`, cellAddress(r, c));
        }
      }
      private grid<T>(fn: (cell: FakeCell | undefined) => T): T[][] {
        const sheet = findSheet(this.sheetName)!;
        const b = this.bounds()!;
        return Array.from({ length: b.rows }, (_, i) =>
          Array.from({ length: b.cols }, (_, j) => fn(sheet.cells.get(`${b.top + i},${b.left + j}`))),
        );
      }
      protected resolve(prop: string) {
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
          const sheet = findSheet(this.sheetName)!;
          if (sheet.protected) throw new Error('AccessDenied: the sheet is protected');
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
        });
      }
      get text() {
        return this.read('text') as string[][];
      }
      get formulas() {
        return this.read('formulas') as unknown[][];
      }
      getResizedRange(deltaRows: number, deltaColumns: number) {
        return new Range(this.sheetName, () => {
          const b = this.bounds();
          return b && { ...b, rows: b.rows + deltaRows, cols: b.cols + deltaColumns };
        });
      }
      getCellProperties(_options: unknown) {
        const result = { value: undefined as unknown };
        enqueue(() => {
          const sheet = findSheet(this.sheetName)!;
          const b = this.bounds()!;
          result.value = Array.from({ length: b.rows }, (_, i) =>
            Array.from({ length: b.cols }, (_, j) => ({ format: { fill: { ...(sheet.fills.get(`${b.top + i},${b.left + j}`) ?? NO_FILL) } } })),
          );
        });
        return result;
      }
      getMergedAreasOrNullObject() {
        return new MergedAreas(this);
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

    class MergedAreas extends ClientObject {
      private collection: Items<Range> | undefined;
      constructor(private range: Range) {
        super();
      }
      protected navigate(prop: string) {
        if (prop !== 'areas') return undefined;
        if (this.collection) return this.collection;
        const b = this.range.bounds()!;
        const sheet = findSheet(this.range.sheetName)!;
        const merges = sheet.merges.filter(
          (m) => m.top >= b.top && m.bottom < b.top + b.rows && m.left >= b.left && m.right < b.left + b.cols,
        );
        this.collection = new Items(
          merges.map((m) => new Range(sheet.name, () => ({ top: m.top, left: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 }))),
        );
        this.snapshot.set('isNullObject', merges.length === 0);
        return this.collection;
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
        private allowNull: boolean,
      ) {
        super();
        this.protection = new Protection(() => findSheet(this.lookupName));
        this.hasNullState = allowNull;
      }
      protected navigate(prop: string) {
        return prop === 'protection' ? this.protection : undefined;
      }
      protected resolve(prop: string) {
        const sheet = findSheet(this.lookupName);
        if (prop === 'isNullObject') return !sheet;
        if (!sheet && !this.allowNull) throw new Error(`ItemNotFound: ${this.lookupName}`);
        if (prop === 'name') return sheet?.name ?? null;
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
      getUsedRangeOrNullObject(_valuesOnly?: boolean) {
        // Evaluated once, at the first sync that needs it, like Excel resolving the proxy.
        let evaluated: Bounds | null | undefined;
        const usedBounds = (): Bounds | null => {
          const sheet = findSheet(this.lookupName)!;
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
        enqueue(() => record('activate', this.lookupName, ''));
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
    }

    const worksheets = new WorksheetCollection();
    return {
      workbook: { worksheets },
      async sync() {
        const ops = queue;
        queue = [];
        log.syncs++;
        if (options.failSync?.at === log.syncs) {
          ops.slice(0, options.failSync.after).forEach((op) => op());
          throw new Error('GeneralException: the request could not be completed');
        }
        for (const op of ops) op();
      },
    };
  }

  async function run<T>(batch: (context: never) => Promise<T>): Promise<T> {
    log.runs++;
    return batch(createContext() as never);
  }

  const settingsData = new Map<string, unknown>(Object.entries(options.settings ?? {}));
  const savedSettings = new Map<string, unknown>();
  const settings = {
    get: (key: string) => (settingsData.has(key) ? JSON.parse(JSON.stringify(settingsData.get(key))) : null),
    set: (key: string, value: unknown) => settingsData.set(key, value),
    remove: (key: string) => settingsData.delete(key),
    saveAsync(callback?: (result: { status: string }) => void) {
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
        isSetSupported: (name: string, version = '1.1') => name in apiSets && compareVersions(apiSets[name], version) >= 0,
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
    excel: { run },
    /** The settings as last saved into the document (what survives closing and reopening). */
    savedSettings,
    savedSettingsObject: () => Object.fromEntries(savedSettings),
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
      if (fill) s.fills.set(`${p.row},${p.col}`, { ...NO_FILL, ...fill });
      else s.fills.delete(`${p.row},${p.col}`);
    },
    allFills(): Record<string, FakeFill> {
      const out: Record<string, FakeFill> = {};
      for (const s of sheets) for (const [key, fill] of s.fills) out[`${s.name}!${key}`] = { ...fill };
      return out;
    },
  };
}

export type FakeExcel = ReturnType<typeof createFakeExcel>;
