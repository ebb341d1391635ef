/**
 * A recording fake of the Office.js Word API subset the adapter uses, faithful where it matters for
 * the tests: loaded properties throw until loaded and synced, search finds non-overlapping matches
 * left to right, a range's highlight reads "" when it holds several colours and null when none, and
 * every sync and write is logged with the sync it belongs to.
 *
 * Self-contained on purpose (no imports): the browser test transpiles this file and injects it into
 * the page before the task pane's bundle loads.
 */

export interface FakeWordInput {
  /** The document's paragraphs, in order. */
  paragraphs: string[];
  /** Tables after the paragraphs, as rows of cell texts (each cell is one paragraph inside the table). */
  tables?: string[][][];
  /** Highlights present before the add-in runs: paragraph index → [start, end, colour]. */
  highlights?: { paragraph: number; start: number; end: number; colour: string }[];
}

export interface FakeWordOptions {
  /** Highest version supported per API set, e.g. { WordApi: '1.3' }. */
  apiSets?: Record<string, string>;
  platform?: 'PC' | 'OfficeOnline' | 'Mac';
  settings?: Record<string, unknown>;
  /** The cursor: paragraph index (default: the last paragraph). */
  cursor?: number;
}

export interface FakeWordOperation {
  sync: number;
  kind: 'insertParagraph' | 'insertText' | 'insertContentControl' | 'deleteContentControl' | 'highlight' | 'select' | 'style' | 'font' | 'format';
  /** Index of the paragraph when the operation was queued. */
  paragraph: number;
  /** The paragraph's identity, stable while paragraphs are inserted around it. */
  id: number;
  detail?: unknown;
}

interface ControlRecord {
  id: number;
  tag: string;
  title: string;
  appearance: string;
}

interface ParagraphRecord {
  id: number;
  text: string;
  /** One highlight per character. */
  highlights: (string | null)[];
  styleBuiltIn: string;
  font: Record<string, unknown>;
  format: Record<string, unknown>;
  control: ControlRecord | null;
  tableNestingLevel: number;
}

