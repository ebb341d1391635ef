/**
 * Reads a published report as PDF into the core's grid: each page's ruled tables cell by cell (cells
 * from the ruling lines, merged cells where a line is missing), unruled tables by the columns their
 * figures stand in, the prose as paragraphs. Page numbers and running headers and footers are dropped;
 * a table that runs over a page break is joined into one sheet named for the pages it spans ("第3–4页"),
 * so a finding's cell says where to look.
 */
import { type Cell, type MergeArea, type PrintedRow, SENTENCE, type Sheet } from '../core';
import { InputTooLargeError, UnreadableInputError } from './errors';
import { ioMessages } from './messages';
import { extractPdf, MAX_PDF_PAGES, type PageContent, type RuleLine, type TextRun } from './pdfExtract';
import { cleanPdfText, joinLines, joinThousands } from './pdfText';
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
      /** A ruled table's column lines, left to right; an unruled table's column centres. */
      columns: number[];
      ruled: boolean;
    }
  | { kind: 'prose'; top: number; bottom: number; text: string; open: boolean; indented: boolean };

interface Line {
  y: number;
  size: number;
  runs: TextRun[];
  text: string;
  left: number;
  right: number;
}

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

  const sheets: Sheet[] = [];
  const prose: string[] = [];
  type Building = { first: number; last: number; rows: (Cell | undefined)[][]; merges: MergeArea[]; printed: (PrintedRow | undefined)[] };
  let sheet: Building | undefined;
  let lastBlock: Block | undefined;
  let lastProse: { rows: (Cell | undefined)[][]; index: number } | undefined;
  /** Where the sheet's last table stands, so the part of it on the next page can be laid onto the same columns. */
  let lastTable: { top: number; end: number; mergesFrom: number; columns: number[] } | undefined;
  const flush = () => {
    if (sheet) sheets.push({ name: ioMessages.pdfSheetName(sheet.first + 1, sheet.last + 1), rows: sheet.rows, merges: sheet.merges, printedRows: sheet.printed });
    sheet = undefined;
  };
  blocksByPage.forEach((blocks, pageIndex) => {
    const first = blocks[0];
    const continues = lastBlock !== undefined && first !== undefined && continuesOver(lastBlock, first);
    // Only a table joins two pages into one sheet; a paragraph that runs on is joined in the text.
    if (sheet && !(continues && first.kind === 'table')) flush();
    if (!sheet) sheet = { first: pageIndex, last: pageIndex, rows: [], merges: [], printed: [] };
    const target: Building = sheet;
    target.last = pageIndex;
    blocks.forEach((block, i) => {
      const joining = i === 0 && continues;
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
      let { rows, merges, columns } = block;
      if (joining && lastTable && block.ruled && !sameColumns(lastTable.columns, columns)) {
        // The two parts of one table drew different column lines: both are laid onto all of them.
        const all = unionColumns(lastTable.columns, columns);
        const before = remapColumns(target.rows.slice(lastTable.top, lastTable.end), target.merges.slice(lastTable.mergesFrom).map((m) => shift(m, -lastTable!.top)), lastTable.columns, all);
        target.rows.splice(lastTable.top, before.rows.length, ...before.rows);
        target.merges.splice(lastTable.mergesFrom, Infinity, ...before.merges.map((m) => shift(m, lastTable!.top)));
        ({ rows, merges } = remapColumns(rows, merges, columns, all));
        columns = all;
      }
      // Word, WPS and LibreOffice repeat a table's header rows on each page it runs onto: read once, not as rows of data.
      const repeated = joining && lastTable ? repeatedHeaderRows(target.rows.slice(lastTable.top, lastTable.end), rows) : 0;
      const top = target.rows.length - repeated;
      const tableTop = joining && lastTable ? lastTable.top : top;
      const mergesFrom = joining && lastTable ? lastTable.mergesFrom : target.merges.length;
      target.rows.push(...rows.slice(repeated));
      target.printed.push(...rows.slice(repeated).map((_, r) => ({ page: pageIndex + 1, row: repeated + r + 1 })));
      for (const m of merges) if (m.top >= repeated) target.merges.push(shift(m, top));
      lastTable = { top: tableTop, end: target.rows.length, mergesFrom, columns };
      // A blank row after a table, as the other readers leave, so that what follows is not read as its continuation.
      if (i < blocks.length - 1) {
        target.rows.push([]);
        target.printed.push(undefined);
      }
      lastBlock = { ...block, columns };
    });
    if (blocks.length === 0) lastBlock = undefined;
  });
  flush();
  return { workbook: { sheets }, narrative: prose.join('\n') };
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
    if (!last.ruled) return last.columns.length === next.columns.length && last.columns.every((x, i) => near(x, next.columns[i]));
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

