/**
 * Unruled tables: a table printed without borders, rebuilt from where its text stands. The figure
 * columns come first, from the figures that stand in a column down the rows (or across one row under
 * its header); what is left of the first of them is the row labels, in as many label columns as their
 * left edges show. A label wrapped over lines beside its figures (a browser centres it on the row, Word
 * starts it there) is put back together; the header lines above the first row are joined per column,
 * and a header over several columns is a merged cell above theirs.
 */
import { type Cell, hasNumbering, isTemplateLabel, type MergeArea } from '../core';
import { type CutRule, FIGURE, isSentence, type Line, linePieces, type Margins, reaches, type Segment, segmentPieces, segments } from './pdfLines';
import { joinLines } from './pdfText';
import { toCell } from './text';

export type LineKind = 'row' | 'header' | 'label' | 'prose';

/**
 * How a line may belong to an unruled table, before its columns are known: a row (cells with a
 * figure), a header (cells without one), a label alone (a group's name, short of the margin), or prose.
 */
export function lineKind(line: Line, margin: Margins): LineKind {
  const row = segments(line.runs);
  if (isTableRow(row)) return 'row';
  if (isSentence(row.map((s) => s.text).join(''))) return 'prose';
  if (row.length >= 2) return 'header';
  return reaches(line, margin) ? 'prose' : 'label';
}

/**
 * A line of an unruled table: two or more cells, at least one of them a figure, and no sentence (a
 * justified line of prose may have wide gaps around a figure).
 */
function isTableRow(row: Segment[]): boolean {
  return row.length >= 2 && row.some((s) => isFigure(s.text)) && !isSentence(row.map((s) => s.text).join(''));
}

/** A figure, a sign for none, or an amount with its unit ("251000元"): what a figure column holds. */
const isFigure = (text: string) => FIGURE.test(text) || /^-?\d[\d,]*(\.\d+)?(元|万元)$/.test(text);

/** A table's title: 表三, 表3, or a name ending in 统计表 / 情况表. */
const TABLE_TITLE = /^表\s*[一二三四五六七八九十\d]+(\s|$)|[统计情况]表$/;

/** Where a figure column's figures stand, left to right. */
export interface Span {
  left: number;
  right: number;
}

/** An unruled table found on a page: its lines (indices into the page's lines) and its grid. */
export interface UnruledTable {
  start: number;
  end: number;
  rows: (Cell | undefined)[][];
  merges: MergeArea[];
  /** The left edges of its label columns, and its figure columns: the grid has one column for each. */
  labels: number[];
  /** For each row of the grid, the line (index into the lines read) it starts on: where it stands on its page. */
  rowLines: number[];
  columns: Span[];
  /**
   * A row alone at the top of a page, under no header: a table only if it continues the table the page
   * before ended with (the page layout decides); else it is this text, a paragraph.
   */
  alone?: string;
}

/** Two spans share some width. */
const overlap = (a: Span, b: Span) => Math.min(a.right, b.right) - Math.max(a.left, b.left);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
};

/** The unruled tables among a page's lines (not those of ruled tables), top to bottom. */
export function unruledTables(lines: Line[], kinds: LineKind[], margin: Margins): UnruledTable[] {
  const rowAt = kinds.flatMap((k, i) => (k === 'row' ? [i] : []));
  if (rowAt.length === 0) return [];
  const size = median(rowAt.map((i) => lines[i].size));
  // Rows one after the other give the table's pitch; a gap much wider than it is a paragraph's.
  const pitch = median(rowAt.filter((i, n) => rowAt[n + 1] === i + 1).map((i) => lines[i + 1].y - lines[i].y));
  const maxGap = Math.max(size * 1.75, pitch * 1.3);
  const near = (from: number, to: number) => {
    for (let k = from + 1; k <= to; k++) if (lines[k].y - lines[k - 1].y > maxGap) return false;
    return true;
  };

  // Seeds: rows joined over the lines between them that may be part of a table.
  const seeds: { start: number; end: number }[] = [];
  for (const i of rowAt) {
    const seed = seeds[seeds.length - 1];
    if (seed && near(seed.end, i) && kinds.slice(seed.end + 1, i).every((k) => k !== 'prose')) seed.end = i;
    else seeds.push({ start: i, end: i });
  }
  // Seeds parted only by lines that are a table's once its columns are known (a label wrapped with a
  // comma in it, a label set close to its figure), with figures that stand where its do, are one table.
  const joined: { start: number; end: number }[] = [];
  for (const seed of seeds) {
    const last = joined[joined.length - 1];
    if (last && near(last.end, seed.start)) {
      const frame = frameOf(lines, last.start, last.end);
      const next = figureColumns(lines, seed.start, seed.end);
      const between = (f: Frame) => Array.from({ length: seed.start - last.end - 1 }, (_, k) => readLine(lines, last.end + 1 + k, f).kind);
      if (frame && between(frame).every((k) => k !== 'prose') && next.every((c) => frame.columns.some((d) => overlap(c, d) > 0))) {
        last.end = seed.end;
        continue;
      }
    }
    joined.push({ ...seed });
  }

  const tables: UnruledTable[] = [];
  let floor = -1;
  joined.forEach((seed, n) => {
    const ceiling = joined[n + 1]?.start ?? lines.length;
    const found = growTable(lines, seed, floor, ceiling, maxGap, margin);
    if (found) {
      tables.push(found);
      floor = found.end;
    }
  });
  return tables;
}

