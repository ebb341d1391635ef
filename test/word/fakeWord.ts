/**
 * A recording fake of the Office.js Word API subset the adapter uses, faithful where it matters for
 * the tests: loaded properties throw until loaded and synced, search finds non-overlapping matches
 * left to right, a range's highlight reads "" when it holds several colours and null when none, and
 * every sync and write is logged with the sync it belongs to. It also models what real Word does and
 * a naive fake would hide:
 * - line spacing in Word's units: `paragraph.lineSpacing = 28` shows as 多倍行距 28 ÷ 12 = 2.33 lines,
 *   not 固定值 28 磅 (office-js #2296, #3203); only OOXML's w:lineRule="exact" gives 固定值;
 * - `font.name` sets the Latin font (w:ascii/w:hAnsi); Chinese text keeps the East-Asian font unless
 *   w:eastAsia is set, through OOXML or nameFarEast (WordApiDesktop 1.3 only);
 * - insertOoxml applies a paragraph style only when the package carries its definition in styles.xml
 *   (learn.microsoft.com/office/dev/add-ins/word/create-better-add-ins-for-word-with-office-open-xml);
 * - getOoxml returns a package shaped as Word writes it (revision ids, split runs, proofing marks,
 *   header and glossary parts, merged cells as w:gridSpan and w:vMerge); getHtml is refused, because
 *   its output differs by platform (office-js #162, #3699) and no one HTML would be true.
 *
 * Self-contained on purpose (no imports): the browser test transpiles this file and injects it into
 * the page before the task pane's bundle loads.
 */

export interface FakeWordInput {
  /** The document's paragraphs, in order. */
  paragraphs: string[];
  /** Tables after the paragraphs, as rows of cell texts (each cell is one paragraph inside the table). */
  tables?: string[][][];
  /** Merged cells of each table, 0-based within it (the covered cells' texts in `tables` are ignored). */
  tableMerges?: { top: number; left: number; bottom: number; right: number }[][];
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
  kind: 'insertParagraph' | 'insertText' | 'insertContentControl' | 'deleteContentControl' | 'insertOoxml' | 'highlight' | 'select' | 'style' | 'font' | 'format';
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
  /** The inserted table the paragraph is a cell paragraph of, with the table's XML as inserted. */
  table: InsertedTable | null;
}

interface InsertedTable {
  id: number;
  xml: string;
}

/** A table inserted through Office Open XML, as the document holds it. */
export interface FakeTableView {
  /** The w:tbl element as inserted (merges as w:gridSpan and w:vMerge). */
  xml: string;
  /** The tag of the content control holding it, or null. */
  control: string | null;
  /** Its cell paragraphs' texts, in order. */
  cells: string[];
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

const NAMED_HIGHLIGHTS: Record<string, string> = { yellow: '#FFFF00', green: '#00FF00', cyan: '#00FFFF', magenta: '#FF00FF' };

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlAttribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : undefined;
}

/** A paragraph of an inserted package, as Word would apply it. */
interface OoxmlParagraph {
  /** For a cell paragraph: its table's XML and which table of the package it is. */
  table: { index: number; xml: string } | null;
  style: string;
  font: Record<string, unknown>;
  format: Record<string, unknown>;
  runs: { text: string; highlight: string | null }[];
}

