/**
 * Reads a published report as PDF into the core's grid: each page's ruled tables cell by cell (cells
 * from the ruling lines, merged cells where a line is missing), unruled tables by the columns their
 * figures stand in, the prose as paragraphs. Page numbers and running headers and footers are dropped;
 * a table that runs over a page break is joined into one sheet named for the pages it spans ("第3–4页"),
 * so a finding's cell says where to look.
 */
import { type Cell, type MergeArea, type PrintedRow, type Sheet } from '../core';
import { InputTooLargeError, UnreadableInputError } from './errors';
import { ioMessages } from './messages';
import { extractPdf, MAX_PDF_PAGES, type PageContent, type RuleLine, type TextRun } from './pdfExtract';
import { type Line, type Margins, reaches, textLines, textMargins } from './pdfLines';
import { cleanPdfText, joinLines, joinThousands } from './pdfText';
import { lineKind, type Span, type UnruledTable, unruledTables } from './pdfUnruled';
import { toCell, type TextReport } from './text';

/** Two ruling lines this close (page units, 1/72 inch) are one: a border drawn twice, or by each cell. */
const SNAP = 2.5;

/** A block of a page's content, top to bottom. */
type Block =
  | {
      kind: 'table';
      top: number;
      bottom: number;
      rows: (Cell | undefined)[][];
      merges: MergeArea[];
      /** A ruled table's column lines, left to right; an unruled table's label column edges. */
      columns: number[];
      ruled: boolean;
      /** An unruled table's figure columns (its grid has a column for each label edge, then one for each of these). */
      figures?: Span[];
      /** A row alone at the top of a page: a table if it continues the last page's table, else this paragraph. */
      alone?: string;
      /** An unruled table's lines, to build it again with its part on the page before or after. */
      lines?: Line[];
      /** Built with lines from the page before: for each row, whether it stands on that page rather than this one. */
      onPageBefore?: boolean[];
      /** Built with lines from the page before (its header, its first rows): the sheet goes on from there. */
      spansFrom?: boolean;
    }
  | { kind: 'prose'; top: number; bottom: number; text: string; open: boolean; indented: boolean; lines?: Line[] };

/** Reads a PDF report; refuses a scan, an encrypted or a corrupt file with its own sentence. */
export async function readPdfReport(data: Uint8Array, file: string): Promise<TextReport> {
  const result = await extractPdf(data);
  if (!result.ok) {
    if (result.reason === 'encrypted') throw new UnreadableInputError(ioMessages.encryptedPdf(file));
    if (result.reason === 'too-many-pages') throw new InputTooLargeError(ioMessages.pdfTooManyPages(file, result.pages ?? 0, MAX_PDF_PAGES));
    throw new UnreadableInputError(ioMessages.unreadablePdf(file));
  }
  const report = layoutPdf(result.pages, file);
  const title = result.title ? cleanPdfText(result.title).trim() : '';
  // The document's own title, unless a printer driver left the file name there ("Microsoft Word - 报告.docx").
  return isOwnTitle(title) ? { ...report, pageTitle: title } : report;
}

function isOwnTitle(title: string): boolean {
  return /[\u4e00-\u9fff]/.test(title) && !/\.(docx?|wps|pdf|html?|xlsx?)$|^microsoft|^untitled|^无标题/i.test(title);
}

