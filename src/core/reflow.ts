/**
 * Rebuilds the rows of a table whose cells stand in reading order (a flowed sheet: text copied from a
 * web page or a PDF). Copies put one cell per line, a whole row per line, or a row's group labels in
 * its first cells; what they keep is the order. A row is the labels that come first and the figures
 * that follow them, so a new row starts where a label follows a figure.
 */
import type { Cell, Sheet } from './grid';
import { readCell, UNITS } from './values';

/** Units typed as a column of their own (the legacy 统计表's 单位): never a row label, never a figure. */
export const UNIT_WORDS: ReadonlySet<string> = new Set(UNITS);

/** Sentence punctuation marks prose, which ends a table's rows and is never a cell of one. */
export const SENTENCE = /[。；！？]/;

export type TokenKind = 'label' | 'unit' | 'value' | 'blank' | 'prose';

export function tokenKind(cell: Cell | undefined): TokenKind {
  const reading = readCell(cell);
  if (reading.kind === 'blank') return 'blank';
  if (reading.kind !== 'text') return 'value';
  const text = reading.raw;
  if (UNIT_WORDS.has(text)) return 'unit';
  return SENTENCE.test(text) || text.length > 120 ? 'prose' : 'label';
}

export interface Reflowed {
  /** One row per rebuilt table row (or prose line), cells in their order, blanks kept where a copy kept them. */
  sheet: Sheet;
  /** Where each rebuilt cell stands in the original sheet: origin[row][col]. */
  origin: { row: number; col: number }[][];
}

interface Token {
  row: number;
  col: number;
  cell: Cell | undefined;
  kind: TokenKind;
}

/** What a label names in the templates: a data row, a group of rows, or something else (a header, a heading). */
export type RowLabelKind = 'data' | 'group' | null;

/**
 * `rowLabel` says which labels name a template's rows: in a table whose figures are all blank (a blank
 * template copied as text) nothing separates two rows but their labels, so a row label that follows a
 * data row's label starts a row of its own.
 */
export function reflow(sheet: Sheet, rowLabel: (text: string) => RowLabelKind = () => null): Reflowed {
  const rows: (Cell | undefined)[][] = [];
  const origin: { row: number; col: number }[][] = [];
  let current: Token[] = [];
  let hasValues = false;
  let hasDataLabel = false;

  const flush = () => {
    // Blanks before the first label belong to no row (the space a merged group label left).
    while (current.length && current[0].kind === 'blank') current.shift();
    if (current.length) {
      rows.push(current.map((t) => (t.kind === 'blank' ? { value: null } : t.cell)));
      origin.push(current.map((t) => ({ row: t.row, col: t.col })));
    }
    current = [];
    hasValues = false;
    hasDataLabel = false;
  };

  sheet.rows.forEach((cells, r) => {
    if (!cells) return;
    for (let c = 0; c < cells.length; c++) {
      const token: Token = { row: r, col: c, cell: cells[c], kind: tokenKind(cells[c]) };
      if (token.kind === 'prose') {
        flush();
        current = [token];
        flush();
        continue;
      }
      const names = token.kind === 'label' ? rowLabel(String(token.cell?.value ?? '')) : null;
      if (token.kind === 'label' && (hasValues || (names && hasDataLabel))) flush();
      if (token.kind === 'blank' && current.length === 0) continue;
      current.push(token);
      if (token.kind === 'value') hasValues = true;
      if (names === 'data') hasDataLabel = true;
    }
  });
  flush();
  return { sheet: { name: sheet.name, rows, merges: [], flowed: true, ...(sheet.protected ? { protected: true } : {}) }, origin };
}