/** Reads the paragraphs of a flat OOXML package the adapter inserts (the subset it writes). */
function parsePackage(pkg: string): OoxmlParagraph[] {
  const part = (name: string) => new RegExp(`<pkg:part[^>]*pkg:name="${name}"[\\s\\S]*?</pkg:part>`).exec(pkg)?.[0] ?? '';
  const document = part('/word/document.xml');
  if (!document) throw new Error('InvalidArgument: the package has no /word/document.xml part');
  const defined = new Set([...part('/word/styles.xml').matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"/g)].map((m) => m[1]));
  // Body paragraphs and tables in order; a table's cell paragraphs are paragraphs of the document too.
  let tables = 0;
  const pieces = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p\b[^>]*>[\s\S]*?<\/w:p>/g)].flatMap(([piece]): { piece: string; table: { index: number; xml: string } | null }[] => {
    if (!piece.startsWith('<w:tbl>')) return [{ piece, table: null }];
    const table = { index: tables++, xml: piece };
    return [...piece.matchAll(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g)].map(([p]) => ({ piece: p, table }));
  });
  return pieces.map(({ piece, table }) => {
    const body = /^<w:p\b[^>]*>([\s\S]*?)<\/w:p>$/.exec(piece)![1];
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body)?.[1] ?? '';
    const tag = (name: string, within: string) => new RegExp(`<w:${name}\\b[^>]*/?>`).exec(within)?.[0] ?? '';
    const style = xmlAttribute(tag('pStyle', pPr), 'w:val');
    const spacing = tag('spacing', pPr);
    const ind = tag('ind', pPr);
    const rule = xmlAttribute(spacing, 'w:lineRule');
    const line = Number(xmlAttribute(spacing, 'w:line'));
    const format: Record<string, unknown> = {};
    const jc = xmlAttribute(tag('jc', pPr), 'w:val');
    if (jc) format.alignment = { center: 'Centered', both: 'Justified', left: 'Left', right: 'Right' }[jc] ?? jc;
    if (xmlAttribute(ind, 'w:firstLine') !== undefined) format.firstLineIndent = Number(xmlAttribute(ind, 'w:firstLine')) / 20;
    if (xmlAttribute(ind, 'w:left') !== undefined) format.leftIndent = Number(xmlAttribute(ind, 'w:left')) / 20;
    if (spacing && line) format.lineSpacing = rule === 'exact' || rule === 'atLeast' ? { rule, points: line / 20 } : { rule: 'multiple', lines: line / 240 };
    if (xmlAttribute(spacing, 'w:before') !== undefined) format.spaceBefore = Number(xmlAttribute(spacing, 'w:before')) / 20;
    if (xmlAttribute(spacing, 'w:after') !== undefined) format.spaceAfter = Number(xmlAttribute(spacing, 'w:after')) / 20;
    const runs = [...body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, run]) => {
      const highlight = xmlAttribute(tag('highlight', run), 'w:val');
      const text = [...run.matchAll(/<w:t\b[^>]*>([\s\S]*?)<\/w:t>/g)].map((m) => decodeXml(m[1])).join('');
      return { text, highlight: highlight ? (NAMED_HIGHLIGHTS[highlight] ?? highlight) : null, rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1] ?? '' };
    });
    const rPr = runs[0]?.rPr ?? '';
    const fonts = tag('rFonts', rPr);
    const font: Record<string, unknown> = {};
    if (xmlAttribute(fonts, 'w:ascii')) font.name = xmlAttribute(fonts, 'w:ascii');
    if (xmlAttribute(fonts, 'w:eastAsia')) font.nameFarEast = xmlAttribute(fonts, 'w:eastAsia');
    if (tag('sz', rPr)) font.size = Number(xmlAttribute(tag('sz', rPr), 'w:val')) / 2;
    if (tag('b', rPr)) font.bold = xmlAttribute(tag('b', rPr), 'w:val') !== '0';
    if (tag('i', rPr)) font.italic = xmlAttribute(tag('i', rPr), 'w:val') !== '0';
    if (tag('color', rPr)) font.color = `#${xmlAttribute(tag('color', rPr), 'w:val')}`;
    // A style named but not defined in the package's styles.xml is ignored (Word's behaviour, per the docs).
    return { table, style: style && defined.has(style) ? style : 'Normal', font, format, runs: runs.map(({ text, highlight }) => ({ text, highlight })) };
  });
}

function notLoaded(what: string): Error {
  return new Error(`PropertyNotLoaded: ${what} was read before load() and sync()`);
}