/** What a table knows of its columns when it reads a line: where the figures start, and the label column's right. */
interface Frame {
  columns: Span[];
  /** Left of the first figure column: what ends before it is a label. */
  start: number;
  /** The right end of the rows' labels: a header cell that starts past it heads a figure column. */
  labelRight: number;
  size: number;
}

/**
 * The figure columns of a table's rows: figures of different lines that overlap, one per line at most.
 * Narrow figures first: a wide one (an amount) that reaches over two columns joins the one it overlaps
 * most without widening it, so that it never bridges them.
 */
function figureColumns(lines: Line[], start: number, end: number, frame?: Frame): Span[] {
  const tokens: { span: Span; line: number }[] = [];
  for (let i = start; i <= end; i++) {
    const cells = frame ? cellsOf(lines[i], frame) : segments(lines[i].runs);
    if (!frame && !isTableRow(cells) && !cells.every((s) => isFigure(s.text))) continue;
    // Once cut at the columns, the figures after a row's last label, wherever they start (the first ones
    // may have been run into the label before).
    const lastLabel = cells.reduce((last, s, k) => (isFigure(s.text) ? last : k), -1);
    cells.forEach((s, k) => {
      if (isFigure(s.text) && (!frame || k > lastLabel || s.left >= frame.start - 0.5 || frame.columns.some((c) => overlap(c, s) > 0))) tokens.push({ span: s, line: i });
    });
  }
  tokens.sort((a, b) => a.span.right - a.span.left - (b.span.right - b.span.left) || a.span.left - b.span.left);
  const columns: { span: Span; lines: Set<number> }[] = [];
  for (const t of tokens) {
    const over = columns.filter((c) => overlap(c.span, t.span) > 0);
    const free = over.filter((c) => !c.lines.has(t.line));
    if (free.length === 0) {
      if (over.length === 0) columns.push({ span: { ...t.span }, lines: new Set([t.line]) });
      continue;
    }
    const best = free.reduce((a, b) => (overlap(b.span, t.span) > overlap(a.span, t.span) ? b : a));
    if (over.length === 1) best.span = { left: Math.min(best.span.left, t.span.left), right: Math.max(best.span.right, t.span.right) };
    best.lines.add(t.line);
  }
  return columns.map((c) => c.span).sort((a, b) => a.left - b.left);
}

/**
 * The figure column a piece of text stands in: the one it overlaps most, else the one whose room (to
 * halfway to the next column on either side) holds its middle: a header centred over figures set left
 * or right in their cells may touch none of them.
 */
function columnOf(span: Span, columns: Span[]): number {
  let best = -1;
  for (let c = 0; c < columns.length; c++) if (overlap(columns[c], span) > 0 && (best < 0 || overlap(columns[c], span) > overlap(columns[best], span))) best = c;
  if (best >= 0) return best;
  const middle = (span.left + span.right) / 2;
  const after = columns.findIndex((c, k) => k === columns.length - 1 || middle < (c.right + columns[k + 1].left) / 2);
  return after >= 0 ? after : columns.length - 1;
}

/**
 * A line's cells once the table's columns are known: cut where the text passes from the labels into a
 * figure column or from one column to the next, and before a numbered label ("三、本年度 （一）予以公开"),
 * however narrow the gap; a figure spaced into thousands within one column stays one figure.
 */
/** Each line's cells and reading against a frame, worked out once: growing a table reads its lines many times. */
const cellsMemo = new WeakMap<Frame, Map<Line, Segment[]>>();
const readMemo = new WeakMap<Frame, Map<Line, { kind: TableLineKind; cells: Placed[] }>>();

function memo<T>(store: WeakMap<Frame, Map<Line, T>>, frame: Frame, line: Line, make: () => T): T {
  let byLine = store.get(frame);
  if (!byLine) store.set(frame, (byLine = new Map()));
  let value = byLine.get(line);
  if (value === undefined) byLine.set(line, (value = make()));
  return value;
}

function cellsOf(line: Line, frame: Frame): Segment[] {
  return memo(cellsMemo, frame, line, () => cutCells(line, frame));
}

function cutCells(line: Line, frame: Frame): Segment[] {
  const over = (span: Span) => frame.columns.flatMap((c, k) => (overlap(c, span) > 0 ? [k] : []));
  const cut: CutRule = (cell, pieces, i, gap) => {
    if (gap < 0.5) return undefined;
    const piece = pieces[i];
    const here = over({ left: piece.x, right: piece.x + piece.w });
    const before = over(cell);
    // Into a figure column the cell so far does not reach: out of the labels, or into the next column.
    if (here.some((c) => !before.includes(c)) && (gap >= 1 || isFigure(piece.s))) return true;
    // Two figures in one column: one figure spaced into thousands, or two (the gap decides).
    if (/\d$/.test(pieces[i - 1].s) && /^\d/.test(piece.s)) return undefined;
    // The text of one cell is set without gaps; another run a visible gap away is another cell.
    if (piece.run !== pieces[i - 1].run && gap >= 1) return true;
    if (gap >= piece.size * 0.25 && hasNumbering(pieces.slice(i, i + 4).map((p) => p.s).join(''))) return true;
    return undefined;
  };
  return segmentPieces(linePieces(line.runs), cut);
}