/** Lays extracted pages out as sheets and prose (exported for tests that hand in pages directly). */
export function layoutPdf(pages: PageContent[], file: string): TextReport {
  const cleaned = pages.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...r, s: cleanPdfText(r.s) })).filter((r) => r.s.trim() !== '') }));
  if (cleaned.every((p) => p.runs.length === 0)) {
    throw new UnreadableInputError(cleaned.some((p) => p.images > 0) ? ioMessages.scannedPdf(file) : ioMessages.emptyPdf(file));
  }
  const running = runningLines(cleaned);
  const blocksByPage = cleaned.map((page, i) => pageBlocks(page, running[i]));
  joinUnruledOverPages(blocksByPage);

  const sheets: Sheet[] = [];
  const prose: string[] = [];
  type Building = { first: number; last: number; rows: (Cell | undefined)[][]; merges: MergeArea[]; printed: (PrintedRow | undefined)[] };
  let sheet: Building | undefined;
  let lastBlock: Block | undefined;
  let lastProse: { rows: (Cell | undefined)[][]; index: number } | undefined;
  /** Where the sheet's last table stands, so the part of it on the next page can be laid onto the same columns. */
  let lastTable: { top: number; end: number; mergesFrom: number; columns: number[]; figures?: Span[] } | undefined;
  const flush = () => {
    if (sheet) sheets.push({ name: ioMessages.pdfSheetName(sheet.first + 1, sheet.last + 1), rows: sheet.rows, merges: sheet.merges, printedRows: sheet.printed });
    sheet = undefined;
  };
  blocksByPage.forEach((blocks, pageIndex) => {
    const first = blocks[0];
    const spans = first?.kind === 'table' && first.spansFrom === true;
    const continues = spans || (lastBlock !== undefined && first !== undefined && continuesOver(lastBlock, first));
    // Only a table joins two pages into one sheet; a paragraph that runs on is joined in the text.
    if (sheet && !(continues && first.kind === 'table')) flush();
    if (!sheet) sheet = { first: pageIndex, last: pageIndex, rows: [], merges: [], printed: [] };
    const target: Building = sheet;
    target.last = pageIndex;
    blocks.forEach((table, i) => {
      // A table built again over the page break holds its part from the page before: it goes on the same sheet, not onto its rows.
      // An unruled part right after another of the same columns joins it, on the same page or built over a page break.
      const sameTable = table.kind === 'table' && !table.ruled && lastBlock?.kind === 'table' && !lastBlock.ruled && (i > 0 || continues) && continuesOver(lastBlock, table);
      const joining = (i === 0 && continues && !spans) || sameTable;
      const block: Block = table.kind === 'table' && table.alone !== undefined && !joining ? { kind: 'prose', top: table.top, bottom: table.bottom, text: table.alone, open: false, indented: false } : table;
      if (block.kind === 'prose') {
        if (joining && lastProse) {
          // The paragraph goes on from the last page: one paragraph, kept on the page where it starts.
          const joined = joinLines([prose.pop() ?? '', block.text]);
          prose.push(joined);
          lastProse.rows[lastProse.index] = [{ value: joined }];
          lastBlock = { ...block, text: joined };
          return;
        }
        lastProse = { rows: target.rows, index: target.rows.length };
        prose.push(block.text);
        target.rows.push([{ value: block.text }]);
        target.printed.push(undefined);
        lastBlock = block;
        return;
      }
      let { rows, merges, columns, figures } = block;
      if (joining && lastTable && block.ruled && !sameColumns(lastTable.columns, columns)) {
        // The two parts of one table drew different column lines: both are laid onto all of them.
        const all = unionColumns(lastTable.columns, columns);
        const before = remapColumns(target.rows.slice(lastTable.top, lastTable.end), target.merges.slice(lastTable.mergesFrom).map((m) => shift(m, -lastTable!.top)), lastTable.columns, all);
        target.rows.splice(lastTable.top, before.rows.length, ...before.rows);
        target.merges.splice(lastTable.mergesFrom, Infinity, ...before.merges.map((m) => shift(m, lastTable!.top)));
        ({ rows, merges } = remapColumns(rows, merges, columns, all));
        columns = all;
      }
      if (joining && lastTable?.figures && figures) {
        // An unruled table's two parts may show different label columns (a group's name on one page only) or
        // figure columns (a block with fewer on the next page): both are laid onto all of them.
        const labels = unionColumns(lastTable.columns, columns);
        const all = unionSpans(lastTable.figures, figures);
        const before = relayUnruled(target.rows.slice(lastTable.top, lastTable.end), target.merges.slice(lastTable.mergesFrom).map((m) => shift(m, -lastTable!.top)), { labels: lastTable.columns, figures: lastTable.figures }, { labels, figures: all });
        target.rows.splice(lastTable.top, before.rows.length, ...before.rows);
        target.merges.splice(lastTable.mergesFrom, Infinity, ...before.merges.map((m) => shift(m, lastTable!.top)));
        ({ rows, merges } = relayUnruled(rows, merges, { labels: columns, figures }, { labels, figures: all }));
        columns = labels;
        figures = all;
      }
      // Word, WPS and LibreOffice repeat a table's header rows on each page it runs onto: read once, not as rows of data.
      const repeated = joining && lastTable ? repeatedHeaderRows(target.rows.slice(lastTable.top, lastTable.end), rows) : 0;
      const top = target.rows.length - repeated;
      const tableTop = joining && lastTable ? lastTable.top : top;
      const mergesFrom = joining && lastTable ? lastTable.mergesFrom : target.merges.length;
      target.rows.push(...rows.slice(repeated));
      target.printed.push(...printedRows(rows.length, pageIndex + 1, block.kind === 'table' ? block.onPageBefore : undefined).slice(repeated));
      for (const m of merges) if (m.top >= repeated) target.merges.push(shift(m, top));
      lastTable = { top: tableTop, end: target.rows.length, mergesFrom, columns, figures };
      // A blank row after a table, as the other readers leave, so that what follows is not read as its continuation.
      if (i < blocks.length - 1) {
        target.rows.push([]);
        target.printed.push(undefined);
      }
      lastBlock = { ...block, columns, figures };
    });
    if (blocks.length === 0) lastBlock = undefined;
  });
  flush();
  return { workbook: { sheets }, narrative: prose.join('\n') };
}