export function createFakeWord(input: FakeWordInput, options: FakeWordOptions = {}) {
  const apiSets = options.apiSets ?? { WordApi: '1.3' };
  const log = { syncs: 0, operations: [] as FakeWordOperation[] };
  let nextId = 1;
  const paragraphs: ParagraphRecord[] = [];
  const newParagraph = (text: string, control: ControlRecord | null = null, tableNestingLevel = 0, table: InsertedTable | null = null): ParagraphRecord => ({
    id: nextId++,
    text,
    highlights: Array.from(text, () => null),
    styleBuiltIn: 'Normal',
    font: {},
    format: {},
    control,
    tableNestingLevel,
    table,
  });
  /** The package's paragraphs as document paragraphs (in `control`, if any), in order. */
  const paragraphsOf = (pkg: string, control: ControlRecord | null) => {
    const parsed = parsePackage(pkg);
    const tables = new Map<number, InsertedTable>();
    return parsed.map((parsedParagraph) => {
      const table = parsedParagraph.table ? (tables.get(parsedParagraph.table.index) ?? { id: nextId++, xml: parsedParagraph.table.xml }) : null;
      if (table && parsedParagraph.table) tables.set(parsedParagraph.table.index, table);
      const p = newParagraph(parsedParagraph.runs.map((r) => r.text).join(''), control, table ? 1 : 0, table);
      p.highlights = parsedParagraph.runs.flatMap((r) => Array.from(r.text, () => r.highlight));
      p.styleBuiltIn = parsedParagraph.style;
      p.font = parsedParagraph.font;
      p.format = parsedParagraph.format;
      return p;
    });
  };
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
        /** `name` is the Latin font only (w:ascii, w:hAnsi); the East-Asian font is nameFarEast (WordApiDesktop 1.3). */
        set(props: Record<string, unknown>) {
          const scriptFonts = ['nameFarEast', 'nameAscii'].filter((k) => k in props);
          if (scriptFonts.length && compareVersions(apiSets.WordApiDesktop ?? '0', '1.3') < 0) {
            throw new Error('ApiNotFound: Font.nameFarEast needs WordApiDesktop 1.3');
          }
          const { nameAscii, ...rest } = props;
          Object.assign(p.font, rest, nameAscii === undefined ? {} : { name: nameAscii });
          record('font', p, props);
        },
      };
    }
    /** lineSpacing in points is shown by Word as multiple line spacing, points ÷ 12 (office-js #2296, #3203). */
    set(props: Record<string, unknown>) {
      const { lineSpacing, ...rest } = props;
      Object.assign(this.p.format, rest, typeof lineSpacing === 'number' ? { lineSpacing: { rule: 'multiple', lines: lineSpacing / 12 } } : {});
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
    set appearance(appearance: string) {
      this.c.appearance = appearance;
    }
    get title() {
      return this.c.title;
    }
    set title(title: string) {
      this.c.title = title;
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
    /** Replaces the control's content with the package's paragraphs; the control stays. */
    insertOoxml(pkg: string, location: 'Replace') {
      if (location !== 'Replace') throw new Error('fake: only Replace is modelled');
      const own = controlParagraphs(this.c);
      const at = index(own[0]);
      const inserted = paragraphsOf(pkg, this.c);
      paragraphs.splice(at, own.length);
      inserted.forEach((p, i) => {
        paragraphs.splice(at + i, 0, p);
        record('insertOoxml', p, { paragraphs: inserted.length });
      });
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
      getHtml(): never {
        throw new Error('fake Word: getHtml differs by platform (office-js #162, #3699) and is not modelled; read the document through getOoxml');
      },
      getOoxml() {
        const result = { ready: false, xml: '' };
        pendingResults.push(() => {
          result.ready = true;
          result.xml = ooxmlOf();
        });
        return {
          get value() {
            if (!result.ready) throw notLoaded('ClientResult.value');
            return result.xml;
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

  /**
   * The body as Word's getOoxml returns it, with what Word adds: revision ids, a run split by a
   * proofing mark, the _GoBack bookmark, a header and a glossary with bodies of their own, merged
   * cells as w:gridSpan and w:vMerge, and the section properties last.
   */
  function ooxmlOf(): string {
    const run = (text: string) => {
      if (text.length < 4) return `<w:r w:rsidRPr="00A1B2C3"><w:rPr><w:rFonts w:hint="eastAsia"/><w:lang w:eastAsia="zh-CN"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
      const cut = Math.floor(text.length / 2);
      return (
        `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>${escapeXml(text.slice(0, cut))}</w:t></w:r><w:proofErr w:type="spellStart"/>` +
        `<w:r w:rsidR="00C4D5E6"><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${escapeXml(text.slice(cut))}</w:t></w:r><w:proofErr w:type="spellEnd"/>`
      );
    };
    const paragraph = (text: string) => `<w:p w:rsidR="00F1E2D3" w:rsidRDefault="00F1E2D3"><w:pPr><w:jc w:val="both"/></w:pPr>${text ? run(text) : ''}</w:p>`;
    const prose = paragraphs.filter((p) => p.tableNestingLevel === 0).map((p, i) => (i === 0 ? paragraph(p.text).replace('</w:p>', '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/></w:p>') : paragraph(p.text)));
    const tables = (input.tables ?? []).map((rows, t) => {
      const merges = input.tableMerges?.[t] ?? [];
      const width = Math.max(...rows.map((r) => r.length));
      const cells = rows.map((row, r) => {
        const out: string[] = [];
        for (let c = 0; c < width; c++) {
          const merge = merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
          if (merge && c !== merge.left) continue;
          const span = merge ? merge.right - merge.left + 1 : 1;
          const vMerge = merge && merge.bottom > merge.top ? (r === merge.top ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
          const text = merge && r !== merge.top ? '' : (row[c] ?? '');
          out.push(`<w:tc><w:tcPr><w:tcW w:w="${1200 * span}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vMerge}<w:vAlign w:val="center"/></w:tcPr>${paragraph(text)}</w:tc>`);
        }
        return `<w:tr w:rsidR="00B7C8D9"><w:trPr><w:trHeight w:val="397"/></w:trPr>${out.join('')}</w:tr>`;
      });
      const grid = Array.from({ length: width }, () => '<w:gridCol w:w="1200"/>').join('');
      return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${cells.join('')}</w:tbl>${paragraph('')}`;
    });
    const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"';
    const part = (name: string, type: string, xml: string) => `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
    return (
      '<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>' +
      '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
      part('/word/header1.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml', `<w:hdr ${ns}>${paragraph('页眉中的表格说明')}</w:hdr>`) +
      part('/word/glossary/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml', `<w:glossaryDocument ${ns}><w:docParts><w:docPart><w:docPartBody><w:tbl><w:tr><w:tc>${paragraph('单击此处输入文字。')}</w:tc></w:tr></w:tbl></w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>`) +
      part('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', `<w:document ${ns}><w:body>${[...prose, ...tables].join('')}<w:sectPr w:rsidR="00F1E2D3"><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`) +
      '</pkg:package>'
    );
  }

  async function run<T>(batch: (ctx: unknown) => Promise<T>): Promise<T> {
    // Word 2013 has the common API only: no Word namespace, no Word.run.
    if (compareVersions(apiSets.WordApi ?? '0', '1.1') < 0) throw new Error('ApiNotFound: Word.run needs WordApi 1.1');
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
    CoercionType: { Ooxml: 'ooxml' },
    context: {
      platform: options.platform ?? 'PC',
      requirements: {
        isSetSupported: (name: string, version = '1.1') => name in apiSets && compareVersions(apiSets[name], version) >= 0,
      },
      document: {
        settings,
        /** The common API's insertion at the cursor (OoxmlCoercion): after the cursor's paragraph, in no content control. */
        setSelectedDataAsync(data: string, opts: { coercionType: string }, callback?: (result: { status: string; error?: Error }) => void) {
          if (opts.coercionType !== 'ooxml' || !('OoxmlCoercion' in apiSets)) {
            callback?.({ status: 'failed', error: new Error('fake: only the Ooxml coercion is modelled, where OoxmlCoercion is supported') });
            return;
          }
          const at = index(selection.paragraph) + 1;
          const inserted = paragraphsOf(data, null);
          inserted.forEach((p, i) => {
            paragraphs.splice(at + i, 0, p);
            record('insertOoxml', p, { paragraphs: inserted.length, coercion: true });
          });
          callback?.({ status: 'succeeded' });
        },
      },
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
    /** The tables inserted through Office Open XML, in document order. */
    tables(): FakeTableView[] {
      const seen = new Map<InsertedTable, FakeTableView>();
      for (const p of paragraphs) {
        if (!p.table) continue;
        const view = seen.get(p.table) ?? { xml: p.table.xml, control: p.control?.tag ?? null, cells: [] };
        view.cells.push(p.text);
        seen.set(p.table, view);
      }
      return [...seen.values()];
    },
  };
}
