/**
 * Writes the annotated and totals copies by patching the original .xlsx package: only the parts that
 * must change (the sheet XML, styles.xml, workbook.xml, and the notes' parts) are rewritten, and within
 * them only the elements concerned. Every other part, and every other byte of a changed part, is kept:
 * loading and saving through exceljs would lose the default font, charts, pivot tables and whatever
 * else it does not model.
 *
 * Each part is read through an XML tokenizer that gives every element's place in the text (../xml.ts),
 * and edited by splicing the text there: a comment, a CDATA section or a processing instruction that
 * looks like a row is never taken for one, and a serializer never rewrites the namespaces, quoting and
 * entities of everything else in the part. The parts: package.ts (the zip, relationships, content
 * types), cells.ts (rows and cells), styles.ts (fills and cell formats), notes.ts (comments and VML).
 */
import { a1, type Finding, parseCellRef, type PlannedWrite, type Severity, SEVERITY_STYLE } from '../../core';
import { UnreadableInputError } from '../errors';
import { ioMessages } from '../messages';
import { SEVERITY_FILLS } from '../xlsx';
import { child, removeAttr, XmlSyntaxError } from '../xml';
import { addEdit, cellXml, type CellEdits, patchCells } from './cells';
import { addNotes, type Note } from './notes';
import { Package, requestFullCalcOnLoad, sheetParts } from './package';
import { StyleSheet } from './styles';

/** Runs a patch over a package, a part that is not well-formed XML making the file "corrupt". */
async function patching<T>(data: Buffer, file: string, patch: (pkg: Package) => Promise<T>): Promise<T> {
  const pkg = await Package.open(data, file);
  try {
    return await patch(pkg);
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new UnreadableInputError(ioMessages.corruptXlsx(file));
    throw err;
  }
}

/** Writes the edited cells into each sheet part. */
async function applyEdits(pkg: Package, edits: CellEdits): Promise<void> {
  for (const [part, rows] of edits) pkg.put(part, patchCells(await pkg.required(part), rows));
}

/**
 * The annotated copy: every finding cell gets a solid fill of its worst severity's colour, the rest of
 * its style kept, and the first cell of each finding the message as a note.
 */
export async function annotateCopy(data: Buffer, findings: Finding[], file = ''): Promise<{ data: Buffer; sheetsWithoutNotes: string[] }> {
  return patching(data, file, async (pkg) => {
    const parts = await sheetParts(pkg);
    const worst = new Map<string, Severity>();
    const messages = new Map<string, string[]>();
    for (const f of findings) {
      f.cells.forEach((ref, i) => {
        const current = worst.get(ref);
        if (!current || SEVERITY_STYLE[f.severity].rank < SEVERITY_STYLE[current].rank) worst.set(ref, f.severity);
        if (i === 0 && !messages.get(ref)?.includes(f.message)) messages.set(ref, [...(messages.get(ref) ?? []), f.message]);
      });
    }
    const styles = new StyleSheet(await pkg.required('xl/styles.xml'));
    const edits: CellEdits = new Map();
    const notesByPart = new Map<string, Map<string, Note>>();
    for (const [ref, severity] of worst) {
      const pos = parseCellRef(ref);
      const part = pos && parts.get(pos.sheet);
      if (!pos || !part) continue;
      const { row, col } = pos;
      const argb = SEVERITY_FILLS[severity];
      addEdit(edits, part, row, col, (cell, inheritedStyle, p) => {
        const style = styles.xfWithFill(cell ? cell.el.attrs.s : inheritedStyle, argb);
        return cellXml(p, cell?.tag, row, col, style, cell && !cell.el.selfClosing ? cell.inner : null);
      });
      const text = messages.get(ref);
      if (text) {
        const byCell = notesByPart.get(part) ?? new Map<string, Note>();
        notesByPart.set(part, byCell);
        byCell.set(a1(row, col), { row, col, text: text.join('\n') });
      }
    }
    await applyEdits(pkg, edits);
    const sheetsWithoutNotes: string[] = [];
    for (const [part, notes] of notesByPart) {
      if (!(await addNotes(pkg, part, notes))) sheetsWithoutNotes.push([...parts].find(([, v]) => v === part)![0]);
    }
    pkg.put('xl/styles.xml', styles.toXml());
    return { data: await pkg.generate(), sheetsWithoutNotes };
  });
}

/**
 * The totals copy: each planned cell holds its new number as a plain value, its style kept. A cell
 * with a formula is never written (the plan has none; returned in `refused` if one appears). Formulas
 * that depend on the written cells recalculate when the copy is opened.
 */
export async function totalsCopy(data: Buffer, writes: PlannedWrite[], file = ''): Promise<{ data: Buffer; refused: string[] }> {
  return patching(data, file, async (pkg) => {
    const parts = await sheetParts(pkg);
    const edits: CellEdits = new Map();
    const refused: string[] = [];
    let written = 0;
    for (const w of writes) {
      const part = parts.get(w.sheet);
      if (!part || !Number.isFinite(w.after)) continue;
      addEdit(edits, part, w.row, w.col, (cell, inheritedStyle, p) => {
        if (cell && child(cell.el, 'f')) {
          refused.push(w.cell);
          return null;
        }
        // t (shared or inline string, boolean…) and its <is> go, and vm (a rich value such as a picture in
        // the cell): the cell now holds a number.
        const tag = cell ? removeAttr(removeAttr(cell.tag, 't'), 'vm') : undefined;
        written++;
        return cellXml(p, tag, w.row, w.col, cell ? undefined : inheritedStyle, `<${p}v>${w.after}</${p}v>`);
      });
    }
    await applyEdits(pkg, edits);
    if (written > 0) await requestFullCalcOnLoad(pkg);
    return { data: await pkg.generate(), refused };
  });
}
