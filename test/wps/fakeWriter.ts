import { fakeProperties } from './fakeEt';

/**
 * A recording fake of WPS 文字's JavaScript object model (Word's COM one, as `window.Application`), the
 * subset the WPS 文字 host uses, strict where WPS is:
 * - positions are character offsets, each paragraph followed by its mark (\r); collections are 1-based;
 * - InsertXML takes a flat OPC package (pkg:package with /word/document.xml) and puts its paragraphs and
 *   tables in place of the range; the fake accepts only a range of whole paragraphs or a point at a
 *   paragraph's start (what the host uses), and fails on anything else rather than guess;
 * - bookmarks move with the text; text put at a bookmark's end point grows the bookmark, as Word may do;
 * - HighlightColorIndex reads wdUndefined (9999999) over several highlights, 0 for none;
 * - Bookmarks.Item of a missing name fails; a custom document property holds at most 255 characters.
 */

export interface FakeWriterInput {
  paragraphs: string[];
  /** Tables after the paragraphs, as rows of cell texts. */
  tables?: string[][][];
  tableMerges?: { top: number; left: number; bottom: number; right: number }[][];
  highlights?: { paragraph: number; start: number; end: number; colour: string }[];
}

export interface FakeWriterOptions {
  /** The cursor's paragraph (default: the last). */
  cursor?: number;
  properties?: { name: string; value: string }[];
  fullName?: string;
}

interface Paragraph {
  text: string;
  /** WdColorIndex of each character. */
  highlights: number[];
  style: string | null;
  eastAsia: string | null;
  /** The table the paragraph is a cell of: its number, row and column, and its XML when it was inserted as XML. */
  cell: { table: number; row: number; col: number; xml?: string } | null;
}

