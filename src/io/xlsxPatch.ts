/**
 * Writes the annotated and totals copies by patching the original .xlsx package: only the parts that
 * must change (the sheet XML, styles.xml, workbook.xml, and the notes' parts) are rewritten, and within
 * them only the elements concerned. Every other part, and every other byte of a changed part, is kept:
 * loading and saving through exceljs would lose the default font, charts, pivot tables and whatever
 * else it does not model.
 *
 * The XML is edited as text, element by element, rather than parsed and serialized whole: a serializer
 * would rewrite namespaces, quoting and entities of everything else in the part.
 */
import JSZip from 'jszip';
import { parseCellRef } from '../core/grid';
import type { Finding, PlannedWrite, Severity } from '../core/types';
import { InputError, ioMessages } from './messages';
import { SEVERITY_FILLS } from './xlsx';

/** The inside of a start tag: quoted attribute values may hold '>'. */
const TAG_BODY = `(?:[^>"']|"[^"]*"|'[^']*')*`;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? all),
  );
}

function encodeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attrPattern(name: string): RegExp {
  return new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
}

function getAttr(tag: string, name: string): string | undefined {
  const m = attrPattern(name).exec(tag);
  return m ? decodeXml(m[2].slice(1, -1)) : undefined;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = attrPattern(name);
  if (re.test(tag)) return tag.replace(re, (_all, lead: string) => `${lead}"${encodeXml(value)}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${encodeXml(value)}"$1>`);
}

function removeAttr(tag: string, name: string): string {
  return tag.replace(attrPattern(name), '');
}

/** An element found in a part: its start tag, its content (null when self-closing), and where it lies. */
interface Element {
  start: number;
  end: number;
  tag: string;
  body: string | null;
}

/** Every `<name …>` element (by exact qualified name) between from and to, not nested in itself. */
function elements(xml: string, name: string, from = 0, to = xml.length): Element[] {
  const re = new RegExp(`<${name}(?=[\\s/>])${TAG_BODY}>`, 'g');
  re.lastIndex = from;
  const found: Element[] = [];
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const tag = m[0];
    const open = m.index + tag.length;
    if (tag.endsWith('/>')) {
      found.push({ start: m.index, end: open, tag, body: null });
      continue;
    }
    const close = xml.indexOf(`</${name}>`, open);
    if (close < 0) throw new Error(`unclosed <${name}>`);
    found.push({ start: m.index, end: close + name.length + 3, tag, body: xml.slice(open, close) });
    re.lastIndex = close;
  }
  return found;
}

function first(xml: string, name: string): Element | undefined {
  return elements(xml, name)[0];
}

/** The namespace prefix ("" or "x:") the part uses for a spreadsheetml element, read from the element itself. */
function prefixOf(xml: string, local: string): string | undefined {
  const m = new RegExp(`<(\\w+:)?${local}(?=[\\s/>])`).exec(xml);
  return m ? (m[1] ?? '') : undefined;
}

/** Replaces an element's content (making a self-closing one open), keeping its start tag's attributes. */
function withBody(xml: string, el: Element, name: string, body: string, tag = el.tag): string {
  const open = tag.endsWith('/>') ? tag.replace(/\s*\/>$/, '>') : tag;
  return `${xml.slice(0, el.start)}${open}${body}</${name}>${xml.slice(el.end)}`;
}

/** Inserts text before the first of the named later siblings found, or before the root's end tag. */
function insertBefore(xml: string, text: string, laterSiblings: string[], rootEnd: string): string {
  const at = laterSiblings.map((n) => new RegExp(`<${n}(?=[\\s/>])`).exec(xml)?.index).filter((i): i is number => i !== undefined);
  const index = at.length ? Math.min(...at) : xml.lastIndexOf(rootEnd);
  return `${xml.slice(0, index)}${text}${xml.slice(index)}`;
}

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

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(ownerDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerDir.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

async function readText(zip: JSZip, part: string): Promise<string | undefined> {
  return zip.file(part)?.async('string');
}

async function openPackage(data: Buffer, file: string): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(data);
  } catch {
    throw new InputError(ioMessages.corruptXlsx(file));
  }
}