/** A cell of a table line, placed: in a label column (by its left edge) or in figure columns. */
interface Placed {
  text: string;
  span: Span;
  line: number;
  y: number;
  /** Figure columns it covers (a header over several is a merged cell); none for a label. */
  columns: number[];
  figure: boolean;
}

type TableLineKind = 'row' | 'header' | 'label' | 'prose';

/** A line read against the table's columns: what kind of table line it is, and its cells placed. */
function readLine(lines: Line[], i: number, frame: Frame): { kind: TableLineKind; cells: Placed[] } {
  const read = memo(readMemo, frame, lines[i], () => readCells(lines, i, frame));
  return read.cells[0] === undefined || read.cells[0].line === i ? read : { ...read, cells: read.cells.map((c) => ({ ...c, line: i })) };
}

function readCells(lines: Line[], i: number, frame: Frame): { kind: TableLineKind; cells: Placed[] } {
  const segs = cellsOf(lines[i], frame);
  // Left of the figures, unless it reaches into a figure column (a wide figure set right sticks out left).
  const left = (s: Segment) => s.left < frame.start - 0.5 && !frame.columns.some((c) => overlap(c, s) > 0.5);
  const figures = segs.filter((s) => isFigure(s.text) && !left(s));
  const row = figures.length > 0 && (segs.length >= 2 || overlap(frame.columns[columnOf(figures[0], frame.columns)], figures[0]) > 0);
  // On a row every cell left of the figures is a label; above the rows a cell that starts past the
  // rows' labels (统计指标 | 单位 | 统计数 over a right-aligned column of figures) or is centred over the
  // figure columns (自然人, wider than its figures) heads a figure column.
  const isLabel = (s: Segment) => left(s) && (row || (s.left <= frame.labelRight + frame.size * 0.5 && (s.left + s.right) / 2 < frame.start && s.right <= frame.start + frame.size * 2));
  const placed: Placed[] = segs.map((s) => {
    const figure = isFigure(s.text) && !left(s);
    return { text: s.text, span: { left: s.left, right: s.right }, line: i, y: s.y, columns: isLabel(s) ? [] : coveredColumns(s, frame.columns), figure };
  });
  if (row) return { kind: 'row', cells: placed };
  if (figures.length > 0) return { kind: 'prose', cells: placed };
  // Text over the figure columns with no figure: a header line, unless it is a sentence or a paragraph's line.
  const over = placed.filter((p) => p.columns.length > 0);
  if (over.length === 0) return { kind: 'label', cells: placed };
  // Text from the labels across every figure column is a line of prose.
  const last = frame.columns[frame.columns.length - 1];
  const straddling = frame.columns.length > 1 && placed.some((p) => p.span.left < frame.start - 0.5 && p.span.right > last.right + 0.5);
  if (straddling || isSentence(over.map((p) => p.text).join(''))) return { kind: 'prose', cells: placed };
  return { kind: 'header', cells: placed };
}

/** The figure columns a cell of text covers: all it overlaps, else the one it heads. */
function coveredColumns(span: Span, columns: Span[]): number[] {
  const over = columns.flatMap((c, k) => (overlap(c, span) > 0.5 ? [k] : []));
  return over.length ? over : [columnOf(span, columns)];
}

/**
 * A table grown from its seed of rows: the figure columns found, the rows they give on lines the seed
 * left out (a label and figure set close), the header lines above the first row, the label lines
 * wrapped beside the first and the last row; then laid out.
 */