const INDEX_COLOUR: Record<number, string> = {
  1: '#000000', 2: '#0000FF', 3: '#00FFFF', 4: '#00FF00', 5: '#FF00FF', 6: '#FF0000', 7: '#FFFF00', 8: '#FFFFFF',
  9: '#000080', 10: '#008080', 11: '#008000', 12: '#800080', 13: '#800000', 14: '#808000', 15: '#808080', 16: '#C0C0C0',
};
const colourIndex = (colour: string) => Number(Object.keys(INDEX_COLOUR).find((k) => INDEX_COLOUR[Number(k)] === colour.toUpperCase()) ?? 0);
const MIXED = 9999999;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const decodeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function createFakeWriter(input: FakeWriterInput, options: FakeWriterOptions = {}) {
  const plain = (text: string, cell: Paragraph['cell'] = null): Paragraph => ({ text, highlights: new Array(text.length).fill(0), style: null, eastAsia: null, cell });
  const paragraphs: Paragraph[] = input.paragraphs.map((t) => plain(t));
  const merges: { top: number; left: number; bottom: number; right: number }[][] = [];
  (input.tables ?? []).forEach((rows, table) => {
    merges[table] = input.tableMerges?.[table] ?? [];
    rows.forEach((row, r) => row.forEach((text, c) => paragraphs.push(plain(text, { table, row: r, col: c }))));
  });
  for (const h of input.highlights ?? []) paragraphs[h.paragraph].highlights.fill(colourIndex(h.colour), h.start, h.end);
  const bookmarks = new Map<string, { start: number; end: number }>();
  const properties = (options.properties ?? []).map((p) => ({ ...p }));
  const log = { operations: [] as { kind: string; detail?: unknown }[] };
  let cursor = options.cursor ?? paragraphs.length - 1;
  let selection: { start: number; end: number } | null = null;

  const startOf = (index: number) => paragraphs.slice(0, index).reduce((sum, p) => sum + p.text.length + 1, 0);
  const end = () => startOf(paragraphs.length);
  /** The paragraph holding a position, and the offset in it. */
  const at = (pos: number) => {
    let start = 0;
    for (let i = 0; i < paragraphs.length; i++) {
      const next = start + paragraphs[i].text.length + 1;
      if (pos < next) return { index: i, offset: pos - start };
      start = next;
    }
    return { index: paragraphs.length, offset: 0 };
  };
  const eachChar = (s: number, e: number, fn: (p: Paragraph, offset: number) => void) => {
    for (let pos = s; pos < e; pos++) {
      const { index, offset } = at(pos);
      if (index < paragraphs.length && offset < paragraphs[index].text.length) fn(paragraphs[index], offset);
    }
  };

  /** Replaces whole paragraphs [first, last) with `added`, moving bookmarks with the text. */
  function splice(first: number, last: number, added: Paragraph[]): void {
    const s = startOf(first);
    const e = startOf(last);
    const delta = added.reduce((sum, p) => sum + p.text.length + 1, 0) - (e - s);
    paragraphs.splice(first, last - first, ...added);
    for (const mark of bookmarks.values()) {
      if (mark.start >= e && mark.start > s) mark.start += delta;
      else if (mark.start > s) mark.start = s;
      if (mark.end >= e) mark.end += delta;
      else if (mark.end > s) mark.end = s;
    }
    if (cursor >= last) cursor += added.length - (last - first);
  }

  function parsePackage(xml: string): Paragraph[] {
    const document = /<pkg:part[^>]*pkg:name="\/word\/document\.xml"[\s\S]*?<\/pkg:part>/.exec(xml)?.[0];
    if (!document) throw new Error('InsertXML: the package has no /word/document.xml part');
    const tables = new Set(paragraphs.map((p) => p.cell?.table).filter((t) => t !== undefined)).size;
    const out: Paragraph[] = [];
    const paragraph = (p: string, cell: Paragraph['cell']) => {
      const text = [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1])).join('');
      return { ...plain(text, cell), style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null, eastAsia: /w:eastAsia="([^"]+)"/.exec(p)?.[1] ?? null };
    };
    let table = tables;
    for (const [piece] of document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p\b[^>]*>[\s\S]*?<\/w:p>/g)) {
      if (!piece.startsWith('<w:tbl>')) {
        out.push(paragraph(piece, null));
        continue;
      }
      [...piece.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].forEach(([row], r) =>
        [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].forEach(([cell], c) => out.push(paragraph(cell, { table, row: r, col: c, xml: piece }))),
      );
      table++;
    }
    return out;
  }

  function makeRange(s: number, e: number) {
    if (s < 0 || e < s || e > end()) throw new Error(`Range(${s}, ${e}) is outside the document (0–${end()})`);
    const text = () => {
      let out = '';
      for (let pos = s; pos < e; pos++) {
        const { index, offset } = at(pos);
        out += offset < paragraphs[index].text.length ? paragraphs[index].text[offset] : '\r';
      }
      return out;
    };
    const first = at(s).index;
    return {
      Start: s,
      End: e,
      get Text() {
        return text();
      },
      get WordOpenXML() {
        return documentXml();
      },
      InsertXML(xml: string) {
        const startsParagraph = at(s).offset === 0;
        const endsParagraph = e === s || at(e).offset === 0;
        if (!startsParagraph || !endsParagraph) throw new Error('the fake inserts XML over whole paragraphs or at a paragraph start only');
        const added = parsePackage(xml);
        splice(first, e === s ? first : at(e).index, added);
        log.operations.push({ kind: 'insertXML', detail: { at: s, paragraphs: added.length } });
      },
      get HighlightColorIndex() {
        const seen = new Set<number>();
        eachChar(s, e, (p, offset) => seen.add(p.highlights[offset]));
        return seen.size === 1 ? [...seen][0] : seen.size === 0 ? 0 : MIXED;
      },
      set HighlightColorIndex(value: number) {
        eachChar(s, e, (p, offset) => (p.highlights[offset] = value));
        log.operations.push({ kind: 'highlight', detail: { start: s, end: e, value } });
      },
      get Paragraphs() {
        const list = paragraphs.map((_, i) => i).filter((i) => startOf(i) + paragraphs[i].text.length >= s && startOf(i) < Math.max(e, s + 1));
        return collection(list.map((i) => ({ Range: paragraphRange(i) })));
      },
      Information(type: number) {
        if (type !== 12) throw new Error(`Information(${type}) is not in the fake`);
        return paragraphs[first]?.cell !== null;
      },
      InsertParagraphAfter() {
        const { index } = at(Math.max(s, e - 1));
        splice(index + 1, index + 1, [plain('')]);
        log.operations.push({ kind: 'insertParagraphAfter', detail: index });
      },
      Select() {
        selection = { start: s, end: e };
        log.operations.push({ kind: 'select', detail: { start: s, end: e } });
      },
    };
  }
  const paragraphRange = (i: number) => makeRange(startOf(i), startOf(i) + paragraphs[i].text.length + 1);
  const collection = <T>(items: T[]) => ({
    Count: items.length,
    Item(index: number) {
      if (!Number.isInteger(index) || index < 1 || index > items.length) throw new Error(`Item(${index}): index out of range (1-based)`);
      return items[index - 1];
    },
  });

  /** The document as a flat package: paragraphs, and each table as a w:tbl with its merges. */
  function documentXml(): string {
    const body: string[] = [];
    const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
    for (let i = 0; i < paragraphs.length; ) {
      const cell = paragraphs[i].cell;
      if (!cell) {
        body.push(p(paragraphs[i++].text));
        continue;
      }
      if (cell.xml) {
        // A table inserted as XML is kept as inserted (its merges as w:gridSpan and w:vMerge).
        while (i < paragraphs.length && paragraphs[i].cell?.table === cell.table) i++;
        body.push(cell.xml);
        continue;
      }
      const rows: string[][] = [];
      while (i < paragraphs.length && paragraphs[i].cell?.table === cell.table) {
        const c = paragraphs[i].cell!;
        (rows[c.row] ??= [])[c.col] = paragraphs[i++].text;
      }
      const areas = merges[cell.table] ?? [];
      const trs = rows.map((row, r) => {
        const tcs: string[] = [];
        for (let c = 0; c < row.length; c++) {
          const area = areas.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
          if (area && c !== area.left) continue;
          const span = area ? area.right - area.left + 1 : 1;
          const vMerge = area && area.bottom > area.top ? (r === area.top ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
          const props = `<w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vMerge}</w:tcPr>`;
          tcs.push(`<w:tc>${props}${p(area && r !== area.top ? '' : row[c] ?? '')}</w:tc>`);
        }
        return `<w:tr>${tcs.join('')}</w:tr>`;
      });
      body.push(`<w:tbl>${trs.join('')}</w:tbl>`);
    }
    return (
      '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData>' +
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}</w:body></w:document>` +
      '</pkg:xmlData></pkg:part></pkg:package>'
    );
  }

  const document = {
    FullName: options.fullName ?? 'D:\\年报\\年度报告.docx',
    get Name() {
      return this.FullName.split(/[\\/]/).pop()!;
    },
    get Content() {
      return makeRange(0, end());
    },
    get Paragraphs() {
      return collection(paragraphs.map((_, i) => ({ Range: paragraphRange(i) })));
    },
    Bookmarks: {
      Exists: (name: string) => bookmarks.has(name),
      Item(name: string) {
        const mark = bookmarks.get(name);
        if (!mark) throw new Error(`the bookmark ${name} does not exist`);
        return { Range: makeRange(mark.start, mark.end), Delete: () => bookmarks.delete(name) };
      },
      Add(name: string, range: { Start: number; End: number }) {
        if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(name)) throw new Error(`bad bookmark name ${name}`);
        bookmarks.set(name, { start: range.Start, end: range.End });
      },
    },
    CustomDocumentProperties: fakeProperties(properties),
    Range: (s: number, e: number) => makeRange(s, e),
  };
  const application = {
    ActiveDocument: document as typeof document | null,
    get Selection() {
      return { Range: paragraphRange(cursor) };
    },
  };

  return {
    application,
    log,
    properties: () => properties.map((p) => ({ ...p })),
    /** Paragraphs as the user sees them: text, highlights as runs of [text, colour], style, East-Asian font, in a table or not. */
    paragraphs: () =>
      paragraphs.map((p) => {
        const runs: [string, string | null][] = [];
        [...p.text].forEach((ch, i) => {
          const colour = p.highlights[i] ? INDEX_COLOUR[p.highlights[i]] : null;
          const last = runs[runs.length - 1];
          if (last && last[1] === colour) last[0] += ch;
          else runs.push([ch, colour]);
        });
        return { text: p.text, highlights: runs, style: p.style, eastAsia: p.eastAsia, inTable: p.cell !== null };
      }),
    bookmarkNames: () => [...bookmarks.keys()],
    setCursor(index: number) {
      cursor = index;
    },
    /** Edits a paragraph's text as a user would (its highlights follow the characters kept). */
    editParagraph(index: number, text: string) {
      const p = paragraphs[index];
      // Bookmarks after the paragraph move with the text, as in WPS.
      const oldEnd = startOf(index) + p.text.length;
      const delta = text.length - p.text.length;
      for (const mark of bookmarks.values()) {
        if (mark.start > oldEnd) mark.start += delta;
        if (mark.end > oldEnd) mark.end += delta;
      }
      paragraphs[index] = { ...p, text, highlights: Array.from(text, (_, i) => p.highlights[i] ?? 0) };
    },
    paint(paragraph: number, start: number, stop: number, colour: string) {
      paragraphs[paragraph].highlights.fill(colourIndex(colour), start, stop);
    },
    selectionText: () => (selection ? makeRange(selection.start, selection.end).Text : ''),
  };
}

export type FakeWriter = ReturnType<typeof createFakeWriter>;
