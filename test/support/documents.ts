/** Writes a grid as the published forms of a report: an HTML page and a .docx, tables with real spans. */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { Sheet } from '../../src/core/grid';

interface Placed {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/** Each visible cell once, with the spans of its merged area; covered cells are skipped as in HTML. */
export function placedCells(sheet: Sheet): Placed[][] {
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const width = Math.max(...sheet.rows.map((r) => r?.length ?? 0), ...sheet.merges.map((m) => m.right + 1));
  return sheet.rows.map((cells, r) => {
    const out: Placed[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const s = spans.get(`${r},${c}`) ?? { rowSpan: 1, colSpan: 1 };
      const v = cells?.[c]?.value;
      out.push({ row: r, col: c, ...s, text: v === null || v === undefined ? '' : String(v) });
    }
    return out;
  });
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function reportHtml(paragraphs: string[], tables: Sheet[]): string {
  const body = [
    ...paragraphs.map((p) => `<p>${escape(p)}</p>`),
    ...tables.map(
      (t) =>
        `<table border="1"><tbody>${placedCells(t)
          .map((row) => `<tr>${row.map((c) => `<td${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}>${escape(c.text)}</td>`).join('')}</tr>`)
          .join('\n')}</tbody></table>`,
    ),
  ];
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title></head><body>${body.join('\n')}</body></html>`;
}

export async function reportDocx(paragraphs: string[], tables: Sheet[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] }));
  for (const t of tables) {
    const rows = placedCells(t).filter((r) => r.length > 0);
    children.push(
      new Table({
        rows: rows.map(
          (row) =>
            new TableRow({
              children: row.map(
                (c) => new TableCell({ rowSpan: c.rowSpan, columnSpan: c.colSpan, children: [new Paragraph(c.text)] }),
              ),
            }),
        ),
      }),
    );
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A report as a text file: its paragraphs, then each table's rows with "|" between cells, as a page copied into a text editor gives them. */
export function reportText(paragraphs: string[], tables: Sheet[]): string {
  const rows = tables.flatMap((t) => placedCells(t).map((row) => row.map((c) => c.text)).filter((cells) => cells.some((c) => c !== '')));
  return [...paragraphs, ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
}