function growTable(lines: Line[], found: { start: number; end: number }, floor: number, ceiling: number, maxGap: number, margin: Margins): UnruledTable | undefined {
  // Lines of nothing but figures right above or below the rows: the parts of figures broken in narrow cells.
  const seed = { ...found };
  const onlyFigures = (k: number) => segments(lines[k].runs).every((s) => isFigure(s.text));
  while (seed.start - 1 > floor && lines[seed.start].y - lines[seed.start - 1].y <= lines[seed.start].size * 1.6 && onlyFigures(seed.start - 1)) seed.start--;
  while (seed.end + 1 < ceiling && lines[seed.end + 1].y - lines[seed.end].y <= lines[seed.end].size * 1.6 && onlyFigures(seed.end + 1)) seed.end++;
  const seedFrame = frameOf(lines, seed.start, seed.end);
  if (!seedFrame) return undefined;
  let frame: Frame = seedFrame;

  let { start, end } = seed;
  const gapAbove = (k: number) => lines[k + 1].y - lines[k].y > maxGap;
  // Down: lines that are rows once the columns are known, with what stands between.
  let k = end + 1;
  for (; k < ceiling && !gapAbove(k - 1); k++) {
    const { kind } = readLine(lines, k, frame);
    if (kind === 'prose') break;
    if (kind === 'row') end = k;
  }
  // At the foot of the page, the label and header lines after the last row go on with the table on the next page.
  if (k === lines.length) end = lines.length - 1;
  // A label wrapped below the last row.
  while (end + 1 < ceiling && !gapAbove(end) && wrapsOn(lines, end + 1, frame)) end++;
  // Up: label lines wrapped above the first row, then the header, with label lines inside it.
  let state: 'labels' | 'header' = 'labels';
  // A header's lines stand less evenly than rows (cells centred over one, two or three of them).
  const headerGap = Math.max(maxGap, frame.size * 2.1);
  for (let k = start - 1; k > floor && lines[k + 1].y - lines[k].y <= headerGap; k--) {
    // The table's title above it (表四 …, often set larger) is no header.
    if (Math.abs(lines[k].size - frame.size) > frame.size * 0.15 || TABLE_TITLE.test(lines[k].text)) break;
    const { kind, cells } = readLine(lines, k, frame);
    if (kind === 'row' && state === 'labels') {
      start = k;
      continue;
    }
    if (kind === 'header') {
      state = 'header';
      start = k;
      continue;
    }
    if (kind !== 'label' || reaches(lines[k], margin)) break;
    if (state === 'labels') {
      if (/[。；！？：:]$/.test(lines[k].text) || cells.some((c) => c.span.right > frame.start)) break;
      start = k;
    }
    // A label line inside the header is kept only when a header line stands above it (checked as the loop goes on).
  }

  // A column no row fills (all its cells blank) shows only by its header: it is a column all the same,
  // and the headers beside it keep to theirs.
  const blank = blankColumns(lines, start, end, frame);
  if (blank.length) {
    const columns = [...frame.columns, ...blank].sort((a, b) => a.left - b.left);
    frame = { ...frame, columns, start: Math.min(frame.start, columns[0].left) };
  }
  const read = Array.from({ length: end - start + 1 }, (_, n) => readLine(lines, start + n, frame));
  const rows = read.filter((r) => r.kind === 'row');
  const header = read.filter((r) => r.kind === 'header');
  if (rows.length === 0) return undefined;
  // One row is a table under a header that names its columns (table 四: one row of fifteen figures), or
  // perhaps at the top of a page, the last row of the table before.
  const cells = rows[0].cells.filter((c) => c.figure).length + rows[0].cells.filter((c) => !c.figure && c.columns.length === 0).length;
  const alone = rows.length === 1 && header.length === 0 && start === 0 && cells >= 2;
  if (rows.length === 1 && !alone && (header.length === 0 || cells < 2)) return undefined;
  const table = { start, end, ...layoutTable(joinWrappedFigures(read, frame), start, frame), columns: frame.columns };
  return alone ? { ...table, alone: joinLines(lines.slice(start, end + 1).map((l) => l.text)) } : table;
}

/**
 * Header cells that stand over no figure column and have no header cell under them, between figure
 * columns that have headers of their own: the headers of columns whose cells are all blank, each a
 * column of its own. Beside a figure column with no header of its own, such a cell is that column's
 * (统计数 set left over figures set right).
 */
function blankColumns(lines: Line[], start: number, end: number, frame: Frame): Span[] {
  const header = Array.from({ length: end - start + 1 }, (_, n) => readLine(lines, start + n, frame)).filter((r) => r.kind === 'header');
  const cells = header.flatMap((r) => r.cells.filter((c) => c.columns.length > 0));
  // A column's own header is a header cell with none under it (a section's name over the whole table is none).
  const lowest = cells.filter((c) => !cells.some((d) => d.line > c.line && overlap(d.span, c.span) > 0));
  const headed = frame.columns.map((col) => lowest.some((c) => overlap(col, c.span) > 0));
  // A header wrapped in its cell: the lines above it at a wrapped line's pitch, set the same way (left or centred).
  const sameCell = (above: Placed, below: Placed) =>
    below.y - above.y > 0 && below.y - above.y <= frame.size * 1.6 && overlap(above.span, below.span) > 0 && (Math.abs(above.span.left - below.span.left) <= 1 || Math.abs(above.span.left + above.span.right - below.span.left - below.span.right) <= 2);
  const out: Span[] = [];
  for (const c of lowest) {
    let span = c.span;
    for (let top = c, up = cells.find((d) => sameCell(d, top)); up; top = up, up = cells.find((d) => sameCell(d, top))) span = { left: Math.min(span.left, up.span.left), right: Math.max(span.right, up.span.right) };
    if (frame.columns.some((col) => overlap(col, span) > 0) || out.some((o) => overlap(o, span) > 0)) continue;
    const right = frame.columns.findIndex((col) => col.left >= span.right);
    const left = right < 0 ? frame.columns.length - 1 : right - 1;
    if ((right >= 0 && !headed[right]) || (left >= 0 && !headed[left])) continue;
    out.push(span);
  }
  return out;
}

/**
 * The columns of a seed of rows: found from its cells as the gaps part them, then again from its cells
 * as those columns part them (a figure set close to its label stands in a column of the others).
 */
function frameOf(lines: Line[], start: number, end: number): Frame | undefined {
  const first = figureColumns(lines, start, end);
  if (first.length === 0) return undefined;
  const size = median(lines.slice(start, end + 1).map((l) => l.size));
  const rough: Frame = { columns: first, start: first[0].left, labelRight: -Infinity, size };
  const columns = figureColumns(lines, start, end, rough);
  const frame: Frame = { columns, start: columns[0].left, labelRight: -Infinity, size };
  return { ...frame, labelRight: labelRight(lines, start, end, frame) };
}