/** How many of a table part's first rows repeat the table's own first rows (its header, printed again on a new page). */
function repeatedHeaderRows(table: (Cell | undefined)[][], part: (Cell | undefined)[][]): number {
  const text = (row: (Cell | undefined)[] | undefined) => JSON.stringify((row ?? []).map((c) => c?.value ?? null));
  let n = 0;
  while (n < part.length - 1 && n < table.length && text(part[n]) === text(table[n]) && part[n].some((c) => typeof c?.value === 'string')) n++;
  return n;
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

/** Runs grouped into lines by their baselines, left to right. */
function textLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(run.y - line.y) <= Math.min(line.size, run.size) * 0.4) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run], text: '', left: 0, right: 0 });
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    line.text = segments(line.runs).map((s) => s.text).join(' ');
    line.left = line.runs[0].x;
    line.right = Math.max(...line.runs.map((r) => r.x + r.w));
  }
  return lines;
}

interface Segment {
  text: string;
  left: number;
  right: number;
}

/** The runs of a line split where a gap wider than a character separates them: the cells of an unruled row. */
function segments(runs: TextRun[]): Segment[] {
  const out: Segment[] = [];
  let current: { parts: string[]; left: number; right: number } | undefined;
  for (const run of runs) {
    // A run a browser writes with spaces between its figures ("0 0 2") splits at runs of spaces of its own.
    const pieces = splitRun(run);
    for (const piece of pieces) {
      const gap = current ? piece.x - current.right : Infinity;
      // Two figures side by side are two cells once any space parts them: "64 0" is never 640.
      const figures = current !== undefined && /\d$/.test(current.parts[current.parts.length - 1]) && /^\d/.test(piece.s);
      if (current && gap <= Math.max(piece.size, 4) * (figures ? 0.3 : 1.5)) {
        const before = current.parts[current.parts.length - 1].slice(-1);
        const spaced = piece.x - current.right > piece.size * 0.2 && WORD_CHAR.test(before) && WORD_CHAR.test(piece.s[0]);
        current.parts.push((spaced ? ' ' : '') + piece.s);
        current.right = piece.x + piece.w;
      } else {
        if (current) out.push({ text: current.parts.join('').trim(), left: current.left, right: current.right });
        current = { parts: [piece.s], left: piece.x, right: piece.x + piece.w };
      }
    }
  }
  if (current) out.push({ text: current.parts.join('').trim(), left: current.left, right: current.right });
  return out.filter((s) => s.text !== '').map((s) => ({ ...s, text: joinThousands(s.text) }));
}

/** A run cut at its inner spaces, each piece placed by its share of the run's characters. */
function splitRun(run: TextRun): TextRun[] {
  if (!/\s/.test(run.s.trim())) return [{ ...run, s: run.s.trim(), x: run.x + leadingWidth(run) }];
  const per = run.w / Math.max(1, run.s.length);
  const out: TextRun[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(run.s))) out.push({ ...run, s: m[0], x: run.x + m.index * per, w: m[0].length * per });
  return out;
}

function leadingWidth(run: TextRun): number {
  const lead = run.s.length - run.s.trimStart().length;
  return lead ? (run.w / run.s.length) * lead : 0;
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

/** Characters a space between runs is kept between: CJK has no spaces between words, or between a figure and its unit. */
const WORD_CHAR = /[A-Za-z0-9.,%]/;

const FIGURE = /^-?\d[\d,]*(\.\d+)?%?$|^[—–-]$|^[/／无]$/;

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
  let i = 0;
  while (i < lines.length) {
    const end = unruledEnd(kinds, i);
    if (end > i) {
      blocks.push(unruledBlock(lines.slice(i, end + 1)));
      i = end + 1;
      continue;
    }
    const start = i;
    while (i + 1 < lines.length && runsOn(lines[i], lines[i + 1], margin) && kinds[i + 1] !== 'row') i++;
    const para = lines.slice(start, i + 1);
    const last = para[para.length - 1];
    blocks.push({
      kind: 'prose',
      top: para[0].y - para[0].size,
      bottom: last.y,
      text: joinLines(para.map((l) => l.text)),
      open: reaches(last, margin),
      indented: para[0].left > margin.left + para[0].size * 0.9,
    });
    i++;
  }
  return blocks.sort((a, b) => a.top - b.top);
}