type TableBlock = Extract<Block, { kind: 'table' }>;

/** An unruled table found among a page's lines, as a block. */
function unruledBlock(table: UnruledTable, lines: Line[]): TableBlock {
  const last = lines[lines.length - 1];
  return { kind: 'table', top: lines[0].y - lines[0].size, bottom: last.y, rows: table.rows, merges: table.merges, columns: table.labels, figures: table.columns, ruled: false, lines };
}

/**
 * Unruled tables that run over a page break built again from both pages' lines, one after the other: a
 * browser breaks a table anywhere, between a header and its rows, so each part alone cannot say which
 * columns its headers head. The part at the foot of a page (an unruled table that the next page's
 * table goes on from, or header lines after the last paragraph) and the table at the top of the next
 * become one table there, when they are one table together; the page before keeps what is not in it.
 */
function joinUnruledOverPages(blocksByPage: Block[][]): void {
  for (let p = 1; p < blocksByPage.length; p++) {
    const next = blocksByPage[p][0];
    const before = blocksByPage[p - 1];
    if (next?.kind !== 'table' || next.ruled || !next.lines) continue;
    const last = before[before.length - 1];
    let from = before.length - 1;
    if (!(last?.kind === 'table' && !last.ruled && last.lines && continuesOver(last, next))) {
      let count = 0;
      while (from >= 0 && before[from].kind === 'prose' && count + (before[from].lines?.length ?? Infinity) <= FOOT_LINES) count += before[from--].lines?.length ?? 0;
      from++;
      if (from === before.length) continue;
    }
    const parts = before.slice(from);
    const foot = parts.flatMap((b) => b.lines ?? []);
    const built = buildAcross(foot, next.lines);
    // A part of the table on the page before is taken whole, or the two parts are joined as they are.
    if (!built || (parts[0].kind === 'table' && built.start > 0)) continue;
    // The page before keeps the lines before the table's (a heading, a caption run into its header's first lines).
    let kept = 0;
    let lineCount = 0;
    while (lineCount < built.start) lineCount += parts[kept++].lines?.length ?? 0;
    const split = parts[kept - 1];
    before.splice(from + kept);
    if (lineCount > built.start && split?.kind === 'prose' && split.lines) {
      const keep = split.lines.slice(0, split.lines.length - (lineCount - built.start));
      before[before.length - 1] = { ...split, bottom: keep[keep.length - 1].y, text: joinLines(keep.map((l) => l.text)), open: false, lines: keep };
    }
    blocksByPage[p][0] = { ...unruledBlock(built.table, built.lines), spansFrom: true, onPageBefore: built.table.rowLines.map((line) => line < foot.length) };
  }
}