/** The right end of the labels of a table's rows. */
function labelRight(lines: Line[], start: number, end: number, frame: Frame): number {
  let right = -Infinity;
  for (let i = start; i <= end; i++) {
    const cells = cellsOf(lines[i], frame);
    if (!cells.some((s) => isFigure(s.text) && s.left >= frame.start - 0.5)) continue;
    for (const s of cells) if (s.left < frame.start - 0.5 && s.right < frame.start) right = Math.max(right, s.right);
  }
  return right;
}

/** Whether a line after a table's last row is its label wrapped on: all left of the figures, not numbered, no sentence end. */
function wrapsOn(lines: Line[], k: number, frame: Frame): boolean {
  const line = lines[k];
  // Measured from the label beside the figures, which may sit on another baseline than they do.
  const above = lines[k - 1].runs[0].y;
  return line.right <= frame.start - 0.5 && !hasNumbering(line.text) && !/[。；！？：:]$/.test(line.text) && line.y - above <= frame.size * 1.6;
}

/**
 * Figures broken over lines in a narrow cell ("375" over "5" for 3755) put back together: in one figure
 * column, digits that fill the column's width (a single digit never wraps) and, a wrapped line's pitch
 * below, more digits set the same way, on a line where no label starts. The figure goes to the row line
 * between the two (a cell centred on its row) or, with none between, to the first (a cell set at the top).
 */
function joinWrappedFigures(read: { kind: TableLineKind; cells: Placed[] }[], frame: Frame): { kind: TableLineKind; cells: Placed[] }[] {
  const out = read.map((r) => ({ ...r, cells: [...r.cells] }));
  const isLabel = (p: Placed) => !p.figure && p.columns.length === 0;
  // A line's own label is its last (a group's name may stand before it, centred over several rows).
  const ownLabel = (n: number) => out[n].cells.filter(isLabel).pop();
  const startsLabel = (n: number) => {
    const p = ownLabel(n);
    return p !== undefined && (hasNumbering(p.text) || !out.slice(0, n).some((r) => r.cells.some((q) => isLabel(q) && Math.abs(q.span.left - p.span.left) <= frame.size * 0.6 && p.y - q.y <= frame.size * 1.6)));
  };
  const numbered = (n: number) => hasNumbering(ownLabel(n)?.text ?? '');
  const aligned = (a: Span, b: Span) => Math.abs(a.right - b.right) <= 1 || Math.abs(a.left - b.left) <= 1 || Math.abs(a.left + a.right - b.left - b.right) <= 2;
  for (let c = 0; c < frame.columns.length; c++) {
    const at = out.flatMap((r, n) => r.cells.filter((p) => p.figure && p.columns[0] === c).map((p) => ({ n, p })));
    const widest = (except: Placed[]) => Math.max(0, ...at.filter((t) => !except.includes(t.p)).map((t) => t.p.span.right - t.p.span.left));
    for (let k = 0; k + 1 < at.length; k++) {
      const [top, rest] = [at[k], at[k + 1]];
      const digits = /^\d+$/;
      if (!digits.test(top.p.text) || !/^[\d.]+%?$/.test(rest.p.text) || top.p.text.length < 2) continue;
      if (rest.p.y - top.p.y > frame.size * 1.6 || !aligned(top.p.span, rest.p.span) || numbered(rest.n)) continue;
      // It filled its cell: with one more digit it would be wider than any figure the column holds whole.
      const digit = (rest.p.span.right - rest.p.span.left) / rest.p.text.length;
      if (top.p.span.right - top.p.span.left + digit <= widest([top.p, rest.p]) + 0.5) continue;
      // Where a label starts, the line is a row of its own, unless it holds only a few figures' ends (a label's last line beside them).
      if (startsLabel(rest.n) && out[rest.n].cells.filter((p) => p.figure).length * 2 >= frame.columns.length) continue;
      const between = out.findIndex((r, n) => n > top.n && n < rest.n && r.kind === 'row');
      const home = between >= 0 ? between : top.n;
      const joined: Placed = { ...top.p, text: top.p.text + rest.p.text, span: { left: Math.min(top.p.span.left, rest.p.span.left), right: Math.max(top.p.span.right, rest.p.span.right) }, line: out[home].cells[0]?.line ?? top.p.line };
      out[top.n].cells = out[top.n].cells.filter((p) => p !== top.p);
      out[rest.n].cells = out[rest.n].cells.filter((p) => p !== rest.p);
      out[home].cells.push(joined);
      k++;
    }
  }
  for (const r of out) if (r.kind === 'row' && !r.cells.some((p) => p.figure)) r.kind = 'label';
  return out;
}

/** A label cell being put together from the fragments of its lines. */
interface LabelCell {
  column: number;
  parts: Placed[];
  first: number;
  last: number;
}

/**
 * The grid of a table: header lines laid out as merged group cells over their columns and one row of
 * column headers; each row's labels (wrapped fragments joined) in the label columns and its figures
 * under theirs; a label line that names no row its own row.
 */
