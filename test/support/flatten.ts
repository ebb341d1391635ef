/**
 * A table as text copied from a web page or a PDF: the visible cells in reading order, in each of the
 * layouts real copies have (rows joined by "|", tabs or spaces; one cell per line, with or without
 * separator lines; markdown rows whose cells hold line breaks). Issue #10, class 1.
 */
import type { Sheet } from '../../src/core/grid';
import { placedCells } from './documents';

export const FLAT_LAYOUTS = [
  'pipe-rows',
  'tab-rows',
  'space-rows',
  'nbsp-rows',
  'single-space-rows',
  'cell-per-line',
  'cell-per-line-blank-lines',
  'cell-then-bar-line',
  'cell-with-bar-rows',
  'markdown-multiline',
] as const;
export type FlatLayout = (typeof FLAT_LAYOUTS)[number];

/** The visible cells of each row, blanks as '' (a copy keeps a blank cell's place only where it can). */
function visibleRows(sheet: Sheet): string[][] {
  return placedCells(sheet).map((row) => row.map((c) => c.text));
}

export function flatten(sheet: Sheet, layout: FlatLayout): string {
  const rows = visibleRows(sheet).filter((r) => r.some((c) => c !== ''));
  const cellsOnly = rows.flatMap((r) => r.filter((c) => c !== ''));
  switch (layout) {
    case 'pipe-rows':
      return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
    case 'tab-rows':
      return rows.map((r) => r.join('\t')).join('\n');
    case 'space-rows':
      return rows.map((r) => r.map((c) => c || ' ').join('   ')).join('\n');
    case 'nbsp-rows':
      return rows.map((r) => r.map((c) => `&nbsp;${c || '&nbsp;'}&nbsp;`).join('&nbsp;&nbsp;')).join('\n');
    case 'single-space-rows':
      // A PDF's text layer: one space between cells, blanks lost.
      return rows.map((r) => r.filter((c) => c !== '').join(' ')).join('\n');
    case 'cell-per-line':
      return cellsOnly.join('\n');
    case 'cell-per-line-blank-lines':
      return cellsOnly.join('\n\n');
    case 'cell-then-bar-line':
      return cellsOnly.map((c) => `${c}\n|`).join('\n');
    case 'cell-with-bar-rows':
      return rows.map((r) => `${r.filter((c) => c !== '').map((c) => `${c} |`).join('\n')}\n||`).join('\n');
    case 'markdown-multiline':
      return rows.map((r) => `| \n ${r.join('  | \n ')}  | `).join('\n');
  }
}