/** How many lines at a page's foot a table that goes on at the top of the next page may take (its header). */
const FOOT_LINES = 12;

/**
 * One unruled table over the lines at the foot of a page and those of the table at the top of the next,
 * set one after the other at the next page's line pitch; undefined unless they make one table that ends
 * where the second does and takes whole paragraphs from the first.
 */
function buildAcross(foot: Line[], top: Line[]): { table: UnruledTable; lines: Line[]; start: number } | undefined {
  const pitch = top.length > 1 ? top[1].y - top[0].y : top[0].size * 1.5;
  const shift = foot[foot.length - 1].y + Math.max(pitch, top[0].size) - top[0].y;
  const moved = top.map((l) => ({ ...l, y: l.y + shift, runs: l.runs.map((r) => ({ ...r, y: r.y + shift })) }));
  const lines = [...foot, ...moved];
  const margin = textMargins(lines);
  const tables = unruledTables(lines, lines.map((l) => lineKind(l, margin)), margin);
  const table = tables.find((t) => t.start < foot.length && t.end === lines.length - 1);
  if (!table || tables.length !== 1 || table.alone !== undefined) return undefined;
  return { table, lines: lines.slice(table.start), start: table.start };
}

/**
 * Whether the first block of a page goes on from the last block of the page before: a table with the
 * same outer lines whose column lines are all among the other's (a header row has fewer, its cells
 * merged), or a paragraph that reached the right margin followed by a line that is not indented.
 */
function continuesOver(last: Block, next: Block): boolean {
  if (last.kind === 'table' && next.kind === 'table') {
    if (last.ruled !== next.ruled) return false;
    const near = (a: number, b: number) => Math.abs(a - b) <= SNAP * 2;
    if (!last.ruled) {
      // Unruled: the figure columns of one part all stand where some of the other's do.
      const [fewer, more] = (last.figures ?? []).length <= (next.figures ?? []).length ? [last.figures ?? [], next.figures ?? []] : [next.figures ?? [], last.figures ?? []];
      return fewer.length > 0 && fewer.every((s) => more.some((t) => spansMeet(s, t)));
    }
    const [fewer, more] = last.columns.length <= next.columns.length ? [last.columns, next.columns] : [next.columns, last.columns];
    return near(fewer[0], more[0]) && near(fewer[fewer.length - 1], more[more.length - 1]) && fewer.every((x) => more.some((y) => near(x, y)));
  }
  return last.kind === 'prose' && next.kind === 'prose' && last.open && !next.indented && !startsNumbered(last.text, next.text);
}

/**
 * Whether a sentence ends a line exactly at the margin and a numbered heading ("（四）", "二、", "3.")
 * follows: a new paragraph, though a document with no first-line indent shows no other sign of one.
 */
const startsNumbered = (line: string, next: string) => /[。！？]$/.test(line) && NUMBERED_START.test(next);

/**
 * A ruled table's rows and merges laid onto finer column lines (those of the part of the same table on
 * the next or previous page): each cell moves to the column its left line now starts, and a cell that
 * now covers several columns is merged across them.
 */