function layoutTable(read: { kind: TableLineKind; cells: Placed[] }[], start: number, frame: Frame): { rows: (Cell | undefined)[][]; merges: MergeArea[]; labels: number[]; rowLines: number[] } {
  const kinds = read.map((r) => r.kind);
  // Header blocks: from a header line to the last header line before the next row, with the label lines between.
  const inHeader = new Array<boolean>(read.length).fill(false);
  for (let n = 0; n < read.length; n++) {
    if (kinds[n] !== 'header') continue;
    let m = n;
    for (let k = n + 1; k < read.length && kinds[k] !== 'row'; k++) if (kinds[k] === 'header') m = k;
    for (let k = n; k <= m; k++) inHeader[k] = true;
    n = m;
  }
  const isLabel = (p: Placed) => !p.figure && p.columns.length === 0;
  const bodyLabels = read.flatMap((r, n) => (inHeader[n] ? [] : r.cells.filter(isLabel)));
  // The rows' labels give the label columns; a table whose rows have none keeps one for its header's label text.
  const headerLabels = read.flatMap((r, n) => (inHeader[n] ? r.cells.filter(isLabel) : []));
  const labels = labelEdges((bodyLabels.length ? bodyLabels : headerLabels).map((p) => p.span.left), frame.size);
  const labelColumn = (p: Placed) => {
    let k = 0;
    for (let e = 0; e < labels.length; e++) if (labels[e] <= p.span.left + frame.size * 0.3) k = e;
    return k;
  };
  const L = labels.length;
  const isRowLine = (line: number) => kinds[line - start] === 'row';
  // A row's own label is its last label cell; the cells before it name the group it belongs to.
  const ownLabel = new Set<Placed>();
  read.forEach((r) => {
    if (r.kind !== 'row') return;
    const own = r.cells.filter(isLabel);
    if (own.length) ownLabel.add(own[own.length - 1]);
  });

  // Label cells: per label column, fragments joined down the lines a label wraps over.
  const cells: LabelCell[] = [];
  const open = new Map<number, LabelCell>();
  for (const p of bodyLabels) {
    const column = labelColumn(p);
    const cell = open.get(column);
    if (cell && continues(cell, p, isRowLine, ownLabel, frame.size)) {
      cell.parts.push(p);
      cell.last = p.line;
      continue;
    }
    const fresh = { column, parts: [p], first: p.line, last: p.line };
    cells.push(fresh);
    open.set(column, fresh);
  }

  // Each label cell goes to the row whose figures stand within its lines; one that spans no row stands alone.
  const rowLines = read.flatMap((r, n) => (r.kind === 'row' ? [start + n] : []));
  const byRow = new Map<number, LabelCell[]>();
  const alone: LabelCell[] = [];
  const rowOf = (cell: LabelCell) => rowLines.find((l) => l >= cell.first && l <= cell.last);
  for (const cell of cells) {
    const row = rowOf(cell);
    if (row !== undefined) byRow.set(row, [...(byRow.get(row) ?? []), cell]);
  }
  for (const cell of cells) if (rowOf(cell) === undefined && !completesRow(cell, rowLines, byRow)) alone.push(cell);

  const out: (Cell | undefined)[][] = [];
  const outLines: number[] = [];
  const merges: MergeArea[] = [];
  const text = (cell: LabelCell) => joinLines(cell.parts.map((p) => p.text));
  let n = 0;
  while (n < read.length) {
    if (inHeader[n]) {
      let m = n;
      while (m + 1 < read.length && inHeader[m + 1]) m++;
      // A header heads the columns its own rows fill (a table of blocks may set each block's columns apart).
      let next = m + 1;
      while (next < read.length && !inHeader[next]) next++;
      const own = new Set(read.slice(m + 1, next).flatMap((r) => r.cells.filter((p) => p.figure).map((p) => p.columns[0])));
      const others = new Set(read.flatMap((r, k) => (k > m && k < next ? [] : r.cells.filter((p) => p.figure).map((p) => p.columns[0]))));
      const block = read.slice(n, m + 1);
      const headers = block.flatMap((r) => r.cells.filter((p) => p.columns.length > 0));
      const lowest = (p: Placed) => !headers.some((q) => q.line > p.line && overlap(q.span, p.span) > 0);
      // A column header the templates know, over none of its rows' columns, comes before a cell they do not know (第二十条第（五）项).
      const orphan = headers.some((p) => lowest(p) && isTemplateLabel(p.text) && !p.columns.some((c) => own.has(c)));
      const claimed = new Set(headers.filter((p) => lowest(p) && (!orphan || isTemplateLabel(p.text))).flatMap((p) => p.columns.filter((c) => own.has(c))));
      const heads = (p: Placed): Placed => {
        const mine = p.columns.filter((c) => own.has(c) || !others.has(c));
        if (mine.length) return { ...p, columns: mine };
        // A column header over none of its rows' columns (centred over a merged cell, its figure set right)
        // heads the nearest of them no other header stands over.
        const free = [...own].filter((c) => !claimed.has(c));
        if (p.columns.length === 0 || !lowest(p) || free.length === 0 || (orphan && !isTemplateLabel(p.text))) return p;
        const distance = (c: number) => Math.max(0, -overlap(frame.columns[c], p.span));
        const nearest = free.reduce((a, b) => (distance(b) < distance(a) ? b : a));
        claimed.add(nearest);
        return { ...p, columns: [nearest] };
      };
      const laid = layoutHeader(block.map((r) => ({ ...r, cells: r.cells.map(heads) })), labelColumn, L, frame);
      for (const area of laid.merges) merges.push({ ...area, top: area.top + out.length, bottom: area.bottom + out.length });
      out.push(...laid.rows);
      outLines.push(...laid.rows.map(() => start + n));
      n = m + 1;
      continue;
    }
    const line = start + n;
    for (const cell of alone.filter((c) => c.first === line)) {
      const row: (Cell | undefined)[] = [];
      row[cell.column] = toCell(text(cell));
      out.push(row);
      outLines.push(line);
    }
    if (read[n].kind === 'row') {
      const row: (Cell | undefined)[] = [];
      for (const cell of byRow.get(line) ?? []) {
        const value = text(cell);
        row[cell.column] = toCell(row[cell.column] ? `${String(row[cell.column]!.value)}${value}` : value);
      }
      for (const p of read[n].cells) {
        if (isLabel(p)) continue;
        const c = L + p.columns[0];
        row[c] = toCell(row[c] ? `${String(row[c]!.value)} ${p.text}` : p.text);
      }
      out.push(row);
      outLines.push(line);
    }
    n++;
  }
  return { rows: out, merges, labels, rowLines: outLines };
}