/** Sheet name → the path of its part, through workbook.xml and its relationships (not by position). */
async function sheetParts(zip: JSZip, file: string): Promise<Map<string, string>> {
  const workbook = await readText(zip, 'xl/workbook.xml');
  const rels = await readText(zip, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new InputError(ioMessages.corruptXlsx(file));
  const targets = new Map<string, string>();
  for (const r of elements(rels, 'Relationship')) targets.set(getAttr(r.tag, 'Id') ?? '', getAttr(r.tag, 'Target') ?? '');
  const parts = new Map<string, string>();
  const p = prefixOf(workbook, 'sheet') ?? '';
  for (const s of elements(workbook, `${p}sheet`)) {
    const id = /\s[\w]+:id\s*=\s*("[^"]*"|'[^']*')/.exec(s.tag)?.[1].slice(1, -1);
    const target = id !== undefined ? targets.get(decodeXml(id)) : undefined;
    const name = getAttr(s.tag, 'name');
    if (name !== undefined && target) parts.set(name, resolveTarget('xl', target));
  }
  return parts;
}

/** What to put where a cell is: the new cell element, or null to leave it as it is. */
type CellEdit = (cell: Element | undefined, inheritedStyle: string | undefined, prefix: string) => string | null;

/**
 * Applies cell edits (by 0-based row, then column) to a sheet part, inserting missing `<c>` and
 * `<row>` elements in order. Everything outside the edited cells is kept as it was.
 */
function patchCells(xml: string, edits: Map<number, Map<number, CellEdit>>): string {
  const p = prefixOf(xml, 'sheetData');
  if (p === undefined) throw new Error('no sheetData');
  const colStyles: { min: number; max: number; style: string }[] = [];
  for (const c of elements(xml, `${p}col`)) {
    const style = getAttr(c.tag, 'style');
    if (style !== undefined) colStyles.push({ min: Number(getAttr(c.tag, 'min')), max: Number(getAttr(c.tag, 'max')), style });
  }
  // An empty cell shows its row's style when the row has one, else its column's.
  const inherited = (rowTag: string | undefined, col: number) =>
    (/^(1|true)$/.test((rowTag && getAttr(rowTag, 'customFormat')) ?? '') ? getAttr(rowTag!, 's') : undefined) ??
    colStyles.find((c) => c.min <= col + 1 && col + 1 <= c.max)?.style;

  const cellTag = `${p}c`;
  const editRow = (rowTag: string | undefined, body: string, cellEdits: Map<number, CellEdit>): string => {
    const out: string[] = [];
    let pos = 0;
    let col = -1;
    const pending = [...cellEdits.keys()].sort((a, b) => a - b);
    const newCell = (c: number) => cellEdits.get(c)!(undefined, inherited(rowTag, c), p);
    for (const cell of elements(body, cellTag)) {
      const r = getAttr(cell.tag, 'r');
      col = r ? colIndex(r) : col + 1;
      out.push(body.slice(pos, cell.start));
      while (pending.length && pending[0] < col) out.push(newCell(pending.shift()!) ?? '');
      const source = body.slice(cell.start, cell.end);
      if (pending[0] === col) out.push(cellEdits.get(pending.shift()!)!(cell, undefined, p) ?? source);
      else out.push(source);
      pos = cell.end;
    }
    const tail = body.slice(pos);
    // New cells go after the last cell, before anything else the row holds (an extLst).
    const extAt = tail.search(/<(\w+:)?extLst[\s>]/);
    const before = extAt < 0 ? tail : tail.slice(0, extAt);
    out.push(before);
    for (const c of pending) out.push(newCell(c) ?? '');
    if (extAt >= 0) out.push(tail.slice(extAt));
    return out.join('');
  };

  const rowTag = `${p}row`;
  let sheetData = first(xml, `${p}sheetData`)!;
  if (sheetData.body === null) {
    xml = withBody(xml, sheetData, `${p}sheetData`, '');
    sheetData = first(xml, `${p}sheetData`)!;
  }
  const contentStart = sheetData.start + sheetData.tag.length;
  const contentEnd = sheetData.end - `</${p}sheetData>`.length;
  const out: string[] = [xml.slice(0, contentStart)];
  const pendingRows = [...edits.keys()].sort((a, b) => a - b);
  const newRow = (row: number) => {
    const body = editRow(undefined, '', edits.get(row)!);
    return body ? `<${rowTag} r="${row + 1}">${body}</${rowTag}>` : '';
  };
  let pos = contentStart;
  let rowIndex = -1;
  for (const row of elements(xml, rowTag, contentStart, contentEnd)) {
    const r = getAttr(row.tag, 'r');
    rowIndex = r ? Number(r) - 1 : rowIndex + 1;
    out.push(xml.slice(pos, row.start));
    while (pendingRows.length && pendingRows[0] < rowIndex) out.push(newRow(pendingRows.shift()!));
    if (pendingRows[0] === rowIndex) {
      const cellEdits = edits.get(pendingRows.shift()!)!;
      const body = editRow(row.tag, row.body ?? '', cellEdits);
      // spans is only a hint of the row's first and last columns; a new cell may fall outside it.
      const tag = removeAttr(row.tag, 'spans');
      out.push(body === (row.body ?? '') ? xml.slice(row.start, row.end) : `${tag.replace(/\s*\/>$/, '>')}${body}</${rowTag}>`);
    } else out.push(xml.slice(row.start, row.end));
    pos = row.end;
  }
  out.push(xml.slice(pos, contentEnd));
  for (const row of pendingRows) out.push(newRow(row));
  out.push(xml.slice(contentEnd));
  return out.join('');
}

function cellXml(p: string, tag: string | undefined, ref: string, style: string | undefined, body: string | null): string {
  let start = tag ?? `<${p}c r="${ref}"/>`;
  if (style !== undefined) start = setAttr(start, 's', style);
  if (body === null) return start.endsWith('/>') ? start : start.replace(/>$/, '/>');
  return `${start.replace(/\s*\/>$/, '>')}${body}</${p}c>`;
}

/** Groups cell edits by sheet part, then row, then column. */
function addEdit(all: Map<string, Map<number, Map<number, CellEdit>>>, part: string, row: number, col: number, edit: CellEdit): void {
  const rows = all.get(part) ?? new Map<number, Map<number, CellEdit>>();
  all.set(part, rows);
  const cols = rows.get(row) ?? new Map<number, CellEdit>();
  rows.set(row, cols);
  cols.set(col, edit);
}

function generate(zip: JSZip): Promise<Buffer> {
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Appends one solid fill per colour and one cell format per (original format, colour), returning the new format's index. */
class StyleSheet {
  private fills: string[] = [];
  private xfs: string[] = [];
  private fillIds = new Map<string, number>();
  private xfIds = new Map<string, number>();
  private readonly p: string;
  private readonly baseFills: number;
  private readonly baseXfs: Element[];

  constructor(private xml: string) {
    const p = prefixOf(xml, 'cellXfs');
    const fills = p !== undefined ? first(xml, `${p}fills`) : undefined;
    const cellXfs = p !== undefined ? first(xml, `${p}cellXfs`) : undefined;
    if (p === undefined || !fills || !cellXfs) throw new Error('styles.xml without fills or cellXfs');
    this.p = p;
    this.baseFills = elements(fills.body ?? '', `${p}fill`).length;
    this.baseXfs = elements(cellXfs.body ?? '', `${p}xf`);
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
      this.xfs.push(base && base.body !== null ? `${tag}${base.body}</${this.p}xf>` : tag);
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
    let xml = this.xml;
    for (const [name, added, child] of [
      ['fills', this.fills, 'fill'],
      ['cellXfs', this.xfs, 'xf'],
    ] as const) {
      if (!added.length) continue;
      const el = first(xml, `${this.p}${name}`)!;
      const body = `${el.body ?? ''}${added.join('')}`;
      const count = elements(body, `${this.p}${child}`).length;
      xml = withBody(xml, el, `${this.p}${name}`, body, setAttr(el.tag, 'count', String(count)));
    }
    return xml;
  }
}

/**
 * The annotated copy: every finding cell gets a solid fill of its worst severity's colour, the rest of
 * its style kept, and the first cell of each finding the message as a note.
 */
export async function annotateCopy(data: Buffer, findings: Finding[], file = ''): Promise<{ data: Buffer; sheetsWithoutNotes: string[] }> {
  const zip = await openPackage(data, file);
  const parts = await sheetParts(zip, file);
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
  const stylesXml = await readText(zip, 'xl/styles.xml');
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
      const style = styles.xfWithFill(cell ? getAttr(cell.tag, 's') : inheritedStyle, argb);
      return cellXml(p, cell?.tag, a1, style, cell ? cell.body : null);
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
    zip.file(part, patchCells((await readText(zip, part))!, rows));
    const partNotes = notesByPart.get(part);
    if (partNotes && !(await addNotes(zip, part, partNotes))) {
      sheetsWithoutNotes.push([...parts].find(([, v]) => v === part)![0]);
    }
  }
  zip.file('xl/styles.xml', styles.toXml());
  return { data: await generate(zip), sheetsWithoutNotes };
}

const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NOTE_AUTHOR = '年报助手';

/**
 * Adds notes to a sheet: into its comments part and VML drawing when it has both, or into new ones
 * when it has neither. A sheet with only one of them (a VML drawing for form controls, say) is left
 * without notes (false) rather than risk a package Excel would have to repair.
 */
async function addNotes(zip: JSZip, sheetPart: string, notes: Map<string, string>): Promise<boolean> {
  const relsPath = relsPathOf(sheetPart);
  let rels = (await readText(zip, relsPath)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const relations = elements(rels, 'Relationship');
  const ofType = (suffix: string) => relations.find((r) => getAttr(r.tag, 'Type')?.endsWith(suffix) && getAttr(r.tag, 'TargetMode') !== 'External');
  const sheetDir = sheetPart.slice(0, sheetPart.lastIndexOf('/'));
  const commentsRel = ofType('/comments');
  const vmlRel = ofType('/vmlDrawing');
  if (!!commentsRel !== !!vmlRel) return false;

  let commentsPath: string;
  let vmlPath: string;
  let comments: string;
  let vml: string;
  if (commentsRel && vmlRel) {
    commentsPath = resolveTarget(sheetDir, getAttr(commentsRel.tag, 'Target')!);
    vmlPath = resolveTarget(sheetDir, getAttr(vmlRel.tag, 'Target')!);
    const c = await readText(zip, commentsPath);
    const v = await readText(zip, vmlPath);
    if (!c || !v) return false;
    comments = c;
    vml = v;
  } else {
    const free = (make: (n: number) => string) => {
      let n = 1;
      while (zip.file(make(n))) n++;
      return make(n);
    };
    commentsPath = free((n) => `xl/comments${n}.xml`);
    vmlPath = free((n) => `xl/drawings/vmlDrawing${n}.vml`);
    // Shape ids are 1024 × the drawing's idmap number + n; a number no other drawing uses keeps them unique.
    let idmap = 0;
    for (const name of Object.keys(zip.files).filter((f) => f.endsWith('.vml'))) {
      for (const m of ((await readText(zip, name)) ?? '').matchAll(/<o:idmap\b[^>]*\bdata="([\d,]+)"/g)) idmap = Math.max(idmap, ...m[1].split(',').map(Number));
    }
    comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>`;
    vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap + 1}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>`;
    const ids = relations.map((r) => Number(/^rId(\d+)$/.exec(getAttr(r.tag, 'Id') ?? '')?.[1] ?? 0));
    const next = Math.max(0, ...ids) + 1;
    const relative = (target: string) => `../${target.slice('xl/'.length)}`;
    const added =
      `<Relationship Id="rId${next}" Type="${REL_TYPE}/comments" Target="${relative(commentsPath)}"/>` +
      `<Relationship Id="rId${next + 1}" Type="${REL_TYPE}/vmlDrawing" Target="${relative(vmlPath)}"/>`;
    rels = rels.replace(/<\/Relationships>\s*$/, `${added}</Relationships>`);
    zip.file(relsPath, rels);
    let sheet = (await readText(zip, sheetPart))!;
    const p = prefixOf(sheet, 'sheetData') ?? '';
    const later = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'].map((n) => `${p}${n}`);
    sheet = insertBefore(sheet, `<${p}legacyDrawing xmlns:r="${REL_TYPE}" r:id="rId${next + 1}"/>`, later, `</${p}worksheet>`);
    zip.file(sheetPart, sheet);
    let types = (await readText(zip, '[Content_Types].xml'))!;
    if (!/<Default\b[^>]*Extension="vml"/i.test(types)) types = types.replace(/<\/Types>\s*$/, `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>`);
    types = types.replace(/<\/Types>\s*$/, `<Override PartName="/${commentsPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`);
    zip.file('[Content_Types].xml', types);
  }

  const cp = prefixOf(comments, 'commentList') ?? '';
  let authors = first(comments, `${cp}authors`);
  const names = elements(authors?.body ?? '', `${cp}author`).map((a) => decodeXml(a.body ?? ''));
  let authorId = names.indexOf(NOTE_AUTHOR);
  if (authorId < 0 && authors) {
    authorId = names.length;
    comments = withBody(comments, authors, `${cp}authors`, `${authors.body ?? ''}<${cp}author>${NOTE_AUTHOR}</${cp}author>`);
    authors = first(comments, `${cp}authors`);
  }
  const run = (text: string) => `<${cp}r><${cp}t xml:space="preserve">${encodeXml(text)}</${cp}t></${cp}r>`;
  const shapes: string[] = [];
  const shapeIds = [...vml.matchAll(/<v:shape\b[^>]*\bid="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
  const idmap = Number(/<o:idmap\b[^>]*\bdata="(\d+)/.exec(vml)?.[1] ?? 1);
  let shapeId = Math.max(idmap * 1024, ...shapeIds);
  for (const [ref, text] of notes) {
    const existing = elements(comments, `${cp}comment`).find((c) => getAttr(c.tag, 'ref') === ref);
    if (existing) {
      // The cell has a note already (the user's, or this tool's from an earlier run): keep it, add ours once.
      const plain = [...(existing.body ?? '').matchAll(new RegExp(`<${cp}t(?:\\s[^>]*)?>([^<]*)</${cp}t>`, 'g'))].map((m) => decodeXml(m[1])).join('');
      if (plain.includes(text)) continue;
      const textEl = first(existing.body ?? '', `${cp}text`);
      if (!textEl) continue;
      const body = existing.body!;
      const newBody = withBody(body, textEl, `${cp}text`, `${textEl.body ?? ''}${run(`\n${text}`)}`);
      comments = `${comments.slice(0, existing.start)}${existing.tag}${newBody}</${cp}comment>${comments.slice(existing.end)}`;
      continue;
    }
    const list = first(comments, `${cp}commentList`);
    if (!list) return false;
    comments = withBody(comments, list, `${cp}commentList`, `${list.body ?? ''}<${cp}comment ref="${ref}" authorId="${Math.max(authorId, 0)}"><${cp}text>${run(text)}</${cp}text></${cp}comment>`);
    const row = Number(/\d+/.exec(ref)![0]) - 1;
    const col = colIndex(ref);
    shapeId++;
    shapes.push(
      `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 5}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`,
    );
  }
  zip.file(commentsPath, comments);
  if (shapes.length) zip.file(vmlPath, vml.replace(/<\/xml>\s*$/, `${shapes.join('')}</xml>`));
  return true;
}

/**
 * The totals copy: each planned cell holds its new number as a plain value, its style kept. A cell
 * with a formula is never written (the plan has none; returned in `refused` if one appears). Formulas
 * that depend on the written cells recalculate when the copy is opened.
 */
export async function totalsCopy(data: Buffer, writes: PlannedWrite[], file = ''): Promise<{ data: Buffer; refused: string[] }> {
  const zip = await openPackage(data, file);
  const parts = await sheetParts(zip, file);
  const edits = new Map<string, Map<number, Map<number, CellEdit>>>();
  const refused: string[] = [];
  let written = 0;
  for (const w of writes) {
    const part = parts.get(w.sheet);
    if (!part || !Number.isFinite(w.after)) continue;
    const a1 = `${colLetters(w.col)}${w.row + 1}`;
    addEdit(edits, part, w.row, w.col, (cell, inheritedStyle, p) => {
      if (cell && new RegExp(`<${p}f(?=[\\s/>])`).test(cell.body ?? '')) {
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
  for (const [part, rows] of edits) zip.file(part, patchCells((await readText(zip, part))!, rows));
  if (written > 0) {
    let workbook = (await readText(zip, 'xl/workbook.xml'))!;
    const p = prefixOf(workbook, 'sheets') ?? '';
    const calcPr = first(workbook, `${p}calcPr`);
    if (calcPr) workbook = `${workbook.slice(0, calcPr.start)}${setAttr(calcPr.tag, 'fullCalcOnLoad', '1')}${calcPr.body === null ? '' : `${calcPr.body}</${p}calcPr>`}${workbook.slice(calcPr.end)}`;
    else {
      const later = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'].map((n) => `${p}${n}`);
      workbook = insertBefore(workbook, `<${p}calcPr fullCalcOnLoad="1"/>`, later, `</${p}workbook>`);
    }
    zip.file('xl/workbook.xml', workbook);
  }
  return { data: await generate(zip), refused };
}