export interface FakeParagraphView {
  text: string;
  styleBuiltIn: string;
  font: Record<string, unknown>;
  format: Record<string, unknown>;
  /** Runs of equal highlight: [text, colour or null]. */
  highlights: [string, string | null][];
  control: { tag: string; title: string } | null;
  inTable: boolean;
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

function notLoaded(what: string): Error {
  return new Error(`PropertyNotLoaded: ${what} was read before load() and sync()`);
}

export function createFakeWord(input: FakeWordInput, options: FakeWordOptions = {}) {
  const apiSets = options.apiSets ?? { WordApi: '1.3' };
  const log = { syncs: 0, operations: [] as FakeWordOperation[] };
  let nextId = 1;
  const paragraphs: ParagraphRecord[] = [];
  const newParagraph = (text: string, control: ControlRecord | null = null, tableNestingLevel = 0): ParagraphRecord => ({
    id: nextId++,
    text,
    highlights: Array.from(text, () => null),
    styleBuiltIn: 'Normal',
    font: {},
    format: {},
    control,
    tableNestingLevel,
  });
  for (const text of input.paragraphs) paragraphs.push(newParagraph(text));
  for (const table of input.tables ?? []) for (const row of table) for (const cell of row) paragraphs.push(newParagraph(cell, null, 1));
  for (const h of input.highlights ?? []) for (let i = h.start; i < h.end; i++) paragraphs[h.paragraph].highlights[i] = h.colour;
  let selection = { paragraph: paragraphs[options.cursor ?? paragraphs.length - 1], start: 0, end: 0 };

  const index = (p: ParagraphRecord) => paragraphs.indexOf(p);
  const record = (kind: FakeWordOperation['kind'], p: ParagraphRecord, detail?: unknown) =>
    log.operations.push({ sync: log.syncs + 1, kind, paragraph: index(p), id: p.id, ...(detail === undefined ? {} : { detail }) });
  const controlParagraphs = (c: ControlRecord) => paragraphs.filter((p) => p.control === c);
  const insertAt = (position: number, p: ParagraphRecord) => {
    paragraphs.splice(position, 0, p);
    record('insertParagraph', p);
    return p;
  };

  /** Things loaded by load(), readable after the next sync. */
  let pendingLoads: (() => void)[] = [];
  const pendingResults: (() => void)[] = [];

  function highlightOf(p: ParagraphRecord, start: number, end: number): string | null {
    const colours = new Set(p.highlights.slice(start, end));
    if (colours.size === 0) return null;
    return colours.size === 1 ? [...colours][0] : '';
  }

  class FakeRange {
    private loaded = false;
    constructor(
      readonly p: ParagraphRecord,
      readonly start: number,
      readonly end: number,
    ) {}
    get text() {
      return this.p.text.slice(this.start, this.end);
    }
    get font() {
      const range = this;
      return {
        get highlightColor(): string | null {
          if (!range.loaded) throw notLoaded('Range.font.highlightColor');
          return highlightOf(range.p, range.start, range.end);
        },
        set highlightColor(colour: string | null) {
          for (let i = range.start; i < range.end; i++) range.p.highlights[i] = colour;
          record('highlight', range.p, { text: range.text, colour });
        },
      };
    }
    markLoaded() {
      this.loaded = true;
    }
    select() {
      selection = { paragraph: this.p, start: this.start, end: this.end };
      record('select', this.p, { text: this.text });
    }
    expandTo(other: FakeRange) {
      if (other.p !== this.p) throw new Error('fake: expandTo across paragraphs is not modelled');
      const range = new FakeRange(this.p, Math.min(this.start, other.start), Math.max(this.end, other.end));
      if (this.loaded && other.loaded) range.markLoaded();
      return range;
    }
    insertParagraph(text: string, location: 'Before' | 'After') {
      const at = index(this.p) + (location === 'After' ? 1 : 0);
      return new FakeParagraph(insertAt(at, newParagraph(text)));
    }
  }

  class FakeRangeCollection {
    private loaded = false;
    constructor(private readonly ranges: FakeRange[]) {}
    load() {
      pendingLoads.push(() => {
        this.loaded = true;
        this.ranges.forEach((r) => r.markLoaded());
      });
      return this;
    }
    get items() {
      if (!this.loaded) throw notLoaded('RangeCollection.items');
      return this.ranges;
    }
  }

  class FakeParagraph {
    loaded = false;
    constructor(readonly p: ParagraphRecord) {}
    get text() {
      if (!this.loaded) throw notLoaded('Paragraph.text');
      return this.p.text;
    }
    get tableNestingLevel() {
      if (compareVersions(apiSets.WordApi ?? '0', '1.3') < 0) throw new Error('ApiNotFound: tableNestingLevel needs WordApi 1.3');
      if (!this.loaded) throw notLoaded('Paragraph.tableNestingLevel');
      return this.p.tableNestingLevel;
    }
    set styleBuiltIn(style: string) {
      if (compareVersions(apiSets.WordApi ?? '0', '1.3') < 0) throw new Error('ApiNotFound: styleBuiltIn needs WordApi 1.3');
      this.p.styleBuiltIn = style;
      record('style', this.p, style);
    }
    get font() {
      const p = this.p;
      return {
        set(props: Record<string, unknown>) {
          const scriptFonts = ['nameFarEast', 'nameAscii'].filter((k) => k in props);
          if (scriptFonts.length && compareVersions(apiSets.WordApiDesktop ?? '0', '1.3') < 0) {
            throw new Error('ApiNotFound: Font.nameFarEast needs WordApiDesktop 1.3');
          }
          Object.assign(p.font, props);
          record('font', p, props);
        },
      };
    }
    set(props: Record<string, unknown>) {
      Object.assign(this.p.format, props);
      record('format', this.p, props);
    }
    insertText(text: string, location: 'End') {
      if (location !== 'End') throw new Error('fake: only End is modelled');
      const start = this.p.text.length;
      this.p.text += text;
      this.p.highlights.push(...Array.from(text, () => null));
      record('insertText', this.p, text);
      return new FakeRange(this.p, start, start + text.length);
    }
    insertParagraph(text: string, location: 'Before' | 'After') {
      const at = index(this.p) + (location === 'After' ? 1 : 0);
      return new FakeParagraph(insertAt(at, newParagraph(text)));
    }
    insertContentControl() {
      if (this.p.control) throw new Error('fake: nested content controls are not modelled');
      const control: ControlRecord = { id: nextId++, tag: '', title: '', appearance: 'BoundingBox' };
      this.p.control = control;
      record('insertContentControl', this.p);
      return new FakeContentControl(control);
    }
    search(text: string, opts: { matchCase?: boolean } = {}) {
      if (text.replace(/\^\^/g, '^').length > 255) throw new Error('SearchStringInvalidOrTooLong');
      const needle = text.replace(/\^\^/g, '^');
      const hay = opts.matchCase ? this.p.text : this.p.text.toLowerCase();
      const what = opts.matchCase ? needle : needle.toLowerCase();
      const ranges: FakeRange[] = [];
      for (let i = hay.indexOf(what); i >= 0 && what; i = hay.indexOf(what, i + what.length)) ranges.push(new FakeRange(this.p, i, i + what.length));
      return new FakeRangeCollection(ranges);
    }
  }

  class FakeContentControl {
    private loaded = false;
    constructor(readonly c: ControlRecord) {}
    set tag(tag: string) {
      this.c.tag = tag;
    }
    set title(title: string) {
      this.c.title = title;
    }
    set appearance(appearance: string) {
      this.c.appearance = appearance;
    }
    get text() {
      if (!this.loaded) throw notLoaded('ContentControl.text');
      return controlParagraphs(this.c)
        .map((p) => p.text)
        .join('\r');
    }
    markLoaded() {
      this.loaded = true;
    }
    insertParagraph(text: string, location: 'Before' | 'After' | 'End') {
      const own = controlParagraphs(this.c);
      if (location === 'Before') return new FakeParagraph(insertAt(index(own[0]), newParagraph(text)));
      const after = index(own[own.length - 1]) + 1;
      return new FakeParagraph(insertAt(after, newParagraph(text, location === 'End' ? this.c : null)));
    }
    delete(keepContent: boolean) {
      const own = controlParagraphs(this.c);
      if (own.length) record('deleteContentControl', own[0], { tag: this.c.tag, keepContent });
      for (const p of own) {
        if (keepContent) p.control = null;
        else paragraphs.splice(index(p), 1);
      }
    }
  }

  const context = () => {
    const body = {
      get paragraphs() {
        const items = paragraphs.map((p) => new FakeParagraph(p));
        let loaded = false;
        return {
          load() {
            pendingLoads.push(() => {
              loaded = true;
              items.forEach((i) => (i.loaded = true));
            });
          },
          get items() {
            if (!loaded) throw notLoaded('ParagraphCollection.items');
            return items;
          },
        };
      },
      getHtml() {
        const result = { ready: false, html: '' };
        pendingResults.push(() => {
          result.ready = true;
          result.html = `<html><body>${htmlOf()}</body></html>`;
        });
        return {
          get value() {
            if (!result.ready) throw notLoaded('ClientResult.value');
            return result.html;
          },
        };
      },
    };
    return {
      document: {
        body,
        getSelection: () => new FakeRange(selection.paragraph, selection.start, selection.end),
        contentControls: {
          getByTag(tag: string) {
            const controls = [...new Set(paragraphs.map((p) => p.control).filter((c): c is ControlRecord => c !== null && c.tag === tag))];
            const items = controls.map((c) => new FakeContentControl(c));
            let loaded = false;
            return {
              load() {
                pendingLoads.push(() => {
                  loaded = true;
                  items.forEach((i) => i.markLoaded());
                });
              },
              get items() {
                if (!loaded) throw notLoaded('ContentControlCollection.items');
                return items;
              },
            };
          },
        },
      },
      async sync() {
        log.syncs++;
        const loads = pendingLoads;
        pendingLoads = [];
        loads.forEach((f) => f());
        pendingResults.splice(0).forEach((f) => f());
      },
    };
  };

  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  function htmlOf(): string {
    const prose = paragraphs.filter((p) => p.tableNestingLevel === 0).map((p) => `<p>${escape(p.text)}</p>`);
    const tables = (input.tables ?? []).map((t) => `<table>${t.map((row) => `<tr>${row.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</table>`);
    return [...prose, ...tables].join('');
  }

  async function run<T>(batch: (ctx: unknown) => Promise<T>): Promise<T> {
    return batch(context());
  }

  const settingsData = new Map<string, unknown>(Object.entries(options.settings ?? {}));
  const savedSettings = new Map<string, unknown>(settingsData);
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
      const info = { host: 'Word', platform: options.platform ?? 'PC' };
      callback?.(info);
      return Promise.resolve(info);
    },
  };

  return {
    run,
    log,
    office,
    word: { run },
    savedSettings,
    /** Moves the cursor to the end of a paragraph, as a click there would. */
    setCursor(paragraph: number) {
      const p = paragraphs[paragraph];
      selection = { paragraph: p, start: p.text.length, end: p.text.length };
    },
    /** Highlights characters as a user would with the highlighter. */
    paint(paragraph: number, start: number, end: number, colour: string | null) {
      for (let i = start; i < end; i++) paragraphs[paragraph].highlights[i] = colour;
    },
    /** Edits a paragraph's text as a user would (its highlights follow the characters kept). */
    editParagraph(paragraph: number, text: string) {
      const p = paragraphs[paragraph];
      p.text = text;
      p.highlights = Array.from(text, (_, i) => p.highlights[i] ?? null);
    },
    paragraphs(): FakeParagraphView[] {
      return paragraphs.map((p) => {
        const runs: [string, string | null][] = [];
        Array.from(p.text).forEach((ch, i) => {
          const last = runs[runs.length - 1];
          if (last && last[1] === p.highlights[i]) last[0] += ch;
          else runs.push([ch, p.highlights[i]]);
        });
        return {
          text: p.text,
          styleBuiltIn: p.styleBuiltIn,
          font: { ...p.font },
          format: { ...p.format },
          highlights: runs,
          control: p.control ? { tag: p.control.tag, title: p.control.title } : null,
          inTable: p.tableNestingLevel > 0,
        };
      });
    },
    selectionText: () => selection.paragraph.text.slice(selection.start, selection.end),
  };
}