/** Left edges of label cells clustered: the label columns, left to right. */
function labelEdges(lefts: number[], size: number): number[] {
  const edges: number[] = [];
  for (const x of [...lefts].sort((a, b) => a - b)) if (edges.length === 0 || x - edges[edges.length - 1] > size * 0.6) edges.push(x);
  return edges;
}

/**
 * Whether a label fragment goes on the label above it in the same column: the next line at the line
 * pitch, not a numbered item, not two rows' own labels (each row has its own), and not spoiling a label
 * the templates know ("行政规范性文件" stays whole; "5.要求…已获取" takes "信息").
 */
function continues(cell: LabelCell, p: Placed, isRowLine: (line: number) => boolean, ownLabel: Set<Placed>, size: number): boolean {
  const above = cell.parts[cell.parts.length - 1];
  if (p.y - above.y > size * 1.6) return false;
  if (hasNumbering(p.text)) return false;
  if (isRowLine(above.line) && isRowLine(p.line) && ownLabel.has(above) && ownLabel.has(p)) return false;
  const sofar = joinLines(cell.parts.map((x) => x.text));
  const joined = joinLines([sofar, p.text]);
  if ((isTemplateLabel(sofar) || isTemplateLabel(p.text)) && !isTemplateLabel(joined)) return false;
  return true;
}

/**
 * Whether a label cell that spans no row completes a row's label next to it (the end of a label wrapped
 * below its row, or the start of one wrapped above), and if so joins it there.
 */
function completesRow(cell: LabelCell, rowLines: number[], byRow: Map<number, LabelCell[]>): boolean {
  const text = (c: LabelCell) => joinLines(c.parts.map((p) => p.text));
  const own = (row: number | undefined) => (row === undefined ? undefined : byRow.get(row)?.find((c) => c.column === cell.column));
  const previous = own([...rowLines].reverse().find((l) => l < cell.first));
  if (previous && isTemplateLabel(joinLines([text(previous), text(cell)]))) {
    previous.parts.push(...cell.parts);
    return true;
  }
  const next = own(rowLines.find((l) => l > cell.last));
  if (next && isTemplateLabel(joinLines([text(cell), text(next)]))) {
    next.parts.unshift(...cell.parts);
    return true;
  }
  return false;
}

/**
 * The columns a header cell over several stands over, between `low` and `high` (its neighbours on its
 * line, its parent's ends). Set left (a browser's table) it reaches on to the right, over the columns
 * whose own headers start no higher than those it stands over (总计 beside 法人或其他组织 is not under
 * it); centred (Word's) it stands over the widest run of columns it is centred on.
 */
function groupSpan(p: Placed, columns: Span[], low: number, high: number, leafTop: number[], size: number): [number, number] {
  const first = p.columns[0];
  const last = p.columns[p.columns.length - 1];
  // Set left, it starts at its first column, and right after its neighbour's columns (no column left under none).
  if (Math.abs(p.span.left - columns[first].left) <= 1 && first <= Math.max(low, 0)) {
    const top = Math.min(...p.columns.map((c) => leafTop[c]));
    let to = last;
    while (to < high && leafTop[to + 1] >= top - size * 0.5) to++;
    return [first, to];
  }
  // Centred: the widest run of columns it is centred on, to within a third of a column (a column's
  // figures and header show only roughly where its cell is), else the run it is best centred on.
  const centre = (p.span.left + p.span.right) / 2;
  const middles = columns.map((c) => (c.left + c.right) / 2);
  const pitch = median(middles.slice(1).map((m, k) => m - middles[k])) || size;
  let best: { span: [number, number]; off: number; near: boolean } | undefined;
  for (let a = Math.min(first, Math.max(low, 0)); a <= first; a++) {
    for (let b = last; b <= Math.max(last, high); b++) {
      const off = Math.abs((columns[a].left + columns[b].right) / 2 - centre);
      const near = off <= pitch / 3;
      const better = !best || (near && !best.near) || (near === best.near && (near ? b - a > best.span[1] - best.span[0] || (b - a === best.span[1] - best.span[0] && off < best.off) : off < best.off));
      if (better) best = { span: [a, b], off, near };
    }
  }
  return best?.span ?? [first, last];
}