/**
 * The page's text margins: the leftmost line start, and the right end most full lines reach (a line
 * with a long word or a URL may stick out past it).
 */
interface Margins {
  left: number;
  right: number;
  /** The size most of the text is set in. */
  bodySize: number;
}

function textMargins(lines: Line[]): Margins {
  const widest = Math.max(...lines.map((l) => l.right - l.left));
  const rights = lines.filter((l) => l.right - l.left > widest * 0.6).map((l) => l.right).sort((a, b) => a - b);
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  return { left: Math.min(...lines.map((l) => l.left)), right: rights[Math.floor(rights.length * 0.6)] ?? 0, bodySize: sizes[Math.floor(sizes.length / 2)] ?? 0 };
}

const reaches = (line: Line, margin: { right: number }) => line.right >= margin.right - line.size * 1.5;

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

type LineKind = 'row' | 'header' | 'label' | 'prose';

/**
 * How a line may belong to an unruled table: a row (cells with a figure), a header (cells without
 * one), a label alone (a group's name, short of the margin), or prose.
 */
function lineKind(line: Line, margin: Margins): LineKind {
  const row = segments(line.runs);
  if (isTableRow(row)) return 'row';
  if (isSentence(row.map((s) => s.text).join(''))) return 'prose';
  if (row.length >= 2) return 'header';
  return reaches(line, margin) ? 'prose' : 'label';
}

/**
 * The last line of an unruled table starting at `start`, or `start` - 1 when none starts there: two
 * or more rows, with the header rows before them and the labels between them.
 */
function unruledEnd(kinds: LineKind[], start: number): number {
  let i = start;
  while (kinds[i] === 'header') i++;
  if (kinds[i] !== 'row') return start - 1;
  let end = i;
  let rows = 0;
  for (let j = i; j < kinds.length && kinds[j] !== 'prose'; j++) {
    if (kinds[j] === 'row') {
      rows++;
      end = j;
    }
  }
  return rows >= 2 ? end : start - 1;
}

function isSentence(text: string): boolean {
  return SENTENCE.test(text) || /[，,；;]/.test(text.replace(/[（(][^（()）]*[)）]/g, ''));
}

/**
 * A line of an unruled table: two or more cells, at least one of them a figure, and no sentence (a
 * justified line of prose may have wide gaps around a figure). Commas inside brackets belong to labels.
 */
function isTableRow(row: Segment[]): boolean {
  return row.length >= 2 && row.some((s) => FIGURE.test(s.text)) && !isSentence(row.map((s) => s.text).join(''));
}

/** An unruled table: its columns where its cells after the label stand, one column per cell of a row at most. */
function unruledBlock(lines: Line[]): Block {
  const rows = lines.map((l) => segments(l.runs));
  const placed = rows.flatMap((r, row) => r.slice(1).map((s) => ({ row, mid: (s.left + s.right) / 2, s })));
  const tolerance = Math.max(...lines.map((l) => l.size)) * 1.2;
  // Columns left to right: a cell joins the current column when it stands close to it and that row has no cell there yet.
  placed.sort((a, b) => a.mid - b.mid);
  const columns: { mids: number[]; rows: Set<number> }[] = [];
  const columnOf = new Map<Segment, number>();
  for (const p of placed) {
    const current = columns[columns.length - 1];
    if (current && p.mid - current.mids[current.mids.length - 1] <= tolerance && !current.rows.has(p.row)) {
      current.mids.push(p.mid);
      current.rows.add(p.row);
    } else columns.push({ mids: [p.mid], rows: new Set([p.row]) });
    columnOf.set(p.s, columns.length);
  }
  const cells = rows.map((r) => {
    const out: (Cell | undefined)[] = [toCell(r[0].text)];
    for (const s of r.slice(1)) out[columnOf.get(s)!] = toCell(s.text);
    return out;
  });
  const centres = columns.map((c) => c.mids.reduce((sum, m) => sum + m, 0) / c.mids.length);
  return { kind: 'table', top: lines[0].y - lines[0].size, bottom: lines[lines.length - 1].y, rows: cells, merges: [], columns: centres, ruled: false };
}
