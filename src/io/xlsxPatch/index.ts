/**
 * Writes the annotated and totals copies by patching the original .xlsx package: only the parts that
 * must change (the sheet XML, styles.xml, workbook.xml, and the notes' parts) are rewritten, and within
 * them only the elements concerned. Every other part, and every other byte of a changed part, is kept:
 * loading and saving through exceljs would lose the default font, charts, pivot tables and whatever
 * else it does not model.
 *
 * Each part is read through an XML tokenizer that gives every element's place in the text (xml.ts), and
 * edited by splicing the text there: a comment, a CDATA section or a processing instruction that looks
 * like a row is never taken for one, and a serializer never rewrites the namespaces, quoting and entities
 * of everything else in the part.
 */
import JSZip from 'jszip';
import { type Finding, parseCellRef, type PlannedWrite, type Severity } from '../core';
import { InputError, ioMessages } from './messages';
import { partKey } from './package';
import { resolveTarget, SEVERITY_FILLS } from './xlsx';
import {
  appendInside,
  applySplices,
  asOpenTag,
  child,
  children,
  descendants,
  encodeXml,
  innerOf,
  localName,
  parseXml,
  prefixOf,
  removeAttr,
  rootOf,
  setAttr,
  startTag,
  textOf,
  XmlSyntaxError,
  type Splice,
  type XmlElement,
} from './xml';

function colLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colIndex(ref: string): number {
  let col = 0;
  for (const ch of /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** The package being patched: parts found by name as a package names them (case aside, a leading "/" aside). */
class Package {
  private readonly stored = new Map<string, string>();

  private constructor(
    readonly zip: JSZip,
    private readonly file: string,
  ) {
    for (const name of Object.keys(zip.files)) {
      if (zip.files[name].dir) continue;
      const key = partKey(name);
      const other = this.stored.get(key);
      if (other !== undefined) throw new InputError(ioMessages.duplicatePart(file, other, name));
      this.stored.set(key, name);
    }
  }

  static async open(data: Buffer, file: string): Promise<Package> {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch {
      throw new InputError(ioMessages.corruptXlsx(file));
    }
    return new Package(zip, file);
  }

  has(part: string): boolean {
    return this.stored.has(partKey(part));
  }

  async text(part: string): Promise<string | undefined> {
    const name = this.stored.get(partKey(part));
    return name === undefined ? undefined : this.zip.file(name)!.async('string');
  }

  async xml(part: string): Promise<{ text: string; root: XmlElement } | undefined> {
    const text = await this.text(part);
    if (text === undefined) return undefined;
    try {
      return { text, root: rootOf(parseXml(text)) };
    } catch (err) {
      if (err instanceof XmlSyntaxError) throw new InputError(ioMessages.corruptXlsx(this.file));
      throw err;
    }
  }

  /** Writes a part back under the name it is stored as (or its own, when new). */
  put(part: string, text: string): void {
    const name = this.stored.get(partKey(part)) ?? part;
    this.stored.set(partKey(part), name);
    this.zip.file(name, text, { createFolders: false });
  }

  names(): string[] {
    return [...this.stored.values()];
  }

  generate(): Promise<Buffer> {
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
}

/** Sheet name → the path of its part, through workbook.xml and its relationships (not by position). */
async function sheetParts(pkg: Package, file: string): Promise<Map<string, string>> {
  const workbook = await pkg.xml('xl/workbook.xml');
  const rels = await pkg.xml('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new InputError(ioMessages.corruptXlsx(file));
  const targets = new Map<string, string>();
  for (const r of children(rels.root, 'Relationship')) targets.set(r.attrs.Id ?? '', r.attrs.Target ?? '');
  const parts = new Map<string, string>();
  for (const s of descendants(workbook.root, 'sheet')) {
    const idAttr = Object.keys(s.attrs).find((a) => a.includes(':') && localName(a) === 'id');
    const target = idAttr ? targets.get(s.attrs[idAttr]) : undefined;
    const name = s.attrs.name;
    if (name !== undefined && target) parts.set(name, resolveTarget('xl', target));
  }
  return parts;
}

/** What to put where a cell is: the new cell element, or null to leave it as it is. */
type CellEdit = (cell: { tag: string; inner: string; el: XmlElement } | undefined, inheritedStyle: string | undefined, prefix: string) => string | null;

/**
 * Applies cell edits (by 0-based row, then column) to a sheet part, inserting missing `<c>` and
 * `<row>` elements in order. Everything outside the edited cells is kept as it was.
 */
function patchCells(xml: string, edits: Map<number, Map<number, CellEdit>>): string {
  const root = rootOf(parseXml(xml));
  const sheetData = child(root, 'sheetData');
  if (!sheetData) throw new XmlSyntaxError('no sheetData');
  const p = prefixOf(sheetData);
  const colStyles: { min: number; max: number; style: string }[] = [];
  for (const cols of children(root, 'cols')) {
    for (const c of children(cols, 'col')) {
      if (c.attrs.style !== undefined) colStyles.push({ min: Number(c.attrs.min), max: Number(c.attrs.max), style: c.attrs.style });
    }
  }
  // An empty cell shows its row's style when the row has one, else its column's.
  const inherited = (row: XmlElement | undefined, col: number) =>
    (row && /^(1|true)$/.test(row.attrs.customFormat ?? '') ? row.attrs.s : undefined) ?? colStyles.find((c) => c.min <= col + 1 && col + 1 <= c.max)?.style;

  /** The new content of a row: its cells with the edits applied, every byte between them kept. */
  const editRow = (row: XmlElement | undefined, cellEdits: Map<number, CellEdit>): string => {
    const out: string[] = [];
    const pending = [...cellEdits.keys()].sort((a, b) => a - b);
    const newCell = (c: number) => cellEdits.get(c)!(undefined, inherited(row, c), p) ?? '';
    if (!row) return pending.map(newCell).join('');
    let pos = row.openEnd;
    let col = -1;
    for (const cell of children(row, 'c')) {
      col = cell.attrs.r ? colIndex(cell.attrs.r) : col + 1;
      out.push(xml.slice(pos, cell.start));
      while (pending.length && pending[0] < col) out.push(newCell(pending.shift()!));
      const source = xml.slice(cell.start, cell.end);
      if (pending[0] === col) out.push(cellEdits.get(pending.shift()!)!({ tag: startTag(xml, cell), inner: innerOf(xml, cell), el: cell }, undefined, p) ?? source);
      else out.push(source);
      pos = cell.end;
    }
    // New cells go after the last cell, before anything else the row holds (an extLst).
    const ext = child(row, 'extLst');
    const tailEnd = ext && ext.start >= pos ? ext.start : row.closeStart;
    out.push(xml.slice(pos, tailEnd));
    for (const c of pending) out.push(newCell(c));
    out.push(xml.slice(tailEnd, row.closeStart));
    return out.join('');
  };

  const rowName = `${p}row`;
  const newRow = (row: number) => {
    const body = editRow(undefined, edits.get(row)!);
    return body ? `<${rowName} r="${row + 1}">${body}</${rowName}>` : '';
  };
  const splices: Splice[] = [];
  const pendingRows = [...edits.keys()].sort((a, b) => a - b);
  let rowIndex = -1;
  for (const row of children(sheetData, 'row')) {
    rowIndex = row.attrs.r ? Number(row.attrs.r) - 1 : rowIndex + 1;
    const before: string[] = [];
    while (pendingRows.length && pendingRows[0] < rowIndex) before.push(newRow(pendingRows.shift()!));
    if (before.length) splices.push({ start: row.start, end: row.start, text: before.join('') });
    if (pendingRows[0] !== rowIndex) continue;
    const cellEdits = edits.get(pendingRows.shift()!)!;
    const body = editRow(row, cellEdits);
    if (body === innerOf(xml, row)) continue;
    // spans is only a hint of the row's first and last columns; a new cell may fall outside it.
    const tag = asOpenTag(removeAttr(startTag(xml, row), 'spans'));
    splices.push({ start: row.start, end: row.end, text: `${tag}${body}</${row.name}>` });
  }
  const after = pendingRows.map(newRow).join('');
  if (after) splices.push(...appendInside(xml, sheetData, after));
  return applySplices(xml, splices);
}

function cellXml(p: string, tag: string | undefined, ref: string, style: string | undefined, inner: string | null): string {
  let start = tag ?? `<${p}c r="${ref}"/>`;
  if (style !== undefined) start = setAttr(start, 's', style);
  if (inner === null) return start.endsWith('/>') ? start : start.replace(/>$/, '/>');
  return `${asOpenTag(start)}${inner}</${p}c>`;
}

/** Groups cell edits by sheet part, then row, then column. */
function addEdit(all: Map<string, Map<number, Map<number, CellEdit>>>, part: string, row: number, col: number, edit: CellEdit): void {
  const rows = all.get(part) ?? new Map<number, Map<number, CellEdit>>();
  all.set(part, rows);
  const cols = rows.get(row) ?? new Map<number, CellEdit>();
  rows.set(row, cols);
  cols.set(col, edit);
}

/** Appends one solid fill per colour and one cell format per (original format, colour), returning the new format's index. */
class StyleSheet {
  private fills: string[] = [];
  private xfs: string[] = [];
  private fillIds = new Map<string, number>();
  private xfIds = new Map<string, number>();
  private readonly p: string;
  private readonly fillsEl: XmlElement;
  private readonly cellXfsEl: XmlElement;
  private readonly baseFills: number;
  private readonly baseXfs: { tag: string; inner: string | null }[];

  constructor(private readonly xml: string) {
    const root = rootOf(parseXml(xml));
    const fills = child(root, 'fills');
    const cellXfs = child(root, 'cellXfs');
    if (!fills || !cellXfs) throw new XmlSyntaxError('styles.xml without fills or cellXfs');
    this.p = prefixOf(cellXfs);
    this.fillsEl = fills;
    this.cellXfsEl = cellXfs;
    this.baseFills = children(fills, 'fill').length;
    this.baseXfs = children(cellXfs, 'xf').map((x) => ({ tag: startTag(xml, x), inner: x.selfClosing ? null : innerOf(xml, x) }));
  }

  xfWithFill(style: string | undefined, argb: string): string {
    const s = Number(style ?? 0);
    const key = `${s}|${argb}`;
    let id = this.xfIds.get(key);
    if (id === undefined) {
      const fillId = this.fillId(argb);
      const base = this.baseXfs[s] ?? this.baseXfs[0];
      const tag = setAttr(setAttr(base ? base.tag : `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`, 'fillId', String(fillId)), 'applyFill', '1');
      id = this.baseXfs.length + this.xfs.length;
      this.xfs.push(base && base.inner !== null ? `${tag}${base.inner}</${this.p}xf>` : tag);
      this.xfIds.set(key, id);
    }
    return String(id);
  }

  private fillId(argb: string): number {
    let id = this.fillIds.get(argb);
    if (id === undefined) {
      id = this.baseFills + this.fills.length;
      const p = this.p;
      this.fills.push(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
      this.fillIds.set(argb, id);
    }
    return id;
  }

  toXml(): string {
    const splices: Splice[] = [];
    for (const [el, added, base] of [
      [this.fillsEl, this.fills, this.baseFills],
      [this.cellXfsEl, this.xfs, this.baseXfs.length],
    ] as const) {
      if (!added.length) continue;
      splices.push(...appendInside(this.xml, el, added.join(''), setAttr(startTag(this.xml, el), 'count', String(base + added.length))));
    }
    return applySplices(this.xml, splices);
  }
}

/** Later siblings a new child must come before (the schema's order), or the end of the parent. */
function insertBefore(xml: string, parent: XmlElement, text: string, laterSiblings: string[]): Splice[] {
  const later = parent.children.find((c) => laterSiblings.includes(localName(c.name)));
  return later ? [{ start: later.start, end: later.start, text }] : appendInside(xml, parent, text);
}

/**
 * The annotated copy: every finding cell gets a solid fill of its worst severity's colour, the rest of
 * its style kept, and the first cell of each finding the message as a note.
 */
export async function annotateCopy(data: Buffer, findings: Finding[], file = ''): Promise<{ data: Buffer; sheetsWithoutNotes: string[] }> {
  const pkg = await Package.open(data, file);
  try {
    const parts = await sheetParts(pkg, file);
    const rank: Record<Severity, number> = { error: 3, warning: 2, hint: 1 };
    const worst = new Map<string, Severity>();
    const notes = new Map<string, string[]>();
    for (const f of findings) {
      f.cells.forEach((ref, i) => {
        const current = worst.get(ref);
        if (!current || rank[f.severity] > rank[current]) worst.set(ref, f.severity);
        if (i === 0 && !notes.get(ref)?.includes(f.message)) notes.set(ref, [...(notes.get(ref) ?? []), f.message]);
      });
    }
    const stylesXml = await pkg.text('xl/styles.xml');
    if (!stylesXml) throw new InputError(ioMessages.corruptXlsx(file));
    const styles = new StyleSheet(stylesXml);
    const edits = new Map<string, Map<number, Map<number, CellEdit>>>();
    const notesByPart = new Map<string, Map<string, string>>();
    for (const [ref, severity] of worst) {
      const pos = parseCellRef(ref);
      const part = pos && parts.get(pos.sheet);
      if (!pos || !part) continue;
      const a1 = `${colLetters(pos.col)}${pos.row + 1}`;
      const argb = SEVERITY_FILLS[severity];
      addEdit(edits, part, pos.row, pos.col, (cell, inheritedStyle, p) => {
        const style = styles.xfWithFill(cell ? cell.el.attrs.s : inheritedStyle, argb);
        return cellXml(p, cell?.tag, a1, style, cell && !cell.el.selfClosing ? cell.inner : null);
      });
      const text = notes.get(ref);
      if (text) {
        const byCell = notesByPart.get(part) ?? new Map<string, string>();
        notesByPart.set(part, byCell);
        byCell.set(a1, text.join('\n'));
      }
    }
    const sheetsWithoutNotes: string[] = [];
    for (const [part, rows] of edits) {
      const sheet = await pkg.text(part);
      if (sheet === undefined) throw new InputError(ioMessages.corruptXlsx(file));
      pkg.put(part, patchCells(sheet, rows));
      const partNotes = notesByPart.get(part);
      if (partNotes && !(await addNotes(pkg, part, partNotes))) {
        sheetsWithoutNotes.push([...parts].find(([, v]) => v === part)![0]);
      }
    }
    pkg.put('xl/styles.xml', styles.toXml());
    return { data: await pkg.generate(), sheetsWithoutNotes };
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new InputError(ioMessages.corruptXlsx(file));
    throw err;
  }
}

const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NOTE_AUTHOR = '年报助手';

/** A VML drawing as Excel writes it; legacy markup that is not well-formed XML is left alone (no notes). */
function parseVml(text: string): XmlElement | undefined {
  try {
    return rootOf(parseXml(text));
  } catch (err) {
    if (err instanceof XmlSyntaxError) return undefined;
    throw err;
  }
}

/**
 * Adds notes to a sheet: into its comments part and VML drawing when it has both, or into new ones
 * when it has neither. A sheet with only one of them (a VML drawing for form controls, say) is left
 * without notes (false) rather than risk a package Excel would have to repair.
 */
async function addNotes(pkg: Package, sheetPart: string, notes: Map<string, string>): Promise<boolean> {
  const relsPath = relsPathOf(sheetPart);
  const relsText =
    (await pkg.text(relsPath)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const relsRoot = rootOf(parseXml(relsText));
  const relations = children(relsRoot, 'Relationship');
  const ofType = (suffix: string) => relations.find((r) => r.attrs.Type?.endsWith(suffix) && r.attrs.TargetMode !== 'External');
  const sheetDir = sheetPart.slice(0, sheetPart.lastIndexOf('/'));
  const commentsRel = ofType('/comments');
  const vmlRel = ofType('/vmlDrawing');
  if (!!commentsRel !== !!vmlRel) return false;

  let commentsPath: string;
  let vmlPath: string;
  let comments: string;
  let vml: string;
  if (commentsRel && vmlRel) {
    commentsPath = resolveTarget(sheetDir, commentsRel.attrs.Target!);
    vmlPath = resolveTarget(sheetDir, vmlRel.attrs.Target!);
    const c = await pkg.text(commentsPath);
    const v = await pkg.text(vmlPath);
    if (!c || !v) return false;
    comments = c;
    vml = v;
  } else {
    const free = (make: (n: number) => string) => {
      let n = 1;
      while (pkg.has(make(n))) n++;
      return make(n);
    };
    commentsPath = free((n) => `xl/comments${n}.xml`);
    vmlPath = free((n) => `xl/drawings/vmlDrawing${n}.vml`);
    // Shape ids are 1024 × the drawing's idmap number + n; a number no other drawing uses keeps them unique.
    let idmap = 0;
    for (const name of pkg.names().filter((f) => /\.vml$/i.test(f))) {
      const other = parseVml((await pkg.text(name)) ?? '');
      if (!other) return false;
      for (const m of descendants(other, 'idmap')) idmap = Math.max(idmap, ...(m.attrs.data ?? '').split(',').map(Number).filter(Number.isFinite));
    }
    comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>`;
    vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap + 1}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>`;
    const ids = relations.map((r) => Number(/^rId(\d+)$/.exec(r.attrs.Id ?? '')?.[1] ?? 0));
    const next = Math.max(0, ...ids) + 1;
    const relative = (target: string) => `../${target.slice('xl/'.length)}`;
    const added =
      `<Relationship Id="rId${next}" Type="${REL_TYPE}/comments" Target="${relative(commentsPath)}"/>` +
      `<Relationship Id="rId${next + 1}" Type="${REL_TYPE}/vmlDrawing" Target="${relative(vmlPath)}"/>`;
    pkg.put(relsPath, applySplices(relsText, appendInside(relsText, relsRoot, added)));
    const sheet = (await pkg.text(sheetPart))!;
    const sheetRoot = rootOf(parseXml(sheet));
    const p = prefixOf(child(sheetRoot, 'sheetData') ?? sheetRoot);
    const later = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
    pkg.put(sheetPart, applySplices(sheet, insertBefore(sheet, sheetRoot, `<${p}legacyDrawing xmlns:r="${REL_TYPE}" r:id="rId${next + 1}"/>`, later)));
    const types = (await pkg.text('[Content_Types].xml'))!;
    const typesRoot = rootOf(parseXml(types));
    const hasVml = children(typesRoot, 'Default').some((d) => d.attrs.Extension?.toLowerCase() === 'vml');
    const override = `<Override PartName="/${commentsPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`;
    const vmlDefault = hasVml ? '' : `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`;
    pkg.put('[Content_Types].xml', applySplices(types, appendInside(types, typesRoot, `${vmlDefault}${override}`)));
  }

  const vmlRoot = parseVml(vml);
  if (!vmlRoot) return false;
  const commentsRoot = rootOf(parseXml(comments));
  const cp = prefixOf(child(commentsRoot, 'commentList') ?? commentsRoot);
  const authors = child(commentsRoot, 'authors');
  const names = children(authors ?? commentsRoot, 'author').map((a) => a.text);
  const splices: Splice[] = [];
  let authorId = authors ? names.indexOf(NOTE_AUTHOR) : -1;
  if (authorId < 0 && authors) {
    authorId = names.length;
    splices.push(...appendInside(comments, authors, `<${cp}author>${NOTE_AUTHOR}</${cp}author>`));
  }
  const run = (text: string) => `<${cp}r><${cp}t xml:space="preserve">${encodeXml(text)}</${cp}t></${cp}r>`;
  const existing = new Map(descendants(commentsRoot, 'comment').map((c) => [c.attrs.ref, c]));
  const newComments: string[] = [];
  const shapes: string[] = [];
  const shapeIds = descendants(vmlRoot, 'shape').map((s) => Number(/^_x0000_s(\d+)$/.exec(s.attrs.id ?? '')?.[1] ?? 0));
  const idmap = Number(/^\d+/.exec(descendants(vmlRoot, 'idmap')[0]?.attrs.data ?? '')?.[0] ?? 1);
  let shapeId = Math.max(idmap * 1024, ...shapeIds);
  for (const [ref, text] of notes) {
    const comment = existing.get(ref);
    if (comment) {
      // The cell has a note already (the user's, or this tool's from an earlier run): keep it, add ours once.
      if (textOf(comment, 't').includes(text)) continue;
      const textEl = child(comment, 'text');
      if (textEl) splices.push(...appendInside(comments, textEl, run(`\n${text}`)));
      continue;
    }
    newComments.push(`<${cp}comment ref="${ref}" authorId="${Math.max(authorId, 0)}"><${cp}text>${run(text)}</${cp}text></${cp}comment>`);
    const row = Number(/\d+/.exec(ref)![0]) - 1;
    const col = colIndex(ref);
    shapeId++;
    shapes.push(
      `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 5}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`,
    );
  }
  if (newComments.length) {
    const list = child(commentsRoot, 'commentList');
    if (!list) return false;
    splices.push(...appendInside(comments, list, newComments.join('')));
  }
  pkg.put(commentsPath, applySplices(comments, splices));
  if (shapes.length) pkg.put(vmlPath, applySplices(vml, appendInside(vml, vmlRoot, shapes.join(''))));
  return true;
}

/**
 * The totals copy: each planned cell holds its new number as a plain value, its style kept. A cell
 * with a formula is never written (the plan has none; returned in `refused` if one appears). Formulas
 * that depend on the written cells recalculate when the copy is opened.
 */
export async function totalsCopy(data: Buffer, writes: PlannedWrite[], file = ''): Promise<{ data: Buffer; refused: string[] }> {
  const pkg = await Package.open(data, file);
  try {
    const parts = await sheetParts(pkg, file);
    const edits = new Map<string, Map<number, Map<number, CellEdit>>>();
    const refused: string[] = [];
    let written = 0;
    for (const w of writes) {
      const part = parts.get(w.sheet);
      if (!part || !Number.isFinite(w.after)) continue;
      const a1 = `${colLetters(w.col)}${w.row + 1}`;
      addEdit(edits, part, w.row, w.col, (cell, inheritedStyle, p) => {
        if (cell && child(cell.el, 'f')) {
          refused.push(w.cell);
          return null;
        }
        // t (shared or inline string, boolean…) and its <is> go, and vm (a rich value such as a picture in
        // the cell): the cell now holds a number.
        const tag = cell ? removeAttr(removeAttr(cell.tag, 't'), 'vm') : undefined;
        written++;
        return cellXml(p, tag, a1, cell ? undefined : inheritedStyle, `<${p}v>${w.after}</${p}v>`);
      });
    }
    for (const [part, rows] of edits) {
      const sheet = await pkg.text(part);
      if (sheet === undefined) throw new InputError(ioMessages.corruptXlsx(file));
      pkg.put(part, patchCells(sheet, rows));
    }
    if (written > 0) {
      const workbook = (await pkg.xml('xl/workbook.xml'))!;
      const calcPr = child(workbook.root, 'calcPr');
      const p = prefixOf(child(workbook.root, 'sheets') ?? workbook.root);
      const later = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
      const splices = calcPr
        ? [{ start: calcPr.start, end: calcPr.openEnd, text: setAttr(startTag(workbook.text, calcPr), 'fullCalcOnLoad', '1') }]
        : insertBefore(workbook.text, workbook.root, `<${p}calcPr fullCalcOnLoad="1"/>`, later);
      pkg.put('xl/workbook.xml', applySplices(workbook.text, splices));
    }
    return { data: await pkg.generate(), refused };
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new InputError(ioMessages.corruptXlsx(file));
    throw err;
  }
}