function remapColumns(rows: (Cell | undefined)[][], merges: MergeArea[], from: number[], to: number[]): { rows: (Cell | undefined)[][]; merges: MergeArea[] } {
  const index = from.map((x) => to.reduce((best, y, k) => (Math.abs(y - x) < Math.abs(to[best] - x) ? k : best), 0));
  const out = rows.map((row) => {
    const mapped: (Cell | undefined)[] = [];
    row.forEach((cell, c) => {
      if (cell) mapped[index[c]] = cell;
    });
    return mapped;
  });
  const areas = merges.map((m) => ({ top: m.top, bottom: m.bottom, left: index[m.left], right: index[m.right + 1] - 1 }));
  const inMerge = (r: number, c: number) => merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  rows.forEach((_, r) => {
    for (let c = 0; c < from.length - 1; c++) {
      if (index[c + 1] - index[c] > 1 && !inMerge(r, c)) areas.push({ top: r, bottom: r, left: index[c], right: index[c + 1] - 1 });
    }
  });
  return { rows: out, merges: areas };
}

/**
 * Where each of a table part's rows stands on paper: its page and its line there, counted from the part's
 * first row on that page. A part built over a page break has its first rows on the page before.
 */
function printedRows(count: number, page: number, onPageBefore: boolean[] | undefined): PrintedRow[] {
  const counted = new Map<number, number>();
  return Array.from({ length: count }, (_, r) => {
    const on = onPageBefore?.[r] ? page - 1 : page;
    counted.set(on, (counted.get(on) ?? 0) + 1);
    return { page: on, row: counted.get(on)! };
  });
}

/** How many of a table part's first rows repeat the table's own first rows (its header, printed again on a new page). */
function repeatedHeaderRows(table: (Cell | undefined)[][], part: (Cell | undefined)[][]): number {
  const text = (row: (Cell | undefined)[] | undefined) => JSON.stringify((row ?? []).map((c) => c?.value ?? null));
  let n = 0;
  while (n < part.length - 1 && n < table.length && text(part[n]) === text(table[n]) && part[n].some((c) => typeof c?.value === 'string')) n++;
  return n;
}

/**
 * An unruled table's rows and merges laid onto more columns (those of the part of the same table on the
 * next or previous page): each label moves to the label column at its edge, each figure to the figure
 * column its own stands in.
 */
function relayUnruled(rows: (Cell | undefined)[][], merges: MergeArea[], from: { labels: number[]; figures: Span[] }, to: { labels: number[]; figures: Span[] }): { rows: (Cell | undefined)[][]; merges: MergeArea[] } {
  const nearest = (x: number) => to.labels.reduce((best, y, k) => (Math.abs(y - x) < Math.abs(to.labels[best] - x) ? k : best), 0);
  const index = (c: number) => (c < from.labels.length ? nearest(from.labels[c]) : to.labels.length + to.figures.findIndex((s) => spansMeet(s, from.figures[c - from.labels.length])));
  const out = rows.map((row) => {
    const mapped: (Cell | undefined)[] = [];
    row.forEach((cell, c) => {
      if (cell) mapped[index(c)] = cell;
    });
    return mapped;
  });
  return { rows: out, merges: merges.map((m) => ({ ...m, left: index(m.left), right: index(m.right) })) };
}

const spansMeet = (a: Span, b: Span) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0;

/** Two parts' figure columns as one list: columns that stand in the same place are one. */
function unionSpans(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...a, ...b].sort((x, y) => x.left - y.left)) {
    const last = out[out.length - 1];
    if (last && spansMeet(last, s)) out[out.length - 1] = { left: Math.min(last.left, s.left), right: Math.max(last.right, s.right) };
    else out.push({ ...s });
  }
  return out;
}

const shift = (m: MergeArea, by: number): MergeArea => ({ ...m, top: m.top + by, bottom: m.bottom + by });
const sameColumns = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= SNAP * 2);
const unionColumns = (a: number[], b: number[]) => snapPositions([...a, ...b]);

