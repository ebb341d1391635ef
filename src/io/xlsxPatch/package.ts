/**
 * The package being patched: its parts read and written by name, the workbook's sheets found through
 * its relationships, and new relationships and content types added to the parts that list them.
 */
import JSZip from 'jszip';
import { UnreadableInputError, UnsupportedInputError } from '../errors';
import { ioMessages } from '../messages';
import { partKey } from '../package';
import { resolveTarget } from '../xlsx';
import { appendInside, applySplices, child, children, descendants, insertBefore, localName, parseXml, prefixOf, rootOf, setAttr, startTag, XmlSyntaxError, type XmlElement } from '../xml';

export const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

/** Parts found by name as a package names them (case aside, a leading "/" aside). */
export class Package {
  private readonly stored = new Map<string, string>();

  private constructor(
    readonly zip: JSZip,
    readonly file: string,
  ) {
    for (const name of Object.keys(zip.files)) {
      if (zip.files[name].dir) continue;
      const key = partKey(name);
      const other = this.stored.get(key);
      if (other !== undefined) throw new UnsupportedInputError(ioMessages.duplicatePart(file, other, name));
      this.stored.set(key, name);
    }
  }

  static async open(data: Buffer, file: string): Promise<Package> {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch {
      throw new UnreadableInputError(ioMessages.corruptXlsx(file));
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

  /** A part that must be there: its absence means the package is broken. */
  async required(part: string): Promise<string> {
    const text = await this.text(part);
    if (text === undefined) throw new UnreadableInputError(ioMessages.corruptXlsx(this.file));
    return text;
  }

  async xml(part: string): Promise<{ text: string; root: XmlElement } | undefined> {
    const text = await this.text(part);
    if (text === undefined) return undefined;
    try {
      return { text, root: rootOf(parseXml(text)) };
    } catch (err) {
      if (err instanceof XmlSyntaxError) throw new UnreadableInputError(ioMessages.corruptXlsx(this.file));
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

  /** The first name make(1), make(2), … that no part has. */
  freeName(make: (n: number) => string): string {
    let n = 1;
    while (this.has(make(n))) n++;
    return make(n);
  }

  generate(): Promise<Buffer> {
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
}

/** Where a part's relationships are stored: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Sheet name → the path of its part, through workbook.xml and its relationships (not by position). */
export async function sheetParts(pkg: Package): Promise<Map<string, string>> {
  const workbook = await pkg.xml('xl/workbook.xml');
  const rels = await pkg.xml('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new UnreadableInputError(ioMessages.corruptXlsx(pkg.file));
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

/** A part's relationships (an empty list when it has none yet), each with its target resolved. */
export async function relationshipsOf(pkg: Package, part: string): Promise<{ type: string; target: string }[]> {
  const rels = await pkg.xml(relsPathOf(part));
  const dir = part.slice(0, part.lastIndexOf('/'));
  return (rels ? children(rels.root, 'Relationship') : [])
    .filter((r) => r.attrs.TargetMode !== 'External' && r.attrs.Type !== undefined && r.attrs.Target !== undefined)
    .map((r) => ({ type: r.attrs.Type!, target: resolveTarget(dir, r.attrs.Target!) }));
}

/**
 * Adds relationships from a part to new parts (given by their path in the package; written relative to
 * the part) and returns their ids, numbered after the ids the part already uses.
 */
export async function addRelationships(pkg: Package, part: string, added: { type: string; target: string }[]): Promise<string[]> {
  const relsPath = relsPathOf(part);
  const text = (await pkg.text(relsPath)) ?? EMPTY_RELS;
  const root = rootOf(parseXml(text));
  const used = children(root, 'Relationship').map((r) => Number(/^rId(\d+)$/.exec(r.attrs.Id ?? '')?.[1] ?? 0));
  const first = Math.max(0, ...used) + 1;
  const ids = added.map((_, i) => `rId${first + i}`);
  const dir = part.slice(0, part.lastIndexOf('/'));
  const xml = added.map((r, i) => `<Relationship Id="${ids[i]}" Type="${REL_TYPE}/${r.type}" Target="${relativePath(dir, r.target)}"/>`).join('');
  pkg.put(relsPath, applySplices(text, appendInside(text, root, xml)));
  return ids;
}

/** The path from a folder to a part, as a relationship's target: ("xl/worksheets", "xl/comments1.xml") → "../comments1.xml". */
function relativePath(fromDir: string, target: string): string {
  const from = fromDir.split('/').filter(Boolean);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** Declares new parts' content types: a default for an extension not yet declared, and an override per part. */
export async function addContentTypes(pkg: Package, defaults: { extension: string; type: string }[], overrides: { part: string; type: string }[]): Promise<void> {
  const text = await pkg.required('[Content_Types].xml');
  const root = rootOf(parseXml(text));
  const declared = new Set(children(root, 'Default').map((d) => d.attrs.Extension?.toLowerCase()));
  const xml =
    defaults
      .filter((d) => !declared.has(d.extension))
      .map((d) => `<Default Extension="${d.extension}" ContentType="${d.type}"/>`)
      .join('') + overrides.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join('');
  pkg.put('[Content_Types].xml', applySplices(text, appendInside(text, root, xml)));
}

/** Asks Excel to recalculate every formula when the workbook is opened (cells were written without their dependents). */
export async function requestFullCalcOnLoad(pkg: Package): Promise<void> {
  const workbook = (await pkg.xml('xl/workbook.xml'))!;
  const calcPr = child(workbook.root, 'calcPr');
  const p = prefixOf(child(workbook.root, 'sheets') ?? workbook.root);
  const later = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
  const splices = calcPr
    ? [{ start: calcPr.start, end: calcPr.openEnd, text: setAttr(startTag(workbook.text, calcPr), 'fullCalcOnLoad', '1') }]
    : insertBefore(workbook.text, workbook.root, `<${p}calcPr fullCalcOnLoad="1"/>`, later);
  pkg.put('xl/workbook.xml', applySplices(workbook.text, splices));
}
