/**
 * Notes (Excel's comments) on a sheet: the comments part that holds their text and the VML drawing that
 * holds their boxes, either the sheet's own or new ones linked to it.
 */
import { appendInside, applySplices, child, children, descendants, encodeXml, insertBefore, parseXml, prefixOf, rootOf, textOf, XmlSyntaxError, type Splice, type XmlElement } from '../xml';
import { addContentTypes, addRelationships, type Package, REL_TYPE, relationshipsOf } from './package';

/** A note to put on a cell. */
export interface Note {
  row: number;
  col: number;
  text: string;
}

const NOTE_AUTHOR = '年报助手';

const NEW_COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>`;

const newVml = (idmap: number) =>
  `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>`;

/** Elements of a worksheet that come after legacyDrawing in the schema's order. */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** A VML drawing as Excel writes it; legacy markup that is not well-formed XML is left alone (no notes). */
function parseVml(text: string): XmlElement | undefined {
  try {
    return rootOf(parseXml(text));
  } catch (err) {
    if (err instanceof XmlSyntaxError) return undefined;
    throw err;
  }
}

/** The two parts notes live in, by path, with their text. */
interface NotesParts {
  commentsPath: string;
  vmlPath: string;
  comments: string;
  vml: string;
}

/** The sheet's own comments part and VML drawing; 'none' when it has neither, undefined when it has only one (or one is missing). */
async function existingNotesParts(pkg: Package, sheetPart: string): Promise<NotesParts | undefined | 'none'> {
  const relations = await relationshipsOf(pkg, sheetPart);
  const ofType = (suffix: string) => relations.find((r) => r.type.endsWith(suffix));
  const commentsRel = ofType('/comments');
  const vmlRel = ofType('/vmlDrawing');
  if (!commentsRel && !vmlRel) return 'none';
  if (!commentsRel || !vmlRel) return undefined;
  const comments = await pkg.text(commentsRel.target);
  const vml = await pkg.text(vmlRel.target);
  if (!comments || !vml) return undefined;
  return { commentsPath: commentsRel.target, vmlPath: vmlRel.target, comments, vml };
}

/**
 * New, empty comments and VML parts for a sheet, linked from it and declared in the content types;
 * undefined (and nothing written) when another drawing cannot be read to keep shape ids unique.
 */
async function newNotesParts(pkg: Package, sheetPart: string): Promise<NotesParts | undefined> {
  // Shape ids are 1024 × the drawing's idmap number + n; a number no other drawing uses keeps them unique.
  let idmap = 0;
  for (const name of pkg.names().filter((f) => /\.vml$/i.test(f))) {
    const other = parseVml((await pkg.text(name)) ?? '');
    if (!other) return undefined;
    for (const m of descendants(other, 'idmap')) idmap = Math.max(idmap, ...(m.attrs.data ?? '').split(',').map(Number).filter(Number.isFinite));
  }
  const commentsPath = pkg.freeName((n) => `xl/comments${n}.xml`);
  const vmlPath = pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
  const [, vmlId] = await addRelationships(pkg, sheetPart, [
    { type: 'comments', target: commentsPath },
    { type: 'vmlDrawing', target: vmlPath },
  ]);
  const sheet = await pkg.required(sheetPart);
  const sheetRoot = rootOf(parseXml(sheet));
  const p = prefixOf(child(sheetRoot, 'sheetData') ?? sheetRoot);
  pkg.put(sheetPart, applySplices(sheet, insertBefore(sheet, sheetRoot, `<${p}legacyDrawing xmlns:r="${REL_TYPE}" r:id="${vmlId}"/>`, AFTER_LEGACY_DRAWING)));
  await addContentTypes(
    pkg,
    [{ extension: 'vml', type: 'application/vnd.openxmlformats-officedocument.vmlDrawing' }],
    [{ part: commentsPath, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml' }],
  );
  return { commentsPath, vmlPath, comments: NEW_COMMENTS, vml: newVml(idmap + 1) };
}

/** A note's box, hidden until the cell is pointed at, as Excel draws one. */
function noteShape(id: number, { row, col }: Note): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 5}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * Adds notes (by cell address) to a sheet: into its comments part and VML drawing when it has both, or
 * into new ones when it has neither. A sheet with only one of them (a VML drawing for form controls, say)
 * is left without notes (false) rather than risk a package Excel would have to repair.
 */
export async function addNotes(pkg: Package, sheetPart: string, notes: Map<string, Note>): Promise<boolean> {
  const existing = await existingNotesParts(pkg, sheetPart);
  const parts = existing === 'none' ? await newNotesParts(pkg, sheetPart) : existing;
  if (!parts) return false;
  const { commentsPath, vmlPath, comments, vml } = parts;

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
  const commented = new Map(descendants(commentsRoot, 'comment').map((c) => [c.attrs.ref, c]));
  const newComments: string[] = [];
  const shapes: string[] = [];
  const shapeIds = descendants(vmlRoot, 'shape').map((s) => Number(/^_x0000_s(\d+)$/.exec(s.attrs.id ?? '')?.[1] ?? 0));
  const idmap = Number(/^\d+/.exec(descendants(vmlRoot, 'idmap')[0]?.attrs.data ?? '')?.[0] ?? 1);
  let shapeId = Math.max(idmap * 1024, ...shapeIds);
  for (const [ref, note] of notes) {
    const comment = commented.get(ref);
    if (comment) {
      // The cell has a note already (the user's, or this tool's from an earlier run): keep it, add ours once.
      if (textOf(comment, 't').includes(note.text)) continue;
      const textEl = child(comment, 'text');
      if (textEl) splices.push(...appendInside(comments, textEl, run(`\n${note.text}`)));
      continue;
    }
    newComments.push(`<${cp}comment ref="${ref}" authorId="${Math.max(authorId, 0)}"><${cp}text>${run(note.text)}</${cp}text></${cp}comment>`);
    shapes.push(noteShape(++shapeId, note));
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