/**
 * A header laid out: each header cell over several figure columns on a row of its own line, merged
 * from its first column to the next cell on that line (or its parent's end); each column's own header,
 * wrapped over lines, joined bottom up until it is a label the templates know or meets a wider cell;
 * the label column's text joined in the first row.
 */
function layoutHeader(read: { kind: TableLineKind; cells: Placed[] }[], labelColumn: (p: Placed) => number, L: number, frame: Frame): { rows: (Cell | undefined)[][]; merges: MergeArea[] } {
  const all = read.flatMap((r) => r.cells);
  const labelParts = all.filter((p) => p.columns.length === 0 && !p.figure);
  const over = all.filter((p) => p.columns.length > 0);
  const width = frame.columns.length;
  // Each column's own header, from the bottom up.
  const leaf = new Set<Placed>();
  const leafText: string[] = new Array<string>(width).fill('');
  const leafTop: number[] = new Array<number>(width).fill(Infinity);
  for (let c = 0; c < width; c++) {
    const stack = over.filter((p) => p.columns.length === 1 && p.columns[0] === c).sort((a, b) => b.line - a.line);
    // Up to a wider cell over it, the lines that make a label the templates know (结果维持 broken over a
    // page), else those a wrapped line's pitch apart.
    const below = stack.filter((p, k) => !over.some((q) => q.columns.length > 1 && q.columns.includes(c) && q.line > p.line && q.line < (stack[k - 1]?.line ?? Infinity)));
    const reach = below.findIndex((_, k) => isTemplateLabel(joinLines(below.slice(0, k + 1).reverse().map((p) => p.text))));
    let textSoFar = '';
    let lastLine = Infinity;
    let lastY = Infinity;
    for (const [k, p] of stack.entries()) {
      const wider = over.some((q) => q.columns.length > 1 && q.columns.includes(c) && q.line > p.line && q.line < lastLine);
      const known = reach >= 0 ? k > reach : textSoFar !== '' && (isTemplateLabel(textSoFar) || lastY - p.y > frame.size * 1.6);
      if (wider || known) break;
      textSoFar = joinLines([p.text, textSoFar]);
      lastLine = p.line;
      lastY = p.y;
      leaf.add(p);
    }
    leafText[c] = textSoFar;
    leafTop[c] = lastY;
  }
  const groups = over.filter((p) => !leaf.has(p));
  const groupLines = [...new Set(groups.map((p) => p.line))].sort((a, b) => a - b);
  const rows: (Cell | undefined)[][] = groupLines.map(() => []);
  const merges: MergeArea[] = [];
  const spans = new Map<Placed, [number, number]>();
  // Where each column stands: its figures and its own header (figures set right sit off the cell's centre).
  const columns = frame.columns.map((col, c) => {
    const own = [...leaf].filter((p) => p.columns[0] === c).map((p) => p.span);
    return own.reduce((a, b) => ({ left: Math.min(a.left, b.left), right: Math.max(a.right, b.right) }), col);
  });
  groupLines.forEach((line, r) => {
    const onLine = over.filter((p) => p.line === line).sort((a, b) => a.span.left - b.span.left);
    let floor = 0;
    onLine.forEach((p, k) => {
      const parent = [...spans.entries()].find(([q, [a, b]]) => q.line < line && a <= p.columns[0] && p.columns[0] <= b)?.[1];
      const low = Math.max(floor, parent ? parent[0] : 0);
      const high = Math.min(k + 1 < onLine.length ? onLine[k + 1].columns[0] - 1 : width - 1, parent ? parent[1] : width - 1);
      const [from, to] = leaf.has(p) ? [p.columns[0], p.columns[0]] : groupSpan(p, columns, low, high, leafTop, frame.size);
      floor = to + 1;
      if (leaf.has(p)) return;
      spans.set(p, [from, to]);
      rows[r][L + from] = toCell(p.text);
      if (to > from) merges.push({ top: r, bottom: r, left: L + from, right: L + to });
    });
  });
  // The column headers: a row of their own, or on the last group row when no group cell stands over them there.
  const lastGroup = rows.length - 1;
  const covered = (c: number) => lastGroup >= 0 && merges.some((m) => m.top === lastGroup && L + c >= m.left && L + c <= m.right) || (lastGroup >= 0 && rows[lastGroup][L + c] !== undefined);
  const leafRow: (Cell | undefined)[] = lastGroup >= 0 && leafText.every((t, c) => !t || !covered(c)) ? rows[lastGroup] : [];
  if (leafRow !== rows[lastGroup]) rows.push(leafRow);
  leafText.forEach((t, c) => {
    if (t) leafRow[L + c] = toCell(t);
  });
  if (rows.length === 0) rows.push([]);
  const byColumn = new Map<number, Placed[]>();
  for (const p of labelParts) byColumn.set(labelColumn(p), [...(byColumn.get(labelColumn(p)) ?? []), p]);
  for (const [column, parts] of byColumn) rows[0][column] = toCell(joinLines(parts.sort((a, b) => a.line - b.line).map((p) => p.text)));
  return { rows, merges };
}