const PAGE_NUMBER = [
  /^[-—–－―~～·•\s]*\d{1,4}[-—–－―~～·•\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

/** The lines of each page that are page numbers or running headers and footers, by their text. */
function runningLines(pages: PageContent[]): Set<string>[] {
  const margins = pages.map((page) => {
    const lines = textLines(page.runs);
    return lines.filter((l) => l.y < page.height * 0.1 || l.y > page.height * 0.9);
  });
  const seen = new Map<string, number>();
  for (const lines of margins) {
    for (const key of new Set(lines.map((l) => l.text.replace(/\d+/g, '#')))) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeatedOn = Math.max(2, Math.ceil(pages.length / 2));
  return margins.map(
    (lines) => new Set(lines.filter((l) => PAGE_NUMBER.some((re) => re.test(l.text.trim())) || (pages.length > 1 && (seen.get(l.text.replace(/\d+/g, '#')) ?? 0) >= repeatedOn)).map((l) => `${Math.round(l.y)}|${l.text}`)),
  );
}

/** Ruling lines merged: collinear pieces that touch or overlap become one line. */
function mergeLines(lines: RuleLine[], horizontal: boolean): RuleLine[] {
  const pos = (l: RuleLine) => (horizontal ? l.y1 : l.x1);
  const start = (l: RuleLine) => (horizontal ? l.x1 : l.y1);
  const end = (l: RuleLine) => (horizontal ? l.x2 : l.y2);
  const sorted = lines.filter((l) => (horizontal ? l.x2 - l.x1 > SNAP && l.y2 - l.y1 < 1 : l.y2 - l.y1 > SNAP && l.x2 - l.x1 < 1)).sort((a, b) => pos(a) - pos(b) || start(a) - start(b));
  const out: RuleLine[] = [];
  const groups: RuleLine[][] = [];
  for (const l of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(pos(l) - pos(g[0])) <= SNAP) g.push(l);
    else groups.push([l]);
  }
  for (const g of groups) {
    const p = g.reduce((s, l) => s + pos(l), 0) / g.length;
    const spans = g.map((l) => [start(l), end(l)]).sort((a, b) => a[0] - b[0]);
    let [a, b] = spans[0];
    const push = () => out.push(horizontal ? { x1: a, x2: b, y1: p, y2: p } : { x1: p, x2: p, y1: a, y2: b });
    for (const [s, e] of spans.slice(1)) {
      if (s <= b + SNAP) b = Math.max(b, e);
      else {
        push();
        [a, b] = [s, e];
      }
    }
    push();
  }
  return out;
}

interface Ruled {
  xs: number[];
  ys: number[];
  h: RuleLine[];
  v: RuleLine[];
}

/** The ruled tables of a page: connected sets of horizontal and vertical lines, two or more of each. */
function ruledTables(lines: RuleLine[]): Ruled[] {
  const h = mergeLines(lines, true);
  const v = mergeLines(lines, false);
  const all = [...h.map((l) => ({ l, horizontal: true })), ...v.map((l) => ({ l, horizontal: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  h.forEach((a, i) =>
    v.forEach((b, j) => {
      if (b.x1 >= a.x1 - SNAP && b.x1 <= a.x2 + SNAP && a.y1 >= b.y1 - SNAP && a.y1 <= b.y2 + SNAP) parent[find(i)] = find(h.length + j);
    }),
  );
  const groups = new Map<number, { h: RuleLine[]; v: RuleLine[] }>();
  all.forEach((item, i) => {
    const root = find(i);
    const g = groups.get(root) ?? { h: [], v: [] };
    groups.set(root, g);
    (item.horizontal ? g.h : g.v).push(item.l);
  });
  const tables: Ruled[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const xs = snapPositions(g.v.map((l) => l.x1));
    const ys = withOpenEdges(snapPositions(g.h.map((l) => l.y1)), g.v);
    if (xs.length >= 2 && ys.length >= 2) tables.push({ xs, ys, h: g.h, v: g.v });
  }
  return tables.sort((a, b) => a.ys[0] - b.ys[0]);
}

/**
 * A table cut by a page break may have no line at the cut (WPS draws none): its column lines run on past
 * its last row line to the page's foot. Where two of them do, the row there is closed at their end, so
 * that the last row (or the first, on the next page) stays in the table.
 */
function withOpenEdges(ys: number[], v: RuleLine[]): number[] {
  const bottom = Math.max(...v.map((l) => l.y2));
  const top = Math.min(...v.map((l) => l.y1));
  const reach = (at: (l: RuleLine) => boolean) => v.filter(at).length >= 2;
  const out = [...ys];
  if (bottom - out[out.length - 1] > SNAP * 2 && reach((l) => l.y2 >= bottom - SNAP)) out.push(bottom);
  if (out[0] - top > SNAP * 2 && reach((l) => l.y1 <= top + SNAP)) out.unshift(top);
  return out;
}

function snapPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (out.length === 0 || x - out[out.length - 1] > SNAP) out.push(x);
  return out;
}

/** Lays a ruled table's text into its cells; a cell with no line between it and its neighbour is merged with it. */
function ruledBlock(table: Ruled, runs: TextRun[]): Block {
  const { xs, ys } = table;
  const rowsN = ys.length - 1;
  const colsN = xs.length - 1;
  const hasV = (x: number, y: number) => table.v.some((l) => Math.abs(l.x1 - x) <= SNAP && l.y1 - SNAP <= y && y <= l.y2 + SNAP);
  const hasH = (y: number, x: number) => table.h.some((l) => Math.abs(l.y1 - y) <= SNAP && l.x1 - SNAP <= x && x <= l.x2 + SNAP);
  const owner: number[][] = Array.from({ length: rowsN }, () => new Array<number>(colsN).fill(-1));
  const areas: MergeArea[] = [];
  for (let r = 0; r < rowsN; r++) {
    for (let c = 0; c < colsN; c++) {
      if (owner[r][c] >= 0) continue;
      const midY = (ys[r] + ys[r + 1]) / 2;
      let right = c;
      while (right + 1 < colsN && !hasV(xs[right + 1], midY) && owner[r][right + 1] < 0) right++;
      let bottom = r;
      const open = (row: number) => {
        for (let cc = c; cc <= right; cc++) if (hasH(ys[row + 1], (xs[cc] + xs[cc + 1]) / 2) || owner[row + 1][cc] >= 0) return false;
        return true;
      };
      while (bottom + 1 < rowsN && open(bottom)) bottom++;
      for (let rr = r; rr <= bottom; rr++) for (let cc = c; cc <= right; cc++) owner[rr][cc] = areas.length;
      areas.push({ top: r, left: c, bottom, right });
    }
  }
  const texts: TextRun[][] = areas.map(() => []);
  for (const run of runs) {
    for (const piece of splitAtColumns(run, xs)) {
      const cx = piece.x + piece.w / 2;
      const cy = piece.y - piece.size * 0.35;
      const c = xs.findIndex((x, i) => i < colsN && cx >= x && cx < xs[i + 1]);
      const r = ys.findIndex((y, i) => i < rowsN && cy >= y && cy < ys[i + 1]);
      if (c >= 0 && r >= 0) texts[owner[r][c]].push(piece);
    }
  }
  const rows: (Cell | undefined)[][] = Array.from({ length: rowsN }, () => []);
  const merges: MergeArea[] = [];
  areas.forEach((area, i) => {
    const lines = textLines(texts[i]);
    const text = joinThousands(joinLines(lines.map((l) => l.text)));
    const cell = toCell(text);
    if (cell) rows[area.top][area.left] = cell;
    if (area.bottom > area.top || area.right > area.left) merges.push(area);
  });
  return { kind: 'table', top: ys[0], bottom: ys[ys.length - 1], rows, merges, columns: xs, ruled: true };
}

/** A run that crosses a column line (a browser may write a row's figures as one run) cut there. */
function splitAtColumns(run: TextRun, xs: number[]): TextRun[] {
  const inner = xs.filter((x) => x > run.x + 1 && x < run.x + run.w - 1);
  if (inner.length === 0 || run.s.length < 2) return [run];
  const per = run.w / run.s.length;
  const out: TextRun[] = [];
  let from = 0;
  for (const x of [...inner, Infinity]) {
    const to = x === Infinity ? run.s.length : Math.max(from, Math.min(run.s.length, Math.round((x - run.x) / per)));
    const s = run.s.slice(from, to);
    if (s.trim()) out.push({ ...run, s, x: run.x + from * per, w: (to - from) * per });
    from = to;
  }
  return out;
}

/** The blocks of a page, top to bottom: its ruled tables, its unruled tables and its paragraphs. */
function pageBlocks(page: PageContent, running: Set<string>): Block[] {
  const tables = ruledTables(page.lines);
  const inTable = (run: TextRun) => {
    const cy = run.y - run.size * 0.35;
    return tables.findIndex((t) => cy >= t.ys[0] && cy <= t.ys[t.ys.length - 1] && run.x + run.w / 2 >= t.xs[0] && run.x + run.w / 2 <= t.xs[t.xs.length - 1]);
  };
  const tableRuns: TextRun[][] = tables.map(() => []);
  const free: TextRun[] = [];
  for (const run of page.runs) {
    const t = inTable(run);
    if (t >= 0) tableRuns[t].push(run);
    else free.push(run);
  }
  const blocks: Block[] = tables.map((t, i) => ruledBlock(t, tableRuns[i]));
  const lines = textLines(free).filter((l) => !running.has(`${Math.round(l.y)}|${l.text}`));
  const margin = textMargins(lines);
  const kinds = lines.map((l) => lineKind(l, margin));
  const unruled = unruledTables(lines, kinds, margin);
  let i = 0;
  while (i < lines.length) {
    const table = unruled.find((t) => t.start === i);
    if (table) {
      blocks.push({ ...unruledBlock(table, lines.slice(i, table.end + 1)), alone: table.alone });
      i = table.end + 1;
      continue;
    }
    const start = i;
    while (i + 1 < lines.length && runsOn(lines[i], lines[i + 1], margin) && kinds[i + 1] !== 'row' && !unruled.some((t) => t.start === i + 1)) i++;
    const para = lines.slice(start, i + 1);
    const last = para[para.length - 1];
    blocks.push({
      kind: 'prose',
      top: para[0].y - para[0].size,
      bottom: last.y,
      text: joinLines(para.map((l) => l.text)),
      open: reaches(last, margin),
      indented: para[0].left > margin.left + para[0].size * 0.9,
      // Lines a table may take when it goes on at the top of the next page (its header at this page's foot).
      lines: para,
    });
    i++;
  }
  return blocks.sort((a, b) => a.top - b.top);
}

/**
 * Whether a line runs on into the next one, in the same paragraph: the next follows at the line pitch
 * (no paragraph spacing) and is not indented, and this one reached the right margin, or nearly did and
 * does not end a sentence (a line broken before a long word, a URL).
 */
function runsOn(line: Line, next: Line, margin: Margins): boolean {
  if (next.y - line.y > Math.max(line.size, next.size) * 1.9) return false;
  if (next.left > margin.left + next.size * 0.9) {
    // Indented: a new paragraph, unless it is the centred second line of a title set larger than the text.
    return reaches(line, margin) && line.size > margin.bodySize * 1.15 && Math.abs(line.size - next.size) < 0.5;
  }
  if (startsNumbered(line.text, next.text)) return false;
  if (reaches(line, margin)) return true;
  return line.right >= margin.right - line.size * 10 && !/[。！？；：:!?;]$/.test(line.text) && line.right - margin.left > (margin.right - margin.left) * 0.5;
}

/** The start of a numbered heading or item: （四）, 二、, 3. or 3、 (not a decimal such as 1.5). */
const NUMBERED_START = /^\s*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.．、](?!\d))/;
